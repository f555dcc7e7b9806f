"""rt nytt-år: next year's plans from this year's, as a kommun carries its
goals into the next Mål och budget.

Every organisation's plan is copied with its ids, texts and comments; the
period moves on; each mått starts from the bokslut's utfall (its year and
source noted); the målvärden that still fall in the period are kept and the
new last year is left out, so that RT206 asks for it; the decisions are
removed, since the new plan is not decided yet (RT207 asks for them). The
new files are written in rt fmt's layout, and an existing file is never
overwritten: the whole run is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..domain import calendar
from ..domain.evaluate import assess
from ..domain.grades import Grade
from ..domain.measures import direction_for_assessment
from ..domain.tree import GoalTree
from ..language.values import Period, Target
from ..loading.discovery import KOMMUN_FILE, display
from ..models.actionplan import ActionPlanFile
from ..models.followup import FollowUpFile, Measured
from ..models.plan import BoardGoal, Measure, PlanFile, Series
from ..models.settings import AssessmentSettings
from . import yamledit
from .atomic import Busy, locked, remove_leftovers, write_atomically
from .followups import WriteRefused
from .layout import format_text, shape_of

_DECISIONS = ("beslut", "revideringar")
_FINISHED = "klar"


@dataclass
class NewYear:
    """What rt nytt-år wrote, and what people must fill in before the plans hold."""

    written: list[Path] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)


def new_year(tree: GoalTree, start: int | None = None, end: int | None = None, *, kommun: bool = False,
             activities: bool = False) -> NewYear:
    """Write the plans of ``end`` (default ``start`` + 1) from those of
    ``start`` (default the newest plans' year); with ``kommun`` also move
    kommun.yaml's planeringsperiod, with ``activities`` carry the activities
    not finished by the latest uppföljning into new handlingsplaner."""
    start = start or tree.latest_year()
    plans = [plan for plan in tree.plans if plan.year == start]
    if start is None or not plans:
        raise WriteRefused(f"Det finns ingen verksamhetsplan för {start}." if start else
                           "Det finns ingen verksamhetsplan att utgå från.")
    end = end or start + 1
    if end <= start:
        raise WriteRefused(f"Det nya året ({end}) måste komma efter {start}.")
    shift = end - start
    kommun_period = tree.kommun.period
    planned: dict[Path, str] = {}
    result = NewYear()
    for plan in plans:
        source = tree.place(plan)[0]
        period = tree.period_of(plan)
        new_period = Period(period.start + shift, period.end + shift) if period else None
        # A plan that follows the kommun's period keeps following it only when that moves too;
        # else it states its own, so that neither year's plan reads another period than its own.
        explicit = new_period if plan.period is not None or not kommun else None
        path = source.path.parent / source.path.name.replace(str(start), str(end), 1)
        bokslut = _bokslut(tree, plan.organisation, start)
        planned[path] = _new_plan(source.text, plan, start, end, explicit, bokslut, result.to_fill)
        missing = [y for y in (new_period.years if new_period else ()) if period and y not in period.years]
        if missing:
            result.to_fill.append(f"{plan.organisation}: målvärden för {', '.join(map(str, missing))} i varje mått "
                                  "(RT206)")
        result.to_fill.append(f"{plan.organisation}: beslut (datum och §) när nämnden har beslutat planen (RT207)")
        if plan.budget is not None:
            result.to_fill.append(f"{plan.organisation}: internbudgeten är {start} års; skriv in {end} års belopp")
        action_plans = [p for p in tree.action_plans if p.organisation == plan.organisation and p.year == start]
        if action_plans and not activities:
            result.to_fill.append(f"{plan.organisation}: handlingsplan för {end} (RT702); --med-aktiviteter för över "
                                  "aktiviteterna som inte är klara")
        if activities:
            for action_plan in action_plans:
                action_source = tree.place(action_plan)[0]
                action_path = action_source.path.parent / action_source.path.name.replace(str(start), str(end), 1)
                unfinished = _unfinished(tree, plan.organisation, start)
                planned[action_path] = _new_action_plan(action_source.text, action_plan, end, unfinished)
                carried = {a.board_goal for a in action_plan.activities if a.id in unfinished}
                result.to_fill.extend(f"{plan.organisation}.{goal.id}: aktiviteter för {end} i handlingsplanen "
                                      f"(alla för {start} är klara, RT702)"
                                      for goal in plan.goals if goal.id not in carried
                                      and any(a.board_goal == goal.id for a in action_plan.activities))
    # Files changed in place are read again under their folder's lock, so that no other writer's change is lost.
    edits: dict[Path, Callable[[str], str]] = {}
    if kommun:
        edits[tree.root / KOMMUN_FILE] = lambda text: _moved_period(text, kommun_period, shift)
        result.to_fill.append(f"{KOMMUN_FILE}: planeringsperioden är nu {kommun_period.start + shift}–"
                              f"{kommun_period.end + shift}; skriv in fullmäktiges nya beslut när det finns")
        for plan in (p for p in tree.plans if p.period is None and p.year != end):
            # The older plans were made for the period that was: say it in them, so moving it keeps them true.
            edits[tree.place(plan)[0].path] = lambda text: _with_period(text, kommun_period)
    taken = [path for path in planned if path.exists() or path.is_symlink()]
    if taken:
        raise WriteRefused(f"{display(taken[0])} finns redan; rt nytt-år skriver aldrig över en fil. "
                           "Ta bort eller byt namn på den först.")
    changes = {**{path: (lambda _old, text=text: text) for path, text in planned.items()}, **edits}
    for path, change in changes.items():
        try:
            with locked(path.parent):
                remove_leftovers(path)
                if path not in edits and path.exists():
                    raise WriteRefused(f"{display(path)} skapades nyss av någon annan; rt nytt-år skriver inte över den.")
                old = path.read_text(encoding="utf-8") if path in edits else ""
                write_atomically(path, change(old))
        except Busy:
            raise WriteRefused(f"{display(path)} skrivs just nu av en annan körning av rt; försök igen om en stund.") \
                from None
        result.written.append(path)
    return result


def _bokslut(tree: GoalTree, organisation: str, year: int) -> tuple[str, FollowUpFile] | None:
    """The organisation's årsbokslut for ``year``, with the report's name."""
    for report in tree.kommun.settings.follow_ups:
        if not calendar.is_year_end(report):
            continue
        for follow_up in tree.follow_ups:
            if follow_up.organisation == organisation and follow_up.year == year and follow_up.report == report.id:
                return report.name, follow_up
    return None


def _new_plan(text: str, plan: PlanFile, start: int, end: int, period: Period | None,
              bokslut: tuple[str, FollowUpFile] | None, to_fill: list[str]) -> str:
    yaml, data = yamledit.load(text)
    data["år"] = end
    if period is not None:
        _set(data, "period", str(period), after="år")
    for key in _DECISIONS:
        _drop(data, key)
    outcomes = {o.measure: o for o in bokslut[1].outcomes} if bokslut else {}
    goals = {goal.id: goal for goal in plan.goals}
    for goal_node in data.get("nämndmål") or []:
        _drop(goal_node, "beslut")
        goal = goals.get(goal_node.get("id"))
        measures = {measure.id: measure for measure in goal.measures} if goal else {}
        for measure_node in goal_node.get("mått") or []:
            measure = measures.get(measure_node.get("id"))
            outcome = outcomes.get(measure_node.get("id"))
            subs = {s.sub_series: s for s in outcome.sub_outcomes} if outcome else {}
            for series_node, series in _series(measure_node, measure):
                where = f"{plan.organisation}.{measure_node.get('id')}" + (
                    f" ({series_node.get('id')})" if series_node is not measure_node else "")
                measured = subs.get(series_node.get("id")) if series_node is not measure_node else outcome
                _carry_targets(series_node, end, period)
                if not _new_baseline(series_node, measured, outcome, start, bokslut):
                    to_fill.append(f"{where}: ingångsvärde – bokslutet {start} har inget utfall")
                elif goal and measure and series:
                    to_fill.extend(f"{where}: målvärdet {target.raw} för {year} är redan nått med ingångsvärdet "
                                   f"{measured.value.raw}; se över det (RT304)"
                                   for year, target in sorted(series.targets.items())
                                   if year > start and _reached(target, measured, year, goal, measure, series))
    return format_text(yamledit.dump(yaml, data), shape_of(PlanFile))


def _series(measure_node: CommentedMap, measure: Measure | None) -> list[tuple[CommentedMap, Series | None]]:
    """Each series' node beside its model (the delserier, or the mått itself)."""
    if not measure_node.get("delserier"):
        return [(measure_node, measure)]
    models = {s.id: s for s in measure.sub_series} if measure else {}
    return [(node, models.get(node.get("id"))) for node in measure_node["delserier"]]


def _reached(target: Target, measured: Measured, year: int, goal: BoardGoal, measure: Measure, series: Series) -> bool:
    """Whether the new baseline already meets a målvärde kept from the old plan."""
    reading = assess(target, Measured.model_validate({"värde": measured.value}), year=year, baseline=None,
                     direction=direction_for_assessment(goal, measure, series), use_forecast=False,
                     settings=AssessmentSettings())
    return reading.grade is Grade.MET


def _carry_targets(node: CommentedMap, end: int, period: Period | None) -> None:
    targets = node.get("målvärden")
    if not isinstance(targets, dict):
        return
    first = period.start if period else end
    for year in [y for y in targets if isinstance(y, int) and y < first]:
        _drop(targets, year)


def _new_baseline(node: CommentedMap, measured: Measured | None, outcome, start: int,
                  bokslut: tuple[str, FollowUpFile] | None) -> bool:
    """The bokslut's utfall as the series' ingångsvärde; False where there is none."""
    if measured is None or measured.value is None:
        return False
    source = f"{bokslut[0]} {start}"
    if outcome is not None and outcome.source:
        source += f": {outcome.source}"
    baseline = CommentedMap([("värde", _scalar(measured.value.raw)), ("år", start), ("källa", source)])
    key = "ingångsvärde"
    if "ingångsvärden" in node:
        # After a year the merged organisation's utfall is one value: the parts' baselines are history.
        key = "ingångsvärden"
        node.insert(list(node).index(key), "ingångsvärde", baseline)
        _drop(node, key)
        return True
    if key in node:
        node[key] = baseline
    else:
        node.insert(list(node).index("målvärden") if "målvärden" in node else len(node), key, baseline)
    return True


def _scalar(raw: str) -> object:
    try:
        return int(raw)
    except ValueError:
        return raw


def _new_action_plan(text: str, action_plan: ActionPlanFile, end: int, unfinished: set[str]) -> str:
    yaml, data = yamledit.load(text)
    data["år"] = end
    items = data.get("aktiviteter") or CommentedSeq()
    for index in reversed(range(len(items))):
        if items[index].get("id") not in unfinished:
            _drop(items, index)
    return format_text(yamledit.dump(yaml, data), shape_of(ActionPlanFile))


def _unfinished(tree: GoalTree, organisation: str, year: int) -> set[str]:
    """Activities whose latest status in the year's uppföljningar is not klar
    (an activity never reported is not finished either)."""
    covers = {report.id: report.as_of for report in tree.kommun.settings.follow_ups}
    reports = sorted((f for f in tree.follow_ups if f.organisation == organisation and f.year == year),
                     key=lambda f: covers.get(f.report, ""))
    state: dict[str, str] = {}
    for follow_up in reports:
        state.update({a.activity: a.state for a in follow_up.activities})
    planned = {a.id for p in tree.action_plans if p.organisation == organisation and p.year == year
               for a in p.activities}
    return {activity for activity in planned if state.get(activity) != _FINISHED}


def _moved_period(text: str, period: Period, shift: int) -> str:
    yaml, data = yamledit.load(text)
    data["planeringsperiod"] = f"{period.start + shift}–{period.end + shift}"
    return _minimal(text, yamledit.dump(yaml, data))


def _with_period(text: str, period: Period) -> str:
    yaml, data = yamledit.load(text)
    _set(data, "period", str(period), after="år")
    return _minimal(text, yamledit.dump(yaml, data))


def _minimal(text: str, dumped: str) -> str:
    return yamledit.minimal(text, dumped) or dumped


def _set(node: CommentedMap, key: str, value: object, after: str) -> None:
    """Set ``key``; a new key goes right after ``after``, before the comment
    that followed it (which is about what comes next)."""
    if key in node:
        node[key] = value
        return
    if after not in node:
        node[key] = value
        return
    trailing = _trailing(node, after)
    node.insert(list(node).index(after) + 1, key, value)
    if trailing is not None:
        _attach(node, key, trailing)


def _drop(node: CommentedMap | CommentedSeq, key: object) -> None:
    """Remove ``key`` and keep the comment that followed its value: in
    ruamel it hangs on the removed entry (or on its last descendant), and
    it is about what comes next, so it moves to the entry before."""
    if isinstance(node, CommentedMap) and key not in node or isinstance(node, CommentedSeq) and key >= len(node):
        return
    keys = list(node) if isinstance(node, CommentedMap) else list(range(len(node)))
    position = keys.index(key)
    trailing = _trailing(node, key)
    del node[key]
    if trailing is None or not trailing.value.strip() and position > 0:
        return  # only the blank line after the removed entry: the one before it stays
    if position > 0:
        _attach(node, keys[position - 1], trailing)
    elif isinstance(node, CommentedSeq):
        # Nothing before it: the comment joins the one before the list's first item.
        # ruamel keeps that comment in one list shared with the key above the list, so it is extended in place.
        if node.ca.comment is None:
            node.ca.comment = [None, []]
        if node.ca.comment[1] is None:
            node.ca.comment[1] = []
        if trailing.value.strip() or not node.ca.comment[1]:
            node.ca.comment[1].append(trailing)
    elif len(node):
        # Nothing before it: the comment stands before the next entry.
        node.yaml_set_comment_before_after_key(list(node)[0], before="\n".join(
            line.lstrip()[1:].lstrip(" ") if line.strip().startswith("#") else "" for line in
            trailing.value.strip("\n").splitlines()), indent=_indent(trailing))


def _indent(token) -> int:
    return token.column if hasattr(token, "column") else 0


def _trailing(node, key):
    """Pop the comment token after ``node[key]``'s value, wherever ruamel keeps it."""
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        inner = _trailing(value, last)
        if inner is not None:
            return inner
    entry = node.ca.items.get(key)
    if not entry:
        return None
    slot = 2 if isinstance(node, CommentedMap) else 0
    token, entry[slot] = entry[slot], None
    return token


def _attach(node, key, token) -> None:
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        _attach(value, list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1, token)
        return
    entry = node.ca.items.setdefault(key, [None, None, None, None] if isinstance(node, CommentedMap) else [None, None])
    slot = 2 if isinstance(node, CommentedMap) else 0
    if entry[slot] is None or not entry[slot].value.strip():
        entry[slot] = token  # a blank line only: the comment brings its own
    else:
        entry[slot].value = entry[slot].value.rstrip("\n") + "\n" + token.value

