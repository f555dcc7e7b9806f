"""The internbudget as plans print it: one amount per line or one per column,
and amounts whose comma may be a thousands separator."""

from __future__ import annotations

import json

from roda_traden.engine.run import validate_path
from roda_traden.loading.schema import json_schema
from roda_traden.loading.tree import load_tree
from roda_traden.models.budget import WrittenAmount
from tests.conftest import BASE_TREE, make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"


def _tree_with_budget(tmp_path, budget: str):
    text = (BASE_TREE / PLAN).read_text(encoding="utf-8")
    return make_tree(tmp_path / "t", {PLAN: text + budget})


COLUMN_BUDGET = """\
internbudget:
  ram: 350 000
  verksamheter:
    - id: aldreomsorg
      namn: Äldreomsorg
      intäkter: {prognos-2023: 38 500, budget-2023: 39 000, förändring: 1 000, budget-2024: 40 000}
      kostnader: {prognos-2023: -293 000, budget-2023: -290 000, förändring: -10 000, budget-2024: -300 000}
      nettokostnad: {prognos-2023: -254 500, budget-2023: -251 000, förändring: -9 000, budget-2024: -260 000}
  summa:
    intäkter: {prognos-2023: 38 500, budget-2023: 39 000, förändring: 1 000, budget-2024: 40 000}
    kostnader: {prognos-2023: -293 000, budget-2023: -290 000, förändring: -10 000, budget-2024: -300 000}
    nettokostnad: {prognos-2023: -254 500, budget-2023: -251 000, förändring: -9 000, budget-2024: -260 000}
"""


def test_columns_are_read_in_the_order_written_and_the_plan_passes(tmp_path):
    tree_dir = _tree_with_budget(tmp_path, COLUMN_BUDGET)
    assert validate_path(tree_dir).problems == []
    budget = next(p for p in load_tree(tree_dir).plans if p.organisation == "VON").budget
    assert budget.columns() == ["prognos-2023", "budget-2023", "förändring", "budget-2024"]
    row = budget.rows[0]
    assert (row.value("costs", "förändring"), row.value("costs", None)) == (-10000, None)


def test_one_amount_per_line_is_one_column(tmp_path):
    tree_dir = _tree_with_budget(tmp_path, """\
internbudget:
  verksamheter:
    - {id: aldreomsorg, namn: Äldreomsorg, intäkter: 40 000, kostnader: -300 000, nettokostnad: -260 000}
""")
    budget = next(p for p in load_tree(tree_dir).plans if p.organisation == "VON").budget
    assert budget.columns() == [None] and budget.rows[0].value("net", None) == -260000


def test_a_comma_in_an_unquoted_block_amount_is_kept_as_written(tmp_path):
    # Unquoted in block style, 348,937 reaches the model as the text "348,937".
    tree_dir = _tree_with_budget(tmp_path, """\
internbudget:
  verksamheter:
    - id: aldreomsorg
      namn: Äldreomsorg
      intäkter: 348,937
      kostnader: -300 000
      nettokostnad: -299 651,063
""")
    income = next(p for p in load_tree(tree_dir).plans if p.organisation == "VON").budget.rows[0].income
    assert isinstance(income, WrittenAmount) and income.written == "348,937" and income == 348.937
    found = [(p.code, p.line, p.column) for p in validate_path(tree_dir).problems]
    assert found == [("RT505", 19, 7)]


def test_an_unknown_column_is_named_with_the_columns_there_are(tmp_path):
    tree_dir = _tree_with_budget(tmp_path, """\
internbudget:
  verksamheter:
    - id: aldreomsorg
      namn: Äldreomsorg
      intäkter: {budget2024: 40 000}
      kostnader: -300 000
      nettokostnad: -260 000
""")
    problems = [p for p in validate_path(tree_dir).problems if p.file.endswith(PLAN)]
    assert [(p.line, p.message) for p in problems] == [(19, "Okänd kolumn \"budget2024\" i internbudgeten.")]
    assert "budget-ÅÅÅÅ" in problems[0].hint


def test_schema_describes_columns():
    schema = json_schema("verksamhetsplan")
    budget = schema["$defs"]["InternalBudget"]["properties"]
    assert "kolumner" in budget and budget["kolumner"]["description"].startswith("Kolumnernas rubriker")
    income = schema["$defs"]["BudgetRow"]["properties"]["intäkter"]
    forms = json.dumps(income, ensure_ascii=False)
    assert "förändring" in forms and "object" in forms
