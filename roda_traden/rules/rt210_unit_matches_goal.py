"""RT210: a goal about a share is measured in per cent, and vice versa."""

from __future__ import annotations

from ..domain.measures import kind_of
from ..language import units
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, goal, measure in tree.measures():
        kind = kind_of(measure)
        # What the mått counts is said by its own text, or by the nämndmål's
        # when that has only this mått to speak about.
        if measure.text and (units.opens_with_share(measure.text) or units.opens_with_count(measure.text)):
            subject, whose = measure.text, f"Måttet \"{measure.id}\""
        elif len(goal.measures) == 1:
            subject, whose = goal.text, f"Nämndmålet \"{goal.id}\""
        else:
            continue
        if kind is None:
            continue
        if units.opens_with_share(subject) and not units.is_percent(kind):
            yield Hit(measure, f"{whose} gäller en andel, men måttet \"{measure.id}\" räknas inte i procent.",
                      "Mät andelen i procent (\"enhet: andel\" eller \"procent\"), eller formulera om målet.", ("enhet",))
        elif units.opens_with_count(subject) and units.is_percent(kind):
            yield Hit(measure, f"{whose} gäller ett antal, men måttet \"{measure.id}\" räknas i procent.",
                      "Mät antalet, eller formulera om målet som en andel.", ("enhet",))


RULE = Rule(
    code="RT210",
    name="smart.mäter-målet",
    summary="Måttets enhet passar inte målets formulering",
    severity=Severity.WARNING,
    check=check,
    description="""
Måttet ska mäta det målet säger. Ett mått (eller ett nämndmål med ett enda
mått) som börjar med "Andel" mäts i procent; ett som börjar med "Antal" mäts
inte i procent. Har nämndmålet flera mått avgörs det av måttets egen text.

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
