"""handlingsplan-ÅÅÅÅ-<enhet>.yaml: how a förvaltning or enhet will reach
the nämnd's goals – activities with what and why, who (a function) and when."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Id, Model, Text
from .common import Year

_QUARTER = re.compile(r"^\s*(?:(?P<y1>\d{4})\s*[-–/ ]\s*)?Q(?P<q>[1-4])(?:\s*[-–/ ]?\s*(?P<y2>\d{4}))?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Quarter:
    """"Klart till": a quarter, of the plan's year unless another is named."""

    quarter: int
    year: int | None = None

    def __str__(self) -> str:
        return f"Q{self.quarter}" if self.year is None else f"{self.year}-Q{self.quarter}"


def parse_quarter(value: object) -> Quarter:
    if isinstance(value, Quarter):
        return value
    match = _QUARTER.match(str(value)) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("rt", "\"klart\" anges som ett kvartal: Q1, Q2, Q3 eller Q4 (eller t.ex. 2024-Q1).",
                                  {"hint": "Skriv t.ex. klart: Q3."})
    year = match["y1"] or match["y2"]
    return Quarter(int(match["q"]), int(year) if year else None)


QuarterValue = Annotated[
    Quarter,
    PlainValidator(parse_quarter),
    PlainSerializer(str),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{4}-)?Q[1-4]$", "description": "Q1–Q4, eller t.ex. 2024-Q1"}),
]


class Activity(Model):
    """One row of the handlingsplan: an activity towards a nämndmål."""

    label: ClassVar[str] = "aktivitet"

    id: Id
    board_goal: Text = Field(alias="nämndmål")
    what: Text = Field(alias="vad")
    why: Text | None = Field(default=None, alias="varför")
    responsible: Text = Field(alias="ansvarig")
    due: QuarterValue = Field(alias="klart")
    follow_up: Text | None = Field(default=None, alias="uppföljning")


class ActionPlanFile(Model):
    """A handlingsplan: one förvaltning's or enhet's activities for a year."""

    label: ClassVar[str] = "handlingsplan"

    organisation: Text
    year: Year = Field(alias="år")
    unit: Text = Field(alias="förvaltning")
    activities: list[Activity] = Field(default_factory=list, alias="aktiviteter")
