"""rt fmt: one layout, every comment kept, and never another meaning – on
every example file, on generated trees and on random files (hypothesis)."""

from __future__ import annotations

import re
import shutil
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roda_traden.engine.run import validate_path
from roda_traden.loading import yaml_reader
from roda_traden.loading.tree import load_tree
from roda_traden.models.plan import PlanFile
from roda_traden.writing.layout import (
    NotFormattable,
    files_to_format,
    format_and_write,
    format_file,
    format_text,
    percent_style,
    shape_of,
)
from tests.conftest import EXAMPLE

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate

PLAN = shape_of(PlanFile)


def _meaning(root: Path) -> tuple[dict, Counter]:
    """What rt reads from a tree: every file's model, and the findings
    without their positions. A percent is compared without its spacing,
    the one change of a value's text fmt makes."""
    tree = load_tree(root)
    models = {str(source.path.relative_to(root)): _unspaced(model.model_dump()) for model, source in tree.documents}
    findings = Counter((Path(p.file).name, p.code, p.severity) for p in validate_path(root).problems)
    return models, findings


def _unspaced(value):
    if isinstance(value, dict):
        return {k: _unspaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unspaced(v) for v in value]
    return re.sub(r"(\d)[ \u00a0\u202f]%", r"\1%", value) if isinstance(value, str) else value


def _generated(tmp_path: Path) -> Path:
    generate(tmp_path / "gen", 1, seed=3, error_rate=0.1)
    return tmp_path / "gen" / "kommun-0001"


TREES = {
    "exempel": lambda tmp: shutil.copytree(EXAMPLE, tmp / "t"),
    "startträd": lambda tmp: shutil.copytree(REPO / "goals", tmp / "t"),
    "svenljunga": lambda tmp: shutil.copytree(REPO / "tests/data/svenljunga", tmp / "t"),
    "genererat": _generated,
}


@pytest.mark.parametrize("name", TREES)
def test_formatting_a_tree_keeps_what_rt_reads_and_a_second_run_changes_no_byte(tmp_path, name):
    root = TREES[name](tmp_path)
    before = _meaning(root)
    results = [format_and_write(path) for path in files_to_format(root)]
    assert [r.path for r in results if r.after is None] == []
    assert _meaning(root) == before
    texts = {path: path.read_bytes() for path in files_to_format(root)}
    assert [r.path for r in map(format_and_write, texts) if r.changed] == []
    assert {path: path.read_bytes() for path in texts} == texts


def test_keys_take_the_documented_order_and_their_comments_with_them():
    text = (
        "# Planen.\n"
        "år: 2027\n"
        "organisation: VON   # id ur kommun.yaml\n"
        "nämndmål:\n"
        "  - text: Fler ska vara nöjda\n"
        "    # Målets id, som uppföljningen pekar på.\n"
        "    id: nojdare\n"
        "    mått:\n"
        "      - målvärden: {2027: 72%}\n"
        "        okänd: kvar\n"
        "\n"
        "        # Måttets id.\n"
        "        id: andel-nojda   # stabilt\n"
    )
    assert format_text(text, PLAN) == (
        "# Planen.\n"
        "organisation: VON   # id ur kommun.yaml\n"
        "år: 2027\n"
        "nämndmål:\n"
        "    # Målets id, som uppföljningen pekar på.\n"
        "  - id: nojdare\n"
        "    text: Fler ska vara nöjda\n"
        "    mått:\n"
        "\n"
        "        # Måttets id.\n"
        "      - id: andel-nojda   # stabilt\n"
        "        målvärden: {2027: 72 %}\n"
        "        okänd: kvar\n"
    )


def test_quotes_only_where_yaml_needs_them_and_then_double():
    text = "kommun:\n  namn: 'Exempelkommun'\n  kod: '0999'\nplaneringsperiod: \"2027–2029\"\n"
    assert format_text(text) == "kommun:\n  namn: Exempelkommun\n  kod: \"0999\"\nplaneringsperiod: 2027–2029\n"
    plan = "målvärden:\n  2027: '>25'\n  2028: \"8,5\"\n  2029: 'a: b'\n  2030: \"ja\"\n  2031: ''\n"
    assert format_text(plan) == "målvärden:\n  2027: \">25\"\n  2028: 8,5\n  2029: \"a: b\"\n  2030: ja\n  2031: \"\"\n"


