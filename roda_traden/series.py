"""What a mått's series says in numbers: the way it should move, its
baseline and its targets. Read by the rules and by the bedömning alike."""

from __future__ import annotations

from .language import DOWN, KEEP, UP, direction
from .models.plan import BoardGoal, Measure, Series

_DECLARED = {"öka": UP, "minska": DOWN, "bibehålla": KEEP}


def intended_direction(goal: BoardGoal, measure: Measure) -> str | None:
    """Which way the mått should move: its own `riktning`, else its text,
    else the nämndmål's text (a mått on waiting time may fall while the
    goal says "förbättra")."""
    if measure.direction:
        return _DECLARED[measure.direction]
    return (measure.text and direction(measure.text)) or direction(goal.text)


def baseline_number(series: Series) -> float | None:
    baseline = series.baseline
    if baseline is None or baseline.value is None or baseline.value.kind != "number":
        return None
    return baseline.value.number


def numeric_targets(series: Series) -> list[tuple[int, float]]:
    return sorted((year, t.number) for year, t in series.targets.items() if t.kind == "number" and t.number is not None)
