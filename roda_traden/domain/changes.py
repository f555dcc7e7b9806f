"""What changed in meaning between two goal trees, and which of those
changes break a decision: a decided plan or a report already handed in.

Everything is matched by id (organisation and year, nämndmål, mått,
delserie, year of a målvärde), never by file name or position, so a moved
file or a reordered list is no change."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from ..language.values import Target
from ..language.when import When
from ..models.actionplan import ActionPlanFile
from ..models.followup import FollowUpFile, ManualAssessment, Measured
from ..models.plan import Baseline, BoardGoal, Measure, PlanFile, Series
from . import calendar
from .calendar import UnknownReport
from .status import build
from .tree import GoalTree

T = TypeVar("T")

# Where rt keeps the tree a run compares with (rt validate --jämför REV).
PREVIOUS = "previous"

TARGET = "målvärde"
# "en prognos … tillagd", "ett utfall … tillagt".
_COMMON_GENDER = {"aktivitet", "aktivitetsstatus", "bedömning", "datakälla", "delserie", "enhet", "prognos",
                  "revidering", "riktning", "text", "uppföljning", "verksamhetsplan"}


class Kind(str, enum.Enum):
    ADDED = "tillagt"
    REMOVED = "borttaget"
    CHANGED = "ändrat"


@dataclass(frozen=True)
class Change:
    """One change in meaning. ``where`` names it by ids from the file down
    (("VON 2025", "N1", "M1")); ``node`` and ``keys`` are where it stands in
    the new tree (the nearest part still there, for what was removed).
    ``decided`` is the (organisation, year, nämndmål id) whose decision it
    touches, ``reported`` the (organisation, year, report) it changes."""

    area: str
    kind: Kind
    what: str
    where: tuple[str, ...]
    old: str | None = None
    new: str | None = None
    node: object = field(default=None, compare=False, repr=False)
    keys: tuple = ()
    decided: tuple[str, int, str | None] | None = None
    reported: tuple[str, int, str] | None = None


@dataclass(frozen=True)
class Breach:
    """A change that needs a decision it does not have: the decision (or
    the report handed in) it breaks, in words ("beslut 2024-12-12 § 95")."""

    change: Change
    broken: str


def previous_of(tree: GoalTree) -> GoalTree | None:
    """The tree the run compares with, or None when it compares with nothing."""
    return tree.memo.get(PREVIOUS)


def changes(old: GoalTree, new: GoalTree) -> list[Change]:
    found = [*_kommun(old, new), *_plans(old, new), *_action_plans(old, new), *_follow_ups(old, new)]
    found.extend(_assessments(old, new))
    return found


def breaches(old: GoalTree, new: GoalTree, today: datetime.date) -> list[Breach]:
    """The changes to a decided plan without a newer decision, and to a
    report past its deadline without a new rättelse."""
    found = []
    # Only plans and reports are decided or handed in; the kommun's own goals are KF's to change.
    for change in [*_plans(old, new), *_follow_ups(old, new)]:
        if change.decided is not None:
            broken = _broken_decision(old, new, *change.decided)
        elif change.reported is not None:
            broken = _broken_report(old, new, today, *change.reported)
        else:
            continue
        if broken is not None:
            found.append(Breach(change, broken))
    return found


def binding_breaches(tree: GoalTree) -> list[Breach]:
    """The breaches against the tree the run compares with, computed once
    for the rules that each report their kind."""
    previous = previous_of(tree)
    if previous is None:
        return []
    if "breaches" not in tree.memo:
        tree.memo["breaches"] = breaches(previous, tree, tree.context.today)
    return tree.memo["breaches"]


# The areas in the order a reader meets them: the kommun's goals, the plans, then what was reported.
AREAS = {"kommun": "Kommunmål och KF-mål", "verksamhetsplan": "Verksamhetsplaner", "handlingsplan": "Handlingsplaner",
         "uppföljning": "Uppföljningar", "bedömning": "Bedömningar som ändras"}


def grouped(found: list[Change]) -> list[tuple[str, list[tuple[str, list[Change]]]]]:
    """The changes by area (heading), then by file (its first id: "UN 2027"), in order."""
    result = []
    for area, heading in AREAS.items():
        files: dict[str, list[Change]] = {}
        for change in found:
            if change.area == area:
                files.setdefault(change.where[0], []).append(change)
        if files:
            result.append((heading, list(files.items())))
    return result


def place(change: Change) -> str:
    """Where a change is, by ids: "UN 2027 › fler-behoriga › andel-behoriga › 2027"."""
    return " › ".join(change.where)


def describe(change: Change, limit: int | None = None) -> str:
    """The change in words: "målvärde: 84 → 83", "nämndmål tillagt: …";
    with ``limit``, each value cut to that many characters."""
    old, new = (_cut(value, limit) for value in (change.old, change.new))
    common = change.what.split()[0] in _COMMON_GENDER
    if change.kind is Kind.ADDED:
        added = f"{change.what} {'tillagd' if common else 'tillagt'}"
        return f"{added}: {new}" if new else added
    if change.kind is Kind.REMOVED:
        removed = f"{change.what} {'borttagen' if common else 'borttaget'}"
        return f"{removed} (var {old})" if old else removed
    return f"{change.what}: {old} → {new}"


def _cut(value: str | None, limit: int | None) -> str | None:
    if value is None or limit is None or len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"


def shown(value: object) -> str | None:
    """A value as the plan wrote it, for "old → new"."""
    if value is None:
        return None
    if isinstance(value, Baseline):
        return value.printed
    if isinstance(value, ManualAssessment):
        return f"{value.grade} ({value.motivation})"
    raw = getattr(value, "raw", None)
    return raw if isinstance(raw, str) else str(value)


# --- matching by id --------------------------------------------------------

def _paired(old: Iterable[T], new: Iterable[T], key: Callable[[T], object]) -> Iterator[tuple[object, T | None, T | None]]:
    """(key, old item, new item) for every key on either side: the new
    side's order, then what only the old side has. An id written twice
    counts once, the first, as the rules read it."""
    before: dict[object, T] = {}
    for item in old:
        before.setdefault(key(item), item)
    after: dict[object, T] = {}
    for item in new:
        after.setdefault(key(item), item)
    for name, item in after.items():
        yield name, before.get(name), item
    for name, item in before.items():
        if name not in after:
            yield name, item, None


def meaning(value: object) -> object:
    """What a value says, without how it was typed: "≥ 78 %" and ">= 78%"
    are the same målvärde, a text wrapped anew is the same text."""
    if isinstance(value, Target):
        if value.kind == "unknown":
            return meaning(value.raw)
        return tuple(meaning(getattr(value, name)) for name in Target.__slots__ if name != "raw")
    if isinstance(value, BaseModel):
        return tuple(meaning(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, When):
        return meaning(value.raw)
    return value


def _values(area: str, what: str, where: tuple[str, ...], old: object, new: object, node: object,
            keys: tuple, **scope) -> Iterator[Change]:
    if meaning(old) == meaning(new):
        return
    before, after = shown(old), shown(new)
    kind = Kind.ADDED if before is None else Kind.REMOVED if after is None else Kind.CHANGED
    yield Change(area, kind, what, where, before, after, node, keys if after is not None else keys[:-1], **scope)


def _presence(area: str, what: str, where: tuple[str, ...], old: object, new: object, parent: object,
              keys: tuple, text: Callable[[object], str | None], **scope) -> Change | None:
    """An item only one side has: added (standing at itself) or removed (at its parent's list)."""
    if new is None:
        return Change(area, Kind.REMOVED, what, where, text(old), None, parent, keys, **scope)
    return Change(area, Kind.ADDED, what, where, None, text(new), new, (), **scope)


# --- kommun.yaml ------------------------------------------------------------

def _kommun(old: GoalTree, new: GoalTree) -> Iterator[Change]:
    area = "kommun"
    old_goals = old.kommun.goals if old.kommun else []
    new_goals = new.kommun.goals if new.kommun else []
    kommun = new.kommun
    for goal_id, before, after in _paired(old_goals, new_goals, lambda g: g.id):
        where = (f"kommunmål {goal_id}",)
        if before is None or after is None:
            yield _presence(area, "kommunmål", where, before, after, kommun, ("kommunmål",), lambda g: g.name)
            continue
        yield from _values(area, "namn", where, before.name, after.name, after, ("namn",))
    old_kf = old.council_goals
    for kf_id, (goal, kf) in new.council_goals.items():
        where = (f"KF-mål {kf_id}",)
        if kf_id not in old_kf:
            yield Change(area, Kind.ADDED, "KF-mål", where, None, kf.text, kf)
            continue
        old_goal, old = old_kf[kf_id]
        yield from _values(area, "text", where, old.text, kf.text, kf, ("text",))
        yield from _values(area, "kommunmål", where, old_goal.id, goal.id, kf, ())
        yield from _values(area, "ansvariga", where, ", ".join(old.responsible), ", ".join(kf.responsible), kf,
                           ("ansvariga",))
        yield from _values(area, "uppföljning", where, old.follow_up, kf.follow_up, kf, ("uppföljning",))
    for kf_id, (goal, kf) in old_kf.items():
        if kf_id not in new.council_goals:
            yield Change(area, Kind.REMOVED, "KF-mål", (f"KF-mål {kf_id}",), kf.text, None, kommun, ("kommunmål",))


# --- verksamhetsplaner ------------------------------------------------------

def _plans(old: GoalTree, new: GoalTree) -> Iterator[Change]:
    area = "verksamhetsplan"
    for (organisation, year), before, after in _paired(old.plans, new.plans, lambda p: (p.organisation, p.year)):
        where = (f"{organisation} {year}",)
        if (organisation, year) in old.invalid_plans | new.invalid_plans:
            continue  # a plan one side cannot read is not gone; rt validate says what is wrong with it
        if before is None or after is None:
            # A new plan is decided for the first time; a removed one has nowhere to stand.
            yield _presence(area, "verksamhetsplan", where, before, after, None, (),
                            lambda p: f"{len(p.goals)} nämndmål")
            continue
        yield from _values(area, "beslut", where, _decision(before.decision), _decision(after.decision),
                           after, ("beslut",))
        old_revisions = {(r.date, r.paragraph) for r in before.revisions}
        for index, revision in enumerate(after.revisions):
            if (revision.date, revision.paragraph) not in old_revisions:
                yield Change(area, Kind.ADDED, "revidering", where, None,
                             f"{revision.date} {revision.paragraph}: {revision.changes}", after, ("revideringar", index))
        for goal_id, old_goal, new_goal in _paired(before.goals, after.goals, lambda g: g.id):
            decided = (organisation, year, goal_id)
            goal_where = (*where, goal_id)
            if old_goal is None or new_goal is None:
                yield _presence(area, "nämndmål", goal_where, old_goal, new_goal, after, ("nämndmål",),
                                lambda g: g.text, decided=decided)
                continue
            yield from _goal(area, goal_where, old_goal, new_goal, decided)


def _decision(decision) -> str | None:
    if decision is None:
        return None
    return " ".join(str(part) for part in (decision.date, decision.paragraph) if part is not None) or None


def _goal(area: str, where: tuple[str, ...], old: BoardGoal, new: BoardGoal, decided: tuple) -> Iterator[Change]:
    for what, attribute, key in (("text", "text", "text"), ("kf-mål", "council_goal", "kf-mål"),
                                 ("kommunmål", "municipal_goal", "kommunmål")):
        yield from _values(area, what, where, getattr(old, attribute), getattr(new, attribute), new, (key,),
                           decided=decided)
    for measure_id, before, after in _paired(old.measures, new.measures, lambda m: m.id):
        measure_where = (*where, measure_id)
        if before is None or after is None:
            yield _presence(area, "mått", measure_where, before, after, new, ("mått",),
                            lambda m: m.text or m.id, decided=decided)
            continue
        yield from _measure(area, measure_where, before, after, decided)


def _measure(area: str, where: tuple[str, ...], old: Measure, new: Measure, decided: tuple) -> Iterator[Change]:
    for what, attribute, key in (("text", "text", "text"), ("datakälla", "source", "datakälla"),
                                 ("enhet", "unit", "enhet"), ("riktning", "direction", "riktning")):
        yield from _values(area, what, where, getattr(old, attribute), getattr(new, attribute), new, (key,),
                           decided=decided)
    for part, before, after in _paired(old.part_baselines, new.part_baselines, lambda b: b.part):
        yield from _values(area, f"ingångsvärde för {part}", where, before, after, new, ("ingångsvärden",),
                           decided=decided)
    if not old.sub_series and not new.sub_series:
        yield from _series(area, where, old, new, decided)
        return
    for sub_id, before, after in _paired(old.sub_series, new.sub_series, lambda s: s.id):
        sub_where = (*where, f"delserie {sub_id}")
        if before is None or after is None:
            yield _presence(area, "delserie", sub_where, before, after, new, ("delserier",), lambda s: s.name,
                            decided=decided)
            continue
        yield from _values(area, "namn", sub_where, before.name, after.name, after, ("namn",), decided=decided)
        yield from _series(area, sub_where, before, after, decided)


def _series(area: str, where: tuple[str, ...], old: Series, new: Series, decided: tuple) -> Iterator[Change]:
    yield from _values(area, "ingångsvärde", where, old.baseline, new.baseline, new, ("ingångsvärde",),
                       decided=decided)
    for year in sorted({*old.targets, *new.targets}):
        yield from _values(area, TARGET, (*where, str(year)), old.targets.get(year), new.targets.get(year), new,
                           ("målvärden", year), decided=decided)


def latest_decision(plan: PlanFile, goal_id: str | None) -> tuple[datetime.date, str] | None:
    """The plan's (or the nämndmål's own) newest decision with a date: (date, "beslut … § …")."""
    goal = next((g for g in plan.goals if g.id == goal_id), None)
    written = [plan.decision, goal.decision if goal else None, *plan.revisions]
    dated = [d for d in written if d is not None and d.date is not None]
    if not dated:
        return None
    # On the same day, the one written last is the later decision.
    _index, newest = max(enumerate(dated), key=lambda pair: (pair[1].date, pair[0]))
    return newest.date, " ".join(part for part in ("beslut", str(newest.date), newest.paragraph) if part)


def _broken_decision(old: GoalTree, new: GoalTree, organisation: str, year: int, goal_id: str | None) -> str | None:
    before, after = old.plan_of(organisation, year), new.plan_of(organisation, year)
    if before is None or after is None:
        return None
    decided = latest_decision(before, goal_id)
    if decided is None:
        return None  # a draft changes freely until the nämnd has decided it
    now = latest_decision(after, goal_id)
    return decided[1] if now is None or now[0] <= decided[0] else None


# --- handlingsplaner --------------------------------------------------------

def _action_plans(old: GoalTree, new: GoalTree) -> Iterator[Change]:
    area = "handlingsplan"

    def key(plan: ActionPlanFile):
        return plan.organisation, plan.year, plan.unit

    for (organisation, year, unit), before, after in _paired(old.action_plans, new.action_plans, key):
        where = (f"{organisation} {year} {unit}",)
        for activity_id, old_activity, new_activity in _paired(before.activities if before else [],
                                                               after.activities if after else [], lambda a: a.id):
            activity_where = (*where, activity_id)
            if old_activity is None or new_activity is None:
                yield _presence(area, "aktivitet", activity_where, old_activity, new_activity, after,
                                ("aktiviteter",), lambda a: a.what)
                continue
            for what, attribute, field_key in (("vad", "what", "vad"), ("nämndmål", "board_goal", "nämndmål"),
                                               ("ansvarig", "responsible", "ansvarig"), ("klart", "due", "klart")):
                yield from _values(area, what, activity_where, getattr(old_activity, attribute),
                                   getattr(new_activity, attribute), new_activity, (field_key,))


# --- uppföljningar ----------------------------------------------------------

def _follow_ups(old: GoalTree, new: GoalTree) -> Iterator[Change]:
    area = "uppföljning"

    def key(follow_up: FollowUpFile):
        return follow_up.organisation, follow_up.year, follow_up.report

    for (organisation, year, report), before, after in _paired(old.follow_ups, new.follow_ups, key):
        if after is None:
            continue  # a report that is gone has nowhere to point; the plan side says enough
        reported = (organisation, year, report)
        where = (f"{organisation} {year} {report}",)
        for measure_id, old_outcome, new_outcome in _paired(before.outcomes if before else [], after.outcomes,
                                                            lambda o: o.measure):
            outcome_where = (*where, measure_id)
            node = new_outcome or after
            keys = () if new_outcome is not None else ("utfall",)
            yield from _measured(area, outcome_where, old_outcome, new_outcome, node, keys, reported)
            yield from _values(area, "bedömning", outcome_where, old_outcome and old_outcome.assessment,
                               new_outcome and new_outcome.assessment, node, (*keys, "bedömning"), reported=reported)
            for sub_id, old_sub, new_sub in _paired(old_outcome.sub_outcomes if old_outcome else [],
                                                    new_outcome.sub_outcomes if new_outcome else [],
                                                    lambda s: s.sub_series):
                yield from _measured(area, (*outcome_where, f"delserie {sub_id}"), old_sub, new_sub,
                                     new_sub or node, () if new_sub is not None else keys, reported)
        for goal_id, old_note, new_note in _paired(before.goals if before else [], after.goals, lambda n: n.board_goal):
            yield from _values(area, "bedömning", (*where, goal_id), old_note and old_note.assessment,
                               new_note and new_note.assessment, new_note or after,
                               ("bedömning",) if new_note is not None else ("nämndmål",), reported=reported)
        for activity_id, old_state, new_state in _paired(before.activities if before else [], after.activities,
                                                         lambda a: a.activity):
            yield from _values(area, "aktivitetsstatus", (*where, activity_id), old_state and old_state.state,
                               new_state and new_state.state, new_state or after,
                               ("status",) if new_state is not None else ("aktiviteter",))


def _measured(area: str, where: tuple[str, ...], old: Measured | None, new: Measured | None, node: object,
              keys: tuple, reported: tuple) -> Iterator[Change]:
    for what, attribute, key in (("utfall", "value", "värde"), ("prognos", "forecast", "prognos")):
        yield from _values(area, what, where, getattr(old, attribute, None), getattr(new, attribute, None), node,
                           (*keys, key), reported=reported)


def _broken_report(old: GoalTree, new: GoalTree, today: datetime.date, organisation: str, year: int,
                   report: str) -> str | None:
    """The report as handed in, when it was due before today and the
    change adds no new rättelse."""
    kommun = old.kommun or new.kommun
    before = _follow_up(old, organisation, year, report)
    after = _follow_up(new, organisation, year, report)
    if kommun is None or before is None or after is None:
        return None
    try:
        entry = calendar.find_report(kommun.settings, report)
    except UnknownReport:
        return None  # RT807 names the unknown report; when it was due is not known
    company = next((o.kind == "bolag" for o in kommun.organisations if o.id == organisation), False)
    due = calendar.deadline(entry, year, company)
    if due >= today:
        return None
    if after.correction is not None and after.correction != before.correction:
        return None
    return f"{report} {year}, inlämnad senast {due}"


def _follow_up(tree: GoalTree, organisation: str, year: int, report: str) -> FollowUpFile | None:
    return next((f for f in tree.follow_ups if (f.organisation, f.year, f.report) == (organisation, year, report)),
                None)


# --- bedömningar ------------------------------------------------------------

def _assessments(old: GoalTree, new: GoalTree) -> Iterator[Change]:
    """Bedömningar that flip, per mått and nämndmål, for every report either
    tree has a follow-up for: a changed målvärde or utfall shows here as
    what it means for the result."""
    if old.kommun is None or new.kommun is None:
        return
    reports = sorted({(f.year, f.report) for tree in (old, new) for f in tree.follow_ups})
    for year, name in reports:
        try:
            report = calendar.find_report(new.kommun.settings, name)
            before, after = build(old, calendar.find_report(old.kommun.settings, name), year), build(new, report, year)
        except UnknownReport:
            continue
        old_grades = _grades(before)
        for key, (grade, node) in _grades(after).items():
            previous = old_grades.get(key)
            if previous is not None and previous[0] != grade:
                organisation, *ids = key
                yield Change("bedömning", Kind.CHANGED, "bedömning", (f"{organisation} {year} {name}", *ids),
                             previous[0], grade, node)


def _grades(status) -> dict[tuple, tuple[str, object]]:
    grades = {}
    for goal in status.goals():
        organisation = goal.plan.organisation
        grades[(organisation, goal.goal.id)] = (goal.assessment.grade.value, goal.goal)
        for measure in goal.measures:
            grades[(organisation, goal.goal.id, measure.measure.id)] = (measure.assessment.grade.value,
                                                                         measure.measure)
    return grades
