"""rt report on the example: golden Markdown for every document kind (a
template change shows up as a readable diff), HTML structure, overrides."""

from __future__ import annotations

import datetime
import re
import shutil
from html.parser import HTMLParser

import pytest

from roda_traden.loading.tree import load_tree
from roda_traden.rendering.reports import ReportRequest, render_report
from tests.conftest import EXAMPLE, REPO
from tests.test_cli import rt

GOLDEN = REPO / "tests" / "golden" / "reports"
TODAY = datetime.date(2023, 9, 1)
DOCUMENTS = {
    "verksamhetsplan-VON-2023": ("verksamhetsplan", "VON", None),
    "uppfoljning-delar-2023": ("uppföljning", None, "delår"),
    "uppfoljning-bokslut-VON-2023": ("uppföljning", "VON", "bokslut"),
    "handlingsplan-VON-2023": ("handlingsplan", "VON", None),
}


def render(kind, organisation, period, output_format="md", templates=None, strict=False, tree=EXAMPLE):
    request = ReportRequest(kind, organisation, 2023, period, output_format, templates, strict, TODAY)
    return render_report(load_tree(tree), request)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_markdown_matches_golden_file(name):
    """Regenerate with: python -m tests.test_reports (then review the diff)."""
    text, refused = render(*DOCUMENTS[name])
    assert refused is None
    assert text == (GOLDEN / f"{name}.md").read_text(encoding="utf-8")


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.th_without_scope, self.svgs, self.lang = [], 0, [], None
        self._svg = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th" and "scope" not in attrs:
            self.th_without_scope += 1
        if tag == "svg":
            self._svg = {"role": attrs.get("role"), "title": False}
        if tag == "title" and self._svg is not None:
            self._svg["title"] = True

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svgs.append(self._svg)
            self._svg = None


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_html_is_accessible_by_construction(name):
    html, _ = render(*DOCUMENTS[name], output_format="html")
    structure = _Structure()
    structure.feed(html)
    assert structure.lang == "sv"
    assert structure.headings[0] == 1 and structure.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(structure.headings, structure.headings[1:])), structure.headings
    assert structure.th_without_scope == 0
    assert all(svg == {"role": "img", "title": True} for svg in structure.svgs)
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")


def test_charts_carry_their_values_as_text():
    html, _ = render("verksamhetsplan", "VON", None, output_format="html")
    assert html.count('class="trend"') == 4
    assert "utfall 2023: 19" in html  # personalkontinuitet's bokslut value
    # The seed prints 69 % without a year; the chart does not invent one.
    assert "ingångsvärde 69\u00a0% (år saknas); målvärden 2023: 72\u00a0%, 2024: 80\u00a0%, 2025: 85\u00a0%; utfall 2023: 73\u00a0%" in html


def test_a_delar_chart_shows_only_what_was_known_by_the_delar():
    html, _ = render("uppföljning", "VON", "delår", output_format="html")
    assert "utfall 2023: 21" in html and "utfall 2023: 19" not in html  # 19 is the bokslut value


def test_own_templates_override_file_by_file(tmp_path):
    own = tmp_path / "mallar"
    own.mkdir()
    (own / "handlingsplan.md.j2").write_text("# Egen mall för {{ doc.organisation.id }}\n", encoding="utf-8")
    assert render("handlingsplan", "VON", None, templates=own)[0] == "# Egen mall för VON\n"
    assert render("verksamhetsplan", "VON", None, templates=own)[0].startswith("# Vård- och omsorgsnämnden")


