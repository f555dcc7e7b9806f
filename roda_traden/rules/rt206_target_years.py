"""RT206: a målvärde for every year of the plan's period (tidsatt)."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for plan, _goal, _measure, series in tree.series():
        period = tree.period_of(plan)
        missing = [year for year in period.years if year not in series.targets] if period else []
        if missing:
            years = ", ".join(map(str, missing))
            yield Hit(series, f"Målvärde saknas för {years} (perioden är {period}).",
                      "Ange ett målvärde för varje år i perioden under \"målvärden\".",
                      ("målvärden",) if series.targets else ())


RULE = Rule(
    code="RT206",
    name="smart.tidsatt",
    summary="Målvärde saknas för ett år i perioden",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett nämndmål är tidsatt genom att måtten har ett målvärde för varje år i
planens period (normalt kommunens planeringsperiod, t.ex. 2023–2025).

Fel:
```yaml
        målvärden: {2023: 72 %, 2024: 80 %}     # 2025 saknas
```
""",
)
