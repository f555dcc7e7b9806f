"""Why a YAML file cannot be read, or reads otherwise than meant, in
Swedish with a hint.

The reason comes from yaml_reader, which reads it from where the parser
stopped and what was open there, never from a parser's English message;
a value read otherwise than written comes from text/pitfalls.py.
"""

from __future__ import annotations

import re

from ..text.pitfalls import Kind, Misread, double_quoted
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
    Why.TOO_DEEP: (f"Nästlad i mer än {MAX_DEPTH} nivåer (eller parenteser [ och {{ i mer än {MAX_FLOW_DEPTH}).",
                   "En målfil behöver bara några nivåer; kontrollera parenteser och indrag."),
}


_OPENS = {"[": "[ och läses som en lista", "{": "{ och läses som en mappning",
          "\"": "ett citattecken och läses som en text inom citattecken",
          "'": "ett citattecken och läses som en text inom citattecken",
          "*": "* och läses som en hänvisning till ett ankare"}


def explain(refusal: Refusal) -> tuple[str, str]:
    """Swedish message and hint for a file the YAML reader refused."""
    value = refusal.detail
    if refusal.why is Why.BLOCK_INDICATOR:
        return (f"Filen kan inte läsas som YAML: värdet {value} börjar med {value[0]}, som i YAML inleder "
                f"en flerradig text.",
                f"Skriv värdet inom citattecken: {_quoted(value)}. (En flerradig text har {value[0]} eller "
                f"{value[0]}- ensamt efter kolonet och texten på raderna under.)")
    if refusal.why is Why.UNKNOWN_ANCHOR:
        return (f"Filen kan inte läsas som YAML: *{value} är en hänvisning till ankaret &{value}, som inte finns.",
                f"Menar du texten, skriv den inom citattecken: {_quoted('*' + value)}. En hänvisning kräver "
                f"ankaret &{value} tidigare i filen.")
    if refusal.why is Why.RESERVED_CHARACTER:
        return (f"Filen kan inte läsas som YAML: värdet {value} börjar med ett tecken som har en egen betydelse "
                "i YAML.", f"Skriv värdet inom citattecken: {_quoted(value)}.")
    if refusal.why is Why.TEXT_AFTER_VALUE:
        return (f"Filen kan inte läsas som YAML: värdet {value} börjar med {_OPENS[value[0]]}, "
                "och texten efter den kan inte läsas.",
                f"Skriv hela värdet inom citattecken: {_requoted(value)}.")
    if refusal.why is Why.UNKNOWN_TAG:
        return f"Filen kan inte läsas som YAML: okänd tagg {refusal.detail}.", _TAG_HINT
    if refusal.why is Why.TAG_VALUE:
        tag, _, value = refusal.detail.partition("|")
        return f"Filen kan inte läsas som YAML: värdet \"{value}\" passar inte taggen {tag}.", _TAG_HINT
    if refusal.why in _EXPLAINED:
        swedish, hint = _EXPLAINED[refusal.why]
        return f"Filen kan inte läsas som YAML: {swedish}", hint
    return "Filen kan inte läsas som YAML (syntaxfel).", _GENERAL_HINT


def _quoted(value: str) -> str:
    """``value`` in the quotes YAML reads it back from unchanged."""
    if value.startswith('"'):
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


def _requoted(value: str) -> str:
    """A value that ends in the quote it starts with, with a stray one inside
    ('it's'), in the other quotes; any other value quoted whole."""
    if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
        inner = value[1:-1]
        return double_quoted(inner) if value[0] == "'" else "'" + inner.replace("'", "''") + "'"
    return _quoted(value)


_COUNTS = {2: "två", 3: "tre", 4: "fyra"}
_PROPERTY_WORDS = {Kind.ANCHOR: "& inleder ett ankare (ett namn att hänvisa till med *)",
                   Kind.TAG: "! inleder en tagg (en typangivelse)"}
# "8,9" or "8,9 %": one decimal comma, which a decimal point can replace.
_THOUSANDS = re.compile(r"[-+]?\d{1,3},\d{3}")
_DECIMAL = re.compile(r"-?\d+,\d+(?:\s*[^\d\s,].*)?")


def explain_misread(misread: Misread) -> tuple[str, str]:
    """Swedish message and hint for a value YAML reads otherwise than written."""
    written = misread.written
    as_key = f"{misread.key}: " if misread.key is not None else ""
    meant = as_key + _quoted(written)
    if misread.kind is Kind.COMMA:
        parts = misread.read_as
        listed = ", ".join(parts[:-1]) + " och " + parts[-1]
        brackets = "{…}" if misread.flow == "{" else "[…]"
        message = (f"Inom {brackets} skiljer kommatecken värden åt, så {written} läses som "
                   f"{_COUNTS.get(len(parts), len(parts))} värden: {listed}.")
        point = f" eller {as_key}{written.replace(',', '.')} med decimalpunkt" if _DECIMAL.fullmatch(written) else ""
        if _THOUSANDS.fullmatch(written):
            # "348,937" in a budget in tkr is as likely 348 937 as 348,937.
            point += f"; menas {written.replace(',', ' ')}, skriv {as_key}{written.replace(',', ' ')}"
        return message, f"Skriv {meant} med citattecken{point}. rt läser värdet som \"{written}\" tills vidare."
    value = misread.read_as[0]
    became = "blir tomt" if not value else f"blir \"{value}\""
    return (f"Värdet {written} läses inte som det står: {_PROPERTY_WORDS[misread.kind]} i YAML, så värdet {became}.",
            f"Skriv {meant} med citattecken. rt läser värdet som \"{written}\" tills vidare.")
