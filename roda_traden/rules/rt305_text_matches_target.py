"""RT305: numbers the goal text promises for a year equal the målvärde."""

from __future__ import annotations

from ..language import stated_targets
from ..numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .common import series_name


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        promised = stated_targets(goal.text) + stated_targets(measure.text or "")
        for year, number, _percent in promised:
            target = series.targets.get(year)
            if target is not None and target.kind == "number" and target.number != number:
                yield Hit(series, f"Texten säger {format_number(number)} för {year}, men målvärdet i "
                          f"{series_name(measure, series)} är {target.raw}.",
                          "Texten och målvärdet ska säga samma sak; rätta det som är fel.", ("målvärden", year))


RULE = Rule(
    code="RT305",
    name="målvärde.text",
    summary="Tal och år i måltexten stämmer inte med målvärdet",
    severity=Severity.ERROR,
    check=check,
    description="""
Står ett tal och ett år i nämndmålets eller måttets text ("öka till 65 % 2024",
"2023 vara max 99 %") ska målvärdet för det året vara detsamma. Annars beslutar
nämnden två olika mål.

Fel:
```yaml
    text: Andelen ska öka till 65 % 2024
    …
        målvärden: {2023: 60 %, 2024: 62 %, 2025: 66 %}
```
""",
)
