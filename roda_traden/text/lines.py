"""Finding a YAML path's line and column by reading the text's indentation.

Goal-tree files are block-style YAML written by people: nested mappings and
"- " lists, with målvärden often as a one-line flow mapping. For that shape
the path can be followed line by line, which is far cheaper than composing
the file. Anything else (multi-line flow, aliases, "? " keys, tags) gives
None, and the caller composes the file with ruamel instead. A test checks
that both ways agree on every node of the example and generated trees.
"""

from __future__ import annotations

import re

from .nodes import key_spellings

_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#'"{\[?&*!|>-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s|$)""")

Mark = tuple[int, int]  # 0-based row and column


class Lines(list):
    """A file's lines with each line's indentation (-1: blank or comment),
    computed once per file however many problems are located in it. Each
    block's entries are listed once, on first need, so locating a thousand
    problems in a long list reads the list once, not a thousand times."""

    def __init__(self, text: str) -> None:
        super().__init__(text.split("\n"))
        self.indents = [_indent(line) if _is_content(line) else -1 for line in self]
        # next_content[row]: the first content row at or after ``row``.
        self.next_content = [len(self)] * (len(self) + 1)
        for row in range(len(self) - 1, -1, -1):
            self.next_content[row] = row if self.indents[row] >= 0 else self.next_content[row + 1]
        self.memo: dict[tuple, object] = {}


def locate(lines: Lines, path: tuple) -> tuple[int, int] | None:
    """1-based (line, column) of the deepest node along ``path``, as
    positions.walk gives it, or None when the text is not plain block YAML."""
    node = _first_content(lines, 0, len(lines))
    if node is None:
        return None
    hi = len(lines)
    mark = node
    for depth, segment in enumerate(path):
        if node is None:  # a scalar: nothing below it
            break
        row, col = node
        text = lines[row][col:]
        if _is_dash(text):
            if not isinstance(segment, int):
                break
            item = _nth_item(lines, row, col, hi, segment)
            if item == "unsupported":
                return None
            if item is None:
                break
            mark = node = item
            hi = _block_end(lines, item[0], col, hi)
            continue
        if _KEY.match(text) is None:
            return None  # a flow collection, tag or other shape at block level
        entry = _find_key(lines, row, col, hi, segment)
        if entry == "unsupported":
            return None
        if entry is None:
            break
        key_row, after = entry
        mark = (key_row, col)
        value = _value(lines, key_row, col, after, hi)
        if value == "unsupported":
            return None
        if isinstance(value, tuple) and isinstance(value[0], str):
            flow, flow_col = value
            rest = path[depth + 1:]
            if not rest:
                break
            entries = _split_flow(flow)
            if entries is None or len(rest) > 1:
                return None
            offset = _flow_entry(flow[0], entries, rest[0])
            return _one(mark if offset is None else (key_row, flow_col + offset))
        if value is not None:
            hi = _value_end(lines, key_row, col, value, hi)
        node = value
    return _one(mark)


def _one(mark: Mark) -> tuple[int, int]:
    return mark[0] + 1, mark[1] + 1


def _is_dash(text: str) -> bool:
    return text.startswith("- ") or text.rstrip() == "-"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped not in ("---", "...")


def _first_content(lines: Lines, lo: int, hi: int) -> Mark | None:
    row = lines.next_content[min(lo, len(lines))]
    return (row, lines.indents[row]) if row < hi else None


def _block_end(lines: Lines, row: int, col: int, hi: int) -> int:
    """First row after ``row`` that starts at column ``col`` or less."""
    key = ("end", row, col, hi)
    if key not in lines.memo:
        indents, end = lines.indents, hi
        for other in range(row + 1, hi):
            if 0 <= indents[other] <= col:
                end = other
                break
        lines.memo[key] = end
    return lines.memo[key]


def _value_end(lines: Lines, key_row: int, col: int, value: Mark, hi: int) -> int:
    """End of a key's nested value; a list may sit at the key's own column."""
    if value[1] > col:
        return _block_end(lines, key_row, col, hi)
    indents = lines.indents
    for other in range(value[0], hi):
        indent = indents[other]
        if 0 <= indent < col or indent == col and not _is_dash(lines[other][col:]):
            return other
    return hi


