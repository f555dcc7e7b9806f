"""What rt gives a pull-request workflow: GitHub annotations that no text
from the files can turn into a command of its own, a job summary with every
finding, SARIF that the official schema accepts, and the hook and action
files other repositories use."""

from __future__ import annotations

import html as entities
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from roda_traden.engine.result import Result
from roda_traden.formatters import github, job_summary, sarif
from roda_traden.problems import Problem, Severity
from roda_traden.rules.registry import RULES, RULES_BY_CODE
from roda_traden.text.printable import printable
from tests.conftest import EXAMPLE, REPO, make_tree

# The official SARIF 2.1.0 schema (errata 01), © OASIS Open, as published by
# the OASIS SARIF TC in oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json.
SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"

HOSTILE = [
    "::error::injicerad",
    "%0A::error file=a.yaml,line=1::injicerad",
    "a%25b%0Dc%3A%2C%3B",
    "rad ett\r\n::warning file=x.yaml,line=1::falsk\nrad tre\r",
    "komma, kolon: lika = och mer,,::",
    "\x1b[2J\x1b]0;titel\x07\x00\x7f\x85\u2028\u2029\u202e\x0b\x0c\x1c",
    "##[add-mask]hemlig ##[stop-commands]slut ##[set-output name=x]y",
    "  ::error::efter mellanslag",
]
LONG = "lång " * 3000


def rt(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "roda_traden", *args], check=False, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, **(env or {})})


# --- GitHub workflow commands, read as actions/runner reads them ----------

# Commands the runner acts on (its command extensions), matched case-insensitively.
REGISTERED = {"error", "warning", "notice", "debug", "group", "endgroup", "echo", "add-mask", "stop-commands",
              "set-output", "save-state", "set-env", "add-path", "add-matcher", "remove-matcher"}


