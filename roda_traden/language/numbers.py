"""Reading numbers the way Swedish documents print them.

"1 052", "0,5", "–260 000" (en dash as minus) and "72 %" all occur in the
seeds; controllers paste them from Word, so the YAML accepts them too.
"""

from __future__ import annotations

import math
import re

# Thousands separators seen in pasted text: space, no-break space, thin spaces.
_SPACES = "\u0020\u00a0\u2009\u202f"
# Hyphen-minus, en dash and the real minus sign all mean minus in print.
_MINUS = "-\u2013\u2212"

_NUMBER = re.compile(
    rf"^(?P<sign>[{_MINUS}+])?\s*(?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d+)(?:[.,](?P<frac>\d+))?$"
)


def parse_number(text: str) -> float | None:
    """Return the number written in ``text``, or None if it is not one."""
    match = _NUMBER.match(text.strip())
    if match is None:
        return None
    digits = re.sub(f"[{_SPACES}]", "", match["int"])
    value = float(f"{digits}.{match['frac']}" if match["frac"] else digits)
    if not math.isfinite(value):
        return None  # hundreds of digits: no value anyone plans with
    return -value if match["sign"] and match["sign"] in _MINUS else value


def as_number(value: object) -> float | None:
    """A YAML scalar as a number: ints and floats as they are, text parsed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:  # an integer of more than 308 digits
            return None
    if isinstance(value, str):
        return parse_number(value)
    return None


def round_half_up(value: float) -> int:
    """62,5 → 63, as people round; Python's round() gives 62."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def format_number(value: float) -> str:
    """Swedish print: "1 052", "0,5", "−3 200,25"; decimals only where needed."""
    whole, _, fraction = f"{abs(value):.6f}".rstrip("0").rstrip(".").partition(".")
    text = f"{int(whole):,}".replace(",", "\u00a0") + (f",{fraction}" if fraction else "")
    return f"−{text}" if value < 0 and text != "0" else text
