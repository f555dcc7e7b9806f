"""The status of a report as JSON for scripts: keys in English, texts in Swedish."""

from __future__ import annotations

import json
from typing import TextIO

from ..domain.grades import Assessment
from ..domain.status import History
from ..engine.status import StatusReport
from ..problems import Problem
from .summary import json_log_safe


def render(report: StatusReport, stream: TextIO) -> None:
    status = report.status
    document = {
        "kommun": report.kommun,
        "report": {"id": status.report.id, "name": status.report.name, "year": status.year,
                   "deadline": status.deadline.isoformat(), "days_left": report.days_left,
                   "calendar_note": status.calendar_note},
        "summary": _tally(report.total),
        "municipal_goals": [
            {
                "id": m.municipal_goal.id,
                "name": m.municipal_goal.name,
                "summary": _tally(report.tallies[m.municipal_goal.id]),
                "council_goals": [
                    {"id": c.council_goal.id, "text": c.council_goal.text, "follow_up": c.council_goal.follow_up,
                     "reported_by": c.council_goal.reporter.by if c.council_goal.reporter else None,
                     **_assessment(c.assessment), "goals": [_goal(g) for g in c.goals]}
                    for c in m.council_goals
                ],
                "supplementary_goals": [_goal(g) for g in m.supplementary],
            }
            for m in status.municipal_goals
        ],
        "missing": [_gap(g) for g in report.gaps],
        "unread_files": report.unread,
    }
    stream.write(json_log_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    stream.write("\n")


def _assessment(assessment: Assessment) -> dict:
    return {"assessment": assessment.grade.value, "computed": assessment.computed.value, "reason": assessment.reason,
            "manual": assessment.manual.value if assessment.manual else None, "motivation": assessment.motivation}


def _goal(goal) -> dict:
    return {"organisation": goal.plan.organisation, "id": goal.goal.id, "text": goal.goal.text,
            **_assessment(goal.assessment),
            "measures": [{"id": m.measure.id, **_assessment(m.assessment),
                          "parts": [{"name": p.name, **_assessment(p.assessment)} for p in m.parts]}
                         for m in goal.measures]}


def _tally(tally) -> dict:
    return {"counts": {grade.value: n for grade, n in tally.counts.items()}, "assessed": tally.assessed,
            "total": tally.total, "degree": round(tally.degree, 1) if tally.degree is not None else None,
            "level": tally.level}


def _gap(gap: Problem) -> dict:
    return {"code": gap.code, "message": gap.message, "hint": gap.hint, "file": gap.file, "line": gap.line,
            "column": gap.column}


def render_years(history: History, kommun: str, stream: TextIO) -> None:
    """Years side by side, for scripts: per kommunmål the tally of each year,
    per mått its target, utfall and bedömning of each year (null where the
    year's plan has no such mått)."""
    def cell(cell):
        if cell is None:
            return None
        return {"target": cell.target.raw if cell.target is not None else None,
                "value": cell.value.raw if cell.value is not None else None, **_assessment(cell.assessment)}

    document = {
        "kommun": kommun,
        "report": {"id": history.report.id, "name": history.report.name},
        "years": history.years,
        "municipal_goals": [{"id": goal.id, "name": goal.name,
                             "summary": {str(year): _tally(history.tallies[goal.id][year]) for year in history.years}}
                            for goal in history.goals],
        "measures": [{"municipal_goal": row.municipal_goal, "organisation": row.organisation,
                      "goal": row.goal.id, "id": row.measure.id, "text": row.measure.text,
                      "years": {str(year): cell(row.years.get(year)) for year in history.years}}
                     for row in history.measures],
    }
    stream.write(json_log_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    stream.write("\n")
