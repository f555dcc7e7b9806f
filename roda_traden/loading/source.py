"""One YAML file of a goal tree: read, checked as text, parsed."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..problems import Code, Problem
from ..text import pitfalls
from ..text.files import UNREADABLE, NotReadable, content_digest, read_limited
from ..text.source import Source
from . import codes, yaml_errors, yaml_reader
from .text_checks import check_text, first_indenting_tab

# A goal tree file is a few hundred kB at most; anything far larger is a
# mistake or an attack, and is refused before it is read.
MAX_BYTES = 10 * 1024 * 1024


class SourceFile(Source):
    """A file as read, and the problems found in it. ``readable`` is False
    until read() succeeds; ``failed`` is True only when reading was tried
    and did not succeed."""

    def __init__(self, path: Path, display: str) -> None:
        super().__init__(path, display)
        self.data: Any = None
        self.readable = False
        self.failed = False
        self.problems: list[Problem] = []
        self.digest = UNREADABLE

    def report(self, code: Code, message: str, hint: str, path: tuple = (),
               line: int | None = None, column: int | None = None) -> None:
        """A problem at ``path`` in the file's YAML, or at line and column."""
        if line is None:
            line, column = self.locate(path)
        self.problems.append(Problem(self.display, line, column or 1, code.code, code.severity, message, hint))

    def read(self) -> SourceFile:
        text = self._decode()
        if text is None:
            self.failed = True
            return self
        check_text(text, self.report)
        # The parser breaks lines at CR too; positions must count the same lines.
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        text = unicodedata.normalize("NFC", text)
        self.text = text
        if "\x00" in text:  # reported by check_text; a reader would stop there and hide the rest
            self.failed = True
            return self
        self.data = self._parse(text)
        self.failed = not self.readable
        return self

    def _as_meant(self, text: str, reading: yaml_reader.Reading,
                  misreads: list[pitfalls.Misread]) -> yaml_reader.Reading:
        """The reading of ``text`` with its misread values quoted: each is
        reported, and the rules then check what the writer meant, as the
        file will be once fixed, instead of repeating the same mistake."""
        for misread in misreads:
            self.report(codes.STRUCTURE, *yaml_errors.explain_misread(misread),
                        line=misread.line, column=misread.column)
        meant = yaml_reader.read(pitfalls.quoted(text, misreads))
        if not meant.readable:
            return reading
        duplicates = [replace(d, column=pitfalls.column_before_quoting(misreads, d.line, d.column))
                      for d in meant.duplicates]
        return yaml_reader.Reading(meant.data, duplicates)

    def _decode(self) -> str | None:
        try:
            raw = read_limited(self.path, MAX_BYTES)
            # What was validated, so a cached result is keyed on these bytes.
            self.digest = content_digest(raw)
        except NotReadable as refusal:
            too_big = "större än" in str(refusal)
            self.report(codes.TOO_LARGE if too_big else codes.SYNTAX, f"Filen kan inte läsas: {refusal}.",
                         "En målfil är normalt under 1 MB; kontrollera att det är rätt fil." if too_big
                         else "Kontrollera att filen finns, är en vanlig fil och går att läsa.", line=1, column=1)
            return None
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            self.report(codes.ENCODING, "Filen är sparad som UTF-16, inte UTF-8.", "Spara filen som UTF-8.", line=1, column=1)
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            before = raw[: error.start]
            line = before.count(b"\n") + 1
            column = error.start - (before.rfind(b"\n") + 1) + 1
            self.report(codes.ENCODING, "Filen är inte UTF-8-kodad (troligen Windows-1252 eller Latin-1).",
                         "Spara filen som UTF-8; i VS Code: \"Reopen with Encoding\" och sedan \"Save with Encoding\".",
                         line=line, column=column)
            return None

    def _parse(self, text: str) -> Any:
        reading = yaml_reader.read(text)
        misreads = pitfalls.find(text) if reading.readable else []
        if misreads:
            reading = self._as_meant(text, reading, misreads)
        for duplicate in reading.duplicates:
            self.report(codes.DUPLICATE_KEY,
                        f"Nyckeln \"{duplicate.key}\" finns redan på rad {duplicate.first_line} i samma mappning.",
                        "Ta bort eller slå ihop dubbletten; rt använder bara den första.",
                        line=duplicate.line, column=duplicate.column)
        refusal = reading.refusal
        if refusal is None:
            self.readable = True
            return reading.data
        if refusal.why is yaml_reader.Why.ALIAS_BOMB:
            self.report(codes.TOO_LARGE, "Filen expanderar till för många värden via alias (*namn).",
                        "Skriv ut värdena i stället för att upprepa alias; rt läser inte \"alias-bomber\".",
                        line=refusal.line, column=refusal.column)
            return None
        tab = first_indenting_tab(text)
        if tab is None:
            swedish, hint = yaml_errors.explain(refusal)
            self.report(codes.SYNTAX, swedish, hint, line=refusal.line, column=refusal.column)
        else:
            # The parser stumbles near an indenting tab, often a line
            # early; the tab is the cause, so say it there, once.
            self.problems = [p for p in self.problems if (p.code, p.line) != (codes.TAB.code, tab[0])]
            self.report(codes.TAB, "Tabbtecken som indrag: filen kan inte läsas.",
                        "YAML tillåter inte tabb som indrag; använd mellanslag.", line=tab[0], column=tab[1])
        return None
