"""Every rule against its own cases in tests/rules/cases/RTnnn.yaml.

A case is the base tree (tests/rules/base, on which every rule passes) with
some files replaced or added, and the exact places the rule must report:
"file:line:column". Adding a case is adding YAML, no Python.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml_rs

from roda_traden.domain.context import RunContext
from roda_traden.rules.registry import RULES
from roda_traden.engine.run import validate_path
from tests.conftest import make_tree

CASES_DIR = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("RT*.yaml")):
        spec = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_case(code, case, in_dir):
    encoding = case.get("encoding", "utf-8")
    files = {name: text.encode(encoding) for name, text in case.get("files", {}).items()}
    for name in case.get("delete", []):
        files[name] = None
    tree = make_tree(in_dir / "tree", files)
    # Rules about a report run when a case names one, as with rt validate --period.
    context = RunContext(case.get("period"), case.get("year"),
                         datetime.date.fromisoformat(case.get("today", "2030-01-01")))
    result = validate_path(tree, context=context)
    found = [f"{Path(p.file).relative_to('tree').as_posix()}:{p.line}:{p.column}"
             for p in result.problems if p.code == code]
    assert found == case["expect"], [(p.code, p.line, p.message) for p in result.problems]
    for problem in result.problems:
        assert "internt fel" not in problem.message, problem.message  # no rule crashed on the case
        assert problem.message.endswith((".", "?")) and problem.hint, problem  # said fully, with what to do


def test_every_rule_has_failing_and_passing_cases():
    covered: dict[str, set[bool]] = {}
    for param in _cases():
        code, case = param.values
        covered.setdefault(code, set()).add(bool(case["expect"]))
    missing = [rule.code for rule in RULES if covered.get(rule.code) != {True, False}]
    # RT008 (file too large) is tested in tests/test_loading.py: a case would be 10 MB.
    assert missing == ["RT008"]


def test_base_tree_is_clean():
    assert validate_path(Path(__file__).parent / "base").problems == []
