"""RT305: a level the text promises for a year is the målvärde for that year."""

from __future__ import annotations

from ..domain.measures import compatible, levels_for
from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name

_OP_WORDS = {"=": "", ">=": "minst ", "<=": "högst ", ">": "över ", "<": "under "}


def check(tree, options):
    for _plan, goal, measure, series in tree.series():
        for level in levels_for(goal, measure):
            for year in level.years:
                target = series.targets.get(year)
                if target is None or target.kind != "number" or not compatible(level.quantity, measure, target):
                    continue
                if not agrees(level.op, level.quantity.number, target.number):
                    yield Hit(series, f"Texten säger {stated(level)} för {year}, men målvärdet i "
                              f"{series_name(measure, series)} är {target.raw}.",
                              "Texten och målvärdet ska säga samma sak; rätta det som är fel.", ("målvärden", year))


def stated(level) -> str:
    unit = " %" if level.quantity.kind == "percent" else f" {level.quantity.unit}" if level.quantity.unit else ""
    return f"{_OP_WORDS[level.op]}{format_number(level.quantity.number)}{unit}"


def agrees(op: str, level: float, value: float) -> bool:
    """Whether a målvärde keeps a level the text states ("max 99 %" is kept by 98 %)."""
    return {"=": value == level, ">=": value >= level, "<=": value <= level,
            ">": value > level, "<": value < level}[op]


RULE = Rule(
    code="RT305",
    name="målvärde.text",
    summary="Tal och år i måltexten stämmer inte med målvärdet",
    severity=Severity.ERROR,
    check=check,
    description="""
Står en nivå och ett år i nämndmålets eller måttets text ("öka till 65 %
2024", "2023 vara max 99 %", "2024–2026 vara 0,0 %") ska målvärdet för det
året hålla den. Annars beslutar nämnden två olika mål. Bara tal av samma slag
jämförs (en procentsats med ett mått i procent), och bara med det mått texten
handlar om. Datum ("30/6", "den 30 juni"), perioder, tider som beskriver
måttet ("inom 7 dagar", "under 14 dagar") och förändringar ("minska med
20 %") är inga nivåer.

Fel:
```yaml
    text: Andelen ska öka till 65 % 2024
    …
        målvärden: {2023: 60 %, 2024: 62 %, 2025: 66 %}
```
""",
)
