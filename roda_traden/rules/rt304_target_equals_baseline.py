"""RT304: a goal that should change does not target the baseline."""

from __future__ import annotations

from ..domain.measures import intent
from ..problems import Severity
from .base import Hit, Rule
from .rt303_target_direction import compared_starts
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        stated = intent(goal, measure)
        if stated is None or not stated.direction.strict:
            continue
        # Judged as for "bibehålla": a target equal to one part's baseline is
        # a change for the merged förvaltning unless every part starts there.
        for start, number in compared_starts(goal, measure, series, 0):
            for year, target in sorted(series.targets.items()):
                # "<500" from 500 asks for less than today: a change, not the baseline.
                if target.kind == "number" and target.op in ("=", ">=", "<=") and target.number == number:
                    yield Hit(series, f"Målet ska {stated.direction.infinitive}, men målvärdet för {year} i "
                              f"{series_name(measure, series)} är samma som {start.what}.",
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
egentligen att bibehålla nivån. Ett målvärde med `<` eller `>` (`<500` från
500) begär en förändring och är inget fel; det är inte heller "ska inte
minska" eller "minst bibehållas".

Fel:
```yaml
    text: Andelen nöjda ska öka
    …
        ingångsvärde: {värde: 71 %, år: 2022}
        målvärden: {2023: 71 %, 2024: 75 %, 2025: 78 %}
```
""",
)
