"""What is still missing for a report: utfall the calendar requires,
activity status, and analys and åtgärder where a goal is at risk."""

from __future__ import annotations

from dataclasses import dataclass

from .. import schedule
from ..loading.discovery import display
from ..models.base import Model
from ..tree import GoalTree
from .grades import Grade
from .status import MeasureStatus, Status

AT_RISK = (Grade.PARTLY, Grade.NOT_MET)


@dataclass(frozen=True)
class Gap:
    code: str
    organisation: str
    node: Model
    message: str
    hint: str


def gaps(tree: GoalTree, status: Status) -> list[Gap]:
    report, year = status.report, status.year
    found: list[Gap] = []
    for goal_status in status.goals():
        kf = tree.council_goals.get(goal_status.goal.council_goal or "")
        required = schedule.requires_outcome(report, kf[1] if kf else None)
        for item in goal_status.measures:
            found.extend(_measure_gaps(item, required, report, year, tree))
    if schedule.requires_activity_status(report):
        found.extend(_activity_gaps(tree, status))
    return found


def _measure_gaps(item: MeasureStatus, required: bool, report, year: int, tree: GoalTree) -> list[Gap]:
    org, measure, outcome = item.plan.organisation, item.measure, item.outcome
    # A prognos answers for the year until the year is over; then only an utfall does.
    if outcome is None or not _has_value(measure, outcome, schedule.is_year_end(report)):
        if not required:
            return []
        # Point where the fix goes: the empty utfall entry if there is one, else the mått.
        return [Gap("RT801", org, outcome or measure, f"Utfall saknas för måttet \"{measure.id}\" ({report.id} {year}).",
                    f"Skriv in det i uppföljningsfilen, eller: rt utfall set {org}.{measure.id} VÄRDE "
                    f"--period {report.id} --år {year} --träd {display(tree.root)}")]
    if item.assessment.grade not in AT_RISK:
        return []
    return [Gap(code, org, outcome, f"{what} saknas för måttet \"{measure.id}\", som bedöms {item.assessment.grade.value}.",
                hint)
            for code, what, given, hint in (
                ("RT803", "Analys", outcome.analysis, "Förklara under \"analys:\" varför målet inte nås fullt ut."),
                ("RT804", "Åtgärder", outcome.actions, "Beskriv under \"åtgärder:\" vad som görs för att nå målet."))
            if not given]


def _has_value(measure, outcome, year_end: bool) -> bool:
    """Whether the utfall answers for the mått: a readable value – or before
    the year ends, a prognos – for the mått, or for every one of its delserier."""
    def answered(part) -> bool:
        given = [part.value] + ([] if year_end else [part.forecast])
        return any(v is not None and v.kind in ("number", "yes_no") for v in given)

    if measure.sub_series:
        parts = {p.sub_series: p for p in outcome.sub_outcomes}
        return all(s.id in parts and answered(parts[s.id]) for s in measure.sub_series)
    return answered(outcome)


def _activity_gaps(tree: GoalTree, status: Status) -> list[Gap]:
    organisations = {g.plan.organisation for g in status.goals()}
    found = []
    for action_plan in tree.action_plans:
        if action_plan.year != status.year or action_plan.organisation not in organisations:
            continue
        follow_up = status.follow_ups.get(action_plan.organisation)
        reported = {a.activity for a in follow_up.activities} if follow_up else set()
        for activity in action_plan.activities:
            if activity.id not in reported:
                found.append(Gap("RT802", action_plan.organisation, activity,
                                 f"Status saknas för aktiviteten \"{activity.id}\" ({status.report.id} {status.year}).",
                                 "Ange status (ej påbörjad, pågår, klar, stoppad) och genomförandegrad under "
                                 "\"aktiviteter:\" i uppföljningsfilen."))
    return found
