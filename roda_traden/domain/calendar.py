"""The kommun's follow-up calendar: which report is meant, when it is due,
and what it must contain (KF-mål D/B at delår and bokslut, B at bokslut)."""

from __future__ import annotations

import calendar
import datetime

from ..language.words import ACTIVITY_CONTENTS, REPORT_WORDS
from ..models.kommun import CouncilGoal
from ..models.settings import FollowUp, Settings


class UnknownReport(Exception):
    """The named report is not in the calendar; the message says which are."""


def find_report(settings: Settings, name: str) -> FollowUp:
    """The calendar entry ``name`` means: its id, or a word for its type."""
    reports = settings.follow_ups
    wanted = name.strip().lower()
    by_id = [r for r in reports if r.id.lower() == wanted]
    by_kind = [r for r in reports if r.kind == REPORT_WORDS.get(wanted)]
    found = by_id or by_kind
    if len(found) == 1:
        return found[0]
    choices = ", ".join(r.id for r in reports) or "inga (lägg till inställningar.uppföljningar i kommun.yaml)"
    if not found:
        raise UnknownReport(f"Uppföljningen \"{name}\" finns inte i kalendern. Välj bland: {choices}.")
    raise UnknownReport(f"\"{name}\" kan betyda flera uppföljningar; ange en av: {', '.join(r.id for r in found)}.")


def default_note(settings: Settings) -> str | None:
    """What to tell the user when the reports are the default calendar's."""
    if not settings.default_calendar:
        return None
    return ("Kommunen har ingen uppföljningskalender i kommun.yaml; rt använder standardkalendern: "
            "delår per 08-31 och bokslut per 12-31, inlämning samma dag. Lägg till "
            "inställningar.uppföljningar med kommunens egna rapporter och datum.")


def as_of(report: FollowUp, year: int) -> datetime.date:
    return day(year, report.as_of)


def deadline(report: FollowUp, year: int, company: bool = False) -> datetime.date:
    """The day the report is due; a deadline earlier in the year than the day
    the report covers falls in the next year (bokslut per 12-31, in by 01-27)."""
    text = report.deadline if isinstance(report.deadline, str) else (
        report.deadline.companies if company else report.deadline.boards)
    due = day(year, text)
    return due if due >= as_of(report, year) else day(year + 1, text)


def next_report(settings: Settings, year: int, today: datetime.date) -> FollowUp | None:
    """The first report of ``year`` not yet due, else the year's last."""
    reports = sorted(settings.follow_ups, key=lambda r: deadline(r, year))
    upcoming = [r for r in reports if deadline(r, year) >= today]
    if upcoming:
        return upcoming[0]
    return reports[-1] if reports else None


def requires_outcome(report: FollowUp, council_goal: CouncilGoal | None) -> bool:
    """Whether mått under this KF-mål must have utfall in this report: all at
    the årsbokslut, (D/B) goals at the delår and at any report whose contents
    name "mål" (Svenljunga's tertial). A kompletterande nämndmål (no KF-mål)
    is followed like a (B) goal."""
    marker = council_goal.follow_up if council_goal else "B"
    during_year = report.kind == "delårsrapport" or "mål" in report.contents
    return report.kind == "årsbokslut" or (during_year and marker == "D/B")


def requires_activity_status(report: FollowUp) -> bool:
    return report.kind in ("delårsrapport", "årsbokslut") or bool(ACTIVITY_CONTENTS & set(report.contents))


def is_year_end(report: FollowUp) -> bool:
    return report.kind == "årsbokslut"


def day(year: int, month_day: str) -> datetime.date:
    """The date MM-DD in ``year`` (02-29 is the 28th in other years)."""
    month, day_of_month = map(int, month_day.split("-"))
    return datetime.date(year, month, min(day_of_month, calendar.monthrange(year, month)[1]))
