"""verksamhetsplan-ÅÅÅÅ.yaml: one nämnd's or bolag's plan for a year – its
nämndmål with mått and målvärden, nyckeltal and internbudget."""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..language.values import Target
from ..language.when import When, read_when
from ..language.words import NEW_BASELINE_WORDS
from .base import Id, Model, Text
from .budget import InternalBudget
from .common import Decision, Year
from .values import Number, PeriodValue, TargetValue


def _when(value: object) -> When:
    when = read_when(value)
    if when is None:
        raise PydanticCustomError(
            "rt", "\"{value}\" går inte att läsa som en tid.",
            {"value": str(value)[:80],
             "hint": "Skriv t.ex. \"2023\", \"jan–nov 2023\", \"delår 2023\", \"T1 2023\", \"vt 2023\" "
                     "eller \"läsåret 2022/23\"."})
    return when


def _date(value: object) -> When:
    when = _when(value)
    if when.date is None:
        raise PydanticCustomError("rt", "\"{value}\" är inget datum.",
                                  {"value": when.raw, "hint": "Skriv datumet som 2023-12-01 eller 1/12 2023, "
                                   "eller använd \"period:\" för en period."})
    return when


_WHEN_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
WhenValue = Annotated[
    When, PlainValidator(_when), PlainSerializer(str),
    WithJsonSchema({**_WHEN_SCHEMA, "description": "Period: 2023, jan–nov 2023, delår 2023, T1 2023, vt 2023, "
                    "läsåret 2022/23"}),
]
DateValue = Annotated[
    When, PlainValidator(_date), PlainSerializer(str),
    WithJsonSchema({**_WHEN_SCHEMA, "description": "Datum: 2023-12-01 eller 1/12 2023"}),
]


def _dating(value: Target | None, year: int | None, *written: When | None) -> When | None:
    """When a value was measured: its `period`/`datum`, or the brackets
    after the value ("41 (jan–nov 2023)"). A year the two state
    differently is refused: one of them is a typo."""
    when = next((w for w in written if w is not None), None) or (value.when if value is not None else None)
    if when is not None and when.year is not None and year is not None and when.year != year:
        raise PydanticCustomError(
            "rt", "Året {year} stämmer inte med \"{when}\".",
            {"year": year, "when": when.raw, "hint": "Ta bort \"år\" (året läses ur perioden) eller rätta det."})
    return when


def _printed(value: Target | None, year: int | None, when: When | None, show=lambda target: target.raw) -> str:
    """A value with when it was measured, as a table prints it; ``show``
    prints the value itself (reports use their number style)."""
    if value is None:
        return ""
    if value.when is not None:
        return show(value)  # written as printed: "41 (jan–nov 2023)"
    if when is not None:
        return f"{show(value)} ({when.raw}{f' {year}' if when.year is None and year else ''})"
    return f"{show(value)} ({year})" if year else show(value)


def _baseline_mapping(value: object) -> object:
    if isinstance(value, dict):
        return value
    if value is None or isinstance(value, str) and not value.strip():
        return {}  # written but empty: RT204 says what to write
    if isinstance(value, str) and " ".join(value.lower().split()) in NEW_BASELINE_WORDS:
        return {"nytt": " ".join(value.split())}  # the words are printed as written: "Nytt värde"
    return {"värde": value}


class Baseline(Model):
    """Ingångsvärde: the value the målvärden start from, and when it was
    measured: a year, a period ("jan–nov 2023") or a date."""

    label: ClassVar[str] = "ingångsvärde"

    value: TargetValue | None = Field(default=None, alias="värde")
    year: Year | None = Field(default=None, alias="år")
    period: WhenValue | None = None
    date: DateValue | None = Field(default=None, alias="datum")
    # true, or the words the plan wrote ("Nytt värde", "Nytt mål").
    new: bool | Text = Field(default=False, alias="nytt")
    source: Text | None = Field(default=None, alias="källa")

    @model_validator(mode="after")
    def _new_or_value(self) -> Baseline:
        if self.new and self.value is not None:
            raise PydanticCustomError("rt", "Ett ingångsvärde är antingen ett värde eller \"nytt: true\", inte båda.")
        if self.period is not None and self.date is not None:
            raise PydanticCustomError("rt", "Ett ingångsvärde har antingen \"period\" eller \"datum\", inte båda.",
                                      {"hint": "Ett värde vid ett datum: \"datum\"; för en del av året: \"period\"."})
        _dating(self.value, self.year, self.period, self.date)
        return self

    @property
    def dated(self) -> When | None:
        """When the value was measured, however the plan wrote it."""
        return self.period or self.date or (self.value.when if self.value is not None else None)

    @property
    def measured_year(self) -> int | None:
        """The year the value is about: `år`, else the period's or date's."""
        dated = self.dated
        return self.year if self.year is not None else dated.year if dated is not None else None

    @property
    def printed(self) -> str:
        """The value as a report prints it: "41 (jan–nov 2023)", "64 (2023)", "Nytt värde"."""
        return self.printed_with(lambda target: target.raw)

    def printed_with(self, show) -> str:
        """As ``printed``, with ``show`` printing the value itself."""
        if self.new:
            return self.new if isinstance(self.new, str) else "Nytt mål"
        return _printed(self.value, self.year, self.dated, show)


