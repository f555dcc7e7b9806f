"""Pydantic types for values as people write them in goal tables. The
reading itself lives in roda_traden.language; these only plug it in."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..language.numbers import as_number
from ..language.values import (
    NotAValue,
    Period,
    Target,
    dump_target,
    parse_period,
    parse_target,
)


def _swedish(parse):
    def validate(value: object):
        try:
            return parse(value)
        except NotAValue as error:
            raise PydanticCustomError("rt", str(error)) from None

    return validate


_SCALAR_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}]}

TargetValue = Annotated[
    Target,
    PlainValidator(_swedish(parse_target)),
    PlainSerializer(dump_target),
    WithJsonSchema({**_SCALAR_SCHEMA, "description": "Målvärde: 72 %, >25, ≥ 90, ja/nej, \"ökar jämfört med föregående år\" …"}),
]

PeriodValue = Annotated[
    Period,
    PlainValidator(_swedish(parse_period)),
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
    if target is None or target.kind != "number" or target.op != "=" or target.unit is not None:
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

__all__ = ["Amount", "Number", "Percent", "Period", "PeriodValue", "Target", "TargetValue"]
