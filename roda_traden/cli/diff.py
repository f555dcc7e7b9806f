"""`rt diff` and the git side of `rt validate --jämför`: revisions read
through git, its refusals said as usage problems (exit code 2)."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from . import tree_path
from .guard import UsageProblem

FORMATS = ("terminal", "json", "markdown")


def diff(revisions: list[str], path: Path | None, output: str, today: datetime.date) -> int:
    """Print what changed between REV1 (default: where the branch left the
    default branch) and REV2 (default: the files on disk); 1 when a change
    breaks a decision."""
    from ..engine.diff import WORKING_TREE, diff_report
    from ..loading.discovery import KOMMUN_FILE
    from ..loading.git import GitError, commit_of, default_base, short

    if len(revisions) > 2:
        raise UsageProblem("Ange högst två revisioner: rt diff [REV1 [REV2]].")
    if output not in FORMATS:
        raise UsageProblem(f"Okänt format \"{output}\". Välj bland: {', '.join(FORMATS)}.")
    root = tree_path(path)
    if not (root / KOMMUN_FILE).is_file():
        raise UsageProblem(f"Hittar ingen kommun.yaml i \"{root}\"; ange målträdet med --träd.")
    try:
        base = commit_of(root, revisions[0]) if revisions else default_base(root)
        head = commit_of(root, revisions[1]) if len(revisions) == 2 else None
        base_name = f"{revisions[0]} ({short(root, base)})" if revisions else \
            f"{short(root, base)} (där grenen utgår från standardgrenen)"
        head_name = f"{revisions[1]} ({short(root, head)})" if head else WORKING_TREE
        report = diff_report(root, base, head, today, (base_name, head_name))
    except GitError as error:
        raise UsageProblem(str(error)) from None
    if output == "json":
        from ..formatters.diff_json import render
    elif output == "markdown":
        from ..formatters.diff_markdown import render
    else:
        from ..formatters.diff_terminal import render
    render(report, sys.stdout)
    return report.exit_code


def compared_commit(path: Path, revision: str) -> str:
    """The commit `rt validate --jämför REV` compares with."""
    from ..loading.git import GitError, commit_of

    try:
        return commit_of(path, revision)
    except GitError as error:
        raise UsageProblem(str(error)) from None
