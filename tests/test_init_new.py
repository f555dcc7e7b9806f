"""rt init and rt new on real git repositories: a new tree passes rt fmt
--check and rt validate as it is, never overwrites a file, and a skeleton
changes nothing but the lines it adds."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

from roda_traden import __version__
from roda_traden.engine.run import validate_path
from roda_traden.loading import yaml_reader
from roda_traden.loading.tree import load_tree
from roda_traden.writing.followups import WriteRefused
from roda_traden.writing.layout import files_to_format, format_file
from roda_traden.writing.scaffold import (
    init_tree,
    new_activity,
    new_board_goal,
    new_measure,
)
from tests.conftest import EXAMPLE

PLAN = "namnder/von/verksamhetsplan-2027.yaml"
KF_MÅL = """kommunmål:
  - id: trygg-alderdom
    namn: Trygg ålderdom
    kf-mål:
      - id: trygghet-aldre
        text: Andelen äldre som känner sig trygga ökar jämfört med föregående år.
        uppföljning: B
        ansvariga: [VON]
"""


def git(directory: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(directory), *args], check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@e", "HOME": str(directory), "PATH": "/usr/bin:/bin"}).stdout


@pytest.fixture
def kommun(tmp_path) -> Path:
    """A tree from rt init with one KF-mål for VON, as a kommun writes it first."""
    root = tmp_path / "nykoping"
    init_tree(root, "Nyköpings kommun", "0480", ["KS", "VON"], 2027)
    path = root / "kommun.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kommunmål: []\n", KF_MÅL), encoding="utf-8")
    return root


def _problems(root: Path) -> list[tuple[str, str]]:
    return [(Path(p.file).name, p.code) for p in validate_path(root).problems]


def test_a_new_tree_is_a_repository_that_validates_and_is_formatted(tmp_path):
    root = tmp_path / "nykoping"
    result = init_tree(root, "Nyköpings kommun", "0480", ["KS", "UN", "VON"], 2027)
    assert result.git and (root / ".git").is_dir() and result.kept == []
    assert {p.relative_to(root).as_posix() for p in result.written} == {
        "kommun.yaml", "README.md", ".gitignore", ".pre-commit-config.yaml", ".github/workflows/rt.yml",
        "schemas/kommun.schema.json", "schemas/verksamhetsplan.schema.json", "schemas/handlingsplan.schema.json",
        "schemas/uppfoljning.schema.json", "namnder/ks/verksamhetsplan-2027.yaml",
        "namnder/un/verksamhetsplan-2027.yaml", "namnder/von/verksamhetsplan-2027.yaml"}
    assert _problems(root) == []
    assert [p for p in files_to_format(root) if format_file(p).changed] == []
    kommun = (root / "kommun.yaml").read_text(encoding="utf-8")
    assert "  namn: Nyköpings kommun\n  kod: \"0480\"" in kommun and "planeringsperiod: 2027–2029" in kommun
    assert "# VON:s verksamhetsplan 2027" in (root / PLAN).read_text(encoding="utf-8")
    workflow = yaml_reader.read((root / ".github/workflows/rt.yml").read_text(encoding="utf-8")).data
    runs = [step.get("run") for step in workflow["jobs"]["validate"]["steps"]]
    assert runs[2:5] == [f"pip install \"roda-traden=={__version__}\"", "rt fmt --check",
                         "rt validate --format github --jämför \"origin/${{ github.base_ref }}\""]
    # A pull request is checked against its base: a decided målvärde changed without a new beslut fails.
    assert workflow["jobs"]["validate"]["steps"][0]["with"] == {"fetch-depth": 0}
    assert "rt validate --format github" in runs and any(run and run.startswith("rt diff ") for run in runs)
    assert "pull_request" in workflow["on"]
    hooks = yaml_reader.read((root / ".pre-commit-config.yaml").read_text(encoding="utf-8")).data
    assert [h["entry"] for h in hooks["repos"][0]["hooks"]] == ["rt fmt", "rt validate"]


def test_init_never_overwrites_and_runs_git_init_only_outside_a_repository(tmp_path):
    git(tmp_path, "init", "--quiet")
    root = tmp_path / "mal"
    root.mkdir()
    (root / "README.md").write_text("Vår egen README\n", encoding="utf-8")
    result = init_tree(root, "Nyköpings kommun", "0480")
    assert not result.git and not (root / ".git").exists()
    assert result.kept == [root / "README.md"]
    assert (root / "README.md").read_text(encoding="utf-8") == "Vår egen README\n"
    again = init_tree(root, "Annan kommun", "0999")
    assert again.written == [] and (root / "kommun.yaml").read_text(encoding="utf-8").count("Nyköpings kommun") == 2


@pytest.mark.parametrize(("code", "organisations", "message"), [
    ("480", None, "Kommunkoden \"480\" ska vara fyra siffror, SCB:s kod, t.ex. 0481."),
    ("0480", ["V O N"], "\"V O N\" är inget giltigt id för en organisation"),
    ("0480", ["KS", "KS"], "Samma organisation står två gånger i --organisationer."),
])
def test_init_refuses_what_would_not_be_a_tree(tmp_path, code, organisations, message):
    with pytest.raises(WriteRefused, match=message.replace("(", r"\(").replace(".", r"\.")):
        init_tree(tmp_path / "t", "Nyköpings kommun", code, organisations)
    assert not (tmp_path / "t").exists()


def _added_lines(before: str, after: str) -> list[str]:
    diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert [line for line in diff if line.startswith("-")] == []
    return [line[1:] for line in diff]


def test_new_skeletons_get_fresh_readable_ids_and_change_only_their_own_lines(kommun):
    plan = kommun / PLAN
    before = plan.read_text(encoding="utf-8")
    first = new_board_goal(load_tree(kommun), "VON", "trygghet-aldre", "Fler äldre ska känna sig trygga")
    second = new_board_goal(load_tree(kommun), "VON", "trygghet-aldre", "Fler äldre ska känna sig trygga")
    assert (first.id, second.id) == ("fler-aldre-ska-kanna-sig", "fler-aldre-ska-kanna-sig-2")
    added = _added_lines(before, plan.read_text(encoding="utf-8"))
    assert added[:4] == ["nämndmål:", "  - id: fler-aldre-ska-kanna-sig", "    text: Fler äldre ska känna sig trygga",
                         "    kf-mål: trygghet-aldre"]
    middle = plan.read_text(encoding="utf-8")
    measure = new_measure(load_tree(kommun), "VON.fler-aldre-ska-kanna-sig", "Andel äldre: trygga")
    assert measure.id == "andel-aldre-trygga"
    assert _added_lines(middle, plan.read_text(encoding="utf-8"))[:3] == [
        "    mått:", "      - id: andel-aldre-trygga", "        text: \"Andel äldre: trygga\""]
    assert new_measure(load_tree(kommun), "VON.fler-aldre-ska-kanna-sig").id == "nytt-matt"
    activity = new_activity(load_tree(kommun), "VON.fler-aldre-ska-kanna-sig", "Trygghetsbesök", "Äldreomsorgen")
    assert activity.path == kommun / "namnder/von/handlingsplan-2027-aldreomsorgen.yaml"
    assert new_activity(load_tree(kommun), "VON.fler-aldre-ska-kanna-sig-2", "Trygghetsbesök").id == "trygghetsbesok-2"
    # What is missing is said by the rules, never as a broken file; and the files are in rt fmt's layout.
    codes = {code for _name, code in _problems(kommun)}
    assert codes <= {"RT201", "RT202", "RT203", "RT204", "RT206", "RT207", "RT705"} and "RT202" in codes
    assert [p for p in files_to_format(kommun) if format_file(p).changed] == []


def test_new_keeps_comments_and_everything_else_byte_for_byte_in_a_written_plan(tmp_path):
    root = shutil.copytree(EXAMPLE, tmp_path / "t")
    plan = root / "namnder/von/verksamhetsplan-2023.yaml"
    before = plan.read_text(encoding="utf-8")
    tree = load_tree(root)
    goal = next(g for g in tree.plan_of("VON", 2023).goals if g.measures)
    added = new_measure(tree, f"VON.{goal.id}", goal.measures[0].text or goal.measures[0].id)
    assert added.id not in {m.id for g in tree.plan_of("VON", 2023).goals for m in g.measures}
    _added_lines(before, plan.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("call", "message"), [
    (lambda t: new_board_goal(t, "VON", "finns-ej"),
     "KF-målet \"finns-ej\" finns inte i kommun.yaml. Välj bland: trygghet-aldre."),
    (lambda t: new_board_goal(t, "XYZ", "trygghet-aldre"), "Okänd organisation \"XYZ\". Välj bland: KS, VON."),
    (lambda t: new_measure(t, "VON.finns-ej"), "Nämndmålet \"finns-ej\" finns inte i VON:s verksamhetsplan 2027."),
    (lambda t: new_measure(t, "finns-ej"), "\"finns-ej\" ska skrivas ORGANISATION.id, t.ex. VON.tryggare-aldre."),
    (lambda t: new_board_goal(t, "VON", "trygghet-aldre", year=2031), "VON har ingen verksamhetsplan för 2031."),
])
def test_new_says_what_is_wrong_and_writes_nothing(kommun, call, message):
    before = {p: p.read_bytes() for p in kommun.rglob("*.yaml")}
    with pytest.raises(WriteRefused) as refusal:
        call(load_tree(kommun))
    assert str(refusal.value) == message
    assert {p: p.read_bytes() for p in kommun.rglob("*.yaml")} == before


def test_an_activity_needs_the_förvaltning_when_there_is_none_or_several(kommun):
    goal = new_board_goal(load_tree(kommun), "VON", "trygghet-aldre").id
    with pytest.raises(WriteRefused, match="VON har ingen handlingsplan 2027; ange --förvaltning, så skapas en."):
        new_activity(load_tree(kommun), f"VON.{goal}")
    new_activity(load_tree(kommun), f"VON.{goal}", unit="Hemtjänsten")
    new_activity(load_tree(kommun), f"VON.{goal}", unit="Särskilt boende")
    with pytest.raises(WriteRefused, match="VON har flera handlingsplaner 2027; ange --förvaltning. Välj bland: "):
        new_activity(load_tree(kommun), f"VON.{goal}")
    assert new_activity(load_tree(kommun), f"VON.{goal}", unit="Hemtjänsten").id == "ny-aktivitet-3"


def test_the_pull_request_workflow_on_a_real_repository(tmp_path):
    """init → edit → fmt --check → fmt → validate → commit, as a kommun works."""
    from tests.test_cli import rt

    root = tmp_path / "nykoping"
    done = rt("init", str(root), "--kommun", "Nyköpings kommun", "--kod", "0480", "--organisationer", "KS,VON",
              "--år", "2027")
    assert done.returncode == 0, done.stderr
    assert "Skapade ett git-repo i" in done.stdout
    assert rt("fmt", "--check", cwd=root).returncode == 0
    assert rt("validate", cwd=root).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "Nytt målträd")

    kommun = root / "kommun.yaml"
    kommun.write_text(kommun.read_text(encoding="utf-8").replace("kommunmål: []\n", KF_MÅL.replace(
        "        uppföljning: B\n        ansvariga: [VON]\n", "        ansvariga: ['VON']\n        uppföljning: B\n")),
        encoding="utf-8")
    added = rt("new", "nämndmål", "--org", "VON", "--kf-mål", "trygghet-aldre", "--text", "Fler äldre ska vara trygga",
               cwd=root)
    assert added.returncode == 0, added.stderr
    assert "La till nämndmålet VON.fler-aldre-ska-vara-trygga i namnder/von/verksamhetsplan-2027.yaml" in added.stdout
    assert rt("new", "mått", "--nämndmål", "VON.fler-aldre-ska-vara-trygga", "--text", "Andel trygga",
              cwd=root).returncode == 0

    check = rt("fmt", "--check", cwd=root)
    assert check.returncode == 1
    assert check.stdout.startswith("--- a/kommun.yaml\n+++ b/kommun.yaml\n")
    assert "-        ansvariga: ['VON']\n" in check.stdout and "+        ansvariga: [VON]\n" in check.stdout
    assert "1 av 3 filer är inte formaterade; kör \"rt fmt\"." in check.stderr
    assert rt("fmt", cwd=root).returncode == 0
    assert rt("fmt", "--check", cwd=root).returncode == 0

    validated = rt("validate", cwd=root)
    assert validated.returncode == 1  # the mått skeleton says what it lacks
    assert "RT202" in validated.stdout and "RT007" not in validated.stdout
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "VON:s första nämndmål")
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "--format=%s") == "VON:s första nämndmål\nNytt målträd\n"


def test_fmt_leaves_an_unreadable_file_as_it_is_and_exits_2(tmp_path):
    from tests.test_cli import rt

    root = tmp_path / "t"
    init_tree(root, "Nyköpings kommun", "0480", None, 2027)
    plan = root / "namnder/ks/verksamhetsplan-2027.yaml"
    plan.write_text("organisation: KS\når: 2027\nnämndmål:\n  - id: a\n   text: fel\n", encoding="utf-8")
    done = rt("fmt", cwd=root)
    assert done.returncode == 2
    assert "namnder/ks/verksamhetsplan-2027.yaml:5:" in done.stderr and "rt fmt lämnade filen orörd." in done.stderr
    assert plan.read_text(encoding="utf-8").endswith("   text: fel\n")


@pytest.mark.parametrize("name", ["Kommun #2", "Stad: Malmö", "1234", "[K]", "- Kommun", "Nyköpings kommun"])
def test_init_writes_the_kommuns_name_so_it_reads_back_as_given(tmp_path, name):
    from roda_traden.loading.tree import load_tree

    root = tmp_path / "k"
    init_tree(root, kommun=name, code="1465")
    assert load_tree(root).kommun.municipality.name == name
