"""Turning a YAML parser's complaint into Swedish with a hint."""

from __future__ import annotations

import re

_POSITION = re.compile(r"line (\d+), column (\d+)")

# (fragment of the parser's English message, Swedish message, hint)
_KNOWN = [
    ("mapping values are not allowed", "Kolon på fel ställe.",
     "En text som innehåller \": \" måste stå inom citattecken, t.ex. text: \"Mål: öka\"."),
    ("tabs disallowed", "Tabbtecken används som indrag.", "Ersätt tabbar med mellanslag (två per nivå)."),
    ("did not find expected key", "Indraget stämmer inte.",
     "Nycklar på samma nivå ska stå exakt under varandra; kontrollera mellanslagen."),
    ("did not find expected '-' indicator", "Indraget stämmer inte i en lista.",
     "Varje rad i en lista börjar med \"- \" på samma indrag; nycklar i ett listelement står under första nyckeln."),
    ("invalid indentation in multiline quoted", "Ett citattecken avslutas inte.",
     "Kontrollera att varje text som börjar med ' eller \" också slutar med samma tecken."),
    ("unclosed bracket", "En parentes [ eller { stängs inte.", "Lägg till ] eller } eller skriv listan i blockform."),
    ("unknown anchor", "Hänvisning (*namn) till ett ankare som inte finns.",
     "Definiera ankaret med &namn före hänvisningen, eller skriv ut värdet."),
    ("unexpected character", "Otillåtet tecken i början av ett värde.",
     "Värden som börjar med %, @, ` eller liknande måste stå inom citattecken."),
]


_TAG = re.compile(r"Invalid tag: '([^']+)'")


def explain(message: str, text: str) -> tuple[int, int, str, str]:
    """Line, column, Swedish message and hint for a parser error message."""
    if tag := _TAG.search(message):
        offset = text.find(tag[1])
        line = text.count("\n", 0, offset) + 1 if offset >= 0 else 1
        column = offset - text.rfind("\n", 0, offset) if offset >= 0 else 1
        return line, column, f"Filen kan inte läsas som YAML: okänd tagg {tag[1]}.", (
            "Taggar (!!…) behövs inte i målfiler; ta bort taggen och skriv värdet som vanligt.")
    match = _POSITION.search(message)
    line, column = (int(match[1]), int(match[2])) if match else (1, 1)
    for fragment, swedish, hint in _KNOWN:
        if fragment in message:
            return line, column, f"Filen kan inte läsas som YAML: {swedish}", hint
    return line, column, "Filen kan inte läsas som YAML (syntaxfel).", (
        "Kontrollera indrag, kolon och citattecken runt raden; jämför med docs/format.md."
    )
