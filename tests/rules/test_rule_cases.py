"""Every rule against its own cases in tests/rules/cases/RTnnn.yaml, and
plans in the wording kommuner use against all rules in tests/rules/plans.yaml.

A case is the base tree (tests/rules/base, on which every rule passes) with
some files replaced or added (and, for links, `outside:` files beside the
tree and `links:` in it; for the rules that compare with an earlier
commit, `before:` files that commit had over the base), and the exact
places the rule must report: "file:line:column". Adding a case is adding
YAML, no Python.

plans.yaml holds whole plan snippets: `correct:` ones must give no error and
no finding of the codes listed under `watched:`; `flawed:` ones must give
exactly the findings under `expect:` ("RT303@file:line:column") among those.
A snippet with `known: "reason"` documents behaviour the code does not have
yet and runs as a strict xfail, so it turns red the day it starts passing.
"""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from roda_traden.domain.context import RunContext
from roda_traden.engine.run import validate_path
from roda_traden.problems import Severity
from roda_traden.rules.registry import RULES
from tests.conftest import make_tree
from tests.gitrepo import commit_all

CASES_DIR = Path(__file__).parent / "cases"
PLANS = Path(__file__).parent / "plans.yaml"


def _load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _cases():
    for path in sorted(CASES_DIR.glob("RT*.yaml")):
        spec = _load(path)
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


def _validate(case: dict, in_dir: Path):
    """The base tree with the case's files written over it, validated as rt validate would."""
    encoding = case.get("encoding", "utf-8")
    files = {name: text.encode(encoding) for name, text in case.get("files", {}).items()}
    for name in case.get("delete", []):
        files[name] = None
    compare = None
    if "before" in case:
        # The rules on binding decisions (RT901–RT903) compare with the tree as
        # an earlier commit held it: the base with the case's "before:" files.
        earlier = make_tree(in_dir / "before", {name: text.encode() for name, text in case["before"].items()})
        compare = commit_all(earlier)
        tree = make_tree(in_dir / "tree", files, base=earlier)
    else:
        tree = make_tree(in_dir / "tree", files)
    # "outside:" files are written next to the tree; "links:" are symbolic links in it.
    for name, text in case.get("outside", {}).items():
        (in_dir / name).write_text(text, encoding="utf-8")
    for name, target in case.get("links", {}).items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).symlink_to(target)
    # Rules about a report run when a case names one, as with rt validate --period.
    # "today: 2024-03-15" is read by YAML as a date; str() gives it back as written.
    context = RunContext(case.get("period"), case.get("year"),
                         datetime.date.fromisoformat(str(case.get("today", "2030-01-01"))))
    return validate_path(tree, context=context, compare=compare)


def _place(problem) -> str:
    return f"{Path(problem.file).relative_to('tree').as_posix()}:{problem.line}:{problem.column}"


def _said_fully(result) -> None:
    for problem in result.problems:
        assert "internt fel" not in problem.message, problem.message  # no rule crashed on the case
        assert problem.message.endswith((".", "?")) and problem.hint, problem  # said fully, with what to do


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_case(code, case, in_dir):
    result = _validate(case, in_dir)
    found = [_place(p) for p in result.problems if p.code == code]
    assert found == case["expect"], [(p.code, p.line, p.message) for p in result.problems]
    _said_fully(result)


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


def _plans():
    spec = _load(PLANS)
    watched = frozenset(spec["watched"])
    for section in ("correct", "flawed"):
        for plan in spec[section]:
            marks = [pytest.mark.xfail(reason=plan["known"], strict=True)] if plan.get("known") else []
            yield pytest.param(section, plan, watched, id=f"{section}: {plan['name']}", marks=marks)


@pytest.mark.parametrize(("section", "plan", "watched"), list(_plans()))
def test_plan(section, plan, watched, in_dir):
    expected = plan.get("expect", [])
    assert bool(expected) == (section == "flawed"), "a correct plan expects nothing, a flawed one something"
    result = _validate(plan, in_dir)
    seen = Counter(f"{p.code}@{_place(p)}" for p in result.problems
                   if p.code in watched or p.severity is Severity.ERROR)
    unexpected, missing = seen - Counter(expected), Counter(expected) - seen
    if unexpected or missing:
        said = {f"{p.code}@{_place(p)}": f"({p.severity.value}) {p.message}" for p in result.problems}
        lines = [*(f"unexpected: {key} {said[key]}" for key in sorted(unexpected.elements())),
                 *(f"missing:    {key}" for key in sorted(missing.elements()))]
        pytest.fail("\n".join(lines), pytrace=False)
    _said_fully(result)


def test_plans_are_enough():
    """Issue 8: at least 40 correct and 20 flawed plans, each with its own name."""
    spec = _load(PLANS)
    names = [plan["name"] for section in ("correct", "flawed") for plan in spec[section]]
    assert len(spec["correct"]) >= 40 and len(spec["flawed"]) >= 20
    assert len(names) == len(set(names))
