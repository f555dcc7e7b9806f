"""Suggesting what a misspelt key, id or code was meant to be."""

from __future__ import annotations

import difflib
import unicodedata


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("_", "-")


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The closest choice, comparing without diacritics ("namndmal" → "nämndmål")."""
    folded = {_fold(choice): choice for choice in choices}
    match = difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


# Letters typed for the digits they look like: "2o24", "2O24", "2l24".
_DIGIT_LOOKALIKES = str.maketrans("oOlI", "0011")


def likely_year(written: str, candidates: list[int]) -> int | None:
    """The one candidate ``written`` is a typo of: the same with a letter
    for a digit, or one digit added, dropped, changed or swapped. None
    when no candidate or more than one is that close."""
    typed = written.translate(_DIGIT_LOOKALIKES)
    if typed.isdigit() and int(typed) in candidates:
        return int(typed)
    close = [year for year in candidates if _one_edit(typed, str(year))]
    return close[0] if len(close) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    shorter, longer = sorted((a, b), key=len)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
