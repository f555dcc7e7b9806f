"""What a report still lacks: utfall the calendar requires, activity status,
and analys and åtgärder where a goal is at risk. Plain facts; the rules
RT801–RT804 say them, and `rt status` lists those rules' problems."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.base import Model
from . import calendar
from .grades import Grade
from .status import MeasureStatus, Status, for_run
from .tree import GoalTree

AT_RISK = (Grade.PARTLY, Grade.NOT_MET)
OUTCOME, ACTIVITY_STATUS, ANALYSIS, ACTIONS = "utfall", "status", "analys", "åtgärder"


@dataclass(frozen=True)
class Missing:
    """``what`` is missing for ``subject`` (a mått or activity id) of
    ``organisation``; ``node`` is where the fix goes."""

    what: str
    organisation: str
    subject: str
    node: Model
    report: str
    year: int
    grade: Grade | None = None


def missing_for_run(tree: GoalTree) -> list[Missing]:
    """What the report the run names (rt validate --period) lacks, computed once per run."""
    status = for_run(tree)
    if status is None:
        return []
    if "missing" not in tree.memo:
        tree.memo["missing"] = missing(tree, status)
    return tree.memo["missing"]


def missing(tree: GoalTree, status: Status) -> list[Missing]:
    report = status.report
    found: list[Missing] = []
    for goal_status in status.goals():
        kf = tree.council_goals.get(goal_status.goal.council_goal or "")
        required = calendar.requires_outcome(report, kf[1] if kf else None)
        for item in goal_status.measures:
            found.extend(_measure_gaps(item, required, status))
    if calendar.requires_activity_status(report):
        found.extend(_activity_gaps(tree, status))
    return found


def _measure_gaps(item: MeasureStatus, required: bool, status: Status) -> list[Missing]:
    org, measure, outcome = item.plan.organisation, item.measure, item.outcome
    where = (status.report.id, status.year)
    # A prognos answers for the year until the year is over; then only an utfall does.
    if outcome is None or not _has_value(measure, outcome, calendar.is_year_end(status.report)):
        # Point where the fix goes: the empty utfall entry if there is one, else the mått.
        return [Missing(OUTCOME, org, measure.id, outcome or measure, *where)] if required else []
    grade = item.assessment.grade
    if grade not in AT_RISK:
        return []
    return [Missing(what, org, measure.id, outcome, *where, grade=grade)
            for what, given in ((ANALYSIS, outcome.analysis), (ACTIONS, outcome.actions)) if not given]


def _has_value(measure, outcome, year_end: bool) -> bool:
    """Whether the utfall answers for the mått: a readable value – or before
    the year ends, a prognos – for the mått, or for every one of its delserier."""
    def answered(part) -> bool:
        given = [part.value] + ([] if year_end else [part.forecast])
        return any(v is not None and v.kind in ("number", "yes_no") for v in given)

    if measure.sub_series:
        parts = {p.sub_series: p for p in reversed(outcome.sub_outcomes)}
        return all(s.id in parts and answered(parts[s.id]) for s in measure.sub_series)
    return answered(outcome)


def _activity_gaps(tree: GoalTree, status: Status) -> list[Missing]:
    organisations = {g.plan.organisation for g in status.goals()}
    found = []
    for action_plan in tree.action_plans:
        if action_plan.year != status.year or action_plan.organisation not in organisations:
            continue
        follow_up = status.follow_ups.get(action_plan.organisation)
        reported = {a.activity for a in follow_up.activities} if follow_up else set()
        for activity in action_plan.activities:
            if activity.id not in reported:
                found.append(Missing(ACTIVITY_STATUS, action_plan.organisation, activity.id, activity,
                                     status.report.id, status.year))
    return found
