"""kommun.yaml: the municipality, its vision, kommunmål with their KF-mål,
and the organisations (nämnder and bolag) goals are directed at."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from .base import Id, Model, Text
from .common import Decision
from .settings import Settings
from .values import PeriodValue

# Words a KF-mål may use instead of naming organisations ("(KS, MSN, Bolagen)").
GROUP_ALL = "alla"
GROUP_BOARDS = "nämnderna"
GROUP_COMPANIES = "bolagen"
GROUPS = (GROUP_ALL, GROUP_BOARDS, GROUP_COMPANIES)


class Municipality(Model):
    label: ClassVar[str] = "kommun"
    name: Text = Field(alias="namn")
    code: str = Field(alias="kod", pattern=r"^\d{4}$")


class VisionTheme(Model):
    label: ClassVar[str] = "visionstema"
    id: Id
    heading: Text = Field(alias="rubrik")
    text: Text


class Vision(Model):
    label: ClassVar[str] = "vision"
    name: Text = Field(alias="namn")
    themes: list[VisionTheme] = Field(default_factory=list, alias="teman")


class Organisation(Model):
    label: ClassVar[str] = "organisation"
    id: Id
    name: Text = Field(alias="namn")
    kind: Literal["nämnd", "bolag"] = Field(alias="typ")


class CouncilGoal(Model):
    """A KF-mål: decided by kommunfullmäktige, followed up at delår and
    bokslut (D/B) or at bokslut only (B)."""

    label: ClassVar[str] = "KF-mål"

    id: Id
    text: Text
    follow_up: Literal["D/B", "B"] = Field(alias="uppföljning")
    # Organisation ids or a group word; a KF-mål naming none applies to all.
    responsible: list[Text] = Field(default_factory=lambda: [GROUP_ALL], alias="ansvariga", min_length=1)


class OtherDirective(Model):
    """'Styrning i övrigt': a direction from KF to one organisation that is
    not a goal to follow up, e.g. a bolag's long-term target."""

    label: ClassVar[str] = "övrig styrning"

    organisation: Text
    text: Text


class GuidingPrinciple(Model):
    """A ledord from the personalpolitiskt program."""

    label: ClassVar[str] = "ledord"

    name: Text = Field(alias="namn")
    text: Text


class MunicipalGoal(Model):
    """A kommunmål with the KF-mål decided under it."""

    label: ClassVar[str] = "kommunmål"

    id: Id
    name: Text = Field(alias="namn")
    description: Text | None = Field(default=None, alias="beskrivning")
    council_goals: list[CouncilGoal] = Field(default_factory=list, alias="kf-mål")
    other_directives: list[OtherDirective] = Field(default_factory=list, alias="övrig-styrning")


class KommunFile(Model):
    label: ClassVar[str] = "kommun.yaml"
    municipality: Municipality = Field(alias="kommun")
    period: PeriodValue = Field(alias="planeringsperiod")
    decision: Decision | None = Field(default=None, alias="beslut")
    vision: Vision | None = None
    principles: list[GuidingPrinciple] = Field(default_factory=list, alias="ledord")
    organisations: list[Organisation] = Field(default_factory=list, alias="organisationer")
    goals: list[MunicipalGoal] = Field(default_factory=list, alias="kommunmål")
    settings: Settings = Field(default_factory=Settings, alias="inställningar")
