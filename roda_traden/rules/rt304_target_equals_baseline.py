"""RT304: a goal that should change does not target the baseline."""

from __future__ import annotations

from ..language import KEEP
from ..problems import Severity
from ..series import baseline_number, intended_direction, numeric_targets
from .base import Hit, Rule
from .common import DIRECTION_WORDS, series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        wanted = intended_direction(goal, measure)
        start = baseline_number(series)
        if wanted is None or wanted == KEEP or start is None:
            continue
        for year, value in numeric_targets(series):
            if value == start:
                yield Hit(series, f"Målet ska {DIRECTION_WORDS[wanted]}, men målvärdet för {year} i "
                          f"{series_name(measure, series)} är samma som ingångsvärdet.",
                          "Sätt ett målvärde som innebär en förändring, eller skriv att nivån ska bibehållas.",
                          ("målvärden", year))


RULE = Rule(
    code="RT304",
    name="målvärde.oförändrat",
    summary="Målvärde lika med ingångsvärdet fast målet ska förändras",
    severity=Severity.WARNING,
    check=check,
    description="""
Ett mål som ska öka eller minska är uppfyllt redan i dag om målvärdet är
detsamma som ingångsvärdet. Antingen är målvärdet fel, eller så är målet
egentligen att bibehålla nivån.

Fel:
```yaml
    text: Andelen nöjda ska öka
    …
        ingångsvärde: {värde: 71 %, år: 2022}
        målvärden: {2023: 71 %, 2024: 75 %, 2025: 78 %}
```
""",
)
