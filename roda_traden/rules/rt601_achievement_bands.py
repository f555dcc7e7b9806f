"""RT601: the måluppfyllelse bands cover 0–100 % without gaps or overlaps."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    bands = sorted(tree.kommun.settings.bands, key=lambda band: band.lower)
    if not bands:
        return
    for band in bands:
        if band.lower > band.upper:
            yield Hit(band, f"Resultatnivån \"{band.name}\" går från {band.lower} till {band.upper} %.",
                      "\"från\" ska vara mindre än \"till\".")
    if bands[0].lower != 0:
        yield Hit(bands[0], f"Resultatnivåerna börjar på {bands[0].lower} %, inte 0 %.", "Låt den lägsta nivån börja på 0.")
    if bands[-1].upper != 100:
        yield Hit(bands[-1], f"Resultatnivåerna slutar på {bands[-1].upper} %, inte 100 %.", "Låt den högsta nivån sluta på 100.")
    for below, above in zip(bands, bands[1:]):
        if above.lower != below.upper + 1:
            yield Hit(above, f"Resultatnivån \"{above.name}\" börjar på {above.lower} % men \"{below.name}\" "
                      f"slutar på {below.upper} %.",
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
