"""Reading what a Swedish goal text says: which way it wants a measure to
go, and which numbers it promises for which years."""

from __future__ import annotations

import functools
import re

from .numbers import parse_number

UP, DOWN, KEEP = "up", "down", "keep"

# Word stems, matched at the start of words: "ökar", "ökad", "minskning" …
_STEMS = {
    UP: ("ök", "höj", "förbättr", "fler", "stärk", "utök", "högre", "större"),
    DOWN: ("minsk", "sänk", "reducer", "färre", "lägre", "kortare", "begräns"),
    KEEP: ("bibehåll", "behåll", "oförändr", "upprätthåll", "bevara"),
}
_STEM_DIRECTION = {stem: d for d, stems in _STEMS.items() for stem in stems}
_DIRECTION_WORD = re.compile(
    r"(?<![a-zåäöéü])(" + "|".join(sorted(_STEM_DIRECTION, key=len, reverse=True)) + r")", re.IGNORECASE
)
_LEVEL = re.compile(r"\b(minst|högst|max|lägst|i nivå med)\b|\d\s*(%|procent)|\bvara\s+\d|^\d")
# "öka till 65 % 2024", "90 personer 2023", "65 % år 2024"
_NUMBER_THEN_YEAR = re.compile(
    r"(?P<num>\d[\d\u00a0 ]*(?:[,.]\d+)?)\s*(?P<pct>%|procent)?\s*(?:[a-zåäö]+\s+)?(?:år\s+|till\s+år\s+)?(?P<year>20\d\d)\b"
)
# "2023 vara max 99%", "2024 100 %", "år 2025 minst 30 %"
_YEAR_THEN_NUMBER = re.compile(
    r"\b(?P<year>20\d\d)\s+(?:ska\s+|skall\s+)?(?:vara\s+)?(?:max\s+|minst\s+|högst\s+)?(?P<num>\d+(?:[,.]\d+)?)\s*(?P<pct>%|procent)"
)


_NEGATION = re.compile(r"\b(inte|ej|icke)\s+(?:\w+\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def direction(text: str) -> str | None:
    """UP, DOWN or KEEP when the text states exactly one direction.

    A negated direction ("ska inte minska") says what must not happen, not
    which way to go, so the text then states none."""
    found = set()
    for match in _DIRECTION_WORD.finditer(text):
        if _NEGATION.search(text[max(0, match.start() - 30): match.start()]):
            return None
        found.add(_STEM_DIRECTION[match.group().lower()])
    return found.pop() if len(found) == 1 else None


def states_level(text: str) -> bool:
    """Whether the text names a level to reach ("minst 30 %", "i nivå med")."""
    return bool(_LEVEL.search(text.lower()))


@functools.lru_cache(maxsize=4096)
def stated_targets(text: str) -> tuple[tuple[int, float, bool], ...]:
    """(year, number, is_percent) promised in the text, in year order."""
    if not any(ch.isdigit() for ch in text):
        return ()
    found: dict[int, tuple[int, float, bool]] = {}
    for pattern in (_YEAR_THEN_NUMBER, _NUMBER_THEN_YEAR):
        for match in pattern.finditer(text):
            year = int(match["year"])
            if re.search(r"\bmed\s*$", text[: match.start("num")]):
                continue  # "öka med 5 % 2029" is a change, not a level
            number = parse_number(match["num"].strip())
            if number is None or year in found or 1990 <= number <= 2100 and not match["pct"]:
                continue
            found[year] = (year, number, bool(match["pct"]))
    return tuple(sorted(found.values()))
