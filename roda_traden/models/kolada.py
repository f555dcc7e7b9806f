"""kolada/<KPI>.yaml: one Kolada nyckeltal as `rt kolada hämta` stored it –
the kommun's series and each comparison's, with where and when every value
was fetched, so that bedömning and reports work offline and a pull request
shows what changed."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, ClassVar

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model, Text
from .common import Year

# Kolada's code for the whole country.
RIKET = "0000"
# The series keys a stored file always uses for the two built-in comparisons;
# a kommun's own groups are stored under the name kommun.yaml gives them.
KOMMUN_SERIES = "kommun"
RIKET_SERIES = "riket"
ALL_SERIES = "alla kommuner"
KPI_PATTERN = r"^[A-Z]\d{5}$"


def _group(value: object) -> object:
    """A Kolada group id (G37519) or a list of kommun codes, as kommun.yaml writes it."""
    codes = value if isinstance(value, list) else None
    if isinstance(value, str) and re.fullmatch(r"G\d+", value.strip()):
        return value.strip()
    if codes and all(isinstance(c, str) and re.fullmatch(r"\d{4}", c) for c in codes):
        return codes
    raise PydanticCustomError("rt", "En jämförelsegrupp är ett grupp-id i Kolada eller en lista med kommunkoder.",
                              {"hint": "Skriv t.ex. likvärdiga kommuner: G37519, eller grannkommuner: "
                                       "[\"0480\", \"0482\"] (kommunkoder inom citattecken)."})


ComparisonGroup = Annotated[
    str | list[str], BeforeValidator(_group),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^G\d+$"},
                              {"type": "array", "items": {"type": "string", "pattern": r"^\d{4}$"}, "minItems": 1}],
                    "description": "En grupp i Kolada (G37519) eller en lista med kommunkoder."}),
]


class StoredValue(Model):
    """One year's value. ``värde: null`` is Kolada's "no value", never 0."""

    label: ClassVar[str] = "Kolada-värde"

    value: float | None = Field(alias="värde")
    # For a group: how many members had a value (the value is their unweighted mean).
    count: int | None = Field(default=None, alias="antal", ge=0)
    fetched: datetime.date = Field(alias="hämtad")
    url: Text = Field(alias="källa")


class StoredSeries(Model):
    """The values of one kommun, of riket or of a comparison group, by year."""

    label: ClassVar[str] = "Kolada-serie"

    name: Text | None = Field(default=None, alias="namn")
    # A kommun code, 0000 for riket, a Kolada group id (G…) or the kommun codes of a list.
    code: Text | list[Text] | None = Field(default=None, alias="kod")
    values: dict[Year, StoredValue] = Field(default_factory=dict, alias="värden")


class KoladaFile(Model):
    label: ClassVar[str] = "Kolada-fil"

    kpi: str = Field(pattern=KPI_PATTERN)
    title: Text = Field(alias="titel")
    description: Text | None = Field(default=None, alias="beskrivning")
    fetched: datetime.date = Field(alias="hämtad")
    series: dict[Text, StoredSeries] = Field(default_factory=dict, alias="serier")
