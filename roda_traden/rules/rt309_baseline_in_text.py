"""RT309: a starting value the text names is the ingångsvärde."""

from __future__ import annotations

from ..domain.measures import baselines_for, compatible, starts_of
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        starts = [start for start in starts_of(series) if start.number is not None]
        if not starts:
            continue
        for quantity in baselines_for(goal, measure):
            # With one ingångsvärde per part the text may name any one of them.
            if compatible(quantity, measure, starts[0].baseline.value) and \
                    all(quantity.number != start.number for start in starts):
                unit = " %" if quantity.kind == "percent" else ""
                stated = " och ".join(start.baseline.value.raw if start.part is None else
                                      f"{start.baseline.value.raw} för {start.part}" for start in starts)
                yield Hit(series, f"Texten utgår från {format_number(quantity.number)}{unit}, men "
                          f"{'ingångsvärdet' if len(starts) == 1 else 'ingångsvärdena'} i "
                          f"{series_name(measure, series)} är {stated}.",
                          "Rätta texten eller ingångsvärdet så att de säger samma sak.", starts[0].keys[:1])


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
