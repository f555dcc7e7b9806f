"""Every table in roda_traden/language/words.py, read back through the reader.

Each form of each table stands in a sentence and must be read the way its
table says, so a table edit that breaks reading fails here. A new table
fails test_every_table_is_walked until it gets a test of its own.
"""

from __future__ import annotations

import pytest

from roda_traden.language import units, words
from roda_traden.language.goals import read_goal, topic_of
from roda_traden.language.tokens import WORD, mentions, tokenize
from roda_traden.language.values import parse_target
from roda_traden.language.words import Direction

UP, DOWN, KEEP, NOT_DOWN, NOT_UP = Direction.UP, Direction.DOWN, Direction.KEEP, Direction.NOT_DOWN, Direction.NOT_UP


def _params(pairs):
    return [pytest.param(*pair, id=" ".join(map(str, pair))) for pair in pairs]


def _forms(table) -> list[str]:
    return sorted(table)


def _levels(text: str) -> list[tuple[str, float, str]]:
    return [(level.op, level.quantity.number, level.quantity.kind) for level in read_goal(text).levels]


WALKED = {
    "DIRECTION_WORDS", "IMPROVE_WORDS", "DIRECTION_PHRASES", "NOT_A_DIRECTION_AFTER", "NEGATIONS",
    "NEGATION_BRIDGE", "NONE_WORDS", "ZERO_WORDS", "UNIVERSAL_WORDS", "OP_WORDS", "OP_SYMBOLS", "OP_AFTER_WORDS",
    "NEGATED_OPS", "NEGATION_KEEPS_NO_LEVEL", "DESCRIBING_OPS", "COMPARISONS", "NOW_PHRASES", "BENCHMARK_BRIDGE",
    "NUMERALS", "NUMBER_WORDS", "SHARE_WORDS", "CHANGE_MARKERS", "BASELINE_MARKERS", "LEVEL_MARKERS",
    "DEFINITION_MARKERS", "PURPOSE_OPENERS", "PURPOSE_PARTICIPLE_AFTER", "PURPOSE_ENDS", "ATTRIBUTE_AFTER",
    "PREVIOUS_YEAR_PHRASES", "EVERY_YEAR_PHRASES", "BENCHMARK_OPENERS", "CLAUSE_BREAKS", "TIME_UNITS",
    "AGE_UNITS", "GRADE_WORDS", "PERCENT_WORDS", "PERCENT_POINT_WORDS", "VALUE_UNITS", "MONTHS", "SHARE_UNITS",
    "PERCENT_UNITS", "YES_NO_UNITS", "YES_WORDS", "NO_WORDS", "NEW_BASELINE_WORDS", "SHARE_OPENERS",
    "COUNT_OPENERS", "REPORT_WORDS", "ACTIVITY_CONTENTS", "FIRST_NAMES", "STOPWORDS", "NOT_UNITS", "SHARE_OF",
    "LEVEL_PHRASES", "FINAL_PHRASES", "BY_YEAR_WORDS", "MODALS", "KEEP_BOUNDS", "OVER_A_PERIOD", "APPROXIMATELY",
    "MEASUREMENT_WORDS", "PERMISSIONS", "OWNING_VERBS", "MAGNITUDES", "INFINITIVES", "UNIT_MAGNITUDES",
}


def test_every_table_is_walked():
    tables = {name for name in vars(words) if name.isupper() and not name.startswith("_")}
    assert tables == WALKED


# --- The tables' shape ---------------------------------------------------------

