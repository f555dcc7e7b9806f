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


def test_a_nul_byte_is_reported_where_it_stands_and_nothing_after_it_passes_unchecked(tmp_path):
    tree = make_tree(tmp_path / "t", {PLAN: b"organisation: VON\n# kommentar \x00\nnamndmal: [x\n"})
    done = rt("validate", str(tree), "--no-cache", "-f", "json")
    assert done.returncode == 2 and '"code": "RT001"' in done.stdout and '"line": 2' in done.stdout
    assert "NUL-tecken" in done.stdout


def test_status_and_a_strict_report_name_a_plan_that_cannot_be_read(tmp_path):
    tree = make_tree(tmp_path / "t", _plan_with("kf-mål: nojda-brukare", "kf-mal: nojda-brukare"))
    status = rt("status", str(tree), "--period", "bokslut")
    said = " ".join(status.stdout.split())
    assert "kunde inte läsas" in said and "verksamhetsplan-2024" in said.replace(" ", "")
    strict = rt("report", "uppföljning", str(tree), "--period", "bokslut", "--strict")
    assert strict.returncode == 1 and "saknas i underlaget" in strict.stderr


def test_a_report_is_written_through_a_link_and_into_a_device(tmp_path):
    from tests.conftest import EXAMPLE

    real, link = tmp_path / "real.md", tmp_path / "link.md"
    real.write_text("x", encoding="utf-8")
    link.symlink_to(real)
    assert rt("report", "verksamhetsplan", str(EXAMPLE), "--org", "VON", "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# Vård- och omsorgsnämnden")
    assert rt("report", "verksamhetsplan", str(EXAMPLE), "--org", "VON", "-o", "/dev/null").returncode == 0
    import stat
    assert stat.S_ISCHR(__import__("os").stat("/dev/null").st_mode)
