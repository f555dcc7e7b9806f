"""rt utfall set / rt aktivitet set: the value lands in the right file and
nothing else in the file changes – comments, order and quotes byte for byte."""

from __future__ import annotations

import difflib
import os
import re
import shutil

import pytest

from roda_traden.engine.run import validate_path
from roda_traden.loading.tree import load_tree
from roda_traden.writing.followups import WriteRefused, set_activity, set_outcome
from tests.conftest import EXAMPLE
from tests.test_cli import rt

BOKSLUT = "namnder/von/uppfoljning-2023-bokslut.yaml"


@pytest.fixture
def tree_dir(tmp_path):
    return shutil.copytree(EXAMPLE, tmp_path / "t")


def _changes(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_updating_an_utfall_changes_only_its_line(tree_dir):
    before = (tree_dir / BOKSLUT).read_text(encoding="utf-8")
    written = set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "74%", "bokslut", 2023)
    after = written.read_text(encoding="utf-8")
    assert written == tree_dir / BOKSLUT
    assert _changes(before, after) == ['-    värde: "73%"', '+    värde: "74%"']
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in after.splitlines() if line.lstrip().startswith("#")]


def test_a_new_utfall_is_appended_and_a_missing_file_created(tree_dir):
    path = set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "75", "mars", 2023)
    assert path == tree_dir / "namnder/von/uppfoljning-2023-mars.yaml"
    assert path.read_text(encoding="utf-8").endswith(
        "utfall:\n  - mått: andel-nojda-sabo\n    värde: 75\n    avser: 2023-03-31\n")
    set_activity(load_tree(tree_dir), "VON.informationstraffar-trygghet", "pågår", "mars", 2023, "40")
    assert "  - aktivitet: informationstraffar-trygghet\n    status: pågår\n    genomförandegrad: 40\n" in \
        path.read_text(encoding="utf-8")
    assert [p for p in validate_path(tree_dir).problems if "mars" in p.file] == []
    assert not [name for name in os.listdir(path.parent) if name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("address", "period", "message"),
    [
        ("VON.finns-ej", "bokslut", "Måttet \"finns-ej\" finns inte i VON:s verksamhetsplan 2023."),
        ("XYZ.andel-nojda-sabo", "bokslut", "Okänd organisation \"XYZ\". Välj bland: KS, KFN, MSN, UN, VON, KBAB."),
        ("andel-nojda-sabo", "bokslut", "\"andel-nojda-sabo\" ska skrivas ORGANISATION.id, t.ex. VON.nojdhet-sabo."),
        ("VON.andel-nojda-sabo", "kvartal", "Uppföljningen \"kvartal\" finns inte i kalendern."),
    ],
)
def test_refusals_are_explained(tree_dir, address, period, message):
    with pytest.raises(WriteRefused) as refused:
        set_outcome(load_tree(tree_dir), address, "1", period, 2023)
    assert str(refused.value).startswith(message)


def test_cli_writes_and_reports(tree_dir):
    done = rt("utfall", "set", "VON.antal-personal-14-dagar", "18", "--period", "bokslut", "--år", "2023",
              "--träd", str(tree_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Skrev utfallet för VON.antal-personal-14-dagar i ")
    assert "    värde: 18\n" in (tree_dir / BOKSLUT).read_text(encoding="utf-8")
    refused = rt("aktivitet", "set", "VON.x", "--status", "klar", "--period", "bokslut", "--år", "2023",
                 "--träd", str(tree_dir))
    assert refused.returncode == 2
    assert refused.stderr.startswith("rt: Aktiviteten \"x\" finns inte i VON:s handlingsplaner 2023.")


def test_a_file_rt_cannot_read_is_never_written_over(tree_dir):
    delar = tree_dir / "namnder/von/uppfoljning-2023-delar.yaml"
    broken = delar.read_text(encoding="utf-8").replace("  - mått: andel-nojda-sabo", "  - mått: andel-nojda-sabo: [")
    delar.write_text(broken, encoding="utf-8")
    with pytest.raises(WriteRefused, match="uppfoljning-2023-delar.yaml kan inte läsas som uppföljning"):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "delår", 2023)
    assert delar.read_text(encoding="utf-8") == broken


def test_a_misnamed_file_is_not_replaced(tree_dir):
    (tree_dir / BOKSLUT).unlink()
    (tree_dir / "namnder/von/uppfoljning-2023-delar.yaml").rename(tree_dir / BOKSLUT)  # says delar inside
    with pytest.raises(WriteRefused, match="finns men är inte uppföljningen \"bokslut\" 2023 för VON"):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "bokslut", 2023)