def _siblings(lines: Lines, row: int, col: int, hi: int) -> list[int]:
    """Rows of the entries at column ``col`` from ``row`` until the block ends.
    The first may start mid-line (a mapping right after "- ")."""
    key = ("siblings", row, col, hi)
    if key not in lines.memo:
        found, indents = [row], lines.indents
        for other in range(row + 1, hi):
            indent = indents[other]
            if indent == col:
                found.append(other)
            elif 0 <= indent < col:
                break
        lines.memo[key] = found
    return lines.memo[key]


def _find_key(lines: Lines, row: int, col: int, hi: int, segment) -> tuple[int, int] | str | None:
    keys = _keys(lines, row, col, hi)
    if keys == "unsupported":
        return keys
    return next((keys[spelling] for spelling in key_spellings(segment) if spelling in keys), None)


def _keys(lines: Lines, row: int, col: int, hi: int) -> dict[str, tuple[int, int]] | str:
    """The mapping's keys at column ``col``: each key's row and where its value
    starts; the first of a repeated key, as the parser keeps it."""
    memo_key = ("keys", row, col, hi)
    if memo_key not in lines.memo:
        keys: dict[str, tuple[int, int]] | str = {}
        for other in _siblings(lines, row, col, hi):
            if _is_dash(lines[other][col:]):
                continue  # a list written at its key's own column: the value of the key above
            match = _KEY.match(lines[other], col)
            if match is None:
                keys = "unsupported"
                break
            key = match["key"]
            if key[:1] in "\"'":
                key = key[1:-1]
            keys.setdefault(key, (other, match.end()))
        lines.memo[memo_key] = keys
    return lines.memo[memo_key]


def _nth_item(lines: Lines, row: int, col: int, hi: int, index: int) -> Mark | str | None:
    items = _items(lines, row, col, hi)
    if not 0 <= index < len(items):
        return None
    other = items[index]
    rest = lines[other][col:][1:]
    content = rest.lstrip(" ")
    if not content or content.startswith("#"):
        return _first_content(lines, other + 1, hi)
    if content.startswith(("&", "*", "!", "[", "{", "? ")):
        return "unsupported"
    return other, col + 1 + len(rest) - len(content)


def _items(lines: Lines, row: int, col: int, hi: int) -> list[int]:
    """Rows of a block list's items, up to the first entry that is not one."""
    key = ("items", row, col, hi)
    if key not in lines.memo:
        found = []
        for other in _siblings(lines, row, col, hi):
            if not _is_dash(lines[other][col:]):
                break
            found.append(other)
        lines.memo[key] = found
    return lines.memo[key]


def _value(lines: Lines, row: int, col: int, after: int, hi: int):
    """Where a key's value starts: a nested block's Mark, (flow text, column)
    for a one-line flow collection, None for a scalar, or "unsupported"."""
    line = lines[row]
    rest = line[after:]
    stripped = rest.lstrip(" ")
    value_col = len(line) - len(stripped)
    if stripped.startswith(("*", "&", "!")):
        return "unsupported"
    if stripped.startswith(("{", "[")):
        flow = stripped.split(" #", 1)[0].rstrip()
        closer = "}" if flow[0] == "{" else "]"
        return (flow, value_col) if flow.endswith(closer) else "unsupported"
    if stripped and not stripped.startswith("#"):
        return None  # a scalar on the key's line (plain, quoted or block indicator)
    nested = _first_content(lines, row + 1, hi)
    if nested is None or nested[1] < col:
        return None
    if nested[1] == col and not _is_dash(lines[nested[0]][col:]):
        return None  # the next line is a sibling: the value is empty
    return nested


def _flow_entry(opener: str, entries: list[tuple[int, str]], segment) -> int | None:
    """Column offset of the entry ``segment`` names, None if it is absent."""
    if opener == "[":
        return entries[segment][0] if isinstance(segment, int) and 0 <= segment < len(entries) else None
    wanted = key_spellings(segment)
    for offset, text in entries:
        key = text.split(":", 1)[0].strip()
        if key[:1] in "\"'":
            key = key[1:-1]
        if key in wanted:
            return offset
    return None


def _split_flow(flow: str) -> list[tuple[int, str]] | None:
    """Top-level entries of a one-line flow collection as (offset, text);
    None if it nests or quotes in ways this reader does not follow."""
    body = flow[1:-1]
    entries, start = [], 0
    for index, char in enumerate(body):
        if char in "{}[]'\"":
            return None
        if char == ",":
            entries.append((start, body[start:index]))
            start = index + 1
    entries.append((start, body[start:]))
    result = []
    for offset, text in entries:
        if text.strip():
            result.append((1 + offset + len(text) - len(text.lstrip()), text.strip()))
    return result
