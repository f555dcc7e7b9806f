"""RT308: a percentage outside 0–100 is asked about, not refused."""

from __future__ import annotations

from ..domain.measures import bounds_of, starts_of
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        bounds = bounds_of(measure, goal)
        if bounds is None or bounds.firm:
            continue
        values = [(("målvärden", year), f"Målvärdet för {year}", t) for year, t in sorted(series.targets.items())]
        values += [(start.keys, start.what.capitalize(), start.baseline.value) for start in starts_of(series)
                   if start.baseline.value is not None]
        for keys, what, target in values:
            if target.kind == "number" and not bounds.holds(target.number):
                yield Hit(series, f"{what} i {series_name(measure, series)} är {format_number(target.number)} %, "
                          "utanför 0–100 %.",
                          "Stämmer det (t.ex. beläggning eller kostnadstäckning), ange \"intervall: {från: 0, "
                          "till: 200}\" på måttet; är det en andel, rätta värdet.", keys)


RULE = Rule(
    code="RT308",
    name="målvärde.procent-utanför-0-100",
    summary="Procentsats utanför 0–100 utan eget intervall",
    severity=Severity.WARNING,
    check=check,
    description="""
En procentsats kan ligga över 100 (nettokostnadsandel, kostnadstäckning,
beläggning), så `enhet: procent` utanför 0–100 är en varning, inte ett fel.
En andel (`enhet: andel`) kan aldrig göra det; det kontrolleras av RT301.
Ett mått som kan gå utanför anger sitt eget intervall.

Fel: `enhet: procent` och `målvärden: {2024: 104 %}` utan intervall.

Rätt:
```yaml
        enhet: procent
        intervall: {från: 0, till: 150}
        målvärden: {2024: 104 %}
```
""",
)
