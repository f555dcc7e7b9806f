"""kommun.yaml: the municipality, its vision, kommunmål with their KF-mål,
and the organisations (nämnder and bolag) goals are directed at."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..language.words import REPORT_WORDS
from .base import Id, Model, Text
from .common import Decision
from .kolada import ComparisonGroup
from .settings import AssessmentModel, Settings
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


class Reporter(Model):
    """"Redovisas av KS i bokslut": one organisation reports the KF-mål itself,
    in the reports named (delår, bokslut), instead of nämndmål in every plan."""

    label: ClassVar[str] = "redovisas"

    by: Text = Field(alias="av", description="Organisationen (förkortning) som redovisar KF-målet, t.ex. KS.")
    reports: list[Text] = Field(default_factory=lambda: ["bokslut"], alias="i", min_length=1,
                                description="Rapporterna det redovisas i: delår och/eller bokslut. Utelämnat: bokslut.")

    @model_validator(mode="after")
    def _known_reports(self) -> Reporter:
        unknown = [r for r in self.reports if REPORT_WORDS.get(r.lower()) not in ("delårsrapport", "årsbokslut")]
        if unknown:
            raise PydanticCustomError("rt", f"\"{unknown[0]}\" är ingen rapport ett KF-mål redovisas i.",
                                      {"hint": "Skriv delår, bokslut eller båda: i: [delår, bokslut]."})
        return self

    @property
    def at_interim(self) -> bool:
        return any(REPORT_WORDS[r.lower()] == "delårsrapport" for r in self.reports)


class CouncilGoal(Model):
    """A KF-mål: decided by kommunfullmäktige, followed up at delår and
    bokslut (D/B) or at bokslut only (B) – or reported by one organisation
    (`redovisas`), which then gives the mark and, unless `ansvariga` says
    otherwise, is the one the goal is directed at."""

    label: ClassVar[str] = "KF-mål"
    # Editors then ask for one of the two, as validation does.
    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["uppföljning"]}, {"required": ["redovisas"]}]})

    id: Id
    text: Text
    # Always set once validated: written, or read from `redovisas`.
    follow_up: Literal["D/B", "B"] | None = Field(default=None, alias="uppföljning")
    # Organisation ids or a group word; a KF-mål naming none applies to all.
    responsible: list[Text] = Field(default_factory=lambda: [GROUP_ALL], alias="ansvariga", min_length=1)
    reporter: Reporter | None = Field(default=None, alias="redovisas",
                                      description="Vem som redovisar KF-målet och i vilka rapporter, t.ex. "
                                                  "{av: KS, i: [bokslut]}. Ersätter eller stämmer med uppföljning.")
    # The kommun's bedömning model for this KF-mål's mått, where it is not the one in inställningar.
    assessment_model: AssessmentModel | None = Field(default=None, alias="bedömning",
                                                     description="Bedömningsmodell för målets mått, om en annan än "
                                                                 "inställningar.bedömning.modell, t.ex. trend.")
    # Printed with the goal, e.g. "Finansiellt mål"; rt only carries them to the reports.
    tag: Text | None = Field(default=None, alias="etikett",
                             description="Etikett som skrivs vid målet, t.ex. Finansiellt mål.")
    footnotes: list[Text] = Field(default_factory=list, alias="fotnoter",
                                  description="Fotnoter till KF-målet, i den ordning de skrivs ut.")

    @model_validator(mode="after")
    def _follow_up(self) -> CouncilGoal:
        if self.reporter is None:
            if self.follow_up is None:
                raise PydanticCustomError("rt", "KF-målet saknar uppföljning.", {
                    "hint": "Skriv uppföljning: D/B (delår och bokslut) eller B (bokslut), eller vem som "
                            "redovisar det: redovisas: {av: KS, i: [bokslut]}."})
            return self
        marker = "D/B" if self.reporter.at_interim else "B"
        if self.follow_up is not None and self.follow_up != marker:
            raise PydanticCustomError("rt", f"KF-målet är märkt {self.follow_up}, men redovisas i "
                                      f"{' och '.join(self.reporter.reports)}.",
                                      {"hint": "Låt uppföljning och redovisas.i säga samma sak, eller stryk uppföljning."})
        self.follow_up = marker
        if "responsible" not in self.model_fields_set:
            self.responsible = [self.reporter.by]
        return self

    def reported_by(self, organisation: str) -> bool:
        """Whether ``organisation`` reports this KF-mål itself (no nämndmål needed)."""
        return self.reporter is not None and self.reporter.by == organisation


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
    # Named comparisons in Kolada ("likvärdiga kommuner") that målvärden and `jämförelse` refer to.
    comparison_groups: dict[Text, ComparisonGroup] = Field(default_factory=dict, alias="jämförelsegrupper")
    settings: Settings = Field(default_factory=Settings, alias="inställningar")
