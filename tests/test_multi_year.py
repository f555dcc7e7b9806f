"""Years side by side: rt status --år 2023..2025 on the example with its
2024 plan (made by rt nytt-år) and a 2024 bokslut written for the test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from roda_traden.cli.app import run
from roda_traden.domain.calendar import find_report
from roda_traden.domain.grades import Grade
from roda_traden.domain.status import history
from roda_traden.loading.tree import load_tree
from tests.conftest import EXAMPLE

BOKSLUT_2024 = """organisation: VON
år: 2024
uppföljning: bokslut
datum: 2025-01-27
utfall:
  - mått: antal-informationsaktiviteter
    värde: 1
  - mått: andel-nojda-sabo
    värde: 81 %
  - mått: andel-nojda-hemtjanst
    värde: 75 %
  - mått: antal-personal-14-dagar
    värde: 16
"""


@pytest.fixture
def two_years(tmp_path: Path) -> Path:
    root = tmp_path / "oxelosund"
    shutil.copytree(EXAMPLE, root)
    assert (root / "namnder/von/verksamhetsplan-2024.yaml").is_file(), "the example has its 2024 plan"
    (root / "namnder/von/uppfoljning-2024-bokslut.yaml").write_text(BOKSLUT_2024, encoding="utf-8")
    return root


def test_each_measure_across_the_years(two_years):
    tree = load_tree(two_years)
    result = history(tree, find_report(tree.kommun.settings, "bokslut"), [2023, 2024])
    rows = {row.measure.id: row for row in result.measures}
    sabo = rows["andel-nojda-sabo"].years
    assert (sabo[2023].value.raw, sabo[2023].target.raw, sabo[2023].assessment.grade) == ("73%", "72%", Grade.MET)
    assert (sabo[2024].value.raw, sabo[2024].target.raw, sabo[2024].assessment.grade) == ("81 %", "80 %", Grade.MET)
    staff = rows["antal-personal-14-dagar"].years
    assert staff[2023].assessment.grade is Grade.NOT_MET and staff[2024].assessment.grade is Grade.MET
    # 1 against 2, starting from 2 (the 2023 utfall): worse than where the year began.
    assert rows["antal-informationsaktiviteter"].years[2024].assessment.grade is Grade.NOT_MET
    assert rows["andel-nojda-hemtjanst"].years[2024].assessment.grade is Grade.NOT_MET  # 75 of 82 from 73
    tallies = result.tallies["trygg-och-vardig-alderdom"]
    assert (round(tallies[2023].degree), round(tallies[2024].degree)) == (75, 50)
    assert result.tallies["mod-och-framtidstro"][2024].assessed == 0


def test_status_range_in_the_terminal_and_as_json(two_years, capsys):
    assert run(["status", str(two_years), "--år", "2023..2025"]) == 0
    out = capsys.readouterr().out
    assert "Bokslut 2023–2024" in out  # 2025 has no plan in the tree
    assert "2023: 3 av 4 bedömda KF-mål uppfyllda" in out
    assert "81\u00a0% (mål 80\u00a0%)" in out
    assert run(["status", str(two_years), "--år", "2023..2025", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["years"] == [2023, 2024]
    sabo = next(m for m in document["measures"] if m["id"] == "andel-nojda-sabo")
    assert sabo["years"]["2024"] == {"target": "80 %", "value": "81 %", "assessment": "uppfyllt",
                                     "computed": "uppfyllt", "reason": sabo["years"]["2024"]["reason"],
                                     "manual": None, "motivation": None}
    goal = next(g for g in document["municipal_goals"] if g["summary"]["2023"]["assessed"])
    assert (goal["id"], goal["summary"]["2023"]["degree"], goal["summary"]["2024"]["degree"]) == \
        ("trygg-och-vardig-alderdom", 75.0, 50.0)


def test_a_year_without_utfall_says_so(tmp_path, capsys):
    root = tmp_path / "t"
    shutil.copytree(EXAMPLE, root)
    assert run(["status", str(root), "--år", "2023..2024", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    cell = next(m for m in document["measures"] if m["id"] == "andel-nojda-sabo")["years"]["2024"]
    assert (cell["value"], cell["assessment"], cell["reason"]) == (None, "kan ej bedömas", "utfall saknas")


def test_bad_ranges_are_usage_errors(two_years, capsys):
    assert run(["status", str(two_years), "--år", "2025..2023"]) == 2
    assert "första året ska komma före det sista" in capsys.readouterr().err
    assert run(["status", str(two_years), "--år", "2030..2031"]) == 2
    assert "ingen verksamhetsplan för 2030–2031" in capsys.readouterr().err
    assert run(["status", str(two_years), "--år", "tjugo"]) == 2


def test_the_follow_up_report_shows_the_years_side_by_side(two_years, capsys):
    assert run(["report", "uppföljning", str(two_years), "--period", "bokslut", "--år", "2024"]) == 0
    text = capsys.readouterr().out
    section = text[text.index("## Utveckling över åren"):]
    assert "| Trygg och värdig ålderdom | 75\u00a0% | 50\u00a0% |" in section
    assert "| VON: andel-nojda-sabo | ● uppfyllt 73\u00a0% (mål 72\u00a0%) | ● uppfyllt 81\u00a0% (mål 80\u00a0%) |" in section
    assert run(["report", "uppföljning", str(two_years), "--period", "bokslut", "--år", "2024", "-f", "html"]) == 0
    html = capsys.readouterr().out
    assert '<h2 id="historik">Utveckling över åren</h2>' in html and "81\u00a0% (mål 80\u00a0%)" in html
    # One year in the tree up to 2023: nothing to set beside it.
    assert run(["report", "uppföljning", str(two_years), "--period", "bokslut", "--år", "2023"]) == 0
    assert "Utveckling över åren" not in capsys.readouterr().out


def test_next_years_plan_does_not_move_this_years_reports(capsys):
    """In November 2023, with the 2024 plan already written, the reports due are 2023's."""
    assert run(["status", str(EXAMPLE), "--idag", "2023-11-15"]) == 0
    assert capsys.readouterr().out.startswith("Oxelösunds kommun – Bokslut 2023")
    assert run(["report", "uppföljning", str(EXAMPLE), "--period", "bokslut", "--idag", "2023-11-15"]) == 0
    assert capsys.readouterr().out.startswith("# Oxelösunds kommun – Bokslut 2023")
    # Once 2024 has begun, it is 2024's turn.
    assert run(["status", str(EXAMPLE), "--idag", "2024-03-01"]) == 0
    assert "2024" in capsys.readouterr().out.splitlines()[0]
