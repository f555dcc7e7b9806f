"""RT803: a mått that is not fully met has an analys."""

from __future__ import annotations

from ..domain.requirements import ANALYSIS, missing_for_run
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for item in missing_for_run(tree):
        if item.what == ANALYSIS:
            yield Hit(item.node, f"Analys saknas för måttet \"{item.subject}\", som bedöms {item.grade.value}.",
                      "Förklara under \"analys:\" varför målet inte nås fullt ut.")


RULE = Rule(
    code="RT803",
    name="rapport.analys-saknas",
    summary="Analys saknas för ett mål som inte nås fullt ut",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett mått som bedöms delvis eller ej uppfyllt behöver en analys: varför målet
inte nås fullt ut. Kontrolleras med `--period`.

```yaml
utfall:
  - mått: personalkontinuitet
    värde: 19
    analys: Hög sjukfrånvaro under sommaren gav fler vikarier per brukare.
```
""",
)
