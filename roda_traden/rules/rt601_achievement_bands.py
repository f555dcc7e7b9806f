"""RT601: the måluppfyllelse bands cover 0–100 % without gaps or overlaps."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for band in tree.kommun.settings.bands:
        if band.lower > band.upper:
            yield Hit(band, f"Resultatnivån \"{band.name}\" går från {band.lower} till {band.upper} %.",
                      "\"från\" ska vara mindre än \"till\".")
    # Coverage is judged on each band's real span, so a reversed band is
    # reported once above and not again as gaps.
    spans = sorted(((min(b.lower, b.upper), max(b.lower, b.upper), b) for b in tree.kommun.settings.bands),
                   key=lambda span: span[:2])
    if not spans:
        return
    if spans[0][0] != 0:
        yield Hit(spans[0][2], f"Resultatnivåerna börjar på {spans[0][0]} %, inte 0 %.", "Låt den lägsta nivån börja på 0.")
    if spans[-1][1] != 100:
        yield Hit(spans[-1][2], f"Resultatnivåerna slutar på {spans[-1][1]} %, inte 100 %.",
                  "Låt den högsta nivån sluta på 100.")
    for (_lo, top, below), (start, _hi, above) in zip(spans, spans[1:]):
        if start != top + 1:
            yield Hit(above, f"Resultatnivån \"{above.name}\" börjar på {start} % men \"{below.name}\" "
                      f"slutar på {top} %.",
                      "Nivåerna ska ta vid där den förra slutar, t.ex. 0–24, 25–49, 50–74, 75–100.")


RULE = Rule(
    code="RT601",
    name="inställningar.resultatnivåer",
    summary="Resultatnivåerna täcker inte 0–100 %",
    severity=Severity.ERROR,
    check=check,
    description="""
Måluppfyllelsegraden (andel uppfyllda mål) översätts till en resultatnivå.
Nivåerna i `inställningar.måluppfyllelse` ska tillsammans täcka 0–100 % i
hela procent, utan luckor och överlapp.

Rätt:
```yaml
inställningar:
  måluppfyllelse:
    - {från: 75, till: 100, namn: Mycket god måluppfyllelse}
    - {från: 50, till: 74, namn: God måluppfyllelse}
    - {från: 25, till: 49, namn: Relativt låg måluppfyllelse}
    - {från: 0, till: 24, namn: Låg måluppfyllelse}
```
""",
)
