"""rt export: the tree as a Frictionless Data Package, checked by the
frictionless package itself (schemas, keys, foreign keys)."""

from __future__ import annotations

import csv
import json

import frictionless
import pytest

from tests.conftest import EXAMPLE, make_tree
from tests.test_cli import rt

FOLLOW_UP = """\
organisation: VON
år: 2024
uppföljning: bokslut
utfall:
  - mått: nojdhet-hemtjanst
    värde: "75,5 %"
    avser: 2024-12-31
    föregående-år: 71
"""


def _table(folder, name: str) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _valid(folder) -> None:
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_the_example_exports_as_a_valid_data_package(tmp_path):
    done = rt("export", str(EXAMPLE), "-o", str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Skrev 10 tabeller och datapackage.json till {tmp_path / 'data'}.\n"
    _valid(tmp_path / "data")
    package = json.loads((tmp_path / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in package["resources"]] == [
        "vision", "organisationer", "kommunmal", "kf-mal", "namndmal", "matt", "delserier", "malvarden", "utfall",
        "bedomningar"]
    measures = next(r for r in package["resources"] if r["name"] == "matt")["schema"]
    assert measures["foreignKeys"] == [{"fields": ["nämndmål"], "reference": {"resource": "namndmal", "fields": ["id"]}}]
    targets = {row["id"]: row for row in _table(tmp_path / "data", "malvarden")}
    assert targets["VON.2023.andel-nojda-sabo.2023"] == {
        "id": "VON.2023.andel-nojda-sabo.2023", "mått": "VON.2023.andel-nojda-sabo", "delserie": "", "målår": "2023",
        "målvärde": "72%", "målvärde-tal": "72"}
    goals = {row["id"]: row for row in _table(tmp_path / "data", "namndmal")}
    assert goals["VON.2023.nojdhet-sabo"]["kf-mål"] == "nojda-sarskilt-boende"
    grades = {(r["uppföljning"], r["nivå"], r["bedömt"]): r for r in _table(tmp_path / "data", "bedomningar")}
    sabo = grades["bokslut", "mått", "VON.2023.andel-nojda-sabo"]
    assert (sabo["bedömning"], sabo["grund"]) == ("uppfyllt", "utfall 73\u00a0% mot målvärde 72\u00a0%")


def test_numbers_have_a_decimal_point_and_a_goal_and_its_measure_may_share_an_id(tmp_path):
    tree = make_tree(tmp_path / "t", {"namnder/von/uppfoljning-2024-bokslut.yaml": FOLLOW_UP})
    assert rt("export", str(tree), "-o", str(tmp_path / "data")).returncode == 0
    _valid(tmp_path / "data")
    outcome, = _table(tmp_path / "data", "utfall")
    assert (outcome["värde"], outcome["värde-tal"], outcome["föregående-år-tal"]) == ("75,5 %", "75.5", "71")
    assert outcome["id"] == "VON.2024.bokslut.nojdhet-hemtjanst"
    assessed = {(r["nivå"], r["bedömt"]) for r in _table(tmp_path / "data", "bedomningar")}
    # Nämndmål and mått are named alike in the plan; the level keeps their bedömningar apart.
    assert {("nämndmål", "VON.2024.nojdhet-hemtjanst"), ("mått", "VON.2024.nojdhet-hemtjanst")} <= assessed
    measure = {r["id"]: r for r in _table(tmp_path / "data", "matt")}["VON.2024.nojdhet-hemtjanst"]
    assert (measure["ingångsvärde-tal"], measure["ingångsvärde-år"]) == ("71", "2023")


def test_an_earlier_export_is_replaced_but_another_folder_is_left_alone(tmp_path):
    tree = make_tree(tmp_path / "t", {})
    data = tmp_path / "data"
    assert rt("export", str(tree), "-o", str(data)).returncode == 0
    (tree / "namnder/von/uppfoljning-2024-bokslut.yaml").write_text(FOLLOW_UP, encoding="utf-8")
    # A killed export's temporary file is no other content: it is cleared.
    (data / ".utfall.csv.x1y2.tmp").write_text("halv", encoding="utf-8")
    assert rt("export", str(tree), "-o", str(data)).returncode == 0
    assert len(_table(data, "utfall")) == 1
    assert not (data / ".utfall.csv.x1y2.tmp").exists()
    (data / "egen.txt").write_text("min fil", encoding="utf-8")
    done = rt("export", str(tree), "-o", str(data))
    assert done.returncode == 2
    assert f"rt: Mappen \"{data}\" innehåller annat än en tidigare export från rt (egen.txt)" in done.stderr
    other = tmp_path / "annat"
    other.mkdir()
    (other / "datapackage.json").write_text('{"name": "ett-annat-paket"}', encoding="utf-8")
    done = rt("export", str(tree), "-o", str(other))
    assert done.returncode == 2
    assert json.loads((other / "datapackage.json").read_text(encoding="utf-8")) == {"name": "ett-annat-paket"}


@pytest.mark.parametrize("files, message", [
    ({"namnder/von/verksamhetsplan-2024.yaml": (EXAMPLE.parent.parent / "tests/rules/base/namnder/von/"
                                                "verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
      .replace("kf-mål: nojda-brukare", "kf-mål: nojda-brukar")},
     "rt: namnder/von/verksamhetsplan-2024.yaml:7:5: Nämndmål hänvisar till \"nojda-brukar\" som inte finns "
     "bland kf-mål. Kör \"rt validate\" och rätta hänvisningen."),
    ({"namnder/von/uppfoljning-2024-bokslut.yaml": FOLLOW_UP.replace("uppföljning: bokslut", "uppföljning: halvår")},
     "rt: namnder/von/uppfoljning-2024-bokslut.yaml:3:1: Uppföljningen \"halvår\" finns inte i kalendern. "
     "Välj bland: delar, bokslut."),
])
def test_what_would_break_the_package_is_refused_where_it_is_written(tmp_path, files, message):
    tree = make_tree(tmp_path / "t", files)
    done = rt("export", ".", "-o", str(tmp_path / "data"), cwd=tree)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == message
    assert not (tmp_path / "data").exists()


def test_a_year_limits_plans_and_follow_ups_and_an_unknown_year_is_refused(tmp_path):
    tree = make_tree(tmp_path / "t", {"namnder/von/uppfoljning-2024-bokslut.yaml": FOLLOW_UP})
    assert rt("export", str(tree), "-o", str(tmp_path / "data"), "--år", "2024").returncode == 0
    assert len(_table(tmp_path / "data", "namndmal")) == 2
    done = rt("export", str(tree), "-o", str(tmp_path / "ny"), "--år", "2023")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == ("rt: Trädet har ingen verksamhetsplan för 2023; det finns för 2024. "
                                           "Ange ett annat år med --år.")


def test_a_file_is_no_folder_to_export_to(tmp_path):
    (tmp_path / "data").write_text("x", encoding="utf-8")
    done = rt("export", str(make_tree(tmp_path / "t", {})), "-o", str(tmp_path / "data"))
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == f"rt: \"{tmp_path / 'data'}\" är en fil, inte en mapp. Ange en ny eller " \
                                          "tom mapp med -o."
