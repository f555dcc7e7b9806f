"""RT209: a mått says what is measured."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, measure in tree.measures():
        if not measure.text:
            yield Hit(measure, f"Måttet \"{measure.id}\" säger inte vad som mäts.",
                      "Lägg till \"text:\", t.ex. \"Andel brukare som är ganska eller mycket nöjda med sitt SÄBO\".")


RULE = Rule(
    code="RT209",
    name="smart.måttets-text",
    summary="Mått saknar text",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett mått beskriver vad som räknas, så att läsaren kan se att det mäter det
målet säger. "Egen mätning" är en datakälla, inte ett mått.

Fel:
```yaml
      - id: nojdhet-sabo
        datakälla: Egen mätning
```
""",
)
