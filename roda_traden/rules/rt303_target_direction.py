"""RT303: målvärden move the way the goal says, from the baseline on."""

from __future__ import annotations

from ..language import DOWN, KEEP, UP
from ..numbers import format_number
from ..problems import Severity
from ..series import baseline_number, intended_direction, numeric_targets
from .base import Hit, Rule
from .common import DIRECTION_WORDS, series_name

_WRONG = {UP: lambda a, b: b < a, DOWN: lambda a, b: b > a, KEEP: lambda a, b: b != a}


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        wanted = intended_direction(goal, measure)
        if wanted is not None:
            name, targets = series_name(measure, series), numeric_targets(series)
            wrong = [*_against_baseline(series, name, wanted, targets), *_changes(series, name, wanted)]
            flagged = {hit.keys for hit in wrong}
            yield from wrong
            yield from (hit for hit in _year_over_year(series, name, wanted, targets) if hit.keys not in flagged)


def _against_baseline(series, name, wanted, targets):
    start = baseline_number(series)
    if start is None:
        return
    for year, value in targets:
        if _WRONG[wanted](start, value):
            change = "skiljer sig från" if wanted == KEEP else "går åt andra hållet från"
            yield Hit(series, f"Målet ska {DIRECTION_WORDS[wanted]}, men målvärdet {format_number(value)} för {year} "
                      f"i {name} {change} ingångsvärdet {format_number(start)}.",
                      "Rätta målvärdet, eller målets riktning (\"öka\"/\"minska\", eller \"riktning:\" på måttet).",
                      ("målvärden", year))


def _changes(series, name, wanted):
    """Targets written as a change ("minskar jämfört med föregående år")."""
    for year, target in sorted(series.targets.items()):
        if target.kind == "change" and target.direction != wanted:
            yield Hit(series, f"Målet ska {DIRECTION_WORDS[wanted]}, men målvärdet för {year} i {name} säger "
                      f"\"{target.raw}\".", "Målvärdet ska gå åt samma håll som målet.", ("målvärden", year))


def _year_over_year(series, name, wanted, targets):
    if wanted == KEEP:
        return
    for (year_a, a), (year_b, b) in zip(targets, targets[1:]):
        if _WRONG[wanted](a, b):
            yield Hit(series, f"Målet ska {DIRECTION_WORDS[wanted]}, men målvärdet {year_b} ({format_number(b)}) i "
                      f"{name} går åt andra hållet jämfört med {year_a} ({format_number(a)}).",
                      "Målvärdena ska följa målets riktning år för år.", ("målvärden", year_b))


RULE = Rule(
    code="RT303",
    name="målvärde.riktning",
    summary="Målvärdena går åt fel håll jämfört med målets riktning",
    severity=Severity.ERROR,
    check=check,
    description="""
Målets text säger vart det ska ("öka", "minska", "bibehålla"); målvärdena ska
gå dit från ingångsvärdet och inte vända mellan åren. Riktningen läses från
måttets `riktning:` om den finns, annars från måttets text, annars från
nämndmålets text. Ett mått som ska minska fast målet säger "förbättra" (t.ex.
väntetid) anges med `riktning: minska`.

Fel:
```yaml
    text: Andel brukare som är nöjda med sitt SÄBO ska öka
    mått:
      - id: nojdhet-sabo
        ingångsvärde: {värde: 69 %, år: 2022}
        målvärden: {2023: 72 %, 2024: 68 %, 2025: 85 %}
```
""",
)
