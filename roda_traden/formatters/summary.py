"""What every human-facing format shares: the cap on repeated findings, the
one-line verdict it ends with, and texts that a CI log cannot run."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..engine.result import Result
from ..language.numbers import format_number
from ..problems import Problem
from ..text.printable import printable

# A CI runner reads its log for commands: GitHub's a line that starts with
# "::" and, in its older form, "##[" anywhere in a line.
_LEADING_COMMAND = re.compile(r"^(\s*):(?=:)")
_LEGACY_COMMAND = "##["


def log_safe(text: str) -> str:
    """A text from the files for a person, as ``printable`` writes it, that a
    CI runner reading the log never takes for a command: the second "#" of
    "##[" and the first ":" of a leading "::" are written as escapes."""
    text = printable(text).replace(_LEGACY_COMMAND, "#\\x23[")
    return _LEADING_COMMAND.sub(r"\1\\x3a", text)


def json_log_safe(document: str) -> str:
    """JSON text that means the same and holds no "##[" (JSON has "#" only
    in strings, where "\\u0023" is the same character); its indented lines
    never start with "::"."""
    return document.replace(_LEGACY_COMMAND, "#\\u0023[")


# Past this many findings of one code, a person reads a count, not a list.
SHOWN_PER_CODE = 50


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(result: Result) -> str:
    files = _count(result.files, "fil", "filer")
    if not result.trees:
        return "Inga målträd hittades (ingen kommun.yaml)."
    if not result.problems:
        return f"Inga problem: {files} {'kontrollerad' if result.files == 1 else 'kontrollerade'}."
    parts = [_count(result.errors, "fel", "fel"), _count(result.warnings, "varning", "varningar")]
    with_problems = len({p.file for p in result.problems})
    line = f"{parts[0]} och {parts[1]} i {with_problems} av {files}."
    if result.unreadable:
        line += f" {_count(len(result.unreadable), 'fil', 'filer')} kunde inte läsas."
    return line


def shown(problems: list[Problem]) -> Iterator[Problem | tuple[str, int]]:
    """The problems a person is shown, in order: at most SHOWN_PER_CODE of
    each code, then (code, how many more) once where the first was left out."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.code] = counts.get(problem.code, 0) + 1
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.code] = seen.get(problem.code, 0) + 1
        if seen[problem.code] <= SHOWN_PER_CODE:
            yield problem
        elif seen[problem.code] == SHOWN_PER_CODE + 1:
            yield problem.code, counts[problem.code] - SHOWN_PER_CODE


def more_line(code: str, count: int) -> str:
    return (f"… och {format_number(count)} fynd till med {code}, som inte visas här "
            "(alla finns i --format json).")
