"""The follow-up calendar when kommun.yaml has none: the default delår and
bokslut, said so, and the same reports as a calendar that names them."""

from __future__ import annotations

import datetime
import json
import shutil

from roda_traden.domain import calendar
from roda_traden.engine.status import status_report
from roda_traden.loading.tree import load_tree
from tests.conftest import EXAMPLE
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
    # The example's follow-ups name "delar" and "bokslut": the default calendar has both.
    found = json.loads(rt("validate", str(tree_dir), "--no-cache", "-f", "json").stdout)
    assert not [p for p in found["problems"] if p["code"] in ("RT602", "RT807", "RT808")]
