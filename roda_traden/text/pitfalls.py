"""Where YAML reads a text without error, but not as its writer meant.

- A decimal comma inside […] or {…}: the comma separates entries there, so
  ``{värde: 8,9, år: 2025}`` is värde 8, a key 9 without value, and år.
- A value starting with & or !: YAML takes that word as an anchor or a
  tag, so ``2024: &150`` is empty and ``2024: !150 st`` is "st".

Both are found in ruamel's parse events, which carry positions. Parsing
again costs as much as reading the file, so it is done only for a text
with a digit, comma, digit on a line inside […] or {…}, or a & or ! where
a value starts: a correct file is not parsed twice, and the look costs
about 1 % of reading. (A number split on a later line of a flow
collection spanning lines goes unnoticed, and gives the schema's finding.)
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any

from .nodes import events


class Kind(enum.Enum):
    COMMA = "komma"     # a number split in two at a decimal comma
    ANCHOR = "ankare"   # "&namn" never referred to, taken from the value
    TAG = "tagg"        # "!namn", taken from the value


@dataclass(frozen=True)
class Misread:
    """A value written one way and read another; positions are 1-based,
    ``start``/``end`` the written value's character offsets in the text."""

    kind: Kind
    line: int
    column: int
    start: int
    end: int
    written: str
    read_as: tuple[str, ...]  # the values YAML made of it
    key: str | None           # the key it is the value of, as written
    flow: str = ""            # "{" or "[" around a split number


_COMMA_DIGIT = re.compile(r",\d")
_PROPERTY = re.compile(r"[&!][^\s!,\[\]{}]")
_CORE = "tag:yaml.org,2002:"


def find(text: str) -> list[Misread]:
    """The values in ``text`` that YAML reads otherwise than written."""
    if not (_may_split(text) or _may_have_property(text)):
        return []
    return _Scan(text).run()


def _may_split(text: str) -> bool:
    """A digit, comma, digit after a [ or { on its line."""
    for match in _COMMA_DIGIT.finditer(text):
        at = match.start()
        if text[at - 1:at].isdigit():
            head = text[text.rfind("\n", 0, at) + 1:at]
            if "{" in head or "[" in head:
                return True
    return False


def _may_have_property(text: str) -> bool:
    """A & or ! where a value or list item starts: the only place it is a property."""
    if "&" not in text and "!" not in text:
        return False
    return any(m.start() == 0 or text[m.start() - 1] in " [{,\n" for m in _PROPERTY.finditer(text))


def double_quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted(text: str, misreads: list[Misread]) -> str:
    """``text`` with each misread value in double quotes, as it was meant."""
    for misread in sorted(misreads, key=lambda m: m.start, reverse=True):
        text = text[:misread.start] + double_quoted(misread.written) + text[misread.end:]
    return text


def column_before_quoting(misreads: list[Misread], line: int, column: int) -> int:
    """Where a column of quoted()'s text stood in the original text."""
    added = sum(len(double_quoted(m.written)) - len(m.written) for m in misreads
                if m.line == line and m.column < column and "\n" not in m.written)
    return column - added


class _Frame:
    """A collection being scanned: its entries so far and the last plain scalar in it."""

    __slots__ = ("flow", "is_map", "count", "key", "last", "chain")

    def __init__(self, flow: bool, is_map: bool) -> None:
        self.flow = flow
        self.is_map = is_map
        self.count = 0
        self.key: str | None = None
        self.last: Any = None   # the previous entry's event, if a plain scalar
        self.chain: list[Any] = []  # the scalars of a number split so far


class _Scan:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Misread] = []
        self.anchored: list[tuple[Any, str | None]] = []
        self.aliased: set[str] = set()

    def run(self) -> list[Misread]:
        from ruamel.yaml.error import YAMLError

        stack: list[_Frame] = []
        try:
            for event in events(self.text):
                kind = type(event).__name__
                if kind in ("MappingStartEvent", "SequenceStartEvent"):
                    if stack:
                        self._entry(stack[-1], None)
                    stack.append(_Frame(bool(event.flow_style), kind == "MappingStartEvent"))
                elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                    self._end_chain(stack.pop())
                elif kind == "AliasEvent":
                    self.aliased.add(str(event.anchor))
                    if stack:
                        self._entry(stack[-1], None)
                elif kind == "ScalarEvent" and stack:
                    self._scalar(stack[-1], event)
        except YAMLError:  # yaml_rs accepts a little more than ruamel ("{d: >150}"); nothing to say then
            return []
        # An anchor nothing refers to means nothing; on an empty value or
        # with a name no one would choose ("&150"), it is the value itself.
        self.found += [self._property(event, Kind.ANCHOR, key) for event, key in self.anchored
                       if str(event.anchor) not in self.aliased
                       and (not event.value or not str(event.anchor)[:1].isalpha())]
        return sorted(self.found, key=lambda m: m.start)

    def _scalar(self, frame: _Frame, event: Any) -> None:
        is_value = not frame.is_map or frame.count % 2 == 1
        plain = not event.style  # "" from the C parser, None from the Python one
        if frame.is_map and frame.count % 2 == 1 and plain and event.start_mark.index == event.end_mark.index:
            # The empty value of a key written without ":" ("9" in "{värde: 8,9}"):
            # not an entry of its own in the split.
            frame.count += 1
            return
        if plain and frame.flow and self._continues(frame.last, event):
            frame.chain = frame.chain or [frame.last]
            frame.chain.append(event)
            frame.count += 1
            frame.last = event
            return  # the split's tail is no key of its own: the key stays the one the number belongs to
        self._end_chain(frame)
        if plain and is_value:
            key = frame.key if frame.is_map else None
            if event.anchor is not None:
                self.anchored.append((event, key))
            tag = str(event.tag) if event.tag is not None else ""
            if tag.startswith("!") and tag != "!" and not tag.startswith(_CORE):
                self.found.append(self._property(event, Kind.TAG, key))
        if frame.is_map and frame.count % 2 == 0:
            frame.key = self._written(event)
        frame.count += 1
        frame.last = event if plain and event.anchor is None and event.tag is None else None

    def _entry(self, frame: _Frame, event: Any) -> None:
        self._end_chain(frame)
        frame.count += 1
        frame.last = event

    def _continues(self, last: Any, event: Any) -> bool:
        """Whether ``event`` is the part after a decimal comma in ``last``:
        "8,9" with nothing between, and not a key of its own ("74,2025: 78")."""
        if last is None or not last.value[-1:].isdigit() or not event.value[:1].isdigit():
            return False
        comma = last.end_mark.index
        if self.text[comma:comma + 1] != "," or event.start_mark.index != comma + 1:
            return False
        return not self.text[event.end_mark.index:].lstrip(" ").startswith(":")

    def _end_chain(self, frame: _Frame) -> None:
        if not frame.chain:
            return
        first, last = frame.chain[0], frame.chain[-1]
        start, end = first.start_mark.index, last.end_mark.index
        self.found.append(Misread(Kind.COMMA, first.start_mark.line + 1, first.start_mark.column + 1, start, end,
                                  self.text[start:end], tuple(e.value for e in frame.chain),
                                  frame.key if frame.is_map else None, "{" if frame.is_map else "["))
        frame.chain = []

    def _property(self, event: Any, kind: Kind, key: str | None) -> Misread:
        start, end = event.start_mark.index, event.end_mark.index
        return Misread(kind, event.start_mark.line + 1, event.start_mark.column + 1, start, end,
                       self.text[start:end], (event.value,), key)

    def _written(self, event: Any) -> str:
        return self.text[event.start_mark.index:event.end_mark.index]
