"""`rt report -f pdf`: the HTML report laid out on A4 by WeasyPrint, tagged
as PDF/UA-1. The print stylesheet (templates/print.css) adds the cover,
running headers and page numbers; this module adds what CSS cannot: the
table of contents."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .engine import builtin_templates

STYLESHEET = "print.css"
_OPTIONS = {"pdf_variant": "pdf/ua-1"}
# The headings a table of contents lists: the chapters and their sections.
_HEADING = re.compile(r"<h([23])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r"""\sid=(["'])(.*?)\1""")
_TAG = re.compile(r"<[^>]+>")


class PdfUnavailable(Exception):
    """WeasyPrint or the Pango library it draws text with is missing; the message is Swedish."""


def html_to_pdf(page: str, own_templates: Path | None = None) -> bytes:
    """The report's HTML as a tagged PDF: document language and title from
    the page (<html lang>, <title>), headings, tables and charts (their SVG
    title as alternative text) in the structure tree."""
    return paged_document(page, own_templates).write_pdf(**_OPTIONS)


def paged_document(page: str, own_templates: Path | None = None):
    """The report laid out on pages (a weasyprint Document): what the PDF
    draws, and what a test may measure."""
    return _weasyprint().HTML(string=paged_html(page, own_templates)).render(**_OPTIONS)


def stylesheet_path(own_templates: Path | None) -> Path:
    """The kommun's own print.css when its templates folder has one, else rt's."""
    own = own_templates / STYLESHEET if own_templates else None
    return own if own is not None and own.is_file() else builtin_templates() / STYLESHEET


def paged_html(page: str, own_templates: Path | None = None) -> str:
    """The page with the print stylesheet last in its head, its first
    <header> as the cover and a table of contents after it, linking every h2
    and h3; headings without an id get one. Works on own templates too:
    without a header the contents come first."""
    entries: list[tuple[str, str, str]] = []

    def anchored(match: re.Match) -> str:
        level, attributes, content = match[1], match[2], match[3]
        found = _ID.search(attributes)
        anchor = found[2] if found else f"rubrik-{len(entries) + 1}"
        if not found:
            attributes += f' id="{anchor}"'
        entries.append((level, anchor, _TAG.sub("", content).strip()))
        return f"<h{level}{attributes}>{content}</h{level}>"

    # In the page itself, not passed to WeasyPrint as a user stylesheet: a
    # user's rules yield to the page's own, and these must override them.
    style = stylesheet_path(own_templates).read_text(encoding="utf-8")
    body = _HEADING.sub(anchored, page.replace("</head>", f"<style>\n{style}</style>\n</head>", 1))
    if not entries:
        return _cover(body)
    items = "".join(f'<li class="level-{level}"><a href="#{html.escape(anchor)}">{text}</a></li>'
                    for level, anchor, text in entries)
    toc = f'<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">Innehåll</h2><ol>{items}</ol></nav>\n'
    covered = _cover(body)
    if "</header>" in covered:
        return covered.replace("</header>", "</header>\n" + toc, 1)
    return covered.replace("<main>", "<main>\n" + toc, 1)


def _cover(page: str) -> str:
    return page.replace("<header>", '<header class="cover">', 1)


def _weasyprint():
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailable("PDF kräver paketet weasyprint, som inte är installerat; "
                             "installera om rt (pip install roda-traden).") from None
    except OSError:
        # WeasyPrint loads Pango when it is imported; without it the import fails.
        raise PdfUnavailable("PDF kräver biblioteket Pango, som inte finns på datorn. Installera det, "
                             "på Debian och Ubuntu med: apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    return weasyprint