_TOKEN_TABLES = [
    "IMPROVE_WORDS", "NEGATIONS", "NEGATION_BRIDGE", "NONE_WORDS", "ZERO_WORDS", "UNIVERSAL_WORDS",
    "NEGATION_KEEPS_NO_LEVEL", "DESCRIBING_OPS", "BENCHMARK_BRIDGE", "NUMERALS", "CHANGE_MARKERS",
    "BASELINE_MARKERS", "LEVEL_MARKERS", "DEFINITION_MARKERS", "PURPOSE_PARTICIPLE_AFTER", "PURPOSE_ENDS",
    "ATTRIBUTE_AFTER", "CLAUSE_BREAKS", "TIME_UNITS", "AGE_UNITS", "GRADE_WORDS", "PERCENT_WORDS",
    "PERCENT_POINT_WORDS", "VALUE_UNITS", "MONTHS", "YES_WORDS", "NO_WORDS", "SHARE_OPENERS", "COUNT_OPENERS",
    "STOPWORDS", "NOT_UNITS", "SHARE_OF", "BY_YEAR_WORDS", "SHARE_UNITS", "MODALS", "PERMISSIONS",
    "OWNING_VERBS", "INFINITIVES",
]


def _table_words(name: str) -> set[str]:
    table = getattr(words, name)
    if isinstance(table, dict):
        keys = set()
        for key in table:
            keys.update(key if isinstance(key, tuple) else (key,))
        return keys
    if isinstance(table, tuple):
        return {word for phrase in table for word in phrase}
    return set(table)


@pytest.mark.parametrize("name", _TOKEN_TABLES + [
    "DIRECTION_PHRASES", "NOT_A_DIRECTION_AFTER", "OP_WORDS", "OP_AFTER_WORDS", "COMPARISONS", "NOW_PHRASES",
    "PREVIOUS_YEAR_PHRASES", "EVERY_YEAR_PHRASES", "BENCHMARK_OPENERS", "PURPOSE_OPENERS", "NUMBER_WORDS",
    "SHARE_WORDS", "NUMERALS", "LEVEL_PHRASES", "FINAL_PHRASES",
])
def test_each_form_is_one_token_as_the_tokenizer_writes_it(name):
    # The reader compares token texts with the tables: a form the tokenizer
    # would split or lower-case differently would never be found.
    for form in _table_words(name):
        tokens = tokenize(form)
        assert [(t.kind, t.text) for t in tokens] == [(WORD, form)], (name, form)


def test_each_direction_form_names_one_direction():
    seen: dict[str, Direction] = {}
    for way, forms in words.DIRECTION_WORDS.items():
        for form in forms:
            assert form not in seen, f"{form} is both {seen[form].value} and {way.value}"
            seen[form] = way
    assert not seen.keys() & words.IMPROVE_WORDS
    assert set(words.DIRECTION_WORDS) == {UP, DOWN, KEEP}


def test_tables_that_must_not_overlap():
    direction_forms = set().union(*words.DIRECTION_WORDS.values())
    assert not words.NEGATIONS & words.NONE_WORDS
    assert not words.VALUE_UNITS & words.NOT_UNITS
    assert not direction_forms & words.VALUE_UNITS
    assert not words.YES_WORDS & words.NO_WORDS
    assert not words.MONTHS & words.VALUE_UNITS
    assert words.AGE_UNITS <= words.TIME_UNITS <= words.VALUE_UNITS
    assert words.ATTRIBUTE_AFTER <= words.CHANGE_MARKERS


# --- Directions ----------------------------------------------------------------

_DIRECTION_FORMS = [(form, way) for way, forms in words.DIRECTION_WORDS.items() for form in sorted(forms)]


@pytest.mark.parametrize(("form", "way"), _params(_DIRECTION_FORMS))
def test_direction_form_in_a_goal(form, way):
    assert read_goal(f"Andelen brukare ska {form}").direction is way
    assert read_goal(f"{form.capitalize()} andelen nöjda brukare").direction is way


@pytest.mark.parametrize(("form", "way"), _params(_DIRECTION_FORMS))
def test_negated_direction_form(form, way):
    assert read_goal(f"Andelen brukare ska inte {form}").direction is way.negated()


@pytest.mark.parametrize(("form", "way"), _params(_DIRECTION_FORMS))
def test_direction_form_as_a_malvarde(form, way):
    target = parse_target(form)
    assert (target.kind, target.direction) == ("change", way)


@pytest.mark.parametrize("form", _forms(words.IMPROVE_WORDS))
def test_improve_form_is_specific_without_direction(form):
    reading = read_goal(f"Andelen brukare ska {form}")
    assert reading.direction is None and reading.improve and reading.specific


