"""Generated files in the repo are what the code generates now."""

from __future__ import annotations

import json

import pytest

from roda_traden.loading.schema import KINDS, json_schema
from roda_traden.rules import docs
from roda_traden.rules.registry import RULES
from tests.conftest import REPO


def test_rules_doc_is_generated_from_the_registry():
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == docs.render(), (
        "Kör: rt rules --markdown > docs/rules.md"
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schemas_are_current(kind):
    committed = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(kind), "Kör: rt schema --ut schemas"


def test_schema_rejects_unknown_keys_and_describes_keys_in_swedish():
    schema = json_schema("verksamhetsplan")
    goal = schema["$defs"]["BoardGoal"]
    assert goal["additionalProperties"] is False
    assert goal["properties"]["kf-mål"]["description"].startswith("KF-målen")
    assert "description" not in goal  # English docstrings stay in the code


def test_every_rule_is_documented_with_a_unique_code_and_name():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.code.startswith("RT") and len(rule.code) == 5
        assert rule.summary and len(rule.summary) < 90 and not rule.summary.endswith(".")
        assert len(rule.description.strip()) > 80, rule.code


def test_every_rule_group_has_a_heading():
    from roda_traden.rules.docs import GROUPS
    from roda_traden.rules.registry import RULES

    assert {rule.group for rule in RULES} <= set(GROUPS)