def test_broken_own_templates_are_explained(tmp_path):
    from roda_traden.rendering.reports import ReportRefused

    own = tmp_path / "mallar"
    own.mkdir()
    (own / "handlingsplan.md.j2").write_text("# {{ doc.finns_inte }}\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(ReportRefused, match="handlingsplan.md.j2 har ett syntaxfel på rad 2"):
        render("handlingsplan", "VON", None, templates=own)
    (own / "handlingsplan.md.j2").write_text("# {{ doc.finns_inte }}\n", encoding="utf-8")
    with pytest.raises(ReportRefused, match="En mall använder \"finns_inte\", som inte finns"):
        render("handlingsplan", "VON", None, templates=own)


def test_gaps_are_listed_first_and_strict_refuses(tmp_path):
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    (tree / "namnder/von/uppfoljning-2023-bokslut.yaml").unlink()
    text, refused = render("uppföljning", "VON", "bokslut", tree=tree)
    assert refused is None
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## Saknas i underlaget", "## Sammanfattning"]
    assert "Rapporten är ofullständig: 12 uppgifter saknas." in text
    _, refused = render("uppföljning", "VON", "bokslut", tree=tree, strict=True)
    assert refused.startswith("12 uppgifter saknas i underlaget")


def test_cli_report_shorthand_output_file_and_errors(tmp_path):
    done = rt("report", "examples/oxelosund-2023", "--period", "delår", "--idag", "2023-09-01")
    assert done.returncode == 0 and done.stdout.startswith("# Oxelösunds kommun – Delårsrapport per augusti 2023")
    out = tmp_path / "plan.html"
    written = rt("report", "verksamhetsplan", "examples/oxelosund-2023", "--org", "VON", "-f", "html", "-o", str(out))
    assert written.stdout == f"Skrev {out}.\n" and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing_org = rt("report", "verksamhetsplan", "examples/oxelosund-2023")
    assert missing_org.returncode == 2 and missing_org.stderr.startswith("rt: Ange vilken organisation")
    assert rt("report", "handlingsplan", "examples/oxelosund-2023", "--org", "KS").stderr.startswith(
        "rt: KS har ingen handlingsplan för 2023.")


if __name__ == "__main__":
    for name, spec in DOCUMENTS.items():
        (GOLDEN / f"{name}.md").write_text(render(*spec)[0], encoding="utf-8")
        print("skrev", name)


def _tree_with_odd_texts(tmp_path):
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    plan = tree / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "text: Andel brukare som är ganska eller mycket nöjda med sitt SÄBO ska öka",
        'text: "Andel <script>x</script> & SÄBO | nöjda\\n\\nska öka"')
    plan.write_text(text, encoding="utf-8")
    return tree


def test_user_text_cannot_break_markdown(tmp_path):
    text, _ = render("verksamhetsplan", "VON", None, tree=_tree_with_odd_texts(tmp_path))
    row = next(line for line in text.splitlines() if "SÄBO" in line and line.startswith("|"))
    assert "Andel &lt;script&gt;x&lt;/script&gt; &amp; SÄBO \\| nöjda ska öka" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 8  # seven columns, however the text is written


def test_user_text_is_escaped_in_html(tmp_path):
    html, _ = render("verksamhetsplan", "VON", None, output_format="html", tree=_tree_with_odd_texts(tmp_path))
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; SÄBO" in html


def test_handlingsplan_groups_by_kommunmal_whatever_the_plan_order(tmp_path):
    text, _ = render("handlingsplan", "VON", None)
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## Trygg och värdig ålderdom"]


def test_cli_unknown_document_and_strict_exit_code(tmp_path):
    typo = rt("report", "rapport", "examples/oxelosund-2023")
    assert typo.returncode == 2 and typo.stderr.startswith("rt: Okänt dokument \"rapport\".")
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    (tree / "namnder/von/uppfoljning-2023-bokslut.yaml").unlink()
    refused = rt("report", "uppföljning", str(tree), "--period", "bokslut", "--strict")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("rt: 12 uppgifter saknas i underlaget")


_HOSTILE = "X <img src=x onerror=alert(1)> | [l](javascript:alert(1)) *k* `c`\n# H\n\n- y"


def _hostile_tree(tmp_path):
    """Every kind of text a document shows, written by someone hostile:
    names, decisions, descriptions, goal texts, values, nyckeltal, units."""
    from ruamel.yaml import YAML

    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    yaml = YAML()

    def poison(node, skip=("id", "organisation", "kf-mål", "kommunmål", "nämndmål", "mått", "aktivitet",
                           "uppföljning", "typ", "avser", "inlämning", "datum", "kod", "år", "status", "klart",
                           "planeringsperiod", "delserie", "period", "genomförandegrad")):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and key not in skip and not value[:1].isdigit():
                    node[key] = _HOSTILE
                else:
                    poison(value)
        elif isinstance(node, list):
            for item in node:
                poison(item)

    for path in [tree / "kommun.yaml", *(tree / "namnder/von").glob("*.yaml")]:
        data = yaml.load(path.read_text(encoding="utf-8"))
        poison(data)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return tree


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_inserted_text_becomes_markdown_or_html(tmp_path, name):
    text, _ = render(*DOCUMENTS[name], tree=_hostile_tree(tmp_path))
    assert text.count("X &lt;img") > 3  # the texts are there, as text
    assert "<img" not in text and not re.search(r"(?<!\\)\]\(javascript", text)
    assert not re.search(r"(?<!\\)\*k(?<!\\)\*", text) and "\n# H" not in text and "\n- y" not in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows
    for line in rows:  # every row of a table has as many cells as its header
        assert text.count("\n" + line) >= 1
    tables = re.findall(r"((?:^\|.*\n)+)", text, flags=re.M)
    for table in tables:
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(widths) == 1, table
