"""RT312: a relational målvärde of a mått with a Kolada id has a stored comparison."""

from __future__ import annotations

from ..domain.comparisons import (
    code_of,
    comparison_of,
    kpi_of,
    latest_value,
    relational_targets,
)
from ..models.kolada import ALL_SERIES
from ..problems import Severity
from .base import Hit, Rule
from .wording import capitalized, series_name


def check(tree, options):
    reported = set()
    for item in relational_targets(tree):
        kpi = kpi_of(item.measure)
        if kpi is None or id(item.series) in reported:
            continue
        name = comparison_of(tree, item.measure, item.target)
        where = ("målvärden", item.year)
        what = f"{capitalized(series_name(item.measure, item.series))} har målvärdet \"{item.target.raw}\" för {item.year}"
        if name is None:
            hit = Hit(item.series, f"{what}, men rt vet inte vilken jämförelse i Kolada det avser.",
                      "Skriv \"jämförelse: riket\", \"jämförelse: alla kommuner\" eller namnet på en grupp "
                      "under jämförelsegrupper i kommun.yaml på måttet.", where)
        elif name != ALL_SERIES and code_of(tree, name) is None:
            hit = Hit(item.series, f"{what}, men jämförelsen \"{name}\" finns inte under jämförelsegrupper i kommun.yaml.",
                      f"Lägg till den i kommun.yaml, t.ex. jämförelsegrupper: {{{name}: G37519}} (en grupp i "
                      "Kolada) eller en lista med kommunkoder.", where)
        elif latest_value(tree, kpi, name, item.year) is None:
            hit = Hit(item.series, f"{what}, men inga Kolada-värden för {name} ({kpi}) fram till {item.year} "
                      "är hämtade; målet kan inte bedömas.",
                      "Kör \"rt kolada hämta\" och lägg in filen i kolada/ i git, eller skriv jämförelsevärdet "
                      "i uppföljningen.", where)
        else:
            continue
        reported.add(id(item.series))
        yield hit


RULE = Rule(
    code="RT312",
    name="målvärde.jämförelse-saknas",
    summary="Ett relativt målvärde har ingen hämtad jämförelse från Kolada",
    severity=Severity.WARNING,
    check=check,
    description="""
Ett målvärde som "minst i nivå med genomsnittet vid senaste mätning i
likvärdiga kommuner" bedöms mot jämförelsens värde i Kolada. När måttet
anger ett Kolada-id (`kolada: U21468`) ska jämförelsen vara känd och dess
värden hämtade med `rt kolada hämta` (filerna i `kolada/`); annars kan målet
inte bedömas. Likvärdiga kommuner och andra egna grupper definieras under
`jämförelsegrupper` i kommun.yaml.

Fel:
```yaml
      - id: nojdhet-hemtjanst
        kolada: U21468
        målvärden:
          2024: minst i nivå med genomsnittet i likvärdiga kommuner
# … och kommun.yaml har inga jämförelsegrupper, eller kolada/U21468.yaml saknas.
```

Rätt:
```yaml
# kommun.yaml
jämförelsegrupper:
  likvärdiga kommuner: G37519
# och kolada/U21468.yaml hämtad med rt kolada hämta
```
""",
)
