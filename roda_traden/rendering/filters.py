"""Swedish formatting for every document, in one place (not in templates):
"1 052", "72 %", "2023-08-31", "● uppfyllt"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
import re
from typing import Any

from markupsafe import Markup, escape

from ..domain.evaluate import shown
from ..domain.grades import Grade, made_of
from ..language.numbers import format_number, round_half_up
from ..language.values import Target
from ..models.kommun import GROUP_ALL
from ..models.budget import InternalBudget
from ..models.plan import Baseline, Series
from ..text.printable import printable


def number(value: Any) -> str:
    """1052 → "1 052", -3200.5 → "−3 200,5", None → "–"."""
    if value is None:
        return "–"
    if isinstance(value, Target):
        return target(value)
    return format_number(float(value))


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round_half_up(value)}\u00a0%"


def target(value: Target | None, percent: bool = False) -> str:
    """A målvärde, ingångsvärde or utfall as the plan wrote it, in the one
    number style (domain/evaluate.py ``shown``: ">25" stays ">25", 7.4 →
    "7,4", "72%" → "72 %"). ``percent``: the mått is in per cent, so a bare
    number is shown with its unit (a chart, where no column heading says it)."""
    if value is None or not value.raw.strip():
        return "–"
    text = shown(value)
    bare = value.number is not None and text == format_number(value.number)
    return text + "\u00a0%" if percent and bare else text


def degree(tally: Any) -> str:
    """A måluppfyllelsegrad with what it is made of: "50 % (0 uppfyllda, 2 delvis av 2)"."""
    return f"{percent(tally.degree)} ({made_of(tally.counts)})"


def baseline(series: Series) -> str:
    """A series' ingångsvärde as the table prints it: "69 % (2022)", "41
    (jan–nov 2023)", "Nytt värde", "–"; after a merger one per part
    ("äldreomsorg: 82 % (2023); socialomsorg: 76 % (2023)")."""
    parts = getattr(series, "part_baselines", None)
    if parts:
        return "; ".join(f"{part.part}: {_one_baseline(part)}" for part in parts)
    return _one_baseline(series.baseline)


def _one_baseline(value: Baseline | None) -> str:
    if value is None or not value.new and value.value is None:
        return "–"
    return value.printed_with(target)


def series_values(values: dict[int, Target | None]) -> str:
    """A nyckeltal's history: "2018: 11, 2019: 19, 2020: –, 2021: 24"."""
    return ", ".join(f"{year}: {target(value)}" for year, value in sorted(values.items())) or "–"


@dataclass(frozen=True)
class BudgetTable:
    """One figure of a column internbudget as the plan prints it: a table of
    nettokostnad, intäkter or kostnader per verksamhet, one column each for
    årsprognos, this year's budget, förändring and the plan year's budget."""

    name: str
    headings: list[str]
    rows: list[tuple[str, list[float | None]]]
    total: list[float | None] | None


_FIGURES = (("net", "Nettokostnad"), ("income", "Intäkter"), ("costs", "Kostnader"))


def budget_tables(budget: InternalBudget) -> list[BudgetTable]:
    """The column form's tables; none for the one-amount-per-line form."""
    columns = budget.columns()
    if columns == [None]:
        return []
    headings = [budget.headings.get(column) or _column_heading(column) for column in columns]
    return [BudgetTable(name, headings,
                        [(row.name, [row.value(attribute, c) for c in columns]) for row in budget.rows],
                        [budget.total.value(attribute, c) for c in columns] if budget.total else None)
            for attribute, name in _FIGURES]


def _column_heading(column: str) -> str:
    """"budget-2024" → "Budget 2024", "förändring" → "Förändring"."""
    kind, _, year = column.partition("-")
    return f"{kind.capitalize()} {year}".strip()


def responsible(names: list[str]) -> str:
    """Whom a KF-mål is directed at, as the kommun wrote it ("VON, KFN, KS",
    "KS, MSN, Bolagen"); nothing for a KF-mål to all, which, as in the
    kommun's own documents, names no one."""
    return "" if [name.lower() for name in names] == [GROUP_ALL] else ", ".join(names)


def date(value: datetime.date | None) -> str:
    return "–" if value is None else value.isoformat()


def grade(value: Grade) -> str:
    """Symbol and word together: meaning never by colour alone."""
    return value.shown


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x85\u2028\u2029]+[ \t]*")
_MD_ACTIVE = re.compile(r"([\\`*_\[\]|#~])")
_MD_LIST_START = re.compile(r"^(\d+)([.)])|^([-+])(?=\s)")


def md_text(value: Any) -> Markup:
    """Any value inserted into a Markdown document, escaped so it stays text
    wherever it stands – a table cell, a heading, a list item: line breaks
    folded, Markdown's signs escaped with a backslash, and <, > and & written
    as entities, so a goal text is never read as a table, a link or HTML.
    Values already made safe (macros, Markup) pass unchanged."""
    if isinstance(value, Markup):
        return value
    # Only line breaks fold: spaces, and the no-break spaces of "72 %", stay as written.
    text = printable(_LINE_BREAKS.sub(" ", "" if value is None else str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ACTIVE.sub(r"\\\1", text)
    return Markup(_MD_LIST_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text))


def _paragraphs(value: str) -> list[str]:
    """A text's paragraphs. In YAML's folded style (`>-`) a blank line in the
    file arrives as one line break, so without any blank line in the value
    each line break separates paragraphs."""
    parts = re.split(r"\n\s*\n", value) if re.search(r"\n\s*\n", value) else value.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


def html_text(value: Any) -> Any:
    """Any value inserted into an HTML document: control characters written
    as visible escapes; Jinja's autoescape then escapes the rest."""
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def paragraphs(value: str | None) -> Markup:
    """Plain text as HTML paragraphs, escaped."""
    if not value:
        return Markup("")
    return Markup("".join(f"<p>{escape(printable(p))}</p>" for p in _paragraphs(value)))


def md_paragraphs(value: str | None) -> Markup:
    """Plain text as Markdown paragraphs (a blank line between), each escaped."""
    if not value:
        return Markup("")
    return Markup("\n\n".join(md_text(p) for p in _paragraphs(value)))


FILTERS = {
    "number": number,
    "percent": percent,
    "degree": degree,
    "target": target,
    "baseline": baseline,
    "budget_tables": budget_tables,
    "date": date,
    "series_values": series_values,
    "responsible": responsible,
    "grade": grade,
    "paragraphs": paragraphs,
    "md_paragraphs": md_paragraphs,
}
