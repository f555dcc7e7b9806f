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
    ``years`` is empty when the level holds for every year."""

    op: str
    quantity: Quantity
    years: tuple[int, ...]
    clause: int


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
        return bool(self.directions or self.improve or self.levels or self.benchmark or self.zero
                    or self.universal)

    def direction_about(self, text: str | None) -> Direction | None:
        """The direction of the clause that speaks about ``text`` (a mått's
        description): the text's only direction, else the clause sharing most
        words with ``text``, if exactly one does."""
        if self.direction is not None:
            return self.direction
        index = self.clause_about(text, directed=True)
        return self.clauses[index].direction if index is not None else None

    def clause_about(self, text: str | None, directed: bool = False) -> int | None:
        """The index of the one clause (with a direction, if ``directed``)
        that shares most words with ``text``."""
        if not text:
            return None
        wanted = topic_of(tokenize(text))
        scored = sorted(((len(c.topic & wanted), i) for i, c in enumerate(self.clauses)
                         if c.direction or not directed), reverse=True)
        if not scored or scored[0][0] == 0 or len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return scored[0][1]


@functools.lru_cache(maxsize=8192)
def read_goal(text: str) -> GoalReading:
    tokens = tokenize(text)
    if not tokens:
        return GoalReading()
    clause_of, clause_spans = _clauses(tokens)
    clauses = tuple(_clause(tokens, lo, hi) for lo, hi in clause_spans)
    levels, baselines, changes = _quantities(tokens, clause_of)
    texts = [t.text for t in tokens]
    return GoalReading(
        clauses=clauses,
        levels=tuple(levels),
        baselines=tuple(baselines),
        changes=tuple(changes),
        improve=any(t.text in words.IMPROVE_WORDS for t in tokens),
        relative=_has_phrase(texts, words.PREVIOUS_YEAR_PHRASES)
        or _has_phrase(texts, words.EVERY_YEAR_PHRASES) and any(c.direction for c in clauses),
        benchmark=_benchmark(tokens),
        zero=any(_is_zero(tokens, i) for i in range(len(tokens))),
        universal=any(t.text in words.UNIVERSAL_WORDS for t in tokens),
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


def _direction_word(text: str) -> Direction | None:
    for way, forms in words.DIRECTION_WORDS.items():
        if text in forms:
            return way
    return None


def _phrase_at(texts: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(texts[i:i + len(phrase)]) == phrase


def _has_phrase(texts: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_phrase_at(texts, i, phrase) for i in range(len(texts)) for phrase in phrases)


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


def _clause(tokens: list[Token], lo: int, hi: int) -> Clause:
    texts = [t.text for t in tokens]
    found: set[Direction] = set()
    purpose = False
    i = lo
    while i < hi:
        text = texts[i]
        if any(_phrase_at(texts, i, opener) for opener in words.PURPOSE_OPENERS):
            purpose = True  # "för att öka …", "genom att stärka …": the means, not the goal
        if purpose:
            i += 1
            continue
        phrase = next((way for pair, way in words.DIRECTION_PHRASES.items() if _phrase_at(texts, i, pair)), None)
        if phrase is not None:
            found.add(phrase)
            i += 2
            continue
        way = _direction_word(text)
        if way is not None and not _not_a_direction(tokens, i) and not _participle_of_purpose(texts, i, lo):
            before = texts[max(lo, i - 2):i]
            if any(b in words.NEGATIONS for b in before) or (before and before[-1] in words.NONE_WORDS):
                way = way.negated()
            if way is not None:
                found.add(way)
        i += 1
    if not found and any(_is_zero(tokens, k) for k in range(lo, hi)):
        found.add(Direction.NOT_UP)  # "inga … ska", "noll …": down to zero, and zero stays right
    bound = {texts[k] for k in range(lo, hi)} & {"minst", "högst"}
    return Clause(_combine(found, bound), topic_of(tokens[lo:hi]))


def _combine(found: set[Direction], bound: set[str]) -> Direction | None:
    if found == {Direction.KEEP} and bound == {"minst"}:
        return Direction.NOT_DOWN  # "minst bibehållas", "minst samma nivå"
    if found == {Direction.KEEP} and bound == {"högst"}:
        return Direction.NOT_UP
    if found in ({Direction.UP, Direction.KEEP}, {Direction.NOT_DOWN, Direction.KEEP}):
        return Direction.NOT_DOWN  # "öka eller bibehållas"
    if found in ({Direction.DOWN, Direction.KEEP}, {Direction.NOT_UP, Direction.KEEP}):
        return Direction.NOT_UP
    return found.pop() if len(found) == 1 else None


def _not_a_direction(tokens: list[Token], i: int) -> bool:
    """"högre utbildning" is a name; "fler än 90" is a comparator before a number."""
    text = tokens[i].text
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if following in words.NOT_A_DIRECTION_AFTER.get(text, ()):
        return True
    return following == "än" and i + 2 < len(tokens) and tokens[i + 2].kind == NUMBER


def _participle_of_purpose(texts: list[str], i: int, lo: int) -> bool:
    """"För minskad klimatpåverkan ska …": a purpose phrase opening the clause."""
    return i - 1 >= lo and texts[i - 1] in words.PURPOSE_PARTICIPLE_AFTER and i - 1 == lo


def _is_zero(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind == WORD and tok.text in words.ZERO_WORDS:
        return True
    if tok.kind == WORD and tok.text in words.NONE_WORDS:
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        return _direction_word(following) is None and following not in words.IMPROVE_WORDS
    return False


def _benchmark(tokens: list[Token]) -> tuple[str, str] | None:
    texts = [t.text for t in tokens]
    for i in range(len(texts)):
        for opener in words.BENCHMARK_OPENERS:
            if _phrase_at(texts, i, opener):
                op = {"minst": ">=", "högst": "<="}.get(texts[i - 1] if i else "", "=")
                rest = []
                for tok in tokens[i + len(opener):]:
                    if tok.kind == SIGN and tok.text in _SENTENCE_END | {"(", ")"}:
                        break
                    rest.append(tok.text)
                return op, " ".join(rest)
    return None


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


def _quantities(tokens: list[Token], clause_of: list[int]):
    """Levels, baselines and changes, by what stands before each number.

    A number with no word of its own takes the role of the number before it
    in the same sentence: in "öka med minst 90 personer 2022, 90 personer
    2023" every 90 is a change, and in "2023 vara max 99 %, 2024 100 %" every
    level is a maximum."""
    found, years, periods = mentions(tokens)
    period_last = {index + 2: (start, end) for start, end, index in periods}
    levels, baselines, changes = [], [], []
    previous: tuple[str, str] | None = None  # (role, op) of the last number in the sentence
    last_end = -1
    for mention in found:
        if any(tokens[k].kind == SIGN and tokens[k].text in _SENTENCE_END for k in range(last_end + 1, mention.first)):
            previous = None
        last_end = mention.last
        role, op = _role(tokens, mention, previous)
        previous = (role, op) if role != "definition" else previous
        if role == "change":
            changes.append(mention.quantity)
        elif role == "baseline":
            baselines.append(mention.quantity)
        elif role == "level":
            span = _years_of(tokens, mention, years, period_last)
            levels.append(Level(op, mention.quantity, span, clause_of[mention.first]))
    return levels, baselines, changes


def _role(tokens: list[Token], mention, previous) -> tuple[str, str]:
    quantity = mention.quantity
    op, before, word = _op_before(tokens, mention.first - 1)
    marker = tokens[before].text if before >= 0 else ""
    if op is not None:
        if word == "under" and quantity.is_duration or word == "över" and quantity.unit == "år":
            return "definition", op  # "under 14 dagar" is when, "över 65 år" is who
        if marker in words.CHANGE_MARKERS:
            return "change", op
        return "level", op
    if marker in words.CHANGE_MARKERS:
        return "change", "="
    if marker in words.BASELINE_MARKERS:
        return "baseline", "="
    if marker in words.DEFINITION_MARKERS or quantity.is_duration or quantity.kind == "points":
        return "definition" if quantity.kind != "points" else "change", "="
    if marker in words.LEVEL_MARKERS:
        return "level", "="
    if previous is not None:
        return previous
    return "level", "="


def _years_of(tokens, mention, years: set[int], period_last) -> tuple[int, ...]:
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
        return tuple(range(start, end + 1))
    return ()