@pytest.mark.parametrize(("phrase", "way"), _params(words.DIRECTION_PHRASES.items()))
def test_direction_phrase(phrase, way):
    text = " ".join(phrase)
    assert read_goal(f"Andelen brukare ska {text}").direction is way
    if way is KEEP:
        assert read_goal(f"Andelen brukare ska minst {text}").direction is NOT_DOWN
        assert read_goal(f"Andelen brukare ska högst {text}").direction is NOT_UP


@pytest.mark.parametrize(("word", "follower"), _params(
    (word, follower) for word, followers in words.NOT_A_DIRECTION_AFTER.items() for follower in sorted(followers)))
def test_not_a_direction_after(word, follower):
    assert read_goal(f"Andelen brukare i {word} {follower}").direction is None
    # The pair, not the word, is no direction.
    alone = next(way for way, forms in words.DIRECTION_WORDS.items() if word in forms)
    assert read_goal(f"Andelen brukare ska bli {word}").direction is alone


@pytest.mark.parametrize("negation", _forms(words.NEGATIONS))
def test_negation(negation):
    assert read_goal(f"Andelen ska {negation} öka").direction is NOT_UP
    assert read_goal(f"Kostnaden får {negation} minska").direction is NOT_DOWN


@pytest.mark.parametrize("bridge", _forms(words.NEGATION_BRIDGE))
def test_negation_bridge(bridge):
    assert read_goal(f"Andelen ska inte {bridge} öka").direction is NOT_UP


@pytest.mark.parametrize("none", _forms(words.NONE_WORDS))
def test_none_word(none):
    negating = read_goal(f"{none.capitalize()} ökning av kostnaderna")
    assert negating.direction is NOT_UP and not negating.zero
    zero = read_goal(f"{none.capitalize()} barn ska vänta på en plats")
    assert zero.zero and zero.direction is NOT_UP


@pytest.mark.parametrize("zero", _forms(words.ZERO_WORDS))
def test_zero_word(zero):
    reading = read_goal(f"{zero.capitalize()} arbetsplatsolyckor")
    assert reading.zero and reading.direction is NOT_UP and reading.specific


@pytest.mark.parametrize("word", _forms(words.UNIVERSAL_WORDS))
def test_universal_word(word):
    reading = read_goal(f"{word.capitalize()} nybyggnationer ska uppfylla kriterierna för Gröna lån")
    assert reading.universal and reading.specific and reading.direction is None


@pytest.mark.parametrize("opener", words.PURPOSE_OPENERS)
def test_purpose_opener(opener):
    text = " ".join(opener)
    assert read_goal(f"Antal aktiviteter {text} öka tryggheten").direction is None
    assert read_goal(f"{text.capitalize()} öka tryggheten ska inbrotten minska").direction is DOWN


@pytest.mark.parametrize("word", _forms(words.PURPOSE_ENDS))
def test_purpose_end(word):
    assert read_goal(f"För att öka tryggheten {word} antalet inbrott minska").direction is DOWN


@pytest.mark.parametrize("word", _forms(words.PURPOSE_PARTICIPLE_AFTER))
def test_purpose_participle(word):
    assert read_goal(f"{word.capitalize()} minskad klimatpåverkan ska återvinningen öka").direction is UP


@pytest.mark.parametrize("word", _forms(words.CLAUSE_BREAKS))
def test_clause_break(word):
    reading = read_goal(f"Andelen ska öka {word} kostnaden ska minska")
    assert len(reading.clauses) == 2 and reading.directions == {UP, DOWN} and reading.direction is None


@pytest.mark.parametrize("word", _forms(words.ATTRIBUTE_AFTER))
def test_attribute_after(word):
    assert read_goal(f"Andel elever {word} högre betyg").direction is None
    for form, _way in _DIRECTION_FORMS:
        assert read_goal(f"Antal brukare {word} {form} fallrisk").direction is None, form
    reading = read_goal(f"Andel elever {word} minst 90 % närvaro")
    assert reading.levels == () and reading.changes == ()


