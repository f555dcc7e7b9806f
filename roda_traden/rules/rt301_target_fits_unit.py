"""RT301: each målvärde can be read, and fits the mått's unit."""

from __future__ import annotations

from ..domain.measures import bounds_of, kind_of, starts_of
from ..language import units
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        kind, bounds, name = kind_of(measure), bounds_of(measure, goal), series_name(measure, series)
        firm = bounds if bounds is not None and bounds.firm else None
        for year, target in series.targets.items():
            if problem := _problem(target, kind, firm):
                yield Hit(series, f"Målvärdet {_shown(target)}för {year} i {name} {problem[0]}", problem[1],
                          ("målvärden", year))
        for start in starts_of(series):
            value = start.baseline.value
            if value is not None and (problem := _problem(value, kind, firm)):
                yield Hit(series, f"{start.what.capitalize()} {_shown(value)}i {name} {problem[0]}", problem[1],
                          start.keys)


def _shown(target) -> str:
    return f"\"{target.raw}\" " if target.raw else ""


def _problem(target, kind, bounds) -> tuple[str, str] | None:
    if target.kind == "unknown" and not target.raw:
        return ("saknar värde.", "Skriv målvärdet efter årtalet, t.ex. \"2025: 80 %\", eller ta bort året.")
    if target.kind == "unknown":
        return ("kan inte tolkas.",
                "Skriv ett tal (72 %, 1 052, 0,5), en jämförelse (>25, ≥ 90, minst 30 %), ja/nej, "
                "\"ökar jämfört med föregående år\" eller \"minst i nivå med genomsnittet för …\".")
    if kind == units.YES_NO and target.kind in ("number", "range"):
        return ("är ett tal, men måttet är ja/nej.", "Skriv ja eller nej.")
    if kind in (units.SHARE, units.PERCENT, units.NUMBER) and target.kind == "yes_no":
        return ("är ja/nej, men måttet räknas i tal.", "Skriv ett tal, eller ändra enheten till ja/nej.")
    if kind == units.NUMBER and target.kind in ("number", "range") and target.percent:
        return ("är en procentsats, men måttets enhet är inte procent.", "Ta bort % eller ändra enheten.")
    if bounds is not None and target.kind in ("number", "range") and not (
            bounds.holds(target.number) and (target.upper is None or bounds.holds(target.upper))):
        return (f"ligger utanför {format_number(bounds.lower)}–{format_number(bounds.upper)} ({bounds.what}).",
                "Kontrollera värdet och enheten; ett mått som kan gå över 100 % "
                "har \"enhet: procent\" eller ett eget \"intervall\".")
    return None


RULE = Rule(
    code="RT301",
    name="målvärde.enhet",
    summary="Målvärdet kan inte tolkas eller passar inte enheten",
    severity=Severity.ERROR,
    check=check,
    description="""
Målvärden skrivs som i målbilagan: `72 %`, `1 052`, `>25`, `<176`, `≥ 90`,
`minst 30 %`, `20–25 %`, `ja`/`nej`, `ökar jämfört med föregående år`, `oförändrat`
eller `minst i nivå med genomsnittet för likvärdiga kommuner`. Värdet ska
passa måttets enhet: en andel (`enhet: andel`) ligger mellan 0 och 100, ett
ja/nej-mått har ja eller nej, och ett mått med eget `intervall` håller sig
inom det. Samma kontroll görs för ingångsvärdet. En procentsats över 100
(`enhet: procent`, t.ex. beläggning) är ingen fel, men RT308 frågar.

Fel:
```yaml
        enhet: andel
        målvärden: {2023: 72, 2024: 180, 2025: "åttio"}
```
Rätt, för ett mått som kan gå över 100:
```yaml
        enhet: procent
        intervall: {från: 0, till: 200}
        målvärden: {2023: 96, 2024: 101, 2025: 103}
```
""",
)
