"""RT401: few goals steer better than many."""

from __future__ import annotations

from pydantic import Field

from ..problems import Severity
from .base import Hit, Options, Rule


class FocusOptions(Options):
    maximum: int = Field(default=10, ge=1, alias="max")


def check(tree, options: FocusOptions):
    for plan in tree.plans:
        if len(plan.goals) > options.maximum:
            yield Hit(plan, f"{plan.organisation} har {len(plan.goals)} nämndmål {plan.year}; kommunens gräns är "
                      f"{options.maximum}. Många mål ger otydlig och svagare styrning.",
                      "Prioritera: färre mål med tydliga mått. Följ övrigt som nyckeltal.", ("nämndmål",))


RULE = Rule(
    code="RT401",
    name="fokus.antal-mål",
    summary="Fler nämndmål än kommunens gräns",
    severity=Severity.WARNING,
    check=check,
    options=FocusOptions,
    description="""
"Många mål ger otydlig och svagare styrning, är resurskrävande och
konkurrerar med andra uppdrag. Fokusering och kraftsamling ger resultat."
Det som bara behöver följas kan vara nyckeltal i stället för mål.

Inställning (standard 10):
```yaml
inställningar:
  regler:
    RT401: {max: 8}
```
""",
)
