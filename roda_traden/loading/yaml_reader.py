"""Reading a YAML file's text into data: the one place rt parses YAML for data.

Two readers give the same data:

- yaml_rs, a Rust parser, reads the bulk. On the 290-kommun benchmark it
  parses the files 14 times faster than ruamel.yaml's C loader and 8 times
  faster than the ruamel reader below (benchmarks/bench_parsers.py), and
  `rt validate` takes 8 s instead of 17 s: it decides whether rt's 10 s
  target for 290 kommuner is met at all.
- ruamel.yaml's event parser (C when ruamel.yaml.clib is installed), with a
  small constructor below, is the judge. It reads every file yaml_rs
  refuses, whatever yaml_rs's reason, and finds out itself what is wrong:
  duplicate keys (the first is used), where a syntax error stands, alias
  bombs and too deep nesting, each bounded while reading. It also reads the
  files yaml_rs must not see (below), and everything when the yaml_rs wheel
  is missing for a platform. yaml_rs's own messages are never read: they
  are English, and their wording is not part of its API.

yaml_rs is handed only text that cannot hurt it. It expands aliases
without a bound on nesting depth and crashes the process (a segfault, not
an exception) at about 11 000 levels, which "- - - …" reaches in 22 kB.
Text with an alias ("*") or a line starting with 300 or more indentation
and "-"/"?" characters goes to ruamel instead. Without aliases, a block
collection starts at most at that column and its nesting grows by a level
per column at most every other step, so such text is at most 2 × 301 block
levels plus yaml_rs's own 255 flow levels deep: below MAX_DEPTH, so both
readers accept and refuse the same files.

Data is YAML 1.2's core schema as yaml_rs reads it with
``parse_datetime=False``: dates stay text, "0481" is the number 481,
yes/no/on/off are text. tests/test_yaml_reader.py holds the two readers
to the same data on every YAML file in the repository and on a table of
scalar forms.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..text.nodes import events

# Nesting deeper than this is refused by both readers; goal files need about ten.
MAX_DEPTH = 1000
# yaml_rs refuses flow collections ([…], {…}) nested 256 deep; ruamel is held to the same.
MAX_FLOW_DEPTH = 255
# Events replayed through aliases (*namn): bounds an alias bomb.
MAX_ALIAS_EVENTS = 200_000
# Aliases expanded inside aliases, as yaml_rs counts its replay stack.
MAX_ALIAS_NESTING = 64

_DEEP_LINE = re.compile(r"\n[ \t?-]{300}")
_DEEP_START = re.compile(r"[ \t?-]{300}")


class Why(enum.Enum):
    """What is wrong with a text that cannot be read, found by ruamel."""

    COLON = "kolon"                       # ": " inside a value
    TAB = "tabb"                          # a tab where YAML wants spaces
    UNCLOSED_QUOTE = "citattecken"        # a quoted text that does not end
    UNCLOSED_BRACKET = "parentes"         # a [ or { that is not closed
    INDENTATION = "indrag"                # keys of one mapping not in line
    LIST_INDENTATION = "indrag-lista"     # items of a list not in line
    RESERVED_CHARACTER = "tecken"         # a value starting with @, ` or %
    BLOCK_INDICATOR = "flerradig"         # a value starting with > or |, read as a block text's header
    TEXT_AFTER_VALUE = "efter-värdet"     # text after a value that starts with [, {, a quote or *
    UNKNOWN_ANCHOR = "ankare"             # *namn without &namn before it
    UNKNOWN_TAG = "tagg"                  # a !!tag rt does not read
    TAG_VALUE = "taggvärde"               # a value its !!tag does not allow
    TOO_DEEP = "djup"                     # nesting deeper than MAX_DEPTH
    ALIAS_BOMB = "alias"                  # aliases expanding beyond the bounds
    OTHER = "annat"                       # a syntax error of another kind


@dataclass(frozen=True)
class Refusal:
    """Why a text cannot be read, and where (1-based)."""

    why: Why
    line: int
    column: int
    detail: str = ""  # the tag, the value a tag refused, or the value as written on its line


@dataclass(frozen=True)
class Duplicate:
    """A key repeated in one mapping; the first occurrence is used."""

    key: str
    line: int
    column: int
    first_line: int


@dataclass
class Reading:
    data: Any = None
    duplicates: list[Duplicate] = field(default_factory=list)
    refusal: Refusal | None = None

    @property
    def readable(self) -> bool:
        return self.refusal is None


def read(text: str) -> Reading:
    """The data in ``text`` (LF line breaks), its duplicate keys, or why it cannot be read."""
    if "*" not in text and not (_DEEP_START.match(text) or _DEEP_LINE.search(text)):
        try:
            import yaml_rs
        except ImportError:  # no wheel for this platform: ruamel reads everything
            pass
        else:
            try:
                return Reading(yaml_rs.loads(text, parse_datetime=False))
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:  # noqa: BLE001 - any refusal in any words, even a Rust panic: ruamel finds out
                pass
    return read_with_ruamel(text)


def read_with_ruamel(text: str) -> Reading:
    """The same as read(), by ruamel.yaml alone."""
    builder = _Builder()
    try:
        for event in events(text):
            builder.feed(event)
    except _Refused as refused:
        return Reading(refusal=refused.refusal)
    except Exception as error:  # noqa: BLE001 - only ruamel's own errors are expected here
        if not _is_yaml_error(error):
            raise
        return Reading(refusal=_syntax_refusal(error, text, builder))
    return Reading(builder.result(), builder.duplicates)


def _is_yaml_error(error: Exception) -> bool:
    from ruamel.yaml.error import YAMLError

    return isinstance(error, YAMLError)


# --- scalars -------------------------------------------------------------

_CORE = "tag:yaml.org,2002:"
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
# Only these first characters can start anything but text; the rest is text at once.
_NOT_TEXT_START = frozenset("0123456789+-._~tTfFnN")
_DECIMAL = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_BASES = {"0x": (16, re.compile(r"[0-9a-fA-F]+")), "0o": (8, re.compile(r"[0-7]+")), "0b": (2, re.compile(r"[01]+"))}
_NO_NUMBER = object()


def _number(value: str, floats: bool = True, bases: bool = True) -> Any:
    """The int or float yaml_rs reads ``value`` as, or _NO_NUMBER.

    yaml_rs allows a sign, then "_" anywhere in the digits; "0x", "0o" and
    "0b" in either case; and leading zeros in decimals ("0481" is 481)."""
    sign, body = (value[0], value[1:]) if value[:1] in "+-" else ("", value)
    base = _BASES.get(body[:2].lower())
    if base is not None:
        if not bases:
            return _NO_NUMBER
        digits = body[2:].replace("_", "")
        if base[1].fullmatch(digits):
            number = int(digits, base[0])
            return -number if sign == "-" else number
        return _NO_NUMBER
    lowered = body.lower()
    if floats and lowered == ".inf":
        return -math.inf if sign == "-" else math.inf
    if floats and lowered == ".nan" and not sign:
        return float("nan")  # a new object each time, as yaml_rs gives: two .nan keys are two keys
    digits = body.replace("_", "")
    if _DECIMAL.fullmatch(digits):
        # int(str) refuses more than 4 300 digits; yaml_rs reads any length, and so must this.
        return int(Decimal(sign + digits)) if len(digits) > 4000 else int(sign + digits)
    if floats and _FLOAT.fullmatch(digits):
        return float(sign + digits)
    return _NO_NUMBER


def _plain(value: str) -> Any:
    """An untagged plain scalar, resolved as YAML 1.2's core schema."""
    if value and value[0] not in _NOT_TEXT_START:
        return value
    if value in _NULLS:
        return None
    if value in _BOOLEANS:
        return _BOOLEANS[value]
    number = _number(value)
    return value if number is _NO_NUMBER else number


