"""The rt command as users and CI run it: exit codes, formats, Swedish text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from roda_traden.cli.app import run
from roda_traden.formatters import FORMATS
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
    # The seed's own: the 2024 plan that rt nytt-år wrote from it repeats them for 2024.
    problems = [p for p in json.loads(GOLDEN.read_text(encoding="utf-8"))["problems"]
                if not p["file"].endswith("-2024.yaml") and "för 2024" not in p["message"]]
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
    assert lines[-1] == "52 fel och 19 varningar i 3 av 8 filer."


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
        (["validate", "--format", "xml", "goals"], f"rt: Okänt format \"xml\". Välj bland: {', '.join(FORMATS)}."),
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


def test_a_misspelt_plan_fails_the_check_but_is_not_unreadable_input(tmp_path):
    """Issue 10: a plan skipped for its name must not leave CI green."""
    plan = (REPO / "tests/rules/base/namnder/von/verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
    make_tree(tmp_path / "t", {"namnder/von/verksamhetsplan-2024.yaml": None,
                               "namnder/von/verksamhetplan-2024.yaml": plan})
    done = rt("validate", "t", "-f", "json", cwd=tmp_path)
    assert done.returncode == 1
    document = json.loads(done.stdout)
    assert document["summary"]["unreadable"] == []
    found = {p["code"]: p for p in document["problems"]}
    assert (found["RT009"]["severity"], found["RT009"]["hint"]) == \
        ("error", "Menade du \"verksamhetsplan-2024.yaml\"? Byt namn på filen.")
    assert found["RT106"]["hint"] == ("t/namnder/von/verksamhetplan-2024.yaml ser ut att vara planen men heter "
                                      "fel; byt namn på den till verksamhetsplan-2024.yaml.")


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
    assert "120 fel och 0 varningar" in terminal.stdout
    github = rt("validate", str(tree), "--no-cache", "-f", "github")
    assert github.stdout.count("::error") == 50 and "70 fynd till med RT009" in github.stdout
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


def _repository_with_tree(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    make_tree(repo / "mal", {})
    (repo / ".git").mkdir()
    return repo


def test_without_a_path_commands_find_the_tree_from_the_working_directory_upwards(tmp_path):
    repo = _repository_with_tree(tmp_path)
    inside = repo / "mal" / "namnder" / "von"
    done = rt("validate", "-f", "json", "--no-cache", cwd=inside)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == 3
    assert rt("status", "--period", "delar", "--år", "2024", cwd=inside).stdout.startswith("Provkommun – Delårsrapport")
    report = rt("report", "verksamhetsplan", "--org", "VON", cwd=inside)
    assert report.returncode == 0 and "Vård- och omsorgsnämnden" in report.stdout
    written = rt("utfall", "set", "VON.nojdhet-hemtjanst", "73", "--period", "delar", cwd=inside)
    assert written.returncode == 0, written.stderr
    assert (inside / "uppfoljning-2024-delar.yaml").is_file()


def test_without_a_tree_upwards_goals_in_the_repository_root_is_used(tmp_path):
    repo = _repository_with_tree(tmp_path)
    (repo / "docs").mkdir()
    done = rt("validate", cwd=repo / "docs")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "rt: Hittar inget målträd: ingen kommun.yaml i den här mappen eller mapparna ovanför (upp till git-repots "
        "rot), och ingen mapp \"../goals\". Ange sökvägen till målträdet (mappen med kommun.yaml).")
    (repo / "mal").rename(repo / "goals")
    assert rt("validate", "-f", "json", cwd=repo / "docs").returncode == 0
    assert rt("status", "--period", "delar", "--år", "2024", cwd=repo).returncode == 0


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    from importlib import metadata

    done = rt(flag)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"rt version {metadata.version('roda-traden')}\n", "")


@pytest.mark.parametrize(("args", "start"), [
    (["-o", "rapport.html"], "<!DOCTYPE html>"),
    (["-o", "rapport.HTM"], "<!DOCTYPE html>"),
    (["-o", "rapport.md"], "# "),
    (["-o", "rapport"], "# "),
    (["-f", "html", "-o", "rapport.txt"], "<!DOCTYPE html>"),
])
def test_report_format_follows_the_output_file_name(tmp_path, args, start):
    tree = make_tree(tmp_path / "t", {})
    done = rt("report", "verksamhetsplan", str(tree), "--org", "VON", *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / args[-1]).read_text(encoding="utf-8").lstrip().startswith(start)


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "md", "-o", "rapport.html"],
     "rt: \"rapport.html\" är en html-fil men --format säger md; ändra filändelsen eller --format."),
    (["-o", "rapport.txt"], ("rt: rt vet inte vilket format filändelsen .txt är; skriv till en .md-, .html-, .pdf- "
                             "eller .docx-fil, eller ange --format (md, html, pdf eller docx).")),
])
def test_report_refuses_a_file_name_that_contradicts_the_format(tmp_path, args, message):
    tree = make_tree(tmp_path / "t", {})
    done = rt("report", "verksamhetsplan", str(tree), "--org", "VON", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == message
    assert not (tmp_path / args[-1]).exists()


_BROKEN_VON = {
    "namnder/von/verksamhetsplan-2024.yaml": "organisation: VON\når: 2024\nnämndmål: [\n",
    "namnder/von/handlingsplan-2024-aldreomsorg.yaml": (
        "organisation: VON\når: 2024\nförvaltning: Äldreomsorgen\naktiviteter:\n  - id: a\n    nämndmål: nojdhet-hemtjanst\n"
        "    vad: Genomförandeplaner för alla brukare.\n    varför: Nöjdare brukare.\n    ansvarig: Enhetschef\n"
        "    klart: Q3\n    uppföljning: Vid delår, andel brukare med plan.\n"),
    "namnder/von/uppfoljning-2024-delar.yaml": (
        "organisation: VON\når: 2024\nuppföljning: delar\ndatum: 2024-09-13\nutfall:\n"
        "  - {mått: nojdhet-hemtjanst, värde: 72 %, avser: 2024-08-31}\n"),
}
_UNREAD = "VON:s verksamhetsplan för 2024 finns men kunde inte läsas (t/namnder/von/verksamhetsplan-2024.yaml)"


def test_files_that_depend_on_an_unreadable_plan_say_it_exists(tmp_path):
    make_tree(tmp_path / "t", _BROKEN_VON)
    problems = json.loads(rt("validate", "t", "-f", "json", cwd=tmp_path).stdout)["problems"]
    said = {p["code"]: p for p in problems if p["code"] in ("RT701", "RT806", "RT106")}
    assert sorted(said) == ["RT701", "RT806"]  # the plan is not missing (RT106)
    assert said["RT701"]["message"].startswith(_UNREAD + ", så handlingsplanens aktiviteter")
    assert said["RT806"]["message"].startswith(_UNREAD + ", så uppföljningens hänvisningar")
    assert all("ingen verksamhetsplan" not in p["message"] for p in problems)


@pytest.mark.parametrize("command", [
    ["status", "t", "--org", "VON", "--period", "delar", "--år", "2024"],
    ["report", "verksamhetsplan", "t", "--org", "VON", "--år", "2024"],
    ["utfall", "set", "VON.nojdhet-hemtjanst", "73", "--period", "delar", "--år", "2024", "--träd", "t"],
])
def test_commands_refusing_an_unreadable_plan_name_it(tmp_path, command):
    make_tree(tmp_path / "t", _BROKEN_VON)
    done = rt(*command, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == f"rt: {_UNREAD}. Kör \"rt validate\" och rätta felen i den först."


def test_status_of_a_tree_whose_plans_all_fail_names_them(tmp_path):
    make_tree(tmp_path / "t", {**_BROKEN_VON, "namnder/kbab/verksamhetsplan-2024.yaml": "år: [\n"})
    done = rt("status", "t", "--period", "delar", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "rt: Ingen verksamhetsplan för 2024 kunde läsas (t/namnder/kbab/verksamhetsplan-2024.yaml, "
        "t/namnder/von/verksamhetsplan-2024.yaml); kör \"rt validate\" och rätta felen i dem först.")


_KBAB = (REPO / "tests/rules/base/namnder/kbab/verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
_VON = (REPO / "tests/rules/base/namnder/von/verksamhetsplan-2024.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("files", "hints"), [
    ({"namnder/kbab/verksamhetsplan-2024.yaml": _KBAB.replace("år: 2024", "år: 2025")},
     ["Lägg till namnder/von/verksamhetsplan-2025.yaml.",
      "t/namnder/kbab/verksamhetsplan-2024.yaml anger år 2025; rätta filen."]),
    ({"namnder/kbab/verksamhetsplan-2024.yaml": None,
      "namnder/kbab/verksamhetsplan-2023.yaml": _KBAB.replace("år: 2024", "år: 2023")},
     [("t/namnder/kbab/verksamhetsplan-2023.yaml gäller 2023, utanför planeringsperioden 2024–2026; "
       "rätta \"år:\" i planen eller planeringsperioden i kommun.yaml.")]),
    ({"namnder/kbab/verksamhetsplan-2024.yaml": _VON},
     ["t/namnder/kbab/verksamhetsplan-2024.yaml anger organisation VON; rätta filen."]),
    ({"namnder/kbab/verksamhetsplan-2024.yaml": None, "bolag/kbab/verksamhetsplan-2024.yaml": _KBAB,
      "namnder/von/verksamhetsplan-2025.yaml": _VON.replace("år: 2024", "år: 2025")},
     ["Lägg till bolag/kbab/verksamhetsplan-2025.yaml."]),
])
def test_a_missing_plan_hint_says_what_is_wrong_never_to_add_a_file_that_exists(tmp_path, files, hints):
    make_tree(tmp_path / "t", files)
    problems = json.loads(rt("validate", "t", "-f", "json", cwd=tmp_path).stdout)["problems"]
    assert [p["hint"] for p in problems if p["code"] == "RT106"] == hints


def test_closed_or_full_output_ends_with_an_exit_code_and_no_traceback():
    """`rt validate … >&-` and output to a full disk: a Swedish line, never a traceback."""
    args = [sys.executable, "-m", "roda_traden", "validate", "examples/oxelosund-2023", "-f", "json", "--no-cache"]
    for env in ({}, {"RT_DEBUG": "1"}):  # the fast path and typer's
        closed = subprocess.run(args, cwd=REPO, stderr=subprocess.PIPE, text=True, env={**os.environ, **env},
                                preexec_fn=lambda: os.close(1))
        assert (closed.returncode, closed.stderr) == (1, "")
        if Path("/dev/full").exists():
            with open("/dev/full", "w") as full:
                done = subprocess.run(args, cwd=REPO, stdout=full, stderr=subprocess.PIPE, text=True,
                                      env={**os.environ, **env})
            assert (done.returncode, done.stderr) == (2, "rt: In- eller utdata: disken är full.\n")


def test_an_empty_path_is_the_working_directory_on_both_paths():
    fast = rt("validate", "", "-f", "json", "--no-cache", cwd=REPO / "examples" / "oxelosund-2023")
    typer_run = subprocess.run([sys.executable, "-m", "roda_traden", "validate", "", "-f", "json", "--no-cache"],
                               cwd=REPO / "examples" / "oxelosund-2023", capture_output=True, text=True,
                               env={**os.environ, "RT_DEBUG": "1"})
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_run.returncode, typer_run.stdout, typer_run.stderr)
    assert fast.returncode == 1 and json.loads(fast.stdout)["problems"]


def test_help_is_the_same_on_every_run():
    """click keeps the help flags in a set; the help text must not depend on the hash seed."""
    shown = set()
    for seed in ("1", "4", "7", "11"):
        done = subprocess.run([sys.executable, "-m", "roda_traden", "validate", "--hjälp"], cwd=REPO, capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "100"})
        shown.add(done.stdout)
    assert len(shown) == 1 and "--hjälp,--help" in shown.pop()


def test_every_command_group_without_its_subcommand_shows_swedish_help():
    from roda_traden.cli.app import app

    groups = [group.name for group in app.registered_groups]
    assert {"utfall", "aktivitet", "new"} <= set(groups)
    for group in groups:
        done = rt(group)
        assert "Användning: rt " in done.stdout + done.stderr and "Usage" not in done.stdout + done.stderr, group
    assert "<list[" not in rt("fmt", "--hjälp").stdout


def test_a_site_or_span_of_years_without_an_unreadable_plan_says_so(tmp_path):
    tree = shutil.copytree(REPO / "examples" / "oxelosund-2023", tmp_path / "t")
    with (tree / "namnder/von/verksamhetsplan-2023.yaml").open("a", encoding="utf-8") as plan:
        plan.write("  bad: [unclosed\n")
    for args in (("status", str(tree), "--år", "2023..2025"), ("webb", str(tree), "-o", str(tmp_path / "site"))):
        done = rt(*args)
        assert "verksamhetsplan-2023.yaml kunde inte läsas och finns inte med" in done.stderr, args
