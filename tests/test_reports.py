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
from tests.test_budget import COLUMN_BUDGET
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
    done = rt("report", "examples/oxelosund-2023", "--period", "delår", "--år", "2023", "--idag", "2023-09-01")
    assert done.returncode == 0 and done.stdout.startswith("# Oxelösunds kommun – Delårsrapport per augusti 2023")
    out = tmp_path / "plan.html"
    written = rt("report", "verksamhetsplan", "examples/oxelosund-2023", "--org", "VON", "-f", "html", "-o", str(out))
    assert written.stdout == f"Skrev {out}.\n" and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing_org = rt("report", "verksamhetsplan", "examples/oxelosund-2023")
    assert missing_org.returncode == 2 and missing_org.stderr.startswith("rt: Ange vilken organisation")
    assert rt("report", "handlingsplan", "examples/oxelosund-2023", "--org", "KS", "--år", "2023").stderr.startswith(
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
    refused = rt("report", "uppföljning", str(tree), "--period", "bokslut", "--år", "2023", "--strict")
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


# A nämndmål under a KF-mål the kommun directs only at UN, with two mått
# without text, comparators, and a mått split in delserier with utfall.
_EXTRA_GOAL = """
  - id: trygga-barn-i-hemtjanst
    text: Barn i familjer med hemtjänst ska känna sig trygga
    kf-mål: kunskapsresultat-ak-1-6
    mått:
      - id: enkat-barn
        datakälla: Elevenkäten
        ingångsvärde: 176
        målvärden: {2023: "<176", 2024: "<170", 2025: "<165"}
      - id: intervju-barn
        datakälla: Intervjuer
        ingångsvärde: {värde: 20, år: 2022}
        målvärden: {2023: ">25", 2024: ">30", 2025: "100 %"}
      - id: trygghet-per-boende
        text: Andel trygga barn per boendeform
        delserier:
          - id: sabo
            namn: Särskilt boende
            ingångsvärde: {värde: 60 %, år: 2022}
            målvärden: {2023: 70 %, 2024: 75 %, 2025: 80 %}
          - id: hemtjanst
            namn: Hemtjänst
            ingångsvärde: {värde: 50 %, år: 2022}
            målvärden: {2023: 55 %, 2024: 60 %, 2025: 65 %}
"""
_EXTRA_OUTCOME = """
  - mått: enkat-barn
    värde: 171
    avser: 2023-12-31
  - mått: intervju-barn
    värde: 27
    avser: 2023-12-31
  - mått: trygghet-per-boende
    avser: 2023-12-31
    delserier:
      - delserie: sabo
        värde: 72 %
      - delserie: hemtjanst
        värde: 52 %
"""


def _tree_with_extra_goal(tmp_path):
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    plan = tree / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    marker = "\n# Bilden \"Mål & Mått\""
    assert marker in text
    plan.write_text(text.replace(marker, _EXTRA_GOAL + marker), encoding="utf-8")
    follow_up = tree / "namnder/von/uppfoljning-2023-bokslut.yaml"
    text = follow_up.read_text(encoding="utf-8")
    follow_up.write_text(text.replace("\nutfall:\n", "\nutfall:\n" + _EXTRA_OUTCOME, 1), encoding="utf-8")
    return tree


def _descriptions(html):
    return re.findall(r"<desc id=\"d\d+\">(.*?)</desc>", html)


def test_a_measure_without_text_is_named_by_its_goal_never_by_its_id(tmp_path):
    tree = _tree_with_extra_goal(tmp_path)
    goal = "Barn i familjer med hemtjänst ska känna sig trygga"
    for kind, organisation, period in (("verksamhetsplan", "VON", None), ("uppföljning", None, "bokslut")):
        for output_format in ("md", "html"):
            text, _ = render(kind, organisation, period, output_format=output_format, tree=tree)
            assert "enkat-barn" not in text and "intervju-barn" not in text
            assert "andel-nojda-sabo" not in text and "antal-personal-14-dagar" not in text
            # Two mått without text under one nämndmål: told apart by datakälla.
            assert f"{goal} (Elevenkäten)" in text and f"{goal} (Intervjuer)" in text
    html, _ = render("uppföljning", None, "bokslut", output_format="html", tree=tree)
    assert f"Trend för {goal} (Intervjuer)</title>" in html
    # The only mått of its nämndmål takes the nämndmål's text.
    assert "<th scope=\"row\">Andel brukare som är ganska eller mycket nöjda med sin hemtjänst</th>" in html


def test_chart_descriptions_keep_comparators_and_units(tmp_path):
    html, _ = render("verksamhetsplan", "VON", None, output_format="html", tree=_tree_with_extra_goal(tmp_path))
    descriptions = _descriptions(html)
    assert ("Barn i familjer med hemtjänst ska känna sig trygga (Elevenkäten): ingångsvärde 176 (år saknas); "
            "målvärden 2023: &lt;176, 2024: &lt;170, 2025: &lt;165; utfall 2023: 171.") in descriptions
    assert ("Barn i familjer med hemtjänst ska känna sig trygga (Intervjuer): ingångsvärde 20 (2022); "
            "målvärden 2023: &gt;25, 2024: &gt;30, 2025: 100\u00a0%; utfall 2023: 27.") in descriptions
    # The point labels print the values as written, too.
    assert ">&gt;25</text>" in html and ">&lt;176</text>" in html


def test_a_measure_with_delserier_gets_one_line_per_delserie(tmp_path):
    html, _ = render("uppföljning", None, "bokslut", output_format="html", tree=_tree_with_extra_goal(tmp_path))
    chart = re.search(r"<svg class=\"trend\"[^>]*><title id=\"t\d+\">Trend för Andel trygga barn per boendeform"
                      r"</title>.*?</svg>", html)
    assert chart, "a mått with delserier has a chart"
    chart = chart[0]
    assert chart.count("<polyline") == 4  # målvärden and utfall, for each of the two delserier
    assert "■ ● Särskilt boende</text>" in chart and "■ ● Hemtjänst</text>" in chart
    assert ("Andel trygga barn per boendeform: Särskilt boende: ingångsvärde 60\u00a0% (2022); målvärden "
            "2023: 70\u00a0%, 2024: 75\u00a0%, 2025: 80\u00a0%; utfall 2023: 72\u00a0%; Hemtjänst: ingångsvärde "
            "50\u00a0% (2022); målvärden 2023: 55\u00a0%, 2024: 60\u00a0%, 2025: 65\u00a0%; utfall 2023: 52\u00a0%."
            ) in _descriptions(chart)


def test_markdown_escapes_both_angle_brackets_and_adds_no_spaces(tmp_path):
    markdown_it = pytest.importorskip("markdown_it")
    text, _ = render("verksamhetsplan", "VON", None, tree=_tree_with_extra_goal(tmp_path))
    row = next(line for line in text.splitlines() if "(Intervjuer)" in line)
    assert row.endswith("| 20 (2022) | &gt;25 | &gt;30 | 100\u00a0% |")
    row = next(line for line in text.splitlines() if "(Elevenkäten)" in line)
    assert row.endswith("| 176 | &lt;176 | &lt;170 | &lt;165 |")
    # A Markdown renderer shows the values as written, each in its own cell.
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert "<td>&gt;25</td><td>&gt;30</td><td>100\u00a0%</td>" in html.replace("\n", "")
    assert "<td>&lt;176</td><td>&lt;170</td><td>&lt;165</td>" in html.replace("\n", "")


def test_the_kf_mal_list_shows_every_kf_mal_the_table_refers_to_with_its_organisations(tmp_path):
    tree = _tree_with_extra_goal(tmp_path)
    text, _ = render("verksamhetsplan", "VON", None, tree=tree)
    section = text.split("## Trygg och säker uppväxt")[1].split("\n## ")[0]
    assert ("- Kunskapsresultaten för elever från årskurs ett till sex i Oxelösund är minst i nivå med "
            "genomsnittet för Sveriges kommuner. (B; ansvariga: UN)") in section
    assert "| Kunskapsresultaten för elever" in section
    # Directed at all, as the kommun's documents print it: no names.
    assert "- Trygghet bland barn och ungdomar i Oxelösund ökar jämfört med föregående år. (B)\n" in section
    html, _ = render("verksamhetsplan", "VON", None, output_format="html", tree=tree)
    assert "Sveriges kommuner. (B; ansvariga: UN)</li>" in html


@pytest.mark.parametrize("style", [">-", "|-"])
def test_blank_lines_in_beskrivning_and_inledning_stay_paragraphs(tmp_path, style):
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    kommun = tree / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    old = text[text.index("    beskrivning: >-\n      I Oxelösund råder"):text.index("    kf-mål:", text.index("I Oxelösund råder"))]
    kommun.write_text(text.replace(old, f"    beskrivning: {style}\n      Första stycket,\n      på två rader.\n\n"
                                        "      Andra stycket.\n"), encoding="utf-8")
    plan = tree / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    old = text[text.index("inledning: >-"):text.index("\n\n", text.index("inledning: >-"))]
    plan.write_text(text.replace(old, f"inledning: {style}\n  Inledningen,\n  på två rader.\n\n  Sedan mer."),
                    encoding="utf-8")
    markdown, _ = render("verksamhetsplan", "VON", None, tree=tree)
    assert "\n\nFörsta stycket, på två rader.\n\nAndra stycket.\n\n" in markdown
    assert "\n\nInledningen, på två rader.\n\nSedan mer.\n\n" in markdown
    html, _ = render("verksamhetsplan", "VON", None, output_format="html", tree=tree)
    assert "<p>Första stycket, på två rader.</p><p>Andra stycket.</p>" in html
    assert "<p>Inledningen, på två rader.</p><p>Sedan mer.</p>" in html


def test_a_bare_number_is_printed_in_swedish_form():
    """7.4 in YAML is 7,4 in a Swedish report; a written text keeps its own form."""
    request = ReportRequest("verksamhetsplan", "UN", 2027, None, "md", None, False, TODAY)
    text, _ = render_report(load_tree(REPO / "goals"), request)
    row = next(line for line in text.splitlines() if "Sjukfrånvaro i procent av ordinarie arbetstid" in line)
    assert row.endswith("| 7,4 (2025) | 7 | 6,6 | 6,2 |")


def test_baselines_are_printed_as_the_plan_wrote_them(tmp_path):
    """A period or date with the value, "Nytt värde" in the plan's words, one baseline per part."""
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    plan = tree / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    extra = """
  - id: kontinuitet-och-stod
    text: Brukarna ska möta färre personal och fler ska få stöd i tid
    kf-mål: trygghet-aldre
    mått:
      - id: personal-period
        text: Antal personal en brukare möter under 14 dagar
        datakälla: Egen mätning
        ingångsvärde: "17 (jan–nov 2022)"
        målvärden: {2023: 16, 2024: 15, 2025: 14}
      - id: stod-datum
        text: Antal brukare med stöd i tid
        datakälla: Verksamhetssystemet
        ingångsvärde: {värde: 176, datum: 2022-12-01}
        målvärden: {2023: 180, 2024: 185, 2025: 190}
      - id: nytt-matt
        text: Andel brukare med genomförandeplan
        datakälla: Verksamhetssystemet
        ingångsvärde: Nytt värde
        målvärden: {2023: 80 %, 2024: 85 %, 2025: 90 %}
      - id: delade-ingangsvarden
        text: Andel medarbetare med rätt kompetens
        datakälla: Personalsystemet
        ingångsvärden:
          - {del: äldreomsorg, värde: 82 %, år: 2022}
          - {del: socialomsorg, värde: 76 %, år: 2022}
        målvärden: {2023: 84 %, 2024: 86 %, 2025: 88 %}
"""
    marker = "\n# Bilden \"Mål & Mått\""
    assert marker in text
    plan.write_text(text.replace(marker, extra + marker), encoding="utf-8")
    for output_format in ("md", "html"):
        shown, _ = render("verksamhetsplan", "VON", None, output_format=output_format, tree=tree)
        assert "17 (jan–nov 2022)" in shown
        assert "176 (2022-12-01)" in shown
        assert "Nytt värde" in shown
        assert "äldreomsorg: 82\u00a0% (2022); socialomsorg: 76\u00a0% (2022)" in shown


# The budget test's column budget, with the plan's own column headings.
_COLUMN_BUDGET = COLUMN_BUDGET.replace("  ram: 350 000\n", "  ram: 350 000\n  kolumner:\n"
                                       "    prognos-2023: Prognos 2023 (per oktober)\n    budget-2023: Budget 2023\n"
                                       "    förändring: Förändring\n    budget-2024: Budget 2024\n")


def test_a_column_budget_prints_one_table_per_figure_with_the_plans_headings(tmp_path):
    from markdown_it import MarkdownIt

    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    plan = tree / "namnder/von/verksamhetsplan-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("\ninternbudget:")
    plan.write_text(text[:start + 1] + _COLUMN_BUDGET, encoding="utf-8")
    md, _ = render("verksamhetsplan", "VON", None, tree=tree)
    html = MarkdownIt().enable("table").render(md)
    for figure in ("Nettokostnad", "Intäkter", "Kostnader"):
        assert f"<strong>{figure}</strong>" in html
    assert html.count("<th style=\"text-align:right\">Prognos 2023 (per oktober)</th>") == 3
    assert "<td style=\"text-align:right\">−254\u00a0500</td>" in html
    page, _ = render("verksamhetsplan", "VON", None, output_format="html", tree=tree)
    assert page.count("<caption>") >= 3 and "<th scope=\"col\" class=\"num\">Förändring</th>" in page


def test_kf_mal_labels_reporters_and_footnotes_are_printed(tmp_path):
    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    kommun = tree / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    anchor = "      - id: trygghet-aldre\n"
    assert anchor in text
    kommun.write_text(text.replace(anchor, anchor + "        etikett: Verksamhetsmål\n"
                                   "        fotnoter: [Mäts i Socialstyrelsens undersökning.]\n", 1), encoding="utf-8")
    for output_format, label in (("md", "*Verksamhetsmål:*"), ("html", "<span class=\"etikett\">Verksamhetsmål:</span>")):
        shown, _ = render("verksamhetsplan", "VON", None, output_format=output_format, tree=tree)
        assert label in shown and "Mäts i Socialstyrelsens undersökning." in shown