def test_line_endings_bom_and_hand_written_dates_are_kept(tree_dir):
    path = tree_dir / BOKSLUT
    text = path.read_text(encoding="utf-8").replace("avser: 2023-12-31", "avser: 2023-11-30", 1)
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    set_outcome(load_tree(tree_dir), "VON.antal-informationsaktiviteter", "3", "bokslut", 2023)
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") and after.count("\r\n") == after.count("\n")
    assert "avser: 2023-11-30" in after


def test_klar_sets_completion_only_when_none_is_given(tree_dir):
    tree = load_tree(tree_dir)
    path = set_activity(tree, "VON.informationstraffar-trygghet", "klar", "delår", 2023)
    entry = path.read_text(encoding="utf-8").split("aktivitet: informationstraffar-trygghet")[1].split("- aktivitet")[0]
    assert "genomförandegrad: 100" not in entry  # it had its own value, which stays
    path = set_activity(load_tree(tree_dir), "VON.informationstraffar-trygghet", "pågår", "mars", 2023)
    set_activity(load_tree(tree_dir), "VON.informationstraffar-trygghet", "klar", "mars", 2023)
    assert "    status: klar\n    genomförandegrad: 100\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "completion", "message"), [
    ("abc", None, "\"abc\" är inget utfall rt kan läsa"),
    ("nytt mål", None, "\"nytt mål\" är inget utfall rt kan läsa"),
])
def test_values_rt_cannot_read_are_refused(tree_dir, value, completion, message):
    with pytest.raises(WriteRefused, match=message):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", value, "bokslut", 2023)


@pytest.mark.parametrize("completion", ["150", "-1", "abc"])
def test_completion_outside_0_to_100_is_refused(tree_dir, completion):
    with pytest.raises(WriteRefused, match="ska vara ett tal från 0 till 100"):
        set_activity(load_tree(tree_dir), "VON.informationstraffar-trygghet", "pågår", "delår", 2023, completion)


def test_read_only_file_is_refused(tree_dir, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root may write anything; pretend not
    with pytest.raises(WriteRefused, match="är skrivskyddad"):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "bokslut", 2023)


def test_numbers_are_written_as_numbers(tree_dir):
    path = set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "-3", "mars", 2023)
    assert "    värde: -3\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "forecast"), [("181", None), ("74", "-3"), ("100,5 %", None), ("1e400", None)])
def test_a_share_outside_0_to_100_is_refused(tree_dir, value, forecast):
    """"Andel brukare … nöjda" is a share even without an enhet: 181 is a typo, never ● uppfyllt."""
    before = (tree_dir / BOKSLUT).read_bytes()
    with pytest.raises(WriteRefused):
        set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", value, "bokslut", 2023, forecast=forecast)
    assert (tree_dir / BOKSLUT).read_bytes() == before


def test_a_share_written_by_hand_outside_0_to_100_is_flagged_and_not_graded(tree_dir):
    from roda_traden.engine.status import status_report

    path = tree_dir / BOKSLUT
    text = path.read_text(encoding="utf-8")
    assert "mått: andel-nojda-sabo" in text
    path.write_text(text.replace("mått: andel-nojda-sabo\n    värde: ", "mått: andel-nojda-sabo\n    värde: 181 #"),
                    encoding="utf-8")
    problems = [p for p in validate_path(tree_dir).problems if p.code == "RT809"]
    assert [(p.file.endswith(BOKSLUT), p.severity.value) for p in problems] == [(True, "fel")]
    report = status_report(load_tree(tree_dir), "bokslut", 2023, "VON", __import__("datetime").date(2024, 1, 2))
    graded = {m.measure.id: m.assessment for g in report.status.goals() for m in g.measures}
    assert graded["andel-nojda-sabo"].grade.value == "kan ej bedömas"
    assert "utanför 0–100" in graded["andel-nojda-sabo"].reason


