"""Splitting a Swedish text into words, numbers and signs, once and in
linear time, and finding what numbers in it stand for.

A number in a goal text is a date ("30/6", "den 30 juni 2024",
"2024-06-30"), a year, a period ("2026–2028"), a duration or age ("inom 7
dagar", "65 år"), or a quantity: a percentage, a count, an amount. Only
quantities can be targets; everything else is told apart here so that no
reader of goal texts has to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import words
from .numbers import parse_number

# Longer texts are read in their first part only: a goal text is a sentence
# or two, and nothing a reader needs stands after this many characters.
MAX_TEXT = 4000

_SPACE = "\u0020\u00a0\u2009\u202f"
# A minus belongs to the number only where no number or word stands right
# before it: "−3 200,5" is negative, "2023 – 2025" and "9-12 år" are spans.
# Thousands groups end where the digits end, so "25 2024" is 25 and a year.
_TOKEN = re.compile(
    rf"(?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}})(?!\d)"
    rf"|(?P<num>(?:(?<![\w.,])(?<!\d[{_SPACE}])[-\u2013\u2212](?=\d))?"
    rf"(?:\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?!\d)|\d+)(?:[,.]\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<op>[≥≤]|[<>]=?|=)"
    r"|(?P<sign>[%+/:;.,()–—−-])"
)

WORD, NUMBER, OP, SIGN, DATE = "word", "num", "op", "sign", "date"
_DASHES = ("–", "—", "-", "−")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str  # words lower-cased
    start: int
    end: int

    @property
    def is_year(self) -> bool:
        return self.kind == NUMBER and len(self.text) == 4 and self.text.isdigit() and 1990 <= int(self.text) <= 2100


def tokenize(text: str) -> list[Token]:
    found = []
    for match in _TOKEN.finditer(text[:MAX_TEXT]):
        kind = match.lastgroup
        value = match.group()
        found.append(Token(kind, value.lower() if kind == WORD else value, match.start(), match.end()))
    return found


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that can be a target: its value and what it counts.

    ``kind`` is "percent", "points" (procentenheter) or "number";
    ``unit`` is the word after a number ("personer", "dagar"), if any."""

    number: float
    kind: str
    unit: str | None = None
    # The factor of a magnitude word after the number ("1,2 miljoner": 1e6),
    # already applied to ``number``; 1 when there is none.
    magnitude: float = 1.0

    @property
    def is_duration(self) -> bool:
        return self.unit in words.TIME_UNITS

    @property
    def is_age(self) -> bool:
        return self.unit in words.AGE_UNITS


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity where it stands in the text: tokens [first, last]."""

    quantity: Quantity
    first: int
    last: int


def mentions(tokens: list[Token]) -> tuple[list[Mention], set[int], list[tuple[int, int, int]]]:
    """The quantities in ``tokens``, the indexes of year tokens that name a
    target year, and the periods (first year, last year, token index).

    Dates, years inside dates, the numbers of periods and of other spans
    ("9-12 år", "20–25 %"), school years ("år 6", "åk 9") and age groups
    ("65+") are never quantities."""
    taken = _dates(tokens)
    periods = []
    for i, tok in enumerate(tokens):
        if i in taken or tok.kind != NUMBER or i + 2 >= len(tokens) or tokens[i + 1].text not in _DASHES:
            continue
        end = tokens[i + 2]
        if end.kind != NUMBER or i + 2 in taken:
            continue
        if tok.is_year and end.is_year:
            periods.append((int(tok.text), int(end.text), i))
        taken.update((i, i + 1, i + 2))  # a span is no one value, so it is no target either
    found, years = [], set()
    for i, tok in enumerate(tokens):
        if i in taken:
            continue
        if (share := _share_of(tokens, i)) is not None:
            found.append(Mention(Quantity(share, "percent"), i, i + 2))
            taken.update((i + 1, i + 2))
            continue
        if tok.kind == WORD and tok.text in words.SHARE_WORDS:
            found.append(Mention(Quantity(words.SHARE_WORDS[tok.text], "percent"), i, i))
            continue
        if tok.kind != NUMBER:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and after.text == "+":
            continue  # "65+": an age group
        if tok.is_year and not _quantity_follows(after):
            years.add(i)
            continue
        if i > 0 and tokens[i - 1].text in words.GRADE_WORDS:
            continue
        number = parse_number(tok.text)
        if number is None:
            continue
        last, kind, unit, magnitude = i, "number", None, 1.0
        if after is not None and after.text in words.MAGNITUDES:
            magnitude = words.MAGNITUDES[after.text]
            number *= magnitude
            last = i + 1
            after = tokens[i + 2] if i + 2 < len(tokens) else None
        if after is not None and (after.text == "%" or after.text in words.PERCENT_WORDS):
            last, kind = last + 1, "percent"
        elif after is not None and after.text in words.PERCENT_POINT_WORDS:
            last, kind = last + 1, "points"
        elif after is not None and after.kind == WORD and is_unit(after.text) \
                and not _names_year(tokens, last + 1, number):
            last, unit = last + 1, after.text
        found.append(Mention(Quantity(number, kind, unit, magnitude), i, last))
    return found, years, periods


def _names_year(tokens: list[Token], i: int, number: float) -> bool:
    """"år 2026" after a number names when, not what ("1 200 000 år 2026"),
    unless the number can be an age ("alla som fyller 80 år 2025")."""
    could_be_age = number.is_integer() and number <= 130
    return not could_be_age and tokens[i].text == "år" and i + 1 < len(tokens) and tokens[i + 1].is_year


def is_unit(word: str) -> bool:
    """Whether a word after a number says what it counts ("16 personer",
    "14 dagar", "2 aktiviteter"), rather than going on with the sentence
    ("år 6 ska öka", "5 eller fler")."""
    return word in words.VALUE_UNITS or word not in words.NOT_UNITS


def _share_of(tokens: list[Token], i: int) -> float | None:
    """"tre av fyra", "9 av 10" at ``i``: the share in per cent."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in words.SHARE_OF:
        return None
    part, whole = _count(tokens, i), _count(tokens, i + 2)
    if part is None or not whole or part > whole:
        return None
    return 100 * part / whole


