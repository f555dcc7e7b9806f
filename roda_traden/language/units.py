"""What kind of quantity an enhet declares: a share (andel), a percentage,
ja/nej, or a number of something ("antal personer", "dagar", "tkr")."""

from __future__ import annotations

import functools

from . import words
from .tokens import tokenize

SHARE, PERCENT, YES_NO, NUMBER = "share", "percent", "yes_no", "number"


@functools.lru_cache(maxsize=4096)
def declared(unit: str | None) -> str | None:
    """The kind an enhet text declares, by its words ("procentandel", "Andel
    i %", "procent av svarande"); None when no enhet is written."""
    if unit is None:
        return None
    folded = " ".join(unit.lower().split())
    if folded in words.YES_NO_UNITS:
        return YES_NO
    said = {token.text for token in tokenize(folded)}
    if said & words.SHARE_UNITS:
        return SHARE
    if said & words.PERCENT_UNITS:
        return PERCENT
    return NUMBER


@functools.lru_cache(maxsize=4096)
def magnitude(unit: str) -> float:
    """The factor an enhet counts in: 1e6 for "mnkr" or "miljoner kronor",
    1e3 for "tusental besök", 1 for "kr" or "besök"."""
    said = [token.text for token in tokenize(unit.lower())]
    return next((words.UNIT_MAGNITUDES[word] for word in said if word in words.UNIT_MAGNITUDES), 1.0)


def is_percent(kind: str | None) -> bool:
    """Shares and percentages are both written in per cent."""
    return kind in (SHARE, PERCENT)


def names_unit(unit: str | None, word: str) -> bool:
    """Whether an enhet text ("antal dagar", "dagar") names the unit of a
    number in a text ("14 dagar"): the same word up to its ending."""
    if not unit:
        return False
    stem = word[:4]
    return any(part[:4] == stem for part in unit.lower().replace("/", " ").split())


@functools.lru_cache(maxsize=16384)
def opens_with_share(text: str) -> bool:
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first in words.SHARE_OPENERS


@functools.lru_cache(maxsize=16384)
def opens_with_count(text: str) -> bool:
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first in words.COUNT_OPENERS
