"""RT309: a starting value the text names is the ingångsvärde."""

from __future__ import annotations

from ..domain.measures import baseline_number, baselines_for, compatible
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        start = baseline_number(series)
        if start is None:
            continue
        for quantity in baselines_for(goal, measure):
            if compatible(quantity, measure, series.baseline.value) and quantity.number != start:
                unit = " %" if quantity.kind == "percent" else ""
                yield Hit(series, f"Texten utgår från {format_number(quantity.number)}{unit}, men ingångsvärdet i "
                          f"{series_name(measure, series)} är {series.baseline.value.raw}.",
                          "Rätta texten eller ingångsvärdet så att de säger samma sak.", ("ingångsvärde",))


RULE = Rule(
    code="RT309",
    name="målvärde.ingångsvärde-i-texten",
    summary="Texten anger ett annat utgångsläge än ingångsvärdet",
    severity=Severity.WARNING,
    check=check,
    description="""
"Öka från 45 till 55": talet efter "från" är utgångsläget och ska vara
måttets ingångsvärde. Skiljer de sig åt har texten eller ingångsvärdet inte
följt med när det andra ändrades.

Fel:
```yaml
    text: Andelen ska öka från 45 % till 55 %
    …
        ingångsvärde: {värde: 48 %, år: 2023}
```
""",
)
