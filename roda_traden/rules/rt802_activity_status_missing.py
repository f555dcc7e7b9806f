"""RT802: the report gives a status for every activity it follows up."""

from __future__ import annotations

from ..domain.requirements import ACTIVITY_STATUS, missing_for_run
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for item in missing_for_run(tree):
        if item.what == ACTIVITY_STATUS:
            yield Hit(item.node, f"Status saknas för aktiviteten \"{item.subject}\" ({item.report} {item.year}).",
                      "Ange status (ej påbörjad, pågår, klar, stoppad) och genomförandegrad under "
                      "\"aktiviteter:\" i uppföljningsfilen.")


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
