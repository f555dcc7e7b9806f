"""When a value was measured, as plans print it next to the value: a year
("2023"), a part of one ("jan–nov 2023", "delår 2023", "T1 2023", "vt
2023"), a school year ("läsåret 2022/23"), a date ("1/12 2023",
"2023-12-01", "30 juni 2024") or a span of months without its year
("jan–okt")."""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from dataclasses import dataclass

from . import words
from .tokens import DATE, NUMBER, SIGN, WORD, Token, tokenize

# Words that name a part of a year, with how many numbered parts it has
# (0: not numbered, "delår 2023"; 3: "tertial 1–3").
_PARTS = {
    **dict.fromkeys(("delår", "delårsbokslut", "delårsrapport", "delårsuppföljning"), 3),
    **dict.fromkeys(("helår", "helåret", "bokslut", "årsbokslut", "året"), 0),
    **dict.fromkeys(("tertial", "t"), 3),
    **dict.fromkeys(("kvartal", "q"), 4),
    **dict.fromkeys(("vt", "ht", "vår", "våren", "sommar", "sommaren", "höst", "hösten", "vårterminen",
                     "höstterminen"), 0),
}
_SCHOOL_YEAR = frozenset(("läsåret", "läsår", "läsårets"))
_LEADING = frozenset(("per", "den"))
_DASH = frozenset(("–", "—", "-", "−"))
_MONTH_NUMBER = {
    form: number
    for number, names in enumerate((
        ("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"), ("maj",), ("juni", "jun"),
        ("juli", "jul"), ("augusti", "aug"), ("september", "sep", "sept"), ("oktober", "okt"),
        ("november", "nov"), ("december", "dec")), start=1)
    for form in names
}
_ANNOTATED = re.compile(r"^(?P<value>.*\S)\s*\((?P<when>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class When:
    """When a value was measured. ``raw`` is the text as written; ``year``
    the (last) year it is about, None for "jan–okt"; ``date`` the day, for
    a value at a date."""

    raw: str
    year: int | None
    date: datetime.date | None = None

    def __str__(self) -> str:
        return self.raw


def read_when(value: object) -> When | None:
    """The time a value was measured, from a year or a text; None when the
    text says no time."""
    if isinstance(value, datetime.date):
        return When(value.isoformat(), value.year, value)
    if isinstance(value, int) and not isinstance(value, bool):
        return When(str(value), value) if 1990 <= value <= 2100 else None
    if not isinstance(value, str):
        return None
    return _read(" ".join(value.split()))


def split_when(text: str) -> tuple[str, When] | None:
    """"41 (jan–nov 2023)": the value and the time in brackets after it,
    when the brackets hold a time."""
    match = _ANNOTATED.match(text)
    if match is None or (when := _read(match["when"].strip())) is None:
        return None
    return match["value"], when


@functools.lru_cache(maxsize=1024)
def _read(text: str) -> When | None:
    tokens = tokenize(text)
    while tokens and tokens[0].text in _LEADING:
        tokens = tokens[1:]
    if not tokens or any(text[a.end:b.start].strip() for a, b in itertools.pairwise(tokens)) \
            or text[tokens[-1].end:].strip():
        return None  # a sign no token reads, e.g. "jan ? nov 2023"
    return _date(text, tokens) or _span(text, tokens)


def _year(token: Token) -> int | None:
    return int(token.text) if token.is_year else None


def _date(text: str, tokens: list[Token]) -> When | None:
    """2023-12-01, 1/12 2023 (or 1/12-2023), 1 december 2023."""
    day = month = year = None
    kinds = [t.kind for t in tokens]
    if kinds == [DATE]:
        year, month, day = (int(part) for part in tokens[0].text.split("-"))
    elif len(tokens) in (4, 5) and kinds[:3] == [NUMBER, SIGN, NUMBER] and tokens[1].text == "/":
        rest = tokens[3:]
        if len(rest) == 2 and rest[0].text in _DASH:
            rest = rest[1:]
        if len(rest) == 1:
            day, month, year = int(tokens[0].text), int(tokens[2].text), _year(rest[0])
    elif len(tokens) == 3 and kinds[0] == NUMBER and tokens[0].text.isdigit() and tokens[1].text in _MONTH_NUMBER:
        day, month, year = int(tokens[0].text), _MONTH_NUMBER[tokens[1].text], _year(tokens[2])
    if day is None or month is None or year is None:
        return None
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return When(text, year, date)


def _span(text: str, tokens: list[Token]) -> When | None:
    """2023, 2022–2023, jan–nov 2023, okt 2023, jan–okt, delår 2023,
    delår 2 2023, T1 2023, vt 2023, läsåret 2022/23, 2022/23."""
    if len(tokens) >= 3 and tokens[-2].text == "/" and tokens[-3].is_year and tokens[-1].kind == NUMBER:
        first, second = int(tokens[-3].text), tokens[-1].text
        end = first // 100 * 100 + int(second) if len(second) == 2 else int(second) if len(second) == 4 else None
        if end != first + 1:
            return None  # a school year spans two years in a row
        head = tokens[:-3]
        if head and head[-1].text in _SCHOOL_YEAR:
            head = head[:-1]
        return When(text, end) if not head else None
    year, head = (int(tokens[-1].text), tokens[:-1]) if tokens[-1].is_year else (None, tokens)
    if not head:
        return When(text, year)
    if len(head) == 2 and head[1].text in _DASH and head[0].is_year and year is not None:
        return When(text, year) if int(head[0].text) < year else None
    if _months(head):
        return When(text, year)
    if year is not None and head[0].kind == WORD and head[0].text in _PARTS:
        count, number = _PARTS[head[0].text], head[1:]
        if not number and head[0].text not in ("t", "q"):
            return When(text, year)
        if count and len(number) == 1 and number[0].kind == NUMBER and number[0].text.isdigit() \
                and 1 <= int(number[0].text) <= count:
            return When(text, year)
    return None


def _months(tokens: list[Token]) -> bool:
    """"okt", "jan–nov", "januari – november": one month or a span of them."""
    if len(tokens) == 1:
        return tokens[0].text in words.MONTHS
    return len(tokens) == 3 and tokens[1].text in _DASH and tokens[0].text in _MONTH_NUMBER \
        and tokens[2].text in _MONTH_NUMBER and _MONTH_NUMBER[tokens[0].text] < _MONTH_NUMBER[tokens[2].text]
