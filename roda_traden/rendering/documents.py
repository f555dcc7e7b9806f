"""What each document shows, gathered from the tree for the templates, so
templates only lay out and never decide."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..domain import calendar, comparisons
from ..domain.measures import kind_of, outcomes_of
from ..domain.tree import GoalTree
from ..engine.status import StatusReport, status_report
from ..language.units import is_percent
from ..language.values import Target
from ..loading.tree import no_plan
from ..models.actionplan import Activity
from ..models.followup import ActivityStatus, FollowUpFile
from ..models.kolada import ALL_SERIES, KOMMUN_SERIES, RIKET_SERIES
from ..models.kommun import CouncilGoal, MunicipalGoal, Organisation
from ..models.plan import BoardGoal, Comparison, KeyFigure, Measure, PlanFile, Series
from .charts import Line, Trend

# Utfall by (mått id, delserie id or None for the mått itself), then by year.
Outcomes = dict[tuple[str, str | None], dict[int, Target]]


class NothingToRender(Exception):
    """The tree lacks what the document needs; the message is Swedish."""


@dataclass
class SeriesRow:
    name: str | None
    series: Series
    targets: list[Target | None]


@dataclass
class MeasureRow:
    measure: Measure
    name: str
    rows: list[SeriesRow]
    trend: Trend


@dataclass
class GoalRow:
    council_goal: CouncilGoal | None
    goal: BoardGoal
    measures: list[MeasureRow]


@dataclass
class PlanSection:
    municipal_goal: MunicipalGoal
    council_goals: list[CouncilGoal]
    orientation: str | None
    goals: list[GoalRow] = field(default_factory=list)


@dataclass
class KoladaRow:
    name: str
    values: list[float | None]


@dataclass
class KoladaTable:
    """"Kommunens resultat jämfört med andra": a mått's or nyckeltal's stored
    Kolada series, the kommun's first, with the source and fetch date."""

    name: str
    kpi: str
    title: str
    years: list[int]
    rows: list[KoladaRow]
    fetched: datetime.date


@dataclass
class PlanDocument:
    kommun: str
    organisation: Organisation
    plan: PlanFile
    years: list[int]
    sections: list[PlanSection]
    kolada: list[KoladaTable] = field(default_factory=list)


@dataclass
class ActivityRow:
    activity: Activity
    status: ActivityStatus | None


@dataclass
class ActionGoal:
    municipal_goal: MunicipalGoal | None
    council_goal: CouncilGoal | None
    goal: BoardGoal
    activities: list[ActivityRow]


@dataclass
class ActionSection:
    municipal_goal: MunicipalGoal | None  # None: nämndmål linked to nothing known
    goals: list[ActionGoal]


@dataclass
class ActionPlanDocument:
    kommun: str
    organisation: Organisation
    year: int
    units: list[str]
    report_name: str | None
    sections: list[ActionSection]


def plan_document(tree: GoalTree, organisation: str, year: int) -> PlanDocument:
    org = _organisation(tree, organisation)
    plan = tree.plan_of(organisation, year)
    if plan is None:
        raise NothingToRender(no_plan(tree, organisation, year))
    period = tree.period_of(plan)
    years = list(period.years) if period else sorted({y for _p, _g, _m, s in tree.series() for y in s.targets})
    outcomes = _outcomes(tree, organisation)
    orientation = {o.municipal_goal: o.text for o in plan.orientation}
    sections = []
    for municipal in tree.kommun.goals:
        section = PlanSection(municipal, [], orientation.get(municipal.id))
        for goal in plan.goals:
            kf = tree.council_goals.get(goal.council_goal or "")
            if (kf and kf[0].id == municipal.id) or (not kf and goal.municipal_goal == municipal.id):
                section.goals.append(GoalRow(kf[1] if kf else None, goal,
                                             [_measure_row(goal, m, years, outcomes, _comparison_line(tree, m))
                                              for m in goal.measures]))
        # The KF-mål directed at the organisation, and every one its table
        # refers to, even where the kommun did not name the organisation.
        referred = {id(row.council_goal) for row in section.goals}
        section.council_goals = [kf for kf in municipal.council_goals
                                 if organisation in tree.responsible(kf) or id(kf) in referred]
        if section.council_goals or section.goals or section.orientation:
            sections.append(section)
    return PlanDocument(tree.kommun.municipality.name, org, plan, years, sections, kolada_tables(tree, plan))


