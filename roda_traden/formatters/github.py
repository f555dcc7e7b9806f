"""Problems as GitHub Actions workflow commands, shown on the PR diff."""

from __future__ import annotations

from typing import TextIO

from ..engine.result import Result
from ..problems import Problem, Severity
from ..text.printable import printable
from .summary import more_line, shown, summary_line


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _one_line(text: str) -> str:
    """A text from the files, with no line break or control character of its own."""
    return printable(text)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: Result, stream: TextIO) -> None:
    for p in shown(result.problems):
        if not isinstance(p, Problem):
            stream.write(_data(more_line(*p)) + "\n")
            continue
        level = "error" if p.severity is Severity.ERROR else "warning"
        message = f"{_one_line(p.message)}\n{_one_line(p.hint)}" if p.hint else _one_line(p.message)
        stream.write(f"::{level} file={_property(_one_line(p.file))},line={p.line},col={p.column},"
                     f"title={_property(p.code)}::{_data(message)}\n")
    stream.write(summary_line(result) + "\n")
