"""RT702: by the kommun's deadline every nämndmål has an activity."""

from __future__ import annotations

from ..domain import calendar
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    deadline_day = tree.kommun.settings.action_plan_deadline
    if deadline_day is None:
        return
    planned = {(a.organisation, a.year, act.board_goal) for a in tree.action_plans for act in a.activities}
    for plan in tree.plans:
        deadline = calendar.day(plan.year, deadline_day)
        if tree.context.today <= deadline:
            continue
        for goal in plan.goals:
            if (plan.organisation, plan.year, goal.id) not in planned:
                yield Hit(goal, f"Nämndmålet \"{goal.id}\" har ingen aktivitet i någon handlingsplan, "
                          f"fast handlingsplanerna skulle vara klara {deadline.isoformat()}.",
                          "Lägg till en aktivitet med \"nämndmål: " + goal.id + "\" i förvaltningens handlingsplan.")


RULE = Rule(
    code="RT702",
    name="handlingsplan.mål-utan-aktivitet",
    summary="Nämndmål utan aktivitet efter handlingsplanernas sista dag",
    severity=Severity.ERROR,
    check=check,
    description="""
Efter kommunens sista dag för handlingsplaner (`inställningar.handlingsplaner-senast`,
t.ex. `02-28`) ska varje nämndmål ha minst en aktivitet i någon av
organisationens handlingsplaner för året. Ett mål utan aktivitet är ett mål
som ingen arbetar med. Kontrolleras bara efter sista dagen.
""",
)