@pytest.mark.parametrize("word", _forms(words.OWNING_VERBS))
def test_owning_verb_after_som_says_who_is_counted(word):
    reading = read_goal(f"Andelen elever som {word} minst 90 % närvaro ska öka")
    assert reading.levels == () and reading.direction is UP
    # After the goal's own "ska", the "som" clause states the level.
    assert _levels(f"Verksamheten ska ha en kostnadstäckning som {word} minst 40 %") == [(">=", 40, "percent")]


@pytest.mark.parametrize("word", _forms(words.PERMISSIONS))
def test_permission_before_a_direction_sets_no_direction(word):
    reading = read_goal(f"Kostnaderna {word} öka med högst 2 procent")
    assert reading.direction is None and reading.specific
    assert read_goal(f"Kostnaderna {word} högst öka med 2 procent").direction is None
    assert read_goal(f"Kostnaderna {word} inte öka").direction is NOT_UP
    # Before a participle or comparative it receives: "brukarna får ökat inflytande".
    assert read_goal(f"Brukarna {word} ökat inflytande").direction is UP


@pytest.mark.parametrize("word", _forms(words.INFINITIVES))
def test_infinitive_after_a_permission_is_a_bound(word):
    assert word in _forms(words.DIRECTION_WORDS[UP] | words.DIRECTION_WORDS[DOWN])
    assert read_goal(f"Nettokostnaden ska {word}").direction in (UP, DOWN)
    assert read_goal(f"Nettokostnaden får {word} med högst 2 procent").direction is None


# --- Comparisons and benchmarks --------------------------------------------------

def _comparison(word: str) -> str:
    return f"{word} än" if (word, "än") in words.OP_WORDS else word


@pytest.mark.parametrize(("word", "way"), _params(words.COMPARISONS.items()))
def test_comparison_with_time_is_a_direction(word, way):
    assert (word, "än") in words.OP_WORDS or (word,) in words.OP_WORDS, "a comparison needs its comparator"
    assert read_goal(f"Antalet ska vara {_comparison(word)} föregående år").direction is way
    assert read_goal(f"Antalet ska vara {_comparison(word)} 2022").direction is way
    assert read_goal(f"Antalet ska inte vara {_comparison(word)} föregående år").direction is way.negated()


@pytest.mark.parametrize(("word", "way"), _params(words.COMPARISONS.items()))
def test_comparison_with_others_is_a_benchmark(word, way):
    reading = read_goal(f"Antalet ska vara {_comparison(word)} rikets genomsnitt")
    op = words.OP_WORDS.get((word, "än"), words.OP_WORDS.get((word,)))
    assert reading.direction is None and reading.benchmark == (op, "rikets genomsnitt")
    assert parse_target(f"{_comparison(word)} rikets genomsnitt").kind == "benchmark"


@pytest.mark.parametrize(("word", "way"), _params(words.COMPARISONS.items()))
def test_comparison_with_a_number_is_a_level(word, way):
    reading = read_goal(f"Antalet ska vara {_comparison(word)} 20")
    assert reading.direction is None and reading.benchmark is None and len(reading.levels) == 1


@pytest.mark.parametrize("phrase", words.NOW_PHRASES)
def test_now_phrase(phrase):
    assert read_goal(f"Antalet ska vara lägre än {' '.join(phrase)}").direction is DOWN


@pytest.mark.parametrize("phrase", words.PREVIOUS_YEAR_PHRASES)
def test_previous_year_phrase(phrase):
    text = " ".join(phrase)
    assert read_goal(f"Antalet ska öka jämfört med {text}").relative
    assert read_goal(f"Antalet ska vara högre än {text}").direction is UP
    assert parse_target(f"ökar jämfört med {text}").direction is UP


@pytest.mark.parametrize("phrase", words.EVERY_YEAR_PHRASES)
def test_every_year_phrase(phrase):
    text = " ".join(phrase)
    assert read_goal(f"Antalet ska öka {text}").relative
    assert not read_goal(f"Antalet redovisas {text}").relative  # without a direction, only a schedule


