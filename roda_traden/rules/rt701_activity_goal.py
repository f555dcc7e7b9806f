"""RT701: each activity serves a nämndmål of its organisation's plan."""

from __future__ import annotations

from ..problems import Severity
from ..text.spelling import did_you_mean
from .base import Hit, Rule
from .wording import without_plan


def check(tree, options):
    for action_plan in tree.action_plans:
        plan = tree.plan_of(action_plan.organisation, action_plan.year)
        if plan is None:
            yield _without_plan(tree, action_plan)
            continue
        goals = [goal.id for goal in plan.goals]
        for activity in action_plan.activities:
            if activity.board_goal not in goals:
                guess = did_you_mean(activity.board_goal, goals)
                yield Hit(activity, f"Aktiviteten \"{activity.id}\" hänvisar till nämndmålet \"{activity.board_goal}\", "
                          f"som inte finns i {plan.organisation}:s verksamhetsplan {plan.year}.",
                          f"Menade du \"{guess}\"?" if guess else "Använd id:t för ett nämndmål i verksamhetsplanen.",
                          ("nämndmål",))


def _without_plan(tree, action_plan) -> Hit:
    return without_plan(tree, action_plan, "så handlingsplanens aktiviteter kan inte kopplas till nämndmål",
                        "då kontrolleras aktiviteterna",
                        "{organisation} har ingen verksamhetsplan för {year}, "
                        "så handlingsplanens aktiviteter kan inte kopplas till nämndmål.",
                        "Lägg till verksamhetsplanen eller rätta \"år:\"/\"organisation:\".")


RULE = Rule(
    code="RT701",
    name="handlingsplan.okänt-nämndmål",
    summary="Aktivitet hänvisar till ett nämndmål som inte finns",
    severity=Severity.ERROR,
    check=check,
    description="""
Handlingsplanens aktiviteter är tjänstepersonernas svar på hur nämndens mål
ska nås. Varje aktivitet pekar med id på ett nämndmål i samma organisations
verksamhetsplan för samma år, så att den röda tråden går hela vägen från
vision till aktivitet.

Fel:
```yaml
aktiviteter:
  - id: informationstraffar
    nämndmål: informations-om-trygghet   # stavfel
```
""",
)
