"""The kommun's bedömning models at their boundaries: andel-av-målvärde,
trend and jämförelse beside today's avstånd, a KF-mål's own model, and
the roll-up setting."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from roda_traden.domain import status
from roda_traden.domain.calendar import find_report
from roda_traden.domain.evaluate import assess
from roda_traden.domain.grades import Grade, combine
from roda_traden.language.values import parse_target
from roda_traden.language.words import Direction
from roda_traden.loading.tree import load_tree
from roda_traden.models.followup import Outcome
from roda_traden.models.settings import AssessmentSettings
from tests.conftest import EXAMPLE

MET, PARTLY, NOT_MET, UNKNOWN = Grade.MET, Grade.PARTLY, Grade.NOT_MET, Grade.UNKNOWN
UP, DOWN = Direction.UP, Direction.DOWN
SHARE = AssessmentSettings.model_validate({"modell": "andel-av-målvärde",
                                           "andel-av-målvärde": {"uppfyllt": 100, "delvis": 91}})


def grade(target, value=None, *, settings, baseline=None, direction=UP, previous=None, benchmark=None,
          last_year=None, model=None):
    data = {"mått": "m"}
    for key, item in (("värde", value), ("föregående-år", previous)):
        if item is not None:
            data[key] = item
    if benchmark is not None:
        data["jämförelsevärde"] = {"värde": benchmark, "år": 2023, "avser": "riket"}
    return assess(parse_target(target) if target is not None else None, Outcome.model_validate(data), year=2023,
                  baseline=baseline, direction=direction, use_forecast=False, settings=settings, model=model,
                  previous=parse_target(last_year) if last_year is not None else None).grade


@pytest.mark.parametrize("value, expected", [
    (100, MET),      # exactly the målvärde
    (99.9, PARTLY),  # not rounded up to 100
    (91, PARTLY),    # exactly the delvis threshold
    (90.9, NOT_MET),
    (90, NOT_MET),
])
def test_share_of_target_at_its_thresholds(value, expected):
    assert grade("100", value, settings=SHARE) is expected


def test_share_of_target_ignores_the_baseline():
    # 95 of 100 is delvis by share even where avstånd (from 94) would say 17 % of the way: ej.
    assert grade("100", 95, settings=SHARE, baseline=94) is PARTLY
    assert grade("100", 95, settings=AssessmentSettings(), baseline=94) is NOT_MET


@pytest.mark.parametrize("value, expected", [
    (16, MET),         # at a decreasing målvärde
    (17.5, PARTLY),    # 16/17,5 = 91,4 %
    (17.6, NOT_MET),   # 16/17,6 = 90,9 %
    (0, MET),
])
def test_share_of_target_is_inverted_for_a_decreasing_target(value, expected):
    assert grade("16", value, settings=SHARE, direction=DOWN) is expected


@pytest.mark.parametrize("target, value, expected", [
    (">25", 25, PARTLY),    # strict: at the målvärde is not above it
    (">25", 25.5, MET),
    ("<176", 176, PARTLY),
    ("<176", 175, MET),
    ("<176", 194, NOT_MET),  # 176/194 = 90,7 %
    ("minst 90 %", "82 %", PARTLY),
])
def test_share_of_target_with_comparators(target, value, expected):
    assert grade(target, value, settings=SHARE, direction=None) is expected


def test_share_of_target_with_a_lower_met_threshold():
    settings = AssessmentSettings.model_validate({"modell": "andel-av-målvärde",
                                                  "andel-av-målvärde": {"uppfyllt": 95, "delvis": 80}})
    assert grade("100", 95, settings=settings) is MET
    assert grade("100", 94.9, settings=settings) is PARTLY
    assert grade("100", 79.9, settings=settings) is NOT_MET


def test_share_of_target_yes_no_and_missing_data():
    assert grade("ja", "ja", settings=SHARE) is MET
    assert grade("ja", "nej", settings=SHARE) is NOT_MET
    assert grade("100", None, settings=SHARE) is UNKNOWN
    assert grade(None, 100, settings=SHARE) is UNKNOWN
    assert grade("100", -5, settings=SHARE) is UNKNOWN


def test_thresholds_in_the_wrong_order_are_refused():
    with pytest.raises(ValidationError, match="kan inte vara högre"):
        AssessmentSettings.model_validate({"andel-av-målvärde": {"uppfyllt": 90, "delvis": 95}})
    # In the plans' number style, not Python's: "92,5 %", never "92.5" or "95.0".
    with pytest.raises(ValidationError, match=r"\(92,5 %\) kan inte vara högre än \"uppfyllt\" \(90 %\)"):
        AssessmentSettings.model_validate({"andel-av-målvärde": {"uppfyllt": 90, "delvis": 92.5}})


TREND = AssessmentSettings.model_validate({"modell": "trend"})


def test_trend_against_the_previous_year():
    assert grade("74 %", "73 %", settings=TREND, previous="71 %") is MET  # better, though under the målvärde
    assert grade("74 %", "70 %", settings=TREND, previous="71 %") is NOT_MET
    assert grade("74 %", "71 %", settings=TREND, previous="71 %") is PARTLY  # unchanged where it should rise
    assert grade("16", 19, settings=TREND, previous=20, direction=DOWN) is MET
    assert grade("<176", 180, settings=TREND, previous=170, direction=None) is NOT_MET


def test_trend_reads_last_years_bokslut_and_says_when_nothing_is_there():
    assert grade(None, 73, settings=TREND, last_year=71) is MET
    assert grade(None, 73, settings=TREND, previous=75, last_year=71) is NOT_MET  # the utfall's own word first
    reading = assess(None, Outcome.model_validate({"mått": "m", "värde": 73}), year=2023, baseline=None,
                     direction=UP, use_forecast=False, settings=TREND)
    assert reading.grade is UNKNOWN and "föregående års utfall saknas" in reading.reason
    assert grade(None, "ja", settings=TREND, previous="nej") is UNKNOWN


def test_comparison_model():
    settings = AssessmentSettings.model_validate({"modell": "jämförelse"})
    assert grade(None, "73 %", settings=settings, benchmark="72 %") is MET
    assert grade(None, "72 %", settings=settings, benchmark="72 %") is MET
    assert grade(None, "70 %", settings=settings, benchmark="72 %") is PARTLY  # within the 5 % tolerans
    assert grade(None, "60 %", settings=settings, benchmark="72 %") is NOT_MET
    assert grade("16", 19, settings=settings, benchmark=20, direction=DOWN) is MET
    assert grade(None, "73 %", settings=settings) is UNKNOWN


def test_a_council_goals_model_overrides_the_kommuns():
    assert grade("74 %", "73 %", settings=AssessmentSettings(), previous="71 %", model="trend") is MET
    assert grade("74 %", "73 %", settings=AssessmentSettings(), previous="71 %") is PARTLY


def test_roll_up_worst_counts():
    assert combine([MET, NOT_MET, MET], "", "blandat").grade is PARTLY
    assert combine([MET, NOT_MET, MET], "", "sämsta").grade is NOT_MET
    assert combine([MET, PARTLY], "", "sämsta").grade is PARTLY
    assert combine([UNKNOWN], "inget", "sämsta").grade is UNKNOWN


def test_settings_and_kf_goal_model_in_the_example(tmp_path):
    """kommun.yaml's inställningar.bedömning and a KF-mål's bedömning reach rt status."""
    import shutil

    root = tmp_path / "t"
    shutil.copytree(EXAMPLE, root)
    kommun = root / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    assert "      - id: nojda-hemtjanst\n" in text
    text = text.replace("      - id: nojda-hemtjanst\n", "      - id: nojda-hemtjanst\n        bedömning: trend\n", 1)
    kommun.write_text(text, encoding="utf-8")
    tree = load_tree(root)
    kf = tree.council_goals["nojda-hemtjanst"][1]
    assert kf.assessment_model == "trend"
    report = status.build(tree, find_report(tree.kommun.settings, "bokslut"), 2023)
    measure = next(m for g in report.goals() for m in g.measures if m.measure.id == "andel-nojda-hemtjanst")
    # 73 % against 71 % the year before: better, so uppfyllt by trend (avstånd says delvis).
    assert measure.assessment.computed is MET


def test_comparison_model_uses_the_stored_kolada_value(tmp_path):
    """A mått with `jämförelse` and stored Kolada values is compared with the latest stored value."""
    import shutil

    root = tmp_path / "t"
    shutil.copytree(EXAMPLE, root)
    plan = root / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "        kolada: U21401\n" in text
    plan.write_text(text.replace("        kolada: U21401\n", "        kolada: U21401\n        jämförelse: riket\n", 1),
                    encoding="utf-8")
    kommun = root / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    assert "inställningar:\n" in text
    kommun.write_text(text.replace("inställningar:\n", "inställningar:\n  bedömning:\n    modell: jämförelse\n", 1),
                      encoding="utf-8")
    tree = load_tree(root)
    assert tree.kommun.settings.assessment.model == "jämförelse"
    report = status.build(tree, find_report(tree.kommun.settings, "bokslut"), 2023)
    measures = {m.measure.id: m for g in report.goals() for m in g.measures}
    staff = measures["antal-personal-14-dagar"].assessment
    # 19 against riket's 16 (2022, the latest stored): fewer is better, 19 is 19 % worse → ej uppfyllt.
    assert staff.computed is NOT_MET and "riket" in staff.reason.lower() and "16" in staff.reason
    # The utfall's own jämförelsevärde (72 %) is used where it is written: 73 % is better.
    assert measures["andel-nojda-hemtjanst"].assessment.computed is MET
    # No comparison at all: said, never guessed.
    assert measures["andel-nojda-sabo"].assessment.computed is UNKNOWN
