"""One reading of a mått, shared by the rules, the bedömning and the
reports: what kind of quantity it counts and which values it can take, the
way it should move and where that was read, its baseline, its targets, and
its utfall in a follow-up."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from ..language import units
from ..language.goals import Level, read_goal
from ..language.tokens import Quantity
from ..language.values import Target
from ..language.words import Direction
from ..models.followup import FollowUpFile, Outcome
from ..models.plan import Baseline, BoardGoal, Measure, Series

_DECLARED = {"öka": Direction.UP, "minska": Direction.DOWN, "bibehålla": Direction.KEEP}

# Where a direction was read, most binding first.
DECLARED, MEASURE_TEXT, GOAL_TEXT, TARGETS = "riktning", "mått", "nämndmål", "målvärden"


@dataclass(frozen=True, slots=True)
class Intent:
    direction: Direction
    source: str


def intent(goal: BoardGoal, measure: Measure) -> Intent | None:
    """Which way the mått should move, as the plan says it: its own
    `riktning`, else its own text, else the clause of the nämndmål's text
    that speaks about it. None when nothing says."""
    return _intent(goal.text, measure.direction, measure.text, measure.id)


@functools.lru_cache(maxsize=16384)
def _intent(goal_text: str, declared: str | None, text: str | None, measure_id: str) -> Intent | None:
    if declared:
        return Intent(_DECLARED[declared], DECLARED)
    # A mått's text mostly describes what is counted; only a text that states
    # a goal ("Väntetiden ska kortas") gives the mått its direction.
    if text and read_goal(text).asserted and (own := read_goal(text).direction) is not None:
        return Intent(own, MEASURE_TEXT)
    about = text or measure_id.replace("-", " ")
    if (from_goal := read_goal(goal_text).direction_about(about)) is not None:
        return Intent(from_goal, GOAL_TEXT)
    return None


def direction_for_assessment(goal: BoardGoal, measure: Measure, series: Series) -> Direction | None:
    """The direction a bedömning measures progress in: the mått's own
    (`riktning` or its text); else the way the målvärden move from the
    ingångsvärde, which the nämnd decided; else the nämndmål's text. A
    direction read only from the nämndmål's text is a warning (RT307) in
    validation and must not turn a met target into "ej uppfyllt"."""
    stated = intent(goal, measure)
    if stated is not None and stated.source != GOAL_TEXT:
        return stated.direction
    targets = numeric_targets(series)
    starts = [start.number for start in starts_of(series) if start.number is not None]
    if starts and targets and all(targets[-1][1] != start for start in starts):
        # Split baselines (ingångsvärden per del) say a direction only when all agree.
        ways = {targets[-1][1] > start for start in starts}
        if len(ways) == 1:
            return Direction.UP if ways.pop() else Direction.DOWN
    return stated.direction if stated is not None else None


def kind_of(measure: Measure) -> str | None:
    """The declared unit's kind, else what every written value shows
    ("72 %" → percent, ja/nej → yes_no); None when it cannot be told."""
    if (kind := units.declared(measure.unit)) is not None:
        return kind
    written = [v for series in measure.series() for v in values(series) if v.kind in ("number", "yes_no")]
    if written and all(v.kind == "number" and v.percent for v in written):
        return units.PERCENT
    if written and all(v.kind == "yes_no" for v in written):
        return units.YES_NO
    if written and all(v.kind == "number" and v.unit for v in written):
        return units.NUMBER  # "60 dagar", "850 tkr": every value shows its unit
    return None


@dataclass(frozen=True, slots=True)
class Bounds:
    """The values a mått can take. ``firm``: outside is impossible (a share,
    or a range the plan declares); otherwise only unusual (a percentage)."""

    lower: float
    upper: float
    firm: bool
    what: str

    def holds(self, number: float) -> bool:
        return self.lower <= number <= self.upper


def bounds_of(measure: Measure, goal: BoardGoal | None = None) -> Bounds | None:
    """What values the mått can take: its declared `intervall`; 0–100 for a
    share, declared (`enhet: andel`) or named ("Andel brukare …" in the
    mått's text, or in the nämndmål's when it has no other mått); loosely
    0–100 for other percentages, which may exceed 100 (nettokostnadsandel)."""
    if measure.value_range is not None:
        return Bounds(measure.value_range.lower, measure.value_range.upper, True, "måttets intervall")
    kind = kind_of(measure)
    named = units.opens_with_share(measure.text or "") or (
        goal is not None and not measure.text and len(goal.measures) == 1 and units.opens_with_share(goal.text))
    if kind == units.SHARE or named and kind in (units.PERCENT, None):
        return Bounds(0, 100, True, "en andel")
    if kind == units.PERCENT:
        return Bounds(0, 100, False, "en procentsats")
    return None


def values(series: Series) -> list[Target]:
    found = list(series.targets.values())
    found.extend(start.baseline.value for start in starts_of(series) if start.baseline.value is not None)
    return found


@dataclass(frozen=True, slots=True)
class Start:
    """One ingångsvärde a series' målvärden start from: the series' own, or
    one part's where a merged förvaltning has one per former part
    (`ingångsvärden`). ``keys`` lead from the series to it."""

    baseline: Baseline
    part: str | None
    keys: tuple

    @property
    def number(self) -> float | None:
        value = self.baseline.value
        return value.number if value is not None and value.kind == "number" else None

    @property
    def what(self) -> str:
        """How messages name it: "ingångsvärdet", "ingångsvärdet för äldreomsorg"."""
        return "ingångsvärdet" if self.part is None else f"ingångsvärdet för {self.part}"


def starts_of(series: Series) -> list[Start]:
    """Every ingångsvärde the series' målvärden are compared with."""
    if isinstance(series, Measure) and series.part_baselines:
        return [Start(part, part.part, ("ingångsvärden", i)) for i, part in enumerate(series.part_baselines)]
    return [Start(series.baseline, None, ("ingångsvärde",))] if series.baseline is not None else []


