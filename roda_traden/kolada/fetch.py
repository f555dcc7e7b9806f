"""`rt kolada hämta`: fetch every KPI the tree names, for the kommun and each
comparison, and store it in kolada/<KPI>.yaml – round trip, atomically, and
never silently changing a value a handed-in uppföljning already used."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from ..domain.comparisons import code_of, kpi_of, wanted
from ..domain.tree import GoalTree
from ..language.numbers import format_number
from ..loading.discovery import display
from ..loading.kolada import is_stored, stored_path
from ..models.kolada import ALL_SERIES, KOMMUN_SERIES, KoladaFile
from ..writing import yamledit
from ..writing.atomic import Busy, locked, remove_leftovers, write_atomically
from .client import Client, DataPoint, KoladaError

HEADER = ("# Värden från Kolada (Källa: Kolada), hämtade med \"rt kolada hämta\". Ändra dem inte för hand:\n"
          "# nästa hämtning visar och frågar om varje ändrat värde som en uppföljning redan har använt.\n")


@dataclass(frozen=True)
class Step:
    """One series to fetch: the kommun's, riket's or a comparison's."""

    kpi: str
    name: str
    code: str | list[str] | None


@dataclass(frozen=True)
class Change:
    kpi: str
    series: str
    year: int
    old: float | None
    new: float | None
    # A handed-in uppföljning for this year or later reports a mått with the KPI.
    used: bool

    def describe(self) -> str:
        def shown(value: float | None) -> str:
            return "inget värde" if value is None else format_number(value)
        return f"{self.kpi} {self.series} {self.year}: {shown(self.old)} → {shown(self.new)}"


@dataclass
class FetchResult:
    written: list[Path] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    titles: list[tuple[str, str, str]] = field(default_factory=list)  # (kpi, old, new)
    unknown_groups: list[tuple[str, str]] = field(default_factory=list)  # (kpi, name)
    unknown_kpis: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> list[Change]:
        return [c for c in self.changes if c.used]


def steps(tree: GoalTree) -> tuple[list[Step], list[tuple[str, str]]]:
    """What to fetch for every KPI, and the comparisons named but defined nowhere."""
    result, unknown = [], []
    kommun = tree.kommun.municipality.code
    for kpi, names in sorted(wanted(tree).items()):
        result.append(Step(kpi, KOMMUN_SERIES, kommun))
        for name in sorted(names):
            code = code_of(tree, name)
            if code is None and name != ALL_SERIES:
                unknown.append((kpi, name))
                continue
            result.append(Step(kpi, name, code))
    return result, unknown


def fetch(tree: GoalTree, client: Client, years: list[int], *, approve: bool = False,
          today: datetime.date | None = None, progress: Callable[[Step], None] | None = None) -> FetchResult:
    """Fetch and store. With changes to used values and no ``approve``,
    nothing is written: the result lists them, old → new."""
    today = today or datetime.date.today()
    _refuse_if_unread(tree)
    todo, unknown = steps(tree)
    result = FetchResult(unknown_groups=unknown)
    kpis = sorted({step.kpi for step in todo})
    metadata = {str(row.get("id")): row for row in client.kpis(kpis)} if kpis else {}
    fetched: dict[str, dict[str, tuple[Step, list[DataPoint]]]] = {}
    for step in todo:
        if step.kpi not in metadata:
            continue
        if progress:
            progress(step)
        fetched.setdefault(step.kpi, {})[step.name] = (step, _series(client, step, years))
    result.unknown_kpis = [kpi for kpi in kpis if kpi not in metadata]
    to_store = {}
    for kpi, series in fetched.items():
        old = tree.kolada.get(kpi)
        title = str(metadata[kpi].get("title") or kpi)
        if old is not None and old.title != title:
            result.titles.append((kpi, old.title, title))
        used_until = _used_until(tree, kpi)
        for name, (_step, points) in series.items():
            result.changes.extend(_changes(old, kpi, name, points, years, used_until))
        to_store[stored_path(tree.root, kpi)] = (metadata[kpi], series)
    if result.blocked and not approve:
        return result
    for path, (meta, series) in to_store.items():
        _store(path, meta, series, years, today)
        result.written.append(path)
    return result


def _refuse_if_unread(tree: GoalTree) -> None:
    """A stored file rt could not read would be written over unseen, and a
    changed value in it never shown: the user fixes it first."""
    loaded = {id(source) for _model, source in tree.documents}
    for source in tree.sources:
        if id(source) not in loaded and is_stored(tree.root, source.path):
            raise KoladaError(f"{source.display} kan inte läsas; inget hämtades.",
                              "Kör \"rt validate\" och rätta filen, eller ta bort den och hämta på nytt.")


