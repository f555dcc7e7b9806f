"""Values as people write them in goal tables: målvärden, periods, amounts."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..numbers import as_number, parse_number

Op = Literal["=", ">", ">=", "<", "<="]
Kind = Literal["number", "yes_no", "change", "benchmark", "unknown"]
Direction = Literal["up", "down", "keep"]

_OPS = {
    ">=": ">=", "≥": ">=", "minst": ">=", "lägst": ">=",
    "<=": "<=", "≤": "<=", "högst": "<=", "max": "<=", "maximalt": "<=",
    ">": ">", "över": ">", "mer än": ">",
    "<": "<", "under": "<", "mindre än": "<",
    "=": "=",
}
_OP_PATTERN = "|".join(sorted((re.escape(k) for k in _OPS), key=len, reverse=True))
_TARGET = re.compile(rf"^(?P<op>{_OP_PATTERN})?\s*(?P<num>[^%]*?)\s*(?P<pct>%|procent)?$", re.I)
_CHANGE = re.compile(r"^(?P<verb>öka|ökar|högre|minska|minskar|lägre|bibehålla|bibehålls|oförändrad)\b", re.I)
_BENCHMARK = re.compile(r"^(?P<op>minst|högst)\s+i\s+nivå\s+med\s+(?P<what>.+)$", re.I)
_DIRECTIONS = {"ö": "up", "h": "up", "m": "down", "l": "down", "b": "keep", "o": "keep"}


@dataclass(frozen=True, slots=True)
class Target:
    """One målvärde (or ingångsvärde) as written, and what it means.

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


def parse_target(value: object) -> Target:
    """Interpret a scalar from a målvärden table. Never raises: an
    uninterpretable value becomes kind ``unknown`` for RT301 to report."""
    if isinstance(value, Target):
        return value
    if value is None:
        return Target(raw="", kind="unknown")
    if isinstance(value, (list, dict)):
        raise PydanticCustomError("rt", "Ett målvärde är ett enda värde (tal, text eller ja/nej), inte en lista eller mappning.")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("rt", "Målvärdet måste vara ett ändligt tal, inte .nan eller .inf.")
    if isinstance(value, (str, int, float)):
        # Targets repeat ("80 %", 2, "ja"); Target is immutable, so share them.
        # The type is part of the key because True == 1 in Python.
        return _parse_scalar(type(value), value)
    return Target(raw=str(value), kind="unknown")


@functools.lru_cache(maxsize=8192)
def _parse_scalar(kind: type, value: object) -> Target:
    if isinstance(value, bool):
        return Target(raw="ja" if value else "nej", kind="yes_no", yes=value)
    number = as_number(value)
    if number is not None and not isinstance(value, str):
        return Target(raw=_plain(value), kind="number", number=number)
    if not isinstance(value, str):
        return Target(raw=str(value), kind="unknown")
    text = " ".join(value.split())
    lowered = text.lower()
    if lowered in ("ja", "nej"):
        return Target(raw=text, kind="yes_no", yes=lowered == "ja")
    if bench := _BENCHMARK.match(text):
        op = ">=" if bench["op"].lower() == "minst" else "<="
        return Target(raw=text, kind="benchmark", op=op, benchmark=bench["what"])
    if change := _CHANGE.match(text):
        direction = _DIRECTIONS[change["verb"][0].lower()]
        return Target(raw=text, kind="change", direction=direction)  # type: ignore[arg-type]
    if match := _TARGET.match(text):
        number = parse_number(match["num"])
        if number is not None:
            op = _OPS[match["op"].lower()] if match["op"] else "="
            return Target(raw=text, kind="number", op=op, number=number, percent=bool(match["pct"]))  # type: ignore[arg-type]
    return Target(raw=text, kind="unknown")


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _dump_target(target: Target) -> object:
    """Back to YAML as written: plain numbers as numbers, the rest as text."""
    if target.kind == "number" and parse_number(target.raw) is not None:
        number = parse_number(target.raw)
        return int(number) if number.is_integer() else number
    return target.raw


_SCALAR_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}]}

TargetValue = Annotated[
    Target,
    PlainValidator(parse_target),
    PlainSerializer(_dump_target),
    WithJsonSchema({**_SCALAR_SCHEMA, "description": "Målvärde: 72 %, >25, ≥ 90, ja/nej, \"ökar jämfört med föregående år\" …"}),
]


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
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"från": value, "till": value}
    if isinstance(value, dict) and set(value) == {"från", "till"}:
        start, end = value["från"], value["till"]
    elif isinstance(value, str) and (match := _PERIOD.match(value)):
        start, end = int(match[1]), int(match[2])
    else:
        raise PydanticCustomError("rt", "En period skrivs som två årtal, t.ex. \"2023–2025\".")
    if not all(isinstance(y, int) and not isinstance(y, bool) and 1990 <= y <= 2100 for y in (start, end)):
        raise PydanticCustomError("rt", "En period består av årtal mellan 1990 och 2100, t.ex. \"2023–2025\".")
    if start > end:
        raise PydanticCustomError("rt", "Periodens första år måste komma före det sista, t.ex. \"2023–2025\".")
    return Period(start, end)


PeriodValue = Annotated[
    Period,
    PlainValidator(parse_period),
    PlainSerializer(str),
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "pattern": r"^\s*\d{4}\s*[-–—]\s*\d{4}\s*$"},
            {"type": "integer"},
            {"type": "object", "properties": {"från": {"type": "integer"}, "till": {"type": "integer"}},
             "required": ["från", "till"], "additionalProperties": False},
        ],
        "description": "T.ex. 2023–2025",
    }),
]


def _amount(value: object) -> float:
    number = as_number(value)
    if number is None:
        raise PydanticCustomError("rt", "Beloppet ska vara ett tal i tkr, t.ex. 12 500 eller -3 200,5.")
    return number


def _percent(value: object) -> float:
    target = parse_target(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
    if target is None or target.kind != "number" or target.op != "=":
        raise PydanticCustomError("rt", "Ange procent som ett tal mellan 0 och 100, t.ex. 50 eller 50 %.")
    return target.number


Percent = Annotated[
    float,
    BeforeValidator(_percent),
    Field(ge=0, le=100),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}], "description": "Procent, 0–100"}),
]

def _number(value: object) -> float:
    number = as_number(value)
    if number is None:
        raise PydanticCustomError("rt", "Ange ett tal, t.ex. 5 eller 2,5.")
    return number


Number = Annotated[
    float,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}], "description": "Ett tal, t.ex. 2,5"}),
]

Amount = Annotated[
    float,
    BeforeValidator(_amount),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}], "description": "Belopp i tkr"}),
]
