"""Problems as SARIF 2.1.0, the format GitHub code scanning reads: every
rule of the registry with its Swedish documentation, then one result per
problem at its file, line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..engine.result import Result
from ..language.numbers import format_number
from ..problems import Code, Problem, Severity
from ..rules.registry import RULES
from ..text.printable import printable
from .summary import json_log_safe

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# GitHub code scanning refuses a whole upload with more results in a run.
RESULTS_LIMIT = 25_000
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}
# In a SARIF plain-text message "[text](target)" is a link; a bracket from
# the files is escaped, and so are the backslashes just before it.
_BRACKET = re.compile(r"(\\*)([\[\]])")


def render(result: Result, stream: TextIO) -> None:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    run = {
        "tool": {"driver": {"name": "rt", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(rule) for rule in RULES]}},
        # rt counts columns in characters, not in UTF-16 units as SARIF would assume.
        "columnKind": "unicodeCodePoints",
        "results": [_result(p, index.get(p.code)) for p in result.problems[:RESULTS_LIMIT]],
    }
    if len(result.problems) > RESULTS_LIMIT:
        left_out = len(result.problems) - RESULTS_LIMIT
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [{
            "level": "warning",
            "message": {"text": f"{format_number(left_out)} fynd till finns inte med: GitHub tar emot högst "
                                f"{format_number(RESULTS_LIMIT)} per körning. Alla finns med --format json."},
        }]}]
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    stream.write(json_log_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    stream.write("\n")


def _rule(rule: Code) -> dict:
    description = rule.description.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        # What and why, the first paragraph; the help has the examples too.
        "fullDescription": {"text": " ".join(description.split("\n\n", 1)[0].split())},
        "help": {"text": description, "markdown": description},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.group]},
    }


def _result(problem: Problem, rule_index: int | None) -> dict:
    text = _text(problem.message) + (f"\n{_text(problem.hint)}" if problem.hint else "")
    result = {"ruleId": problem.code, "level": _LEVEL[problem.severity], "message": {"text": text},
              "locations": [{"physicalLocation": {
                  "artifactLocation": {"uri": file_uri(problem.file)},
                  "region": {"startLine": max(problem.line, 1), "startColumn": max(problem.column, 1)},
              }}]}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    return result


def _text(text: str) -> str:
    return _BRACKET.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), printable(text))


def file_uri(file: str) -> str:
    """A problem's file as a URI: relative ones (to where rt ran, which in CI
    is the checkout) with forward slashes, every other character percent-encoded."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix().encode("utf-8", "surrogateescape"), safe="/")
