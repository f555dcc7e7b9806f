"""`rt diff` as JSON for scripts: keys in English, texts in Swedish."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..domain.changes import describe
from ..engine.diff import DiffReport
from ..problems import Severity
from .summary import json_log_safe


def render(report: DiffReport, stream: TextIO) -> None:
    document = {
        "rt": __version__,
        "base": report.base,
        "head": report.head,
        "unread": report.unread,
        "changes": [
            {"area": c.area, "kind": c.kind.name.lower(), "what": c.what, "where": list(c.where),
             "old": c.old, "new": c.new, "text": describe(c)}
            for c in report.changes
        ],
        "breaches": [
            {"file": p.file, "line": p.line, "column": p.column, "code": p.code,
             "severity": "error" if p.severity is Severity.ERROR else "warning", "message": p.message, "hint": p.hint}
            for p in report.breaches
        ],
    }
    stream.write(json_log_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    stream.write("\n")
