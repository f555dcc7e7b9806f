"""RT303: målvärden move the way the mått is meant to, from the baseline on."""

from __future__ import annotations

from ..domain.measures import (
    DECLARED,
    MEASURE_TEXT,
    Start,
    bounds_of,
    intent,
    numeric_targets,
    starts_of,
)
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
        wanted, name = stated.direction, series_name(measure, series)
        targets, why = possible_targets(goal, measure, series, wanted), _why(stated.source, wanted)
        wrong = [hit for start, number in compared_starts(goal, measure, series, wanted.sign)
                 for hit in _against_baseline(series, name, wanted, start, number, targets, why)]
        wrong += _changes(series, name, wanted, why)
        flagged = {hit.keys for hit in wrong}
        yield from wrong
        yield from (hit for hit in _year_over_year(series, name, wanted, targets, why) if hit.keys not in flagged)


def possible_targets(goal, measure, series, wanted=None) -> list[tuple[int, float]]:
    """(year, number) of the targets, without those the mått cannot take: RT301
    already reports a share of 180, and comparing with it only repeats that.
    For a floor or ceiling ("ligga kvar på minst 95 %"), a target written as
    that bound ("≥ 95 %") sets the floor, not a value to move to."""
    bounds = bounds_of(measure=measure, goal=goal)
    floors = {1: ">=", -1: "<="}.get(wanted.sign) if wanted is not None and not wanted.strict else None
    return [(year, value) for year, value in numeric_targets(series)
            if (bounds is None or not bounds.firm or bounds.holds(value))
            and not (floors and series.targets[year].op == floors)]


def compared_starts(goal, measure, series, sign: int) -> list[tuple[Start, float]]:
    """The ingångsvärden a target's direction is judged from, with their
    numbers. With one per part (`ingångsvärden`) the merged förvaltning's
    value lies between the parts', so a target is surely against the
    direction only past the part nearest it: for öka the lowest baseline,
    for minska the highest; for bibehålla (or RT304's "same as today")
    only when all parts start at the same value."""
    found = [(start, number) for start in starts_of(series)
             if (number := possible_baseline(goal, measure, start)) is not None]
    if len(found) < 2:
        return found
    if sign == 0:
        return found[:1] if len({number for _start, number in found}) == 1 else []
    return [(min if sign > 0 else max)(found, key=lambda pair: pair[1])]


def possible_baseline(goal, measure, start: Start) -> float | None:
    """The ingångsvärde as a number, unless the mått cannot take it (RT301)."""
    number, bounds = start.number, bounds_of(measure=measure, goal=goal)
    if number is not None and bounds is not None and bounds.firm and not bounds.holds(number):
        return None
    return number


def _why(source: str, wanted) -> str:
    """The start of a message, up to and with the direction's verb."""
    verb = wanted.infinitive
    # In a clause after "att" the negation stands before "ska": "att måttet inte ska minska".
    after_att = f"inte ska {verb.removeprefix('inte ')}" if verb.startswith("inte ") else f"ska {verb}"
    if source == DECLARED:
        return f"Måttet ska enligt \"riktning\" {verb}"
    if source == MEASURE_TEXT:
        return f"Måttets text säger att det {after_att}"
    return f"Nämndmålets text säger att måttet {after_att}"


def _wrong(wanted, a: float, b: float) -> bool:
    if wanted.sign > 0:
        return b < a
    if wanted.sign < 0:
        return b > a
    return b != a


def _against_baseline(series, name, wanted, start: Start, number: float | None, targets, why):
    if number is None:
        return
    for year, value in targets:
        if _wrong(wanted, number, value):
            change = "skiljer sig från" if wanted.sign == 0 else "går åt andra hållet från"
            yield Hit(series, f"{why}, men målvärdet {format_number(value)} för {year} "
                      f"i {name} {change} {start.what} {format_number(number)}.",
                      "Rätta målvärdet, eller riktningen (\"riktning: öka/minska/bibehålla\" på måttet).",
                      ("målvärden", year))


# The moves each direction allows: up (1), unchanged (0), down (-1).
_ALLOWED = {"up": {1}, "down": {-1}, "keep": {0}, "not-down": {0, 1}, "not-up": {0, -1}}


def _changes(series, name, wanted, why):
    """Targets written as a change ("minskar jämfört med föregående år").
    Only a change no value could satisfy together with the goal is wrong:
    "oförändrat" keeps a goal that is to "öka eller bibehållas"."""
    for year, target in sorted(series.targets.items()):
        if target.kind == "change" and target.direction is not None and \
                not _ALLOWED[target.direction.value] & _ALLOWED[wanted.value]:
            yield Hit(series, f"{why}, men målvärdet för {year} i {name} säger "
                      f"\"{target.raw}\".", "Målvärdet ska gå åt samma håll som målet.", ("målvärden", year))


def _year_over_year(series, name, wanted, targets, why):
    if wanted.sign == 0:
        return
    for (year_a, a), (year_b, b) in zip(targets, targets[1:]):
        if _wrong(wanted, a, b):
            yield Hit(series, f"{why}, men målvärdet {year_b} ({format_number(b)}) i "
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
