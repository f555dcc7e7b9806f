"""Problems as GitHub Actions workflow commands, shown on the PR diff.

The runner reads every line rt prints as a possible command, so a text from
the files must never end the command it is in or start one of its own:
control characters are printed as escapes, and what is left is escaped as
the runner unescapes it (``%``, CR, LF in the message; also ``:`` and ``,``
in properties, which separate them). The runner's older ``##[command]`` form
is looked for anywhere in a line, but only when the line is not already a
``::`` command, which every line with a text from the files is.
"""

from __future__ import annotations

from typing import TextIO

from ..engine.result import Result
from ..language.numbers import format_number
from ..problems import Problem, Severity
from ..text.printable import printable
from .summary import more_line, shown, summary_line

# GitHub makes annotations of the first ten errors and the first ten warnings
# of a step and cuts each message at 4,096 characters (actions/runner); the
# rest is only in the log, so the last line says where all of them are.
ANNOTATIONS_PER_LEVEL = 10
MESSAGE_LIMIT = 4096
HINT_LIMIT = 1000


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_of(problem: Problem) -> str:
    """The annotation's text: the message, and the hint on a line of its own,
    cut so that GitHub's own cut never drops the hint."""
    message = printable(problem.message)
    if not problem.hint:
        return _cut(message, MESSAGE_LIMIT)
    hint = _cut(printable(problem.hint), HINT_LIMIT)
    return f"{_cut(message, MESSAGE_LIMIT - len(hint) - 1)}\n{hint}"


def render(result: Result, stream: TextIO) -> None:
    annotated = {Severity.ERROR: 0, Severity.WARNING: 0}
    for p in shown(result.problems):
        if not isinstance(p, Problem):
            stream.write(_data(more_line(*p)) + "\n")
            continue
        annotated[p.severity] += 1
        level = "error" if p.severity is Severity.ERROR else "warning"
        stream.write(f"::{level} file={_property(printable(p.file))},line={p.line},col={p.column},"
                     f"title={_property(p.code)}::{_data(message_of(p))}\n")
    if max(annotated.values()) > ANNOTATIONS_PER_LEVEL:
        stream.write(f"::notice title=rt::{_data(_capped_note(len(result.problems)))}\n")
    stream.write(summary_line(result) + "\n")


def _capped_note(total: int) -> str:
    return (f"GitHub visar bara de {ANNOTATIONS_PER_LEVEL} första felen och de {ANNOTATIONS_PER_LEVEL} första "
            f"varningarna i ett steg som anteckningar. Alla {format_number(total)} fynd står i "
            "jobbsammanfattningen (skrivs automatiskt i GitHub Actions, annars med --sammanfattning FIL).")
