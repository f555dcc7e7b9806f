"""RT301: each målvärde can be read, and fits the mått's unit."""

from __future__ import annotations

from ..problems import Severity
from ..units import NUMBER, PERCENT, YES_NO, kind_of
from .base import Hit, Rule
from .common import series_name


def check(tree, options):
    for _plan, _goal, measure, series in tree.series():
        unit, name = kind_of(measure), series_name(measure, series)
        for year, target in series.targets.items():
            if problem := _problem(target, unit):
                yield Hit(series, f"Målvärdet {_shown(target)}för {year} i {name} {problem[0]}", problem[1],
                          ("målvärden", year))
        baseline = series.baseline
        if baseline is not None and baseline.value is not None and (problem := _problem(baseline.value, unit)):
            yield Hit(series, f"Ingångsvärdet {_shown(baseline.value)}i {name} {problem[0]}", problem[1],
                      ("ingångsvärde",))


def _shown(target) -> str:
    return f"\"{target.raw}\" " if target.raw else ""


def _problem(target, unit) -> tuple[str, str] | None:
    if target.kind == "unknown" and not target.raw:
        return ("saknar värde.", "Skriv målvärdet efter årtalet, t.ex. \"2025: 80 %\", eller ta bort året.")
    if target.kind == "unknown":
        return ("kan inte tolkas.",
                "Skriv ett tal (72 %, 1 052, 0,5), en jämförelse (>25, ≥ 90, minst 30 %), ja/nej, "
                "\"ökar jämfört med föregående år\" eller \"minst i nivå med genomsnittet för …\".")
    if unit == YES_NO and target.kind == "number":
        return ("är ett tal, men måttet är ja/nej.", "Skriv ja eller nej.")
    if unit in (PERCENT, NUMBER) and target.kind == "yes_no":
        return ("är ja/nej, men måttet räknas i tal.", "Skriv ett tal, eller ändra enheten till ja/nej.")
    if unit == NUMBER and target.kind == "number" and target.percent:
        return ("är en procentsats, men måttets enhet är inte procent.", "Ta bort % eller ändra enheten.")
    if unit == PERCENT and target.kind == "number" and not 0 <= target.number <= 100:
        return ("ligger utanför 0–100 %.", "En andel i procent ligger mellan 0 och 100; kontrollera värdet och enheten.")
    return None


RULE = Rule(
    code="RT301",
    name="målvärde.enhet",
    summary="Målvärdet kan inte tolkas eller passar inte enheten",
    severity=Severity.ERROR,
    check=check,
    description="""
Målvärden skrivs som i målbilagan: `72 %`, `1 052`, `>25`, `<176`, `≥ 90`,
`minst 30 %`, `ja`/`nej`, `ökar jämfört med föregående år` eller
`minst i nivå med genomsnittet för likvärdiga kommuner`. Värdet ska passa
måttets enhet: en procentsats ligger mellan 0 och 100, ett ja/nej-mått har
ja eller nej. Samma kontroll görs för ingångsvärdet.

Fel:
```yaml
        enhet: procent
        målvärden: {2023: 72, 2024: 180, 2025: "åttio"}
```
""",
)
