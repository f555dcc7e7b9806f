"""What kind of quantity a mått counts, from its enhet or its values."""

from __future__ import annotations

from .models.plan import Measure, Series
from .models.values import Target

PERCENT, YES_NO, NUMBER = "percent", "yes_no", "number"

_PERCENT_UNITS = {"%", "procent", "andel", "andel (%)", "procentenheter"}
_YES_NO_UNITS = {"ja/nej", "ja eller nej", "ja / nej"}


def declared(unit: str | None) -> str | None:
    if unit is None:
        return None
    folded = " ".join(unit.lower().split())
    if folded in _PERCENT_UNITS:
        return PERCENT
    if folded in _YES_NO_UNITS:
        return YES_NO
    return NUMBER


def values(series: Series) -> list[Target]:
    found = list(series.targets.values())
    if series.baseline is not None and series.baseline.value is not None:
        found.append(series.baseline.value)
    return found


def kind_of(measure: Measure) -> str | None:
    """The declared unit's kind, else what every written value shows
    ("72 %" → percent, ja/nej → yes_no); None when it cannot be told."""
    if (kind := declared(measure.unit)) is not None:
        return kind
    written = [v for series in measure.series() for v in values(series) if v.kind in ("number", "yes_no")]
    if written and all(v.kind == "number" and v.percent for v in written):
        return PERCENT
    if written and all(v.kind == "yes_no" for v in written):
        return YES_NO
    return None
