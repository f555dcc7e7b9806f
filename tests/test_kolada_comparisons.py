"""Which comparison a text names, and the years `rt kolada hämta --år` means."""

from __future__ import annotations

import pytest

from roda_traden.cli.guard import UsageProblem
from roda_traden.cli.kolada import years
from roda_traden.domain.comparisons import named
from roda_traden.loading.tree import load_tree
from tests.conftest import make_tree

GROUPS = "\njämförelsegrupper:\n  Likvärdiga kommuner: G37519\n  grannkommuner: [\"0480\", \"0482\"]\n"


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    base = make_tree(tmp_path_factory.mktemp("t") / "tree", {})
    kommun = base / "kommun.yaml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + GROUPS, encoding="utf-8")
    return load_tree(base)


@pytest.mark.parametrize(("text", "meant"), [
    ("genomsnittet vid senaste mätning i likvärdiga kommuner", "Likvärdiga kommuner"),
    ("genomsnittet för grannkommuner", "grannkommuner"),
    ("genomsnittet för Sveriges kommuner", "alla kommuner"),
    ("genomsnittet för rikets kommuner", "alla kommuner"),
    ("rikets genomsnitt", "riket"),
    ("genomsnittet för riket", "riket"),
    ("genomsnittet i hela landet", "riket"),
    ("genomsnittet för jämförbara orter", None),
    # "riket" inside another word is no comparison.
    ("genomsnittet i rikettrakten", None),
])
def test_the_comparison_a_text_names(tree, text, meant):
    assert named(tree, text) == meant


def test_groups_in_kommun_yaml_are_kolada_ids_or_kommun_codes(tmp_path):
    root = make_tree(tmp_path / "tree", {})
    kommun = root / "kommun.yaml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "\njämförelsegrupper:\n  likvärdiga: [481]\n",
                      encoding="utf-8")
    loaded = load_tree(root)
    [problem] = loaded.sources[0].problems
    assert loaded.kommun is None
    assert "grupp-id i Kolada eller en lista med kommunkoder" in problem.message and "citattecken" in problem.hint


@pytest.mark.parametrize(("given", "meant"), [
    ("2018-2024", list(range(2018, 2025))), ("2018–2020", [2018, 2019, 2020]), ("2023", [2023]),
    (None, list(range(2017, 2024))),
])
def test_years_asked_for(given, meant):
    assert years(given, 2023) == meant


@pytest.mark.parametrize("given", ["2024-2018", "förra året", "18-24"])
def test_years_that_are_not_years_are_a_usage_problem(given):
    with pytest.raises(UsageProblem, match="--år"):
        years(given, 2023)
