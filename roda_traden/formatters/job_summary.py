"""A run as a GitHub job summary: Markdown with the counts per file and per
rule, then every finding, appended to the file GitHub shows on the run's
page ($GITHUB_STEP_SUMMARY) or to any other.

GitHub shows only ten annotations of each level per step; the summary is
where a reviewer finds the rest, so it is never capped per code. GitHub
refuses a step's summary past 1 MiB, so it is cut with a note before that.
Texts from the files are printed as text, never as Markdown or HTML: a goal
text cannot add a link, an image, a mention or a row of its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..engine.result import Result
from ..language.numbers import format_number
from ..problems import Problem, Severity
from ..rules.registry import RULES_BY_CODE
from ..text.printable import printable
from .summary import summary_line

SUMMARY_LIMIT = 1024 * 1024  # bytes, GitHub's limit for one step

# ASCII punctuation that starts Markdown, HTML, a table cell, a mention (@),
# an issue link (#), math ($) or an emoji (:); CommonMark lets any of them be
# escaped with a backslash.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>&|!~$:@#^{}])")


def markdown_text(text: str) -> str:
    """``text`` from the files as literal Markdown text on one line."""
    return _MARKDOWN.sub(r"\\\1", printable(text))


def render(result: Result, stream: TextIO, limit: int = SUMMARY_LIMIT, checked: str = "") -> None:
    """Write the summary of the run on the tree(s) at ``checked``, at most
    ``limit`` bytes of it in UTF-8; past that the findings left out are
    counted in a closing note."""
    total = len(result.problems)
    reserve = len(_cut_note(total, total).encode("utf-8")) + 2
    used = listed = 0
    for line, finding in _lines(result, checked):
        size = len(line.encode("utf-8")) + 1
        if used + size + reserve > limit:
            if used + reserve <= limit:
                stream.write(f"\n{_cut_note(total - listed, total)}\n")
            return
        stream.write(line + "\n")
        used += size
        listed += finding


def append(result: Result, path: Path, checked: str = "") -> None:
    """Add the summary to the file at ``path``, after what the step wrote
    there before (a run per tree, say), within what GitHub accepts for the
    whole file."""
    with open(path, "a", encoding="utf-8", newline="\n") as stream:
        used = os.fstat(stream.fileno()).st_size
        if used:
            stream.write("\n")
        render(result, stream, SUMMARY_LIMIT - used - 1, checked)


def _cut_note(left_out: int, total: int) -> str:
    return (f"> **Sammanfattningen är avkortad:** GitHub tar emot högst 1 MiB per steg, så "
            f"{format_number(left_out)} av {format_number(total)} fynd visas inte här. "
            "Alla finns med `rt validate --format json`.")


def _lines(result: Result, checked: str) -> Iterator[tuple[str, bool]]:
    """The summary's lines, each with whether it is a finding."""
    yield f"## rt validate {markdown_text(checked)}".rstrip(), False
    yield "", False
    yield f"**{summary_line(result)}**", False
    if not result.problems:
        return
    by_file = _tally(result.problems, lambda p: p.file)
    yield from _table("Per fil", ("Fil", "Fel", "Varningar"),
                      ((markdown_text(file), *_counts(n)) for file, n in by_file.items()))
    by_code = _tally(sorted(result.problems, key=lambda p: p.code), lambda p: p.code)
    yield from _table("Per regel", ("Regel", "Vad", "Fel", "Varningar"),
                      ((code, markdown_text(_summary(code)), *_counts(n)) for code, n in by_code.items()))
    yield "", False
    yield "### Alla fynd", False
    file = None
    for p in result.problems:
        if p.file != file:
            file = p.file
            yield "", False
            yield f"#### {markdown_text(file)}", False
            yield "", False
            yield "| Rad | Kolumn | Nivå | Regel | Fynd |", False
            yield "| ---: | ---: | --- | --- | --- |", False
        hint = f"<br>→ {markdown_text(p.hint)}" if p.hint else ""
        yield f"| {p.line} | {p.column} | {p.severity.value} | {p.code} | {markdown_text(p.message)}{hint} |", True


def _table(title: str, head: tuple[str, ...], rows) -> Iterator[tuple[str, bool]]:
    yield "", False
    yield f"### {title}", False
    yield "", False
    yield "| " + " | ".join(head) + " |", False
    yield "| --- | " + " | ".join("---:" if name in ("Fel", "Varningar") else "---" for name in head[1:]) + " |", False
    for row in rows:
        yield "| " + " | ".join(row) + " |", False


def _tally(problems: list[Problem], key) -> dict[str, dict[Severity, int]]:
    counts: dict[str, dict[Severity, int]] = {}
    for p in problems:
        tally = counts.setdefault(key(p), {Severity.ERROR: 0, Severity.WARNING: 0})
        tally[p.severity] += 1
    return counts


def _counts(tally: dict[Severity, int]) -> tuple[str, str]:
    return format_number(tally[Severity.ERROR]), format_number(tally[Severity.WARNING])


def _summary(code: str) -> str:
    rule = RULES_BY_CODE.get(code)
    return rule.summary if rule else ""
