"""Bad input: a clear Swedish message at file:line:column, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from roda_traden.loading import source as source_module
from roda_traden.loading.source import SourceFile
from roda_traden.engine.run import validate_path
from tests.conftest import make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"


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
         "Filnamnet ska börja med \"verksamhetsplan-ÅÅÅÅ\", \"handlingsplan-ÅÅÅÅ\", \"uppfoljning-ÅÅÅÅ\" "
         "(se docs/format.md); stavfel i filnamnet gör att filen hoppas över."),
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
    assert found == [(3, "Nyckeln \"2023\" är inte text."), (4, "Nyckeln \"true\" är inte text."),
                     (5, "Nyckeln \"null\" är inte text.")]
