"""Round-trip editing: comments, key order, quotes and flow style survive."""

from __future__ import annotations

import difflib
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.util import load_yaml_guess_indent


def load(text: str) -> tuple[YAML, Any]:
    """A round-trip YAML set up to write ``text`` back the way it was written."""
    _data, indent, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long texts
    # Lists as the goal trees write them ("  - id:") unless the file shows otherwise.
    yaml.indent(mapping=2, sequence=indent or 4, offset=2 if offset is None else offset)
    return yaml, yaml.load(text) if text.strip() else None


def dump(yaml: YAML, data: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_ENDING = re.compile(r"(\r\n|\r|\n)$")


def lines_with_endings(text: str) -> list[str]:
    """Lines as written, each with its own ending (CRLF, CR or LF; the last
    perhaps none). str.splitlines would also break at U+2028 and form feeds."""
    return _LINE.findall(text)


def normalized(text: str) -> str:
    """The text with every line ending as LF, as ruamel reads and writes it."""
    return "".join(_ENDING.sub("\n", line) for line in lines_with_endings(text))


def minimal(original: str, dumped: str) -> str | None:
    """``original`` with only the changes that ``dumped`` (a full round-trip
    dump of the changed document) needs to mean what it means: every other
    difference – a folded text re-wrapped, trailing spaces, line endings, a
    missing final newline – is put back as it was. None if no such text reads
    as ``dumped`` does."""
    wanted = _data(dumped)
    old = lines_with_endings(original)
    new = dumped.splitlines(keepends=True)
    # Lines are compared without trailing spaces, which ruamel drops: a line
    # that differs only in them is the same line and is kept as written.
    matcher = difflib.SequenceMatcher(None, [_ENDING.sub("", line).rstrip() for line in old],
                                      [line.rstrip() for line in new], autojunk=False)
    hunks = [op for op in matcher.get_opcodes()]
    # Per hunk: the original lines, the original plus the lines that are really
    # new (a value added after a re-wrapped text), or ruamel's lines.
    choice = ["new" if tag != "equal" else "old" for tag, *_ in hunks]
    for index, (tag, *_rest) in enumerate(hunks):
        if tag == "equal":
            continue
        for option in ("old", "old+added") if tag == "replace" else ("old",):
            choice[index] = option
            if _data(_join(hunks, choice, old, new)) == wanted:
                break
        else:
            choice[index] = "new"
    text = _join(hunks, choice, old, new)
    return text if _data(text) == wanted else None


def _join(hunks, choice: list[str], old: list[str], new: list[str]) -> str:
    out: list[str] = []
    for (_tag, i1, i2, j1, j2), use in zip(hunks, choice):
        if use == "old":
            out.extend(old[i1:i2])
            continue
        ending = _ending_near(old, i1)
        if out and not _ENDING.search(out[-1]):
            out[-1] += ending  # the original's last line had no newline; new lines follow it
        if use == "old+added":
            kept = old[i1:i2]
            said = " ".join("".join(kept).split())
            added = [line for line in new[j1:j2] if " ".join(line.split()) not in said]
            out.extend(kept)
            if out and not _ENDING.search(out[-1]):
                out[-1] += ending
            out.extend(line.rstrip("\n") + ending for line in added)
        else:
            # A line that replaces another keeps that line's ending; added lines take their neighbour's.
            endings = [_ending_near(old, i) for i in range(i1, i2)]
            out.extend(line.rstrip("\n") + (endings[k] if k < len(endings) else ending)
                       for k, line in enumerate(new[j1:j2]))
        if i2 == len(old) and old and not _ENDING.search(old[-1]) and out:
            out[-1] = _ENDING.sub("", out[-1])  # keep the file ending as it did, without a newline
    return "".join(out)


def _ending_near(old: list[str], index: int) -> str:
    """The line ending of line ``index``, else of the nearest line before or after it."""
    for line in [*old[index:index + 1], *reversed(old[:index]), *old[index + 1:]]:
        if found := _ENDING.search(line):
            return found.group()
    return "\n"


def _data(text: str) -> Any:
    try:
        return YAML(typ="safe").load(normalized(text))
    except Exception:  # any text that does not read as YAML is simply not the wanted one
        return _UNREADABLE


_UNREADABLE = object()
