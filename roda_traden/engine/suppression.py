"""Silencing one finding in place: `# rt: ignore[RT203]` on its line (or alone
on the line before), `# rt: ignore-file[RT103]` for a whole file. An unknown
code or a comment that silences nothing is itself reported (RT010)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..loading.codes import IGNORE_COMMENT
from ..problems import Problem

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*rt:\s*(?P<kind>ignore-file|ignore)\s*(?:\[(?P<codes>[^\]]*)\])?")


@dataclass
class Directive:
    line: int
    column: int
    whole_file: bool
    # Each code with its own column, so a complaint points at that code.
    codes: dict[str, int]
    applies_to: int
    used: set[str] = field(default_factory=set)


def directives(text: str) -> list[Directive]:
    if "rt:" not in text:
        return []
    found = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if "rt:" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None or _inside_quotes(line[: match.start()]):
            continue
        codes = {}
        if match["codes"] is not None:
            for code in re.finditer(r"[^,\s]+", match["codes"]):
                codes[code.group()] = match.start("codes") + code.start() + 1
        standalone = line[: match.start()].strip() == ""
        target = _next_content_line(lines, number) if standalone else number
        found.append(Directive(number, match.start("kind") + 1, match["kind"] == "ignore-file", codes, target))
    return found


def _inside_quotes(before: str) -> bool:
    """Whether a "#" after ``before`` is inside a quoted text, not a comment."""
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _next_content_line(lines: list[str], number: int) -> int:
    for index in range(number, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1
    return number


def apply(problems: list[Problem], text: str, file: str, known: set[str], required: set[str]) -> list[Problem]:
    """The problems not silenced, plus RT010 for bad or unused directives.
    ``required`` codes (a file that cannot be read or understood) are never silenced."""
    found = directives(text)
    if not found:
        return problems
    kept = []
    for problem in problems:
        directive = next((d for d in found if problem.code in d.codes
                          and (d.whole_file or d.applies_to == problem.line)), None)
        if directive is None or problem.code == IGNORE_COMMENT.code or problem.code in required:
            kept.append(problem)
        else:
            directive.used.add(problem.code)
    for d in found:
        for column, message, hint in _complaints(d, known, required):
            kept.append(Problem(file, d.line, column, IGNORE_COMMENT.code, IGNORE_COMMENT.severity, message, hint))
    return kept


def _complaints(d: Directive, known: set[str], required: set[str]) -> list[tuple[int, str, str]]:
    """(column, message, hint) for what is wrong with one directive."""
    kind = "ignore-file" if d.whole_file else "ignore"
    if not d.codes:
        return [(d.column, f"\"rt: {kind}\" anger ingen regelkod.",
                 f"Skriv vilken kod som ska tystas, t.ex. \"# rt: {kind}[RT205]\".")]
    out = []
    for code, column in d.codes.items():
        if code not in known:
            out.append((column, f"Okänd regelkod \"{code}\" i ignore-kommentaren.", "Se docs/rules.md för koderna."))
        elif code in required:
            out.append((column, f"{code} kan inte tystas: filen går då inte att läsa eller förstå.",
                        "Rätta felet i stället och ta bort kommentaren."))
        elif code not in d.used:
            where = "i filen" if d.whole_file else f"på rad {d.applies_to}"
            out.append((column, f"Ignore-kommentaren för {code} tystar inget fynd {where}.",
                        "Ta bort kommentaren om problemet är åtgärdat."))
    return out
