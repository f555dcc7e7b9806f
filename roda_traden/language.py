"""Reading what a Swedish goal text says: which way it wants a measure to
go, and which numbers it promises for which years."""

from __future__ import annotations

import re

from .numbers import parse_number

UP, DOWN, KEEP = "up", "down", "keep"

# Word stems, matched at the start of words: "ökar", "ökad", "minskning" …
_STEMS = {
    UP: ("ök", "höj", "förbättr", "fler", "stärk", "utök", "högre", "större"),
    DOWN: ("minsk", "sänk", "reducer", "färre", "lägre", "kortare", "begräns"),
    KEEP: ("bibehåll", "behåll", "oförändr", "upprätthåll", "bevara"),
}
_WORD = re.compile(r"[a-zåäöéü]+")
_LEVEL = re.compile(r"\b(minst|högst|max|lägst|i nivå med)\b|\d\s*(%|procent)|\bvara\s+\d|^\d")
# "öka till 65 % 2024", "90 personer 2023", "65 % år 2024"
_NUMBER_THEN_YEAR = re.compile(
    r"(?P<num>\d[\d\u00a0 ]*(?:[,.]\d+)?)\s*(?P<pct>%|procent)?\s*(?:[a-zåäö]+\s+)?(?:år\s+|till\s+år\s+)?(?P<year>20\d\d)\b"
)
# "2023 vara max 99%", "2024 100 %", "år 2025 minst 30 %"
_YEAR_THEN_NUMBER = re.compile(
    r"\b(?P<year>20\d\d)\s+(?:ska\s+|skall\s+)?(?:vara\s+)?(?:max\s+|minst\s+|högst\s+)?(?P<num>\d+(?:[,.]\d+)?)\s*(?P<pct>%|procent)"
)


def direction(text: str) -> str | None:
    """UP, DOWN or KEEP when the text states exactly one direction."""
    found = {d for word in _WORD.findall(text.lower()) for d, stems in _STEMS.items() if word.startswith(stems)}
    return found.pop() if len(found) == 1 else None


def states_level(text: str) -> bool:
    """Whether the text names a level to reach ("minst 30 %", "i nivå med")."""
    return bool(_LEVEL.search(text.lower()))


def stated_targets(text: str) -> list[tuple[int, float, bool]]:
    """(year, number, is_percent) promised in the text, in order of mention."""
    found: dict[int, tuple[int, float, bool]] = {}
    for pattern in (_YEAR_THEN_NUMBER, _NUMBER_THEN_YEAR):
        for match in pattern.finditer(text):
            year = int(match["year"])
            number = parse_number(match["num"].strip())
            if number is None or year in found or 1990 <= number <= 2100 and not match["pct"]:
                continue
            found[year] = (year, number, bool(match["pct"]))
    return sorted(found.values())
