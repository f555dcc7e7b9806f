"""Everything `rt diff` shows, computed once for the formatters: what
changed in meaning between two versions of a tree, and the decisions the
changes break (the rules RT901–RT903, located in the newer version)."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.changes import PREVIOUS, Change, changes
from ..domain.context import RunContext
from ..domain.tree import GoalTree
from ..loading.discovery import display
from ..loading.git import load_tree_at, tree_at
from ..loading.tree import load_tree
from ..problems import Problem
from ..text.files import UNREADABLE
from .run import report_problems

BINDING = "beslut"
WORKING_TREE = "arbetskopian"
_GOAL_FILES = ("kommun.yaml", "verksamhetsplan-", "handlingsplan-", "uppfoljning-", "uppföljning-")


@dataclass
class DiffReport:
    base: str  # how each side is named: "a1b2c3d", "arbetskopian"
    head: str
    changes: list[Change]
    breaches: list[Problem]
    # Goal files of either version that could not be read: what they hold is not compared.
    unread: list[str]

    @property
    def exit_code(self) -> int:
        return 1 if self.breaches else 0


def diff_report(root: Path, base: str, head: str | None, today: datetime.date,
                names: tuple[str, str] | None = None) -> DiffReport:
    """``root`` at commit ``base`` against commit ``head``, or against the
    files on disk when ``head`` is None; ``names`` say how the two are called."""
    old = load_tree_at(root, base)
    base_name, head_name = names or (base, head or WORKING_TREE)
    if head is None:
        new = load_tree(root)
        return _report(old, new, base_name, head_name, today, lambda file: file)
    with tree_at(root, head) as folder:
        new = load_tree(folder)
        # Problems name the file where it lies in the tree, not in the temporary folder.
        inside = os.path.realpath(folder)
        return _report(old, new, base_name, head_name, today,
                       lambda file: display(root / os.path.relpath(os.path.realpath(file), inside)))


def _report(old: GoalTree, new: GoalTree, base: str, head: str, today: datetime.date, named) -> DiffReport:
    new.context = RunContext(today=today)
    new.memo[PREVIOUS] = old
    breaches = report_problems(new, BINDING) if new.kommun is not None else []
    # A file of a version that did not exist has no bytes: only files that were there count.
    unread = [f"{source.path.relative_to(tree.root).as_posix()} ({side})" for side, tree in ((base, old), (head, new))
              for source in tree.unloaded(_GOAL_FILES) if source.digest != UNREADABLE]
    return DiffReport(base, head, changes(old, new), [replace(p, file=named(p.file)) for p in breaches], unread)

