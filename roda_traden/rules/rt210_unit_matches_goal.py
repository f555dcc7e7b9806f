"""RT210: a goal about a share is measured in per cent, and vice versa."""

from __future__ import annotations

import re

from ..problems import Severity
from ..units import PERCENT, kind_of
from .base import Hit, Rule

_SHARE = re.compile(r"^\s*andel(en)?\b", re.I)
_COUNT = re.compile(r"^\s*antal(et)?\b", re.I)


def check(tree, options):
    for _plan, goal, measure in tree.measures():
        kind = kind_of(measure)
        if kind is None:
            continue
        if _SHARE.match(goal.text) and kind != PERCENT:
            yield Hit(measure, f"Nämndmålet \"{goal.id}\" gäller en andel, men måttet \"{measure.id}\" räknas inte i procent.",
                      "Mät andelen i procent, eller formulera om målet.", ("enhet",))
        elif _COUNT.match(goal.text) and kind == PERCENT:
            yield Hit(measure, f"Nämndmålet \"{goal.id}\" gäller ett antal, men måttet \"{measure.id}\" räknas i procent.",
                      "Mät antalet, eller formulera om målet som en andel.", ("enhet",))


RULE = Rule(
    code="RT210",
    name="smart.mäter-målet",
    summary="Måttets enhet passar inte målets formulering",
    severity=Severity.WARNING,
    check=check,
    description="""
Måttet ska mäta det målet säger. Ett mål som börjar med "Andel" mäts i
procent; ett som börjar med "Antal" mäts inte i procent.

Fel:
```yaml
  - id: nojdhet
    text: Andelen nöjda brukare ska öka
    mått:
      - id: nojdhet
        enhet: antal
```
""",
)
