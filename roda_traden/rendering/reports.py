"""`rt report`: which document, for whom and when, rendered through the templates."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..domain import status
from ..domain.grades import Grade
from ..domain.tree import GoalTree
from . import documents, engine, pdf, word

KINDS = {"verksamhetsplan": "verksamhetsplan", "uppföljning": "uppfoljning", "uppfoljning": "uppfoljning",
         "handlingsplan": "handlingsplan"}
# PDF is the HTML laid out on pages; Word is built from the documents' data.
FORMATS = {**engine.FORMATS, "pdf": "pdf", "docx": "docx"}


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    organisation: str | None
    year: int | None
    period: str | None
    output_format: str
    templates: Path | None
    strict: bool
    today: datetime.date
    # --mall: the kommun's Word document whose styles, header and footer a .docx takes.
    reference: Path | None = None


class ReportRefused(Exception):
    """The document cannot be made as asked; the message is Swedish."""


def render_report(tree: GoalTree, request: ReportRequest) -> tuple[str | bytes, str | None]:
    """The document (text, or bytes for PDF and Word), and a reason when --strict refuses it."""
    output_format = FORMATS.get(request.output_format)
    if output_format is None:
        raise ReportRefused(f"Okänt format \"{request.output_format}\". Välj bland: md, html, pdf, docx.")
    template = KINDS[request.kind]
    year = request.year or status.year_under_way(tree, request.today)
    if year is None:
        unread = tree.unloaded(("verksamhetsplan-",))
        raise ReportRefused(f"{unread[0].display} kan inte läsas; kör rt validate." if unread
                            else "Trädet har inga verksamhetsplaner.")
    try:
        context = _context(tree, template, request, year)
    except documents.NothingToRender as error:
        raise ReportRefused(str(error)) from None
    gaps = [*getattr(context["doc"], "gaps", []), *getattr(context["doc"], "unread", [])]
    if request.strict and gaps:
        return "", (f"{len(gaps)} uppgifter saknas i underlaget (se \"rt status\"); "
                    "--strict renderar inte en ofullständig rapport.")
    try:
        if output_format == "docx":
            return word.docx_document(template, context, request.reference), None
        text = engine.render(template, "html" if output_format == "pdf" else output_format, request.templates, **context)
        return (pdf.html_to_pdf(text, request.templates) if output_format == "pdf" else text), None
    except (pdf.PdfUnavailable, word.TemplateUnusable) as error:
        raise ReportRefused(str(error)) from None
    except jinja2.TemplateNotFound as error:
        raise ReportRefused(f"Mallen \"{error.name}\" finns varken bland de egna mallarna eller de inbyggda.") from None
    except jinja2.TemplateSyntaxError as error:
        raise ReportRefused(f"Mallen {error.filename or error.name} har ett syntaxfel på rad {error.lineno}.") from None
    except jinja2.UndefinedError as error:
        # Only an own template can ask for what the documents do not have.
        found = re.search(r"attribute '([^']+)'|^'([^']+)' is undefined", error.message or "")
        what = f"\"{found[1] or found[2]}\", som" if found else "något som"
        raise ReportRefused(f"En mall använder {what} inte finns; jämför med rt:s inbyggda mallar.") from None
    except (jinja2.TemplateError, UnicodeDecodeError, ArithmeticError, TypeError, ValueError) as error:
        if request.templates is None:
            raise  # a built-in template failing is rt's bug, reported as such
        raise ReportRefused(f"En egen mall i {request.templates} gick inte att använda "
                            f"({type(error).__name__}).") from None


def _context(tree: GoalTree, template: str, request: ReportRequest, year: int) -> dict:
    needs_org = template in ("verksamhetsplan", "handlingsplan")
    if needs_org and not request.organisation:
        raise ReportRefused(f"Ange vilken organisation dokumentet gäller med --org, t.ex. --org "
                            f"{next(iter(tree.organisations), 'VON')}.")
    settings = tree.kommun.settings
    decision = tree.kommun.decision
    common = {"kommun": tree.kommun, "grades": list(Grade), "met": Grade.MET, "bands": settings.bands,
              "decided_by": decision.body if decision and decision.body else "Kommunfullmäktige",
              "weight": settings.assessment.partly_weight,
              "organisation": tree.organisations.get(request.organisation) if request.organisation else None}
    if template == "verksamhetsplan":
        return common | {"doc": documents.plan_document(tree, request.organisation, year)}
    if template == "handlingsplan":
        return common | {"doc": documents.action_plan_document(tree, request.organisation, year, request.period)}
    doc = documents.follow_up_document(tree, request.period, year, request.organisation, request.today)
    # The years the tree has plans for up to this one, side by side with it.
    years = sorted({p.year for p in tree.plans if p.year <= doc.status.year
                    and (request.organisation is None or p.organisation == request.organisation)})
    history = status.history(tree, doc.status.report, years, request.organisation) if len(years) > 1 else None
    return common | {"doc": doc, "trends": documents.follow_up_trends(tree, doc), "history": history}
