"""What each document shows, gathered from the tree for the templates, so
templates only lay out and never decide."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..domain import calendar
from ..domain.measures import baseline_number, kind_of, numeric_targets, outcomes_of
from ..domain.tree import GoalTree
from ..engine.status import StatusReport, status_report
from ..language.units import is_percent
from ..language.values import Target
from ..models.actionplan import Activity
from ..models.followup import ActivityStatus, FollowUpFile
from ..models.kommun import CouncilGoal, MunicipalGoal, Organisation
from ..models.plan import BoardGoal, Comparison, Measure, PlanFile, Series
from .charts import Trend


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
class PlanDocument:
    kommun: str
    organisation: Organisation
    plan: PlanFile
    years: list[int]
    sections: list[PlanSection]


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
        raise NothingToRender(f"{organisation} har ingen verksamhetsplan för {year}.")
    period = tree.period_of(plan)
    years = list(period.years) if period else sorted({y for _p, _g, _m, s in tree.series() for y in s.targets})
    outcomes = _outcomes(tree, organisation)
    orientation = {o.municipal_goal: o.text for o in plan.orientation}
    sections = []
    for municipal in tree.kommun.goals:
        directed = [kf for kf in municipal.council_goals if organisation in tree.responsible(kf)]
        section = PlanSection(municipal, directed, orientation.get(municipal.id))
        for goal in plan.goals:
            kf = tree.council_goals.get(goal.council_goal or "")
            if (kf and kf[0].id == municipal.id) or (not kf and goal.municipal_goal == municipal.id):
                section.goals.append(GoalRow(kf[1] if kf else None, goal,
                                             [_measure_row(m, years, outcomes.get(m.id, {})) for m in goal.measures]))
        if section.council_goals or section.goals or section.orientation:
            sections.append(section)
    return PlanDocument(tree.kommun.municipality.name, org, plan, years, sections)


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


def _measure_row(measure: Measure, years: list[int], outcomes: dict[int, Target]) -> MeasureRow:
    rows = [SeriesRow(s.name if s is not measure else None, s, [s.targets.get(y) for y in years])
            for s in measure.series()]
    return MeasureRow(measure, rows, trend_of(measure, years[0], outcomes))


def trend_of(measure: Measure, first_year: int, outcomes: dict[int, Target],
             benchmark: Comparison | None = None) -> Trend:
    """What a mått's chart shows: ingångsvärde, målvärden, utfall and, where
    the follow-up gives one, the jämförelsevärde."""
    start = baseline_number(measure) if not measure.sub_series else None
    year = measure.baseline.year if start is not None else None
    return Trend(
        name=measure.text or measure.id,
        unit="percent" if is_percent(kind_of(measure)) else "number",
        baseline=(year or first_year - 1, start) if start is not None else None,
        baseline_dated=year is not None,
        targets=dict(numeric_targets(measure)),
        outcomes={y: t.number for y, t in outcomes.items() if t.number is not None},
        benchmark=(benchmark.year, benchmark.value.number) if benchmark and benchmark.value.number is not None else None,
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
                item.measure, period.start if period else goal.plan.year,
                outcomes[organisation].get(item.measure.id, {}), benchmark)
    return trends


def _outcomes(tree: GoalTree, organisation: str, until: datetime.date | None = None) -> dict[str, dict[int, Target]]:
    """Each mått's utfall by year: the year's bokslut, else its latest report,
    leaving out reports after ``until`` (a delår chart must not show the bokslut)."""
    reports = {r.id: r for r in tree.kommun.settings.follow_ups}
    found: dict[str, dict[int, Target]] = {}
    dated = [(calendar.as_of(reports[f.report], f.year), f) for f in tree.follow_ups
             if f.organisation == organisation and f.report in reports]
    for day, follow_up in sorted(dated, key=lambda pair: pair[0]):
        if until is not None and day > until:
            continue
        for measure_id, outcome in outcomes_of(follow_up).items():
            if outcome.value is not None:
                found.setdefault(measure_id, {})[follow_up.year] = outcome.value
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
