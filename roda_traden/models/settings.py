"""A municipality's own settings in kommun.yaml: rule tuning, the bands of
måluppfyllelse, and its follow-up calendar."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..language.numbers import format_number
from .base import Id, Model, Text
from .values import Number

ReportKind = Literal["månadsrapport", "tertialrapport", "delårsrapport", "årsbokslut", "uppföljning"]
MonthDay = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]


class AchievementBand(Model):
    """One resultatnivå: måluppfyllelsegrad from `från` to `till` per cent."""

    label: ClassVar[str] = "resultatnivå"

    lower: int = Field(alias="från", ge=0, le=100)
    upper: int = Field(alias="till", ge=0, le=100)
    name: Text = Field(alias="namn")


class Deadlines(Model):
    label: ClassVar[str] = "inlämning"
    boards: MonthDay = Field(alias="nämnder")
    companies: MonthDay = Field(alias="bolag")


class FollowUp(Model):
    """One report in the year's follow-up calendar.

    Dates are month-day; a deadline earlier in the year than the date the
    report covers falls in the next year (bokslut per 12-31, in by 01-27).
    """

    label: ClassVar[str] = "uppföljning"

    id: Id
    name: Text = Field(alias="namn")
    kind: ReportKind = Field(alias="typ")
    as_of: MonthDay = Field(alias="avser")
    deadline: MonthDay | Deadlines = Field(alias="inlämning")
    contents: list[Text] = Field(default_factory=list, alias="innehåll")
    shortened: bool = Field(default=False, alias="förkortad")


DEFAULT_BANDS = [
    AchievementBand.model_validate({"från": 75, "till": 100, "namn": "Mycket god måluppfyllelse"}),
    AchievementBand.model_validate({"från": 50, "till": 74, "namn": "God måluppfyllelse"}),
    AchievementBand.model_validate({"från": 25, "till": 49, "namn": "Relativt låg måluppfyllelse"}),
    AchievementBand.model_validate({"från": 0, "till": 24, "namn": "Låg måluppfyllelse"}),
]


# A kommun.yaml without a calendar still has the two reports every kommun
# writes: delår per 08-31 and bokslut per 12-31. No inlämning day is guessed:
# the report is due the day it covers, and `rt status` says the calendar is
# the default one (Settings.default_calendar).
DEFAULT_FOLLOW_UPS = [
    FollowUp.model_validate({"id": "delar", "namn": "Delårsrapport per augusti", "typ": "delårsrapport",
                             "avser": "08-31", "inlämning": "08-31", "innehåll": ["mål"]}),
    FollowUp.model_validate({"id": "bokslut", "namn": "Årsbokslut", "typ": "årsbokslut",
                             "avser": "12-31", "inlämning": "12-31", "innehåll": ["mål"]}),
]


# How a mått's utfall is judged (docs/format.md, "Så beräknas bedömningen"):
# against the way from ingångsvärde to målvärde, as a share of the målvärde,
# against last year's utfall, or against a comparison value.
AssessmentModel = Literal["avstånd", "andel-av-målvärde", "trend", "jämförelse"]
# How bedömningar roll up into a nämndmål's and a KF-mål's: a mix is "delvis",
# or the worst one counts.
RollUp = Literal["blandat", "sämsta"]


class ShareThresholds(Model):
    """For `andel-av-målvärde`: from which share of the målvärde (per cent,
    inverted for a decreasing target) a result is uppfyllt and delvis."""

    label: ClassVar[str] = "andel-av-målvärde"

    met: Number = Field(default=100, ge=1, le=200, alias="uppfyllt")
    partly: Number = Field(default=91, ge=0, le=200, alias="delvis")

    @model_validator(mode="after")
    def _ordered(self) -> ShareThresholds:
        if self.partly > self.met:
            raise PydanticCustomError("rt", "\"delvis\" ({partly} %) kan inte vara högre än \"uppfyllt\" ({met} %).",
                                      {"partly": format_number(self.partly), "met": format_number(self.met),
                                       "hint": "T.ex. andel-av-målvärde: {uppfyllt: 100, delvis: 91}."})
        return self


class AssessmentSettings(Model):
    """How the kommun turns utfall into bedömning (see docs/format.md)."""

    label: ClassVar[str] = "bedömning"

    model: AssessmentModel = Field(default="avstånd", alias="modell")
    share: ShareThresholds = Field(default_factory=ShareThresholds, alias="andel-av-målvärde")
    roll_up: RollUp = Field(default="blandat", alias="sammanvägning")

    # "Delvis uppfyllt" when at least this share of the way from ingångsvärde
    # to målvärde is covered.
    partly_from: int = Field(default=50, ge=1, le=99, alias="delvis-från")
    # Without an ingångsvärde: "delvis" when within this many per cent of the target.
    tolerance: Number = Field(default=5, ge=0, le=100, alias="tolerans")
    # A "delvis uppfyllt" goal counts as this much of a met goal in måluppfyllelsegraden.
    partly_weight: Number = Field(default=0.5, ge=0, le=1, alias="delvis-vikt")


class Settings(Model):
    label: ClassVar[str] = "inställningar"
    # Rule tuning is checked against the rule registry by roda_traden.config,
    # which knows each rule's options; here it is only a mapping.
    rules: dict[str, Any] = Field(default_factory=dict, alias="regler")
    bands: list[AchievementBand] = Field(default_factory=lambda: list(DEFAULT_BANDS), alias="måluppfyllelse")
    follow_ups: list[FollowUp] = Field(default_factory=lambda: list(DEFAULT_FOLLOW_UPS), alias="uppföljningar")
    assessment: AssessmentSettings = Field(default_factory=AssessmentSettings, alias="bedömning")
    # Every nämndmål must have an activity in a handlingsplan by this day of the plan year.
    action_plan_deadline: MonthDay | None = Field(default=None, alias="handlingsplaner-senast")

    @property
    def default_calendar(self) -> bool:
        """Whether kommun.yaml left out the calendar, so the reports are DEFAULT_FOLLOW_UPS."""
        return "follow_ups" not in self.model_fields_set
