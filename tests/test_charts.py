"""Report polish: trend charts readable on paper (labels of 8 pt, none on
another, a y-axis, every line in the legend, no invented baseline year), a
chart's description read once, and one number style in every bedömning."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from roda_traden.domain.evaluate import assess
from roda_traden.language.values import parse_target
from roda_traden.models.followup import Measured
from roda_traden.models.settings import AssessmentSettings
from roda_traden.rendering.charts import Line, Trend, trend_chart
from tests.test_cli import rt
from tests.test_reports import render

SVG = "{http://www.w3.org/2000/svg}"
# An estimate of sans-serif text width a little narrower than rt's own, so
# the test finds labels that truly touch, not only the margins rt keeps.
CHAR_WIDTH = 0.55


def _texts(svg: str) -> list[tuple[str, tuple[float, float, float, float], float]]:
    """Every text of a chart: what it says, its box and its size in px."""
    root = ET.fromstring(svg)
    size_of_root = float(root.get("font-size", 16))
    found = []
    for element in root.iter(f"{SVG}text"):
        size = float(element.get("font-size", size_of_root))
        x, y, text = float(element.get("x")), float(element.get("y")), element.text or ""
        width = len(text) * CHAR_WIDTH * size
        start = {"start": x, "middle": x - width / 2, "end": x - width}[element.get("text-anchor", "start")]
        found.append((text, (start, y - 0.75 * size, start + width, y + 0.2 * size), size))
    return found


def _overlapping(svg: str) -> list[tuple[str, str]]:
    texts = _texts(svg)
    return [(a, b) for i, (a, box, _s) in enumerate(texts) for b, other, _t in texts[i + 1:]
            if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]]


def _charts(html: str) -> list[str]:
    return re.findall(r'<svg class="(?:trend|bar)".*?</svg>', html, re.DOTALL)


def _example_charts() -> list[str]:
    plan, _ = render("verksamhetsplan", "VON", None, output_format="html")
    report, _ = render("uppföljning", "VON", "bokslut", output_format="html")
    return _charts(plan) + _charts(report)


def _sabo(**changes) -> Trend:
    """The seed's SÄBO mått: 69 % without a year, 72 % planned and 73 % measured in 2023."""
    line = Line(None, (2022, parse_target("69%")), {2023: parse_target("72%"), 2024: parse_target("80%")},
                {2023: parse_target("73%")}, baseline_dated=False)
    return Trend(**{"name": "Nöjda SÄBO", "percent": True, "lines": (line,), **changes})


def test_every_label_prints_at_8_pt_or_more():
    charts = _example_charts()
    assert len(charts) >= 8
    for chart in charts:
        # The chart prints at its own width (print.css caps figures at 150 mm = 567 px), where 1 px is 0.75 pt.
        assert float(ET.fromstring(chart).get("width")) <= 567
        assert all(size * 0.75 >= 8 for _text, _box, size in _texts(chart)), chart


def test_no_label_lies_on_another():
    assert _overlapping(trend_chart(_sabo())) == []
    for chart in _example_charts():
        assert _overlapping(chart) == [], chart


def test_the_higher_value_of_a_year_is_labelled_above_the_lower():
    labels = {text: box for text, box, _size in _texts(trend_chart(_sabo()))}
    assert labels["73\u00a0%"][3] <= labels["72\u00a0%"][1]


def test_a_y_axis_with_round_values_in_the_unit():
    chart = trend_chart(_sabo())
    root = ET.fromstring(chart)
    vertical = [line for line in root.iter(f"{SVG}line") if line.get("x1") == line.get("x2")]
    assert len(vertical) == 1
    ticks = [text for text, _box, _size in _texts(chart) if text.endswith("\u00a0%") and text[:-2].isdigit()]
    assert {"70\u00a0%", "75\u00a0%", "80\u00a0%"} <= set(ticks)


def test_a_baseline_year_is_printed_only_when_the_plan_gives_it():
    undated = [text for text, _box, _size in _texts(trend_chart(_sabo()))]
    assert "2022" not in undated and "2023" in undated and "69\u00a0%" in undated
    dated = _sabo(lines=(Line(None, (2022, parse_target("69%")), {2023: parse_target("72%")},
                              {2023: parse_target("73%")}),))
    assert "2022" in [text for text, _box, _size in _texts(trend_chart(dated))]


def test_the_legend_names_the_jamforelsevarde_and_the_comparison():
    chart = trend_chart(_sabo(benchmark=(2023, parse_target("72")),
                              comparison=("Riket", ((2022, 70.0), (2023, 71.0)))))
    texts = [text for text, _box, _size in _texts(chart)]
    assert "– – jämförelsevärde 72\u00a0% (2023)" in texts
    assert "··· Riket, jämförelse (Källa: Kolada)" in texts
    assert _overlapping(chart) == []


def test_a_screen_reader_hears_the_description_once():
    html, _ = render("uppföljning", "VON", "bokslut", output_format="html")
    figures = re.findall(r"<figure>(<svg.*?</svg>)<figcaption([^>]*)>(.*?)</figcaption></figure>", html, re.DOTALL)
    assert len(figures) == 4
    for svg, caption, text in figures:
        # The chart's name is its title and description; the caption says the same to the eye only.
        assert re.search(r'aria-labelledby="t(\d+) d\1"', svg)
        assert caption == ' aria-hidden="true"'
        assert ET.fromstring(svg).find(f"{SVG}desc").text.replace("&", "&amp;") == text.replace("&#39;", "'")


@pytest.mark.parametrize("target, measured, reason", [
    ("8.5", {"prognos": "8,5"}, "prognos 8,5 mot målvärde 8,5"),
    ("minst 8.5", {"värde": 9.25}, "utfall 9,25 mot målvärde minst 8,5"),
    ("74%", {"värde": "73%"}, "utfall 73\u00a0% mot målvärde 74\u00a0%; 67\u00a0% av vägen från ingångsvärdet 71\u00a0%"),
    ("1052", {"värde": "1 100"}, "utfall 1\u00a0100 mot målvärde 1\u00a0052"),
])
def test_a_bedomning_prints_its_numbers_as_the_tables_do(target, measured, reason):
    assessment = assess(parse_target(target), Measured.model_validate(measured), year=2023, baseline=71,
                        direction=None, use_forecast=True, settings=AssessmentSettings())
    assert assessment.reason == reason


def test_a_maluppfyllelsegrad_says_what_it_is_made_of(tmp_path):
    report, _ = render("uppföljning", "VON", "delår", output_format="html")
    assert "Måluppfyllelsegrad 63\u00a0% (2 uppfyllda, 1 delvis av 4) – God måluppfyllelse" in report
    done = rt("status", "examples/oxelosund-2023", "--period", "bokslut", "--år", "2023", "--idag", "2024-01-10",
              "--org", "VON")
    assert "måluppfyllelsegrad 75\u00a0% (3 uppfyllda, 0 delvis av 4)" in re.sub(r"[ \n]+", " ", done.stdout)
