"""Decisions are binding: rt validate --jämför REV, on real git commits,
reports a decided målvärde, nämndmål or mått changed without a new
beslut (RT901, RT902) and a reported utfall changed without a rättelse
(RT903) – and nothing when the change is decided, a draft, or only moves
files and list items."""

from __future__ import annotations

import datetime

import pytest

from roda_traden.domain.context import RunContext
from roda_traden.engine.run import validate_path
from roda_traden.loading.git import GitError, commit_of, default_base
from tests.gitrepo import BOOKED, PLAN, REPORT, Repo
from tests.test_cli import rt

BINDING = {"RT901", "RT902", "RT903"}
REVISION = """revideringar:
  - datum: {date}
    paragraf: "§ 31"
    ändrar: Målvärdet för 2025 sänks från 78 till 76 efter ny statistik.
nämndmål:"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return Repo(tmp_path / "kommun")


def _binding(repo: Repo, base: str, today: datetime.date = datetime.date(2024, 6, 1)):
    result = validate_path(repo.tree, context=RunContext(today=today), compare=base)
    return [p for p in result.problems if p.code in BINDING]


def _at(repo: Repo, problem, name: str, text: str) -> None:
    """The problem points at ``text`` in the file ``name``."""
    assert problem.file.endswith(name), problem.file
    line = repo.read(name).splitlines()[problem.line - 1]
    assert line[problem.column - 1:].startswith(text), (line, problem.column)


def test_a_decided_target_changed_without_a_decision_is_reported_with_both_values_and_the_decision(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.replace(PLAN, "2025: 78", "2025: 76")
    repo.commit("Sänk målvärdet")
    [problem] = _binding(repo, base)
    assert problem.code == "RT901"
    assert "från 78 till 76" in problem.message and "2023-12-12 § 101" in problem.message
    _at(repo, problem, PLAN, "2025")
    # The working tree is compared too, before anything is committed.
    assert [p.code for p in _binding(repo, repo.git("rev-parse", "HEAD~1"))] == ["RT901"]


def test_a_target_added_or_removed_after_the_decision_is_a_change_too(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.replace(PLAN, "{2024: 74, 2025: 78, 2026: 82}", "{2024: 74, 2026: 82, 2027: 85}")
    messages = sorted(p.message for p in _binding(repo, base))
    assert len(messages) == 2
    assert "2025" in messages[0] and "borttaget (var 78)" in messages[0]
    assert "2027" in messages[1] and "tillagt (85)" in messages[1]


def test_a_new_revision_decides_the_change(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.replace(PLAN, "2025: 78", "2025: 76")
    repo.replace(PLAN, "nämndmål:", REVISION.format(date="2024-03-20"))
    assert _binding(repo, base) == []


def test_a_revision_no_newer_than_the_decision_does_not_decide_it(repo):
    repo.replace(PLAN, "nämndmål:", REVISION.format(date="2023-12-12"))
    base = repo.commit("Revidering samma dag som beslutet")
    repo.replace(PLAN, "2025: 78", "2025: 76")
    [problem] = _binding(repo, base)
    assert problem.code == "RT901" and "2023-12-12 § 31" in problem.message


def test_a_revision_already_in_the_compared_version_does_not_decide_a_later_change(repo):
    repo.replace(PLAN, "nämndmål:", REVISION.format(date="2024-03-20"))
    base = repo.commit("Revidering")
    repo.replace(PLAN, "2026: 82", "2026: 80")
    [problem] = _binding(repo, base)
    assert "2024-03-20 § 31" in problem.message


def test_a_plan_not_yet_decided_changes_freely(repo):
    repo.replace(PLAN, 'beslut: {datum: 2023-12-12, paragraf: "§ 101"}\n', "")
    base = repo.commit("Utkast")
    repo.replace(PLAN, "2025: 78", "2025: 76")
    repo.replace(PLAN, "ska öka", "ska fortsätta öka")
    assert _binding(repo, base) == []


@pytest.mark.parametrize(("old", "new", "what"), [
    ("text: Andelen brukare som är nöjda med hemtjänsten ska öka", "text: Fler brukare ska vara nöjda", "text"),
    ("datakälla: Socialstyrelsens brukarundersökning", "datakälla: Egen enkät", "datakälla"),
    ("{värde: 71, år: 2023}", "{värde: 69, år: 2023}", "ingångsvärde"),
    ("kf-mål: nojda-brukare", "kf-mål: tillgangliga-lagenheter", "kf-mål"),
])
def test_a_decided_goal_or_measure_changed_without_a_decision(repo, old, new, what):
    base = repo.git("rev-parse", "HEAD")
    repo.replace(PLAN, old, new)
    found = [p for p in _binding(repo, base) if p.code == "RT902"]
    assert len(found) == 1 and f"– {what}: " in found[0].message, found
    assert "2023-12-12 § 101" in found[0].message


def test_moving_files_and_reordering_lists_is_no_change(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.replace(PLAN, 'beslut: {datum: 2023-12-12, paragraf: "§ 101"}\n', "")
    repo.replace(PLAN, "år: 2024\n", 'år: 2024\nbeslut: {datum: 2023-12-12, paragraf: "§ 101"}\n')
    repo.replace(PLAN, "{2024: 74, 2025: 78, 2026: 82}", "{2026: 82, 2024: 74, 2025: 78}")
    repo.git("mv", "goals/namnder/von", "goals/namnder/vard-och-omsorg")
    repo.commit("Flytta")
    result = validate_path(repo.tree, context=RunContext(today=datetime.date(2024, 6, 1)), compare=base)
    assert [p for p in result.problems if p.code in BINDING] == []


def test_a_reported_outcome_changed_without_a_correction(repo):
    repo.write(REPORT, BOOKED)
    base = repo.commit("Bokslut inlämnat")
    repo.replace(REPORT, "värde: 73 %", "värde: 75 %")
    after_deadline = datetime.date(2025, 3, 1)
    [problem] = _binding(repo, base, after_deadline)
    assert problem.code == "RT903"
    assert "73 % → 75 %" in problem.message and "2025-02-15" in problem.message
    _at(repo, problem, REPORT, "värde: 75 %")
    # Before the deadline the report is still being written.
    assert _binding(repo, base, datetime.date(2025, 2, 10)) == []
    # A manual bedömning is reported too.
    repo.replace(REPORT, "värde: 75 %", "värde: 73 %\n    bedömning: {värde: uppfyllt, motivering: Nära målet.}")
    assert [p.code for p in _binding(repo, base, after_deadline)] == ["RT903"]


def test_a_correction_with_date_and_reason_allows_the_change(repo):
    repo.write(REPORT, BOOKED)
    base = repo.commit("Bokslut inlämnat")
    repo.replace(REPORT, "värde: 73 %", "värde: 75 %")
    repo.replace(REPORT, "datum: 2025-02-14\n",
                 "datum: 2025-02-14\nrättelse: {datum: 2025-03-01, skäl: Slutlig siffra från Socialstyrelsen.}\n")
    assert _binding(repo, base, datetime.date(2025, 3, 2)) == []
    # An old correction does not cover a new change.
    base = repo.commit("Rättat")
    repo.replace(REPORT, "värde: 75 %", "värde: 76 %")
    assert [p.code for p in _binding(repo, base, datetime.date(2025, 4, 1))] == ["RT903"]


def test_a_correction_needs_its_date_and_reason(repo):
    repo.write(REPORT, BOOKED.replace("datum: 2025-02-14\n", "datum: 2025-02-14\nrättelse: {datum: 2025-03-01}\n"))
    result = validate_path(repo.tree, context=RunContext(today=datetime.date(2025, 3, 2)))
    assert any("skäl" in p.message and p.file.endswith(REPORT) for p in result.problems), result.problems


def test_a_tree_new_in_this_change_breaks_nothing(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.git("mv", "goals", "mal")
    repo.tree = repo.path / "mal"
    assert _binding(repo, base) == []


def test_without_compare_the_rules_are_silent(repo):
    repo.replace(PLAN, "2025: 78", "2025: 76")
    result = validate_path(repo.tree, context=RunContext(today=datetime.date(2024, 6, 1)))
    assert not [p for p in result.problems if p.code in BINDING]


def test_git_errors_are_said_in_swedish(repo, tmp_path):
    with pytest.raises(GitError, match="finns inte i git-förrådet"):
        commit_of(repo.tree, "ingen-sadan-gren")
    with pytest.raises(GitError, match="ingen revision"):
        commit_of(repo.tree, "--all")
    outside = tmp_path / "utanfor"
    outside.mkdir()
    with pytest.raises(GitError, match="ligger inte i ett git-förråd"):
        commit_of(outside, "HEAD")
    with pytest.raises(GitError, match="finns inte"):
        commit_of(tmp_path / "saknas", "HEAD")
    # On a feature branch, the default base is where it left main.
    first = repo.git("rev-parse", "HEAD")
    repo.git("checkout", "-q", "-b", "andring")
    repo.replace(PLAN, "2025: 78", "2025: 76")
    repo.commit("Ändring")
    assert default_base(repo.tree) == first


def test_without_git_rt_says_so(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "inget"))
    with pytest.raises(GitError, match="Programmet git finns inte"):
        commit_of(repo.tree, "HEAD")


def test_a_value_written_another_way_is_no_change(repo):
    repo.replace(PLAN, "2025: 78", '2025: "minst 78 %"')
    base = repo.commit("Målvärde med jämförelse")
    repo.replace(PLAN, '2025: "minst 78 %"', '2025: "≥78%"')
    repo.replace(PLAN, "nöjda med hemtjänsten ska öka", "nöjda  med hemtjänsten\n      ska öka")
    assert _binding(repo, base) == []


def test_rt_validate_jamfor_on_the_command_line(repo):
    repo.replace(PLAN, "2025: 78", "2025: 76")
    repo.commit("Sänk målvärdet")
    done = rt("validate", "kommun/goals", "--jämför", "HEAD~1", cwd=repo.path.parent)
    assert done.returncode == 1, done.stderr
    assert "RT901" in done.stdout and "från 78 till 76" in done.stdout and "§ 101" in done.stdout
    # The same run without --jämför knows of no decision broken.
    plain = rt("validate", "kommun/goals", cwd=repo.path.parent)
    assert "RT901" not in plain.stdout
    unknown = rt("validate", "kommun/goals", "--jämför", "finns-inte", cwd=repo.path.parent)
    assert unknown.returncode == 2 and "Revisionen \"finns-inte\" finns inte i git-förrådet" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_without_a_default_branch_rt_asks_for_a_revision(repo):
    repo.git("branch", "-m", "main", "trunk")
    with pytest.raises(GitError, match="Ange vad som ska jämföras"):
        default_base(repo.tree)
