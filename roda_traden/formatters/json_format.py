"""Problems as JSON for scripts: keys in English, messages in Swedish."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..engine.result import Result
from ..problems import Severity
from .summary import json_log_safe


def render(result: Result, stream: TextIO) -> None:
    document = {
        "rt": __version__,
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "files": result.files,
            "trees": result.trees,
            "unreadable": result.unreadable,
        },
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "code": p.code,
                "severity": "error" if p.severity is Severity.ERROR else "warning",
                "message": p.message,
                "hint": p.hint,
            }
            for p in result.problems
        ],
    }
    stream.write(json_log_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    stream.write("\n")
