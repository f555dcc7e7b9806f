"""How rules name things in their messages."""

from __future__ import annotations

from ..loading.tree import unread_plans
from ..models.plan import Measure, Series
from .base import Hit


def series_name(measure: Measure, series: Series) -> str:
    if series is measure:
        return f"måttet \"{measure.id}\""
    return f"delserien \"{measure.id}/{series.id}\""


def capitalized(text: str) -> str:
    """First letter upper-case, the rest as written (ids keep their case)."""
    return text[:1].upper() + text[1:]


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def without_plan(tree, document, unchecked: str, checked_then: str, missing: str, missing_hint: str) -> Hit:
    """A handlingsplan or uppföljning whose verksamhetsplan is not there:
    one that exists but could not be read is named as such, never as missing."""
    organisation, year = document.organisation, document.year
    unread = unread_plans(tree, year, organisation)
    if unread:
        return Hit(document, f"{organisation}:s verksamhetsplan för {year} finns men kunde inte läsas "
                   f"({', '.join(unread)}), {unchecked}.",
                   f"Rätta felen i verksamhetsplanen (kör rt validate på den); {checked_then}.", ("organisation",))
    return Hit(document, missing.format(organisation=organisation, year=year), missing_hint, ("organisation",))
