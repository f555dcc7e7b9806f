"""The result cache gives back exactly what a fresh run gives, and only while
nothing that could change the result has changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from roda_traden.engine import cache
from roda_traden.engine import run as validation
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


def _result_files(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*.json") if p.name != "stat.json" and p.parent.name != "runs"]


def test_entries_are_written_atomically(tmp_path, monkeypatch):
    monkeypatch.setenv("RT_CACHE_DIR", str(tmp_path / "c"))
    cache.validate_path(EXAMPLE)
    (entry,) = _result_files(tmp_path / "c")
    assert entry.read_text(encoding="utf-8").startswith('{"key": ')
    assert not list((tmp_path / "c").rglob("*.tmp"))


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
    (entry,) = _result_files(tmp_path / "c")
    entry.write_text('{"key": 1, "result": []}', encoding="utf-8")
    assert cache.validate_path(EXAMPLE) == fresh
    stat = next((tmp_path / "c").rglob("stat.json"))
    stat.write_text('{"files": {"kommun.yaml": [1]}}', encoding="utf-8")
    assert cache.validate_path(EXAMPLE) == fresh


def _must_not_validate(*args, **kwargs):
    raise AssertionError("the tree was validated again")


def test_a_file_saved_during_a_run_is_never_served_stale(tmp_path, monkeypatch):
    """The result is keyed on the bytes validated: a save between the
    cache's look at the files and the validation reading them leaves no
    entry under the old content's key."""
    tree = make_tree(tmp_path / "t", {})
    plan = tree / PLAN
    clean = plan.read_text(encoding="utf-8")
    broken = "".join(line for line in clean.splitlines(keepends=True) if "datakälla" not in line)
    real = validation.validate_trees

    def save_first(roots, jobs, context):
        plan.write_text(broken, encoding="utf-8")  # the user saves while rt runs
        return real(roots, jobs, context)

    monkeypatch.setattr(validation, "validate_trees", save_first)
    assert [p.code for p in cache.validate_path(tree).problems] == ["RT202"]
    monkeypatch.setattr(validation, "validate_trees", real)
    plan.write_text(clean, encoding="utf-8")
    assert cache.validate_path(tree).problems == []


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "RACY_NS", 0)
    tree = make_tree(tmp_path / "t", {})
    fresh = cache.validate_path(tree)

    def must_not_read(*args, **kwargs):
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(cache, "read_limited", must_not_read)
    monkeypatch.setattr(validation, "validate_trees", _must_not_validate)
    assert cache.validate_path(tree) == fresh


def test_a_recently_written_file_is_hashed_however_its_stat_looks(tmp_path, monkeypatch):
    """Within the racy window a same-size rewrite in the same clock tick
    could keep the stat; such a file is always read."""
    tree = make_tree(tmp_path / "t", {})
    cache.validate_path(tree)
    plan = tree / PLAN
    before = plan.stat()
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Socialstyrelsens", "Socialstyrelsenz"), encoding="utf-8")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert plan.stat().st_size == before.st_size
    with_change = cache.validate_path(tree)
    assert with_change == validation.validate_path(tree)


def test_alternating_contexts_keep_their_own_entries(monkeypatch):
    from roda_traden.domain.context import RunContext

    delar, bokslut = RunContext("delar", 2023), RunContext("bokslut", 2023)
    first = cache.validate_path(EXAMPLE, context=delar), cache.validate_path(EXAMPLE, context=bokslut)
    monkeypatch.setattr(validation, "validate_trees", _must_not_validate)
    assert (cache.validate_path(EXAMPLE, context=delar), cache.validate_path(EXAMPLE, context=bokslut)) == first


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    from roda_traden.domain.context import RunContext

    monkeypatch.setenv("RT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "RESULTS_PER_TREE", 2)
    for year in (2023, 2024, 2025):
        cache.validate_path(EXAMPLE, context=RunContext(year=year))
    assert len(_result_files(tmp_path / "c")) == 2


def _rt(*args: str, env: dict | None = None, cwd: Path = EXAMPLE.parent.parent):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "roda_traden", *args], capture_output=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_a_cache_hit_answers_byte_for_byte_as_a_full_run():
    example = str(EXAMPLE.relative_to(EXAMPLE.parent.parent))
    for args in ([], ["-f", "json"], ["--format=github", "--strict"], ["-p", "delår", "--år", "2023"]):
        full = _rt("validate", example, *args, "--no-cache")
        stored = _rt("validate", example, *args)
        answered = _rt("validate", example, *args)
        for run in (stored, answered):
            assert (run.returncode, run.stdout, run.stderr) == (full.returncode, full.stdout, full.stderr), args


