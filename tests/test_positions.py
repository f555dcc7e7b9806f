"""The fast text-based locator agrees with ruamel on every node it answers for."""

from __future__ import annotations

from pathlib import Path

import pytest

from roda_traden.loading import yaml_reader
from roda_traden.text import lines as text_positions
from roda_traden.text import nodes as positions
from tests.conftest import REPO

FILES = sorted(
    p for tree in ("examples", "goals", "tests/rules/base", "tests/data") for p in (REPO / tree).rglob("*.yaml")
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
        yield (*prefix, "saknas")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))
        yield (*prefix, len(data))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_text_locator_matches_ruamel(path: Path):
    text = path.read_text(encoding="utf-8")
    root = positions.compose(text)
    lines = text_positions.Lines(text)
    answered = 0
    for yaml_path in _paths(yaml_reader.read(text).data):
        found = text_positions.locate(lines, yaml_path)
        if found is not None:
            answered += 1
            assert found == positions.walk(root, yaml_path), yaml_path
    assert answered > 0


def test_unusual_shapes_fall_back_instead_of_guessing():
    lines = text_positions.Lines("a: &x {b: 1}\nc: *x\nd:\n  - {e: 1}\n  - [1, 2]\n")
    assert text_positions.locate(lines, ("c", "b")) is None
    assert text_positions.locate(lines, ("d", 0, "e")) is None
    assert text_positions.locate(lines, ("a", "b")) is None


def test_list_at_its_keys_column_is_followed():
    lines = text_positions.Lines("a:\n  b:\n  - 1\n  c: 3\nd:\n- id: x\n  e: 1\nf:\n  ram: 1\n")
    assert text_positions.locate(lines, ("a", "c")) == (4, 3)
    assert text_positions.locate(lines, ("d", 0, "e")) == (7, 3)
    assert text_positions.locate(lines, ("f", "ram")) == (9, 3)


def test_locating_many_problems_in_a_long_list_reads_the_list_once(monkeypatch):
    """Each block's entries are listed once per file: a thousand problems in
    a list of a thousand items cost one pass, not a thousand."""
    from roda_traden.text import lines as lines_module

    text = "nämndmål:\n" + "".join(f"  - id: g{i}\n    text: Mål {i}\n" for i in range(1000))
    lines = lines_module.Lines(text)
    calls = 0
    real = lines_module._siblings

    def counted(*args):
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(lines_module, "_siblings", counted)
    for i in range(1000):
        assert lines_module.locate(lines, ("nämndmål", i, "text")) == (2 * i + 3, 5)
    # One listing per block (the list, and each item's own mapping), not one per look-up.
    assert calls <= 10 + 1000 and len(lines.memo) <= 10 + 3 * 1000