@pytest.mark.parametrize("opener", words.BENCHMARK_OPENERS)
def test_benchmark_opener(opener):
    text = " ".join(opener)
    assert read_goal(f"Andelen ska vara {text} riket").benchmark == ("=", "riket")
    assert read_goal(f"Andelen ska vara minst {text} riket").benchmark == (">=", "riket")
    assert read_goal(f"Andelen ska vara högst {text} riket").benchmark == ("<=", "riket")
    assert parse_target(f"minst {text} riket").kind == "benchmark"


@pytest.mark.parametrize("word", _forms(words.BENCHMARK_BRIDGE))
def test_benchmark_bridge(word):
    assert read_goal(f"Andelen ska minst {word} i nivå med riket").benchmark == (">=", "riket")


@pytest.mark.parametrize(("word", "count"), _params(words.NUMERALS.items()))
def test_numeral(word, count):
    reading = read_goal(f"Antalet som besöker biblioteket mer än {word} gång per år")
    assert reading.benchmark is None and reading.direction is None
    assert _levels(f"Minst {word} av tolv brukare ska vara nöjda") == [(">=", pytest.approx(100 * count / 12),
                                                                       "percent")]


@pytest.mark.parametrize("word", _forms(words.SHARE_OF))
def test_share_of(word):
    assert _levels(f"Minst tre {word} fyra brukare ska vara nöjda") == [(">=", 75, "percent")]
    assert _levels(f"Minst 9 {word} 10 brukare ska vara nöjda") == [(">=", 90, "percent")]
    assert _levels(f"Minst 34 % {word} lägenheterna ska ha hiss") == [(">=", 34, "percent")]


@pytest.mark.parametrize("phrase", words.LEVEL_PHRASES)
def test_level_phrase(phrase):
    reading = read_goal(f"Nämnden ska ha ett resultat {' '.join(phrase)}")
    assert reading.named_level and reading.specific and reading.levels == () and reading.direction is None


@pytest.mark.parametrize("phrase", words.FINAL_PHRASES)
def test_final_phrase(phrase):
    (level,) = read_goal(f"Andelen ska vara minst 90 % {' '.join(phrase)}").levels
    assert level.final and level.years == ()
    (level,) = read_goal("Andelen ska vara minst 90 %").levels
    assert not level.final


@pytest.mark.parametrize("word", _forms(words.BY_YEAR_WORDS))
def test_by_year_word(word):
    (level,) = read_goal(f"Sjukfrånvaron ska vara högst 6 % {word} 2026").levels
    assert level.final and level.years == (2026,)
    # "Nå 90 % senast 2026" may go beyond 90 % in 2026: no year to hold it to.
    (level,) = read_goal(f"Andelen ska nå 90 % {word} 2026").levels
    assert level.final and level.years == ()


# --- Comparators before and after numbers -------------------------------------------

@pytest.mark.parametrize(("phrase", "op"), _params(words.OP_WORDS.items()))
def test_comparator_before_a_number(phrase, op):
    text = " ".join(phrase)
    assert _levels(f"Andelen ska vara {text} 80 %") == [(op, 80, "percent")]
    assert read_goal(f"Andelen ska vara {text} 80 %").direction is None
    target = parse_target(f"{text} 80 %")
    assert (target.kind, target.op, target.number, target.percent) == ("number", op, 80, True)


@pytest.mark.parametrize(("phrase", "op"), _params(words.OP_WORDS.items()))
def test_negated_comparator(phrase, op):
    text = " ".join(phrase)
    if phrase[0] in words.NEGATION_KEEPS_NO_LEVEL:
        assert _levels(f"Andelen får inte vara {text} 80 %") == []
    else:
        assert _levels(f"Andelen får inte vara {text} 80 %") == [(words.NEGATED_OPS[op], 80, "percent")]


@pytest.mark.parametrize(("symbol", "op"), _params(words.OP_SYMBOLS.items()))
def test_comparator_symbol(symbol, op):
    assert _levels(f"Andelen ska vara {symbol} 80 %") == [(op, 80, "percent")]
    for written in (f"{symbol}80", f"{symbol} 80 %"):
        target = parse_target(written)
        assert (target.kind, target.op, target.number) == ("number", op, 80), written


