"""`rt webb`: the röda tråd as a static site. Every nämndmål and mått has its
place, links run both ways along the chain and all resolve inside the folder,
nothing is fetched from elsewhere, every page reads without JavaScript, and
the folder is only ever written where rt webb wrote before. In Chromium:
axe finds nothing on any page type, Tab reaches the filters and the links."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from ruamel.yaml import YAML

from roda_traden.cli.app import run
from roda_traden.cli.webb import MARKER
from roda_traden.loading.tree import load_tree
from roda_traden.rendering.site import build_site, render_site
from tests.conftest import EXAMPLE
from tests.test_browser import BROWSER, READY

TODAY = datetime.date(2024, 3, 1)
VON_PLAN = "namnder/von/verksamhetsplan-2023.yaml"


class Page(HTMLParser):
    """The links, ids, scripts and text of one page."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[str] = []
        self.sources: list[str] = []
        self.ids: set[str] = set()
        self.hidden_forms = self.forms = 0
        self.words: list[str] = []
        self.feed(text)
        self.text = " ".join(" ".join(self.words).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for name in ("src", "href", "action"):
            if name in attrs and tag != "a":
                self.sources.append(attrs[name])
        if tag == "form" and "filter" in attrs.get("class", ""):
            self.forms += 1
            self.hidden_forms += "hidden" in attrs

    def handle_data(self, data):
        self.words.append(data)


def site_of(root: Path = EXAMPLE, tree=None, **options) -> dict[str, str]:
    return render_site(build_site(tree or load_tree(root), options.pop("year", 2023), today=TODAY, **options))


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    return site_of()


def parsed(files: dict[str, str]) -> dict[str, Page]:
    return {name: Page(text) for name, text in files.items() if name.endswith(".html")}


def target_of(page: str, href: str) -> tuple[str, str]:
    """The file in the site a relative link leads to, and its fragment."""
    parts = urlsplit(href)
    base = Path(page).parent
    path = (base / unquote(parts.path)).as_posix() if parts.path else page
    normal = []
    for part in path.split("/"):
        if part == "..":
            normal.pop()
        elif part not in ("", "."):
            normal.append(part)
    return "/".join(normal), parts.fragment


def test_a_page_for_the_start_each_kommunmal_organisation_and_matt(example):
    tree = load_tree(EXAMPLE)
    measures = {f"matt/VON/{m.id}.html" for p, _g, m in tree.measures() if p.year == 2023}
    assert len(measures) == 4
    expected = {"index.html", "sok.html", "organisation/VON.html", "rt-webb.css", "rt-webb.js", *measures,
                *(f"kommunmal/{g.id}.html" for g in tree.kommun.goals)}
    assert set(example) == expected
    start = Page(example["index.html"]).text
    assert "Vision: Framtid - Vision 2025" in start
    assert "Hav, skärgård och närhet" in start
    assert all(goal.name in start for goal in tree.kommun.goals)


def test_every_link_resolves_inside_the_site_and_nothing_is_fetched_from_elsewhere(example):
    pages = parsed(example)
    for name, page in pages.items():
        for href in page.links + page.sources:
            assert "://" not in href and not href.startswith("//"), (name, href)
            if href.startswith("#"):
                assert href[1:] in page.ids, (name, href)
                continue
            target, fragment = target_of(name, href)
            assert target in example, (name, href)
            if fragment:
                assert fragment in pages[target].ids, (name, href)


def test_every_namndmal_and_matt_has_its_place_and_the_chain_links_both_ways(example):
    pages = parsed(example)
    tree = load_tree(EXAMPLE)
    organisation = pages["organisation/VON.html"]
    everything = pages["sok.html"].text
    for _plan, goal in (pair for pair in tree.goals() if pair[0].year == 2023):
        assert f"nm-{goal.id}" in organisation.ids
        assert goal.text.split()[0] in organisation.text and " ".join(goal.text.split()) in everything
        municipal, _kf = tree.council_goals[goal.council_goal]
        down = pages[f"kommunmal/{municipal.id}.html"]
        assert f"nm-VON-{goal.id}" in down.ids
        for measure in goal.measures:
            path = f"matt/VON/{measure.id}.html"
            # Down: the kommunmål's page links to the mått under its nämndmål ...
            assert any(target_of(f"kommunmal/{municipal.id}.html", href)[0] == path for href in down.links)
            # ... and up: the mått's page leads to its nämndmål, KF-mål and kommunmål.
            up = {target_of(path, href) for href in pages[path].links}
            assert ("organisation/VON.html", f"nm-{goal.id}") in up
            assert (f"kommunmal/{municipal.id}.html", f"kf-{goal.council_goal}") in up
            assert (f"kommunmal/{municipal.id}.html", "") in up


def test_the_matt_page_shows_the_latest_followup_the_series_and_the_chart(example):
    page = example["matt/VON/andel-nojda-sabo.html"]
    text = Page(page).text
    assert "Bokslut 2023" in text  # the year's last report handed in
    assert "Utfall 73 %" in text and "● uppfyllt" in text
    assert "Målvärden och utfall (ingångsvärde 69 %)" in text
    assert "2024 80 % –" in text  # a year to come: its målvärde, no utfall yet
    assert '<svg class="trend" role="img"' in page
    assert "Analys" in text


def test_a_named_period_shows_that_reports_outcomes():
    text = Page(site_of(report="delår")["matt/VON/andel-nojda-sabo.html"]).text
    assert "Delårsrapport 2023" in text or "delår" in text.lower()
    assert "Bokslut 2023" not in text


def test_every_page_reads_without_javascript(example):
    for name, page in parsed(example).items():
        # The filters do nothing without the script, so the script shows them; the content is all there.
        assert page.hidden_forms == page.forms, name
    assert 'data-bedomning="met"' in example["kommunmal/trygg-och-vardig-alderdom.html"]
    assert "hidden" not in example["sok.html"].split('<div id="alla">', 1)[1]


def test_the_same_tree_renders_the_same_bytes(example):
    assert site_of() == example


def test_a_stored_kolada_series_is_the_matt_pages_comparison():
    tree = load_tree(EXAMPLE)
    assert tree.kolada  # the example stores U21401
    files = site_of(tree=tree)
    text = Page(files["matt/VON/antal-personal-14-dagar.html"]).text
    assert "Jämfört med andra kommuner" in text
    assert "Källa: Kolada, hämtat 2023-02-15." in text
    assert "Oxelösunds kommun 11 19 – 24 20" in text
    assert "Jämfört med andra kommuner" not in Page(files["matt/VON/andel-nojda-sabo.html"]).text


def _copy(tmp_path: Path, replace: tuple[str, str] | None = None) -> Path:
    tree = tmp_path / "trad"
    shutil.copytree(EXAMPLE, tree)
    if replace:
        plan = tree / VON_PLAN
        text = plan.read_text(encoding="utf-8")
        assert replace[0] in text
        plan.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    return tree


def test_a_namndmal_linked_to_nothing_is_still_shown_and_texts_are_escaped(tmp_path):
    tree = _copy(tmp_path, ("kf-mål: antal-personal-hemtjanst", "kf-mål: finns-inte"))
    plan = tree / VON_PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("Antal personer (personal)", "Antal <b>personer</b>", 1),
                    encoding="utf-8")
    files = site_of(tree)
    organisation = Page(files["organisation/VON.html"])
    assert "Nämndmål utan giltig koppling" in organisation.text
    assert "nm-farre-personal-hemtjanst" in organisation.ids
    assert "Antal &lt;b&gt;personer&lt;/b&gt;" in files["organisation/VON.html"]


