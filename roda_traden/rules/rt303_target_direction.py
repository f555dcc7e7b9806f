"""RT303: målvärden move the way the mått is meant to, from the baseline on."""

from __future__ import annotations

from ..domain.measures import DECLARED, MEASURE_TEXT, baseline_number, intent, numeric_targets
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    return wrong_direction(tree, (DECLARED, MEASURE_TEXT))


def wrong_direction(tree, sources: tuple[str, ...]):
    """Targets against the direction read from one of ``sources`` (RT303:
    the mått's own `riktning` or text; RT307: the nämndmål's text)."""
    for _plan, goal, measure, series in tree.series():
        stated = intent(goal, measure)
        if stated is None or stated.source not in sources:
            continue
        wanted, name, targets = stated.direction, series_name(measure, series), numeric_targets(series)
        why = _why(stated.source)
        wrong = [*_against_baseline(series, name, wanted, targets, why), *_changes(series, name, wanted, why)]
        flagged = {hit.keys for hit in wrong}
        yield from wrong
        yield from (hit for hit in _year_over_year(series, name, wanted, targets, why) if hit.keys not in flagged)


def _why(source: str) -> str:
    return {"riktning": "Måttet ska enligt \"riktning\"", "mått": "Måttets text säger att det ska"}.get(
        source, "Nämndmålets text säger att måttet ska")


def _wrong(wanted, a: float, b: float) -> bool:
    if wanted.sign > 0:
        return b < a
    if wanted.sign < 0:
        return b > a
    return b != a


def _against_baseline(series, name, wanted, targets, why):
    start = baseline_number(series)
    if start is None:
        return
    for year, value in targets:
        if _wrong(wanted, start, value):
            change = "skiljer sig från" if wanted.sign == 0 else "går åt andra hållet från"
            yield Hit(series, f"{why} {wanted.infinitive}, men målvärdet {format_number(value)} för {year} "
                      f"i {name} {change} ingångsvärdet {format_number(start)}.",
                      "Rätta målvärdet, eller riktningen (\"riktning: öka/minska/bibehålla\" på måttet).",
                      ("målvärden", year))


def _changes(series, name, wanted, why):
    """Targets written as a change ("minskar jämfört med föregående år")."""
    for year, target in sorted(series.targets.items()):
        if target.kind == "change" and target.direction is not None and target.direction.sign != wanted.sign:
            yield Hit(series, f"{why} {wanted.infinitive}, men målvärdet för {year} i {name} säger "
                      f"\"{target.raw}\".", "Målvärdet ska gå åt samma håll som målet.", ("målvärden", year))


def _year_over_year(series, name, wanted, targets, why):
    if wanted.sign == 0:
        return
    for (year_a, a), (year_b, b) in zip(targets, targets[1:]):
        if _wrong(wanted, a, b):
            yield Hit(series, f"{why} {wanted.infinitive}, men målvärdet {year_b} ({format_number(b)}) i "
                      f"{name} går åt andra hållet jämfört med {year_a} ({format_number(a)}).",
                      "Målvärdena ska följa målets riktning år för år.", ("målvärden", year_b))


RULE = Rule(
    code="RT303",
    name="målvärde.riktning",
    summary="Målvärdena går åt fel håll jämfört med måttets riktning",
    severity=Severity.ERROR,
    check=check,
    description="""
Måttets `riktning:` (öka, minska, bibehålla), eller riktningen i måttets egen
text, säger vart måttet ska; målvärdena ska gå dit från ingångsvärdet och inte
vända mellan åren. Riktning som bara läses ur nämndmålets text kontrolleras
av RT307 som varning, eftersom ett mål som "förbättra" eller ett mål med två
delar inte säger vart varje mått ska. "Ska inte minska" godtar oförändrade
målvärden.

Fel:
```yaml
      - id: nojdhet-sabo
        text: Andel brukare som är nöjda med sitt SÄBO
        riktning: öka
        ingångsvärde: {värde: 69 %, år: 2022}
        målvärden: {2023: 72 %, 2024: 68 %, 2025: 85 %}
```
""",
)
