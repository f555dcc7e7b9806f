"""What a validation run hands back: plain problems and counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..loading.discovery import display, find_trees, tree_root
from ..problems import Problem, Severity


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    trees: int = 0
    unreadable: list[str] = field(default_factory=list)
    # Absolute path → digest of the bytes each file was validated from.
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)

    def merge(self, other: Result) -> None:
        self.problems.extend(other.problems)
        self.files += other.files
        self.trees += other.trees
        self.unreadable.extend(other.unreadable)
        self.digests.update(other.digests)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 errors (or warnings when strict), 2 unreadable or nothing found."""
        if self.unreadable or not self.trees:
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        return 0


def roots_of(path: Path) -> list[Path]:
    """The trees a run at ``path`` checks: those at or below a directory, or a file's own."""
    if path.is_file():
        root = tree_root(path)
        return [root] if root else []
    return find_trees(path)


def collect(path: Path, run: Callable[[list[Path]], list[Result]]) -> Result:
    """Validate the trees at or below ``path`` with ``run`` and merge the
    results. Given a file, run its tree and keep only that file's problems."""
    result = Result()
    for part in run(roots_of(path)):
        result.merge(part)
    if path.is_file():
        # The file's own problems, and those of files that kept the tree
        # from being read, without which its problems cannot be trusted.
        shown = {display(path.resolve()), *result.unreadable}
        result.problems = [p for p in result.problems if p.file in shown]
    result.problems.sort(key=Problem.sort_key)
    return result