def _unescape(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for escaped, char in pairs:
        text = text.replace(escaped, char)
    return text


_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def runner_command(line: str) -> tuple[str, dict, str] | None:
    """The command the runner reads from one line of a step's output, as
    ActionCommand.TryParseV2 does, then the legacy TryParse ("##[" anywhere)."""
    message = line.lstrip()
    if message.startswith("::") and (end := message.find("::", 2)) >= 0:
        name, _, properties = message[2:end].partition(" ")
        if name.lower() in REGISTERED:
            parsed = {}
            for item in properties.strip().split(","):
                key, _, value = item.partition("=")
                if key and value:
                    parsed[key] = _unescape(value, _PROPERTY)
            return name, parsed, _unescape(message[end + 2:], _DATA)
    start = line.find("##[")
    if start >= 0 and (close := line.find("]", start)) >= 0:
        name = line[start + 3:close].split(" ")[0]
        if name.lower() in REGISTERED:
            return name, {}, line[close + 1:]
    return None


def commands(output: str) -> list[tuple[str, dict, str]]:
    # Every character some line reader takes as a line break splits here.
    lines = output.splitlines()
    assert lines == output.split("\n")[:-1], "a line break of another kind than LF reached the output"
    return [c for c in map(runner_command, lines) if c is not None]


def _problem(file: str, message: str, hint: str = "", severity: Severity = Severity.WARNING, code: str = "RT009",
             line: int = 3, column: int = 5) -> Problem:
    return Problem(file, line, column, code, severity, message, hint)


def _github(problems: list[Problem]) -> str:
    stream = io.StringIO()
    github.render(Result(problems=problems, files=3, trees=1), stream)
    return stream.getvalue()


def _annotations(output: str) -> list[tuple[str, dict, str]]:
    return [c for c in commands(output) if c[0] in ("error", "warning")]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_anywhere_in_a_problem_is_one_annotation_that_reads_back_as_printed(text):
    problem = _problem(f"namnder/{text}/plan.yaml", f"Meddelande {text}", f"Gör så här: {text}",
                       Severity.ERROR, code="RT101", line=7, column=2)
    found = commands(_github([problem]))
    assert found == [("error", {"file": printable(problem.file), "line": "7", "col": "2", "title": "RT101"},
                      f"{printable(problem.message)}\n{printable(problem.hint)}")]


def test_every_problem_is_its_own_annotation_and_nothing_else_is_a_command():
    problems = [_problem(f"{a}.yaml", b, c, severity)
                for a, b, c, severity in zip(HOSTILE, reversed(HOSTILE), HOSTILE[3:] + HOSTILE[:3],
                                             [Severity.ERROR, Severity.WARNING] * 4)]
    found = commands(_github(problems))
    assert [(name, properties["file"]) for name, properties, _ in found] == \
        [("error" if p.severity is Severity.ERROR else "warning", printable(p.file)) for p in problems]


def test_a_text_longer_than_github_keeps_keeps_its_hint():
    found = _annotations(_github([_problem("a.yaml", LONG, "Skriv kortare. " + LONG)]))
    (_, _, data), = found
    message, hint = data.split("\n")
    assert len(data) <= 4096 and message.startswith("lång lång") and message.endswith("…")
    assert hint.startswith("Skriv kortare. lång") and len(hint) <= 1000


def test_more_than_ten_of_a_level_points_to_the_job_summary():
    ten = [_problem(f"f{i}.yaml", "m") for i in range(10)]
    assert not [c for c in commands(_github(ten)) if c[0] == "notice"]
    eleven = ten + [_problem("g.yaml", "m", severity=Severity.ERROR)] + [_problem("h.yaml", "m")]
    notices = [c for c in commands(_github(eleven)) if c[0] == "notice"]
    assert len(notices) == 1 and "Alla 12 fynd står i jobbsammanfattningen" in notices[0][2]


def test_hostile_file_names_in_a_real_run_reach_github_as_their_own_annotations(tmp_path):
    names = ["a,b:c%0A::error::x.yaml", "rad\r\n::warning file=y::z.yaml", "##[add-mask]hemlig.yaml"]
    tree = make_tree(tmp_path / "t", {f"namnder/von/{name}": "a: 1\n" for name in names})
    done = rt("validate", str(tree), "--no-cache", "-f", "github", cwd=tmp_path)
    assert done.returncode in (0, 1) and not done.stderr, done.stderr
    found = _annotations(done.stdout)
    assert sorted(properties["file"] for _, properties, _ in found) == \
        sorted(printable(f"t/namnder/von/{name}") for name in names)
    assert len(commands(done.stdout)) == len(found) == len(names)


def test_no_format_of_validate_or_status_prints_a_line_the_runner_takes_for_a_command(tmp_path):
    """Any format may be what a CI job prints to its log. A tree in a folder
    named like a command, a kommun named like one and a file named with the
    older "##[" form: only --format github's own annotations are commands."""
    kommun = (REPO / "tests/rules/base/kommun.yaml").read_text(encoding="utf-8")
    kommun = kommun.replace("namn: Provkommun", 'namn: "::error::kommun ##[add-mask]hemlig"')
    folder = "::warning title=x::mapp"
    make_tree(tmp_path / folder, {"kommun.yaml": kommun, "namnder/von/##[stop-commands]slut.yaml": "a: 1\n"})
    runs = {output: rt("validate", folder, "--no-cache", "-f", output, cwd=tmp_path)
            for output in ("terminal", "json", "sarif", "github")}
    runs["status"] = rt("status", folder, "--period", "bokslut", cwd=tmp_path)
    runs["status json"] = rt("status", folder, "--period", "bokslut", "-f", "json", cwd=tmp_path)
    for output, done in runs.items():
        assert not done.stderr, (output, done.stderr)
        found = commands(done.stdout)
        if output == "github":
            assert [name for name, _, _ in found] in (["error"], ["warning"])
            assert found[0][1]["file"] == f"{folder}/namnder/von/##[stop-commands]slut.yaml"
        else:
            assert found == [] and "##[" not in done.stdout, output
    assert json.loads(runs["json"].stdout)["problems"][0]["file"] == f"{folder}/namnder/von/##[stop-commands]slut.yaml"
    assert json.loads(runs["status json"].stdout)["kommun"] == "::error::kommun ##[add-mask]hemlig"
    assert "\\x3a:warning title=x::mapp/namnder/von/#\\x23[stop-commands]slut.yaml" in runs["terminal"].stdout


# --- the job summary -------------------------------------------------------

def _summary(problems: list[Problem], limit: int = job_summary.SUMMARY_LIMIT) -> str:
    stream = io.StringIO()
    job_summary.render(Result(problems=problems, files=4, trees=1), stream, limit)
    return stream.getvalue()


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_the_job_summary_counts_per_file_and_rule_and_lists_every_finding():
    problems = sorted([_problem("a.yaml", f"Fynd {i}", code="RT009", line=i + 1) for i in range(60)]
                      + [_problem("b.yaml", "Fel här", "Rätta så", Severity.ERROR, code="RT101")], key=Problem.sort_key)
    text = _summary(problems)
    assert "**1 fel och 60 varningar i 2 av 4 filer.**" in text
    assert "| a.yaml | 0 | 60 |" in text and "| b.yaml | 1 | 0 |" in text
    assert f"| RT009 | {RULES_BY_CODE['RT009'].summary} | 0 | 60 |" in text
    assert "| RT101 |" in text
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \| \d+ \| (fel|varning) \| RT\d{3} \|", line)]
    assert len(rows) == 61  # every finding, not 50 of a code
    assert "| 3 | 5 | fel | RT101 | Fel här<br>→ Rätta så |" in text


@pytest.mark.parametrize("text", HOSTILE + [
    "[klicka](https://example.com) ![bild](https://example.com/x.png) <img src=x onerror=alert(1)>",
    "| extra | kolumn | @kommunchef #12 $x^2$ :rocket: ~~struken~~ **fet** `kod` \\| \\",
])
def test_a_hostile_text_in_the_job_summary_is_text_in_its_own_cell(text):
    problem = _problem(f"namnder/{text}.yaml", f"Meddelande {text}", f"Gör så här: {text}")
    html = _html(_summary([problem]))
    assert "<a " not in html and "<img" not in html and "<code>" not in html and "<strong>" not in html.split("</p>")[1]
    cells = html.split("<h4>")[1]
    assert cells.count("<tr>") == 2  # the head and the finding
    finding = re.findall(r"<td[^>]*>(.*?)</td>", cells.split("<tbody>")[1])
    assert len(finding) == 5
    assert entities.unescape(finding[4]) == \
        f"{printable(problem.message)}<br>→ {printable(problem.hint)}"


def test_the_job_summary_is_cut_with_a_note_before_the_limit():
    problems = [_problem("a.yaml", f"Fynd nummer {i} " + "x" * 200) for i in range(1000)]
    text = _summary(problems, limit=20_000)
    assert len(text.encode("utf-8")) <= 20_000
    listed = text.count("| varning | RT009 |")
    assert 0 < listed < 1000
    assert text.rstrip().endswith("Alla finns med `rt validate --format json`.")
    assert f"{1000 - listed} av 1\u00a0000 fynd visas inte här" in text


def test_the_job_summary_is_appended_after_what_the_step_wrote_within_one_mib(tmp_path):
    path = tmp_path / "summary.md"
    earlier = "# Tidigare steg\n" + "x" * (job_summary.SUMMARY_LIMIT - 30_000) + "\n"
    path.write_text(earlier, encoding="utf-8")
    problems = [_problem("a.yaml", "Fynd " + "å" * 300) for _ in range(500)]
    job_summary.append(Result(problems=problems, files=1, trees=1), path, "goals/*")
    written = path.read_text(encoding="utf-8")
    assert written.startswith(earlier) and "\n\n## rt validate goals/\\*\n" in written
    assert path.stat().st_size <= job_summary.SUMMARY_LIMIT
    assert "fynd visas inte här" in written


# --- SARIF -----------------------------------------------------------------

def _sarif(result: Result) -> dict:
    stream = io.StringIO()
    sarif.render(result, stream)
    return json.loads(stream.getvalue())


def _validate(document: dict) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(document)


def test_sarif_of_the_example_is_valid_sarif_2_1_0_with_every_rule_and_problem():
    done = rt("validate", str(EXAMPLE.relative_to(REPO)), "--no-cache", "-f", "sarif")
    document = json.loads(done.stdout)
    _validate(document)
    golden = json.loads(rt("validate", str(EXAMPLE.relative_to(REPO)), "--no-cache", "-f", "json").stdout)
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    assert rules[0]["shortDescription"]["text"] == "Filen kan inte läsas som YAML"
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning"}
    assert len(run["results"]) == len(golden["problems"]) > 0
    for result, problem in zip(run["results"], golden["problems"]):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == problem["code"]
        assert result["level"] == problem["severity"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == problem["file"]
        assert location["region"] == {"startLine": problem["line"], "startColumn": problem["column"]}
        assert result["message"]["text"].startswith(problem["message"])


def test_sarif_uris_are_percent_encoded_and_texts_cannot_link():
    files = ["namnder/å ä,%/a#b?c.yaml", "x\\y:z.yaml", "/tmp/ab solut/plan.yaml"]
    problems = [_problem(file, "Se [här](https://example.com) eller \\[inte\\]", "[1]") for file in files]
    document = _sarif(Result(problems=problems, files=3, trees=1))
    _validate(document)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]]
    assert uris == ["namnder/%C3%A5%20%C3%A4%2C%25/a%23b%3Fc.yaml", "x%5Cy%3Az.yaml", "file:///tmp/ab%20solut/plan.yaml"]
    assert [unquote(uri) for uri in uris[:2]] == files[:2]
    text = document["runs"][0]["results"][0]["message"]["text"]
    assert text == "Se \\[här\\](https://example.com) eller \\\\\\[inte\\\\\\]\n\\[1\\]"