def _count(tokens: list[Token], i: int) -> float | None:
    tok = tokens[i]
    if tok.kind == WORD:
        return words.NUMERALS.get(tok.text)
    followed = i + 1 < len(tokens) and tokens[i + 1].text in ("%", *words.PERCENT_WORDS)
    if tok.kind != NUMBER or tok.is_year or followed:
        return None
    return parse_number(tok.text)


def _quantity_follows(after: Token | None) -> bool:
    """Whether a year-like number is a percentage ("2024 %") rather than a
    year. Counts between 1990 and 2100 are read as years, as people read them."""
    return after is not None and (after.text == "%" or after.text in words.PERCENT_WORDS)


def _dates(tokens: list[Token]) -> set[int]:
    """Indexes of tokens that are part of a date: 2024-06-30, 30/6 (2024),
    (den) 30 juni (2024), juni 2024."""
    taken: set[int] = set()
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == DATE:
            taken.add(i)
        elif tok.kind == NUMBER and i + 2 < n and tokens[i + 1].text == "/" and tokens[i + 2].kind == NUMBER:
            span = [i, i + 1, i + 2]
            if i + 3 < n and tokens[i + 3].is_year:
                span.append(i + 3)
            taken.update(span)
        elif tok.kind == NUMBER and i + 1 < n and tokens[i + 1].text in words.MONTHS and tok.text.isdigit() \
                and int(tok.text) <= 31:
            taken.update((i, i + 1))
            if i + 2 < n and tokens[i + 2].is_year:
                taken.add(i + 2)
        elif tok.text in words.MONTHS and tok.kind == WORD and i + 1 < n and tokens[i + 1].is_year:
            taken.update((i, i + 1))
    return taken
