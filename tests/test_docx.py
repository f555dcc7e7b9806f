"""rt report -f docx on the example: every document kind opened with
python-docx (text against golden files, heading styles, repeating header
rows, bedömning as symbol and word, charts with alternative text) and a
kommun's own Word template through --mall."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn

from roda_traden.domain.grades import Grade
from roda_traden.loading.tree import load_tree
from tests.conftest import EXAMPLE, REPO
from tests.test_cli import rt
from tests.test_reports import DOCUMENTS, render

GOLDEN = REPO / "tests" / "golden" / "docx"


@pytest.fixture(scope="module")
def opened():
    """Each document built once for the whole module."""
    cache: dict[str, docx.document.Document] = {}

    def get(name: str):
        if name not in cache:
            data, refused = render(*DOCUMENTS[name], output_format="docx")
            assert refused is None
            cache[name] = docx.Document(io.BytesIO(data))
        return cache[name]
    return get


def text_of(document) -> str:
    """The body in order: headings marked with their level, table rows with | between cells."""
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines += [" | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in block.rows]
        elif block.style.name.startswith("Heading"):
            lines.append(f"{'#' * int(block.style.name.split()[-1])} {block.text}")
        elif block.text:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_text_matches_golden_file(opened, name):
    """Regenerate with: python -m tests.test_docx (then review the diff)."""
    assert text_of(opened(name)) == (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_headings_are_word_heading_styles(opened, name):
    document = opened(name)
    levels = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert levels.count("Heading 1") == 1 and levels[0] == "Heading 1"
    assert levels.count("Heading 2") >= 1
    # Word's navigation pane reads the outline level the heading styles carry.
    assert all(document.styles[name].element.pPr.find(qn("w:outlineLvl")) is not None for name in set(levels))
    assert document.core_properties.title == document.paragraphs[0].text
    assert document.core_properties.language == "sv-SE"
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_table_repeats_its_header_row(opened, name):
    tables = opened(name).tables
    assert tables
    for table in tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_bedomning_is_symbol_and_word(opened):
    cells = [cell.text for table in opened("uppfoljning-bokslut-VON-2023").tables for row in table.rows[1:]
             for cell in row.cells]
    shown = {grade.shown for grade in Grade}
    assert any(text.startswith(tuple(shown)) for text in cells)
    assert any(text.startswith(Grade.MET.shown) for text in cells)


@pytest.mark.parametrize("name", ["verksamhetsplan-VON-2023", "uppfoljning-bokslut-VON-2023"])
def test_every_chart_is_a_picture_with_alternative_text(opened, name):
    document = opened(name)
    html, _ = render(*DOCUMENTS[name], output_format="html")
    pictures = document.inline_shapes
    assert len(pictures) == html.count('<svg class="trend"')
    for picture in pictures:
        properties = picture._inline.docPr
        assert properties.get("title").startswith("Trend för ")
        assert properties.get("descr") and properties.get("descr") in text_of(document)
        assert picture.width > 0 and picture.height > 0


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_namndmal_is_in_the_document(opened, name):
    _kind, organisation, _period = DOCUMENTS[name]
    tree = load_tree(EXAMPLE)
    goals = [goal.text for plan in tree.plans if plan.year == 2023 and organisation in (None, plan.organisation)
             for goal in plan.goals]
    text = text_of(opened(name))
    assert goals and [goal for goal in goals if goal not in text] == []


def test_own_page_numbers_when_no_template(opened):
    footer = opened("handlingsplan-VON-2023").sections[0].footer._element.xml
    assert "Sida " in footer and " PAGE " in footer and " NUMPAGES " in footer


@pytest.fixture
def reference(tmp_path):
    """A kommun's Word template: its own font, a header, and a text of its own that the report leaves out."""
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template.styles["Heading 1"].font.name = "Gill Sans"
    template.sections[0].header.paragraphs[0].text = "Oxelösunds kommun – Vård- och omsorgsförvaltningen"
    template.add_paragraph("Mallens exempeltext.")
    path = tmp_path / "mall.docx"
    template.save(path)
    return path


def test_mall_gives_styles_fonts_and_header(tmp_path, reference):
    out = tmp_path / "hp.docx"
    done = rt("report", "handlingsplan", str(EXAMPLE), "--org", "VON", "--år", "2023", "-o", str(out), "--mall", str(reference))
    assert done.returncode == 0, done.stderr
    document = docx.Document(out)
    assert document.styles["Normal"].font.name == "Garamond"
    assert document.styles["Heading 1"].font.name == "Gill Sans"
    assert document.sections[0].header.paragraphs[0].text == "Oxelösunds kommun – Vård- och omsorgsförvaltningen"
    # The template's footer stands: rt adds no page numbers of its own.
    assert "NUMPAGES" not in document.sections[0].footer._element.xml
    text = text_of(document)
    assert "Mallens exempeltext." not in text
    assert text.startswith("# Vård- och omsorgsnämnden – handlingsplan 2023\n")


@pytest.mark.parametrize(("make", "message"), [
    (lambda path: None, "rt: Mallen {path} finns inte."),
    (lambda path: path.write_text("inte ett dokument", encoding="utf-8"),
     "rt: Mallen {path} är inget Word-dokument (.docx); spara den som .docx i Word."),
])
def test_an_unusable_mall_is_explained(tmp_path, make, message):
    path = tmp_path / "mall.docx"
    make(path)
    done = rt("report", "handlingsplan", str(EXAMPLE), "--org", "VON", "-o", str(tmp_path / "hp.docx"),
              "--mall", str(path))
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == message.format(path=path)
    assert not (tmp_path / "hp.docx").exists()


def test_mall_belongs_to_word_reports(tmp_path, reference):
    done = rt("report", "handlingsplan", str(EXAMPLE), "--org", "VON", "-o", str(tmp_path / "hp.pdf"),
              "--mall", str(reference))
    assert done.returncode == 2
    assert done.stderr.startswith("rt: --mall gäller Word-rapporter")


def test_without_cairo_the_cli_says_what_to_install(tmp_path):
    """cairosvg fails to import without the system's Cairo; a stand-in fails the same way."""
    stub = tmp_path / "stub" / "cairosvg"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise OSError(\"no library called 'cairo-2' was found\")\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stub.parent), str(REPO)])}
    done = subprocess.run([sys.executable, "-m", "roda_traden", "report", "verksamhetsplan", str(EXAMPLE), "--org",
                           "VON", "-o", str(tmp_path / "vp.docx")], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "apt-get install libcairo2" in done.stderr
    assert not (tmp_path / "vp.docx").exists()


if __name__ == "__main__":
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for document_name in DOCUMENTS:
        data, _ = render(*DOCUMENTS[document_name], output_format="docx")
        (GOLDEN / f"{document_name}.txt").write_text(text_of(docx.Document(io.BytesIO(data))), encoding="utf-8")
