"""Bedömning for every kind of target the seeds contain, and the roll-ups."""

from __future__ import annotations

import pytest

from roda_traden.domain.evaluate import assess
from roda_traden.domain.grades import Assessment, Grade, combine
from roda_traden.language.words import Direction

UP, DOWN, KEEP = Direction.UP, Direction.DOWN, Direction.KEEP
from roda_traden.language.values import parse_target
from roda_traden.models.followup import Outcome
from roda_traden.models.settings import AssessmentSettings

MET, PARTLY, NOT_MET, UNKNOWN = Grade.MET, Grade.PARTLY, Grade.NOT_MET, Grade.UNKNOWN
SETTINGS = AssessmentSettings()


def grade(target, value=None, *, baseline=None, direction=UP, forecast=None, previous=None, benchmark=None,
          use_forecast=False, settings=SETTINGS):
    data = {"mått": "m"}
    for key, item in (("värde", value), ("prognos", forecast), ("föregående-år", previous)):
        if item is not None:
            data[key] = item
    if benchmark is not None:
        data["jämförelsevärde"] = {"värde": benchmark, "år": 2022, "avser": "likvärdiga kommuner"}
    outcome = Outcome.model_validate(data)
    return assess(parse_target(target) if target is not None else None, outcome, year=2023, baseline=baseline,
                  direction=direction, use_forecast=use_forecast, settings=settings)


@pytest.mark.parametrize(
    ("target", "value", "baseline", "direction", "expected"),
    [
        ("72%", "73%", 69, UP, MET),  # SÄBO: above target
        ("72%", "72 %", 69, UP, MET),  # exactly the target
        ("74%", "73%", 71, UP, PARTLY),  # hemtjänst: 2 of 3 points
        ("74%", "72%", 71, UP, NOT_MET),  # 1 of 3 points
        ("74%", "70%", 71, UP, NOT_MET),  # worse than the baseline
        (16, 19, 20, DOWN, NOT_MET),  # personalkontinuitet: 1 of 4 down
        (16, 18, 20, DOWN, PARTLY),  # half the way down
        (16, 15, 20, DOWN, MET),
        (1, 2, None, UP, MET),  # nytt mål, activities counted
    ],
)
def test_absolute_targets(target, value, baseline, direction, expected):
    assert grade(target, value, baseline=baseline, direction=direction).grade is expected


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [(">25", 26, MET), (">25", 25, PARTLY), (">25", 20, NOT_MET), ("<176", 175, MET), ("<176", 200, NOT_MET),
     ("≥ 90", 90, MET), ("≥ 90", "87", PARTLY), ("≥ 90", 80, NOT_MET), ("max 99%", "98,5 %", MET)],
)
def test_comparators_decide_the_direction(target, value, expected):
    # No baseline: within the 5 % tolerance of the target is "delvis".
    assert grade(target, value, direction=None).grade is expected


def test_comparator_overrides_the_goal_text():
    assert grade("<176", 170, direction=UP).grade is MET


def test_yes_no():
    assert grade("ja", "ja").grade is MET
    assert grade("ja", "nej").grade is NOT_MET
    mixed = grade("ja", 1)
    assert (mixed.grade, mixed.reason) == (UNKNOWN, "utfallet är ett tal men målvärdet ja/nej")
    assert grade(80, "ja").reason == "utfallet är ja/nej men målvärdet ett tal"


def test_a_baseline_already_past_the_target_gives_no_partial_credit():
    worse = grade("84%", "80%", baseline=86)
    assert (worse.grade, worse.reason) == (NOT_MET, "utfall 80\u00a0% mot målvärde 84\u00a0%; sämre än ingångsvärdet 86\u00a0%")
    assert grade("84%", "83%", baseline=82).grade is PARTLY  # 1 of 2 points, from below


def test_change_against_last_year():
    assert grade("ökar jämfört med föregående år", 61, previous=58).grade is MET
    assert grade("ökar jämfört med föregående år", 58, previous=58).grade is PARTLY
    assert grade("ökar jämfört med föregående år", 55, previous=58).grade is NOT_MET
    assert grade("minskar jämfört med föregående år", 5.1, previous=5.6, direction=DOWN).grade is MET
    missing = grade("ökar jämfört med föregående år", 61)
    assert (missing.grade, missing.reason) == (UNKNOWN, "föregående års utfall saknas (\"föregående-år\")")


def test_level_against_a_benchmark():
    target = "minst i nivå med genomsnittet för likvärdiga kommuner"
    assert grade(target, "83%", benchmark="82%").grade is MET
    assert grade(target, "80%", benchmark="82%").grade is PARTLY  # within 5 %
    assert grade(target, "70%", benchmark="82%").grade is NOT_MET
    assert grade("högst i nivå med riket", 12, benchmark=14).grade is MET
    assert grade(target, "83%").reason == "jämförelsevärde saknas (genomsnittet för likvärdiga kommuner)"


def test_what_cannot_be_assessed_says_why():
    assert grade("72%").reason == "utfall saknas"
    assert grade(None, "73%").reason == "målvärde saknas för 2023"
    assert grade("72%", "okänt").grade is UNKNOWN


def test_prognos_speaks_for_the_year_before_it_ends():
    assert grade("74%", "70%", forecast="74%", baseline=71, use_forecast=True).grade is MET
    assert grade("74%", "70%", forecast="74%", baseline=71, use_forecast=False).grade is NOT_MET
    assert grade("74%", forecast="73%", baseline=71).reason.startswith("prognos 73\u00a0%")


def test_kommun_settings_decide_delvis():
    strict = AssessmentSettings.model_validate({"delvis-från": 80, "tolerans": 1})
    assert grade("74%", "73%", baseline=71, settings=strict).grade is NOT_MET
    assert grade("≥ 90", 87, direction=None, settings=strict).grade is NOT_MET


def test_keep_means_close_to_the_level():
    assert grade(85, 84, baseline=85, direction=KEEP).grade is MET
    assert grade(85, 70, baseline=85, direction=KEEP).grade is NOT_MET


@pytest.mark.parametrize(
    ("grades", "expected"),
    [([MET, MET], MET), ([NOT_MET, NOT_MET], NOT_MET), ([MET, NOT_MET], PARTLY), ([MET, PARTLY], PARTLY),
     ([MET, UNKNOWN], MET), ([UNKNOWN], UNKNOWN), ([], UNKNOWN)],
)
def test_roll_up(grades, expected):
    assert combine(grades, "inget").grade is expected


def test_manual_assessment_wins_but_keeps_the_computed():
    both = Assessment(PARTLY, "utfall 73% mot målvärde 74%", MET, "inom felmarginalen")
    assert (both.grade, both.computed) == (MET, PARTLY)


def test_symbols_and_words_go_together():
    assert [g.shown for g in Grade] == ["● uppfyllt", "◐ delvis uppfyllt", "■ ej uppfyllt", "○ kan ej bedömas"]


@pytest.mark.parametrize(("value", "expected"), [
    ("22 %", MET), ("20 %", MET), ("25 %", MET),  # inside the span, ends included
    ("19 %", PARTLY), ("10 %", NOT_MET),  # below: against 20, from the baseline 15
    ("26 %", NOT_MET),  # above the span: too much is not the target either
])
def test_a_range_target_is_met_inside_it(value, expected):
    assert grade("20–25 %", value, baseline=15).grade is expected
