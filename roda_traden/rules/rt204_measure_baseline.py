"""RT204: every series has an ingångsvärde, or says it is new."""

from __future__ import annotations

from ..domain.measures import starts_of
from ..problems import Severity
from .base import Hit, Rule
from .wording import capitalized, series_name

_HINT = ("Ange \"ingångsvärde: {värde: 69 %, år: 2022}\", eller \"ingångsvärde: nytt mål\" "
         "om det inte finns något tidigare värde.")


def check(tree, options):
    for _plan, _goal, measure, series in tree.series():
        starts = starts_of(series)
        if not starts:
            yield Hit(series, f"{capitalized(series_name(measure, series))} saknar ingångsvärde.", _HINT)
        for start in starts:
            if start.baseline.value is None and not start.baseline.new:
                whose = "" if start.part is None else f" för {start.part}"
                yield Hit(series, f"{capitalized(series_name(measure, series))} saknar ingångsvärde{whose}.",
                          _HINT if start.part is None else
                          "Ange delens värde: \"{del: " + start.part + ", värde: 41, år: 2023}\", "
                          "eller \"nytt: true\" om det inte finns något tidigare värde.", start.keys)


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

En förvaltning som bildats av två har ett ingångsvärde per del och en
gemensam serie målvärden; varje del ska ha sitt värde:
```yaml
        ingångsvärden:
          - {del: äldreomsorg, värde: 41, period: jan–nov 2023}
          - {del: socialomsorg, värde: 176, datum: 2023-12-01}
        målvärden: {2024: 170, 2025: 160}
```
""",
)
