"""What the rules about a report's missing parts share: they report the
gaps of the report the run names (rt validate --period)."""

from __future__ import annotations

from collections.abc import Iterator

from ..tree import GoalTree
from .base import Hit


def gap_hits(tree: GoalTree, code: str) -> Iterator[Hit]:
    from ..assessment.gaps import gaps
    from ..assessment.status import for_run

    status = for_run(tree)
    if status is None:
        return
    if "gaps" not in tree.memo:
        tree.memo["gaps"] = gaps(tree, status)
    for gap in tree.memo["gaps"]:
        if gap.code == code:
            yield Hit(gap.node, gap.message, gap.hint)
