"""Comparisons from stored Kolada values: which comparison a mått or a
relational målvärde names, what `rt kolada hämta` must fetch for it, and the
value a bedömning compares with – the latest year measured up to the year
assessed ("vid senaste mätning")."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..language.numbers import format_number
from ..language.values import Target
from ..models.kolada import ALL_SERIES, RIKET, RIKET_SERIES, KoladaFile
from ..models.plan import BoardGoal, KeyFigure, Measure, PlanFile, Series
from .tree import GoalTree

_KPI = re.compile(r"\b[A-Z]\d{5}\b")
# How texts name the two comparisons every kommun has. The kommuner words
# are looked for first: "rikets kommuner" is the average of the kommuner.
_ALL_WORDS = ("alla kommuner", "sveriges kommuner", "landets kommuner", "samtliga kommuner",
              "rikets kommuner", "kommunerna i riket", "kommunerna i sverige", "kommungenomsnittet")
_RIKET_WORDS = ("riket", "rikets", "rikssnittet", "riksgenomsnittet", "hela landet", "sverige")


def kpi_of(item: Measure | KeyFigure) -> str | None:
    """The Kolada id a mått or nyckeltal names (`kolada: U21468`)."""
    found = _KPI.search(item.kolada or "")
    return found.group(0) if found else None


def groups(tree: GoalTree) -> dict[str, str | list[str]]:
    """The kommun's own comparison groups (`jämförelsegrupper`), by name in lower case."""
    defined = tree.kommun.comparison_groups if tree.kommun else {}
    return {name.lower(): code for name, code in defined.items()}


def named(tree: GoalTree, text: str | None) -> str | None:
    """The comparison a text names: a group of kommun.yaml (as written
    there), "alla kommuner" or "riket"; None when it names none rt knows."""
    if not text:
        return None
    lowered = " ".join(text.lower().split())
    for name in sorted(groups(tree), key=len, reverse=True):
        if name in lowered:
            return _written_name(tree, name)
    if any(word in lowered for word in _ALL_WORDS):
        return ALL_SERIES
    words = set(re.findall(r"\w+", lowered))
    if words & set(_RIKET_WORDS) or any(phrase in lowered for phrase in _RIKET_WORDS if " " in phrase):
        return RIKET_SERIES
    return None


def _written_name(tree: GoalTree, lowered: str) -> str:
    return next(name for name in tree.kommun.comparison_groups if name.lower() == lowered)


def code_of(tree: GoalTree, name: str) -> str | list[str] | None:
    """What to ask Kolada for: 0000 for riket, a group id or kommun codes;
    None for "alla kommuner", which is the mean of every kommun's value."""
    if name == RIKET_SERIES:
        return RIKET
    if name == ALL_SERIES:
        return None
    return groups(tree).get(name.lower())


def comparison_of(tree: GoalTree, item: Measure | KeyFigure, target: Target | None = None) -> str | None:
    """The comparison a mått or nyckeltal is measured against: its own
    `jämförelse`, else the one its relational målvärde names."""
    if item.comparison_group:
        return named(tree, item.comparison_group) or item.comparison_group
    if target is not None and target.kind == "benchmark":
        return named(tree, target.benchmark) or named(tree, target.raw)
    return None


@dataclass(frozen=True)
class RelationalTarget:
    plan: PlanFile
    goal: BoardGoal
    measure: Measure
    series: Series
    year: int
    target: Target


def relational_targets(tree: GoalTree) -> Iterator[RelationalTarget]:
    """Every målvärde that compares with others ("minst i nivå med genomsnittet …")."""
    for plan, goal, measure, series in tree.series():
        for year, target in series.targets.items():
            if target is not None and target.kind == "benchmark":
                yield RelationalTarget(plan, goal, measure, series, year, target)


def wanted(tree: GoalTree) -> dict[str, set[str]]:
    """For every KPI the tree names, the comparisons to fetch besides the
    kommun: riket always (reports draw it), and every comparison a mått,
    nyckeltal or relational målvärde with that KPI names."""
    result: dict[str, set[str]] = {}
    for _plan, _goal, measure in tree.measures():
        if (kpi := kpi_of(measure)) is not None:
            names = result.setdefault(kpi, {RIKET_SERIES})
            targets = [t for s in measure.series() for t in s.targets.values()] or [None]
            names.update(c for t in targets if (c := comparison_of(tree, measure, t)) is not None)
    for plan in tree.plans:
        for figure in plan.key_figures:
            if (kpi := kpi_of(figure)) is not None:
                names = result.setdefault(kpi, {RIKET_SERIES})
                if (c := comparison_of(tree, figure)) is not None:
                    names.add(c)
    return result


@dataclass(frozen=True)
class StoredComparison:
    """A comparison's stored value, as a bedömning or a report states it."""

    kpi: str
    name: str
    year: int
    value: float
    count: int | None
    fetched: datetime.date

    @property
    def printed(self) -> str:
        return format_number(self.value)

    def describe(self) -> str:
        """"genomsnittet i likvärdiga kommuner 2022 (12 kommuner; Kolada U21401, hämtat 2026-12-01)"."""
        what = {RIKET_SERIES: "riket", ALL_SERIES: "genomsnittet för alla kommuner"}.get(
            self.name, f"genomsnittet i {self.name}")
        counted = f"{self.count} kommuner; " if self.count is not None and self.name != RIKET_SERIES else ""
        return f"{what} {self.year} ({counted}Kolada {self.kpi}, hämtat {self.fetched.isoformat()})"


def stored(tree: GoalTree, kpi: str | None) -> KoladaFile | None:
    return tree.kolada.get(kpi) if kpi else None


def latest_value(tree: GoalTree, kpi: str | None, name: str, year: int) -> StoredComparison | None:
    """The comparison's value at the latest measurement up to ``year``: a
    year without a value (null or absent) is skipped, never read as 0."""
    file = stored(tree, kpi)
    series = file.series.get(name) if file else None
    if series is None:
        return None
    measured = [(y, v) for y, v in series.values.items() if y <= year and v.value is not None]
    if not measured:
        return None
    found_year, value = max(measured, key=lambda item: item[0])
    return StoredComparison(file.kpi, name, found_year, value.value, value.count, value.fetched)


def for_target(tree: GoalTree, measure: Measure, target: Target, year: int) -> StoredComparison | None:
    """What a relational målvärde for ``year`` is compared with, from the stored values."""
    name = comparison_of(tree, measure, target)
    return latest_value(tree, kpi_of(measure), name, year) if name else None
