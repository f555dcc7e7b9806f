"""`rt kolada hämta` against a local Kolada: what it stores, what a re-fetch
may change, and what the stored values then mean for bedömning and validate."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from roda_traden.cli import main as rt_main
from roda_traden.domain import comparisons
from roda_traden.domain.status import build
from roda_traden.kolada.client import Client, KoladaError
from roda_traden.kolada.fetch import fetch
from roda_traden.loading.tree import load_tree
from tests.conftest import make_tree
from tests.kolada_server import FakeKolada, kpi, row

KOMMUN_GROUPS = """
jämförelsegrupper:
  likvärdiga kommuner: G37519
"""
PLAN = """organisation: VON
år: 2024
beslut: {datum: 2023-12-12, paragraf: "§ 101"}
nämndmål:
  - id: nojdhet-hemtjanst
    text: Andelen brukare som är nöjda med hemtjänsten ska öka
    kf-mål: nojda-brukare
    mått:
      - id: nojdhet-hemtjanst
        text: Andel brukare som är ganska eller mycket nöjda med hemtjänsten
        datakälla: Kolada (U21468)
        kolada: U21468
        enhet: procent
        ingångsvärde: {värde: 71, år: 2023}
        målvärden:
          2024: minst i nivå med genomsnittet vid senaste mätning i likvärdiga kommuner
          2025: minst i nivå med genomsnittet vid senaste mätning i likvärdiga kommuner
          2026: minst i nivå med genomsnittet vid senaste mätning i likvärdiga kommuner
nyckeltal:
  - id: personalkontinuitet
    mått: Personalkontinuitet i hemtjänsten, antal personal under 14 dagar
    kolada: U21401
    jämförelse: alla kommuner
"""
FOLLOW_UP = """organisation: VON
år: 2024
uppföljning: bokslut
utfall:
  - mått: nojdhet-hemtjanst
    värde: 84