class BaselinePart(Baseline):
    """One part's ingångsvärde, where a förvaltning formed by a merger has a
    baseline for each former part and one series of målvärden."""

    label: ClassVar[str] = "ingångsvärde för en del"

    part: Text = Field(alias="del")


BaselineValue = Annotated[
    Baseline,
    BeforeValidator(_baseline_mapping),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "description": "Värde, \"41 (jan–nov 2023)\", eller \"nytt mål\""},
                {
                    "type": "object",
                    "properties": {
                        "värde": {"anyOf": [{"type": "number"}, {"type": "string"}]},
                        "år": {"type": "integer"},
                        "period": {**_WHEN_SCHEMA, "description": "T.ex. jan–nov 2023, delår 2023"},
                        "datum": {**_WHEN_SCHEMA, "description": "T.ex. 2023-12-01, 1/12 2023"},
                        "nytt": {"anyOf": [{"type": "boolean"}, {"type": "string"}],
                                 "description": "true, eller orden planen skriver: \"Nytt värde\""},
                        "källa": {"type": "string"},
                    },
                    "additionalProperties": False,
                },
            ]
        }
    ),
]

DeclaredDirection = Literal["öka", "minska", "bibehålla"]


class Series(Model):
    """What every measured series has: a baseline and a target per year."""

    label: ClassVar[str] = "serie"

    baseline: BaselineValue | None = Field(default=None, alias="ingångsvärde")
    targets: dict[Year, TargetValue] = Field(default_factory=dict, alias="målvärden")


class SubSeries(Series):
    """One part of a split mått, e.g. särskilt boende / hemtjänst / LSS."""

    label: ClassVar[str] = "delserie"

    id: Id
    name: Text = Field(alias="namn")


class ValueRange(Model):
    """The values a mått can take, where they are not those of its unit
    (a beläggning in per cent can exceed 100)."""

    label: ClassVar[str] = "intervall"

    lower: Number = Field(alias="från")
    upper: Number = Field(alias="till")

    @model_validator(mode="after")
    def _ordered(self) -> ValueRange:
        if self.lower > self.upper:
            raise PydanticCustomError("rt", "Intervallets \"från\" ska vara mindre än \"till\".",
                                      {"hint": "T.ex. intervall: {från: 0, till: 200}."})
        return self


class Measure(Series):
    """A mått: what is measured, where the number comes from, and targets –
    either directly or per delserie."""

    label: ClassVar[str] = "mått"

    id: Id
    text: Text | None = None
    source: Text | None = Field(default=None, alias="datakälla")
    unit: Text | None = Field(default=None, alias="enhet")
    direction: DeclaredDirection | None = Field(default=None, alias="riktning")
    value_range: ValueRange | None = Field(default=None, alias="intervall")
    kolada: Text | None = None
    # What `rt kolada hämta` fetches besides the kommun, and what a relational target compares with.
    comparison_group: Text | None = Field(default=None, alias="jämförelse")
    sub_series: list[SubSeries] = Field(default_factory=list, alias="delserier")
    # After a merger: one ingångsvärde per former part, one målvärden series.
    part_baselines: list[BaselinePart] = Field(default_factory=list, alias="ingångsvärden")

    @model_validator(mode="after")
    def _values_in_one_place(self) -> Measure:
        if self.sub_series and (self.baseline is not None or self.targets or self.part_baselines):
            raise PydanticCustomError(
                "rt", f"Måttet \"{self.id}\" har delserier och ska då ha ingångsvärden och målvärden "
                "i varje delserie, inte på måttet.",
                {"hint": "Flytta måttets ingångsvärde och målvärden till delserierna, eller ta bort delserierna."})
        if self.part_baselines and self.baseline is not None:
            raise PydanticCustomError(
                "rt", f"Måttet \"{self.id}\" har både \"ingångsvärde\" och \"ingångsvärden\".",
                {"hint": "Ett gemensamt ingångsvärde skrivs under \"ingångsvärde\"; ett per del (t.ex. "
                         "äldreomsorg och socialomsorg) under \"ingångsvärden\" med \"del\"."})
        parts = [baseline.part for baseline in self.part_baselines]
        if twice := sorted({part for part in parts if parts.count(part) > 1}):
            raise PydanticCustomError("rt", "Delen \"{part}\" har två ingångsvärden i måttet \"{id}\".",
                                      {"part": twice[0], "id": self.id, "hint": "Ge varje del ett ingångsvärde."})
        return self

    def baselines(self) -> list[Baseline]:
        """The mått's ingångsvärden: one per part, or its one (if written)."""
        return list(self.part_baselines) or ([self.baseline] if self.baseline is not None else [])

    def series(self) -> list[Series]:
        """The series carrying targets: the delserier, or the mått itself."""
        return list(self.sub_series) or [self]


