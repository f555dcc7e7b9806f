"""How rules name things in their messages."""

from __future__ import annotations

from ..models.plan import Measure, Series


def series_name(measure: Measure, series: Series) -> str:
    if series is measure:
        return f"måttet \"{measure.id}\""
    return f"delserien \"{measure.id}/{series.id}\""


def capitalized(text: str) -> str:
    """First letter upper-case, the rest as written (ids keep their case)."""
    return text[:1].upper() + text[1:]


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]

