"""RT106: an organisation with KF-mål directed at it has a plan each year."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    directed = set().union(*(tree.responsible(kf) for _g, kf in tree.all_council_goals()))
    # With no plans at all yet, the first year of the planning period is due.
    years = tree.plans_by_year() or {tree.kommun.period.start: []}
    for year, plans in sorted(years.items()):
        # A plan with structure errors (RT007) exists; it is not "missing".
        present = {plan.organisation for plan in plans} | {org for org, y in tree.invalid_plans if y == year}
        for org in tree.organisations.values():
            if org.id in directed and org.id not in present:
                yield Hit(org, f"{org.id} ({org.name}) har KF-mål att bryta ned men ingen verksamhetsplan för {year}.",
                          f"Lägg till namnder/{org.id.lower()}/verksamhetsplan-{year}.yaml.")


RULE = Rule(
    code="RT106",
    name="länk.plan-saknas",
    summary="Organisation saknar verksamhetsplan för året",
    severity=Severity.WARNING,
    check=check,
    description="""
För varje år som trädet har verksamhetsplaner för ska varje organisation som
KF-mål riktas till ha en egen plan. Varning, eftersom planerna ofta kommer in
vid olika tidpunkter under planeringen; inför beslut ska alla finnas.
""",
)
