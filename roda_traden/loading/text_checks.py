"""Checks on a file's raw text, before YAML parsing: things that are
invisible in an editor but break diffs, id matching or the parser."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

Issue = tuple[str, int, int, str, str]  # code, line, column, message, hint


def check_text(text: str) -> Iterator[Issue]:
    if text.startswith("\ufeff"):
        yield ("RT003", 1, 1, "Filen börjar med ett BOM-tecken (byte order mark).",
               "Spara filen som UTF-8 utan BOM; i VS Code: \"Save with Encoding\" → \"UTF-8\".")
        text = text[1:]  # columns below count what an editor shows
    if "\r" in text:
        windows = text.count("\r\n")
        count = windows or text.count("\r")
        line = text[: text.index("\r")].replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        rows = "1 rad" if count == 1 else f"{count} rader"
        kind = "Windows-radslut (CRLF)" if windows else "gamla Mac-radslut (bara CR)"
        yield ("RT004", line, 1, f"Filen har {kind} på {rows}.",
               "Spara med LF-radslut, eller lägg \"*.yaml text eol=lf\" i .gitattributes.")
    normalized = unicodedata.is_normalized("NFC", text)
    if "\t" not in text and normalized:
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            column = line.index("\t") + 1
            where = "som indrag" if not line[: column - 1].strip() else "i texten"
            yield ("RT002", number, column, f"Tabbtecken {where}.",
                   "YAML tillåter inte tabb som indrag och en tabb syns inte vid granskning; använd mellanslag.")
    if not normalized:
        yield from _nfc_issues(lines)


def first_indenting_tab(text: str) -> tuple[int, int] | None:
    """(line, column) of the first tab used as indentation, if any."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


def _nfc_issues(lines: list[str]) -> Iterator[Issue]:
    for number, line in enumerate(lines, start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        column = next(i for i, ch in enumerate(line) if unicodedata.combining(ch)) or 1
        shown = unicodedata.normalize("NFC", line[column - 1: column + 1])
        yield ("RT005", number, column, f"Tecknet \"{shown}\" är skrivet som bokstav plus separat accent (inte NFC).",
               "Skriv om tecknet (t.ex. å, ä, ö) direkt från tangentbordet, "
               "annars matchar inte id:n och sökningar. rt läser filen som om det vore rättat.")