@pytest.mark.parametrize(("phrase", "op"), _params(words.OP_AFTER_WORDS.items()))
def test_comparator_after_a_number(phrase, op):
    text = " ".join(phrase)
    reading = read_goal(f"Andelen ska vara 80 % {text}")
    assert _levels(f"Andelen ska vara 80 % {text}") == [(op, 80, "percent")] and reading.direction is None
    for written in (f"80 % {text}", f"5 {text}"):
        target = parse_target(written)
        assert (target.kind, target.op) == ("number", op), written


def test_negated_ops_cover_every_op_and_undo_themselves():
    assert set(words.NEGATED_OPS) == set(words.OP_SYMBOLS.values())
    for op, negated in words.NEGATED_OPS.items():
        assert negated is None or words.NEGATED_OPS[negated] == op


def test_negation_keeps_no_level_names_comparators():
    assert words.NEGATION_KEEPS_NO_LEVEL <= {phrase[0] for phrase in words.OP_WORDS}


_DESCRIBING = [(" ".join(phrase), op) for phrase, op in words.OP_WORDS.items() if phrase[0] in words.DESCRIBING_OPS]


def test_describing_ops_are_comparators():
    assert words.DESCRIBING_OPS <= {phrase[0] for phrase in words.OP_WORDS}


@pytest.mark.parametrize(("text", "op"), _params(_DESCRIBING))
def test_describing_comparator(text, op):
    assert _levels(f"Antal personer som en brukare möter {text} 14 dagar") == []
    assert _levels(f"Andel boenden med en beläggning {text} 95 %") == []
    assert _levels(f"Väntetiden ska vara {text} 40 dagar") == [(op, 40, "number")]
    assert _levels(f"{text.capitalize()} 40 % av eleverna ska delta") == [(op, 40, "percent")]


# --- What a number is used for ------------------------------------------------------

@pytest.mark.parametrize("marker", _forms(words.CHANGE_MARKERS))
def test_change_marker(marker):
    reading = read_goal(f"Andelen ska öka {marker} 5 %")
    assert [q.number for q in reading.changes] == [5] and reading.levels == ()


@pytest.mark.parametrize("marker", _forms(words.BASELINE_MARKERS))
def test_baseline_marker(marker):
    reading = read_goal(f"Andelen ska öka {marker} 45 % till 55 %")
    assert [q.number for q in reading.baselines] == [45] and _levels(f"Andelen ska öka {marker} 45 % till 55 %") == [
        ("=", 55, "percent")]


@pytest.mark.parametrize("marker", _forms(words.LEVEL_MARKERS))
def test_level_marker(marker):
    # A duration is part of what is measured unless a level verb stands before it.
    assert _levels(f"Handläggningstiden ska {marker} 14 dagar") == [("=", 14, "number")]
    assert _levels(f"Väntetiden ska {marker} under 40 dagar") == [("<", 40, "number")]


@pytest.mark.parametrize("marker", _forms(words.DEFINITION_MARKERS))
def test_definition_marker(marker):
    assert _levels("Andelen besök 20 kontakter") == [("=", 20, "number")]
    assert _levels(f"Andelen besök {marker} 20 kontakter") == []


@pytest.mark.parametrize("unit", _forms(words.TIME_UNITS))
def test_time_unit(unit):
    assert _levels(f"Antal personer som en brukare möter under 14 {unit}") == []
    assert _levels(f"Andelen som får svar inom 7 {unit}") == []
    found, _years, _periods = mentions(tokenize(f"inom 7 {unit}"))
    assert found[0].quantity.is_duration


@pytest.mark.parametrize("unit", _forms(words.AGE_UNITS))
def test_age_unit(unit):
    assert _levels(f"Andelen invånare som är 65 {unit}") == []
    assert _levels(f"Andelen invånare över 65 {unit} med hemtjänst") == []
    assert _levels(f"Andelen ska vara minst 65 {unit}") == []


