"""RT208: a nämndmål says what is to be achieved (specifikt)."""

from __future__ import annotations

from ..domain.measures import kind_of
from ..language.goals import read_goal
from ..language.units import YES_NO
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, goal in tree.goals():
        # A goal measured ja/nej ("alla nybyggnationer ska uppfylla …") is specific by its target.
        yes_no = goal.measures and all(kind_of(m) == YES_NO for m in goal.measures)
        if not yes_no and not read_goal(goal.text).specific:
            yield Hit(goal, f"Nämndmålet \"{goal.id}\" säger inte vad som ska uppnås.",
                      "Skriv ut riktning eller nivå, t.ex. \"… ska öka\", \"… ska minska\" eller \"minst 90 %\".",
                      ("text",))


RULE = Rule(
    code="RT208",
    name="smart.specifikt",
    summary="Nämndmålet anger ingen riktning eller nivå",
    severity=Severity.WARNING,
    check=check,
    description="""
Ett specifikt mål säger vart det ska: öka, minska, bibehålla, förbättras,
eller en nivå ("minst 30 %", "i nivå med genomsnittet", "inga … ska"). Ett
mål med två delar ("Fler ska få stöd tidigt och handläggningstiden ska bli
kortare") är specifikt. Ett mål som bara namnger något
som mäts ("Andel brukare som är nöjda med hemtjänsten") kan inte bedömas.
Riktningen används också av RT303 och RT304.

Fel: `text: Andel brukare som är ganska eller mycket nöjda med sin hemtjänst`

Rätt: `text: Andel brukare som är ganska eller mycket nöjda med sin hemtjänst ska öka`
""",
)
