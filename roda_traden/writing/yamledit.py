"""Round-trip editing: comments, key order, quotes and flow style survive."""

from __future__ import annotations

import io
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
