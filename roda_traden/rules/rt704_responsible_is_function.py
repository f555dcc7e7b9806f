"""RT704: ansvarig names a function, not a person."""

from __future__ import annotations

import re

from ..problems import Severity
from .base import Hit, Rule

# "Anna Svensson": two or three capitalised words and nothing that names a role.
_PERSON = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?(?: [A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?){1,2}$")
_ROLE_WORDS = ("chef", "ansvarig", "samordnare", "strateg", "handläggare", "utvecklare", "förvaltning", "enhet",
               "ledare", "controller", "sekreterare", "direktör", "skötare", "sjuksköterska", "team", "grupp",
               "avdelning", "nämnd", "styrelse", "råd", "ombud", "administratör", "ekonom", "planerare")


def check(tree, options):
    for action_plan in tree.action_plans:
        for activity in action_plan.activities:
            text = activity.responsible.strip()
            if _PERSON.match(text) and not any(word in text.lower() for word in _ROLE_WORDS):
                yield Hit(activity, f"Ansvarig för aktiviteten \"{activity.id}\" ser ut att vara en person: \"{text}\".",
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

Fel: `ansvarig: Anna Svensson`

Rätt: `ansvarig: Enhetschef hemtjänst`
""",
)
