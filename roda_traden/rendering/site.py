"""`rt webb`: the whole röda tråd as a static site for politicians and
citizens. A start page, a page per kommunmål, per organisation and per mått,
and a page to search and filter them all; every page reads in full without
JavaScript, and every URL comes from ids, so a diff of the published site
shows what changed in meaning."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

from ..domain import calendar
from ..domain.comparisons import kpi_of
from ..domain.grades import Grade
from ..domain.status import GoalStatus, MeasureStatus
from ..domain.tree import GoalTree
from ..engine.status import StatusReport, status_report
from ..language.values import Target
from ..models.kommun import CouncilGoal, MunicipalGoal, Organisation, Vision
from ..models.plan import BoardGoal
from ..models.settings import FollowUp
from . import documents, engine
from .charts import Trend, new_document
from .filters import baseline

# What an id may not hold (models/base.py ID_PATTERN): kept out of file names.
_UNSAFE = re.compile(r"[^A-Za-z0-9ÅÄÖåäöÉéÜü_-]")

# Written by rt into the output folder beside the pages: the one stylesheet and the one script.
ASSETS = ("rt-webb.css", "rt-webb.js")


class SiteRefused(Exception):
    """The site cannot be made from this tree as asked; the message is Swedish."""


@dataclass
class SeriesTable:
    """A mått's (or one delserie's) values by year: målvärde and utfall."""

    name: str | None
    baseline: str
    rows: list[tuple[int, Target | None, Target | None]]


@dataclass
class MeasurePage:
    path: str
    name: str
    organisation: Organisation
    goal: GoalEntry
    status: MeasureStatus
    trend: Trend
    tables: list[SeriesTable]
    kolada: documents.KoladaTable | None


@dataclass
class GoalEntry:
    """A nämndmål where the site shows it: its bedömning, its mått and where
    it leads (``council_goal`` and ``municipal_goal``, None when the link is
    to nothing the kommun has)."""

    organisation: Organisation
    goal: BoardGoal
    status: GoalStatus | None
    council_goal: CouncilGoal | None
    municipal_goal: MunicipalGoal | None
    anchor: str
    measures: list[MeasurePage] = field(default_factory=list)

    @property
    def grade(self) -> Grade:
        return self.status.assessment.grade if self.status else Grade.UNKNOWN


@dataclass
class Site:
    kommun: str
    vision: Vision | None
    year: int
    # The follow-up whose utfall and bedömningar the site shows; None before the year's first.
    report: FollowUp | None
    as_of: datetime.date | None
    status: StatusReport
    organisations: list[Organisation]
    goals: list[GoalEntry]
    measures: list[MeasurePage]

    # The goals grouped once, so each page costs its own size, not the tree's.
    _by_place: dict[tuple[str, object], list[GoalEntry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.goals:
            self._by_place.setdefault(("org", entry.organisation.id), []).append(entry)
            place = ("kf", id(entry.council_goal)) if entry.council_goal else ("km", id(entry.municipal_goal))
            self._by_place.setdefault(place, []).append(entry)

    def goals_of(self, organisation: str) -> list[GoalEntry]:
        return self._by_place.get(("org", organisation), [])

    def goals_under(self, council_goal: CouncilGoal) -> list[GoalEntry]:
        return self._by_place.get(("kf", id(council_goal)), [])

    def supplementary(self, municipal_goal: MunicipalGoal) -> list[GoalEntry]:
        """The kompletterande nämndmål: directly under the kommunmål, with no KF-mål between."""
        return self._by_place.get(("km", id(municipal_goal)), [])


def build_site(tree: GoalTree, year: int | None = None, report: str | None = None,
               today: datetime.date | None = None) -> Site:
    """Everything the pages show, gathered once."""
    year = year or tree.latest_year()
    if year is None:
        raise SiteRefused("Trädet har inga verksamhetsplaner att visa.")
    settings = tree.kommun.settings
    chosen = calendar.find_report(settings, report) if report else _latest_report(tree, year)
    shown = chosen or min(settings.follow_ups, key=lambda r: calendar.as_of(r, year), default=None)
    if shown is None:
        raise SiteRefused("Kommunen har ingen uppföljningskalender (inställningar.uppföljningar i kommun.yaml).")
    try:
        status = status_report(tree, shown.id, year, None, today or datetime.date.today())
    except calendar.UnknownReport as error:
        raise SiteRefused(str(error)) from None
    trends = documents.follow_up_trends(tree, status)
    statuses = {id(g.goal): g for g in status.status.goals()}
    anchors: set[str] = set()
    paths: set[str] = set()
    goals, measures = [], []
    for plan in sorted((p for p in tree.plans if p.year == year), key=lambda p: _order(tree, p.organisation)):
        # An organisation kommun.yaml lacks (RT104) is still shown, under a name safe as a file name.
        organisation = tree.organisations.get(plan.organisation) or Organisation.model_construct(
            id=_UNSAFE.sub("-", plan.organisation) or "-", name=plan.organisation, kind="nämnd")
        kolada = {table.kpi: table for table in documents.kolada_tables(tree, plan)}
        for goal in plan.goals:
            found = tree.council_goals.get(goal.council_goal or "")
            municipal = found[0] if found else (None if goal.council_goal else
                                                tree.municipal_goals.get(goal.municipal_goal or ""))
            entry = GoalEntry(organisation, goal, statuses.get(id(goal)), found[1] if found else None, municipal,
                              _unique(anchors, f"{organisation.id}/{goal.id}")[len(organisation.id) + 1:])
            for item in entry.status.measures if entry.status else ():
                path = "matt/" + _unique(paths, f"{organisation.id}/{item.measure.id}") + ".html"
                trend = trends[(plan.organisation, item.measure.id)]
                entry.measures.append(MeasurePage(
                    path, documents.measure_name(goal, item.measure), organisation, entry, item, trend,
                    _series_tables(item, trend), kolada.get(kpi_of(item.measure) or "") if kolada else None))
            goals.append(entry)
            measures += entry.measures
    organisations = list(dict.fromkeys(g.organisation.id for g in goals))
    by_id = {g.organisation.id: g.organisation for g in goals}
    return Site(tree.kommun.municipality.name, tree.kommun.vision, year, chosen, calendar.as_of(chosen, year) if chosen else None,
                status, [by_id[o] for o in organisations], goals, measures)


def _latest_report(tree: GoalTree, year: int) -> FollowUp | None:
    """The year's last report that any organisation has handed in."""
    handed = {f.report for f in tree.follow_ups if f.year == year}
    reports = [r for r in tree.kommun.settings.follow_ups if r.id in handed]
    return max(reports, key=lambda r: calendar.as_of(r, year), default=None)


