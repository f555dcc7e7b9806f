"""RT204: every series has an ingångsvärde, or says it is new."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule
from .wording import capitalized, series_name


def check(tree, options):
    for _plan, _goal, measure, series in tree.series():
        if series.baseline is None or (series.baseline.value is None and not series.baseline.new):
            yield Hit(series, f"{capitalized(series_name(measure, series))} saknar ingångsvärde.",
                      "Ange \"ingångsvärde: {värde: 69 %, år: 2022}\", eller \"ingångsvärde: nytt mål\" "
                      "om det inte finns något tidigare värde.",
                      ("ingångsvärde",) if series.baseline is not None else ())


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
