"""RT302: målvärden are set for years of the plan's period only."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for plan, _goal, measure, series in tree.series():
        period = tree.period_of(plan)
        for year in series.targets if period else ():
            if year not in period:
                yield Hit(series, f"Målvärde för {year} i {series_name(measure, series)}, utanför perioden {period}.",
                          "Ta bort året eller rätta det; målvärden sätts för periodens år.", ("målvärden", year))


RULE = Rule(
    code="RT302",
    name="målvärde.år",
    summary="Målvärde för ett år utanför perioden",
    severity=Severity.ERROR,
    check=check,
    description="""
Målvärden gäller planens period. Ett år utanför är oftast ett skrivfel
(2032 för 2023) eller en rest från förra årets plan.

Fel (period 2023–2025):
```yaml
        målvärden: {2023: 72 %, 2024: 80 %, 2026: 85 %}
```
""",
)
