"""The one problem type every check produces, and the identity of a check.

A problem is plain data. The loader and the rules create them, formatters
print them; nothing else decides how a problem looks.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Code:
    """What a code means, whoever reports it: its stable code, readable
    name, one-line summary, default severity and Swedish documentation."""

    code: str
    name: str
    summary: str
    severity: Severity
    description: str
    # A problem that makes a file unusable cannot be switched off or silenced.
    required: bool = False

    @property
    def group(self) -> str:
        return self.name.split(".", 1)[0]


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