def test_sarif_past_what_github_takes_says_how_many_are_left_out(monkeypatch):
    monkeypatch.setattr(sarif, "RESULTS_LIMIT", 3)
    document = _sarif(Result(problems=[_problem(f"f{i}.yaml", "m") for i in range(5)], files=5, trees=1))
    _validate(document)
    (run,) = document["runs"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]] == \
        ["f0.yaml", "f1.yaml", "f2.yaml"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("2 fynd till finns inte med")
    assert "invocations" not in _sarif(Result(problems=[_problem("f.yaml", "m")] * 3, files=1, trees=1))["runs"][0]


# --- files other repositories use ------------------------------------------

def _commands_in_help() -> set[str]:
    done = rt("--hjälp", env={"COLUMNS": "200"})
    return {line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ") and len(line.split()) > 2}


def test_the_pre_commit_hooks_run_commands_rt_has():
    hooks = YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["rt-validate", "rt-fmt"]
    known = _commands_in_help()
    for hook in hooks:
        program, command, *_ = hook["entry"].split()
        assert program == "rt" and command in known, hook
        assert hook["language"] == "python" and hook["files"]
        assert hook["pass_filenames"] is False  # the tree is checked whole: links cross files


def test_the_action_installs_rt_at_its_own_ref_and_validates_with_annotations_and_summary():
    action = YAML(typ="safe").load(REPO / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"path", "strict", "version", "python-version"}
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install, check = steps[1:]
    assert install["env"]["RT_SOURCE"] == "${{ github.action_path }}" and "pip install" in install["run"]
    assert "--format github --sammanfattning \"$GITHUB_STEP_SUMMARY\"" in check["run"]
    # Inputs reach the scripts through the environment, never pasted into them.
    assert all("${{" not in step.get("run", "") and step.get("shell", "bash") == "bash" for step in steps)
    assert check["run"].startswith("args=(validate ") and 'rt "${args[@]}"' in check["run"]
    assert "validate" in _commands_in_help()
    assert "--sammanfattning" in rt("validate", "--hjälp", env={"COLUMNS": "200"}).stdout


# --- the job summary from rt validate ---------------------------------------

def test_validate_appends_a_job_summary_to_the_file_named_or_to_github_step_summary(tmp_path):
    make_tree(tmp_path / "t", {"namnder/von/anteckning.yaml": "a: 1\n"})
    named = tmp_path / "named.md"
    named.write_text("# Före\n", encoding="utf-8")
    plain = rt("validate", "t", "--no-cache", cwd=tmp_path)
    summarised = rt("validate", "t", "--no-cache", "--sammanfattning", str(named), cwd=tmp_path)
    assert (summarised.returncode, summarised.stdout, summarised.stderr) == (plain.returncode, plain.stdout, "")
    text = named.read_text(encoding="utf-8")
    assert text.startswith("# Före\n\n## rt validate t\n") and "| RT009 |" in text
    step = tmp_path / "step.md"
    for _ in range(2):  # the second run is answered from the cache, and still writes its summary
        done = rt("validate", "t", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(step)})
        assert done.stdout == plain.stdout
    assert step.read_text(encoding="utf-8").count("## rt validate t\n") == 2
    rt("validate", "t", "--sammanfattning", str(named), cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(step)})
    assert step.read_text(encoding="utf-8").count("## rt validate t\n") == 2  # the file named wins


