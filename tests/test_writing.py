"""rt utfall set / rt aktivitet set: the value lands in the right file and
nothing else in the file changes – comments, order and quotes byte for byte."""

from __future__ import annotations

import difflib
import os
import shutil

import pytest

from roda_traden.loading.tree import load_tree
from roda_traden.validation import validate_path
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
    refused = rt("aktivitet", "set", "VON.x", "--status", "klar", "--period", "bokslut", "--träd", str(tree_dir))
    assert refused.returncode == 2
    assert refused.stderr.startswith("rt: Aktiviteten \"x\" finns inte i VON:s handlingsplaner 2023.")
