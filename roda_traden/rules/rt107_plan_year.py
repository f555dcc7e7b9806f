"""RT107: a plan's year lies within its period and the kommun's."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    kommun_period = tree.kommun.period
    for plan in tree.plans:
        if plan.year not in kommun_period and not _earlier_period(plan, kommun_period):
            yield Hit(plan, f"Verksamhetsplanen gäller {plan.year}, utanför kommunens planeringsperiod {kommun_period}.",
                      "Rätta \"år:\" eller planeringsperioden i kommun.yaml.", ("år",))
        elif plan.period is not None and plan.year not in plan.period:
            yield Hit(plan, f"Verksamhetsplanen gäller {plan.year}, utanför sin egen period {plan.period}.",
                      "Perioden ska börja med planens år, t.ex. år 2024 och period 2024–2026.", ("period",))


def _earlier_period(plan, kommun_period) -> bool:
    """A plan of an earlier Mål och budget that states the period it was made
    for (rt nytt-år --kommun writes it in) is history, not a wrong year."""
    return plan.period is not None and plan.year in plan.period and plan.year < kommun_period.start


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

Rätt, en plan från en tidigare period som står kvar i trädet:
```yaml
organisation: VON
år: 2023
period: 2023–2025   # kommunens planeringsperiod är nu 2024–2026
```
""",
)