def kolada_tables(tree: GoalTree, plan: PlanFile) -> list[KoladaTable]:
    """A table for each KPI the plan's mått and nyckeltal name and the tree stores."""
    # Nyckeltal first: where a mått names the same KPI, the table is the nyckeltal's benchmarking.
    named: list[tuple[str, Measure | KeyFigure]] = [(figure.text, figure) for figure in plan.key_figures]
    named += [(measure_name(g, m), m) for g in plan.goals for m in g.measures]
    tables: dict[str, KoladaTable] = {}
    for name, item in named:
        kpi = comparisons.kpi_of(item)
        stored = comparisons.stored(tree, kpi)
        if stored is None or kpi in tables:
            continue
        first = _chart_comparison(tree, item)
        keys = sorted(stored.series, key=lambda key: (key != KOMMUN_SERIES, key != first, key != RIKET_SERIES, key))
        years = sorted({year for key in keys for year in stored.series[key].values})
        rows = [KoladaRow(_series_name(tree, key), [_stored_number(stored.series[key].values.get(y)) for y in years])
                for key in keys]
        tables[kpi] = KoladaTable(name, kpi, stored.title, years, rows, stored.fetched)
    return list(tables.values())


def _stored_number(value) -> float | None:
    return value.value if value is not None else None


def _series_name(tree: GoalTree, key: str) -> str:
    if key == KOMMUN_SERIES:
        return tree.kommun.municipality.name
    return {RIKET_SERIES: "Riket", ALL_SERIES: "Genomsnitt alla kommuner"}.get(key, f"Genomsnitt {key}")


def _chart_comparison(tree: GoalTree, item: Measure | KeyFigure) -> str:
    """The comparison a mått is drawn against: its own or its relational
    målvärde's, else riket."""
    targets = [t for s in item.series() for t in s.targets.values()] if isinstance(item, Measure) else []
    named = (comparisons.comparison_of(tree, item, next((t for t in targets if t and t.kind == "benchmark"), None)))
    return named or RIKET_SERIES


def _comparison_line(tree: GoalTree, measure: Measure) -> tuple[str, tuple[tuple[int, float], ...]] | None:
    stored = comparisons.stored(tree, comparisons.kpi_of(measure))
    key = _chart_comparison(tree, measure)
    series = stored.series.get(key) if stored else None
    points = tuple((y, v.value) for y, v in sorted(series.values.items()) if v.value is not None) if series else ()
    return (_series_name(tree, key), points) if points else None


def follow_up_document(tree: GoalTree, report: str | None, year: int | None, organisation: str | None,
                       today: datetime.date) -> StatusReport:
    if organisation:
        _organisation(tree, organisation)
    return status_report(tree, report, year, organisation, today)


def action_plan_document(tree: GoalTree, organisation: str, year: int, report: str | None) -> ActionPlanDocument:
    org = _organisation(tree, organisation)
    plan = tree.plan_of(organisation, year)
    action_plans = [a for a in tree.action_plans if (a.organisation, a.year) == (organisation, year)]
    if plan is None or not action_plans:
        raise NothingToRender(f"{organisation} har ingen handlingsplan för {year}.")
    follow_up = _follow_up_for_status(tree, organisation, year, report)
    statuses = {s.activity: s for s in follow_up.activities} if follow_up else {}
    activities = [a for action_plan in action_plans for a in action_plan.activities]
    sections: dict[str | None, ActionSection] = {}
    for goal in plan.goals:
        kf = tree.council_goals.get(goal.council_goal or "")
        municipal = kf[0] if kf else tree.municipal_goals.get(goal.municipal_goal or "")
        rows = [ActivityRow(a, statuses.get(a.id)) for a in activities if a.board_goal == goal.id]
        key = municipal.id if municipal else None
        sections.setdefault(key, ActionSection(municipal, [])).goals.append(
            ActionGoal(municipal, kf[1] if kf else None, goal, rows))
    # Sections in the kommun's order of kommunmål, whatever order the plan lists its goals in.
    order = [g.id for g in tree.kommun.goals] + [None]
    report_name = None
    if follow_up is not None:
        report_name = next(r.name for r in tree.kommun.settings.follow_ups if r.id == follow_up.report)
    return ActionPlanDocument(tree.kommun.municipality.name, org, year, [a.unit for a in action_plans],
                              report_name, [sections[key] for key in order if key in sections])


def _organisation(tree: GoalTree, organisation: str) -> Organisation:
    if organisation not in tree.organisations:
        raise NothingToRender(f"Okänd organisation \"{organisation}\". Välj bland: {', '.join(tree.organisations)}.")
    return tree.organisations[organisation]


