"""Problems for people at a terminal: grouped by file, worst first within
a line, severity spelled out (never colour alone)."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..engine.result import Result
from ..problems import Problem, Severity
from .summary import log_safe, more_line, shown, summary_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def render(result: Result, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for file, problems in groupby(shown(result.problems), key=lambda p: p.file if isinstance(p, Problem) else None):
        if file is not None:
            console.print(Text(log_safe(file), style="bold underline"))
        for p in problems:
            if not isinstance(p, Problem):
                console.print(Text("  " + more_line(*p), style="dim"))
                continue
            line = Text("  ")
            line.append(f"{p.line}:{p.column}".ljust(8), style="dim")
            line.append(p.severity.value.ljust(9), style=_STYLE[p.severity])
            line.append(p.code.ljust(7), style="bold")
            line.append(log_safe(p.message))
            console.print(line)
            if p.hint:
                console.print(Text(" " * 26 + "→ " + log_safe(p.hint), style="dim"))
        console.print()
    style = "bold red" if result.errors else "yellow" if result.warnings else "green"
    console.print(Text(summary_line(result), style=style))
