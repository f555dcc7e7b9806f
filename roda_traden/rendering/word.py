"""`rt report -f docx`: the report as a Word document, built from the same
document data the templates lay out (documents.py), in the same order and
with the same Swedish formatting (filters.py): headings in Word's heading
styles, so the navigation pane works; tables whose header row repeats on
every page; bedömning as symbol and word; charts as pictures with
alternative text. ``--mall`` gives a kommun's own Word document whose
styles, fonts, header and footer the report takes, its text left out (as
pandoc's reference document)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Mm

from . import filters
from .charts import Trend, new_document, trend_chart
from .documents import measure_name

# The styles the report uses; a --mall document must have them (every Word
# document made from Word's Normal template has).
HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
CHART_WIDTH = Mm(150)


class TemplateUnusable(Exception):
    """The --mall document cannot be used, or the charts cannot be drawn; the message is Swedish."""


def docx_document(template: str, context: dict, reference: Path | None) -> bytes:
    """The report of kind ``template`` ("verksamhetsplan", "uppfoljning",
    "handlingsplan") as the bytes of a .docx file."""
    new_document()
    writer = _Writer(reference)
    {"verksamhetsplan": _plan, "uppfoljning": _follow_up, "handlingsplan": _action_plan}[template](writer, **context)
    return writer.save()


class _Writer:
    def __init__(self, reference: Path | None):
        self.document = _reference(reference) if reference else docx.Document()
        self.own_footer = reference is None
        styles = {style.name for style in self.document.styles}
        missing = [name for name in HEADINGS if name not in styles]
        if missing:
            raise TemplateUnusable(f"Mallen {reference} saknar formatmallarna {', '.join(missing)}; utgå från ett "
                                   "Word-dokument med Words rubrikformat.")
        self.table_style = "Table Grid" if "Table Grid" in styles else None

    def title(self, title: str, meta: str) -> None:
        self.document.core_properties.title = title
        self.document.core_properties.language = "sv-SE"
        _text_language(self.document, "sv-SE")
        self.heading(title, 1)
        self.paragraph(meta)

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level)

    def paragraph(self, text: str, lead: str | None = None) -> None:
        paragraph = self.document.add_paragraph()
        if lead:
            paragraph.add_run(lead).bold = True
        paragraph.add_run(text)

    def paragraphs(self, text: str | None) -> None:
        for part in filters._paragraphs(text or ""):
            self.paragraph(part)

    def bullets(self, items: list[str]) -> None:
        style = "List Bullet" if "List Bullet" in {s.name for s in self.document.styles} else None
        for item in items:
            self.document.add_paragraph(item, style=style)

    def table(self, headings: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset(),
              caption: str | None = None) -> None:
        if caption:
            self.paragraph("", lead=caption)
        table = self.document.add_table(rows=1, cols=len(headings))
        if self.table_style:
            table.style = self.table_style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        header = table.rows[0]
        # Word repeats a row marked as table header at the top of every page the table reaches.
        header._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        for index, (cell, text) in enumerate(zip(header.cells, headings)):
            cell.paragraphs[0].add_run(text).bold = True
            _align(cell, index in numeric)
        for values in rows:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, values)):
                cell.text = text
                _align(cell, index in numeric)

    def chart(self, trend: Trend) -> None:
        svg = str(trend_chart(trend))
        if not svg:
            return
        paragraph = self.document.add_paragraph()
        shape = paragraph.add_run().add_picture(io.BytesIO(_png(svg)), width=CHART_WIDTH)
        described = trend.described()
        properties = shape._inline.docPr
        properties.set("title", f"Trend för {trend.name}")
        properties.set("descr", described)
        self.paragraph(described)

    def save(self) -> bytes:
        if self.own_footer:
            _page_numbers(self.document)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _plan(w: _Writer, doc, **_context) -> None:
    w.title(f"{doc.organisation.name} – verksamhetsplan {doc.plan.year}",
            f"{doc.kommun} · Period {doc.years[0]}–{doc.years[-1]} · {_decided(doc.plan.decision)}")
    if doc.plan.introduction:
        w.heading("Inledning", 2)
        w.paragraphs(doc.plan.introduction)
    for section in doc.sections:
        w.heading(section.municipal_goal.name, 2)
        w.paragraphs(section.municipal_goal.description)
        if section.council_goals:
            w.heading("Kommunfullmäktiges mål", 3)
            w.bullets([_council_goal(kf) for kf in section.council_goals])
        if section.orientation:
            w.heading("Nämndens inriktning", 3)
            w.paragraphs(section.orientation)
        if section.goals:
            w.heading("Nämndmål och mått", 3)
            rows = []
            for row in section.goals:
                kf = row.council_goal.text if row.council_goal else "Kompletterande nämndmål"
                for measure in row.measures:
                    for series in measure.rows:
                        name = " – ".join(part for part in (measure.name, series.name) if part)
                        if series is measure.rows[0] and measure.measure.source:
                            name += f"\nDatakälla: {measure.measure.source}"
                        # The KF-mål and nämndmål once, on their first row, as in the HTML table.
                        first = measure is row.measures[0] and series is measure.rows[0]
                        lead = [kf, row.goal.text] if first else ["", ""]
                        rows.append([*lead, name, filters.baseline(series.series),
                                     *(filters.target(t) for t in series.targets)])
                if not row.measures:
                    rows.append([kf, row.goal.text, "–", "–", *("–" for _ in doc.years)])
            w.table(["KF-mål", "Nämndmål", "Mått och datakälla", "Ingångsvärde (år)", *map(str, doc.years)], rows,
                    frozenset(range(4, 4 + len(doc.years))))
            for row in section.goals:
                for measure in row.measures:
                    w.chart(measure.trend)
    if doc.plan.contributions:
        w.heading("KF-mål utan eget nämndmål", 2)
        w.table(["KF-mål", "Hur organisationen bidrar"],
                [[item.council_goal, item.reason] for item in doc.plan.contributions])
    if doc.plan.key_figures:
        w.heading("Nyckeltal", 2)
        w.table(["Nyckeltal", "Syfte", "Datakälla", "Värden", "Jämförelsevärde (år)", "Uppföljning"],
                [[f.text, f.purpose or "–", f.source or "–", filters.series_values(f.values), _comparison(f),
                  f.follow_up or "–"] for f in doc.plan.key_figures])
    if doc.kolada:
        w.heading("Kommunens resultat jämfört med andra", 2)
        for table in doc.kolada:
            w.table(["Jämförelse", *map(str, table.years)],
                    [[row.name, *(filters.number(v) for v in row.values)] for row in table.rows],
                    frozenset(range(1, 1 + len(table.years))), caption=f"{table.name} (Kolada {table.kpi}: {table.title})")
            w.paragraph(f"Källa: Kolada, hämtat {filters.date(table.fetched)}.")
    if doc.plan.budget:
        _budget(w, doc.plan.budget)


def _budget(w: _Writer, budget) -> None:
    w.heading("Internbudget", 2)
    frame = (f" Ram från kommunfullmäktige: {filters.number(budget.frame)} {budget.unit}."
             if budget.frame is not None else "")
    w.paragraph(f"Belopp i {budget.unit}.{frame}")
    tables = filters.budget_tables(budget)
    for table in tables:
        rows = [[name, *(filters.number(v) for v in values)] for name, values in table.rows]
        if table.total:
            rows.append(["Summa", *(filters.number(v) for v in table.total)])
        w.table(["Verksamhet", *table.headings], rows, frozenset(range(1, 1 + len(table.headings))), caption=table.name)
    if not tables:
        rows = [[r.name, filters.number(r.income), filters.number(r.costs), filters.number(r.net)] for r in budget.rows]
        if budget.total:
            total = budget.total
            rows.append(["Summa", filters.number(total.income), filters.number(total.costs), filters.number(total.net)])
        w.table(["Verksamhet", "Intäkter", "Kostnader", "Nettokostnad"], rows, frozenset({1, 2, 3}))


def _follow_up(w: _Writer, doc, trends, organisation, grades, met, bands, weight, decided_by, **_context) -> None:
    status = doc.status
    name = organisation.name if organisation else doc.kommun
    w.title(f"{name} – {status.report.name} {status.year}", f"{doc.kommun} · Inlämning {filters.date(status.deadline)}")
    if doc.gaps or doc.unread:
        w.heading("Saknas i underlaget", 2)
        unread = f" och {_count(len(doc.unread), 'fil', 'filer')} kunde inte läsas" if doc.unread else ""
        w.paragraph(f"Rapporten är ofullständig: {_count(len(doc.gaps), 'uppgift', 'uppgifter')} saknas{unread}.")
        w.bullets([f"Kunde inte läsas: {name} (kör rt validate)" for name in doc.unread]
                  + [f"{gap.code} {gap.message} ({gap.file}, rad {gap.line})" for gap in doc.gaps])
    w.heading("Sammanfattning", 2)
    total = doc.total
    degree = f" · Måluppfyllelsegrad {filters.degree(total)} – {total.level}" if total.degree is not None else ""
    w.paragraph(f" ({total.total} KF-mål){degree}", lead=f"{total.counts[met]} av {total.assessed} bedömda KF-mål uppfyllda")
    rows = []
    for municipal in status.municipal_goals:
        tally = doc.tallies[municipal.municipal_goal.id]
        shown = f"{filters.percent(tally.degree)} – {tally.level}" if tally.degree is not None else "–"
        rows.append([municipal.municipal_goal.name, *(str(tally.counts[g]) for g in grades), shown])
    w.table(["Kommunmål", *map(filters.grade, grades), "Måluppfyllelsegrad"], rows,
            frozenset(range(1, 1 + len(grades))))
    levels = "; ".join(f"{band.lower}–{band.upper} % {band.name}" for band in bands)
    w.paragraph(f"Måluppfyllelsegrad = (uppfyllda + {filters.number(weight)} × delvis uppfyllda) / bedömda KF-mål. "
                f"Resultatnivåer: {levels}.")
    for municipal in status.municipal_goals:
        w.heading(municipal.municipal_goal.name, 2)
        w.table(["KF-mål", "Följs upp", "Beslutat av", "Bedömning"],
                [[c.council_goal.text, c.council_goal.follow_up, decided_by, filters.grade(c.assessment.grade)]
                 for c in municipal.council_goals])
        for council in municipal.council_goals:
            if council.goals:
                w.heading(council.council_goal.text, 3)
                w.paragraph(f"Bedömning: {_assessed(council.assessment)} – {council.assessment.reason}.")
                for goal in council.goals:
                    _goal_block(w, goal, status, trends)
        if municipal.supplementary:
            w.heading("Kompletterande nämndmål", 3)
            for goal in municipal.supplementary:
                _goal_block(w, goal, status, trends)


def _goal_block(w: _Writer, goal, status, trends) -> None:
    w.heading(f"{goal.plan.organisation}: {goal.goal.text}", 4)
    manual = f". Manuell bedömning: {goal.assessment.motivation}" if goal.assessment.manual else ""
    w.paragraph(f"Bedömning: {_assessed(goal.assessment)}{manual}")
    if goal.measures:
        rows = []
        for item in goal.measures:
            forecast = item.outcome.forecast if item.outcome else None
            rows.append([measure_name(goal.goal, item.measure), filters.target(item.measure.targets.get(status.year)),
                         _measured(item.outcome, item.parts), filters.target(forecast),
                         f"{_assessed(item.assessment)}\n{item.assessment.reason}"])
            for part in item.parts:
                part_forecast = part.measured.forecast if part.measured else None
                rows.append([f"– {part.name}", filters.target(part.target), _measured(part.measured, []),
                             filters.target(part_forecast), f"{filters.grade(part.assessment.grade)}\n"
                             f"{part.assessment.reason}"])
        w.table(["Mått", f"Målvärde {status.year}", "Utfall", "Prognos", "Bedömning"], rows, frozenset({1, 2, 3}))
    else:
        w.paragraph("Nämndmålet har inga mått att bedöma.")
    for item in goal.measures:
        outcome, assessment = item.outcome, item.assessment
        if not outcome or not (outcome.analysis or outcome.actions or assessment.manual):
            continue
        w.paragraph("", lead=measure_name(goal.goal, item.measure))
        if assessment.manual:
            w.paragraph(f"Manuell bedömning: {assessment.manual.value} (beräknat: {assessment.computed.value}, "
                        f"{assessment.reason}). Motivering: {assessment.motivation}")
        if outcome.analysis:
            w.paragraph(f"Analys: {outcome.analysis}")
        if outcome.actions:
            w.paragraph(f"Åtgärder: {outcome.actions}")
    for item in goal.measures:
        w.chart(trends[(goal.plan.organisation, item.measure.id)])
    if goal.note and goal.note.analysis:
        w.paragraph(f"Analys av nämndmålet: {goal.note.analysis}")


def _action_plan(w: _Writer, doc, **_context) -> None:
    state = f"Status enligt {doc.report_name}" if doc.report_name else "Ingen uppföljning av aktiviteterna ännu"
    w.title(f"{doc.organisation.name} – handlingsplan {doc.year}",
            f"{doc.kommun} · Förvaltning/enhet: {', '.join(doc.units)} · {state}")
    for section in doc.sections:
        w.heading(section.municipal_goal.name if section.municipal_goal else "Övriga nämndmål", 2)
        for goal in section.goals:
            w.heading(goal.goal.text, 3)
            w.paragraph(f"KF-mål: {goal.council_goal.text}" if goal.council_goal else "Kompletterande nämndmål")
            if not goal.activities:
                w.paragraph("Ingen aktivitet i handlingsplanen för det här nämndmålet.")
                continue
            w.table(["Aktivitet (vad och varför)", "Ansvarig", "Klart till", "Uppföljning", "Status"],
                    [[row.activity.what + (f"\nVarför: {row.activity.why}" if row.activity.why else ""),
                      row.activity.responsible, str(row.activity.due), row.activity.follow_up or "–", _activity(row)]
                     for row in goal.activities])


def _activity(row) -> str:
    if not row.status:
        return "–"
    done = f" ({filters.percent(row.status.completion)})" if row.status.completion is not None else ""
    return f"{row.status.state}{done}"


def _assessed(assessment) -> str:
    computed = f" (beräknat: {assessment.computed.value})" if assessment.manual else ""
    return filters.grade(assessment.grade) + computed


def _measured(measured, parts) -> str:
    if measured and measured.value:
        return filters.target(measured.value)
    return "se delserier" if parts else "saknas"


def _decided(decision) -> str:
    if decision and decision.date:
        return f"Beslutad {filters.date(decision.date)}" + (f", {decision.paragraph}" if decision.paragraph else "")
    return "Inte beslutad"


def _council_goal(kf) -> str:
    tag = f"{kf.tag}: " if kf.tag else ""
    mark = kf.follow_up + (f"; redovisas av {kf.reporter.by}" if kf.reporter else "")
    if filters.responsible(kf.responsible):
        mark += f"; ansvariga: {filters.responsible(kf.responsible)}"
    notes = "".join(f"\n{n}. {note}" for n, note in enumerate(kf.footnotes, 1))
    return f"{tag}{kf.text} ({mark}){notes}"


def _comparison(figure) -> str:
    comparison = figure.comparison
    if not comparison:
        return "–"
    against = f", {comparison.against}" if comparison.against else ""
    return f"{filters.target(comparison.value)} ({comparison.year}{against})"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _align(cell, numeric: bool) -> None:
    if numeric:
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    return element


def _text_language(document, language: str) -> None:
    """The language Word checks spelling in and reads aloud in: the default
    of every style (Word's own template says en-US)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = _element("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = _element("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)


def _page_numbers(document) -> None:
    """rt's own footer: "Sida 3 av 12", as Word's PAGE and NUMPAGES fields."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, field in (("Sida ", "PAGE"), (" av ", "NUMPAGES")):
        paragraph.add_run(text)
        run = paragraph.add_run()
        run._r.append(_element("w:fldChar", **{"w:fldCharType": "begin"}))
        instruction = _element("w:instrText", **{"xml:space": "preserve"})
        instruction.text = f" {field} "
        run._r.append(instruction)
        run._r.append(_element("w:fldChar", **{"w:fldCharType": "end"}))


def _reference(path: Path):
    """The kommun's document with its text left out: its styles, section
    settings, header and footer stay."""
    if not path.is_file():
        raise TemplateUnusable(f"Mallen {path} finns inte.")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TemplateUnusable(f"Mallen {path} är inget Word-dokument (.docx); spara den som .docx i Word.") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _png(svg: str) -> bytes:
    try:
        import cairosvg
    except (ImportError, OSError):
        # cairosvg loads the system's Cairo when it is imported.
        raise TemplateUnusable("Diagrammen i en Word-rapport kräver biblioteket Cairo, som inte finns på datorn. "
                               "Installera det, på Debian och Ubuntu med: apt-get install libcairo2") from None
    # Twice the chart's size, so it stays sharp printed at the text column's width.
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)
