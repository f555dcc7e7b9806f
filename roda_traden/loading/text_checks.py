"""Checks on a file's raw text, before YAML parsing: things that are
invisible in an editor but break diffs, id matching or the parser."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from . import codes

Report = Callable[..., None]  # SourceFile.report


def check_text(text: str, report: Report) -> None:
    if text.startswith("\ufeff"):
        report(codes.BOM, "Filen börjar med ett BOM-tecken (byte order mark).",
                      "Spara filen som UTF-8 utan BOM; i VS Code: \"Save with Encoding\" → \"UTF-8\".", line=1, column=1)
        text = text[1:]  # columns below count what an editor shows
    if "\r" in text:
        windows = text.count("\r\n")
        count = windows or text.count("\r")
        line = text[: text.index("\r")].replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        rows = "1 rad" if count == 1 else f"{count} rader"
        kind = "Windows-radslut (CRLF)" if windows else "gamla Mac-radslut (bara CR)"
        report(codes.LINE_ENDINGS, f"Filen har {kind} på {rows}.",
                      "Spara med LF-radslut, eller lägg \"*.yaml text eol=lf\" i .gitattributes.", line=line, column=1)
    if "\x00" in text:
        # A YAML reader stops at a NUL: everything after it would go unchecked.
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        report(codes.SYNTAX, "Filen innehåller ett NUL-tecken (\\x00); resten av filen kan inte läsas.",
               "Ta bort tecknet; det kommer ofta från en fil som sparats i fel format.", line=line,
               column=at - (text.rfind("\n", 0, at) + 1) + 1)
    normalized = unicodedata.is_normalized("NFC", text)
    if "\t" not in text and normalized:
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            column = line.index("\t") + 1
            where = "som indrag" if not line[: column - 1].strip() else "i texten"
            report(codes.TAB, f"Tabbtecken {where}.",
                          "YAML tillåter inte tabb som indrag och en tabb syns inte vid granskning; använd mellanslag.",
                          line=number, column=column)
    if not normalized:
        _nfc_issues(lines, report)


def first_indenting_tab(text: str) -> tuple[int, int] | None:
    """(line, column) of the first tab used as indentation, if any."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


def _nfc_issues(lines: list[str], report: Report) -> None:
    # One finding per file: a text pasted from a PDF has such letters on
    # every line, and forty findings would bury everything else.
    rows = [number for number, line in enumerate(lines, start=1) if not unicodedata.is_normalized("NFC", line)]
    line = lines[rows[0] - 1]
    # A combining accent, or a compatibility character such as U+212B
    # ANGSTROM SIGN, which NFC turns into "Å".
    column = next((i for i, ch in enumerate(line)
                   if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch)), 0) or 1
    shown = unicodedata.normalize("NFC", line[column - 1: column + 1])
    where = "på 1 rad" if len(rows) == 1 else f"på {len(rows)} rader, första gången här"
    report(codes.NOT_NFC, f"Bokstäver som \"{shown}\" är skrivna som bokstav plus separat accent (inte NFC), {where}.",
           "Skriv om bokstäverna (å, ä, ö …) från tangentbordet, annars matchar inte id:n och sökningar; "
           "i VS Code hittar sökning med reguljärt uttryck [\\u0300-\\u036f] de separata accenterna. "
           "Texten kommer oftast från en PDF. rt läser filen som om den vore rättad.",
           line=rows[0], column=column)