def baseline_number(series: Series) -> float | None:
    """The one ingångsvärde as a number. None for split baselines: no one
    part's baseline is where the merged series started, so bedömning
    measures against the målvärde alone (tolerans), as without a baseline."""
    baseline = series.baseline
    if baseline is None or baseline.value is None or baseline.value.kind != "number":
        return None
    return baseline.value.number


def numeric_targets(series: Series) -> list[tuple[int, float]]:
    """(year, number) of the targets that are plain levels or comparators, by year."""
    return sorted((year, t.number) for year, t in series.targets.items() if t.kind == "number" and t.number is not None)


def outcomes_of(follow_up: FollowUpFile | None) -> dict[str, Outcome]:
    """Each mått's utfall in a follow-up. An entry written twice (RT105)
    counts once, the first, wherever it is read."""
    found: dict[str, Outcome] = {}
    for outcome in follow_up.outcomes if follow_up else ():
        found.setdefault(outcome.measure, outcome)
    return found


def compatible(quantity: Quantity, measure: Measure, target: Target | None = None) -> bool:
    """Whether a number in a text can speak about this mått's values: a
    percentage about a mått in per cent, a count about a count, "14 dagar"
    only about a mått counted in days."""
    kind = kind_of(measure)
    percent = target.percent if target is not None else False
    if quantity.kind == "percent":
        return percent or units.is_percent(kind)
    if quantity.kind != "number" or percent or units.is_percent(kind) or kind == units.YES_NO:
        return False
    if quantity.is_duration:
        return units.names_unit(measure.unit, quantity.unit)
    return True


def levels_for(goal: BoardGoal, measure: Measure) -> list[Level]:
    """The levels the mått's own text and the nämndmål's text promise for
    this mått: all of the mått's own, and those of the nämndmål that cannot
    be about one of its other mått; in the mått's unit."""
    own = list(read_goal(measure.text).levels) if measure.text else []
    found = own + [level for level in read_goal(goal.text).levels
                   if _about(goal, measure, level.quantity, level.clause)]
    return [replace(level, quantity=q) for level in found
            if (q := _in_unit(level.quantity, measure)) is not None]


def baselines_for(goal: BoardGoal, measure: Measure) -> list[Quantity]:
    """Starting values the texts name for this mått ("öka från 45 till 55"), in its unit."""
    own = list(read_goal(measure.text).baselines) if measure.text else []
    found = own + [q for q in read_goal(goal.text).baselines if _about(goal, measure, q, None)]
    return [converted for q in found if (converted := _in_unit(q, measure)) is not None]


def _in_unit(quantity: Quantity, measure: Measure) -> Quantity | None:
    """A number written with a magnitude ("2,5 miljoner kronor") as the mått
    counts: 2,5 for "mnkr", 2 500 000 for "kr". None when the mått names no
    enhet, since its målvärden may be written either way."""
    if quantity.magnitude == 1:
        return quantity
    if not measure.unit:
        return None
    return replace(quantity, number=round(quantity.number / units.magnitude(measure.unit), 9), magnitude=1.0)


def is_relative(goal: BoardGoal, measure: Measure) -> bool:
    """Whether the goal compares with the previous year ("ökar jämfört med föregående år")."""
    return bool(measure.text and read_goal(measure.text).relative) or read_goal(goal.text).relative


def _about(goal: BoardGoal, measure: Measure, quantity: Quantity, clause: int | None) -> bool:
    fitting = [m for m in goal.measures if compatible(quantity, m)]
    if fitting == [measure] or len(goal.measures) == 1 and fitting:
        return True
    if measure not in fitting or clause is None:
        return False
    return read_goal(goal.text).clause_about(measure.text or measure.id.replace("-", " ")) == clause
