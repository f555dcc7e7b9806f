"""The follow-up calendar when kommun.yaml has none: the default delår and
bokslut, said so, and the same reports as a calendar that names them; and
which reports a KF-mål is due in when one organisation reports it."""

from __future__ import annotations

import datetime
import json
import shutil

import pytest

from roda_traden.domain import calendar
from roda_traden.domain.status import build
from roda_traden.engine.run import validate_path
from roda_traden.engine.status import status_report
from roda_traden.loading.tree import load_tree
from tests.conftest import BASE_TREE, EXAMPLE, make_tree
from tests.test_cli import rt


def _without_calendar(tmp_path):
    """The example with its inställningar.uppföljningar (the file's last block) cut off."""
    tree_dir = shutil.copytree(EXAMPLE, tmp_path / "t")
    kommun = tree_dir / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    kommun.write_text(text[: text.index("  uppföljningar:")], encoding="utf-8")
    return tree_dir


def test_no_calendar_means_delar_and_bokslut_and_says_so(tmp_path):
    tree = load_tree(_without_calendar(tmp_path))
    settings = tree.kommun.settings
    assert settings.default_calendar
    assert [(r.id, r.kind, r.as_of) for r in settings.follow_ups] == [
        ("delar", "delårsrapport", "08-31"), ("bokslut", "årsbokslut", "12-31")]
    assert calendar.next_report(settings, 2023, datetime.date(2023, 5, 1)).id == "delar"
    assert calendar.next_report(settings, 2023, datetime.date(2023, 9, 1)).id == "bokslut"
    report = status_report(tree, "delår", 2023, None, datetime.date(2023, 8, 1))
    assert report.status.report.id == "delar" and report.days_left == 30
    assert "standardkalendern" in report.status.calendar_note and "08-31" in report.status.calendar_note
    assert report.status.goals()  # the follow-up files naming "delar" are read into it


def test_a_written_calendar_has_no_note():
    tree = load_tree(EXAMPLE)
    assert not tree.kommun.settings.default_calendar
    assert status_report(tree, "delår", 2023, None, datetime.date(2023, 9, 1)).status.calendar_note is None


def test_status_and_validate_work_without_a_calendar(tmp_path):
    tree_dir = _without_calendar(tmp_path)
    done = rt("status", str(tree_dir), "--idag", "2023-06-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Oxelösunds kommun – Delårsrapport per augusti 2023")
    assert "standardkalendern" in done.stdout  # said, not only carried in the data
    as_json = json.loads(rt("status", str(tree_dir), "--idag", "2023-06-01", "-f", "json").stdout)
    assert "standardkalendern" in as_json["report"]["calendar_note"]
    # The example's follow-ups name "delar" and "bokslut": the default calendar has both.
    found = json.loads(rt("validate", str(tree_dir), "--no-cache", "-f", "json").stdout)
    assert not [p for p in found["problems"] if p["code"] in ("RT602", "RT807", "RT808")]


def _kommun_with(tmp_path, council_goal: str):
    """The rule base tree with one more KF-mål (YAML lines at the list's indent) under hållbar utveckling."""
    text = (BASE_TREE / "kommun.yaml").read_text(encoding="utf-8")
    anchor = "inställningar:\n"
    return make_tree(tmp_path / "t", {"kommun.yaml": text.replace(anchor, council_goal + anchor)})


def test_a_goal_reported_in_bokslut_is_b_and_directed_at_its_reporter(tmp_path):
    tree = load_tree(_kommun_with(tmp_path, """\
      - id: resultat
        text: Resultatet ska vara 1,5 % av skatter och statsbidrag.
        etikett: Finansiellt mål
        redovisas: {av: KBAB, i: [bokslut]}
        fotnoter: [Enligt balanskravsutredningen., Exklusive reavinster.]
"""))
    _parent, kf = tree.council_goals["resultat"]
    assert (kf.follow_up, tree.responsible(kf), kf.tag) == ("B", {"KBAB"}, "Finansiellt mål")
    assert kf.footnotes == ["Enligt balanskravsutredningen.", "Exklusive reavinster."]
    delar, bokslut = tree.kommun.settings.follow_ups
    assert not calendar.requires_outcome(delar, kf) and calendar.requires_outcome(bokslut, kf)
    # The reporter's own status shows it; another organisation's does not.
    for organisation, shown in (("KBAB", True), ("VON", False)):
        status = build(tree, bokslut, 2024, organisation)
        assert ("resultat" in {c.council_goal.id for c in status.council_goals()}) is shown


def test_a_goal_reported_in_delar_too_is_due_at_delar(tmp_path):
    tree = load_tree(_kommun_with(tmp_path, """\
      - id: resultat
        text: Resultatet ska vara 1,5 % av skatter och statsbidrag.
        uppföljning: D/B
        redovisas: {av: KBAB, i: [delår, bokslut]}
"""))
    delar = tree.kommun.settings.follow_ups[0]
    assert calendar.requires_outcome(delar, tree.council_goals["resultat"][1])


@pytest.mark.parametrize(("lines", "message", "hint"), [
    ("        text: Soliditeten ska vara minst 30 %.\n", "KF-målet saknar uppföljning.", "redovisas: {av: KS"),
    ("        text: Soliditeten ska vara minst 30 %.\n        uppföljning: D/B\n        redovisas: {av: KBAB}\n",
     "KF-målet är märkt D/B, men redovisas i bokslut.", "stryk uppföljning"),
    ("        text: Soliditeten ska vara minst 30 %.\n        redovisas: {av: KBAB, i: [tertial]}\n",
     "\"tertial\" är ingen rapport ett KF-mål redovisas i.", "i: [delår, bokslut]"),
])
def test_a_goal_without_a_mark_or_with_two_is_told_what_to_write(tmp_path, lines, message, hint):
    tree_dir = _kommun_with(tmp_path, "      - id: soliditet\n" + lines)
    problems = [p for p in validate_path(tree_dir).problems if p.file.endswith("kommun.yaml")]
    assert len(problems) == 1 and message in problems[0].message and hint in problems[0].hint, problems
    assert problems[0].line >= 29  # on the new KF-mål, not the top of the file
