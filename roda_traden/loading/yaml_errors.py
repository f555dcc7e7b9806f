"""Why a YAML file cannot be read, in Swedish with a hint.

The reason comes from yaml_reader, which reads it from where the parser
stopped and what was open there, never from a parser's English message.
"""

from __future__ import annotations

from .yaml_reader import MAX_DEPTH, MAX_FLOW_DEPTH, Refusal, Why

_GENERAL_HINT = "Kontrollera indrag, kolon och citattecken runt raden; jämför med docs/format.md."
_TAG_HINT = "Taggar (!!…) behövs inte i målfiler; ta bort taggen och skriv värdet som vanligt."

# Why → (what is wrong, hint)
_EXPLAINED = {
    Why.COLON: ("Kolon på fel ställe.",
                "En text som innehåller \": \" måste stå inom citattecken, t.ex. text: \"Mål: öka\"."),
    Why.TAB: ("Tabbtecken används som indrag.", "Ersätt tabbar med mellanslag (två per nivå)."),
    Why.INDENTATION: ("Indraget stämmer inte.",
                      "Nycklar på samma nivå ska stå exakt under varandra; kontrollera mellanslagen."),
    Why.LIST_INDENTATION: ("Indraget stämmer inte i en lista.",
                           "Varje rad i en lista börjar med \"- \" på samma indrag; nycklar i ett listelement "
                           "står under första nyckeln."),
    Why.UNCLOSED_QUOTE: ("Ett citattecken avslutas inte.",
                         "Kontrollera att varje text som börjar med ' eller \" också slutar med samma tecken."),
    Why.UNCLOSED_BRACKET: ("En parentes [ eller { stängs inte.",
                           "Lägg till ] eller } eller skriv listan i blockform."),
    Why.UNKNOWN_ANCHOR: ("Hänvisning (*namn) till ett ankare som inte finns.",
                         "Definiera ankaret med &namn före hänvisningen, eller skriv ut värdet."),
    Why.RESERVED_CHARACTER: ("Otillåtet tecken i början av ett värde.",
                             "Värden som börjar med %, @, ` eller liknande måste stå inom citattecken."),
    Why.TOO_DEEP: (f"Nästlad i mer än {MAX_DEPTH} nivåer (eller parenteser [ och {{ i mer än {MAX_FLOW_DEPTH}).",
                   "En målfil behöver bara några nivåer; kontrollera parenteser och indrag."),
}


def explain(refusal: Refusal) -> tuple[str, str]:
    """Swedish message and hint for a file the YAML reader refused."""
    if refusal.why is Why.UNKNOWN_TAG:
        return f"Filen kan inte läsas som YAML: okänd tagg {refusal.detail}.", _TAG_HINT
    if refusal.why is Why.TAG_VALUE:
        tag, _, value = refusal.detail.partition("|")
        return f"Filen kan inte läsas som YAML: värdet \"{value}\" passar inte taggen {tag}.", _TAG_HINT
    if refusal.why in _EXPLAINED:
        swedish, hint = _EXPLAINED[refusal.why]
        return f"Filen kan inte läsas som YAML: {swedish}", hint
    return "Filen kan inte läsas som YAML (syntaxfel).", _GENERAL_HINT
