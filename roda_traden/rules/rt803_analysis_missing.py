"""RT803: a report's missing part (see rules/report_gaps.py)."""

from __future__ import annotations

from ..problems import Severity
from .base import Rule
from .report_gaps import gap_hits


def check(tree, options):
    return gap_hits(tree, "RT803")


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
