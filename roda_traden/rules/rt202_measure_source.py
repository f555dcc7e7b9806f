"""RT202: a mått says where its numbers come from."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, measure in tree.measures():
        if not measure.source:
            yield Hit(measure, f"Måttet \"{measure.id}\" saknar datakälla.",
                      "Ange var värdet hämtas, t.ex. \"datakälla: Kolada (U23471)\" eller \"Egen mätning\".")


RULE = Rule(
    code="RT202",
    name="smart.datakälla",
    summary="Mått saknar datakälla",
    severity=Severity.ERROR,
    check=check,
    description="""
Utan datakälla kan ingen ta fram utfallet på samma sätt nästa gång, och
jämförelser över år blir osäkra.

Rätt:
```yaml
    mått:
      - id: nojdhet-sabo
        text: Andel brukare som är ganska eller mycket nöjda med sitt särskilda boende
        datakälla: Socialstyrelsens brukarundersökning (Kolada U23471)
```
""",
)