def test_validate_without_typer_answers_as_the_typer_command_does(tmp_path):
    """The plain forms of `rt validate` skip typer (RT_DEBUG forces typer):
    output, messages and exit codes must be the same, mistakes included."""
    example = str(EXAMPLE.relative_to(EXAMPLE.parent.parent))
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    forms = (["--no-cache"], ["-f", "json", "--no-cache"], ["--format=github", "--strict", "--no-cache"],
             ["-p", "delår", "--år", "2023", "--no-cache", "-j", "1"], ["--period", "okänd", "--no-cache"],
             ["--år", "1800"], ["-f", "xml"], ["--år=2023", "-f=json", "--no-cache"])
    for args in forms:
        typer_run = _rt("validate", example, *args, env={"RT_DEBUG": "1"})
        fast = _rt("validate", example, *args)
        assert (fast.returncode, fast.stdout, fast.stderr) == \
            (typer_run.returncode, typer_run.stdout, typer_run.stderr), args
    for where in ("saknas", str(tmp_path / "notes.txt"), str(tmp_path)):
        typer_run, fast = _rt("validate", where, env={"RT_DEBUG": "1"}), _rt("validate", where)
        assert fast.returncode == typer_run.returncode == 2, where
        assert fast.stderr == typer_run.stderr and fast.stderr.startswith(b"rt: "), where
    # Without a path: the tree found upwards from inside it, and no tree at all.
    for cwd, code in ((EXAMPLE / "namnder" / "von", 1), (tmp_path, 2)):
        for args in (["--no-cache"], ["-f", "json"], ["-f", "xml"]):
            typer_run = _rt("validate", *args, env={"RT_DEBUG": "1"}, cwd=cwd)
            fast = _rt("validate", *args, cwd=cwd)
            assert (fast.returncode, fast.stdout, fast.stderr) == \
                (typer_run.returncode, typer_run.stdout, typer_run.stderr), (cwd, args)
            assert fast.returncode == (2 if "xml" in args else code), (cwd, args)
    assert b"../../kommun.yaml" in _rt("validate", "-f", "json", cwd=EXAMPLE / "namnder" / "von").stdout


def test_a_cold_validate_needs_no_typer():
    probe = ("import sys\nfrom roda_traden.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as done:\n"
             "    sys.stderr.write(f'{done.code} {\"typer\" in sys.modules}')\n")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", probe, "validate", str(EXAMPLE), "--no-cache", "-f", "json"],
                          capture_output=True, text=True)
    assert done.stderr == "1 False"
    assert json.loads(done.stdout)["problems"]


def test_a_cache_hit_needs_neither_typer_nor_pydantic_nor_rich():
    probe = ("import sys\nfrom roda_traden.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as done:\n"
             "    heavy = sorted(m for m in ('typer', 'pydantic', 'rich', 'ruamel.yaml', 'jinja2') if m in sys.modules)\n"
             "    sys.stderr.write(f'{done.code} {heavy}')\n")
    import subprocess
    import sys

    def run():
        return subprocess.run([sys.executable, "-c", probe, "validate", str(EXAMPLE), "-f", "json"],
                              capture_output=True, text=True).stderr

    assert "'pydantic'" in run()  # the first run does the work
    assert run() == "1 []"
