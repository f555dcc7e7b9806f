"""Round-trip editing: comments, key order, quotes and flow style survive,
and the file is replaced atomically so a crash never leaves half a file."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.util import load_yaml_guess_indent


def load(text: str) -> tuple[YAML, Any]:
    """A round-trip YAML set up to write ``text`` back the way it was written."""
    _data, indent, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long texts
    # Lists as the goal trees write them ("  - id:") unless the file shows otherwise.
    yaml.indent(mapping=2, sequence=indent or 4, offset=2 if offset is None else offset)
    return yaml, yaml.load(text) if text.strip() else None


def dump(yaml: YAML, data: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write next to the file, then rename over it; keep its permissions."""
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
