"""Finding the tree a command works on, and the files rt reads in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from roda_traden.loading.discovery import default_tree, yaml_files
from roda_traden.loading.tree import meant_name
from tests.conftest import make_tree


def test_the_nearest_tree_upwards_is_found_from_a_folder_inside_it(tmp_path, monkeypatch):
    tree = make_tree(tmp_path / "repo" / "mal", {})
    (tmp_path / "repo" / ".git").mkdir()
    monkeypatch.chdir(tree / "namnder" / "von")
    assert default_tree() == Path("../..")
    monkeypatch.chdir(tree)
    assert default_tree() == Path(".")


def test_an_inner_tree_is_nearer_than_the_outer(tmp_path, monkeypatch):
    outer = make_tree(tmp_path / "outer", {})
    inner = make_tree(outer / "delkommun", {})
    monkeypatch.chdir(inner / "namnder")
    assert default_tree() == Path("..")


def test_the_search_stops_at_the_repository_root_and_falls_back_to_its_goals(tmp_path, monkeypatch):
    """A kommun.yaml above the repository belongs to another project, as git
    does not look above its own root."""
    make_tree(tmp_path / "other", {})
    repo = tmp_path / "other" / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")  # a worktree's .git is a file
    monkeypatch.chdir(repo / "docs")
    assert default_tree() == Path("../goals")


def test_outside_a_repository_the_fallback_is_goals_here(tmp_path, monkeypatch):
    if any((d / ".git").exists() or (d / "kommun.yaml").exists() for d in tmp_path.parents):
        pytest.skip("the temporary folder lies in a repository or a tree")
    (tmp_path / "x").mkdir()
    monkeypatch.chdir(tmp_path / "x")
    assert default_tree() == Path("goals")


def test_dot_files_are_left_out_and_capital_suffixes_kept(tmp_path):
    tree = make_tree(tmp_path / "t", {".pre-commit-config.yaml": "repos: []\n", ".github/ci.yml": "a: 1\n",
                                      "namnder/von/verksamhetsplan-2025.YAML": "a: 1\n"})
    names = [p.relative_to(tree).as_posix() for p in yaml_files(tree)]
    assert ".pre-commit-config.yaml" not in names and ".github/ci.yml" not in names
    assert "namnder/von/verksamhetsplan-2025.YAML" in names


@pytest.mark.parametrize(("name", "meant"), [
    ("verksamhetplan-2027.yaml", "verksamhetsplan-2027.yaml"),
    ("uppfoljnng-2027-delar.yaml", "uppfoljning-2027-delar.yaml"),
    ("Verksamhetsplan-2027.yml", "verksamhetsplan-2027.yml"),
    ("verksamhetsplan_2027_reviderad.yaml", "verksamhetsplan-2027-reviderad.yaml"),
    ("verksamhetsplan-2027.YAML", "verksamhetsplan-2027.yaml"),
    ("handlingplan-2027-aldreomsorg.yaml", "handlingsplan-2027-aldreomsorg.yaml"),
    ("verksamhetsplan.yaml", "verksamhetsplan-ÅÅÅÅ.yaml"),
    ("anteckningar.yaml", None),
    ("mkdocs.yml", None),
    ("namndplan-2027.yaml", None),
])
def test_a_misspelt_file_name_gets_the_nearest_known_name(name, meant):
    assert meant_name(name) == meant
