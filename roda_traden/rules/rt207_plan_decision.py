"""RT207: the plan's goals are accepted – decided by the nämnd (date and §)."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for plan in tree.plans:
        if _decided(plan.decision):
            continue
        undecided = [g for g in plan.goals if not _decided(g.decision)]
        if not undecided:
            continue
        keys = ("beslut",) if plan.decision else ()
        count = f"{len(undecided)} nämndmål är" if len(undecided) > 1 else "nämndmålet är"
        yield Hit(plan, f"Verksamhetsplanen för {plan.organisation} {plan.year} saknar beslut (datum och §); "
                  f"{count} inte {'beslutade' if len(undecided) > 1 else 'beslutat'}.",
                  "Lägg till beslut: {datum: 2022-12-14, paragraf: '§ 95'} när nämnden har beslutat.", keys)


def _decided(decision) -> bool:
    return decision is not None and decision.date is not None and decision.paragraph is not None


RULE = Rule(
    code="RT207",
    name="smart.beslutad",
    summary="Verksamhetsplanen saknar beslut",
    severity=Severity.ERROR,
    check=check,
    description="""
SMART-målens "accepterat": nämndmålen gäller när nämnden (för ett bolag:
styrelsen) har beslutat om dem. Beslutet anges med datum och paragraf för
hela planen, eller för ett enskilt nämndmål som beslutats separat.

Rätt:
```yaml
organisation: VON
år: 2023
beslut: {datum: 2022-12-14, paragraf: "§ 95"}
```
""",
)