@pytest.mark.parametrize("word", _forms(words.GRADE_WORDS))
def test_grade_word(word):
    reading = read_goal(f"Andel elever i {word} 6 som klarar matematik ska öka")
    assert reading.levels == () and reading.direction is UP


@pytest.mark.parametrize("word", _forms(words.PERCENT_WORDS))
def test_percent_word(word):
    assert _levels(f"Andelen ska vara 80 {word}") == [("=", 80, "percent")]
    assert parse_target(f"80 {word}").percent


@pytest.mark.parametrize("word", _forms(words.PERCENT_POINT_WORDS))
def test_percent_point_word(word):
    reading = read_goal(f"Andelen ska öka med 5 {word}")
    assert [(q.number, q.kind) for q in reading.changes] == [(5, "points")]
    target = parse_target(f"5 {word}")
    assert (target.kind, target.number, target.percent, target.unit) == ("number", 5, False, word)


@pytest.mark.parametrize("unit", _forms(words.VALUE_UNITS))
def test_value_unit(unit):
    target = parse_target(f"16 {unit}")
    assert (target.kind, target.number, target.unit) == ("number", 16, unit)
    if unit not in words.AGE_UNITS:
        levels = read_goal(f"Antalet ska vara 16 {unit}").levels
        assert [(level.quantity.number, level.quantity.unit) for level in levels] == [(16, unit)]


@pytest.mark.parametrize("word", _forms(words.NOT_UNITS))
def test_not_a_unit(word):
    assert parse_target(f"16 {word}").unit != word
    assert all(m.quantity.unit != word for m in mentions(tokenize(f"Antalet 16 {word}"))[0])


@pytest.mark.parametrize(("word", "number"), _params(words.NUMBER_WORDS.items()))
def test_number_word(word, number):
    target = parse_target(word)
    assert (target.kind, target.number) == ("number", number)


@pytest.mark.parametrize(("word", "factor"), _params(words.MAGNITUDES.items()))
def test_magnitude_scales_the_number_in_text_and_is_a_unit_in_a_target(word, factor):
    assert _levels(f"Antalet ska öka till 1,5 {word}") == [("=", 1.5 * factor, "number")]
    assert _levels(f"Antalet ska öka till 1,5 {word} år 2026") == [("=", 1.5 * factor, "number")]
    # A målvärde is written in the mått's unit: "13,5 miljoner" next to an ingångsvärde of 14,2.
    assert (parse_target(f"1,5 {word}").number, parse_target(f"1,5 {word}").unit) == (1.5, word)
    assert (parse_target(f"minst 2 {word} kr").number, parse_target(f"minst 2 {word} kr").unit) == (2, f"{word} kr")


@pytest.mark.parametrize(("word", "factor"), _params(words.UNIT_MAGNITUDES.items()))
def test_unit_magnitude(word, factor):
    assert units.magnitude(f"{word} kronor") == factor
    assert units.magnitude("kr") == units.magnitude("besök") == 1


@pytest.mark.parametrize(("word", "number"), _params(words.SHARE_WORDS.items()))
def test_share_word(word, number):
    assert _levels(f"Minst {word} av eleverna ska delta") == [(">=", number, "percent")]
    target = parse_target(f"minst {word}")
    assert (target.kind, target.op, target.number, target.percent) == ("number", ">=", number, True)


@pytest.mark.parametrize("month", _forms(words.MONTHS))
def test_month_makes_a_date_never_a_level(month):
    assert _levels(f"Rapporten lämnas den 30 {month} 2024") == []
    assert _levels(f"Rapporten lämnas senast 30 {month}") == []
    assert _levels(f"Mätning i {month} 2024") == []
    assert _levels(f"Andelen ska vara 80 % den 30 {month} 2024") == [("=", 80, "percent")]


# --- Values, units and the words other parts look up --------------------------------

@pytest.mark.parametrize(("word", "yes"), _params([(w, True) for w in sorted(words.YES_WORDS)]
                                                  + [(w, False) for w in sorted(words.NO_WORDS)]))
