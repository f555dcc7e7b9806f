"""RT102: every nämndmål is linked upward, and consistently."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, goal in tree.goals():
        if not goal.council_goal and not goal.municipal_goal:
            yield Hit(goal, f"Nämndmålet \"{goal.id}\" är inte kopplat till något KF-mål eller kommunmål.",
                      "Ange \"kf-mål: <id>\", eller \"kommunmål: <id>\" för ett kompletterande nämndmål.")
            continue
        if goal.council_goal and goal.municipal_goal and goal.council_goal in tree.council_goals:
            parent, _kf = tree.council_goals[goal.council_goal]
            if parent.id != goal.municipal_goal:
                yield Hit(goal, f"KF-målet \"{goal.council_goal}\" hör till kommunmålet \"{parent.id}\", "
                          f"men nämndmålet \"{goal.id}\" anger kommunmålet \"{goal.municipal_goal}\".",
                          "Ta bort \"kommunmål:\" (det följer av KF-målet) eller rätta kopplingen.", ("kommunmål",))


RULE = Rule(
    code="RT102",
    name="länk.saknas",
    summary="Nämndmål utan koppling till KF-mål, eller med motstridig koppling",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett nämndmål ska bidra till ett KF-mål (`kf-mål:`) eller, som kompletterande
nämndmål, direkt till ett kommunmål (`kommunmål:`). Anges båda måste KF-målet
höra till just det kommunmålet.

Fel:
```yaml
  - id: egen-ide
    text: Öka antalet besök i simhallen
```
Rätt:
```yaml
  - id: egen-ide
    text: Öka antalet besök i simhallen
    kommunmål: god-folkhalsa
```
""",
)