def _tagged(tag: str, value: str, event: Any) -> Any:
    """A scalar with a tag. Local tags (!namn) are ignored, as yaml_rs does."""
    if not tag.startswith(_CORE):
        return value
    name = tag[len(_CORE):]
    if name in ("str", "binary"):
        return value
    if name == "null":
        if value in _NULLS:
            return None
    elif name == "bool":
        if value in _BOOLEANS:
            return _BOOLEANS[value]
    elif name in ("int", "float"):
        number = _number(value, floats=name == "float", bases=name == "int") if value else _NO_NUMBER
        if number is not _NO_NUMBER:
            return float(number) if name == "float" else number
    else:
        raise _Refused(Refusal(Why.UNKNOWN_TAG, *_position(event), "!!" + name))
    raise _Refused(Refusal(Why.TAG_VALUE, *_position(event), f"!!{name}|{value}"))


# --- building the data ---------------------------------------------------

class _Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.why.value)
        self.refusal = refusal


def _position(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


_NO_KEY = object()


class _Collection:
    """A mapping, sequence or !!set being read."""

    __slots__ = ("value", "is_map", "is_set", "flow_depth", "anchor", "start_events", "height", "nesting",
                 "key", "key_event", "first_lines", "start")

    def __init__(self, value: Any, is_map: bool, is_set: bool, flow_depth: int, anchor: str | None,
                 start_events: int, start: Any) -> None:
        self.value = value
        self.is_map = is_map
        self.is_set = is_set
        self.flow_depth = flow_depth
        self.anchor = anchor
        self.start_events = start_events
        self.height = 0
        self.nesting = 0
        self.key: Any = _NO_KEY
        self.key_event: Any = None
        self.first_lines: dict[Any, int] | None = {} if is_map else None
        self.start = start


class _Builder:
    """Python data from ruamel's events, without recursion, bounded as yaml_rs bounds it."""

    def __init__(self) -> None:
        self.documents: list[Any] = []
        self.duplicates: list[Duplicate] = []
        self.stack: list[_Collection] = []
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}  # value, events, height, nesting
        self.events = 0    # events read, aliases counted as the events they replay
        self.replayed = 0  # events replayed through aliases

    def result(self) -> Any:
        if not self.documents:
            return None
        return self.documents[0] if len(self.documents) == 1 else self.documents

    def feed(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "ScalarEvent":
            self.events += 1
            tag = event.tag
            if tag is None and event.implicit[0]:
                value = _plain(event.value)
            elif tag is None or str(tag) == "!":
                value = event.value
            else:
                value = _tagged(str(tag), event.value, event)
            self._anchor(event.anchor, value, 1, 0, 0)
            self._add(value, event, 0, 0)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            self._open(event, kind == "MappingStartEvent")
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self._close()
        elif kind == "AliasEvent":
            self._alias(event)
        elif kind == "DocumentStartEvent":
            self.anchors = {}  # anchors belong to their document

    def _open(self, event: Any, is_map: bool) -> None:
        self.events += 1
        parent = self.stack[-1] if self.stack else None
        flow = bool(event.flow_style)
        flow_depth = (parent.flow_depth if parent else 0) + 1 if flow else 0
        if len(self.stack) >= MAX_DEPTH or flow_depth > MAX_FLOW_DEPTH:
            raise _Refused(Refusal(Why.TOO_DEEP, *_position(event)))
        is_set = is_map and event.tag is not None and str(event.tag) == _CORE + "set"
        value: Any = set() if is_set else {} if is_map else []
        self.stack.append(_Collection(value, is_map, is_set, flow_depth, event.anchor, self.events, event))

    def _close(self) -> None:
        self.events += 1
        done = self.stack.pop()
        if done.is_map and done.key is not _NO_KEY:  # "? a" without a value
            self._put(done, None)
        height = done.height + 1
        if len(self.stack) + height > MAX_DEPTH:
            raise _Refused(Refusal(Why.TOO_DEEP, *_position(done.start)))
        self._anchor(done.anchor, done.value, self.events - done.start_events + 1, height, done.nesting)
        self._add(done.value, done.start, height, done.nesting)

    def _anchor(self, name: str | None, value: Any, events: int, height: int, nesting: int) -> None:
        if name is not None:
            self.anchors[name] = (value, events, height, nesting)

    def _alias(self, event: Any) -> None:
        found = self.anchors.get(event.anchor)
        if found is None:
            raise _Refused(Refusal(Why.UNKNOWN_ANCHOR, *_position(event), str(event.anchor)))
        value, events, height, nesting = found
        self.replayed += events
        self.events += events
        if self.replayed > MAX_ALIAS_EVENTS or nesting + 1 > MAX_ALIAS_NESTING:
            raise _Refused(Refusal(Why.ALIAS_BOMB, *_position(event)))
        if len(self.stack) + height > MAX_DEPTH:
            raise _Refused(Refusal(Why.TOO_DEEP, *_position(event)))
        # yaml_rs gives each alias its own copy; so does this reader.
        self._add(_copy(value), event, height, nesting + 1)

    def _add(self, value: Any, event: Any, height: int, nesting: int) -> None:
        if not self.stack:
            self.documents.append(value)
            return
        top = self.stack[-1]
        if height > top.height:
            top.height = height
        if nesting > top.nesting:
            top.nesting = nesting
        if not top.is_map:
            top.value.append(value)
        elif top.key is _NO_KEY:
            try:
                top.key, top.key_event = _hashable(value), event
            except RecursionError:  # a key nested hundreds of levels deep
                raise _Refused(Refusal(Why.TOO_DEEP, *_position(event))) from None
        else:
            self._put(top, value)

    def _put(self, top: _Collection, value: Any) -> None:
        key, event = top.key, top.key_event
        top.key = top.key_event = _NO_KEY
        first_lines = top.first_lines
        line, column = _position(event)
        if key in first_lines:
            shown = event.value if type(event).__name__ == "ScalarEvent" else str(key)
            self.duplicates.append(Duplicate(str(shown), line, column, first_lines[key]))
            return
        first_lines[key] = line
        if top.is_set:
            top.value.add(key)
        else:
            top.value[key] = value


def _hashable(value: Any) -> Any:
    """A collection used as a key, as yaml_rs gives it: lists as tuples, mappings as frozensets."""
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return frozenset((_hashable(k), _hashable(v)) for k, v in value.items())
    if isinstance(value, set):
        return frozenset(value)
    return value


def _copy(value: Any) -> Any:
    """A deep copy of lists, mappings and sets, without recursion (depth may reach MAX_DEPTH)."""
    if not isinstance(value, (list, dict, set)):
        return value
    root = type(value)()
    pending = [(value, root)]
    while pending:
        source, target = pending.pop()
        if isinstance(source, set):
            target.update(source)  # set members are hashable, so immutable
            continue
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, item in items:
            copied = item
            if isinstance(item, (list, dict, set)):
                copied = type(item)()
                pending.append((item, copied))
            if isinstance(target, dict):
                target[key] = copied
            else:
                target.append(copied)
    return root


# --- syntax errors -------------------------------------------------------

def _syntax_refusal(error: Any, text: str, builder: _Builder) -> Refusal:
    """What a ruamel parse error means, read from where it stands in the
    text and what was open there: never from ruamel's English message,
    which differs between its C and Python parsers."""
    from ruamel.yaml.scanner import ScannerError

    problem = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context = getattr(error, "context_mark", None)
    line, column = (problem.line + 1, problem.column + 1) if problem is not None else (1, 1)
    lines = text.split("\n")

    def character(mark: Any) -> str:
        if mark is None or not 0 <= mark.line < len(lines):
            return ""
        row = lines[mark.line]
        return row[mark.column] if 0 <= mark.column < len(row) else ""

    at = character(problem)
    if isinstance(error, ScannerError):
        if at == "\t":
            return Refusal(Why.TAB, line, column)
        if at == ":":
            return Refusal(Why.COLON, line, column)
        if character(context) in ("'", '"'):
            return Refusal(Why.UNCLOSED_QUOTE, context.line + 1, context.column + 1)
        if character(context) in (">", "|"):
            # ">150" is a block text's header with an indentation of 1, then "50".
            return Refusal(Why.BLOCK_INDICATOR, context.line + 1, context.column + 1,
                           _written_value(lines[context.line], context.column))
        if at in ("@", "`", "%"):
            start = _value_start(lines[problem.line], problem.column)
            return Refusal(Why.RESERVED_CHARACTER, line, start + 1, _written_value(lines[problem.line], start))
        return Refusal(Why.OTHER, line, column)
    open_flow = next((c for c in reversed(builder.stack) if c.flow_depth), None)
    if open_flow is not None:
        return Refusal(Why.UNCLOSED_BRACKET, *_position(open_flow.start))
    if builder.stack and problem is not None and _starts_its_line(lines, problem):
        # The parser stopped at the first thing on a line, inside a block
        # collection: that line is not indented as the collection expects.
        why = Why.INDENTATION if builder.stack[-1].is_map else Why.LIST_INDENTATION
        return Refusal(why, line, column)
    if problem is not None and 0 <= problem.line < len(lines):
        row = lines[problem.line]
        start = _BLOCK_VALUE.match(row).end()
        if start < problem.column and row[start:start + 1] in tuple("[{'\"*"):
            # "[Se bilaga] text": a list, a mapping, a quoted text or an
            # alias ends, and the rest of the value cannot follow it.
            return Refusal(Why.TEXT_AFTER_VALUE, problem.line + 1, start + 1, _written_value(row, start))
    return Refusal(Why.OTHER, line, column)


_VALUE_AFTER = re.compile(r"(?:^|:\s|-\s|[\[{,])\s*")
# A block line up to its value: indentation, "- " items, a plain key and ": ".
_BLOCK_VALUE = re.compile(r"\s*(?:-\s+)*(?:[^\s\"'\[{#&*!|>][^:#]*?:\s+)?")


def _value_start(row: str, column: int) -> int:
    """Where the value that ``column`` stands in starts on its line: after
    the last ": ", "- ", "[", "{" or "," before it."""
    starts = [m.end() for m in _VALUE_AFTER.finditer(row, 0, column) if m.end() <= column]
    return starts[-1] if starts else 0


def _written_value(row: str, start: int) -> str:
    """The value from ``start`` to its line's end (inside […] or {…}, to
    the next "," or bracket), without a comment."""
    value = row[start:]
    comment = value.find(" #")
    value = value[:comment] if comment >= 0 else value
    if "[" in row[:start] or "{" in row[:start]:
        value = re.split(r"[,\]}]", value, maxsplit=1)[0]
    return value.strip()


def _starts_its_line(lines: list[str], mark: Any) -> bool:
    if not 0 <= mark.line < len(lines):
        return False
    row = lines[mark.line]
    return mark.column == len(row) - len(row.lstrip(" ")) and mark.column < len(row)
