"""RT903: a report handed in is changed without a rättelse."""

from __future__ import annotations

from ..domain.changes import binding_breaches, describe, place
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for breach in binding_breaches(tree):
        change = breach.change
        if change.reported is None or change.node is None:
            continue
        yield Hit(change.node, f"{place(change)} – {describe(change)}, men rapporten är redan lämnad "
                  f"({breach.broken}) och ändringen saknar rättelse.",
                  "Skriv en rättelse i uppföljningen: rättelse: {datum: ÅÅÅÅ-MM-DD, skäl: \"…\"}, "
                  "eller återställ det som rapporterades.", change.keys)


RULE = Rule(
    code="RT903",
    name="beslut.rapport",
    summary="En inlämnad uppföljning har ändrats utan rättelse",
    severity=Severity.ERROR,
    check=check,
    description="""
En uppföljning vars inlämningsdag (i kommunens kalender) har passerat är
rapporterad till KF. Ändras ett utfall, en prognos eller en bedömning i
den efteråt, ska uppföljningen säga det med en `rättelse` (datum och
skäl); annars skrivs det som redan rapporterats om utan att någon märker
det. Kontrollen görs av `rt validate --jämför REV` och `rt diff`; en
ändring godtas när den kommer med en ny rättelse.

Fel (utfallet ändrat efter inlämning):
```yaml
uppföljning: bokslut
utfall:
  - mått: nojdhet-hemtjanst
    värde: 76
```

Rätt:
```yaml
uppföljning: bokslut
rättelse: {datum: 2025-02-20, skäl: "Brukarundersökningens slutliga siffra var 76, inte 74."}
utfall:
  - mått: nojdhet-hemtjanst
    värde: 76
```
""",
)
