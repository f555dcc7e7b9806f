"""Both kommuners' follow-up calendars: which report a word means, when it is
due, and what it must contain."""

from __future__ import annotations

import datetime

import pytest
import yaml_rs

from roda_traden.domain import calendar as schedule
from roda_traden.models.kommun import KommunFile
from tests.conftest import EXAMPLE, REPO


def _settings(path):
    return KommunFile.model_validate(yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False))


OXELOSUND = _settings(EXAMPLE / "kommun.yaml")
SVENLJUNGA = _settings(REPO / "tests" / "data" / "svenljunga" / "kommun.yaml")


@pytest.mark.parametrize(("word", "expected"), [("delår", "delar"), ("delar", "delar"), ("bokslut", "bokslut"),
                                                ("Bokslut", "bokslut"), ("mars", "mars")])
def test_oxelosund_reports_by_word_or_id(word, expected):
    assert schedule.find_report(OXELOSUND.settings, word).id == expected


def test_oxelosund_deadlines_as_in_the_seed():
    reports = {r.id: r for r in OXELOSUND.settings.follow_ups}
    assert schedule.deadline(reports["delar"], 2023) == datetime.date(2023, 9, 12)
    assert schedule.deadline(reports["oktober"], 2023) == datetime.date(2023, 11, 13)
    # Bokslut 2023 is due in January 2024, for bolagen in February.
    assert schedule.deadline(reports["bokslut"], 2023) == datetime.date(2024, 1, 27)
    assert schedule.deadline(reports["bokslut"], 2023, company=True) == datetime.date(2024, 2, 13)


def test_svenljunga_monthly_tertial_delar_and_bokslut():
    reports = {r.id: r for r in SVENLJUNGA.settings.follow_ups}
    assert {"tertialrapport", "delårsrapport", "årsbokslut", "månadsrapport"} <= {r.kind for r in reports.values()}
    assert reports["februari"].shortened and not reports["mars"].shortened
    assert schedule.find_report(SVENLJUNGA.settings, "tertial").kind == "tertialrapport"
    assert schedule.deadline(reports["bokslut"], 2026).year == 2027


def test_what_each_report_requires():
    reports = {r.id: r for r in SVENLJUNGA.settings.follow_ups}
    goals = {kf.follow_up: kf for goal in SVENLJUNGA.goals for kf in goal.council_goals}
    assert schedule.requires_outcome(reports["delar"], goals["D/B"])
    assert not schedule.requires_outcome(reports["delar"], goals["B"])
    assert schedule.requires_outcome(reports["bokslut"], goals["B"])
    # Svenljunga follows up its goals in the tertial report too ("innehåll: [mål, …]").
    assert schedule.requires_outcome(reports["tertial"], goals["D/B"])
    assert not schedule.requires_outcome(reports["tertial"], goals["B"])
    assert not schedule.requires_outcome(reports["februari"], goals["D/B"])
    assert not schedule.requires_outcome(reports["delar"], None)  # kompletterande nämndmål: at bokslut
    assert schedule.requires_activity_status(reports["delar"])


def test_next_report_is_the_first_not_yet_due():
    assert schedule.next_report(OXELOSUND.settings, 2023, datetime.date(2023, 9, 1)).id == "delar"
    assert schedule.next_report(OXELOSUND.settings, 2023, datetime.date(2024, 6, 1)).id == "bokslut"


def test_unknown_and_ambiguous_reports_are_explained():
    with pytest.raises(schedule.UnknownReport, match="Välj bland: bokslut, februari, mars, april, juli, delar, oktober"):
        schedule.find_report(OXELOSUND.settings, "kvartal")


def test_leap_day_deadline_in_an_ordinary_year():
    assert schedule.day(2023, "02-29") == datetime.date(2023, 2, 28)