DELAR = "namnder/von/uppfoljning-2023-delar.yaml"
_MEASURES = {"antal-informationsaktiviteter": "3", "andel-nojda-sabo": "91", "andel-nojda-hemtjanst": "92",
             "antal-personal-14-dagar": "17"}


def _written(tree_dir, name: str) -> dict:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((tree_dir / name).read_text(encoding="utf-8"))
    return {o["mått"]: o.get("värde") for o in data["utfall"]}


@pytest.mark.parametrize("report, name", [("delår", DELAR), ("bokslut", BOKSLUT)])
def test_writers_at_the_same_time_lose_nothing(tree_dir, report, name):
    """Real processes started together, each writing another mått; for the
    bokslut the file does not exist yet, so they also race to create it."""
    import subprocess
    import sys

    if report == "bokslut":
        (tree_dir / name).unlink()
    for _round in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "roda_traden", "utfall", "set", f"VON.{m}", value,
                                  "--period", report, "--år", "2023", "--träd", str(tree_dir)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for m, value in _MEASURES.items()]
        results = [(run.wait(timeout=60), run.stderr.read()) for run in runs]
        assert all(code == 0 for code, _err in results), results
        assert {m: str(v) for m, v in _written(tree_dir, name).items()} == _MEASURES
    assert not list(tree_dir.rglob("*.tmp"))


def test_a_writer_waits_for_the_lock_and_then_says_so(tree_dir, monkeypatch):
    from roda_traden.writing import atomic

    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.2)
    before = (tree_dir / DELAR).read_bytes()
    with atomic.locked((tree_dir / DELAR).parent):
        with pytest.raises(WriteRefused, match="skrivs just nu av en annan körning av rt"):
            set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "75", "delår", 2023)
    assert (tree_dir / DELAR).read_bytes() == before


def test_temporary_files_of_a_killed_writer_are_removed(tree_dir):
    leftover = tree_dir / "namnder/von/.uppfoljning-2023-delar.yaml.x1y2z3.tmp"
    leftover.write_text("halv fil", encoding="utf-8")
    assert "RT009" not in {p.code for p in validate_path(tree_dir).problems}  # never read as a tree file
    set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "75", "delår", 2023)
    assert not leftover.exists()


def _with_endings(text: str, ending: str) -> str:
    return text.replace("\n", ending)


@pytest.mark.parametrize("shape", ["trailing spaces", "CR only", "mixed endings", "no final newline"])
def test_a_write_changes_exactly_the_value(tree_dir, shape):
    """Whatever the file's shape, only the changed value's line differs afterwards."""
    path = tree_dir / DELAR
    text = path.read_text(encoding="utf-8")
    if shape == "trailing spaces":
        text = "".join(line.rstrip("\n") + "   \n" if line.startswith("      ") else line
                       for line in text.splitlines(keepends=True))
    elif shape == "CR only":
        text = _with_endings(text, "\r")
    elif shape == "mixed endings":
        text = "".join(line.rstrip("\n") + ("\r\n" if i % 2 else "\n")
                       for i, line in enumerate(text.splitlines(keepends=True)))
    else:
        text = text.rstrip("\n")
    path.write_bytes(text.encode("utf-8"))
    set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "delår", 2023)
    after = path.read_bytes().decode("utf-8")
    from roda_traden.writing.yamledit import lines_with_endings

    before_lines, after_lines = lines_with_endings(text), lines_with_endings(after)
    changed = [(a, b) for a, b in zip(before_lines, after_lines) if a != b]
    assert len(before_lines) == len(after_lines)
    assert [b.strip() for _a, b in changed] == ["värde: 18"]
    ending = re.compile(r"\r\n|\r|\n|$")
    assert ending.search(changed[0][1]).group() == ending.search(changed[0][0]).group()


