"""A loaded goal tree and the look-ups rules need: what each id refers to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..language.values import Period
from ..models.actionplan import ActionPlanFile
from ..models.followup import FollowUpFile
from ..models.kolada import KoladaFile
from ..models.kommun import (
    GROUP_ALL,
    GROUP_BOARDS,
    GROUP_COMPANIES,
    CouncilGoal,
    KommunFile,
    MunicipalGoal,
    Organisation,
)
from ..models.plan import BoardGoal, Measure, PlanFile, Series
from .context import RunContext

if TYPE_CHECKING:
    from ..text.source import Source as SourceFile


@dataclass
class GoalTree:
    root: Path
    kommun: KommunFile | None = None
    plans: list[PlanFile] = field(default_factory=list)
    action_plans: list[ActionPlanFile] = field(default_factory=list)
    follow_ups: list[FollowUpFile] = field(default_factory=list)
    # Stored Kolada values (kolada/<KPI>.yaml) by KPI id.
    kolada: dict[str, KoladaFile] = field(default_factory=dict)
    sources: list[SourceFile] = field(default_factory=list)
    # (organisation, year) of plan files that exist but did not validate.
    invalid_plans: set[tuple[str, int]] = field(default_factory=set)
    context: RunContext = field(default_factory=RunContext)
    # Results computed once per run and shared by rules (e.g. the report status).
    memo: dict[str, object] = field(default_factory=dict, repr=False)
    # Every loaded file's root model and its source, in reading order.
    documents: list[tuple[object, SourceFile]] = field(default_factory=list, repr=False)
    # id(model) → (source file, YAML path), filled file by file on first need:
    # a clean tree never pays for walking its models.
    places: dict[int, tuple[SourceFile, tuple]] = field(default_factory=dict, repr=False)
    _walked: int = field(default=0, repr=False)

    def add(self, model: PlanFile | ActionPlanFile | FollowUpFile | KoladaFile, source: SourceFile) -> None:
        self.documents.append((model, source))
        if isinstance(model, KoladaFile):
            self.kolada.setdefault(model.kpi, model)
        elif isinstance(model, PlanFile):
            self.plans.append(model)
        elif isinstance(model, ActionPlanFile):
            self.action_plans.append(model)
        else:
            self.follow_ups.append(model)

    def unloaded(self, prefixes: tuple[str, ...]) -> list[SourceFile]:
        """Files named like one of these kinds that could not be read or understood."""
        loaded = {id(source) for _model, source in self.documents}
        return [s for s in self.sources if id(s) not in loaded and s.path.name.startswith(prefixes)]

    def plan_of(self, organisation: str, year: int) -> PlanFile | None:
        """The organisation's verksamhetsplan for the year."""
        return self._plan_index.get((organisation, year))

    @cached_property
    def _plan_index(self) -> dict[tuple[str, int], PlanFile]:
        index: dict[tuple[str, int], PlanFile] = {}
        for plan in self.plans:
            index.setdefault((plan.organisation, plan.year), plan)
        return index

    def place(self, model: object) -> tuple[SourceFile, tuple]:
        """The file and YAML path a loaded model was written at."""
        from .places import attach

        while id(model) not in self.places and self._walked < len(self.documents):
            root, source = self.documents[self._walked]
            attach(root, source, self.places)
            self._walked += 1
        return self.places[id(model)]

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {org.id: org for org in self.kommun.organisations} if self.kommun else {}

    @cached_property
    def municipal_goals(self) -> dict[str, MunicipalGoal]:
        return {goal.id: goal for goal in self.kommun.goals} if self.kommun else {}

    @cached_property
    def council_goals(self) -> dict[str, tuple[MunicipalGoal, CouncilGoal]]:
        """Every KF-mål by id, with the kommunmål it belongs to."""
        return {kf.id: (goal, kf) for goal in self.municipal_goals.values() for kf in goal.council_goals}

    def all_council_goals(self) -> Iterator[tuple[MunicipalGoal, CouncilGoal]]:
        if self.kommun:
            for goal in self.kommun.goals:
                for kf in goal.council_goals:
                    yield goal, kf

    def responsible(self, kf: CouncilGoal) -> set[str]:
        """Ids of the organisations a KF-mål is directed at; group words
        (alla, nämnderna, bolagen) expand to the organisations they cover."""
        result: set[str] = set()
        for name in kf.responsible:
            group = name.lower()
            if group == GROUP_ALL:
                result.update(self.organisations)
            elif group == GROUP_BOARDS:
                result.update(o.id for o in self.organisations.values() if o.kind == "nämnd")
            elif group == GROUP_COMPANIES:
                result.update(o.id for o in self.organisations.values() if o.kind == "bolag")
            elif name in self.organisations:
                result.add(name)
        return result

    # Listed once: a dozen rules walk every nämndmål, mått and series.
    def goals(self) -> Iterator[tuple[PlanFile, BoardGoal]]:
        return iter(self._goals)

    def measures(self) -> Iterator[tuple[PlanFile, BoardGoal, Measure]]:
        return iter(self._measures)

    def series(self) -> Iterator[tuple[PlanFile, BoardGoal, Measure, Series]]:
        """Every series carrying targets: each mått, or each of its delserier."""
        return iter(self._series)

    @cached_property
    def _goals(self) -> list[tuple[PlanFile, BoardGoal]]:
        return [(plan, goal) for plan in self.plans for goal in plan.goals]

    @cached_property
    def _measures(self) -> list[tuple[PlanFile, BoardGoal, Measure]]:
        return [(plan, goal, measure) for plan, goal in self._goals for measure in goal.measures]

    @cached_property
    def _series(self) -> list[tuple[PlanFile, BoardGoal, Measure, Series]]:
        return [(plan, goal, measure, series) for plan, goal, measure in self._measures for series in measure.series()]

    def latest_year(self) -> int | None:
        """The year a run is about when none is named: the newest plan's."""
        return max((plan.year for plan in self.plans), default=None)

    def plans_by_year(self) -> dict[int, list[PlanFile]]:
        years: dict[int, list[PlanFile]] = {}
        for plan in self.plans:
            years.setdefault(plan.year, []).append(plan)
        return years

    def period_of(self, plan: PlanFile) -> Period | None:
        """The years a plan sets targets for: its own period, else the kommun's."""
        return plan.period or (self.kommun.period if self.kommun else None)
