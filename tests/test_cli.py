"""The rt command as users and CI run it: exit codes, formats, Swedish text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from roda_traden.cli.app import run
from tests.conftest import EXAMPLE, REPO, make_tree

GOLDEN = REPO / "tests" / "golden" / "oxelosund-validate.json"


def rt(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "roda_traden", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=env)


def test_example_findings_match_golden_file():
    """The seed's real inconsistencies, exactly; regenerate the golden file
    with `rt validate examples/oxelosund-2023 --format json` after a rule change."""
    done = rt("validate", "examples/oxelosund-2023", "--format", "json")
    assert done.returncode == 1
    assert done.stderr == ""
    assert json.loads(done.stdout) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_example_shows_the_seed_inconsistencies():
    problems = json.loads(GOLDEN.read_text(encoding="utf-8"))["problems"]
    plan = "examples/oxelosund-2023/namnder/von/verksamhetsplan-2023.yaml"
    by_code = {}
    for p in problems:
        by_code.setdefault(p["code"], []).append(p)
    assert {p["line"] for p in by_code["RT205"]} == {45, 60, 79}  # 69 %, 71 %, 20 printed without year
    assert [p["message"] for p in by_code["RT208"]] == ["Nämndmålet \"nojdhet-hemtjanst\" säger inte vad som ska uppnås."]
    assert len(by_code["RT209"]) == 3  # "Egen mätning" is a datakälla, not a mått
    assert all(p["file"] == plan for p in by_code["RT103"])
    assert len(by_code["RT103"]) == 16  # KF-mål for all nämnder that VON's ÅF table does not cover
    assert len(by_code["RT106"]) == 5  # only VON's plan is in the seed
    assert by_code["RT207"][0]["file"] == plan  # no decision date for the plan in the seed


def test_terminal_output_groups_by_file_and_spells_out_severity():
    done = rt("validate", "examples/oxelosund-2023")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "examples/oxelosund-2023/kommun.yaml"
    assert any(line.startswith("  27:9    fel      RT202  Måttet") for line in lines)
    assert lines[-1] == "23 fel och 10 varningar i 2 av 5 filer."


def test_github_format_annotates_lines():
    done = rt("validate", "examples/oxelosund-2023", "--format", "github")
    first = done.stdout.splitlines()[0]
    assert first.startswith("::warning file=examples/oxelosund-2023/kommun.yaml,line=")
    assert ",title=RT106::" in first
    assert "%0A" in first  # message and hint on separate lines


def test_clean_tree_exits_0_and_strict_fails_on_warnings(tmp_path, in_dir):
    assert run(["validate", str(REPO / "goals")]) == 0
    plan = (REPO / "tests/rules/base/namnder/von/verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
    tree = make_tree(in_dir / "t", {"namnder/von/verksamhetsplan-2024.yaml":
                                   plan.replace("{värde: 71, år: 2023}", "71")})
    assert run(["validate", str(tree)]) == 0
    assert run(["validate", str(tree), "--strict"]) == 1


def test_validating_one_file_reports_only_that_file():
    done = rt("validate", "examples/oxelosund-2023/namnder/von/verksamhetsplan-2023.yaml", "-f", "json")
    files = {p["file"] for p in json.loads(done.stdout)["problems"]}
    assert files == {"examples/oxelosund-2023/namnder/von/verksamhetsplan-2023.yaml"}


def test_directory_of_many_kommuner(tmp_path):
    for name in ("a", "b"):
        make_tree(tmp_path / "kommuner" / name, {})
    done = rt("validate", str(tmp_path / "kommuner"), "-f", "json")
    assert json.loads(done.stdout)["summary"] == {"errors": 0, "warnings": 0, "files": 6, "trees": 2, "unreadable": []}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "finns-inte"], "rt: Sökvägen \"finns-inte\" finns inte."),
        (["validate", "--format", "xml", "goals"], "rt: Okänt format \"xml\". Välj bland: terminal, json, github."),
        (["validate", "--formatt", "json"], "rt: Okänd flagga --formatt. Menade du --format?"),
        (["valdate"], "rt: Okänt kommando \"valdate\". Menade du \"validate\"?"),
        (["validate", "goals", "extra"], "rt: För många argument: extra."),
        (["validate", "README.md"], "rt: \"README.md\" är inte en YAML-fil; ange ett målträd eller en fil i det."),
        (["schema", "budget"], "rt: Okänd filtyp \"budget\". Välj bland: kommun, verksamhetsplan, handlingsplan, uppfoljning."),
        (["rules", "RT999"], "rt: Okänd regel \"RT999\". \"rt rules\" listar alla."),
        (["validate", "docs"], "rt: Hittar ingen kommun.yaml i eller under \"docs\"."),
    ],
)
def test_usage_errors_exit_2_in_swedish(args, message):
    done = rt(*args)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [message, "Kör \"rt --hjälp\" för hjälp."]
    assert "Traceback" not in done.stderr


def test_unreadable_input_exits_2(tmp_path):
    tree = make_tree(tmp_path / "t", {"kommun.yaml": "kommun: [\n"})
    done = rt("validate", str(tree))
    assert done.returncode == 2
    assert "RT001" in done.stdout


@pytest.mark.parametrize("command", [[], ["validate"], ["schema"], ["rules"]])
def test_help_is_swedish(command):
    done = rt(*command, "--hjälp")
    assert done.returncode == 0
    assert f"Användning: rt {' '.join(command)}".rstrip() in done.stdout
    for english in ("Usage", "Show this message", "Options", "Arguments", "Commands", "<str>", "<path>", "[default"):
        assert english not in done.stdout


def test_rules_listing_and_markdown():
    assert rt("rules").stdout.splitlines()[0].startswith("RT001  fel")
    assert rt("rules", "rt303").stdout.startswith("RT303 (målvärde.riktning, fel)")


def test_a_crashing_rule_is_reported_and_the_others_still_run(monkeypatch, in_dir):
    from roda_traden.rules import registry

    def broken(tree, options):
        raise ZeroDivisionError("division by zero")
        yield

    rules = tuple(replace(r, check=broken) if r.code == "RT202" else r for r in registry.RULES)
    monkeypatch.setattr("roda_traden.engine.run.RULES", rules)
    from roda_traden.engine.run import validate_path

    problems = validate_path(EXAMPLE).problems
    crash = [p for p in problems if p.code == "RT202"]
    assert [(Path(p.file).name, p.line, p.severity.value) for p in crash] == [("kommun.yaml", 1, "fel")]
    assert "internt fel i rt (ZeroDivisionError" in crash[0].message
    assert any(p.code == "RT209" for p in problems)


def test_unknown_file_is_a_warning_not_unreadable_input(tmp_path):
    tree = make_tree(tmp_path / "t", {"namnder/von/anteckningar.yaml": "fritt: text\n"})
    done = rt("validate", str(tree), "-f", "json")
    assert done.returncode == 0
    summary = json.loads(done.stdout)["summary"]
    assert (summary["warnings"], summary["unreadable"]) == (1, [])


def test_nested_tree_is_its_own_tree(tmp_path):
    outer = make_tree(tmp_path / "outer", {})
    make_tree(outer / "delkommun", {})
    summary = json.loads(rt("validate", str(outer), "-f", "json").stdout)["summary"]
    assert (summary["trees"], summary["files"], summary["errors"]) == (2, 6, 0)


def test_one_file_also_shows_files_that_could_not_be_read(tmp_path):
    tree = make_tree(tmp_path / "t", {"namnder/kbab/verksamhetsplan-2024.yaml": "nämndmål: [\n"})
    done = rt("validate", str(tree / "namnder/von/verksamhetsplan-2024.yaml"), "-f", "json")
    document = json.loads(done.stdout)
    assert done.returncode == 2
    assert [Path(p["file"]).parts[-2:] for p in document["problems"]] == [("kbab", "verksamhetsplan-2024.yaml")]
    assert len(document["summary"]["unreadable"]) == 1


def test_thousands_of_one_finding_are_summed_up_for_people_but_all_in_json(tmp_path):
    stray = {f"namnder/von/anteckning-{i}.yaml": "a: 1\n" for i in range(120)}
    tree = make_tree(tmp_path / "t", stray)
    terminal = rt("validate", str(tree), "--no-cache")
    assert terminal.stdout.count("RT009") == 51  # 50 shown and the line that counts the rest
    assert "… och 70 fynd till med RT009" in terminal.stdout
    assert "0 fel och 120 varningar" in terminal.stdout
    github = rt("validate", str(tree), "--no-cache", "-f", "github")
    assert github.stdout.count("::warning") == 50 and "70 fynd till med RT009" in github.stdout
    assert len(json.loads(rt("validate", str(tree), "--no-cache", "-f", "json").stdout)["problems"]) == 120


@pytest.mark.parametrize("year", ["9999", "-1", "0", "10000"])
@pytest.mark.parametrize("command", [["status"], ["report", "uppföljning"], ["validate"]])
def test_a_year_outside_1990_to_2100_is_a_usage_error(command, year):
    done = rt(*command, str(EXAMPLE), f"--år={year}", "--period", "delår")
    assert done.returncode == 2, done.stderr
    assert f"Ogiltigt år {year}" in done.stderr and "Traceback" not in done.stderr


def test_control_characters_from_the_files_never_reach_a_terminal(tmp_path):
    """ESC sequences (clear screen, window title, hyperlinks) and a line break
    in a key that would start a '::warning::' line are printed as escapes."""
    plan = (REPO / "tests/rules/base/namnder/von/verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
    plan = plan.replace("text: Andelen brukare som är nöjda med hemtjänsten ska öka",
                        'text: "Andelen \\e[2J\\e]0;titel\\a\\e]8;;http://x\\e\\\\länk\\e]8;;\\e\\\\ ska öka"')
    plan += '"x\\n::warning file=a,line=1::injicerad\\u2028": 1\n'
    tree = make_tree(tmp_path / "t", {"namnder/von/verksamhetsplan-2024.yaml": plan})
    outputs = [rt("validate", str(tree), "--no-cache"), rt("validate", str(tree), "--no-cache", "-f", "github"),
               rt("status", str(tree), "--period", "bokslut"), rt("report", "verksamhetsplan", str(tree), "--org", "VON"),
               rt("report", "verksamhetsplan", str(tree), "--org", "VON", "-f", "html")]
    for done in outputs:
        text = done.stdout.decode() if isinstance(done.stdout, bytes) else done.stdout
        assert "\x1b" not in text and "\x07" not in text and "\u2028" not in text, done.args
        own = [line for line in text.splitlines() if line.startswith("::")]
        assert all(line.startswith(("::error file=", "::warning file=")) for line in own), own
        assert not any("::warning file=a" in line.split("::", 2)[1] for line in own if line.count("::") >= 2)
    assert "injicerad" in outputs[0].stdout and "\\n::warning" in outputs[0].stdout
