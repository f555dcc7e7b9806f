"""`rt diff` as Markdown for a pull-request comment: the decisions broken
first, then a table of changes per file, old and new side by side."""

from __future__ import annotations

from typing import TextIO

from ..domain.changes import Kind, grouped
from ..engine.diff import DiffReport
from .job_summary import markdown_text

_KIND = {Kind.ADDED: "➕ tillagt", Kind.REMOVED: "➖ borttaget", Kind.CHANGED: "✏️ ändrat"}


def render(report: DiffReport, stream: TextIO) -> None:
    title = (f"### rt diff: {_count(len(report.changes), 'ändring', 'ändringar')}, "
             f"{len(report.breaches)} fel mot beslut")
    lines = [title, "", f"Från `{_code(report.base)}` till `{_code(report.head)}`."]
    for name in report.unread:
        lines += ["", f"> ⚠️ {markdown_text(name)} kunde inte läsas och jämförs inte; kör `rt validate`."]
    if report.breaches:
        lines += ["", "#### ❌ Ändringar utan beslut", ""]
        for problem in report.breaches:
            lines.append(f"- **{problem.code}** `{_code(f'{problem.file}:{problem.line}:{problem.column}')}`: "
                         f"{markdown_text(problem.message)}<br>→ {markdown_text(problem.hint)}")
    for heading, files in grouped(report.changes):
        lines += ["", f"#### {heading}"]
        for file, found in files:
            lines += ["", f"**{markdown_text(file)}**", "", "| | Var | Vad | Före | Efter |", "| --- | --- | --- | --- | --- |"]
            lines += [f"| {_KIND[c.kind]} | {markdown_text(' › '.join(c.where[1:]))} | {markdown_text(c.what)} | "
                      f"{_cell(c.old)} | {_cell(c.new)} |" for c in found]
    if not report.changes:
        lines += ["", "Inga ändringar i mål, mått, målvärden eller uppföljningar."]
    stream.write("\n".join(lines) + "\n")


def _cell(value: str | None) -> str:
    return markdown_text(value) if value else "–"


def _code(text: str) -> str:
    """Text inside `…`: a backtick would end it early."""
    return text.replace("`", "'")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
