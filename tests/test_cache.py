"""The result cache gives back exactly what a fresh run gives, and only while
nothing that could change the result has changed."""

from __future__ import annotations

import os
from pathlib import Path

from roda_traden.engine import cache, run as validation
from tests.conftest import EXAMPLE, make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"


def test_second_run_is_served_from_the_cache_unchanged(monkeypatch):
    fresh = validation.validate_path(EXAMPLE)
    assert cache.validate_path(EXAMPLE) == fresh

    def must_not_run(*args, **kwargs):
        raise AssertionError("the tree was validated again")

    monkeypatch.setattr(validation, "validate_trees", must_not_run)
    assert cache.validate_path(EXAMPLE) == fresh


def test_a_changed_file_is_validated_again(tmp_path):
    tree = make_tree(tmp_path / "t", {})
    assert cache.validate_path(tree).problems == []
    plan = tree / PLAN
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    plan.write_text("".join(line for line in lines if "datakälla" not in line), encoding="utf-8")
    assert [p.code for p in cache.validate_path(tree).problems] == ["RT202"]


def test_a_new_file_is_noticed(tmp_path):
    tree = make_tree(tmp_path / "t", {})
    cache.validate_path(tree)
    (tree / "namnder" / "anteckning.yaml").write_text("a: 1\n", encoding="utf-8")
    assert [p.code for p in cache.validate_path(tree).problems] == ["RT009"]


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "fil"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RT_CACHE_DIR", str(blocker / "rt"))
    assert cache.validate_path(EXAMPLE).exit_code() == 1
    assert not (blocker / "rt").exists()


def test_entries_are_written_atomically(tmp_path, monkeypatch):
    monkeypatch.setenv("RT_CACHE_DIR", str(tmp_path / "c"))
    cache.validate_path(EXAMPLE)
    names = os.listdir(tmp_path / "c")
    assert len(names) == 1 and names[0].endswith(".json")
    assert Path(tmp_path / "c" / names[0]).read_text(encoding="utf-8").startswith('{"key": ')


def test_problem_paths_follow_the_working_directory(tmp_path, monkeypatch):
    """Problems name files relative to where rt runs; a cached result from
    another directory must not be reused with the wrong paths."""
    tree = make_tree(tmp_path / "t", {"namnder/von/anteckning.yaml": "a: 1\n"})
    monkeypatch.chdir(tmp_path)
    assert [p.file for p in cache.validate_path(Path("t")).problems] == ["t/namnder/von/anteckning.yaml"]
    monkeypatch.chdir(tree)
    assert [p.file for p in cache.validate_path(Path(".")).problems] == ["namnder/von/anteckning.yaml"]


def test_a_damaged_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("RT_CACHE_DIR", str(tmp_path / "c"))
    fresh = cache.validate_path(EXAMPLE)
    (entry,) = (tmp_path / "c").iterdir()
    entry.write_text('{"key": 1, "result": []}', encoding="utf-8")
    assert cache.validate_path(EXAMPLE) == fresh
