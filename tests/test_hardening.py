"""Input that once crashed rt or hid a problem: each gives a clear finding
with file:line, never an internal error."""

from __future__ import annotations

import pytest

from tests.conftest import make_tree
from tests.test_cli import rt

PLAN = "namnder/von/verksamhetsplan-2024.yaml"


def _plan_with(replace: str, by: str) -> dict:
    from tests.conftest import BASE_TREE

    text = (BASE_TREE / PLAN).read_text(encoding="utf-8")
    assert replace in text
    return {PLAN: text.replace(replace, by)}


@pytest.mark.parametrize(("replace", "by", "code"), [
    ("text: Andelen brukare", "text: \u212bndelen brukare", "RT005"),  # Å as ANGSTROM SIGN
    ("text: Andelen brukare", "text: Andelen \u2126 brukare \uf900", "RT005"),  # OHM SIGN, CJK compatibility
    ("2024: 74,", "2024: " + "9" * 320 + ",", "RT301"),
    ("2024: 74,", "2024: " + "9" * 5000 + ",", "RT301"),
    ("2024: 74,", "2024: .inf,", "RT007"),
    ("2024: 74,", "2024: .nan,", "RT007"),
    ("2024: 74,", "2024: '1" + "0" * 400 + "',", "RT301"),
    ("år: 2024", "år: " + "9" * 5000, "RT007"),
    ("text: Andelen brukare som är nöjda med hemtjänsten ska öka", "text: " + "9" * 5000, "RT007"),
])
def test_odd_values_are_findings_not_crashes(tmp_path, replace, by, code):
    tree = make_tree(tmp_path / "t", _plan_with(replace, by))
    for command in (["validate", str(tree), "--no-cache", "-f", "json"],
                    ["status", str(tree), "--period", "bokslut"],
                    ["report", "verksamhetsplan", str(tree), "--org", "VON"]):
        done = rt(*command)
        assert done.returncode in (0, 1, 2), (command, done.stderr)
        assert "Traceback" not in done.stderr and "Internt fel" not in done.stderr, done.stderr
    assert f'"code": "{code}"' in rt("validate", str(tree), "--no-cache", "-f", "json").stdout


def test_a_duplicate_key_next_to_control_characters_and_an_empty_key(tmp_path):
    tree = make_tree(tmp_path / "t", _plan_with("år: 2024", 'år: 2024\n"": 1\n"\\x01": 2\n"\\x01": 3\n""  : 4'))
    done = rt("validate", str(tree), "--no-cache", "-f", "json")
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr and "Internt fel" not in done.stderr
    assert '"code": "RT006"' in done.stdout


def test_the_fallback_reader_reads_integers_of_any_length_as_yaml_rs_does():
    from roda_traden.loading import yaml_reader

    text = "a: " + "9" * 5000 + "\nb: -" + "1" * 4500 + "\n"
    data = yaml_reader.read_with_ruamel(text).data
    assert data == {"a": int("9" * 4000) * 10**1000 + int("9" * 1000), "b": -int("1" * 4000) * 10**500
                    - int("1" * 500)}