def test_yes_and_no(word, yes):
    for written in (word, word.upper(), word.capitalize()):
        target = parse_target(written)
        assert (target.kind, target.yes) == ("yes_no", yes)


@pytest.mark.parametrize(("name", "kind"), [("SHARE_UNITS", units.SHARE), ("PERCENT_UNITS", units.PERCENT),
                                            ("YES_NO_UNITS", units.YES_NO)])
def test_declared_units(name, kind):
    for unit in getattr(words, name):
        assert units.declared(unit) == kind
        assert units.declared(f" {unit.upper()} ") == kind
        if name != "YES_NO_UNITS":
            assert units.declared(f"{unit.capitalize()} (av svarande)") == kind


def test_an_enhet_without_those_words_counts():
    for unit in ("antal", "dagar", "tkr", "kr per invånare", "index", "st"):
        assert units.declared(unit) == units.NUMBER


def test_share_and_count_openers():
    for word in words.SHARE_OPENERS:
        assert units.opens_with_share(f"{word.capitalize()} brukare som är nöjda")
        assert not units.opens_with_count(f"{word.capitalize()} brukare som är nöjda")
    for word in words.COUNT_OPENERS:
        assert units.opens_with_count(f"{word.capitalize()} besök")
        assert not units.opens_with_share(f"{word.capitalize()} besök")


def test_new_baseline_words_are_no_values():
    for word in words.NEW_BASELINE_WORDS:
        assert word == " ".join(word.lower().split())
        assert parse_target(word).kind != "number"


def test_report_words_name_report_kinds():
    kinds = {"månadsrapport", "tertialrapport", "delårsrapport", "årsbokslut", "uppföljning"}
    assert set(words.REPORT_WORDS.values()) <= kinds
    assert all(word == word.lower() and " " not in word for word in words.REPORT_WORDS)
    assert all(word == word.lower() for word in words.ACTIVITY_CONTENTS)


def test_first_names_are_lower_case_words():
    assert all(name.isalpha() and name == name.lower() for name in words.FIRST_NAMES)


def test_stopwords_tell_no_topic():
    assert topic_of(tokenize(" ".join(sorted(words.STOPWORDS)))) == frozenset()


@pytest.mark.parametrize("modal", sorted(words.MODALS))
def test_a_modal_makes_a_text_state_a_goal(modal):
    assert read_goal(f"Väntetiden i dagar {modal} kortas").asserted
    assert read_goal(f"Väntetiden i dagar {modal} kortas").direction is Direction.DOWN


@pytest.mark.parametrize("text", ["Andel klienter som minskat sitt alkoholintag efter avslutad behandling",
                                  "Andel medarbetare som upplever att arbetsbelastningen har minskat",
                                  "Antal elever som sänkt sin frånvaro"])
def test_a_text_that_only_describes_what_is_counted_states_no_goal(text):
    assert not read_goal(text).asserted


@pytest.mark.parametrize(("bound", "direction"), sorted(words.KEEP_BOUNDS.items()))
def test_a_bound_turns_keeping_into_a_floor_or_ceiling(bound, direction):
    assert read_goal(f"Andelen ska {bound} bibehållas").direction is direction
    assert read_goal(f"Andelen ska ligga kvar på {bound} 95 %").direction is direction


@pytest.mark.parametrize("word", sorted(words.OVER_A_PERIOD))
def test_a_level_over_a_period_is_a_total(word):
    (level,) = read_goal(f"{word.capitalize()} 2024–2026 ska minst 300 bostäder byggas").levels
    assert (level.years, level.final) == ((), True)


@pytest.mark.parametrize("word", sorted(words.APPROXIMATELY))
def test_an_approximate_value_is_its_number(word):
    target = parse_target(f"{word} 85 %")
    assert (target.kind, target.number, target.percent) == ("number", 85, True)


@pytest.mark.parametrize("text", sorted(words.MEASUREMENT_WORDS))
def test_a_first_measurement_is_no_level(text):
    assert parse_target(text.capitalize()).kind == "measurement"
