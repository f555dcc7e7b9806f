"""rt report -f pdf on the example: every document kind read back from the
PDF (tags, language, title, pages, text against golden files), measured on
its pages (tables within the margins, headings kept with what follows),
and the command line's files, pipes and missing Pango."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from roda_traden.loading.tree import load_tree
from roda_traden.rendering import pdf
from tests.conftest import EXAMPLE, REPO
from tests.test_reports import DOCUMENTS, render

GOLDEN = REPO / "tests" / "golden" / "pdf"
# Pages of the example's documents: the whole-kommun delår used to print one
# small table a page, one kommunmål after the other.
PAGES = {"verksamhetsplan-VON-2023": 7, "uppfoljning-delar-2023": 8, "uppfoljning-bokslut-VON-2023": 8,
         "handlingsplan-VON-2023": 5}


class Rendered:
    def __init__(self, name: str):
        self.html, _ = render(*DOCUMENTS[name], output_format="html")
        self.document = pdf.paged_document(self.html)
        self.pdf = self.document.write_pdf(**pdf._OPTIONS)
        self.reader = pypdf.PdfReader(io.BytesIO(self.pdf))
        self.pages = [page_text(page.extract_text()) for page in self.reader.pages]


@pytest.fixture(scope="module")
def rendered():
    """Each document laid out once for the whole module: rendering takes a second."""
    cache: dict[str, Rendered] = {}

    def get(name: str) -> Rendered:
        if name not in cache:
            cache[name] = Rendered(name)
        return cache[name]
    return get


def page_text(text: str) -> str:
    """A page's words in order, without line breaks (they follow the fonts)
    and with a contents line's dot leader as one ellipsis."""
    return re.sub(r"\s+", " ", re.sub(r"\.{4,}", " … ", text)).strip()


