"""The four bedömningar, each with a symbol and a word so that meaning never
rests on colour alone."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Grade(str, enum.Enum):
    MET = "uppfyllt"
    PARTLY = "delvis uppfyllt"
    NOT_MET = "ej uppfyllt"
    UNKNOWN = "kan ej bedömas"

    @property
    def symbol(self) -> str:
        # ● and ■ as in Oxelösund's sammanställning; ◐ and ○ for the two between.
        return {"uppfyllt": "●", "delvis uppfyllt": "◐", "ej uppfyllt": "■", "kan ej bedömas": "○"}[self.value]

    @property
    def shown(self) -> str:
        return f"{self.symbol} {self.value}"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A computed bedömning with its reason, and a manual one where people
    have overridden it (with their motivation). ``grade`` is what counts."""

    computed: Grade
    reason: str
    manual: Grade | None = None
    motivation: str | None = None

    @property
    def grade(self) -> Grade:
        return self.manual or self.computed


def combine(grades: Iterable[Grade], none_reason: str, roll_up: str = "blandat") -> Assessment:
    """Roll several bedömningar into one: all met is met, all unmet is unmet,
    anything else is partly – or, with ``roll_up`` "sämsta", one unmet is
    unmet; those that cannot be assessed are left out unless nothing else is there."""
    known = [g for g in grades if g is not Grade.UNKNOWN]
    if not known:
        return Assessment(Grade.UNKNOWN, none_reason)
    counts = {grade: known.count(grade) for grade in Grade}
    summary = ", ".join(f"{n} {grade.value}" for grade, n in counts.items() if n)
    if counts[Grade.MET] == len(known):
        return Assessment(Grade.MET, summary)
    if counts[Grade.NOT_MET] == len(known) or roll_up == "sämsta" and counts[Grade.NOT_MET]:
        return Assessment(Grade.NOT_MET, summary)
    return Assessment(Grade.PARTLY, summary)


def made_of(counts: dict[Grade, int]) -> str:
    """What a måluppfyllelsegrad is computed from, so that "50 %" beside
    "0 uppfyllda" does not puzzle: "0 uppfyllda, 2 delvis av 2"."""
    assessed = sum(n for grade, n in counts.items() if grade is not Grade.UNKNOWN)
    met, partly = counts.get(Grade.MET, 0), counts.get(Grade.PARTLY, 0)
    return f"{met} {'uppfyllt' if met == 1 else 'uppfyllda'}, {partly} delvis av {assessed}"
