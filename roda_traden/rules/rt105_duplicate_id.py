"""RT105: ids are unique where references look them up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    kommun = tree.kommun
    yield from _repeated("ett annat visionstema", kommun.vision.themes if kommun.vision else [])
    # Nämndmål refer to KF-mål and kommunmål by id alone, so the two share one namespace.
    yield from _repeated("ett annat mål", [*kommun.goals, *(kf for _g, kf in tree.all_council_goals())])
    yield from _repeated("en annan organisation", kommun.organisations, fold=str.upper)
    yield from _repeated("en annan uppföljning", kommun.settings.follow_ups)
    seen: dict[tuple[str, int], object] = {}
    for plan in tree.plans:
        key = (plan.organisation, plan.year)
        if key in seen:
            other = tree.place(seen[key])[0].display
            yield Hit(plan, f"{plan.organisation} har redan en verksamhetsplan för {plan.year} i {other}.",
                      "Slå ihop planerna till en fil per organisation och år.", ("organisation",))
        seen.setdefault(key, plan)
        yield from _repeated("ett annat nämndmål", plan.goals)
        # "VON.mått-id" addresses both mått and nyckeltal, so they share a namespace.
        yield from _repeated("ett annat mått eller nyckeltal", [*(m for g in plan.goals for m in g.measures), *plan.key_figures])
        for goal in plan.goals:
            for measure in goal.measures:
                yield from _repeated("en annan delserie", measure.sub_series)
        yield from _repeated("en annan budgetrad", plan.budget.rows if plan.budget else [])
    # Activities are addressed as "VON.aktivitet-id" across the year's handlingsplaner.
    activities: dict[tuple[str, int], list] = {}
    for action_plan in tree.action_plans:
        activities.setdefault((action_plan.organisation, action_plan.year), []).extend(action_plan.activities)
    for items in activities.values():
        yield from _repeated("en annan aktivitet", items)
    # In an uppföljning an entry is found by what it follows up; twice is ambiguous.
    for follow_up in tree.follow_ups:
        yield from _repeated("", follow_up.outcomes, key=lambda o: o.measure, field="mått")
        yield from _repeated("", follow_up.activities, key=lambda a: a.activity, field="aktivitet")
        yield from _repeated("", follow_up.goals, key=lambda g: g.board_goal, field="nämndmål")


def _repeated(kind: str, nodes: Iterable, fold=lambda s: s, key=lambda n: n.id, field: str = "id") -> Iterator[Hit]:
    first: dict[str, object] = {}
    for node in nodes:
        value = key(node)
        if fold(value) in first:
            if field == "id":
                yield Hit(node, f"Id:t \"{value}\" används redan för {kind}.",
                          "Ge varje id ett eget, beskrivande namn; referenser och uppföljning använder id:t.", (field,))
            else:
                yield Hit(node, f"\"{field}: {value}\" står två gånger i samma uppföljning.",
                          "Slå ihop posterna; rt läser och skriver bara den första.", (field,))
        else:
            first[fold(value)] = node


RULE = Rule(
    code="RT105",
    name="länk.dubblett-id",
    summary="Samma id används två gånger",
    severity=Severity.ERROR,
    check=check,
    description="""
Referenser går via id, aldrig via position, så ett id får bara finnas en gång
där det slås upp: kommunmål och KF-mål i hela kommun.yaml, organisationer,
nämndmål per verksamhetsplan, mått och nyckeltal per verksamhetsplan
(`VON.mått-id`), delserier per mått och budgetrader per internbudget. En
organisation har en verksamhetsplan per år.

Fel:
```yaml
nämndmål:
  - id: nojdhet
    …
  - id: nojdhet     # andra målet med samma id
```
""",
)
