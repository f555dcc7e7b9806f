"""`rt status` at a terminal: the röda tråden as a tree with bedömning
(symbol and word, never colour alone), then what is missing before the deadline."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..domain.evaluate import shown
from ..domain.grades import Assessment, Grade, made_of
from ..domain.status import History, Tally, YearCell
from ..engine.status import StatusReport
from ..language.numbers import round_half_up
from .summary import log_safe

_STYLE = {Grade.MET: "green", Grade.PARTLY: "yellow", Grade.NOT_MET: "red", Grade.UNKNOWN: "dim"}


def render(report: StatusReport, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    status = report.status
    console.print(Text(log_safe(f"{report.kommun} – {status.report.name} {status.year}"), style="bold"))
    console.print(_deadline(report))
    if status.calendar_note:
        console.print(Text(log_safe(status.calendar_note), style="italic"))
    root = Tree(Text(log_safe(report.vision or "Vision"), style="bold"))
    for municipal in status.municipal_goals:
        tally = report.tallies[municipal.municipal_goal.id]
        branch = root.add(Text.assemble((log_safe(municipal.municipal_goal.name), "bold"), "  ", _tally_text(tally, short=True)))
        for council in municipal.council_goals:
            reporter = council.council_goal.reporter
            mark = council.council_goal.follow_up + (f", redovisas av {reporter.by}" if reporter else "")
            # A KF-mål one organisation reports itself needs no nämndmål.
            extra = f"({mark})" + ("" if council.goals or reporter else " – inget nämndmål i trädet")
            node = branch.add(_line(council.assessment, council.council_goal.text, extra))
            for goal in council.goals:
                _goal(node, goal)
        if municipal.supplementary:
            supplementary = branch.add(Text("Kompletterande nämndmål", style="italic"))
            for goal in municipal.supplementary:
                _goal(supplementary, goal)
    console.print(root)
    console.print(Text("Sammanfattning: " + _tally_text(report.total).plain, style="bold"))
    _missing(console, report)


def _goal(parent: Tree, goal) -> None:
    node = parent.add(_line(goal.assessment, f"{goal.plan.organisation}: {goal.goal.text}"))
    for item in goal.measures:
        leaf = node.add(_line(item.assessment, item.measure.text or item.measure.id, f"– {item.assessment.reason}"))
        for part in item.parts:
            leaf.add(_line(part.assessment, part.name, f"– {part.assessment.reason}"))


def _line(assessment: Assessment, text: str, extra: str = "") -> Text:
    grade = assessment.grade
    line = Text.assemble((grade.shown, _STYLE[grade]), "  ", _short(log_safe(text)))
    if assessment.manual is not None:
        line.append(log_safe(f"  (beräknat: {assessment.computed.value}; manuell bedömning: {assessment.motivation})"),
                    "italic")
    if extra:
        line.append(log_safe(f"  {extra}"), "dim")
    return line


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tally_text(tally: Tally, short: bool = False) -> Text:
    met = tally.counts[Grade.MET]
    text = f"{met} av {tally.assessed} bedömda KF-mål uppfyllda"
    if not short:
        text += f" ({tally.total} KF-mål)"
    if tally.degree is not None:
        text += f" · måluppfyllelsegrad {round_half_up(tally.degree)}\u00a0% ({made_of(tally.counts)}) – {tally.level}"
    return Text(log_safe(text) if tally.assessed else "inga KF-mål bedömda", style="dim" if short else "")


def _deadline(report: StatusReport) -> Text:
    status, days = report.status, report.days_left
    when = (f"{days} dagar kvar" if days > 1 else "1 dag kvar" if days == 1 else "i dag" if days == 0
            else f"passerad för {-days} dagar sedan")
    return Text(f"Inlämning {status.deadline.isoformat()} ({when})", style="red" if 0 <= days <= 7 else "")


def _missing(console: Console, report: StatusReport) -> None:
    for name in report.unread:
        console.print(Text(log_safe(f"Varning: {name} kunde inte läsas och ingår inte; kör rt validate."),
                           style="bold red"))
    if not report.gaps:
        console.print(Text("Inget saknas inför rapporten.", style="green"))
        return
    console.print(Text(log_safe(f"Saknas inför {report.status.report.name} ({len(report.gaps)}):"), style="bold"))
    for gap in report.gaps:
        console.print(Text.assemble("  ", (log_safe(f"{gap.file}:{gap.line}"), "dim"), f"  {gap.code}  ",
                                    log_safe(gap.message)))
        console.print(Text(" " * 4 + "→ " + log_safe(gap.hint), style="dim"))


def render_years(history: History, kommun: str, stream: TextIO) -> None:
    """`rt status --år 2023..2025`: per kommunmål its måluppfyllelsegrad per
    year, then each mått's utfall and bedömning in a column per year."""
    console = Console(file=stream, highlight=False, soft_wrap=False)
    years = history.years
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    console.print(Text(log_safe(f"{kommun} – {history.report.name} {span}"), style="bold"))
    for goal in _municipal_goals_with_rows(history):
        console.print()
        console.print(Text(log_safe(goal.name), style="bold"))
        for year in years:
            console.print(Text.assemble(f"  {year}: ", _tally_text(history.tallies[goal.id][year])))
        table = Table(show_header=True, header_style="bold", show_lines=False, pad_edge=False)
        table.add_column("Mått")
        for year in years:
            table.add_column(str(year))
        for row in (r for r in history.measures if r.municipal_goal == goal.id):
            table.add_row(log_safe(f"{row.organisation}: {_short(row.measure.text or row.measure.id, 50)}"),
                          *(_cell(row.years.get(year)) for year in years))
        console.print(table)


def _municipal_goals_with_rows(history: History):
    from_rows = {row.municipal_goal for row in history.measures}
    return [goal for goal in history.goals if goal.id in from_rows]


def _cell(cell: YearCell | None) -> Text:
    if cell is None:
        return Text("–", style="dim")  # the mått is not in that year's plan
    grade = cell.assessment.grade
    value = shown(cell.value) if cell.value is not None else "inget utfall"
    target = f" (mål {shown(cell.target)})" if cell.target is not None else ""
    return Text.assemble((grade.symbol, _STYLE[grade]), " ", log_safe(f"{value}{target}"))
