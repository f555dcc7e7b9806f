"""RT310: a målvärde keeps the level the text promises for every year."""

from __future__ import annotations

from ..domain.measures import compatible, levels_for
from ..problems import Severity
from .base import Hit, Rule
from .rt305_text_matches_target import agrees, stated
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        for level in levels_for(goal, measure):
            # A level without a year and without "minst"/"högst" ("öka till 90 %"),
            # or one to reach by the end ("till högst 45 dagar", "vid periodens
            # slut"), is the period's end; only a bound holds every year.
            if level.years or level.op == "=" or level.final:
                continue
            for year, target in sorted(series.targets.items()):
                if target.kind == "number" and compatible(level.quantity, measure, target) and \
                        not agrees(level.op, level.quantity.number, target.number):
                    yield Hit(series, f"Texten säger {stated(level)}, men målvärdet för {year} i "
                              f"{series_name(measure, series)} är {target.raw}.",
                              "Höj (eller sänk) målvärdet till nivån, eller ändra texten.", ("målvärden", year))


RULE = Rule(
    code="RT310",
    name="målvärde.under-nivån",
    summary="Ett målvärde håller inte nivån som texten lovar",
    severity=Severity.WARNING,
    check=check,
    description="""
"Andelen ska vara minst 80 %" gäller varje år; ett målvärde under 80 % lovar
mindre än texten. Kontrolleras för nivåer med "minst", "högst", "max",
"över" och "under" utan år (med år: RT305).

Fel:
```yaml
    text: Andelen elever med godkänt ska vara minst 80 %
    …
        målvärden: {2024: 75 %, 2025: 80 %, 2026: 82 %}
```
""",
)
