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
