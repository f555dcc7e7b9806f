"""Text from the files made safe to print for people: no terminal control.

A goal text may hold ESC sequences (clear the screen, set the window title,
fake a hyperlink), a line break that starts a new line reading
"::warning::" for GitHub Actions to obey, or bidi overrides that show code
in another order than it is. Each is printed as a visible escape instead.
"""

from __future__ import annotations

import re

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")


def printable(text: str) -> str:
    """``text`` with every control character, line or paragraph separator and
    bidi control written as an escape: "\\x1b", "\\n", "\\u202e"."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

