"""RT809: an utfall lies within the values its mått can take."""

from __future__ import annotations

from ..domain.measures import bounds_of
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule

_FIELDS = (("value", "värde", "Utfallet"), ("forecast", "prognos", "Prognosen"),
           ("previous", "föregående-år", "Föregående års värde"))


def check(tree, options):
    for follow_up in tree.follow_ups:
        plan = tree.plan_of(follow_up.organisation, follow_up.year)
        if plan is None:
            continue  # RT806 says so
        measures = {m.id: (g, m) for g in plan.goals for m in g.measures}
        for outcome in follow_up.outcomes:
            owner = measures.get(outcome.measure)
            bounds = bounds_of(owner[1], owner[0]) if owner is not None else None
            if bounds is None or not bounds.firm:
                continue
            for measured in [outcome, *outcome.sub_outcomes]:
                for attribute, key, what in _FIELDS:
                    value = getattr(measured, attribute)
                    if value is not None and value.kind == "number" and not bounds.holds(value.number):
                        yield Hit(measured, f"{what} {value.raw} för \"{outcome.measure}\" ligger utanför "
                                  f"{format_number(bounds.lower)}–{format_number(bounds.upper)} ({bounds.what}).",
                                  "Kontrollera värdet; en andel anges i procent mellan 0 och 100.", (key,))


RULE = Rule(
    code="RT809",
    name="uppföljning.utfall-utanför-intervall",
    summary="Utfallet ligger utanför de värden måttet kan ha",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett utfall för en andel ligger mellan 0 och 100 %, och ett mått med eget
`intervall` håller sig inom det. Ett utfall på 181 för en andel är ett
skrivfel; det bedöms inte (kan ej bedömas) och rapporteras här.

Fel:
```yaml
utfall:
  - mått: andel-nojda-sabo     # enhet: andel
    värde: 181
```
""",
)
