"""Bad input: a clear Swedish message at file:line:column, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from roda_traden.engine.run import validate_path
from roda_traden.loading import source as source_module
from roda_traden.loading.source import SourceFile
from tests.conftest import REPO, make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"


def _without_yaml_rs(monkeypatch) -> None:
    """As on a platform with no yaml_rs wheel: importing it fails."""
    monkeypatch.setitem(sys.modules, "yaml_rs", None)


@pytest.fixture(autouse=True, params=["yaml_rs", "ruamel"])
def reader(request, monkeypatch):
    """Every test here runs twice: with yaml_rs, and with ruamel alone, the
    fallback when yaml_rs cannot be installed. Both must find the same."""
    if request.param == "ruamel":
        _without_yaml_rs(monkeypatch)
    return request.param


def _read(tmp_path: Path, content: bytes) -> SourceFile:
    path = tmp_path / "fil.yaml"
    path.write_bytes(content)
    return SourceFile(path, "fil.yaml").read()


def _codes(source: SourceFile):
    return [(f.code, f.line, f.column) for f in source.problems]


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(source_module, "MAX_BYTES", 1000)
    source = _read(tmp_path, b"a: " + b"x" * 2000)
    assert not source.readable
    assert _codes(source) == [("RT008", 1, 1)]
    assert "MB" in source.problems[0].message


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    source = _read(tmp_path, "\n".join(lines).encode())
    assert not source.readable
    assert _codes(source)[0][0] == "RT008"


def test_deep_nesting_is_a_syntax_error_not_a_crash(tmp_path):
    source = _read(tmp_path, b"a: " + b"[" * 50000 + b"]" * 50000)
    assert not source.readable
    assert _codes(source)[0][0] == "RT001"


def test_utf16_and_latin1_are_named(tmp_path):
    assert _codes(_read(tmp_path, "a: å\n".encode("utf-16")))[0][0] == "RT011"
    latin = _read(tmp_path, "kommun:\n  namn: Åre\n".encode("latin-1"))
    assert _codes(latin) == [("RT011", 2, 9)]


def test_syntax_error_points_at_the_line_with_a_swedish_hint(tmp_path):
    source = _read(tmp_path, "nämndmål:\n  - id: x\n    text: Mål: öka\n".encode())
    assert _codes(source) == [("RT001", 3, 14)]
    assert "citattecken" in source.problems[0].hint


def test_tab_indentation_is_reported_once_at_the_tab(tmp_path):
    source = _read(tmp_path, b"a:\n\tb: 1\n")
    assert _codes(source) == [("RT002", 2, 1)]
    assert not source.readable


def test_duplicate_keys_are_reported_and_the_first_kept(tmp_path):
    source = _read(tmp_path, b"a: 1\nb:\n  c: 1\n  c: 2\n")
    assert _codes(source) == [("RT006", 4, 3)]
    assert source.data == {"a": 1, "b": {"c": 1}}


def test_bom_crlf_and_decomposed_letters_are_read_as_meant(tmp_path):
    source = _read(tmp_path, "\ufeffa: a\u030a\r\nb: 2\r\n".encode())
    assert sorted(_codes(source)) == [("RT003", 1, 1), ("RT004", 1, 1), ("RT005", 1, 4)]
    assert source.data == {"a": "å", "b": 2}


def test_every_problem_in_a_broken_tree_has_a_place(tmp_path):
    """A tree full of mistakes yields problems, each with file, line and code."""
    broken = {
        PLAN: "organisation: VON\når: tjugo\nnämndmål:\n  - id: a b\n    txt: öka\n",
        "kommun.yaml": "kommun: {namn: X, kod: 0481}\nplaneringsperiod: 2024–2026\n",
        "namnder/von/verksamhetplan-2024.yaml": "organisation: VON\n",
    }
    tree = make_tree(tmp_path / "t", broken)
    found = [(Path(p.file).name, p.line, p.column, p.code, p.message, p.hint) for p in validate_path(tree).problems]
    assert found == [
        ("kommun.yaml", 1, 19, "RT007", "Kommunkoden står utan citattecken och läses därför som talet 481.",
         "Skriv kod: \"0481\"."),
        ("verksamhetsplan-2024.yaml", 1, 1, "RT014",
         "Planen kontrollerades bara delvis: kommun.yaml kan inte läsas eller har strukturfel.",
         "Rätta felen i kommun.yaml och kör rt validate igen."),
        ("verksamhetplan-2024.yaml", 1, 1, "RT009",
         "Filen \"verksamhetplan-2024.yaml\" är inte en känd filtyp och kontrolleras inte.",
         "Menade du \"verksamhetsplan-2024.yaml\"? Byt namn på filen."),
        ("verksamhetsplan-2024.yaml", 2, 1, "RT007", "\"år\" ska vara ett heltal, inte \"tjugo\".",
         "Se docs/format.md för hur värdet skrivs."),
        ("verksamhetsplan-2024.yaml", 4, 5, "RT007", "Ogiltigt id \"a b\".",
         "Ett id består av bokstäver, siffror, - och _, utan mellanslag, t.ex. \"nojdhet-sabo\"."),
        ("verksamhetsplan-2024.yaml", 5, 5, "RT007", "Okänd nyckel \"txt\" i nämndmål.", "Menade du \"text\"?"),
    ]


def test_unreadable_file_makes_exit_code_2(tmp_path):
    tree = make_tree(tmp_path / "t", {PLAN: "nämndmål: [\n"})
    result = validate_path(tree)
    assert [Path(name).as_posix().endswith(PLAN) for name in result.unreadable] == [True]
    assert result.exit_code() == 2


def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "verksamhetsplan-2024.yaml"
    os.mkfifo(fifo)
    source = SourceFile(fifo, fifo.name).read()  # would block for ever if opened
    assert _codes(source) == [("RT001", 1, 1)]
    assert "inte en vanlig fil" in source.problems[0].message


def test_keys_that_are_not_text_are_named_where_they_stand(tmp_path):
    plan = "organisation: VON\når: 2024\n2023: a\ntrue: b\nnull: c\n"
    tree = make_tree(tmp_path / "t", {PLAN: plan})
    found = [(p.line, p.message) for p in validate_path(tree).problems if p.code == "RT007"]
    assert found == [(3, "Nyckeln \"2023\" i verksamhetsplan är inte ett ord."),
                     (4, "Nyckeln \"true\" i verksamhetsplan är inte ett ord."),
                     (5, "Nyckeln \"null\" i verksamhetsplan är inte ett ord.")]


def test_deep_block_nesting_is_refused_without_crashing(tmp_path):
    """yaml_rs crashes the process (a segfault) on about 11 000 levels of
    "- - - …"; such text must never reach it. Run apart, so a crash fails
    this test instead of ending the run."""
    path = tmp_path / "fil.yaml"
    path.write_text("- " * 20000 + "1\n", encoding="utf-8")
    program = ("import sys\nfrom pathlib import Path\nfrom roda_traden.loading.source import SourceFile\n"
               "s = SourceFile(Path(sys.argv[1]), 'fil.yaml').read()\n"
               "print(s.readable, [(p.code, p.line, p.column) for p in s.problems])\n")
    done = subprocess.run([sys.executable, "-c", program, str(path)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False [('RT001', 1, 2001)]"


def test_aliases_that_nest_deeply_are_refused(tmp_path):
    # Each anchor holds the one before, 250 levels down: small text, deep data.
    lines = ["a0: &a0 " + "[" * 250 + "1" + "]" * 250]
    lines += [f"a{i}: &a{i} " + "[" * 250 + f"*a{i - 1}" + "]" * 250 for i in range(1, 8)]
    source = _read(tmp_path, "\n".join(lines).encode())
    assert not source.readable
    assert _codes(source)[0][0] == "RT001"
    assert "nivåer" in source.problems[0].message


def test_aliases_within_bounds_are_read_as_copies(tmp_path):
    source = _read(tmp_path, b"a: &x {b: [1, 2]}\nc: *x\n")
    assert source.problems == []
    assert source.data == {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}}
    assert source.data["c"] is not source.data["a"]


def test_keys_equal_as_values_are_duplicates(tmp_path):
    # YAML compares keys by value: 1 and 0x1 are the same key, "1" is not.
    source = _read(tmp_path, b"a:\n  1: x\n  '1': y\n  0x1: z\n")
    assert _codes(source) == [("RT006", 4, 3)]
    assert source.problems[0].message == "Nyckeln \"0x1\" finns redan på rad 2 i samma mappning."
    assert source.data == {"a": {1: "x", "1": "y"}}


@pytest.mark.parametrize(("content", "found", "words"), [
    (b"a: 1\n  b: 2\n", ("RT001", 2, 4), "Kolon"),
    (b"a:\n  b: 1\n c: 2\n", ("RT001", 3, 2), "Indraget"),
    (b"a:\n  - id: 1\n   x: 2\n", ("RT001", 3, 4), "i en lista"),
    (b"a: \"abc\nb: 1\n", ("RT001", 1, 4), "citattecken"),
    (b"a: [1, 2\nb: 1\n", ("RT001", 1, 4), "parentes"),
    (b"a: @x\n", ("RT001", 1, 4), "värdet @x börjar med ett tecken"),
    (b"a: *saknas\n", ("RT001", 1, 4), "ankaret &saknas, som inte finns"),
    (b"a: !!timestamp 2023-01-01\n", ("RT001", 1, 4), "okänd tagg !!timestamp"),
    (b"a: !!bool ja\n", ("RT001", 1, 4), "passar inte taggen !!bool"),
    (b"a: ]\n", ("RT001", 1, 4), "syntaxfel"),
])
def test_syntax_errors_are_named_and_placed(tmp_path, content, found, words):
    source = _read(tmp_path, content)
    assert not source.readable
    assert _codes(source) == [found]
    assert words in source.problems[0].message

