"""Stored Kolada values in the documents: the series as a table with its
source and fetch date, and the comparison as a line in the trend chart."""

from __future__ import annotations

import datetime
import re

from roda_traden.loading.tree import load_tree
from roda_traden.rendering.charts import Line, Trend, trend_chart
from roda_traden.rendering.reports import ReportRequest, render_report
from tests.conftest import EXAMPLE


def _plan(output_format: str) -> str:
    request = ReportRequest("verksamhetsplan", "VON", 2023, None, output_format, None, False, datetime.date(2023, 9, 1))
    text, refused = render_report(load_tree(EXAMPLE), request)
    assert refused is None
    return text


def test_the_plan_shows_the_stored_series_with_source_and_fetch_date():
    text = _plan("md")
    section = text.split("## Kommunens resultat jämfört med andra", 1)[1].split("\n## ", 1)[0]
    assert "| Jämförelse | 2018 | 2019 | 2020 | 2021 | 2022 |" in section
    # The kommun's own row first, a year without value as a dash, never 0.
    assert "| Oxelösunds kommun | 11 | 19 | – | 24 | 20 |" in section
    assert "| Riket | 15 | 15 | 16 | 16 | 16 |" in section
    assert "Källa: Kolada, hämtat 2023-02-15." in section
    assert section.count("**") == 2  # one table: the mått and the nyckeltal name the same KPI


def test_the_trend_chart_draws_the_comparison_and_says_so():
    html = _plan("html")
    chart = next(svg for svg in re.findall(r"<svg.*?</svg>", html, re.DOTALL) if "Antal personer" in svg)
    assert 'stroke-dasharray="1 3"' in chart
    assert "Riket 2018: 15, 2019: 15, 2020: 16, 2021: 16, 2022: 16 (Källa: Kolada)" in chart
    assert "jämförelse (Källa: Kolada)" in chart


def test_a_chart_without_a_comparison_is_drawn_as_before():
    line = Line(None, None, {}, {})
    assert "Källa: Kolada" not in Trend("x", False, (line,)).described()
    assert trend_chart(Trend("x", False, (line,), comparison=("Riket", ((2022, 1.0), (2023, 2.0))))) == ""
