"""RT203: a mått states its unit (or every value shows it)."""

from __future__ import annotations

from ..domain.measures import kind_of
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, measure in tree.measures():
        if kind_of(measure) is None:
            yield Hit(measure, f"Måttet \"{measure.id}\" saknar enhet.",
                      "Ange t.ex. \"enhet: procent\", \"enhet: antal\", \"enhet: dagar\" eller \"enhet: ja/nej\".")


RULE = Rule(
    code="RT203",
    name="smart.enhet",
    summary="Mått saknar enhet",
    severity=Severity.ERROR,
    check=check,
    description="""
Enheten avgör hur målvärdena läses och kontrolleras (en procentsats ligger
mellan 0 och 100, ja/nej är ja eller nej). Den behöver inte skrivas ut om
varje värde visar den, t.ex. `72 %`.

Fel:
```yaml
      - id: personalkontinuitet
        ingångsvärde: {värde: 20, år: 2022}
        målvärden: {2023: 16, 2024: 16, 2025: 16}
```
Rätt: lägg till `enhet: antal personer`.
""",
)
