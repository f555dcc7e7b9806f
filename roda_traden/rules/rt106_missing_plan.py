"""RT106: an organisation with KF-mål directed at it has a plan each year."""

from __future__ import annotations

from ..loading.tree import PLAN, meant_name
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    # An organisation that reports a KF-mål itself ("redovisas av KS") needs no nämndmål for it.
    directed = set().union(*(tree.responsible(kf) - ({kf.reporter.by} if kf.reporter else set())
                             for _g, kf in tree.all_council_goals()))
    period = tree.kommun.period
    # A plan for a year outside the period is RT107's finding; the other
    # organisations need no plan for that year. With no plan in the period
    # yet, its first year is due.
    years = {year: plans for year, plans in tree.plans_by_year().items() if year in period} or {period.start: []}
    for year, plans in sorted(years.items()):
        # A plan with structure errors (RT007) exists; it is not "missing".
        present = {plan.organisation for plan in plans} | {org for org, y in tree.invalid_plans if y == year}
        for org in tree.organisations.values():
            if org.id in directed and org.id not in present:
                yield Hit(org, f"{org.id} ({org.name}) har KF-mål att bryta ned men ingen verksamhetsplan för {year}.",
                          _hint(tree, org.id, year))


def _hint(tree, organisation: str, year: int) -> str:
    """What to do: fix the file that was meant as the plan, or add one
    where the organisation's plans are, never a file that already exists."""
    folder = f"namnder/{organisation.lower()}"
    for plan in tree.plans:
        source = tree.place(plan)[0]
        if plan.organisation == organisation:
            folder = source.path.parent.relative_to(tree.root).as_posix()
        named = PLAN.pattern.match(source.path.name)
        if named and int(named["year"]) == year and organisation in (plan.organisation, _folder_of(source)):
            wrong = [f"organisation {plan.organisation}"] if plan.organisation != organisation else []
            wrong += [f"år {plan.year}"] if plan.year != year else []
            return f"{source.display} anger {' och '.join(wrong)}; rätta filen."
    for source in tree.sources:
        name = meant_name(source.path.name)
        if _folder_of(source) == organisation and name and name.startswith(f"{PLAN.name}-{year}"):
            return f"{source.display} ser ut att vara planen men heter fel; byt namn på den till {name}."
    outside = [plan for plan in tree.plans if plan.organisation == organisation and plan.year not in tree.kommun.period]
    if outside:
        plan = max(outside, key=lambda p: p.year)
        return (f"{tree.place(plan)[0].display} gäller {plan.year}, utanför planeringsperioden {tree.kommun.period}; "
                "rätta \"år:\" i planen eller planeringsperioden i kommun.yaml.")
    return f"Lägg till {folder}/{PLAN.name}-{year}.yaml."


def _folder_of(source) -> str:
    """The organisation a file's folder is named for (namnder/von/… → VON)."""
    return source.path.parent.name.upper()


RULE = Rule(
    code="RT106",
    name="länk.plan-saknas",
    summary="Organisation saknar verksamhetsplan för året",
    severity=Severity.WARNING,
    check=check,
    description="""
För varje år i planeringsperioden som trädet har verksamhetsplaner för ska
varje organisation som KF-mål riktas till ha en egen plan. Varning,
eftersom planerna ofta kommer in vid olika tidpunkter under planeringen;
inför beslut ska alla finnas.

Tipset säger vad som faktiskt är fel: en planfil med organisationens namn
och årtal som anger ett annat år eller en annan organisation, eller en plan
för ett år utanför planeringsperioden, ska rättas; först när ingen fil finns
föreslås en ny, i samma mapp som organisationens andra planer.

Fel: KF-mål riktas till KBAB, men det finns bara
`namnder/von/verksamhetsplan-2024.yaml`.

Rätt: lägg till `namnder/kbab/verksamhetsplan-2024.yaml` med
`organisation: KBAB` och `år: 2024`.
""",
)
