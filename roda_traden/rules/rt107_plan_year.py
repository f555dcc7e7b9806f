"""RT107: a plan's year lies within its period and the kommun's."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    kommun_period = tree.kommun.period
    for plan in tree.plans:
        if plan.year not in kommun_period:
            yield Hit(plan, f"Verksamhetsplanen gäller {plan.year}, utanför kommunens planeringsperiod {kommun_period}.",
                      "Rätta \"år:\" eller planeringsperioden i kommun.yaml.", ("år",))
        elif plan.period is not None and plan.year not in plan.period:
            yield Hit(plan, f"Verksamhetsplanen gäller {plan.year}, utanför sin egen period {plan.period}.",
                      "Perioden ska börja med planens år, t.ex. år 2024 och period 2024–2026.", ("period",))


RULE = Rule(
    code="RT107",
    name="länk.planens-år",
    summary="Verksamhetsplanens år ligger utanför perioden",
    severity=Severity.ERROR,
    check=check,
    description="""
En verksamhetsplan gäller ett år inom kommunens planeringsperiod (Mål och
budget, t.ex. 2023–2025), och målvärdena sätts för planens period (om den
inte anges: kommunens).

Fel:
```yaml
organisation: VON
år: 2022            # planeringsperioden är 2023–2025
```
""",
)