def _order(tree: GoalTree, organisation: str) -> tuple[int, str]:
    """Organisations in kommun.yaml's order; unknown ones after, by id."""
    order = list(tree.organisations)
    return (order.index(organisation), "") if organisation in order else (len(order), organisation)


def _unique(used: set[str], name: str) -> str:
    """``name``, or ``name-2``… where two ids (a duplicate, or two that differ
    only in case, which some file systems do not tell apart) would share a file."""
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate.casefold())
    return candidate


def _series_tables(item: MeasureStatus, trend: Trend) -> list[SeriesTable]:
    tables = []
    for series, line in zip(item.measure.series(), trend.lines, strict=True):
        years = sorted({*series.targets, *line.outcomes})
        tables.append(SeriesTable(line.name, baseline(series),
                                  [(y, series.targets.get(y), line.outcomes.get(y)) for y in years]))
    return tables


@dataclass(frozen=True)
class Page:
    path: str  # in the output folder, as the ids are written; links quote it
    template: str
    context: dict


def pages(site: Site) -> Iterator[Page]:
    yield Page("index.html", "start", {})
    yield Page("sok.html", "sok", {})
    for municipal in site.status.status.municipal_goals:
        yield Page(f"kommunmal/{municipal.municipal_goal.id}.html", "kommunmal", {"municipal": municipal})
    for organisation in site.organisations:
        yield Page(f"organisation/{organisation.id}.html", "organisation", {"org": organisation})
    for measure in site.measures:
        yield Page(measure.path, "matt", {"page": measure})


def render_site(site: Site) -> dict[str, str]:
    """Every file of the site by its path in the output folder."""
    env = engine.environment(None, "html")
    files = {}
    for page in pages(site):
        new_document()  # chart ids from 1 on each page: the same tree renders the same bytes
        root = "../" * page.path.count("/")
        files[page.path] = env.get_template(f"webb/{page.template}.html.j2").render(
            site=site, root=root, link=lambda path, root=root: root + quote(path), grades=list(Grade),
            **page.context)
    for name in ASSETS:
        files[name] = (engine.builtin_templates() / "webb" / name).read_text(encoding="utf-8")
    return files