def test_texts_with_invisible_line_breaks_are_refused(tree_dir):
    before = (tree_dir / DELAR).read_bytes()
    for text in ("Egen\u2028mätning", "Egen\x85mätning", "Egen\x1b[2Jmätning"):
        with pytest.raises(WriteRefused, match="osynligt tecken"):
            set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "delår", 2023, source=text)
    assert (tree_dir / DELAR).read_bytes() == before


def test_a_link_inside_the_tree_is_written_through(tree_dir):
    real = tree_dir / "namnder/von/arkiv/delar.yaml"
    real.parent.mkdir()
    (tree_dir / DELAR).rename(real)
    (tree_dir / DELAR).symlink_to(real)
    set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "delår", 2023)
    assert (tree_dir / DELAR).is_symlink() and "värde: 18" in real.read_text(encoding="utf-8")


def test_links_outside_the_tree_and_hard_links_are_refused(tree_dir, tmp_path):
    outside = tmp_path / "utanfor.yaml"
    (tree_dir / DELAR).rename(outside)
    (tree_dir / DELAR).symlink_to(outside)
    before = outside.read_bytes()
    # The loader does not follow the link (RT015), so the writer refuses as for any unread file.
    with pytest.raises(WriteRefused, match="kan inte läsas"):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "delår", 2023)
    assert outside.read_bytes() == before
    (tree_dir / DELAR).unlink()
    outside.rename(tree_dir / DELAR)
    os.link(tree_dir / BOKSLUT, tmp_path / "kopia.yaml")
    with pytest.raises(WriteRefused, match="hårda länkar"):
        set_outcome(load_tree(tree_dir), "VON.antal-personal-14-dagar", "18", "bokslut", 2023)


def test_a_text_that_looks_like_an_impossible_date_is_a_refusal_not_a_crash(tree_dir):
    path = tree_dir / DELAR
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("källa: Förvaltningens egen sammanställning av genomförda träffar",
                                 "källa: 2023-02-29", 1), encoding="utf-8")
    assert "källa: 2023-02-29" in path.read_text(encoding="utf-8")
    done = rt("utfall", "set", "VON.andel-nojda-sabo", "74", "--period", "delår", "--år", "2023", "--träd", str(tree_dir))
    assert done.returncode == 2 and "Internt fel" not in done.stderr, done.stderr


def test_a_new_value_after_a_folded_text_with_trailing_spaces_adds_one_line(tree_dir):
    """Every line ends in a space, and the new value lands right after a
    folded analys that ruamel would re-wrap: only the value's line is added."""
    path = tree_dir / DELAR
    text = "".join(line.rstrip("\n") + " \n" for line in path.read_text(encoding="utf-8").splitlines(keepends=True))
    path.write_text(text, encoding="utf-8")
    set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "74", "delår", 2023)
    diff = _changes(text, path.read_text(encoding="utf-8"))
    assert diff == ["+    värde: 74"]


def test_a_writer_killed_mid_write_leaves_nothing_in_the_tree(tree_dir):
    """kill -9 between writing the new version and renaming it: in a git
    repository the temporary file is in .git, where git and rt never look."""
    import subprocess
    import sys

    subprocess.run(["git", "init", "-q", str(tree_dir)], check=True)
    child = ("import os, sys\nfrom roda_traden.loading.tree import load_tree\n"
             "from roda_traden.writing.followups import set_outcome\n"
             "os.replace = lambda *a: os.kill(os.getpid(), 9)\n"
             "set_outcome(load_tree(__import__('pathlib').Path(sys.argv[1])), 'VON.andel-nojda-sabo', '74', 'delår', 2023)\n")
    done = subprocess.run([sys.executable, "-c", child, str(tree_dir)], capture_output=True)
    assert done.returncode == -9
    assert not [p for p in tree_dir.rglob("*.tmp") if ".git" not in p.parts]
    assert list((tree_dir / ".git").glob(".uppfoljning-2023-delar.yaml.*.tmp"))
    status = subprocess.run(["git", "-C", str(tree_dir), "status", "--porcelain", "--untracked-files=all"],
                            capture_output=True, text=True).stdout
    assert ".tmp" not in status
    set_outcome(load_tree(tree_dir), "VON.andel-nojda-sabo", "75", "delår", 2023)
    assert not list((tree_dir / ".git").glob("*.tmp"))
