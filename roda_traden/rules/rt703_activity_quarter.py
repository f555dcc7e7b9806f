"""RT703: an activity is due within its plan's year."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for action_plan in tree.action_plans:
        for activity in action_plan.activities:
            year = activity.due.year
            if year is not None and year != action_plan.year:
                yield Hit(activity, f"Aktiviteten \"{activity.id}\" ska vara klar {activity.due}, utanför "
                          f"handlingsplanens år {action_plan.year}.",
                          "Handlingsplanen gäller ett år; en längre insats delas upp per år, "
                          "eller flyttas till nästa års handlingsplan.", ("klart",))


RULE = Rule(
    code="RT703",
    name="handlingsplan.klart-till",
    summary="Aktivitetens \"klart till\" ligger utanför handlingsplanens år",
    severity=Severity.ERROR,
    check=check,
    description="""
"Klart till (ange Q)": ett kvartal inom handlingsplanens år, `Q1`–`Q4`. Ett
annat år kan anges (`2024-Q1`) men rapporteras, eftersom handlingsplanen
följs upp per år.

Fel (handlingsplan 2023): `klart: 2024-Q2`
""",
)
