"""The state of the whole röda tråd for one report: every mått, nämndmål,
KF-mål and kommunmål with its bedömning, and what is still missing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..language.numbers import round_half_up
from ..language.values import Target
from ..models.followup import FollowUpFile, GoalNote, Outcome, SubOutcome
from ..models.kommun import CouncilGoal, MunicipalGoal
from ..models.plan import BoardGoal, Measure, PlanFile
from ..models.settings import FollowUp, Settings
from . import calendar, comparisons
from .evaluate import assess
from .grades import Assessment, Grade, combine
from .measures import baseline_number, bounds_of, direction_for_assessment, outcomes_of
from .tree import GoalTree


@dataclass
class Part:
    """One delserie of a split mått, with its target, its utfall and its bedömning."""

    name: str
    target: Target | None
    measured: SubOutcome | None
    assessment: Assessment


@dataclass
class MeasureStatus:
    plan: PlanFile
    goal: BoardGoal
    measure: Measure
    outcome: Outcome | None
    assessment: Assessment
    parts: list[Part] = field(default_factory=list)


@dataclass
class GoalStatus:
    plan: PlanFile
    goal: BoardGoal
    measures: list[MeasureStatus]
    assessment: Assessment
    note: GoalNote | None = None


@dataclass
class CouncilGoalStatus:
    council_goal: CouncilGoal
    goals: list[GoalStatus]
    assessment: Assessment


@dataclass
class MunicipalGoalStatus:
    municipal_goal: MunicipalGoal
    council_goals: list[CouncilGoalStatus]
    supplementary: list[GoalStatus]  # kompletterande nämndmål, directly under the kommunmål


@dataclass
class Tally:
    """"7 av 10 KF-mål uppfyllda" and the måluppfyllelsegrad with its resultatnivå."""

    counts: dict[Grade, int]
    degree: float | None
    level: str | None

    @property
    def assessed(self) -> int:
        return sum(n for grade, n in self.counts.items() if grade is not Grade.UNKNOWN)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Status:
    report: FollowUp
    year: int
    deadline: datetime.date
    municipal_goals: list[MunicipalGoalStatus]
    follow_ups: dict[str, FollowUpFile]  # by organisation
    # Set when kommun.yaml has no calendar and the report is a default one: say so.
    calendar_note: str | None = None

    def council_goals(self) -> list[CouncilGoalStatus]:
        return [c for m in self.municipal_goals for c in m.council_goals]

    def goals(self) -> list[GoalStatus]:
        """Every nämndmål in the report, in the kommun's order (each once:
        a nämndmål belongs to one KF-mål or, kompletterande, one kommunmål)."""
        return [g for m in self.municipal_goals
                for g in [*(g for c in m.council_goals for g in c.goals), *m.supplementary]]


def year_under_way(tree: GoalTree, today: datetime.date) -> int | None:
    """The year a run is about when none is named: the newest plan's that is
    not a coming year's. Next year's plan, written in the autumn (rt nytt-år),
    does not make this year's reports any less due."""
    return max((plan.year for plan in tree.plans if plan.year <= today.year), default=None) or tree.latest_year()


def for_run(tree: GoalTree) -> Status | None:
    """The status for the report the run names (rt validate --period),
    computed once and shared by the rules that need it."""
    context = tree.context
    if context.report is None or tree.kommun is None:
        return None
    if "status" not in tree.memo:
        report = calendar.find_report(tree.kommun.settings, context.report)
        year = context.year or year_under_way(tree, context.today)
        tree.memo["status"] = build(tree, report, year) if year else None
    return tree.memo["status"]


def build(tree: GoalTree, report: FollowUp, year: int, organisation: str | None = None) -> Status:
    settings = tree.kommun.settings
    follow_ups = {f.organisation: f for f in tree.follow_ups if f.year == year and f.report == report.id}
    goal_status: dict[int, GoalStatus] = {}
    for plan in tree.plans:
        if plan.year != year or (organisation and plan.organisation != organisation):
            continue
        follow_up = follow_ups.get(plan.organisation)
        last_year = outcomes_of(_year_end(tree, plan.organisation, year - 1))
        for goal in plan.goals:
            model = tree.council_goals.get(goal.council_goal, (None, None))[1] if goal.council_goal else None
            goal_status[id(goal)] = _goal(tree, plan, goal, follow_up, report, year, settings.assessment,
                                          model.assessment_model if model else None, last_year)
    municipal = []
    for municipal_goal in tree.kommun.goals:
        council = []
        for kf in municipal_goal.council_goals:
            goals = [goal_status[id(g)] for _p, g in tree.goals() if id(g) in goal_status and g.council_goal == kf.id]
            if organisation and organisation not in tree.responsible(kf) and not goals:
                # A report for one organisation shows what is directed at it, and
                # every nämndmål it set itself, whichever KF-mål that serves.
                continue
            council.append(CouncilGoalStatus(kf, goals, combine((g.assessment.grade for g in goals),
                                                                "inget nämndmål har bedömts",
                                                                settings.assessment.roll_up)))
        supplementary = [goal_status[id(g)] for _p, g in tree.goals()
                         if id(g) in goal_status and not g.council_goal and g.municipal_goal == municipal_goal.id]
        municipal.append(MunicipalGoalStatus(municipal_goal, council, supplementary))
    return Status(report, year, calendar.deadline(report, year), municipal, follow_ups,
                  calendar.default_note(settings))


