"""The one problem type every check produces.

A problem is plain data. Rules and the loader create them, formatters print
them; nothing else decides how a problem looks.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)
