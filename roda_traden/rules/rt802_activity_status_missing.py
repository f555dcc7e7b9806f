"""RT802: a report's missing part (see rules/report_gaps.py)."""

from __future__ import annotations

from ..problems import Severity
from .base import Rule
from .report_gaps import gap_hits


def check(tree, options):
    return gap_hits(tree, "RT802")


RULE = Rule(
    code="RT802",
    name="rapport.status-saknas",
    summary="Aktivitet saknar status i rapporten",
    severity=Severity.ERROR,
    check=check,
    description="""
Rapporter som följer upp handlingsplanerna (delår, bokslut och kalenderposter
med innehåll som `handlingsplan`, `aktiviteter` eller `genomförandegrad`)
ska ange status för varje aktivitet: ej påbörjad, pågår, klar eller stoppad,
gärna med genomförandegrad. Kontrolleras med `--period`.

```yaml
aktiviteter:
  - aktivitet: informationstraffar
    status: pågår
    genomförandegrad: 50 %
```
""",
)