def test_a_percent_is_spaced_where_it_is_a_value_and_a_text_is_left_as_written():
    text = "nämndmål:\n  - id: a\n    text: Andelen ska öka till 72%\n    mått:\n      - id: b\n" \
           "        ingångsvärde: 69%\n        målvärden: {2027: \"minst 72%\", 2028: 74\u00a0%}\n"
    formatted = format_text(text, PLAN)
    assert "text: Andelen ska öka till 72%\n" in formatted
    assert "ingångsvärde: 69 %\n" in formatted
    assert "målvärden: {2027: minst 72 %, 2028: 74 %}\n" in formatted
    assert percent_style("20–25%") == "20–25 %"
    assert percent_style("ökar jämfört med föregående år") == "ökar jämfört med föregående år"


def test_a_year_without_a_value_is_null_and_line_endings_bom_and_trailing_spaces_go(tmp_path):
    path = tmp_path / "verksamhetsplan-2027.yaml"
    path.write_bytes("\ufefforganisation: VON  \r\når: 2027\r\nnyckeltal:\r\n  - id: x\r\n"
                     "    mått: Väntetid\r\n    värden:\r\n      2024:\r\n      2025: 48".encode())
    result = format_and_write(path)
    assert result.changed
    assert path.read_text(encoding="utf-8") == (
        "organisation: VON\når: 2027\nnyckeltal:\n  - id: x\n    mått: Väntetid\n    värden:\n"
        "      2024: null\n      2025: 48\n")


def test_a_file_that_cannot_be_read_is_not_touched_and_the_problem_is_located(tmp_path):
    path = tmp_path / "verksamhetsplan-2027.yaml"
    path.write_text("organisation: VON\når: 2027\nnämndmål:\n  - id: a\n   text: fel indrag\n", encoding="utf-8")
    before = path.read_bytes()
    result = format_and_write(path)
    assert result.after is None and not result.changed
    assert [(p.code, p.line) for p in result.problems] == [("RT001", 5)]
    assert path.read_bytes() == before
    duplicate = tmp_path / "handlingsplan-2027.yaml"
    duplicate.write_text("organisation: VON\norganisation: KS\n", encoding="utf-8")
    assert [p.code for p in format_file(duplicate).problems] == ["RT006"]


