"""rt status on the example: the mix of bedömningar, roll-ups, and gaps."""

from __future__ import annotations

import datetime
import json
import shutil

from roda_traden.domain.grades import Grade
from roda_traden.engine.status import status_report
from roda_traden.loading.tree import load_tree
from tests.conftest import EXAMPLE
from tests.test_cli import rt

DAY = datetime.date(2023, 9, 1)


def _grades(report):
    return {g.goal.id: g.assessment.grade for g in report.status.goals()}


def test_delar_shows_a_mix_and_rolls_up():
    report = status_report(load_tree(EXAMPLE), "delår", 2023, None, DAY)
    assert _grades(report) == {
        "information-om-trygghet": Grade.MET, "nojdhet-sabo": Grade.MET,
        "nojdhet-hemtjanst": Grade.PARTLY, "farre-personal-hemtjanst": Grade.NOT_MET,
    }
    tally = report.tallies["trygg-och-vardig-alderdom"]
    assert (tally.counts[Grade.MET], tally.assessed) == (2, 4)
    assert tally.degree == 62.5 and tally.level == "God måluppfyllelse"  # (2 + 0.5) / 4
    assert report.days_left == 11 and report.gaps == []


def test_bokslut_keeps_the_manual_override_next_to_the_computed():
    report = status_report(load_tree(EXAMPLE), "bokslut", 2023, None, DAY)
    hemtjanst = next(g for g in report.status.goals() if g.goal.id == "nojdhet-hemtjanst")
    assessment = hemtjanst.measures[0].assessment
    assert (assessment.computed, assessment.grade) == (Grade.PARTLY, Grade.MET)
    assert "felmarginal" in assessment.motivation
    assert report.total.counts[Grade.MET] == 3 and report.total.counts[Grade.NOT_MET] == 1


def test_missing_utfall_and_status_are_listed_with_place(tmp_path):
    tree_dir = shutil.copytree(EXAMPLE, tmp_path / "t")
    bokslut = tree_dir / "namnder/von/uppfoljning-2023-bokslut.yaml"
    text = bokslut.read_text(encoding="utf-8")
    bokslut.write_text(text[: text.index("utfall:")] + "utfall: []\n", encoding="utf-8")
    report = status_report(load_tree(tree_dir), "bokslut", 2023, None, DAY)
    codes = sorted({gap.code for gap in report.gaps})
    assert codes == ["RT801", "RT802"]
    first = next(g for g in report.gaps if g.code == "RT801")
    assert first.file.endswith("verksamhetsplan-2023.yaml") and first.line > 1
    assert "rt utfall set VON." in first.hint


def test_status_cli_terminal_and_json():
    done = rt("status", "examples/oxelosund-2023", "--period", "delår", "--idag", "2023-09-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == ["Oxelösunds kommun – Delårsrapport per augusti 2023",
                                            "Inlämning 2023-09-12 (11 dagar kvar)"]
    for shown in ("● uppfyllt", "◐ delvis uppfyllt", "■ ej uppfyllt", "○ kan ej bedömas"):
        assert shown in done.stdout
    # 62,5 rounds up; what it is made of stands beside it.
    assert "måluppfyllelsegrad 63 % (2 uppfyllda, 1 delvis av 4) – God måluppfyllelse" in " ".join(done.stdout.split())
    document = json.loads(rt("status", "examples/oxelosund-2023", "-p", "delår", "--idag", "2023-09-01",
                             "--format", "json", "--org", "VON").stdout)
    assert document["report"] == {"id": "delar", "name": document["report"]["name"], "year": 2023,
                                  "deadline": "2023-09-12", "days_left": 11, "calendar_note": None}
    assert document["summary"]["counts"] == {"uppfyllt": 2, "delvis uppfyllt": 1, "ej uppfyllt": 1, "kan ej bedömas": 16}
    assert document["summary"]["total"] == 20  # the KF-mål directed at VON, not those for UN or KS alone


def test_status_usage_errors():
    assert rt("status", "examples/oxelosund-2023", "--org", "XYZ").stderr.startswith("rt: Okänd organisation \"XYZ\"")
    assert rt("status", "examples/oxelosund-2023", "--period", "kvartal").returncode == 2


