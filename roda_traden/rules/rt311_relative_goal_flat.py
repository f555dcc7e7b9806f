"""RT311: a goal that compares with the previous year moves every year."""

from __future__ import annotations

from ..domain.measures import intent, is_relative
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .rt303_target_direction import possible_targets
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        stated = intent(goal, measure)
        if stated is None or not stated.direction.strict or not is_relative(goal, measure):
            continue
        targets = possible_targets(goal, measure, series)
        for (year_a, a), (year_b, b) in zip(targets, targets[1:]):
            if a == b:
                yield Hit(series, f"Målet ska {stated.direction.infinitive} jämfört med föregående år, men "
                          f"målvärdet för {year_b} i {series_name(measure, series)} är detsamma som för {year_a} "
                          f"({format_number(b)}).",
                          "Sätt ett målvärde som är bättre än föregående års, eller skriv målvärdet som "
                          "\"ökar jämfört med föregående år\".", ("målvärden", year_b))


RULE = Rule(
    code="RT311",
    name="målvärde.jämfört-med-föregående-år",
    summary="Målet ska förändras varje år men målvärdena står stilla",
    severity=Severity.WARNING,
    check=check,
    description="""
Ett mål som "ökar jämfört med föregående år" eller ska "minska varje år" är
inte uppfyllt av samma värde två år i rad. Målvärden som står stilla
säger något annat än texten.

Fel:
```yaml
    text: Sjukfrånvaron ska minska jämfört med föregående år
    …
        målvärden: {2024: 7 %, 2025: 7 %, 2026: 6,5 %}
```
""",
)
