"""Values as people write them in goal tables: målvärden, ingångsvärden,
utfall ("72 %", ">25", "minst 30 %", "ja", "ökar jämfört med föregående
år", "minst i nivå med genomsnittet för riket") and periods ("2023–2025").
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from typing import Literal

from . import words
from .goals import read_goal
from .numbers import as_number, parse_number
from .tokens import OP, is_unit, tokenize
from .when import When, split_when
from .words import Direction

Op = Literal["=", ">", ">=", "<", "<="]
Kind = Literal["number", "range", "yes_no", "change", "benchmark", "measurement", "unknown"]

# Greedy and without nested repetition, so a value of any length is read in linear time.
_NUMBER_AND_UNIT = re.compile(r"^(?P<num>[-+\u2212\u2013]?[\d\s.,]*\d)\s*(?P<unit>%|[^\W\d_]+)?$")


@dataclass(frozen=True, slots=True)
class Target:
    """One målvärde (or ingångsvärde, or utfall) as written, and what it means.

    ``raw`` keeps the text exactly as the plan wrote it, so documents print
    it as decided; the other fields are the interpretation rules work with.
    """

    raw: str
    kind: Kind
    op: Op = "="
    number: float | None = None
    percent: bool = False
    yes: bool | None = None
    direction: Direction | None = None
    benchmark: str | None = None
    unit: str | None = None
    # A range ("20–25 %", "mellan 20 och 25 %"): ``number`` is its lower end.
    upper: float | None = None
    # When the value was measured, where the plan prints it after the value:
    # "41 (jan–nov 2023)", "2 701 (jan–okt)".
    when: When | None = None


class NotAValue(ValueError):
    """A value that is no single scalar; the message is Swedish."""


def parse_target(value: object) -> Target:
    """Interpret a scalar from a målvärden table. An uninterpretable text
    becomes kind ``unknown`` for the rules to report; a list, mapping or
    non-finite number raises NotAValue."""
    if isinstance(value, Target):
        return value
    if value is None:
        return Target(raw="", kind="unknown")
    if isinstance(value, (list, dict)):
        raise NotAValue("Ett målvärde är ett enda värde (tal, text eller ja/nej), inte en lista eller mappning.")
    if isinstance(value, float) and not math.isfinite(value):
        raise NotAValue("Målvärdet måste vara ett ändligt tal, inte .nan eller .inf.")
    if isinstance(value, (str, int, float)):
        # Targets repeat ("80 %", 2, "ja"); Target is immutable, so share them.
        # The type is part of the key because True == 1 in Python.
        return _parse_scalar(type(value), value)
    return Target(raw=str(value), kind="unknown")


@functools.lru_cache(maxsize=8192)
def _parse_scalar(kind: type, value: object) -> Target:
    if isinstance(value, bool):
        return Target(raw="ja" if value else "nej", kind="yes_no", yes=value)
    if not isinstance(value, str):
        number = as_number(value)
        return Target(raw=_plain(value), kind="number", number=number) if number is not None else \
            Target(raw=_plain(value), kind="unknown")
    text = " ".join(value.split())
    lowered = text.lower()
    if lowered in words.YES_WORDS | words.NO_WORDS:
        return Target(raw=text, kind="yes_no", yes=lowered in words.YES_WORDS)
    if lowered in words.MEASUREMENT_WORDS:
        return Target(raw=text, kind="measurement")
    if text.endswith(")") and (dated := split_when(text)) is not None:
        return dataclasses.replace(_parse_scalar(str, dated[0]), raw=text, when=dated[1])
    if (duration := _DURATION.match(text)) is not None:
        hours = parse_number(duration["hours"])
        return Target(raw=text, kind="number", number=hours + int(duration["minutes"]) / 60, unit="timmar")
    first, _, rest = text.partition(" ")
    if first.lower() in words.APPROXIMATELY and rest and (about := _parse_scalar(str, rest)).kind == "number":
        return Target(raw=text, kind="number", op=about.op, number=about.number, percent=about.percent,
                      unit=about.unit)  # "ca 85 %": the plan's level is 85 %
    if (share := _SHARE_OF.match(text)) is not None and 0 < int(share["a"]) <= int(share["b"]):
        return Target(raw=text, kind="number", number=int(share["a"]) / int(share["b"]) * 100, percent=True)
    if (span := _range(text)) is not None:
        return span
    if (number := _number(text)) is not None:
        return number
    reading = read_goal(text)
    if reading.benchmark is not None:
        op, what = reading.benchmark
        return Target(raw=text, kind="benchmark", op=op, benchmark=what)  # type: ignore[arg-type]
    if reading.direction is not None and not reading.levels:
        return Target(raw=text, kind="change", direction=reading.direction)
    if reading.improve and not reading.levels:
        return Target(raw=text, kind="change")  # "Förbättring": the mått's own direction says which way
    return Target(raw=text, kind="unknown")


# "8278:26": hours and minutes, as time reports print a duration.
_DURATION = re.compile(r"^(?P<hours>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+):(?P<minutes>[0-5]\d)$")
_SHARE_OF = re.compile(r"^(?P<a>\d{1,4})\s+av\s+(?P<b>\d{1,4})$")  # "9 av 10"
_SPAN_NUMBER = r"-?\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?"
_RANGE = re.compile(rf"^(?:mellan\s+)?(?P<a>{_SPAN_NUMBER})\s?(?P<pa>%|procent)?\s?(?:[-–—]|och|till)\s?"
                    rf"(?P<b>{_SPAN_NUMBER})\s?(?P<pb>%|procent)?$", re.IGNORECASE)


def _range(text: str) -> Target | None:
    """"20–25 %", "20 % – 25 %", "mellan 20 och 25 %": a level anywhere in a span."""
    match = _RANGE.match(text)
    if match is None or (match["pa"] and not match["pb"]):
        return None
    low, high = parse_number(match["a"].strip()), parse_number(match["b"].strip())
    if low is None or high is None or low >= high:
        return None
    return Target(raw=text, kind="range", number=low, upper=high, percent=bool(match["pb"]))


def _number(text: str) -> Target | None:
    """"72 %", "1 052", ">25", "≥ 90", "minst 30 %", "max 99%", "högst 14
    dagar", "80 % eller mer", "noll", "minst hälften"."""
    tokens = tokenize(text)
    op, first, last = "=", 0, len(tokens)
    if tokens and tokens[0].kind == OP:
        op, first = words.OP_SYMBOLS[tokens[0].text], 1
    elif tokens:
        for phrase, meaning in words.OP_WORDS.items():
            if tuple(t.text for t in tokens[:len(phrase)]) == phrase and len(tokens) > len(phrase):
                op, first = meaning, len(phrase)
                break
    if op == "=" and last - first > 2 and (after := words.OP_AFTER_WORDS.get(tuple(t.text for t in tokens[-2:]))):
        op, last = after, last - 2
    if first >= last:
        return None
    if last - first == 1 and (word := tokens[first].text) in words.NUMBER_WORDS | words.SHARE_WORDS:
        share = word in words.SHARE_WORDS
        return Target(raw=text, kind="number", op=op,  # type: ignore[arg-type]
                      number=(words.SHARE_WORDS if share else words.NUMBER_WORDS)[word], percent=share)
    span, magnitude = text[tokens[first].start:tokens[last - 1].end], None
    if last - first >= 2 and tokens[first + 1].text in words.MAGNITUDES:
        # "13,5 miljoner", "3,5 miljarder kr": a målvärde is written in the
        # mått's own unit, so the magnitude is part of the unit ("miljoner
        # kronor"), not a factor: 13,5 next to an ingångsvärde of 14,2.
        magnitude = tokens[first + 1].text
        span = text[tokens[first].start:tokens[first].end] + text[tokens[first + 1].end:tokens[last - 1].end]
    match = _NUMBER_AND_UNIT.match(span)
    if match is None:
        return None
    number = parse_number(match["num"])
    if number is None:
        return None
    unit = match["unit"].lower() if match["unit"] else None
    percent = unit is not None and (unit == "%" or unit in words.PERCENT_WORDS)
    if unit is not None and not percent and not is_unit(unit):
        return None
    if magnitude is not None and not percent:
        unit = f"{magnitude} {unit}" if unit else magnitude
    if first and tokens[first - 1].text == "än" and unit is None and not percent and number.is_integer() \
            and 1990 <= number <= 2100:
        # "lägre än 2023", "fler än 2023": a change since that year, not the number 2023.
        return Target(raw=text, kind="change", direction=Direction.UP if op in (">", ">=") else Direction.DOWN)
    return Target(raw=text, kind="number", op=op, number=number, percent=percent,  # type: ignore[arg-type]
                  unit=None if percent else unit)


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and value.bit_length() > 1000:
        return "ett tal med över 300 siffror"  # str() refuses beyond 4 300 digits
    return str(value)


def dump_target(target: Target) -> object:
    """Back to YAML as written: plain numbers as numbers, the rest as text."""
    if target.kind == "number" and (number := parse_number(target.raw)) is not None:
        return int(number) if number.is_integer() else number
    return target.raw


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive span of whole years, e.g. the planning period 2023–2025."""

    start: int
    end: int

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        return f"{self.start}–{self.end}"


_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


def parse_period(value: object) -> Period:
    """A period from "2023–2025", a single year, or {från, till}; NotAValue otherwise."""
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"från": value, "till": value}
    if isinstance(value, dict) and set(value) == {"från", "till"}:
        start, end = value["från"], value["till"]
    elif isinstance(value, str) and (match := _PERIOD.match(value)):
        start, end = int(match[1]), int(match[2])
    else:
        raise NotAValue("En period skrivs som två årtal, t.ex. \"2023–2025\".")
    if not all(isinstance(y, int) and not isinstance(y, bool) and 1990 <= y <= 2100 for y in (start, end)):
        raise NotAValue("En period består av årtal mellan 1990 och 2100, t.ex. \"2023–2025\".")
    if start > end:
        raise NotAValue("Periodens första år måste komma före det sista, t.ex. \"2023–2025\".")
    return Period(start, end)
