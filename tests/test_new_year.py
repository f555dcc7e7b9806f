"""rt nytt-år on the example: next year's plan from the bokslut, comments
kept, the announced findings and no others, and never an overwrite."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from roda_traden.cli.app import run
from roda_traden.engine.run import validate_path
from roda_traden.loading import yaml_reader
from roda_traden.loading.tree import load_tree
from roda_traden.writing.followups import WriteRefused
from roda_traden.writing.layout import format_file
from roda_traden.writing.new_year import new_year
from tests.conftest import EXAMPLE

VON = Path("namnder/von")


@pytest.fixture
def tree_2023(tmp_path: Path) -> Path:
    """The example as it was before it had a 2024 plan."""
    root = tmp_path / "oxelosund"
    shutil.copytree(EXAMPLE, root)
    for name in (VON / "verksamhetsplan-2024.yaml", VON / "handlingsplan-2024-aldreomsorg.yaml"):
        (root / name).unlink(missing_ok=True)
    return root


def _codes(root: Path) -> Counter:
    return Counter((Path(p.file).name, p.code) for p in validate_path(root).problems)


def test_plan_carries_goals_and_starts_from_the_bokslut(tree_2023):
    result = new_year(load_tree(tree_2023), 2023)
    path = tree_2023 / VON / "verksamhetsplan-2024.yaml"
    assert result.written == [path]
    data = yaml_reader.read(path.read_text(encoding="utf-8")).data
    assert data["år"] == 2024 and data["period"] == "2024–2026"
    assert "beslut" not in data
    measures = {m["id"]: m for g in data["nämndmål"] for m in g["mått"]}
    assert measures["andel-nojda-sabo"]["ingångsvärde"] == {
        "värde": "73 %", "år": 2023,
        "källa": "Bokslut 2023: Egen mätning (brukarundersökning hösten 2023, svarsfrekvens 64 %)"}
    assert measures["antal-personal-14-dagar"]["ingångsvärde"]["värde"] == 19
    # Kept where they fall in the new period; 2026 is left for the nämnd to set.
    assert measures["andel-nojda-sabo"]["målvärden"] == {2024: "80 %", 2025: "85 %"}
    assert [g["id"] for g in data["nämndmål"]] == ["information-om-trygghet", "nojdhet-sabo", "nojdhet-hemtjanst",
                                                  "farre-personal-hemtjanst"]
    assert format_file(path).after == path.read_text(encoding="utf-8"), "written in rt fmt's layout"


def test_comments_are_carried_over(tree_2023):
    new_year(load_tree(tree_2023), 2023)
    old = (tree_2023 / VON / "verksamhetsplan-2023.yaml").read_text(encoding="utf-8")
    new = (tree_2023 / VON / "verksamhetsplan-2024.yaml").read_text(encoding="utf-8")

    def comments(text):
        return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]

    assert comments(new) == comments(old)


def test_a_removed_decision_keeps_the_comment_after_it(tree_2023):
    path = tree_2023 / VON / "verksamhetsplan-2023.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "år: 2023\n", "år: 2023\nbeslut:\n  datum: 2022-12-14\n  paragraf: \"§ 95\"\n# Om inledningen.\n", 1)
    path.write_text(text, encoding="utf-8")
    new_year(load_tree(tree_2023), 2023)
    new = (tree_2023 / VON / "verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
    assert "\nbeslut:" not in new and "§ 95" not in new
    assert "# Om inledningen." in new


def test_validates_apart_from_what_it_announces(tree_2023):
    before = _codes(tree_2023)
    result = new_year(load_tree(tree_2023), 2023)
    added = _codes(tree_2023) - before
    new = {code for (name, code) in added if name == "verksamhetsplan-2024.yaml"}
    announced = {code for item in result.to_fill for code in ("RT206", "RT207", "RT304", "RT702") if code in item}
    # The new file repeats the 2023 plan's own gaps (no datakälla, no enhet, …) and adds only what it announced.
    repeated = {code for (name, code) in before if name == "verksamhetsplan-2023.yaml"}
    assert new - repeated <= announced == {"RT206", "RT207", "RT304", "RT702"}
    assert added[("verksamhetsplan-2024.yaml", "RT206")] == 4  # one per mått: 2026
    # In kommun.yaml: the KF-mål the 2023 plan left without a nämndmål, now also for 2024, and nothing else.
    elsewhere = {key: n for key, n in added.items() if key[0] != "verksamhetsplan-2024.yaml"}
    assert elsewhere and all(key[0] == "kommun.yaml" and n == before[key] for key, n in elsewhere.items())


def test_never_overwrites(tree_2023):
    new_year(load_tree(tree_2023), 2023)
    path = tree_2023 / VON / "verksamhetsplan-2024.yaml"
    path.write_text("# mitt eget\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(WriteRefused, match="finns redan"):
        new_year(load_tree(tree_2023), 2023, activities=True)
    assert path.read_text(encoding="utf-8").startswith("# mitt eget")
    assert not (tree_2023 / VON / "handlingsplan-2024-aldreomsorg.yaml").exists(), "nothing written when refused"


def test_unfinished_activities_are_carried(tree_2023):
    result = new_year(load_tree(tree_2023), 2023, activities=True)
    data = yaml_reader.read((tree_2023 / VON / "handlingsplan-2024-aldreomsorg.yaml").read_text(encoding="utf-8")).data
    # min-plan-hemtjanst is pågår and digitalt-planeringsstod stoppad in the bokslut; the rest are klar.
    assert [a["id"] for a in data["aktiviteter"]] == ["min-plan-hemtjanst", "digitalt-planeringsstod"]
    assert any("information-om-trygghet: aktiviteter för 2024" in item for item in result.to_fill)


def test_kommun_period_moves_and_older_plans_keep_theirs(tree_2023):
    kommun = tree_2023 / "kommun.yaml"
    before = kommun.read_text(encoding="utf-8")
    new_year(load_tree(tree_2023), 2023, kommun=True)
    after = kommun.read_text(encoding="utf-8")
    assert after == before.replace("planeringsperiod: 2023–2025", "planeringsperiod: 2024–2026")
    old = yaml_reader.read((tree_2023 / VON / "verksamhetsplan-2023.yaml").read_text(encoding="utf-8")).data
    assert old["period"] == "2023–2025"
    new = yaml_reader.read((tree_2023 / VON / "verksamhetsplan-2024.yaml").read_text(encoding="utf-8")).data
    assert "period" not in new  # it follows the kommun's
    codes = {code for (_name, code) in _codes(tree_2023)}
    assert "RT107" not in codes


def test_cli_prints_what_it_wrote_and_what_to_fill(tree_2023, capsys):
    assert run(["nytt-år", str(tree_2023), "--från", "2023"]) == 0
    out = capsys.readouterr().out
    assert "Skrev" in out and "verksamhetsplan-2024.yaml" in out
    assert "VON: målvärden för 2026 i varje mått (RT206)" in out
    assert run(["nytt-år", str(tree_2023), "--från", "2023"]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert run(["nytt-år", str(tree_2023), "--från", "2023", "--till", "2022"]) == 2


def test_a_comment_between_a_dropped_year_and_a_kept_one_stays_with_the_kept(tree_2023):
    path = tree_2023 / VON / "verksamhetsplan-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert '          2023: "72%"\n          2024: "80%"\n' in text
    path.write_text(text.replace('          2023: "72%"\n          2024: "80%"\n',
                                 '          2023: "72%"\n          # Höjt efter brukarrådet.\n          2024: "80%"\n'),
                    encoding="utf-8")
    new_year(load_tree(tree_2023), 2023)
    new = (tree_2023 / VON / "verksamhetsplan-2024.yaml").read_text(encoding="utf-8")
    assert "        målvärden:\n          # Höjt efter brukarrådet.\n          2024: 80 %\n" in new
