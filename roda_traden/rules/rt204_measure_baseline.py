"""RT204: every series has an ingångsvärde, or says it is new."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, measure in tree.measures():
        for series in measure.series():
            if series.baseline is None or (series.baseline.value is None and not series.baseline.new):
                name = f"Delserien \"{series.id}\"" if series is not measure else f"Måttet \"{measure.id}\""
                yield Hit(series, f"{name} saknar ingångsvärde.",
                          "Ange \"ingångsvärde: {värde: 69 %, år: 2022}\", eller \"ingångsvärde: nytt mål\" "
                          "om det inte finns något tidigare värde.")


RULE = Rule(
    code="RT204",
    name="smart.ingångsvärde",
    summary="Mått saknar ingångsvärde",
    severity=Severity.ERROR,
    check=check,
    description="""
Ingångsvärdet är utgångsläget som målvärdena jämförs med: utan det går det
inte att se om målet innebär en förbättring. Finns inget tidigare värde skrivs
det ut: `ingångsvärde: nytt mål` (eller `nytt värde`).

Rätt:
```yaml
        ingångsvärde: {värde: 69 %, år: 2022}
```
""",
)
