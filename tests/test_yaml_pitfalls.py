"""YAML that reads without error but not as written, and YAML that cannot
be read because a value starts with a character YAML gives a meaning: each
is said in Swedish at its place, with what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from roda_traden.engine.run import validate_path
from roda_traden.loading.source import SourceFile
from tests.conftest import BASE_TREE, make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"
BASE_PLAN = (BASE_TREE / PLAN).read_text(encoding="utf-8")
BASELINE = "ingångsvärde: {värde: 71, år: 2023}"
TARGETS = "målvärden: {2024: 74, 2025: 78, 2026: 82}"


@pytest.fixture(autouse=True, params=["yaml_rs", "ruamel"])
def reader(request, monkeypatch):
    """yaml_rs reads the bulk; ruamel reads alone where it has no wheel. Both must say the same."""
    if request.param == "ruamel":
        monkeypatch.setitem(__import__("sys").modules, "yaml_rs", None)
    return request.param


def _problems(tmp_path: Path, old: str, new: str, file: str = PLAN):
    text = (BASE_TREE / file).read_text(encoding="utf-8")
    assert old in text
    tree = make_tree(tmp_path / "t", {file: text.replace(old, new)})
    # Only what reading says: the rules' findings on the values read are theirs.
    return [(p.code, p.line, p.column, p.message, p.hint) for p in validate_path(tree).problems
            if p.code < "RT100"]


def _read(tmp_path: Path, text: str) -> SourceFile:
    path = tmp_path / "fil.yaml"
    path.write_text(text, encoding="utf-8")
    return SourceFile(path, "fil.yaml").read()


# --- a decimal comma inside {…} or […] -----------------------------------

def test_a_decimal_comma_in_a_flow_mapping_is_named_and_read_as_meant(tmp_path):
    found = _problems(tmp_path, BASELINE, "ingångsvärde: {värde: 7,1, år: 2023}")
    assert found == [("RT007", 13, 31,
                      "Inom {…} skiljer kommatecken värden åt, så 7,1 läses som två värden: 7 och 1.",
                      "Skriv värde: \"7,1\" med citattecken eller värde: 7.1 med decimalpunkt. "
                      "rt läser värdet som \"7,1\" tills vidare.")]


def test_each_decimal_comma_in_målvärden_is_one_finding_at_its_value(tmp_path):
    found = _problems(tmp_path, TARGETS, "målvärden: {2024: 7,4, 2025: 78, 2026: 8,2 %}")
    assert [(code, line, column) for code, line, column, _, _ in found] == [("RT007", 14, 27), ("RT007", 14, 48)]
    assert found[1][3:] == ("Inom {…} skiljer kommatecken värden åt, så 8,2 % läses som två värden: 8 och 2 %.",
                            "Skriv 2026: \"8,2 %\" med citattecken eller 2026: 8.2 % med decimalpunkt. "
                            "rt läser värdet som \"8,2 %\" tills vidare.")


def test_a_decimal_comma_in_a_flow_list_is_named(tmp_path):
    source = _read(tmp_path, "a: [8,9]\n")
    assert [(p.code, p.line, p.column, p.message) for p in source.problems] == [
        ("RT007", 1, 5, "Inom […] skiljer kommatecken värden åt, så 8,9 läses som två värden: 8 och 9.")]
    assert source.data == {"a": ["8,9"]}


def test_a_number_split_twice_is_one_finding(tmp_path):
    source = _read(tmp_path, "a: {x: 1,234,5, y: 2}\n")
    assert [p.message for p in source.problems] == [
        "Inom {…} skiljer kommatecken värden åt, så 1,234,5 läses som tre värden: 1, 234 och 5."]
    assert "decimalpunkt" not in source.problems[0].hint  # 1.234.5 is no number
    assert source.data == {"a": {"x": "1,234,5", "y": 2}}


@pytest.mark.parametrize("text", [
    "a: {2024: 74,2025: 78}\n",        # entries without spaces: the comma separates, as meant
    "a: [2024, 2025]\n",
    "a:\n  2024: 8,5\n  2025: 9,1\n",  # block form: the comma is part of the value
    "a: {2024: \"8,5\", 2025: 8.5}\n",
    "a: {2023: null, 2024: 8.5}\nb: 8,5\n",  # a key without value, and a comma elsewhere
    "a: [VON,KS]\n",
])
def test_commas_that_are_meant_are_not_findings(tmp_path, text):
    assert _read(tmp_path, text).problems == []


def test_a_duplicate_key_after_a_quoted_value_keeps_its_column(tmp_path):
    source = _read(tmp_path, "a: {x: 8,9, x: 1}\n")
    assert [(p.code, p.line, p.column) for p in source.problems] == [("RT007", 1, 8), ("RT006", 1, 13)]


# --- values starting with &, !, >, |, *, @, %, `, [, { ---------------------

def test_a_value_taken_as_an_anchor_is_named_not_called_empty(tmp_path):
    found = _problems(tmp_path, TARGETS, "målvärden:\n          2024: &150\n          2025: 78\n          2026: 82")
    assert found == [("RT007", 15, 17,
                      "Värdet &150 läses inte som det står: & inleder ett ankare (ett namn att hänvisa till med *) "
                      "i YAML, så värdet blir tomt.",
                      "Skriv 2024: \"&150\" med citattecken. rt läser värdet som \"&150\" tills vidare.")]


def test_a_value_taken_as_a_tag_is_named(tmp_path):
    source = _read(tmp_path, "a: !150 st\n")
    assert [(p.code, p.column, p.message) for p in source.problems] == [
        ("RT007", 4, "Värdet !150 st läses inte som det står: ! inleder en tagg (en typangivelse) i YAML, "
                     "så värdet blir \"st\".")]
    assert source.data == {"a": "!150 st"}


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &mall 5\n", "a: !!str 5\n", "a: R&D !\n"])
def test_anchors_in_use_and_core_tags_are_not_findings(tmp_path, text):
    assert _read(tmp_path, text).problems == []


@pytest.mark.parametrize(("value", "column", "message", "hint"), [
    (">150", 17, "värdet >150 börjar med >, som i YAML inleder en flerradig text.", "\">150\""),
    (">= 90 # minst", 17, "värdet >= 90 börjar med >, som i YAML inleder en flerradig text.", "\">= 90\""),
    ("|150", 17, "värdet |150 börjar med |, som i YAML inleder en flerradig text.", "\"|150\""),
    ("*150", 17, "*150 är en hänvisning till ankaret &150, som inte finns.", "\"*150\""),
    ("@150", 17, "värdet @150 börjar med ett tecken som har en egen betydelse i YAML.", "\"@150\""),
    ("&150 %", 17, "värdet &150 % börjar med ett tecken som har en egen betydelse i YAML.", "\"&150 %\""),
    ("[minst] 150", 17, "värdet [minst] 150 börjar med [ och läses som en lista, och texten efter den kan inte läsas.",
     "\"[minst] 150\""),
    ("\"minst\" 150", 17, "värdet \"minst\" 150 börjar med ett citattecken och läses som en text inom citattecken, "
     "och texten efter den kan inte läsas.", "'\"minst\" 150'"),
    ("'minst 150' st'", 17, "värdet 'minst 150' st' börjar med ett citattecken och läses som en text inom "
     "citattecken, och texten efter den kan inte läsas.", "\"minst 150' st\""),
])
def test_a_value_starting_with_an_indicator_says_to_quote_it(tmp_path, value, column, message, hint):
    found = _problems(tmp_path, TARGETS, f"målvärden:\n          2024: {value}\n          2025: 78\n          2026: 82")
    assert [(code, line, col) for code, line, col, _, _ in found] == [("RT001", 15, column)]
    assert found[0][3] == "Filen kan inte läsas som YAML: " + message
    assert hint in found[0][4]


def test_a_block_text_header_still_reads(tmp_path):
    assert _read(tmp_path, "a: >-\n  >150 är text här\nb: <176\n").problems == []


def test_text_where_a_list_stands_says_to_quote_it(tmp_path):
    found = _problems(tmp_path, "enhet: procent", "enhet: [procent]")
    assert found == [("RT007", 12, 9, "\"enhet\" ska vara text, inte en lista.",
                      "Skriv ett enda värde efter \"enhet:\"; en text som börjar med [ eller { står inom "
                      "citattecken, t.ex. \"[Se bilaga] …\".")]


# --- years that are not years ---------------------------------------------

@pytest.mark.parametrize(("key", "guess"), [("225", 2025), ("20245", 2025), ("2o25", 2025), ("2o52", 2025)])
def test_a_year_key_typo_names_the_key_the_plan_years_and_the_likely_year(tmp_path, key, guess):
    found = _problems(tmp_path, TARGETS, f"målvärden: {{2024: 74, {key}: 78, 2026: 82}}")
    assert found == [("RT007", 14, 31,
                      f"Nyckeln \"{key}\" i målvärden för mått \"nojdhet-hemtjanst\" är inte ett år.",
                      f"Menade du {guess}? Ett år skrivs med fyra siffror, t.ex. {guess}: … "
                      "Planen gäller 2024. Övriga år här: 2024, 2026.")]


def test_a_year_key_typo_names_the_plans_own_period(tmp_path):
    plan = BASE_PLAN.replace("år: 2024\n", "år: 2024\nperiod: 2025–2027\n").replace(
        TARGETS, "målvärden: {2025: 74, 2026: 78, 207: 82}")
    tree = make_tree(tmp_path / "c", {PLAN: plan})
    [hint] = [p.hint for p in validate_path(tree).problems if p.code == "RT007"]
    assert hint == ("Menade du 2027? Ett år skrivs med fyra siffror, t.ex. 2027: … Planperioden är 2025–2027. "
                    "Övriga år här: 2025, 2026.")


@pytest.mark.parametrize(("key", "shown"), [
    ("{a: 1}", "(en mappning)"), ("[1]", "(en lista)"), ("true", "\"true\""), ("null", "\"null\""),
    ("år 2026", "\"år 2026\""),
])
def test_a_year_key_that_is_no_number_is_said_as_written(tmp_path, key, shown):
    found = _problems(tmp_path, TARGETS, f"målvärden: {{2024: 74, 2025: 78, {key}: 82}}")
    assert [message for _, _, _, message, _ in found] == [
        f"Nyckeln {shown} i målvärden för mått \"nojdhet-hemtjanst\" är inte ett år."]
    assert all("frozenset" not in hint and "(1,)" not in hint and " nr " not in hint for *_, hint in found)


def test_a_year_value_that_is_no_year_says_four_digits(tmp_path):
    found = _problems(tmp_path, BASELINE, "ingångsvärde: {värde: 71, år: 207}")
    assert found == [("RT007", 13, 35, "\"år\" ska vara ett årtal med fyra siffror (1990–2100), inte \"207\".",
                      "Skriv året med fyra siffror, t.ex. 2024.")]


@pytest.mark.parametrize(("key", "shown"), [("{a: 1}", "(en mappning)"), ("true", "\"true\""), ("9", "\"9\"")])
def test_a_key_that_is_not_a_word_lists_the_keys_allowed(tmp_path, key, shown):
    found = _problems(tmp_path, BASELINE, f"ingångsvärde: {{värde: 71, år: 2023, {key}: 2}}")
    assert [message for _, _, _, message, _ in found] == [f"Nyckeln {shown} i ingångsvärde är inte ett ord."]
    assert found[0][4].startswith("Tillåtna nycklar här: värde, år")


# --- letters with separate accents ------------------------------------------

def test_decomposed_letters_are_one_finding_per_file_at_the_first(tmp_path):
    text = "a: na\u030as\nb: ja\nc: no\u0308jd\nd: o\u0308ka\n"
    source = _read(tmp_path, text)
    assert [(p.code, p.line, p.column) for p in source.problems] == [("RT005", 1, 5)]
    assert source.problems[0].message == ("Bokstäver som \"å\" är skrivna som bokstav plus separat accent "
                                          "(inte NFC), på 3 rader, första gången här.")
    assert "[\\u0300-\\u036f]" in source.problems[0].hint
    assert source.data == {"a": "nås", "b": "ja", "c": "nöjd", "d": "öka"}


def test_a_thousands_comma_in_a_flow_mapping_offers_both_readings(tmp_path):
    """In a budget in tkr, {intäkter: 348,937} is as likely 348 937 as 348,937."""
    source = _read(tmp_path, "summa: {intäkter: 348,937, kostnader: -400 000}\n")
    hint = source.problems[0].hint
    assert "intäkter: \"348,937\"" in hint and "intäkter: 348.937" in hint and "intäkter: 348 937" in hint
    assert source.data == {"summa": {"intäkter": "348,937", "kostnader": "-400 000"}}


def test_a_year_typo_is_never_guessed_as_a_year_outside_the_plan(tmp_path):
    """207 next to 2024 and 2026 is no 2027 in a plan for 2024–2026."""
    found = _problems(tmp_path, TARGETS, "målvärden: {2024: 74, 207: 78, 2026: 82}")
    hint = next(hint for code, _l, _c, message, hint in found if "207" in message)
    assert "2027" not in hint and "Menade du" not in hint
    found = _problems(tmp_path / "b", TARGETS, "målvärden: {2024: 74, 225: 78, 2026: 82}")
    assert next(hint for code, _l, _c, message, hint in found if "225" in message).startswith("Menade du 2025?")
