"""Small readings several rules share."""

from __future__ import annotations

from ..language import DOWN, KEEP, UP, direction
from ..models.plan import BoardGoal, Measure, Series

_DECLARED = {"öka": UP, "minska": DOWN, "bibehålla": KEEP}
DIRECTION_WORDS = {UP: "öka", DOWN: "minska", KEEP: "bibehållas"}


def intended_direction(goal: BoardGoal, measure: Measure) -> str | None:
    """Which way the mått should move: its own `riktning`, else its text,
    else the nämndmål's text (a mått on waiting time may fall while the
    goal says "förbättra")."""
    if measure.direction:
        return _DECLARED[measure.direction]
    return (measure.text and direction(measure.text)) or direction(goal.text)


def series_name(measure: Measure, series: Series) -> str:
    if series is measure:
        return f"måttet \"{measure.id}\""
    return f"delserien \"{measure.id}/{series.id}\""


def baseline_number(series: Series) -> float | None:
    baseline = series.baseline
    if baseline is None or baseline.value is None or baseline.value.kind != "number":
        return None
    return baseline.value.number


def numeric_targets(series: Series) -> list[tuple[int, float]]:
    return sorted((year, t.number) for year, t in series.targets.items() if t.kind == "number" and t.number is not None)


def capitalized(text: str) -> str:
    """First letter upper-case, the rest as written (ids keep their case)."""
    return text[:1].upper() + text[1:]


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]
