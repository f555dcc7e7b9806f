"""Reading what a Swedish goal text says: which way each of its clauses
wants a measure to go, which levels it promises for which years, where it
starts from, and whether it compares with the previous year or with others.

The reader is deliberately modest: it reports only what the words say and
stays silent otherwise, because a finding built on a guess is a false error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import words
from .tokens import NUMBER, OP, SIGN, WORD, Quantity, Token, mentions, tokenize
from .words import Direction

_SENTENCE_END = {".", ";", ":"}
_CLAUSE_SIGNS = {",", "(", ")"}
_FILLER = {"ska", "skall", "år", "vara", "bli", "i", "uppgå"}


@dataclass(frozen=True, slots=True)
class Clause:
    """A part of a goal with its own subject: "Fler ska få stöd tidigt" and
    "handläggningstiden ska bli kortare" are two clauses of one goal."""

    direction: Direction | None
    topic: frozenset[str]


@dataclass(frozen=True, slots=True)
class Level:
    """A level the text promises: "minst 80 %", "2024 100 %", "till 55".
    ``years`` is empty when the level holds for every year. ``final``: the
    level is where the mått is to end up ("kortas till högst 45 dagar",
    "minst 90 % vid periodens slut", "högst 6 % senast 2026"), no bound for
    the years before."""

    op: str
    quantity: Quantity
    years: tuple[int, ...]
    clause: int
    final: bool = False


@dataclass(frozen=True)
class GoalReading:
    clauses: tuple[Clause, ...] = ()
    levels: tuple[Level, ...] = ()
    # "öka från 45 till 55": the start the text names.
    baselines: tuple[Quantity, ...] = ()
    # "minska med 20 %": a change, never a level.
    changes: tuple[Quantity, ...] = ()
    improve: bool = False
    relative: bool = False
    benchmark: tuple[str, str] | None = None  # (op, what): ("=", "genomsnittet för riket")
    zero: bool = False
    universal: bool = False
    # "en ekonomi i balans", "ett positivt resultat": a level in words, no number.
    named_level: bool = False
    # The text states a goal ("… ska öka", "Öka …"), not only describes what
    # is counted ("Andel klienter som minskat sitt intag").
    asserted: bool = False

    @property
    def directions(self) -> set[Direction]:
        return {c.direction for c in self.clauses if c.direction is not None}

    @property
    def direction(self) -> Direction | None:
        """The one direction the whole text states, if it states exactly one."""
        found = self.directions
        return found.pop() if len(found) == 1 else None

    @property
    def specific(self) -> bool:
        """Whether the text says what is to be achieved: a direction, a
        level, a comparison or "better"."""
        return bool(self.directions or self.improve or self.levels or self.changes or self.benchmark
                    or self.zero or self.universal or self.named_level)

    def direction_about(self, text: str | None) -> Direction | None:
        """The direction of the clause that speaks about ``text`` (a mått's
        description). Of the clauses that state something (a direction or a
        level), the one sharing most words with ``text``; its direction may
        be none ("… ska öka, och väntetiden ska vara högst 30 dagar"). When no
        one clause speaks about ``text``, the text's only direction if every
        stating clause has it."""
        stating = {i for i, c in enumerate(self.clauses) if c.direction} | {level.clause for level in self.levels}
        index = self._best_clause(text, stating)
        if index is not None:
            return self.clauses[index].direction
        ways = {self.clauses[i].direction for i in stating}
        return ways.pop() if len(ways) == 1 else None

    def clause_about(self, text: str | None, directed: bool = False) -> int | None:
        """The index of the one clause (with a direction, if ``directed``)
        that shares most words with ``text``."""
        return self._best_clause(text, {i for i, c in enumerate(self.clauses) if c.direction or not directed})

    def _best_clause(self, text: str | None, among: set[int]) -> int | None:
        if not text:
            return None
        wanted = _topic(text)
        scored = sorted(((len(self.clauses[i].topic & wanted), i) for i in among), reverse=True)
        if not scored or scored[0][0] == 0 or len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return scored[0][1]


@functools.lru_cache(maxsize=8192)
def read_goal(text: str) -> GoalReading:
    tokens = tokenize(text)
    if not tokens:
        return GoalReading()
    texts = [t.text for t in tokens]
    clause_of, clause_spans = _clauses(tokens)
    clauses = tuple(_clause(tokens, texts, lo, hi) for lo, hi in clause_spans)
    levels, baselines, changes = _quantities(tokens, texts, clause_of)
    return GoalReading(
        clauses=clauses,
        levels=tuple(levels),
        baselines=tuple(baselines),
        changes=tuple(changes),
        improve=any(t.text in words.IMPROVE_WORDS for t in tokens),
        relative=_PREVIOUS_YEAR.anywhere(texts)
        or _EVERY_YEAR.anywhere(texts) and any(c.direction for c in clauses),
        benchmark=_benchmark(tokens, texts),
        zero=any(_is_zero(tokens, i) for i in range(len(tokens))),
        universal=any(t.text in words.UNIVERSAL_WORDS for t in tokens),
        named_level=_LEVEL.anywhere(texts),
        asserted=any(t.text in words.MODALS for t in tokens) or _direction_word(texts[0]) is not None,
    )


def direction(text: str) -> Direction | None:
    return read_goal(text).direction


def topic_of(tokens: list[Token]) -> frozenset[str]:
    """What a text is about, as the first five letters of its content words,
    so "handläggningstiden" and "handläggningstid" meet."""
    found = set()
    for tok in tokens:
        if tok.kind != WORD or len(tok.text) < 4 or tok.text in words.STOPWORDS or _direction_word(tok.text):
            continue
        found.add(tok.text[:5])
    return frozenset(found)


@functools.lru_cache(maxsize=16384)
def _topic(text: str) -> frozenset[str]:
    # The same mått text is matched against its nämndmål by several rules.
    return topic_of(tokenize(text))


def _direction_word(text: str) -> Direction | None:
    return _DIRECTION_OF.get(text)


_DIRECTION_OF = {form: way for way, forms in words.DIRECTION_WORDS.items() for form in forms}


class _Phrases:
    """A table of phrases, looked up by their first word: a goal text is
    read at every word against every table, and most words start none."""

    def __init__(self, phrases) -> None:
        self.starting: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            self.starting.setdefault(phrase[0], []).append(phrase)

    def at(self, texts: list[str], i: int) -> tuple[str, ...] | None:
        """The phrase that starts at word ``i``, if any."""
        for phrase in self.starting.get(texts[i], ()) if i < len(texts) else ():
            if tuple(texts[i:i + len(phrase)]) == phrase:
                return phrase
        return None

    def anywhere(self, texts: list[str]) -> bool:
        return any(self.at(texts, i) for i in range(len(texts)))


_PREVIOUS_YEAR = _Phrases(words.PREVIOUS_YEAR_PHRASES)
_EVERY_YEAR = _Phrases(words.EVERY_YEAR_PHRASES)
_LEVEL = _Phrases(words.LEVEL_PHRASES)
_PURPOSE_OPENERS = _Phrases(words.PURPOSE_OPENERS)
_DIRECTION_PHRASES = _Phrases(words.DIRECTION_PHRASES)
_TIME_OBJECTS = _Phrases(words.PREVIOUS_YEAR_PHRASES + words.NOW_PHRASES)
_BENCHMARK_OPENERS = _Phrases(words.BENCHMARK_OPENERS)
_FINAL = _Phrases(words.FINAL_PHRASES)


def _clauses(tokens: list[Token]) -> tuple[list[int], list[tuple[int, int]]]:
    """Each token's clause index and each clause's [lo, hi) span."""
    spans, clause_of, lo = [], [], 0
    for i, tok in enumerate(tokens):
        breaks = tok.kind == SIGN and tok.text in _SENTENCE_END | _CLAUSE_SIGNS or \
            tok.kind == WORD and tok.text in words.CLAUSE_BREAKS
        if breaks:
            if i > lo:
                spans.append((lo, i))
            lo = i + 1
        clause_of.append(len(spans))
    if lo < len(tokens):
        spans.append((lo, len(tokens)))
    return clause_of, spans or [(0, len(tokens))]


def _clause(tokens: list[Token], texts: list[str], lo: int, hi: int) -> Clause:
    found: set[Direction] = set()
    purpose: str | None = None  # "fronted" or "trailing"
    i = lo
    while i < hi:
        if _PURPOSE_OPENERS.at(texts, i):
            # "för att öka …", "genom att stärka …": the means, not the goal.
            # Opening the sentence, it ends at the sentence's own verb.
            purpose = "fronted" if i == lo and _opens_sentence(tokens, lo) else "trailing"
        if purpose is not None:
            if purpose == "fronted" and texts[i] in words.PURPOSE_ENDS:
                purpose = None
            i += 1
            continue
        way, width = _direction_at(tokens, texts, i)
        if way is not None and not _participle_of_purpose(texts, i, lo):
            _add(found, way, texts, i, lo)
        i += width
    if not found and any(_is_zero(tokens, k) for k in range(lo, hi)):
        found.add(Direction.NOT_UP)  # "inga … ska", "noll …": down to zero, and zero stays right
    return Clause(_combine(found), topic_of(tokens[lo:hi]))


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].kind == SIGN and tokens[i - 1].text in _SENTENCE_END


def _add(found: set[Direction], way: Direction, texts: list[str], i: int, lo: int) -> None:
    """Add the direction at ``i`` as its context says it: negated ("ska inte
    minska", "ingen ökning"), or bounded ("minst bibehållas")."""
    if _negated(texts, i - 1, lo):
        negated = way.negated()
        if negated is not None:
            found.add(negated)
        return
    if _permitted(texts, i, lo):
        return
    if way is Direction.KEEP:
        # "minst bibehållas", "åtminstone bibehållas", "ligga kvar på minst 95 %".
        near = range(max(lo, i - 2), min(len(texts), i + 4))
        bound = next((texts[k] for k in near if texts[k] in words.KEEP_BOUNDS), None)
        way = words.KEEP_BOUNDS.get(bound, way)
    found.add(way)


def _permitted(texts: list[str], i: int, lo: int) -> bool:
    """"får öka", "får högst öka", "tillåts sjunka": a ceiling or floor on
    the change, not a goal to move."""
    if texts[i] not in words.INFINITIVES:
        return False
    k = i - 1
    if k > lo and texts[k] in words.KEEP_BOUNDS:
        k -= 1
    return k >= lo and texts[k] in words.PERMISSIONS


def _negated(texts: list[str], k: int, lo: int) -> bool:
    """Whether a negation ends at token ``k``, possibly across a few words
    that stand between it and what it negates ("får inte bli fler")."""
    for _step in range(4):
        if k < lo:
            return False
        if texts[k] in words.NEGATIONS or texts[k] in words.NONE_WORDS:
            return True
        if texts[k] not in words.NEGATION_BRIDGE:
            return False
        k -= 1
    return False


def _combine(found: set[Direction]) -> Direction | None:
    if found in ({Direction.UP, Direction.KEEP}, {Direction.NOT_DOWN, Direction.KEEP},
                 {Direction.UP, Direction.NOT_DOWN}):
        return Direction.NOT_DOWN  # "öka eller bibehållas"
    if found in ({Direction.DOWN, Direction.KEEP}, {Direction.NOT_UP, Direction.KEEP},
                 {Direction.DOWN, Direction.NOT_UP}):
        return Direction.NOT_UP
    return found.pop() if len(found) == 1 else None


def _direction_at(tokens: list[Token], texts: list[str], i: int) -> tuple[Direction | None, int]:
    """The direction the words at ``i`` name in their context, and how many
    words name it."""
    text = texts[i]
    if text in words.COMPARISONS and (compared := _comparison_object(tokens, i)) is not None:
        # "lägre än 2022", "fler än i dag" move; "fler än 20", "fler boende än
        # platser" and "högre än rikets genomsnitt" are a level, what is
        # counted and a benchmark: no direction.
        moves = _object_kind(tokens, texts, compared[0]) == "time"
        return (words.COMPARISONS[text] if moves else None), 1
    if _describes(texts, i):
        return None, 1  # "elever med högre betyg", "brukare med ökad fallrisk" is who is counted
    pair = _DIRECTION_PHRASES.at(texts, i)
    if pair is not None:
        return words.DIRECTION_PHRASES[pair], len(pair)
    way = _direction_word(text)
    if way is None:
        return None, 1
    following = texts[i + 1] if i + 1 < len(texts) else ""
    if following in words.NOT_A_DIRECTION_AFTER.get(text, ()):
        return None, 1  # "högre utbildning" is a name
    if i > 1 and texts[i - 1] == "eller" and (tokens[i - 2].kind == NUMBER or texts[i - 2] == "%"):
        return None, 1  # "5 eller färre" is a bound
    return way, 1


def _describes(texts: list[str], i: int) -> bool:
    """Whether the word at ``i`` stands after "med" (or "med en"), where a
    direction word describes what is counted."""
    k = i - 1
    if k >= 0 and texts[k] in ("en", "ett"):
        k -= 1
    return k >= 0 and texts[k] in words.ATTRIBUTE_AFTER


def _comparison_object(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """Where the object of a comparison at ``i`` starts, and whether it
    follows "än": "högre än …", "fler boende än …" (up to two words
    between), or right after a verb of comparison ("understiga …")."""
    for k in range(i + 1, min(i + 4, len(tokens) - 1)):
        if tokens[k].text == "än":
            return k + 1, True
        if tokens[k].kind != WORD or tokens[k].text in words.CLAUSE_BREAKS:
            break
    if (tokens[i].text,) in words.OP_WORDS and i + 1 < len(tokens):
        return i + 1, False
    return None


def _object_kind(tokens: list[Token], texts: list[str], j: int) -> str:
    """"quantity" ("20", "hälften"), "time" (a year, "föregående år", "i dag")
    or "other" (what is compared with: "rikets genomsnitt")."""
    tok = tokens[j]
    if tok.is_year and not (j + 1 < len(tokens) and tokens[j + 1].text in ("%", *words.PERCENT_WORDS)):
        return "time"
    if tok.kind == NUMBER or texts[j] in words.SHARE_WORDS or texts[j] in words.NUMERALS:
        return "quantity"
    if _TIME_OBJECTS.at(texts, j):
        return "time"
    return "other"


def _participle_of_purpose(texts: list[str], i: int, lo: int) -> bool:
    """"För minskad klimatpåverkan ska …": a purpose phrase opening the clause."""
    return i - 1 >= lo and texts[i - 1] in words.PURPOSE_PARTICIPLE_AFTER and i - 1 == lo


def _is_zero(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind == WORD and tok.text in words.ZERO_WORDS:
        return True
    if tok.kind == WORD and tok.text in words.NONE_WORDS:
        k = i + 1
        while k < len(tokens) and tokens[k].text in words.NEGATION_BRIDGE and k < i + 3:
            k += 1  # "ingen ytterligare ökning" negates a direction
        following = tokens[k].text if k < len(tokens) else ""
        return _direction_word(following) is None and following not in words.IMPROVE_WORDS
    return False


def _benchmark(tokens: list[Token], texts: list[str]) -> tuple[str, str] | None:
    """What the text compares with: "minst i nivå med genomsnittet …", or a
    comparison whose object is no number and no time ("högre än rikets
    genomsnitt")."""
    for i in range(len(texts)):
        if (opener := _BENCHMARK_OPENERS.at(texts, i)) is not None:
            k = i - 1
            while k >= 0 and k >= i - 2 and texts[k] in words.BENCHMARK_BRIDGE:
                k -= 1  # "ska minst ligga i nivå med"
            op = {"minst": ">=", "högst": "<="}.get(texts[k] if k >= 0 else "", "=")
            return op, _rest(tokens, i + len(opener))
        # Only right after the comparative: "fler boende än platser" says what is counted.
        if texts[i] in words.COMPARISONS and (compared := _comparison_object(tokens, i)) is not None \
                and compared[0] in (i + 1, i + 2) and _object_kind(tokens, texts, compared[0]) == "other":
            op = words.OP_WORDS.get((texts[i], "än") if compared[1] else (texts[i],))
            if op is None:
                continue
            if _negated(texts, i - 1, 0):
                op = words.NEGATED_OPS[op]
            return op, _rest(tokens, compared[0])
    return None


def _rest(tokens: list[Token], start: int) -> str:
    rest = []
    for tok in tokens[start:]:
        if tok.kind == SIGN and tok.text in _SENTENCE_END | {"(", ")"}:
            break
        rest.append(tok.text)
    return " ".join(rest)


def _op_before(tokens: list[Token], i: int) -> tuple[str | None, int, str]:
    """The comparator ending at token ``i`` (a word, two words or a sign):
    (op, index before it, the word)."""
    if i < 0:
        return None, i, ""
    if tokens[i].kind == OP:
        return words.OP_SYMBOLS[tokens[i].text], i - 1, tokens[i].text
    for phrase, op in words.OP_WORDS.items():
        start = i - len(phrase) + 1
        if start >= 0 and tuple(t.text for t in tokens[start:i + 1]) == phrase:
            return op, start - 1, phrase[0]
    return None, i, ""


def _op_after(tokens: list[Token], i: int) -> str | None:
    """A comparator right after a number: "80 % eller mer"."""
    return words.OP_AFTER_WORDS.get(tuple(t.text for t in tokens[i:i + 2]))


def _quantities(tokens: list[Token], texts: list[str], clause_of: list[int]):
    """Levels, baselines and changes, by what stands before each number.

    A number with no word of its own takes the role of the number before it
    in the same sentence: in "öka med minst 90 personer 2022, 90 personer
    2023" every 90 is a change, and in "2023 vara max 99 %, 2024 100 %" every
    level is a maximum."""
    found, years, periods = mentions(tokens)
    period_last = {index + 2: (start, end) for start, end, index in periods}
    levels, baselines, changes = [], [], []
    previous: tuple[str, str] | None = None  # (role, op) of the last number in the sentence
    started = False  # whether the sentence so far named a baseline ("från 60 dagar … till högst 45")
    last_end = -1
    for mention in found:
        if any(tokens[k].kind == SIGN and tokens[k].text in _SENTENCE_END for k in range(last_end + 1, mention.first)):
            previous, started = None, False
        last_end = mention.last
        role, op = _role(tokens, texts, mention, previous)
        previous = (role, op) if role != "definition" else previous
        if role == "change":
            changes.append(mention.quantity)
        elif role == "baseline":
            baselines.append(mention.quantity)
            started = True
        elif role == "level":
            span = _years_of(tokens, mention, years, period_last)
            final, by = _final(tokens, texts, mention, years, started)
            if span is None:
                span, final = (), True
            if by is not None and not span and op != "=":
                span = (by,)  # "högst 6 % senast 2026" holds in 2026; "nå 90 % senast 2026" may go beyond
            levels.append(Level(op, mention.quantity, span, clause_of[mention.first], final))
    return levels, baselines, changes


def _final(tokens: list[Token], texts: list[str], mention, years: set[int], started: bool) -> tuple[bool, int | None]:
    """Whether a level is where the mått is to end up, and the year it is
    to be reached by, if the text names one: "kortas till högst 45 dagar",
    "från 60 till högst 45", "minst 90 % vid periodens slut", "senast 2026"."""
    after = mention.last + 1
    if after + 1 < len(texts) and texts[after] in words.BY_YEAR_WORDS and after + 1 in years:
        return True, int(texts[after + 1])
    if _FINAL.at(texts, after):
        return True, None
    _op, before, _word = _op_before(tokens, mention.first - 1)
    reached = before >= 0 and texts[before] == "till" and (started or _after_direction(texts, before))
    return reached, None


def _role(tokens: list[Token], texts: list[str], mention, previous) -> tuple[str, str]:
    quantity = mention.quantity
    # "+3 %": the sign stands between the number and what says how it is used.
    signed = mention.first >= 1 and texts[mention.first - 1] == "+"
    first = mention.first - 1 if signed else mention.first
    op, before, word = _op_before(tokens, first - 1)
    if op is None and (op := _op_after(tokens, mention.last + 1)) is not None:
        before = first - 1
    marker = texts[before] if before >= 0 else ""
    changes = marker in words.CHANGE_MARKERS and _after_direction(texts, before)
    owning = marker in words.OWNING_VERBS and before >= 1 and texts[before - 1] == "som" \
        and not _modal_before(tokens, before - 1)
    if quantity.is_age or (marker in words.ATTRIBUTE_AFTER or owning) and not changes:
        return "definition", op or "="  # "över 65 år" is who, "elever med minst 90 % närvaro" too
    if op is not None:
        if word in words.DESCRIBING_OPS and not _states_level(tokens, texts, before):
            return "definition", op  # "möter under 14 dagar" is when
        # "får inte sjunka under 90 %": the negation reaches over the verb before the comparator.
        verb_between = before >= 1 and _direction_word(texts[before]) is not None
        if _negated(texts, before, 0) or verb_between and _negated(texts, before - 1, 0):
            if word in words.NEGATION_KEEPS_NO_LEVEL or words.NEGATED_OPS[op] is None:
                return "definition", op
            op = words.NEGATED_OPS[op]  # "aldrig understiga 80 %" is at least 80 %
        return ("change" if changes else "level"), op
    if changes:
        return "change", "="
    if marker in words.BASELINE_MARKERS:
        return "baseline", "="
    if quantity.kind == "points":
        return "change", "="
    if marker in words.LEVEL_MARKERS:
        return "level", "="  # "vara 14 dagar", "kortas till 14 dagar"
    if marker in words.DEFINITION_MARKERS or quantity.is_duration:
        return "definition", "="
    if previous is not None:
        return previous
    return "level", "="


def _modal_before(tokens: list[Token], k: int) -> bool:
    """Whether the sentence states its goal before token ``k``: in "Andelen
    elever som har minst 90 % närvaro ska öka" the "som" clause says who is
    counted, in "… ska ha en kostnadstäckning som når minst 40 %" the level."""
    while k > 0 and not (tokens[k - 1].kind == SIGN and tokens[k - 1].text in _SENTENCE_END):
        k -= 1
        if tokens[k].text in words.MODALS:
            return True
    return False


def _after_direction(texts: list[str], k: int) -> bool:
    """Whether a direction word stands right before ``k``, or one word
    before it ("ökar årligen med")."""
    return any(_direction_word(texts[j]) is not None for j in range(max(0, k - 2), k))


def _states_level(tokens: list[Token], texts: list[str], before: int) -> bool:
    """Whether the word before a describing comparator makes it a level: a
    verb of level or direction ("vara under", "öka till över"), or nothing
    (the comparator opens the clause)."""
    if before < 0 or tokens[before].kind == SIGN or texts[before] in words.CLAUSE_BREAKS:
        return True
    return texts[before] in words.LEVEL_MARKERS or _direction_word(texts[before]) is not None


def _years_of(tokens, mention, years: set[int], period_last) -> tuple[int, ...] | None:
    """The target years a level is promised for: a year right after it ("65 %
    2024", "65 % år 2024"), else right before it ("2023 vara max 99 %", a
    period "2023–2025 vara 0 %")."""
    after = mention.last + 1
    if after < len(tokens) and tokens[after].text == "år":
        after += 1
    if after in years:
        return (int(tokens[after].text),)
    k = mention.first - 1
    _op, k, _word = _op_before(tokens, k)
    while k >= 0 and tokens[k].text in _FILLER:
        k -= 1
    if k in years:
        return (int(tokens[k].text),)
    if k in period_last:
        start, end = period_last[k]
        # "Under planperioden 2024–2026 ska minst 300 bostäder byggas" is a total;
        # a share "under 2024–2026 vara minst 80 %" holds each year.
        if mention.quantity.kind != "percent" and any(t.text in words.OVER_A_PERIOD
                                                      for t in tokens[max(0, k - 4):k - 2]):
            return None
        return tuple(range(start, end + 1))
    return ()
