"""RT307: målvärden move the way the nämndmål's text says."""

from __future__ import annotations

from ..domain.measures import GOAL_TEXT
from ..problems import Severity
from .base import Rule
from .rt303_target_direction import wrong_direction


def check(tree, options):
    return wrong_direction(tree, (GOAL_TEXT,))


RULE = Rule(
    code="RT307",
    name="målvärde.riktning-från-nämndmålet",
    summary="Målvärdena går åt annat håll än nämndmålets text säger",
    severity=Severity.WARNING,
    check=check,
    description="""
När måttet självt inte säger vart det ska (ingen `riktning:` och ingen
riktning i måttets text) läses riktningen ur den del av nämndmålets text som
handlar om måttet. Det är en varning, inte ett fel: måltexten kan tala om
något annat än det måttet räknar. Säger målet bara "förbättra" läses ingen
riktning alls, eftersom bättre kan vara lägre (väntetid, sjukfrånvaro,
kostnad).

Fel:
```yaml
    text: Andelen brukare som är nöjda med sitt SÄBO ska öka
    mått:
      - id: nojdhet-sabo
        ingångsvärde: {värde: 69 %, år: 2022}
        målvärden: {2023: 72 %, 2024: 68 %, 2025: 85 %}
```
Gör så här i stället: rätta målvärdet, eller skriv måttets riktning
(`riktning: minska`) om måttet ska gå åt andra hållet än texten antyder.
""",
)
