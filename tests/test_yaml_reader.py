"""The two YAML readers behind loading/yaml_reader.py give the same data,
and ruamel is the tested fallback when yaml_rs cannot be installed."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from roda_traden.engine.run import validate_path
from roda_traden.loading import yaml_reader
from tests.conftest import EXAMPLE, REPO

# Where yaml_rs has no wheel (PyPy), ruamel reads alone and there is nothing to compare.
yaml_rs = pytest.importorskip("yaml_rs")

FILES = sorted(p for tree in ("examples", "goals", "tests", "schemas", "docs") for p in (REPO / tree).rglob("*.yaml"))

# Scalars and shapes where YAML readers commonly differ; yaml_rs's reading is the reference.
SCALARS = [
    "1", "-1", "+1", "0481", "007", "0o17", "0x1F", "0X1f", "0b101", "1_000", "_1", "0x_1F", "1,5", "1.5", "-1.5",
    ".5", "5.", "1e3", "1E3", "1.0e+3", "-1e-3", "1e400", "9223372036854775808", ".inf", "-.Inf", "+.INF", ".nan",
    ".NaN", "+.nan", "inf", "nan", "true", "True", "TRUE", "tRue", "false", "FALSE", "yes", "no", "on", "off", "y",
    "null", "Null", "NULL", "~", "", "nUll", "2023-08-31", "2023-08-31T10:00:00", "12:30", "72 %", "72%", "<500",
    "'0481'", '"x"', "1 000", "0x", "0o8", "1e", "e3", "1.5.2", "１２", "=", "<<", "[1, 2]", "{a: 1}", "&x 1",
    "! 5", "!foo 1", "!foo [1]", "!!str 123", "!!str", "!!int '5'", "!!int 0x1F", "!!float 1", "!!float 1_0",
    "!!bool TRUE", "!!null ''", "!!null", "!!binary aGVq", "!!set {a, b: 2}", "!!set [a]", "!!str [1]",
    "|\n  a\n  b\n", ">-\n  a\n  b\n\n  c\n", "|+\n  a\n\n", "'a''b'", '"\\u00e5\\t\\x41"', "b # c", "\"b # c\"",
]
# Texts both readers refuse (they may say why differently; ruamel is asked why).
REFUSED = ["v: !!int 1.5", "v: !!float 0x10", "v: !!bool yes", "v: !!null x", "v: !!timestamp 2023-01-01",
           "v: !!map x", "v: !e!x 1", "v: - a", "a: 1\n  b: 2", "v: [" * 300 + "]" * 300]
DOCUMENTS = ["", "# c\n", "a", "- 1\n- 2", "---\na: 1\n---\nb: 2\n", "a: 1\n...\n", "---\n---\n", "a: 1\n---\n",
             "? [[1, 2], 3]\n: x", "? {a: 1}\n: x", "[a, b]: c", "? a\n? b\n: c", "a:\nb:", "1: a\n'1': b",
             ".nan: a\n.nan: b", "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2", "%TAG !! tag:example.com,2000:\n---\nv: !!int 1"]


def _same(a, b) -> bool:
    """Equal, with the same types all the way down (1 is not 1.0 or True), NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a.items(), b.items()))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _yaml_rs(text: str):
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001
        return "refused"


def _ruamel(text: str):
    reading = yaml_reader.read_with_ruamel(text)
    return reading.data if reading.readable and not reading.duplicates else "refused"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_both_readers_read_every_file_alike(path: Path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert _same(_ruamel(text), _yaml_rs(text))


@pytest.mark.parametrize("text", ["v: " + s for s in SCALARS] + DOCUMENTS + REFUSED)
def test_both_readers_read_each_form_alike(text: str):
    assert _same(_ruamel(text), _yaml_rs(text))


def test_duplicate_keys_keep_the_first_in_both_readers():
    text = "a: 1\nb:\n  c: 1\n  c: 2\n  1: x\n  0x1: y\n"
    reading = yaml_reader.read(text)
    first_wins = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.FirstWins)
    assert _same(reading.data, first_wins)
    assert [(d.key, d.line, d.column, d.first_line) for d in reading.duplicates] == [("c", 4, 3, 3), ("0x1", 6, 3, 5)]


def test_yaml_rs_words_are_never_read(monkeypatch):
    """Whatever yaml_rs says when it refuses, ruamel decides what is wrong."""

    def misleading(text, **options):
        raise yaml_rs.YAMLDecodeError("duplicate mapping key: alias limit exceeded at line 9, column 9")

    monkeypatch.setattr(yaml_rs, "loads", misleading)
    assert yaml_reader.read("a: 1\n").data == {"a": 1}
    refused = yaml_reader.read("a: b: c\n").refusal
    assert (refused.why, refused.line, refused.column) == (yaml_reader.Why.COLON, 1, 5)


@pytest.mark.parametrize("text", ["a: &x [1]\nb: *x\n", "- " * 300 + "1\n", "a:\n" + " " * 300 + "b: 1\n"])
def test_text_that_could_crash_yaml_rs_never_reaches_it(monkeypatch, text):
    def crash(text, **options):
        raise AssertionError("yaml_rs must not read this text")

    monkeypatch.setattr(yaml_rs, "loads", crash)
    assert yaml_reader.read(text).readable


def test_depth_bounds_are_the_same_in_both_readers():
    at_limit = "- " * yaml_reader.MAX_DEPTH + "1"
    assert yaml_reader.read(at_limit).readable
    assert yaml_reader.read("- " + at_limit).refusal.why is yaml_reader.Why.TOO_DEEP
    flow = "a: " + "[" * yaml_reader.MAX_FLOW_DEPTH + "]" * yaml_reader.MAX_FLOW_DEPTH
    assert yaml_reader.read(flow).readable and _yaml_rs(flow) != "refused"
    deeper = "a: " + "[" * (yaml_reader.MAX_FLOW_DEPTH + 1) + "]" * (yaml_reader.MAX_FLOW_DEPTH + 1)
    assert yaml_reader.read(deeper).refusal.why is yaml_reader.Why.TOO_DEEP and _yaml_rs(deeper) == "refused"


def test_the_example_gives_the_same_findings_without_yaml_rs(monkeypatch):
    def findings():
        return [(p.file, p.line, p.column, p.code, p.message, p.hint) for p in validate_path(EXAMPLE).problems]

    with_yaml_rs = findings()
    monkeypatch.setitem(sys.modules, "yaml_rs", None)  # as where no wheel could be installed
    assert findings() == with_yaml_rs
    assert len(with_yaml_rs) > 20


def test_a_panic_in_yaml_rs_is_a_refusal_like_any_other(monkeypatch):
    class PanicException(BaseException):  # what pyo3 raises when Rust code panics
        pass

    def panic(text, **options):
        raise PanicException("index out of bounds")

    monkeypatch.setattr(yaml_rs, "loads", panic)
    assert yaml_reader.read("a: [1, 2]\n").data == {"a": [1, 2]}