class BoardGoal(Model):
    """A nämndmål, linked to a KF-mål – or, as a kompletterande nämndmål,
    directly to a kommunmål."""

    label: ClassVar[str] = "nämndmål"

    id: Id
    text: Text
    administration: Text | None = Field(default=None, alias="förvaltning")
    council_goal: Text | None = Field(default=None, alias="kf-mål")
    municipal_goal: Text | None = Field(default=None, alias="kommunmål")
    measures: list[Measure] = Field(default_factory=list, alias="mått")
    decision: Decision | None = Field(default=None, alias="beslut")


class Contribution(Model):
    """A KF-mål the organisation serves without a nämndmål of its own, and why."""

    label: ClassVar[str] = "bidrag utan nämndmål"

    council_goal: Text = Field(alias="kf-mål")
    reason: Text = Field(alias="motivering")


class Orientation(Model):
    """The nämnd's own words on how it works towards one kommunmål."""

    label: ClassVar[str] = "inriktning"

    municipal_goal: Text = Field(alias="kommunmål")
    text: Text


class Comparison(Model):
    """A nyckeltal's jämförelsevärde: a value for a year or a period
    ("2 701 (jan–okt)" with `år: 2023`, or `period: jan–okt 2023`)."""

    label: ClassVar[str] = "jämförelsevärde"
    value: TargetValue = Field(alias="värde")
    year: Year | None = Field(default=None, alias="år")
    period: WhenValue | None = None
    against: Text | None = Field(default=None, alias="avser")

    @model_validator(mode="after")
    def _dated(self) -> Comparison:
        when = _dating(self.value, self.year, self.period)
        if self.year is None and (when is None or when.year is None):
            raise PydanticCustomError("rt", "Jämförelsevärdet \"{value}\" saknar år.",
                                      {"value": self.value.raw,
                                       "hint": "Lägg till \"år: ÅÅÅÅ\", eller \"period: jan–okt 2023\"."})
        return self

    @property
    def printed(self) -> str:
        """As a report prints it: "2 701 (jan–okt 2023)", "60 (2025)"."""
        return _printed(self.value, self.year, self.period or self.value.when)


class KeyFigure(Model):
    """A nyckeltal: followed without a target, to find what to improve."""

    label: ClassVar[str] = "nyckeltal"

    id: Id
    text: Text = Field(alias="mått")
    purpose: Text | None = Field(default=None, alias="syfte")
    source: Text | None = Field(default=None, alias="datakälla")
    unit: Text | None = Field(default=None, alias="enhet")
    kolada: Text | None = None
    # What `rt kolada hämta` fetches besides the kommun, and what a relational target compares with.
    comparison_group: Text | None = Field(default=None, alias="jämförelse")
    comparison: Comparison | None = Field(default=None, alias="jämförelsevärde")
    values: dict[Year, TargetValue | None] = Field(default_factory=dict, alias="värden")
    follow_up: Text | None = Field(default=None, alias="uppföljningstillfälle")


class Revision(Decision):
    """A later decision by the nämnd that changed the decided plan: when,
    under which §, and what it changed, so the chain of decisions is read
    from the plan itself."""

    label: ClassVar[str] = "revidering"

    date: datetime.date = Field(alias="datum")
    paragraph: Text = Field(alias="paragraf")
    changes: Text = Field(alias="ändrar", description="Vad beslutet ändrade, t.ex. \"Målvärdet för 2025 sänks "
                                                         "från 78 till 76.\"")


class PlanFile(Model):
    """A verksamhetsplan (for a bolag: affärsplan/verksamhetsplan)."""

    label: ClassVar[str] = "verksamhetsplan"

    organisation: Text
    year: Year = Field(alias="år")
    period: PeriodValue | None = None
    decision: Decision | None = Field(default=None, alias="beslut")
    revisions: list[Revision] = Field(default_factory=list, alias="revideringar")
    introduction: Text | None = Field(default=None, alias="inledning")
    orientation: list[Orientation] = Field(default_factory=list, alias="inriktning")
    goals: list[BoardGoal] = Field(default_factory=list, alias="nämndmål")
    contributions: list[Contribution] = Field(default_factory=list, alias="bidrar-utan-nämndmål")
    key_figures: list[KeyFigure] = Field(default_factory=list, alias="nyckeltal")
    budget: InternalBudget | None = Field(default=None, alias="internbudget")

