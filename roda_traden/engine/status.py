"""Everything `rt status` shows, computed once for the formatters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..domain import calendar
from ..domain.context import RunContext
from ..domain.status import History, Status, Tally, build, history, tally, year_under_way
from ..domain.tree import GoalTree
from ..loading.tree import no_plan, unread_plans
from ..problems import Problem
from .run import report_problems


@dataclass
class StatusReport:
    kommun: str
    vision: str | None
    status: Status
    tallies: dict[str, Tally]  # per kommunmål id, over its KF-mål
    total: Tally
    # What the report still lacks: the problems of the rules RT801–RT804.
    gaps: list[Problem]
    days_left: int
    # Follow-up and handlingsplan files that could not be read: their data is
    # missing from the status, which must say so rather than look complete.
    unread: list[str]


def status_report(tree: GoalTree, report_name: str | None, year: int | None, organisation: str | None,
                  today: datetime.date) -> StatusReport:
    """The status of one report; without a name, the next one due."""
    settings = tree.kommun.settings
    # A tree whose plans all fail to read is still about their year, not today's.
    year = year or year_under_way(tree, today) or max((y for _org, y in tree.invalid_plans), default=today.year)
    report = calendar.find_report(settings, report_name) if report_name else calendar.next_report(settings, year, today)
    if report is None:
        raise calendar.UnknownReport("Kommunen har ingen uppföljningskalender (inställningar.uppföljningar i kommun.yaml).")
    if not any(plan.year == year for plan in tree.plans):
        unread = unread_plans(tree, year)
        raise calendar.UnknownReport(
            f"Ingen verksamhetsplan för {year} kunde läsas ({', '.join(unread)}); kör \"rt validate\" och rätta "
            "felen i dem först." if unread else f"Trädet har ingen verksamhetsplan för {year}; ange ett annat --år.")
    if organisation and tree.plan_of(organisation, year) is None:
        raise calendar.UnknownReport(no_plan(tree, organisation, year))
    status = build(tree, report, year, organisation)
    tallies = {m.municipal_goal.id: tally([c.assessment.grade for c in m.council_goals], settings)
               for m in status.municipal_goals}
    # The rules about a report's gaps read the run's status: this one, for
    # the organisation asked about.
    tree.context = RunContext(report.id, year, today)
    tree.memo["status"] = status
    tree.memo.pop("missing", None)  # what the report lacks follows the status just set
    return StatusReport(
        kommun=tree.kommun.municipality.name,
        vision=tree.kommun.vision.name if tree.kommun.vision else None,
        status=status,
        tallies=tallies,
        total=tally([c.assessment.grade for c in status.council_goals()], settings),
        gaps=report_problems(tree, "rapport"),
        days_left=(status.deadline - today).days,
        unread=[s.display for s in tree.unloaded(("uppfoljning-", "uppföljning-", "handlingsplan-", "verksamhetsplan-"))],
    )



def years_report(tree: GoalTree, years: range, report_name: str | None, organisation: str | None) -> History:
    """`rt status --år 2023..2025`: the years of the range the tree has plans
    for, side by side, at the årsbokslut unless another report is named."""
    settings = tree.kommun.settings
    planned = sorted({plan.year for plan in tree.plans if plan.year in years
                      and (organisation is None or plan.organisation == organisation)})
    if not planned:
        raise calendar.UnknownReport(f"Trädet har ingen verksamhetsplan för {years.start}–{years.stop - 1}; "
                                     "ange andra år.")
    if report_name:
        report = calendar.find_report(settings, report_name)
    else:
        report = next((r for r in settings.follow_ups if calendar.is_year_end(r)), None)
        if report is None:
            raise calendar.UnknownReport("Kalendern har inget årsbokslut; ange rapporten med --period.")
    return history(tree, report, planned, organisation)