def test_the_check_diff_names_the_file_as_git_does(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("kommun.yaml").write_text("planeringsperiod: 2027–2029\nkommun: {namn: X, kod: '0999'}\n", encoding="utf-8")
    diff = format_file(Path("kommun.yaml")).diff()
    assert diff.startswith("--- a/kommun.yaml\n+++ b/kommun.yaml\n@@ ")
    assert "+kommun: {namn: X, kod: \"0999\"}\n" in diff


def test_two_formatters_at_once_leave_one_formatted_file(tmp_path):
    path = shutil.copytree(EXAMPLE, tmp_path / "t") / "namnder/von/verksamhetsplan-2023.yaml"
    expected = format_file(path).after
    threads = [threading.Thread(target=format_and_write, args=(path,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert path.read_text(encoding="utf-8") == expected
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_layout_orders_keys_as_the_key_tables_of_the_format_doc():
    """Section 8 of docs/format.md is the reference: each of its tables
    lists the keys in the order rt fmt writes them."""
    from roda_traden.models.actionplan import ActionPlanFile
    from roda_traden.models.followup import FollowUpFile
    from roda_traden.models.kommun import KommunFile

    doc = (REPO / "docs/format.md").read_text(encoding="utf-8")
    section = doc[doc.index("## 8. Alla nycklar"):doc.index("## 9.")]
    tables = [re.findall(r"^\| `([^`.]+)` \|", block, re.MULTILINE) for block in re.split(r"\n\n(?=\*\*)", section)]
    shapes, todo = [], [shape_of(m) for m in (KommunFile, PlanFile, ActionPlanFile, FollowUpFile)]
    while todo:
        shape = todo.pop()
        if shape.keys and shape not in shapes:
            shapes.append(shape)
        todo.extend([*shape.children.values(), *([shape.items] if shape.items else [])])
    compared = 0
    for keys in (keys for keys in tables if len(keys) > 1):
        # The model the table describes: the one with the table's keys and the fewest others.
        fitting = [shape for shape in shapes if set(keys) <= set(shape.keys)]
        for shape in fitting:
            if len(shape.keys) == min(len(s.keys) for s in fitting):
                assert [k for k in shape.keys if k in keys] == keys
                compared += 1
    assert compared >= 20


# ---------------------------------------------------------------- random files

_SCALARS = ["72%", "\"72%\"", "'>25'", "\"0999\"", "0481", "1 052", "8,5", "6.8", "0.50", "2027-01-01", "08-31",
            "null", "~", "ja", "yes", "no", "true", "\"a: b\"", "'it''s'", "\"x #y\"", "nytt mål", "≥ 90 %",
            "\">1 100\"", "minst 60%", "\"\"", "-12 500", "1e3", "\"  kant \"", "Q3", "'@x'", "\"[1]\""]
_KEYS = ["id", "text", "datakälla", "enhet", "ingångsvärde", "kolada", "riktning", "okänd"]


@st.composite
def _plans(draw):
    """A verksamhetsplan written by hand: keys in any order, any scalar
    form, full-line comments above keys and comments at line ends."""
    lines, expected_above = [], {}
    counter = iter(range(10_000))

    def comment(pad: str, key: str) -> None:
        if draw(st.booleans()):
            note = f"# k{next(counter)}"
            lines.append(f"{pad}{note}")
            expected_above[note] = key

    def scalar() -> str:
        tail = f"   # e{next(counter)}" if draw(st.booleans()) else ""
        return draw(st.sampled_from(_SCALARS)) + tail

    top = draw(st.permutations(["organisation", "år", "nämndmål", "inledning"]))
    for index, key in enumerate(top):
        if index:
            comment("", key)
        if key == "nämndmål":
            lines.append("nämndmål:")
            for _goal in range(draw(st.integers(1, 2))):
                goal_keys = draw(st.permutations(["id", "text", "kf-mål", "mått"]))
                for g, goal_key in enumerate(goal_keys):
                    lead = "  - " if g == 0 else "    "
                    if g:
                        comment("    ", goal_key)
                    if goal_key != "mått":
                        lines.append(f"{lead}{goal_key}: {scalar()}")
                        continue
                    lines.append(f"{lead}mått:")
                    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=6, unique=True))
                    for m, measure_key in enumerate([*keys, "målvärden"]):
                        if m:
                            comment("        ", measure_key)
                        first = "      - " if m == 0 else "        "
                        if measure_key == "målvärden":
                            lines.append(f"{first}målvärden:")
                            for year in (2027, 2028):
                                lines.append(f"          {year}: {scalar()}")
                        else:
                            lines.append(f"{first}{measure_key}: {scalar()}")
        else:
            lines.append(f"{key}: {scalar()}")
    return "\n".join(lines) + "\n", expected_above


def _above(text: str) -> dict[str, str]:
    """Each full-line comment and the key of the line it stands above."""
    found, lines = {}, text.split("\n")
    for index, line in enumerate(lines):
        if line.strip().startswith("#"):
            following = next(rest for rest in lines[index + 1:] if rest.strip() and not rest.strip().startswith("#"))
            found[line.strip()] = following.strip().removeprefix("- ").split(":")[0]
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans())
def test_random_plans_keep_their_meaning_and_comments_and_format_once(plan):
    text, above = plan
    if not yaml_reader.read(text).readable:  # some scalar forms are no YAML after "- "; nothing to format
        return
    try:
        formatted = format_text(text, PLAN)
    except NotFormattable:
        pytest.fail(f"refused:\n{text}")
    assert format_text(formatted, PLAN) == formatted
    assert {note: key for note, key in _above(formatted).items() if note in above} == above
    old, new = yaml_reader.read(text).data, yaml_reader.read(formatted).data
    assert _unspaced(new) == _unspaced(old)


def test_only_goal_files_are_formatted_so_a_hook_may_pass_every_yaml_file(tmp_path):
    root = shutil.copytree(EXAMPLE, tmp_path / "t")
    workflow = root / ".github/workflows/rt.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: {pull_request: }\n", encoding="utf-8")
    (tmp_path / "lost.yaml").write_text("a: 'b'\n", encoding="utf-8")
    plan = root / "namnder/von/verksamhetsplan-2023.yaml"
    assert files_to_format(workflow) == [] and files_to_format(tmp_path / "lost.yaml") == []
    assert files_to_format(plan) == [plan]
    assert workflow not in files_to_format(tmp_path) and plan in files_to_format(tmp_path)


def test_stored_kolada_values_are_not_formatted():
    """`rt kolada hämta` owns their layout; fmt would write `värde: null` as `!!null ""`."""
    from roda_traden.writing.layout import files_to_format

    example = REPO / "examples" / "oxelosund-2023"
    assert (example / "kolada" / "U21401.yaml").exists()
    assert not [p for p in files_to_format(example) if "kolada" in p.parts]
    assert files_to_format(example / "kolada" / "U21401.yaml") == []


def test_a_path_through_dot_dot_is_the_same_file(tmp_path, monkeypatch):
    """`rt fmt ../kommun.yaml --check` must not pass a file it never looked at."""
    from roda_traden.writing.layout import files_to_format

    tree = shutil.copytree(EXAMPLE, tmp_path / "t")
    monkeypatch.chdir(tree / "namnder")
    assert files_to_format(Path("../kommun.yaml")) == [Path("../kommun.yaml")]
    assert files_to_format(Path("..") / ".." / "t" / "kommun.yaml") != []