def measure_name(goal: BoardGoal, measure: Measure) -> str:
    """What a document calls a mått, in tables, headings and charts alike:
    its text; without one, its nämndmål's text, which the mått measures –
    told apart by datakälla, else by place, when the nämndmål has several
    mått without text. Never the id, which only the YAML file shows."""
    if measure.text:
        return measure.text
    untitled = [m for m in goal.measures if not m.text]
    if len(untitled) < 2:
        return goal.text
    if measure.source and sum(m.source == measure.source for m in untitled) == 1:
        return f"{goal.text} ({measure.source})"
    place = next(i for i, m in enumerate(goal.measures, 1) if m is measure)
    return f"{goal.text} (mått {place})"


def _measure_row(goal: BoardGoal, measure: Measure, years: list[int], outcomes: Outcomes,
                 comparison: tuple[str, tuple[tuple[int, float], ...]] | None) -> MeasureRow:
    rows = [SeriesRow(s.name if s is not measure else None, s, [s.targets.get(y) for y in years])
            for s in measure.series()]
    return MeasureRow(measure, measure_name(goal, measure), rows,
                      trend_of(goal, measure, years[0], outcomes, comparison=comparison))


def trend_of(goal: BoardGoal, measure: Measure, first_year: int, outcomes: Outcomes,
             benchmark: Comparison | None = None,
             comparison: tuple[str, tuple[tuple[int, float], ...]] | None = None) -> Trend:
    """What a mått's chart shows: for the mått, or for each of its
    delserier, the ingångsvärde, målvärden and utfall; where the follow-up
    gives one, the jämförelsevärde; and the comparison stored from Kolada."""
    lines = []
    for series in measure.series():
        part = series.id if series is not measure else None
        baseline = series.baseline.value if series.baseline and series.baseline.value else None
        year = series.baseline.year if baseline is not None else None
        lines.append(Line(
            name=series.name if part else None,
            baseline=(year or first_year - 1, baseline) if baseline is not None else None,
            baseline_dated=year is not None,
            targets=dict(series.targets),
            outcomes=outcomes.get((measure.id, part), {}),
        ))
    return Trend(
        name=measure_name(goal, measure),
        percent=is_percent(kind_of(measure)),
        lines=tuple(lines),
        benchmark=(benchmark.year, benchmark.value) if benchmark else None,
        comparison=comparison,
    )


def follow_up_trends(tree: GoalTree, status: StatusReport) -> dict[tuple[str, str], Trend]:
    """A trend chart for every mått in a follow-up, by (organisation, mått id),
    with utfall known by the report's date."""
    until = calendar.as_of(status.status.report, status.status.year)
    trends, outcomes = {}, {}
    for goal in status.status.goals():
        organisation = goal.plan.organisation
        if organisation not in outcomes:
            outcomes[organisation] = _outcomes(tree, organisation, until)
        period = tree.period_of(goal.plan)
        for item in goal.measures:
            benchmark = item.outcome.benchmark if item.outcome else None
            trends[(organisation, item.measure.id)] = trend_of(
                goal.goal, item.measure, period.start if period else goal.plan.year,
                outcomes[organisation], benchmark, _comparison_line(tree, item.measure))
    return trends


def _outcomes(tree: GoalTree, organisation: str, until: datetime.date | None = None) -> Outcomes:
    """Each mått's utfall by year, and each delserie's: the year's bokslut,
    else its latest report, leaving out reports after ``until`` (a delår
    chart must not show the bokslut)."""
    reports = {r.id: r for r in tree.kommun.settings.follow_ups}
    found: Outcomes = {}
    dated = [(calendar.as_of(reports[f.report], f.year), f) for f in tree.follow_ups
             if f.organisation == organisation and f.report in reports]
    for day, follow_up in sorted(dated, key=lambda pair: pair[0]):
        if until is not None and day > until:
            continue
        for measure_id, outcome in outcomes_of(follow_up).items():
            for part, measured in [(None, outcome), *((s.sub_series, s) for s in outcome.sub_outcomes)]:
                if measured.value is not None:
                    found.setdefault((measure_id, part), {})[follow_up.year] = measured.value
    return found


def _follow_up_for_status(tree: GoalTree, organisation: str, year: int, report: str | None) -> FollowUpFile | None:
    """The follow-up whose activity status the handlingsplan shows: the one
    named, else the latest of the year that reports activities."""
    candidates = [f for f in tree.follow_ups if (f.organisation, f.year) == (organisation, year) and f.activities]
    if report is not None:
        wanted = calendar.find_report(tree.kommun.settings, report).id
        return next((f for f in candidates if f.report == wanted), None)
    reports = {r.id: r for r in tree.kommun.settings.follow_ups}
    dated = [f for f in candidates if f.report in reports]
    return max(dated, key=lambda f: calendar.as_of(reports[f.report], year), default=None)
