"""Swedish formatting for every document, in one place (not in templates):
"1 052", "72 %", "2023-08-31", "● uppfyllt"."""

from __future__ import annotations

import datetime
import re
from typing import Any

from markupsafe import Markup, escape

from ..domain.grades import Grade
from ..language.values import Target
from ..language.numbers import format_number, round_half_up


def number(value: Any) -> str:
    """1052 → "1 052", -3200.5 → "−3 200,5", None → "–"."""
    if value is None:
        return "–"
    if isinstance(value, Target):
        return target(value)
    return format_number(float(value))


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round_half_up(value)}\u00a0%"


def target(value: Target | None) -> str:
    """A målvärde or utfall as written, with Swedish spacing: "72%" → "72 %"."""
    if value is None:
        return "–"
    if value.kind == "number" and value.number is not None:
        ops = {"=": "", ">=": "≥\u00a0", "<=": "≤\u00a0", ">": ">\u00a0", "<": "<\u00a0"}
        shown = ops[value.op] + format_number(value.number)
        return shown + "\u00a0%" if value.percent else shown
    return value.raw


def series_values(values: dict[int, Target | None]) -> str:
    """A nyckeltal's history: "2018: 11, 2019: 19, 2020: –, 2021: 24"."""
    return ", ".join(f"{year}: {target(value)}" for year, value in sorted(values.items())) or "–"


def date(value: datetime.date | None) -> str:
    return "–" if value is None else value.isoformat()


def grade(value: Grade) -> str:
    """Symbol and word together: meaning never by colour alone."""
    return value.shown


def md_cell(value: Any) -> str:
    """Text that stays on its line in Markdown – a table cell, a heading, a
    list item: line breaks folded, pipes escaped, and "<" written as an
    entity so that text in a goal is never read as HTML."""
    text = "" if value is None else str(value)
    return re.sub(r"\s*\n\s*", " ", text).replace("|", "\\|").replace("<", "&lt;").strip()


def paragraphs(value: str | None) -> Markup:
    """Plain text with blank lines as HTML paragraphs, escaped."""
    if not value:
        return Markup("")
    parts = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Markup("".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in parts))


FILTERS = {
    "number": number,
    "percent": percent,
    "target": target,
    "date": date,
    "series_values": series_values,
    "grade": grade,
    "md_cell": md_cell,
    "paragraphs": paragraphs,
}