"""
YEARS = [2022, 2023, 2024]
TODAY = datetime.date(2025, 2, 1)


@pytest.fixture
def kolada():
    server = FakeKolada()
    yield server
    server.close()


def _serve(server: FakeKolada, *, group_2023: float = 86.0, title: str = "Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)"):
    years = ",".join(map(str, YEARS))
    server.json("/kpi/U21401,U21468", [kpi("U21401", "Personalkontinuitet, antal personal"), kpi("U21468", title)])
    server.json(f"/data/kpi/U21468/municipality/9999/year/{years}",
                [row("U21468", "9999", 2022, 80), row("U21468", "9999", 2023, None)])
    server.json(f"/data/kpi/U21468/municipality/0000/year/{years}",
                [row("U21468", "0000", 2022, 87), row("U21468", "0000", 2023, 88)])
    server.json(f"/data/kpi/U21468/municipality/G37519/year/{years}",
                [row("U21468", "G37519", 2022, 85, count=11), row("U21468", "G37519", 2023, group_2023, count=9)])
    server.json(f"/data/kpi/U21401/municipality/9999/year/{years}", [row("U21401", "9999", 2023, 20)])
    server.json(f"/data/kpi/U21401/municipality/0000/year/{years}", [row("U21401", "0000", 2023, 15)])
    # Every kommun and region: "alla kommuner" is the mean of the kommuner only.
    server.json(f"/data/kpi/U21401/year/{years}",
                [row("U21401", "0000", 2023, 15), row("U21401", "0003", 2023, 99),
                 row("U21401", "0114", 2023, 10), row("U21401", "0481", 2023, 20), row("U21401", "2584", 2023, None)])


def _tree(tmp_path: Path, follow_up: bool = False) -> Path:
    base = Path(__file__).parent / "rules" / "base" / "kommun.yaml"
    files = {"kommun.yaml": base.read_text(encoding="utf-8") + KOMMUN_GROUPS,
             "namnder/von/verksamhetsplan-2024.yaml": PLAN}
    if follow_up:
        files["namnder/von/uppfoljning-2024-bokslut.yaml"] = FOLLOW_UP
    return make_tree(tmp_path / "tree", files)


def _fetch(server: FakeKolada, root: Path, **options):
    with Client(server.url, min_interval=0, sleep=lambda _s: None) as client:
        return fetch(load_tree(root), client, YEARS, today=TODAY, **options)


def _stored(root: Path, kpi_id: str) -> dict:
    return YAML(typ="safe", pure=True).load((root / "kolada" / f"{kpi_id}.yaml").read_text(encoding="utf-8"))


def test_fetch_stores_each_kpi_with_title_date_and_source_per_value(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path)
    result = _fetch(kolada, root)
    assert sorted(p.name for p in result.written) == ["U21401.yaml", "U21468.yaml"]
    stored = _stored(root, "U21468")
    assert stored["titel"].startswith("Brukarbedömning hemtjänst")
    assert stored["hämtad"] == TODAY
    kommun = stored["serier"]["kommun"]["värden"]
    # A null value is stored as no value; an absent year is not stored at all.
    assert kommun[2022]["värde"] == 80 and kommun[2023]["värde"] is None and 2024 not in kommun
    assert kommun[2022]["källa"] == f"{kolada.url}/data/kpi/U21468/municipality/9999/year/2022,2023,2024"
    assert kommun[2022]["hämtad"] == TODAY
    group = stored["serier"]["likvärdiga kommuner"]
    assert group["kod"] == "G37519" and group["värden"][2023] == {
        "värde": 86, "antal": 9, "hämtad": TODAY, "källa": f"{kolada.url}/data/kpi/U21468/municipality/G37519/year/2022,2023,2024"}
    everyone = _stored(root, "U21401")["serier"]["alla kommuner"]["värden"][2023]
    assert (everyone["värde"], everyone["antal"]) == (15, 2)  # (10 + 20) / 2: not riket, not the region, not null


def test_stored_values_load_with_the_tree_and_give_the_latest_measurement(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path)
    _fetch(kolada, root)
    tree = load_tree(root)
    assert [s.display for s in tree.sources if s.problems] == []
    found = comparisons.latest_value(tree, "U21468", "likvärdiga kommuner", 2024)
    assert (found.year, found.value, found.count) == (2023, 86.0, 9)
    assert found.describe() == "genomsnittet i likvärdiga kommuner 2023 (9 kommuner; Kolada U21468, hämtat 2025-02-01)"


def test_bedomning_of_a_relational_target_uses_the_stored_comparison_and_says_which(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path, follow_up=True)
    _fetch(kolada, root)
    tree = load_tree(root)
    report = next(r for r in tree.kommun.settings.follow_ups if r.id == "bokslut")
    status = build(tree, report, 2024)
    [measure] = [m for g in status.goals() for m in g.measures if m.measure.id == "nojdhet-hemtjanst"]
    # 2024 is not measured yet: the latest measurement, 2023, is the comparison.
    assert measure.assessment.reason == ("utfall 84 mot genomsnittet i likvärdiga kommuner 2023 (9 kommuner; "
                                         "Kolada U21468, hämtat 2025-02-01): 86")
    assert measure.assessment.grade.value == "delvis uppfyllt"  # 84 is within the tolerance below 86


def test_a_refetch_that_changes_a_used_value_writes_nothing_without_approval(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path, follow_up=True)
    _fetch(kolada, root)
    path = root / "kolada" / "U21468.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("serier:", "# Granskad av VON 2025-02-02.\nserier:"),
                    encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    _serve(kolada, group_2023=83.5, title="Brukarbedömning hemtjänst - helhetssyn, andel (%)")
    result = _fetch(kolada, root)
    assert [c.describe() for c in result.blocked] == ["U21468 likvärdiga kommuner 2023: 86 → 83,5"]
    assert result.written == [] and path.read_text(encoding="utf-8") == before
    assert result.titles == [("U21468", "Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)",
                              "Brukarbedömning hemtjänst - helhetssyn, andel (%)")]
    approved = _fetch(kolada, root, approve=True)
    assert path in approved.written
    text = path.read_text(encoding="utf-8")
    assert "# Granskad av VON 2025-02-02." in text  # the comment is kept
    assert _stored(root, "U21468")["serier"]["likvärdiga kommuner"]["värden"][2023]["värde"] == 83.5


def test_an_unchanged_value_keeps_its_fetch_date(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path)
    _fetch(kolada, root)
    with Client(kolada.url, min_interval=0, sleep=lambda _s: None) as client:
        fetch(load_tree(root), client, YEARS, today=TODAY + datetime.timedelta(days=30))
    stored = _stored(root, "U21468")
    assert stored["hämtad"] == TODAY + datetime.timedelta(days=30)
    assert stored["serier"]["kommun"]["värden"][2022]["hämtad"] == TODAY


def test_rt_kolada_hamta_offline_says_so_in_swedish_and_exits_2(tmp_path, capsys):
    root = _tree(tmp_path)
    server = FakeKolada()
    url = server.url
    server.close()
    with pytest.raises(SystemExit) as done:
        rt_main(["kolada", "hämta", str(root), "--api", url, "--år", "2022-2024"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "Kolada går inte att nå (127.0.0.1)" in err and "Traceback" not in err
    assert not (root / "kolada").exists()


def test_rt_kolada_hamta_names_the_changes_and_exits_1_until_approved(kolada, tmp_path, capsys):
    _serve(kolada)
    root = _tree(tmp_path, follow_up=True)
    args = ["kolada", "hämta", str(root), "--api", kolada.url, "--år", "2022-2024"]
    with pytest.raises(SystemExit) as done:
        rt_main(args)
    assert done.value.code == 0
    _serve(kolada, group_2023=83.5)
    with pytest.raises(SystemExit) as done:
        rt_main(args)
    assert done.value.code == 1
    assert "U21468 likvärdiga kommuner 2023: 86 → 83,5" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        rt_main([*args, "--godkänn-ändringar"])
    assert done.value.code == 0


def test_rt_kolada_sok_lists_ids_titles_and_descriptions(kolada, capsys):
    kolada.json("/kpi", [kpi("U21401", "Personalkontinuitet, antal personal", "Antal personal en brukare möter.")])
    with pytest.raises(SystemExit) as done:
        rt_main(["kolada", "sök", "hemtjänst kontinuitet", "--api", kolada.url])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "U21401  Personalkontinuitet, antal personal" in out and "Antal personal en brukare möter." in out
    assert kolada.requests[0][1]["title"] == ["hemtjänst kontinuitet"]


def test_the_example_trees_stored_values_are_marked_and_load(tmp_path):
    example = Path(__file__).parent.parent / "examples" / "oxelosund-2023"
    root = tmp_path / "example"
    shutil.copytree(example, root)
    stored = (root / "kolada" / "U21401.yaml").read_text(encoding="utf-8")
    assert "exempeldata" in stored.lower()
    tree = load_tree(root)
    assert comparisons.latest_value(tree, "U21401", "riket", 2023) is not None


def test_a_broken_stored_file_is_a_finding_and_is_never_fetched_over(kolada, tmp_path):
    _serve(kolada)
    root = _tree(tmp_path)
    _fetch(kolada, root)
    path = root / "kolada" / "U21468.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{värde: 80,", "{värde: åttio,"), encoding="utf-8")
    tree = load_tree(root)
    [source] = [s for s in tree.sources if s.path == path]
    [problem] = source.problems
    line = next(n for n, written in enumerate(text.splitlines(), 1) if "{värde: 80," in written)
    assert (problem.code, problem.line) == ("RT007", line)
    with pytest.raises(KoladaError, match="kan inte läsas; inget hämtades"):
        _fetch(kolada, root)
    assert "åttio" in path.read_text(encoding="utf-8")