def tally(grades: list[Grade], settings: Settings) -> Tally:
    counts = {grade: grades.count(grade) for grade in Grade}
    assessed = len(grades) - counts[Grade.UNKNOWN]
    if not assessed:
        return Tally(counts, None, None)
    degree = (counts[Grade.MET] + settings.assessment.partly_weight * counts[Grade.PARTLY]) / assessed * 100
    band = max((b for b in settings.bands if b.lower <= round_half_up(degree)), key=lambda b: b.lower, default=None)
    return Tally(counts, degree, band.name if band else None)


def _year_end(tree: GoalTree, organisation: str, year: int) -> FollowUpFile | None:
    """The organisation's årsbokslut for ``year``, where the tree holds it."""
    year_end = {r.id for r in tree.kommun.settings.follow_ups if calendar.is_year_end(r)}
    return next((f for f in tree.follow_ups if f.organisation == organisation and f.year == year
                 and f.report in year_end), None)


def _goal(tree, plan, goal, follow_up, report, year, settings, model, last_year) -> GoalStatus:
    outcomes = outcomes_of(follow_up)
    measures = [_measure(tree, plan, goal, m, outcomes.get(m.id), report, year, settings, model, last_year.get(m.id))
                for m in goal.measures]
    note = next((n for n in follow_up.goals if n.board_goal == goal.id), None) if follow_up else None
    result = combine((m.assessment.grade for m in measures), "inget mått har bedömts", settings.roll_up)
    if note is not None and note.assessment is not None:
        result = Assessment(result.computed, result.reason, Grade(note.assessment.grade), note.assessment.motivation)
    return GoalStatus(plan, goal, measures, result, note)


def _measure(tree, plan, goal, measure, outcome, report, year, settings, model, last_year) -> MeasureStatus:
    forecast = not calendar.is_year_end(report)
    bounds = bounds_of(measure, goal)

    def graded(series, measured, last):
        target = series.targets.get(year)
        compared = (model or settings.model) == "jämförelse" or target is not None and target.kind == "benchmark"
        stored = comparisons.for_target(tree, measure, target, year) if compared else None
        return assess(target, measured, year=year, baseline=baseline_number(series),
                      direction=direction_for_assessment(goal, measure, series), use_forecast=forecast,
                      settings=settings, bounds=bounds, model=model, previous=last.value if last else None,
                      stored=stored)

    if measure.sub_series:
        subs = {s.sub_series: s for s in reversed(outcome.sub_outcomes)} if outcome else {}
        last_subs = {s.sub_series: s for s in last_year.sub_outcomes} if last_year else {}
        parts = [Part(s.name, s.targets.get(year), subs.get(s.id), graded(s, subs.get(s.id), last_subs.get(s.id)))
                 for s in measure.sub_series]
        result = combine((p.assessment.grade for p in parts), "ingen delserie har bedömts", settings.roll_up)
    else:
        parts = []
        result = graded(measure, outcome, last_year)
    if outcome is not None and outcome.assessment is not None:
        result = Assessment(result.computed, result.reason, Grade(outcome.assessment.grade),
                            outcome.assessment.motivation)
    return MeasureStatus(plan, goal, measure, outcome, result, parts)


@dataclass
class YearCell:
    """One mått in one year: its målvärde, its utfall and its bedömning."""

    target: Target | None
    value: Target | None
    assessment: Assessment


@dataclass
class MeasureHistory:
    municipal_goal: str  # the kommunmål id it serves
    organisation: str
    goal: BoardGoal
    measure: Measure
    years: dict[int, YearCell]  # only the years whose plan has the mått


@dataclass
class History:
    """Years side by side: every mått's utfall and bedömning in each year the
    tree holds, and the måluppfyllelsegrad per kommunmål per year."""

    report: FollowUp
    years: list[int]
    measures: list[MeasureHistory]
    tallies: dict[str, dict[int, Tally]]  # kommunmål id → year → tally over its KF-mål
    goals: list[MunicipalGoal]  # the kommunmål, in the kommun's order


def history(tree: GoalTree, report: FollowUp, years: list[int], organisation: str | None = None) -> History:
    """``report`` (normally the årsbokslut) for each of ``years``; a mått is
    the same mått across years by its organisation and id, as rt nytt-år keeps them."""
    settings = tree.kommun.settings
    rows: dict[tuple[str, str], MeasureHistory] = {}
    tallies: dict[str, dict[int, Tally]] = {m.id: {} for m in tree.kommun.goals}
    for year in years:
        state = build(tree, report, year, organisation)
        for municipal in state.municipal_goals:
            tallies[municipal.municipal_goal.id][year] = tally([c.assessment.grade for c in municipal.council_goals],
                                                               settings)
            goals = [*(g for c in municipal.council_goals for g in c.goals), *municipal.supplementary]
            for goal in goals:
                for item in goal.measures:
                    key = (goal.plan.organisation, item.measure.id)
                    row = rows.setdefault(key, MeasureHistory(municipal.municipal_goal.id, goal.plan.organisation,
                                                              goal.goal, item.measure, {}))
                    measured = item.outcome
                    row.years[year] = YearCell(item.measure.targets.get(year),
                                               measured.value if measured else None, item.assessment)
    return History(report, years, list(rows.values()), tallies, list(tree.kommun.goals))
