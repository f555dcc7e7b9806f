"""uppfoljning-ÅÅÅÅ-<rapport>.yaml: one organisation's follow-up for one report
in the calendar – utfall per mått, status per activity, analysis and åtgärder."""

from __future__ import annotations

import datetime
from typing import ClassVar, Literal

from pydantic import Field

from .base import Id, Model, Text
from .common import Year
from .plan import Comparison
from .values import Percent, TargetValue

Grade = Literal["uppfyllt", "delvis uppfyllt", "ej uppfyllt", "kan ej bedömas"]
ActivityState = Literal["ej påbörjad", "pågår", "klar", "stoppad"]


class ManualAssessment(Model):
    """A bedömning made by people, overriding the computed one; always with a motivation."""

    label: ClassVar[str] = "bedömning"

    grade: Grade = Field(alias="värde")
    motivation: Text = Field(alias="motivering")


class Measured(Model):
    """What every measured value carries: the value, a prognos for the year,
    and what relational targets compare it with."""

    value: TargetValue | None = Field(default=None, alias="värde")
    forecast: TargetValue | None = Field(default=None, alias="prognos")
    previous: TargetValue | None = Field(default=None, alias="föregående-år")
    benchmark: Comparison | None = Field(default=None, alias="jämförelsevärde")


class SubOutcome(Measured):
    label: ClassVar[str] = "delseriens utfall"

    sub_series: Id = Field(alias="delserie")


class Outcome(Measured):
    """Utfall for one mått (or nyckeltal) of the organisation's plan."""

    label: ClassVar[str] = "utfall"

    measure: Text = Field(alias="mått")
    as_of: datetime.date | None = Field(default=None, alias="avser")
    source: Text | None = Field(default=None, alias="källa")
    analysis: Text | None = Field(default=None, alias="analys")
    actions: Text | None = Field(default=None, alias="åtgärder")
    assessment: ManualAssessment | None = Field(default=None, alias="bedömning")
    sub_outcomes: list[SubOutcome] = Field(default_factory=list, alias="delserier")


class ActivityStatus(Model):
    label: ClassVar[str] = "aktivitetsstatus"

    activity: Text = Field(alias="aktivitet")
    state: ActivityState = Field(alias="status")
    completion: Percent | None = Field(default=None, alias="genomförandegrad")
    comment: Text | None = Field(default=None, alias="kommentar")


class GoalNote(Model):
    """Analysis of a nämndmål as a whole, and optionally a manual bedömning."""

    label: ClassVar[str] = "nämndmålets uppföljning"

    board_goal: Text = Field(alias="nämndmål")
    analysis: Text | None = Field(default=None, alias="analys")
    actions: Text | None = Field(default=None, alias="åtgärder")
    assessment: ManualAssessment | None = Field(default=None, alias="bedömning")


class Correction(Model):
    """A change to a report after it was handed in: when, and why; the
    report then says what KF was first told is no longer so."""

    label: ClassVar[str] = "rättelse"

    date: datetime.date = Field(alias="datum")
    reason: Text = Field(alias="skäl", description="Vad som rättades och varför, t.ex. \"Slutlig siffra från "
                                                  "Socialstyrelsen.\"")


class FollowUpFile(Model):
    """One organisation's report for one entry of the kommun's calendar."""

    label: ClassVar[str] = "uppföljning"

    organisation: Text
    year: Year = Field(alias="år")
    report: Text = Field(alias="uppföljning")
    date: datetime.date | None = Field(default=None, alias="datum")
    correction: Correction | None = Field(default=None, alias="rättelse")
    outcomes: list[Outcome] = Field(default_factory=list, alias="utfall")
    activities: list[ActivityStatus] = Field(default_factory=list, alias="aktiviteter")
    goals: list[GoalNote] = Field(default_factory=list, alias="nämndmål")