def test_the_summary_flag_reads_the_same_with_and_without_typer(tmp_path):
    make_tree(tmp_path / "t", {})
    for args in (["--sammanfattning", "s.md"], ["--sammanfattning=s.md", "-f", "json"],
                 ["-f", "sarif", "--sammanfattning", "s.md", "--strict"]):
        runs = []
        for env in ({"RT_DEBUG": "1"}, {}):
            (tmp_path / "s.md").unlink(missing_ok=True)
            done = rt("validate", "t", *args, cwd=tmp_path, env=env)
            runs.append((done.returncode, done.stdout, done.stderr, (tmp_path / "s.md").read_text(encoding="utf-8")))
        assert runs[0] == runs[1] and "Inga problem" in runs[0][3], args
    (tmp_path / "mapp").mkdir()
    for target in ("mapp", "saknas/s.md"):
        typer_run = rt("validate", "t", "--sammanfattning", target, cwd=tmp_path, env={"RT_DEBUG": "1"})
        fast = rt("validate", "t", "--sammanfattning", target, cwd=tmp_path)
        assert (fast.returncode, fast.stderr) == (typer_run.returncode, typer_run.stderr), target
        assert fast.returncode == 2 and fast.stderr.startswith(f"rt: Kan inte skriva jobbsammanfattningen till \"{target}\"")
        assert "Traceback" not in fast.stderr
