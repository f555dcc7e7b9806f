"""`rt diff` at a terminal: the changes by area and file, each marked with
a sign (+ added, − removed, ~ changed) so that meaning never rests on
colour alone, then the decisions they break."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..domain.changes import Kind, describe, grouped
from ..engine.diff import DiffReport
from .summary import log_safe

# A long text is cut in the terminal; JSON and Markdown carry it whole.
TEXT_LIMIT = 100
_SIGN = {Kind.ADDED: ("+", "green"), Kind.REMOVED: ("−", "red"), Kind.CHANGED: ("~", "yellow")}


def render(report: DiffReport, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    console.print(Text(log_safe(f"Ändringar från {report.base} till {report.head}"), style="bold"))
    for name in report.unread:
        console.print(Text(log_safe(f"Varning: {name} kunde inte läsas och jämförs inte; kör rt validate."),
                           style="bold red"))
    if not report.changes:
        console.print("Inga ändringar i mål, mått, målvärden eller uppföljningar.")
    for heading, files in grouped(report.changes):
        console.print(Text(f"\n{heading}", style="bold"))
        for file, found in files:
            console.print(Text(log_safe(f"  {file}"), style="bold"))
            for change in found:
                sign, style = _SIGN[change.kind]
                ids = " › ".join(change.where[1:])
                console.print(Text.assemble(f"    {sign} ", (log_safe(ids), "dim"), "  " if ids else "",
                                            (log_safe(describe(change, TEXT_LIMIT)), style)))
    _breaches(console, report)


def _breaches(console: Console, report: DiffReport) -> None:
    if not report.breaches:
        if report.changes:
            console.print(Text("\nInga ändringar mot beslutade planer eller inlämnade rapporter.", style="green"))
        return
    count = len(report.breaches)
    console.print(Text(f"\nÄndringar utan beslut ({count} fel):", style="bold red"))
    for problem in report.breaches:
        console.print(Text.assemble("  ", (log_safe(f"{problem.file}:{problem.line}:{problem.column}"), "dim"),
                                    f"  {problem.code}  ", log_safe(problem.message)))
        console.print(Text("    → " + log_safe(problem.hint), style="dim"))
