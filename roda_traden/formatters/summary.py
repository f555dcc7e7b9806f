"""The one-line verdict every human-facing format ends with."""

from __future__ import annotations

from ..engine.result import Result


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