def golden_text(pages: list[str]) -> str:
    return "".join(f"=== Sida {n} ===\n{text}\n" for n, text in enumerate(pages, 1))


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_text_matches_golden_file(rendered, name):
    """Regenerate with: python -m tests.test_pdf (then review the diff)."""
    assert golden_text(rendered(name).pages) == (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")


def _tree(node):
    node = node.get_object()
    yield node
    kids = node.get("/K") if isinstance(node, dict) else None
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        if isinstance(kid.get_object(), dict):
            yield from _tree(kid)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_pdf_is_tagged_in_swedish_with_its_title(rendered, name):
    doc = rendered(name)
    root = doc.reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    title = re.search(r"<title>(.*?)</title>", doc.html)[1]
    assert doc.reader.metadata.title == title
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    tags = [node.get("/S") for node in _tree(root["/StructTreeRoot"])]
    assert tags.count("/H1") == 1
    assert tags.count("/H2") >= 2
    # A table continued on the next page is tagged once on each.
    assert tags.count("/Table") >= doc.html.count("<table") > 0
    assert "/TH" in tags and "/TD" in tags
    assert len(doc.reader.pages) == PAGES[name]


def test_every_chart_is_a_figure_with_alternative_text(rendered):
    doc = rendered("uppfoljning-delar-2023")
    figures = [node for node in _tree(doc.reader.trailer["/Root"]["/StructTreeRoot"]) if node.get("/S") == "/Figure"]
    titles = re.findall(r'<svg[^>]*role="img".*?<title id="[^"]+">(.*?)</title>', doc.html)
    assert titles and [str(f.get("/Alt")) for f in figures] == [t.replace("&amp;", "&") for t in titles]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_namndmal_is_in_the_text(rendered, name):
    _kind, organisation, _period = DOCUMENTS[name]
    tree = load_tree(EXAMPLE)
    goals = [goal.text for plan in tree.plans if plan.year == 2023 and organisation in (None, plan.organisation)
             for goal in plan.goals]
    text = " ".join(rendered(name).pages)
    assert goals and [goal for goal in goals if page_text(goal) not in text] == []


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_cover_contents_and_page_numbers(rendered, name):
    doc = rendered(name)
    pages, total = doc.pages, len(doc.pages)
    assert "Sida" not in pages[0] and "Oxelösunds kommun" in pages[0]
    assert pages[1].startswith("Innehåll")
    for number, text in enumerate(pages[1:], 2):
        assert text.endswith(f"Sida {number} av {total}")
    # Each contents line names the page its heading is on.
    for heading, page in re.findall(r"(\S[^…]*?) … (\d+)", pages[1].removeprefix("Innehåll")):
        assert heading.strip()[:40] in pages[int(page) - 1], heading


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_tables_fit_within_the_margins(rendered, name):
    """The summary with its bars was wider than the text column and cut."""
    for number, page in enumerate(rendered(name).document.pages, 1):
        right = page._page_box.content_box_x() + page._page_box.width
        wide = [box.element_tag for box in _boxes(page._page_box) if box.element_tag in ("table", "td", "th", "svg")
                and box.position_x + box.margin_width() > right + 0.5]
        assert wide == [], f"sida {number}"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_page_ends_with_a_heading(rendered, name):
    for number, page in enumerate(rendered(name).document.pages, 1):
        boxes = [box for box in _boxes(page._page_box) if box.element_tag in ("h2", "h3", "h4", "p", "table", "figure",
                                                                               "ul", "li", "div")]
        last = max(boxes, key=lambda box: box.position_y + box.margin_height(), default=None)
        assert last is None or last.element_tag not in ("h2", "h3", "h4"), f"sida {number}"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_page_is_left_half_empty_before_the_end(rendered, name):
    """The whole-kommun delår printed one small table a page, a kommunmål on each."""
    pages = rendered(name).document.pages
    for number, page in enumerate(pages[2:-1], 3):
        box = page._page_box
        top, height = box.content_box_y(), box.height
        bottom = max(b.position_y + b.margin_height() for b in _boxes(box) if b.element_tag in ("table", "p", "figure"))
        assert bottom - top > height / 2, f"sida {number}"


def test_own_templates_may_bring_their_own_print_stylesheet(tmp_path):
    (tmp_path / "print.css").write_text("@page { size: A5; }\n", encoding="utf-8")
    html, _ = render(*DOCUMENTS["handlingsplan-VON-2023"], output_format="html")
    width = float(pypdf.PdfReader(io.BytesIO(pdf.html_to_pdf(html, tmp_path))).pages[0].mediabox.width)
    assert round(width / 72 * 25.4) == 148


def test_cli_writes_a_pdf_to_a_file_and_to_a_pipe(tmp_path):
    from tests.test_cli import rt

    done = rt("report", "handlingsplan", str(EXAMPLE), "--org", "VON", "-o", str(tmp_path / "hp.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "hp.pdf").read_bytes().startswith(b"%PDF-")
    piped = subprocess.run([sys.executable, "-m", "roda_traden", "report", "handlingsplan", str(EXAMPLE), "--org",
                            "VON", "-f", "pdf"], capture_output=True, cwd=REPO)
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF-")


def test_without_pango_the_cli_says_what_to_install(tmp_path):
    """WeasyPrint fails to import without Pango; a stand-in fails the same way."""
    stub = tmp_path / "stub" / "weasyprint"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': cannot open shared object file\")\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stub.parent), str(REPO)])}
    done = subprocess.run([sys.executable, "-m", "roda_traden", "report", "handlingsplan", str(EXAMPLE), "--org",
                           "VON", "-o", str(tmp_path / "hp.pdf")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Pango" in done.stderr and "apt-get install libpango-1.0-0" in done.stderr
    assert not (tmp_path / "hp.pdf").exists()


if __name__ == "__main__":
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for document in DOCUMENTS:
        (GOLDEN / f"{document}.txt").write_text(golden_text(Rendered(document).pages), encoding="utf-8")
