"""RT704: ansvarig names a function, not a person."""

from __future__ import annotations

import re

from ..language.words import FIRST_NAMES
from ..problems import Severity
from .base import Hit, Rule

# A first name followed by a surname ("Anna Svensson", "Enhetschef Anna-Karin
# Öberg"). Names are matched against common Swedish first names, so that unit
# names like "Hemtjänst Norr" or "Område Öst" are not taken for people.
_WORD = re.compile(r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?")


def _person(text: str) -> str | None:
    """The name in ``text`` when it names a person, else None."""
    words = [(m.group(), m.end()) for m in _WORD.finditer(text)]
    for (word, end), (following, _end) in zip(words, words[1:]):
        if word.split("-")[0].lower() in FIRST_NAMES and text[end:end + 1] == " ":
            return f"{word} {following}"
    return None


def check(tree, options):
    for action_plan in tree.action_plans:
        for activity in action_plan.activities:
            name = _person(activity.responsible)
            if name:
                yield Hit(activity, f"Ansvarig för aktiviteten \"{activity.id}\" anges med en persons namn: \"{name}\".",
                          "Ange en funktion (t.ex. \"Enhetschef hemtjänst\"), så gäller planen även när personer byts.",
                          ("ansvarig",))


RULE = Rule(
    code="RT704",
    name="handlingsplan.ansvarig-funktion",
    summary="Ansvarig anges som en person i stället för en funktion",
    severity=Severity.WARNING,
    check=check,
    description="""
Tjänstepersonerna avgör hur och vem, men handlingsplanen anger ansvar som
funktion ("vem/funktion"): en plan som pekar ut personer blir inaktuell när
någon slutar, och personnamn hör inte hemma i ett dokument som publiceras.
Ett förnamn (bland de vanligaste svenska) följt av ett efternamn räknas som
en person, även efter en titel ("Enhetschef Anna Svensson").

Fel: `ansvarig: Anna Svensson`

Rätt: `ansvarig: Enhetschef hemtjänst`
""",
)