def test_ids_that_would_share_a_file_get_their_own(tmp_path):
    tree = _copy(tmp_path, ("- id: antal-personal-14-dagar", "- id: andel-nojda-sabo"))
    files = site_of(tree)
    assert "matt/VON/andel-nojda-sabo.html" in files and "matt/VON/andel-nojda-sabo-2.html" in files


def _webb(*args: str) -> int:
    return run(["webb", str(EXAMPLE), "--år", "2023", *args])


def test_rt_webb_writes_only_into_its_own_folder(tmp_path, capsys):
    out = tmp_path / "public"
    assert _webb("-o", str(out)) == 0
    assert "Skrev webbplatsen" in capsys.readouterr().out
    listed = json.loads((out / MARKER).read_text(encoding="utf-8"))["filer"]
    assert "index.html" in listed and (out / "matt" / "VON" / "andel-nojda-sabo.html").is_file()
    # A later build over an earlier one: the folder's other files stay, pages that are gone go.
    (out / "CNAME").write_text("mal.example.se\n", encoding="utf-8")
    (out / "matt" / "VON" / "gammal.html").write_text("rt:s sida", encoding="utf-8")
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    marker["filer"] += ["matt/VON/gammal.html", "../utanfor.html"]
    (out / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    (tmp_path / "utanfor.html").write_text("inte rt:s", encoding="utf-8")
    assert _webb("-o", str(out)) == 0
    assert "0 ändrade filer, tog bort 1 sidor" in capsys.readouterr().out
    assert not (out / "matt" / "VON" / "gammal.html").exists()
    assert (out / "CNAME").is_file() and (tmp_path / "utanfor.html").is_file()


def test_rt_webb_refuses_a_folder_of_other_files_and_says_why(tmp_path, capsys):
    other = tmp_path / "annat"
    other.mkdir()
    (other / "index.html").write_text("kommunens egen sida", encoding="utf-8")
    assert _webb("-o", str(other)) == 2
    error = capsys.readouterr().err
    assert "inte tom" in error and "Ange en tom eller ny mapp" in error
    assert (other / "index.html").read_text(encoding="utf-8") == "kommunens egen sida"
    assert _webb("-o", str(tmp_path / "ny"), "--period", "kvartal") == 2
    assert "finns inte i kalendern" in capsys.readouterr().err
    assert not (tmp_path / "ny").exists()


PAGE_TYPES = ["index.html", "sok.html", "kommunmal/trygg-och-vardig-alderdom.html", "organisation/VON.html",
              "matt/VON/andel-nojda-sabo.html"]


@pytest.mark.skipif(not READY, reason="Chromium or tests/browser/node_modules missing (run .ci/run)")
def test_every_page_type_in_chromium_has_no_violations_and_works_by_keyboard(tmp_path, capsys):
    out, shots = tmp_path / "public", tmp_path / "bilder"
    shots.mkdir()
    assert _webb("-o", str(out)) == 0
    done = subprocess.run(["node", str(BROWSER / "site.mjs"), str(out), str(shots), *PAGE_TYPES],
                          check=False, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outside"] == []
    with capsys.disabled():
        print("\nSkärmbilder av rt webb:", *(result[name]["screenshot"] for name in PAGE_TYPES), sep="\n  ")
    for name in PAGE_TYPES:
        page = result[name]
        assert page["violations"] == [], name
        assert page["errors"] == [], name
        tabs = page["tabs"]
        assert tabs[0]["text"] == "Hoppa till innehållet"
        # Focus is visible on everything Tab reaches (past the last link it leaves the page: body).
        assert all(t["outline"] != "none" for t in tabs if t["tag"] != "body"), name
        assert any(t["tag"] == "a" and t["text"] == "Start" for t in tabs)
        assert Path(page["screenshot"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for name in ("sok.html", "kommunmal/trygg-och-vardig-alderdom.html"):
        assert result[name]["filtersShown"]
        assert any(t["tag"] in ("select", "input") and t["name"] in ("q", "org") for t in result[name]["tabs"][7:])
    assert result["sok.html"]["shownAfterFilter"] == "6 av 8 visas."


def test_an_id_with_swedish_letters_is_its_files_name_and_links_find_it(tmp_path):
    tree = _copy(tmp_path, ("- id: antal-personal-14-dagar", "- id: antal-personal-två-veckor"))
    files = site_of(tree)
    assert "matt/VON/antal-personal-två-veckor.html" in files
    assert 'href="../matt/VON/antal-personal-tv%C3%A5-veckor.html"' in files["organisation/VON.html"]


def test_the_pages_workflow_example_publishes_what_rt_webb_writes():
    workflow = YAML(typ="safe").load((EXAMPLE.parent.parent / "docs" / "webb-pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["bygg"]["steps"]
    runs = [step["run"].split("#")[0].split() for step in steps if "run" in step]
    webb = next(run for run in runs if run[:2] == ["rt", "webb"])
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == webb[webb.index("-o") + 1]
    assert workflow["permissions"]["pages"] == "write"


def test_an_organisation_kommun_yaml_lacks_is_shown_and_never_leads_outside_the_folder(tmp_path):
    tree = _copy(tmp_path, ("organisation: VON", "organisation: ../../ut"))
    files = site_of(tree)
    assert "organisation/------ut.html" in files
    assert all(".." not in name.split("/") for name in files)
    assert "matt/------ut/andel-nojda-sabo.html" in files
