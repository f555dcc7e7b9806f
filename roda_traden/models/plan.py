"""verksamhetsplan-ÅÅÅÅ.yaml: one nämnd's or bolag's plan for a year – its
nämndmål with mått and målvärden, nyckeltal and internbudget."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..language.words import NEW_BASELINE_WORDS
from .base import Id, Model, Text
from .common import Decision, Year
from .values import Amount, Number, PeriodValue, TargetValue


def _baseline_mapping(value: object) -> object:
    if isinstance(value, dict):
        return value
    if value is None or isinstance(value, str) and not value.strip():
        return {}  # written but empty: RT204 says what to write
    if isinstance(value, str) and " ".join(value.lower().split()) in NEW_BASELINE_WORDS:
        return {"nytt": True}
    return {"värde": value}


class Baseline(Model):
    """Ingångsvärde: the value (and year) the målvärden start from."""

    label: ClassVar[str] = "ingångsvärde"

    value: TargetValue | None = Field(default=None, alias="värde")
    year: Year | None = Field(default=None, alias="år")
    new: bool = Field(default=False, alias="nytt")
    source: Text | None = Field(default=None, alias="källa")

    @model_validator(mode="after")
    def _new_or_value(self) -> Baseline:
        if self.new and self.value is not None:
            raise PydanticCustomError("rt", "Ett ingångsvärde är antingen ett värde eller \"nytt: true\", inte båda.")
        return self


BaselineValue = Annotated[
    Baseline,
    BeforeValidator(_baseline_mapping),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "description": "Värde, eller \"nytt mål\""},
                {
                    "type": "object",
                    "properties": {
                        "värde": {"anyOf": [{"type": "number"}, {"type": "string"}]},
                        "år": {"type": "integer"},
                        "nytt": {"type": "boolean"},
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
    sub_series: list[SubSeries] = Field(default_factory=list, alias="delserier")

    @model_validator(mode="after")
    def _values_in_one_place(self) -> Measure:
        if self.sub_series and (self.baseline is not None or self.targets):
            raise PydanticCustomError(
                "rt", f"Måttet \"{self.id}\" har delserier och ska då ha ingångsvärden och målvärden "
                "i varje delserie, inte på måttet.",
                {"hint": "Flytta måttets ingångsvärde och målvärden till delserierna, eller ta bort delserierna."})
        return self

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
    label: ClassVar[str] = "jämförelsevärde"
    value: TargetValue = Field(alias="värde")
    year: Year = Field(alias="år")
    against: Text | None = Field(default=None, alias="avser")


class KeyFigure(Model):
    """A nyckeltal: followed without a target, to find what to improve."""

    label: ClassVar[str] = "nyckeltal"

    id: Id
    text: Text = Field(alias="mått")
    purpose: Text | None = Field(default=None, alias="syfte")
    source: Text | None = Field(default=None, alias="datakälla")
    unit: Text | None = Field(default=None, alias="enhet")
    kolada: Text | None = None
    comparison: Comparison | None = Field(default=None, alias="jämförelsevärde")
    values: dict[Year, TargetValue | None] = Field(default_factory=dict, alias="värden")
    follow_up: Text | None = Field(default=None, alias="uppföljningstillfälle")


class BudgetFigures(Model):
    label: ClassVar[str] = "budgetsumma"
    income: Amount = Field(alias="intäkter")
    costs: Amount = Field(alias="kostnader")
    net: Amount = Field(alias="nettokostnad")


class BudgetRow(BudgetFigures):
    label: ClassVar[str] = "budgetrad"
    id: Id
    name: Text = Field(alias="namn")


class InternalBudget(Model):
    """Internbudget in tkr: intäkter positive, kostnader negative, so that
    nettokostnad = intäkter + kostnader; `ram` is what KF gave."""

    label: ClassVar[str] = "internbudget"

    unit: Text = Field(default="tkr", alias="enhet")
    frame: Amount | None = Field(default=None, alias="ram")
    rows: list[BudgetRow] = Field(default_factory=list, alias="verksamheter")
    total: BudgetFigures | None = Field(default=None, alias="summa")


class PlanFile(Model):
    """A verksamhetsplan (for a bolag: affärsplan/verksamhetsplan)."""

    label: ClassVar[str] = "verksamhetsplan"

    organisation: Text
    year: Year = Field(alias="år")
    period: PeriodValue | None = None
    decision: Decision | None = Field(default=None, alias="beslut")
    introduction: Text | None = Field(default=None, alias="inledning")
    orientation: list[Orientation] = Field(default_factory=list, alias="inriktning")
    goals: list[BoardGoal] = Field(default_factory=list, alias="nämndmål")
    contributions: list[Contribution] = Field(default_factory=list, alias="bidrar-utan-nämndmål")
    key_figures: list[KeyFigure] = Field(default_factory=list, alias="nyckeltal")
    budget: InternalBudget | None = Field(default=None, alias="internbudget")