def _series(client: Client, step: Step, years: list[int]) -> list[DataPoint]:
    """One series by year. A list of kommun codes and "alla kommuner" are the
    unweighted mean of the kommuner with a value, as Kolada's groups are."""
    if isinstance(step.code, str):
        return [p for p in client.data(step.kpi, [step.code], years) if p.municipality == step.code]
    points = client.data(step.kpi, step.code, years)
    if step.code is None:
        points = [p for p in points if _is_kommun(p.municipality)]
    means = []
    for year in years:
        values = [p.value for p in points if p.year == year and p.value is not None]
        url = next((p.url for p in points if p.year == year), None)
        if url is not None:
            means.append(DataPoint(step.kpi, step.name, year, sum(values) / len(values) if values else None,
                                   len(values), url))
    return means


def _is_group(code: str | list[str] | None) -> bool:
    """A mean of several kommuner, whose value says how many it is of."""
    return not isinstance(code, str) or code.startswith("G")


def _is_kommun(code: str) -> bool:
    # Kolada's regions and riket are 00xx; kommuner have a county prefix 01–25.
    return len(code) == 4 and code.isdigit() and not code.startswith("00")


def _used_until(tree: GoalTree, kpi: str) -> int | None:
    """The latest year of a handed-in uppföljning that reports a mått or
    nyckeltal with the KPI: values up to that year may have been used."""
    years = []
    for follow_up in tree.follow_ups:
        plan = tree.plan_of(follow_up.organisation, follow_up.year)
        if plan is None:
            continue
        ids = {m.id for _g in plan.goals for m in _g.measures if kpi_of(m) == kpi}
        ids |= {f.id for f in plan.key_figures if kpi_of(f) == kpi}
        if any(outcome.measure in ids for outcome in follow_up.outcomes):
            years.append(follow_up.year)
    return max(years) if years else None


def _changes(old: KoladaFile | None, kpi: str, name: str, points: list[DataPoint], years: list[int],
             used_until: int | None) -> list[Change]:
    before = old.series.get(name) if old else None
    if before is None:
        return []
    now = {p.year: p.value for p in points}
    changes = []
    for year in years:
        if year not in before.values:
            continue
        was, new = before.values[year].value, now.get(year)
        if was != new:
            changes.append(Change(kpi, name, year, was, new, used_until is not None and year <= used_until))
    return changes


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and value.is_integer() else value


def _store(path: Path, meta: dict, series: dict[str, tuple[Step, list[DataPoint]]], years: list[int],
           today: datetime.date) -> None:
    path.parent.mkdir(exist_ok=True)
    try:
        with locked(path.parent):
            remove_leftovers(path)
            text = path.read_text(encoding="utf-8") if path.exists() else HEADER
            yaml, document = yamledit.load(text)
            yaml.representer.ignore_aliases = lambda _data: True  # every value its own date, no &id001
            if not isinstance(document, CommentedMap):
                document = CommentedMap()
            _update(document, meta, series, years, today)
            dumped = yamledit.dump(yaml, document)
            final = HEADER + dumped if not path.exists() else yamledit.minimal(text, dumped) or dumped
            KoladaFile.model_validate(yamledit.load(final)[1])  # never store a file rt cannot read
            write_atomically(path, final)
    except Busy:
        raise KoladaError(f"{display(path)} skrivs just nu av en annan körning av rt.",
                          "Försök igen om en stund.") from None
    except (YAMLError, ValidationError, ValueError):  # changed by hand since the tree was read
        raise KoladaError(f"{display(path)} kan inte läsas eller skrivas om utan att bli ogiltig.",
                          "Kör \"rt validate\" och rätta filen, eller ta bort den och hämta på nytt.") from None


def _update(document: CommentedMap, meta: dict, series: dict[str, tuple[Step, list[DataPoint]]],
            years: list[int], today: datetime.date) -> None:
    document["kpi"] = str(meta["id"])
    document["titel"] = str(meta.get("title") or meta["id"])
    if meta.get("description"):
        document["beskrivning"] = " ".join(str(meta["description"]).split())
    document["hämtad"] = today
    stored = document.setdefault("serier", CommentedMap())
    for name, (step, points) in series.items():
        entry = stored.setdefault(name, CommentedMap())
        if step.code is not None:
            entry["kod"] = step.code
        values = entry.setdefault("värden", CommentedMap())
        now = {p.year: p for p in points}
        for year in years:
            point = now.get(year)
            if point is None:
                values.pop(year, None)  # an absent year is no value, not a stale one
                continue
            value = {"värde": _number(point.value)}
            if point.count is not None and _is_group(step.code):
                value["antal"] = point.count
            kept = values.get(year)
            # An unchanged value keeps its date, so a re-fetch shows only what changed.
            fetched = kept["hämtad"] if kept and kept.get("värde") == value["värde"] else today
            entry_map = CommentedMap({**value, "hämtad": fetched, "källa": point.url})
            entry_map.fa.set_flow_style()  # one line a value: a changed value is a one-line diff
            values[year] = entry_map
        for year in sorted(values):
            values.move_to_end(year)