def test_validate_with_period_reports_gaps_as_findings(tmp_path):
    tree_dir = shutil.copytree(EXAMPLE, tmp_path / "t")
    (tree_dir / "namnder/von/uppfoljning-2023-bokslut.yaml").unlink()
    done = rt("validate", str(tree_dir), "--period", "bokslut", "--år", "2023", "--no-cache", "-f", "json")
    codes = [p["code"] for p in json.loads(done.stdout)["problems"]]
    assert codes.count("RT801") == 4 and codes.count("RT802") == 8
    assert "RT801" not in rt("validate", str(tree_dir), "--no-cache", "-f", "json").stdout


def test_a_split_measure_rolls_up_from_its_delserier(tmp_path):
    from tests.conftest import make_tree

    plan = """organisation: VON
år: 2024
beslut: {datum: 2023-12-12, paragraf: "§ 101"}
nämndmål:
  - id: nojdhet-hemtjanst
    text: Andelen brukare som är nöjda ska öka
    kf-mål: nojda-brukare
    mått:
      - id: nojdhet
        text: Andel brukare som är ganska eller mycket nöjda
        datakälla: Socialstyrelsens brukarundersökning
        enhet: procent
        delserier:
          - {id: sabo, namn: Särskilt boende, ingångsvärde: {värde: 80, år: 2023}, målvärden: {2024: 84, 2025: 86, 2026: 88}}
          - {id: hemtjanst, namn: Hemtjänst, ingångsvärde: {värde: 85, år: 2023}, målvärden: {2024: 88, 2025: 89, 2026: 90}}
          - {id: lss, namn: LSS, ingångsvärde: {värde: 70, år: 2023}, målvärden: {2024: 74, 2025: 76, 2026: 78}}
"""
    follow_up = """organisation: VON
år: 2024
uppföljning: bokslut
utfall:
  - mått: nojdhet
    avser: 2024-12-31
    delserier:
      - {delserie: sabo, värde: 85}
      - {delserie: hemtjanst, värde: 86}
      - {delserie: lss, värde: 71}
    analys: LSS-enkäten fick få svar.
    åtgärder: Fler svarsvägar nästa år.
"""
    tree = make_tree(tmp_path / "t", {"namnder/von/verksamhetsplan-2024.yaml": plan,
                                      "namnder/von/uppfoljning-2024-bokslut.yaml": follow_up})
    report = status_report(load_tree(tree), "bokslut", 2024, "VON", DAY)
    (measure,) = next(g for g in report.status.goals() if g.goal.id == "nojdhet-hemtjanst").measures
    assert [(part.name, part.assessment.grade) for part in measure.parts] == [
        ("Särskilt boende", Grade.MET), ("Hemtjänst", Grade.NOT_MET), ("LSS", Grade.NOT_MET)]
    assert measure.assessment.grade is Grade.PARTLY
    assert measure.assessment.reason == "1 uppfyllt, 2 ej uppfyllt"


def test_two_status_reports_on_one_tree_each_list_their_own_gaps(tmp_path):
    import datetime
    import shutil

    from roda_traden.engine.status import status_report
    from roda_traden.loading.tree import load_tree
    from tests.conftest import EXAMPLE

    root = shutil.copytree(EXAMPLE, tmp_path / "t")
    (root / "namnder/von/uppfoljning-2023-bokslut.yaml").unlink()  # the bokslut lacks everything, the delår nothing
    tree, day = load_tree(root), datetime.date(2024, 1, 2)
    bokslut = status_report(tree, "bokslut", 2023, None, day).gaps
    assert bokslut
    assert status_report(tree, "delår", 2023, None, day).gaps == []
    assert status_report(tree, "bokslut", 2023, None, day).gaps == bokslut


def test_one_organisations_status_keeps_its_goals_under_a_kf_mal_not_directed_at_it(tmp_path):
    """VON may serve a KF-mål directed at UN; VON's own report must still show that nämndmål."""
    from tests.test_reports import _tree_with_extra_goal

    tree = load_tree(_tree_with_extra_goal(tmp_path))
    status = status_report(tree, "bokslut", 2023, "VON", datetime.date(2024, 1, 15)).status
    assert "trygga-barn-i-hemtjanst" in [g.goal.id for g in status.goals()]
    council = [c.council_goal.id for c in status.council_goals()]
    assert "kunskapsresultat-ak-1-6" in council
    # KF-mål with neither a direction at VON nor a VON nämndmål stay out.
    assert all("VON" in tree.responsible(c.council_goal) or c.goals for c in status.council_goals())
