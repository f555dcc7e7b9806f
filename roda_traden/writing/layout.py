"""rt fmt: one layout for every goal file, so that a pull request shows what
was changed and not how each editor writes YAML.

The layout: keys in the order of the file kind's model (the order of
docs/format.md), unknown keys after the known ones as they stood; two
spaces per level and lists as "  - id:"; quotes only where YAML needs
them, and then double quotes; a percent value as "72 %"; LF line endings,
no BOM, no trailing spaces, one final newline. Texts are never re-wrapped:
a text's line breaks are its author's, and re-wrapping a paragraph would
make the diff of a one-word change a diff of the whole paragraph.

Every comment is kept, and with its key when keys move. Each result is
checked before it is used: read with rt's own reader it must give the same
data (a percent value only spaced differently, read as the same value), and
it must hold the same comments. A file that fails the check is left as it
was, so a formatted file never means anything else than before.
"""

from __future__ import annotations

import difflib
import io
import re
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from ..language.values import NotAValue, Target, parse_target
from ..loading import yaml_reader
from ..loading.discovery import KOMMUN_FILE, display, find_trees, tree_root, yaml_files
from ..loading.kolada import FOLDER as KOLADA_FOLDER
from ..loading.source import SourceFile
from ..loading.tree import FILE_KINDS
from ..models.kommun import KommunFile
from ..models.values import Percent
from ..problems import Problem
from .atomic import locked, write_atomically

# Reading codes after which a file is not formatted: its data is not what
# its text says (a syntax error, a tab, a duplicate key, a file too large or
# not UTF-8), so there is nothing safe to write back.
_UNFORMATTABLE = {"RT001", "RT002", "RT006", "RT008", "RT011"}
_ROUNDS = 5  # quoting repairs tried before a file is given up (one or two are the most seen)


@dataclass(frozen=True)
class Shape:
    """What a model expects at one place in a file: a mapping's key order
    and the shapes under its keys, a list's item shape, or a value read as a
    målvärde."""

    keys: tuple[str, ...] = ()
    children: dict[str, Shape] = field(default_factory=dict)
    items: Shape | None = None  # for a list, or for the values of a year table
    target: bool = False


_ANY = Shape()


@dataclass
class Formatted:
    """One file: its text as read and as formatted. Where it cannot be
    formatted ``after`` is None and ``problems`` say why: what made it
    unreadable, or why the layout would change it (``refusal``)."""

    path: Path
    before: str
    after: str | None
    problems: list[Problem] = field(default_factory=list)
    refusal: str | None = None

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before

    def diff(self) -> str:
        """A unified diff as git shows it, for --check in CI."""
        name = display(self.path)
        # Split at LF only: a CR stays in its line, so CRLF turned LF shows as a change, and
        # a last line without a newline is still a line of its own in the diff.
        before = [line + "\n" for line in self.before.split("\n")]
        after = [line + "\n" for line in (self.after or self.before).split("\n")]
        return "".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))


class NotFormattable(Exception):
    """The formatted text would not say what the file says; the message is Swedish."""


def shape_of(model: type[BaseModel]) -> Shape:
    """The layout a file kind's model asks for, read from its fields in order."""
    return _model_shape(model, {})


# Where a model's field order is not that of the key tables in
# docs/format.md (section 8): a model that inherits its values (a mått, a
# delserie, an utfall, a budget row) names itself first, as a reader looks
# for it. These keys, by model class name, come first; the others follow
# in the model's order.
_LEADING: dict[str, tuple[str, ...]] = {
    "Measure": ("id", "text", "datakälla", "enhet", "riktning", "intervall", "kolada", "ingångsvärde", "målvärden"),
    "SubSeries": ("id", "namn"),
    "BudgetRow": ("id", "namn"),
    "Outcome": ("mått",),
    "SubOutcome": ("delserie",),
    "Settings": ("regler", "måluppfyllelse", "uppföljningar", "handlingsplaner-senast"),
}


def _model_shape(model: type[BaseModel], seen: dict) -> Shape:
    if model in seen:
        return seen[model]
    children: dict[str, Shape] = {}
    fields = [info.alias or name for name, info in model.model_fields.items()]
    leading = [key for key in _LEADING.get(model.__name__, ()) if key in fields]
    shape = Shape((*leading, *(key for key in fields if key not in leading)), children)
    seen[model] = shape
    for name, info in model.model_fields.items():
        children[info.alias or name] = _type_shape(info.annotation, info.metadata, seen)
    return shape


def _type_shape(annotation: Any, metadata: list, seen: dict) -> Shape:
    if _is_target(annotation, metadata):
        return Shape(target=True)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _type_shape(base, [*metadata, *extra], seen)
    if origin in (typing.Union, types.UnionType):
        shapes = [_type_shape(a, metadata, seen) for a in typing.get_args(annotation) if a is not type(None)]
        return next((s for s in shapes if s.keys), None) or next((s for s in shapes if s != _ANY), _ANY)
    if origin is list:
        return Shape(items=_type_shape(typing.get_args(annotation)[0], [], seen))
    if origin is dict:
        return Shape(items=_type_shape(typing.get_args(annotation)[1], [], seen))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        shape = _model_shape(annotation, seen)
        # An ingångsvärde written as a scalar (ingångsvärde: 72 %) is read as its "värde".
        return replace(shape, target=True) if annotation.__name__ == "Baseline" else shape
    return _ANY


def _is_target(annotation: Any, metadata: list) -> bool:
    if annotation is Target:
        return True
    return annotation is float and any(m in typing.get_args(Percent)[1:] for m in metadata)


def model_for(path: Path) -> type[BaseModel] | None:
    if path.name == KOMMUN_FILE:
        return KommunFile
    return next((kind.model for kind in FILE_KINDS if kind.pattern.match(path.name)), None)


# ---------------------------------------------------------------- the text


def format_text(text: str, shape: Shape = _ANY) -> str:
    """``text`` (read as rt reads it: LF, NFC, no BOM) in the canonical
    layout. Raises NotFormattable where the result would not hold the same
    data and comments; tries keeping the key order before giving up."""
    wanted = yaml_reader.read(text).data
    comments = _comments(text)
    for reorder in (True, False):
        forced: set[tuple] = set()
        for _round in range(_ROUNDS):
            try:
                result = _dump(text, shape, reorder, forced)
            except YAMLError:  # text rt's reader reads and ruamel's round trip does not
                break
            differences = list(_differences(wanted, yaml_reader.read(result).data, shape, ()))
            if not differences:
                if _comments(result) == comments:
                    return result
                break
            if not all(isinstance(_at(wanted, path), str) for path in differences):
                break
            forced.update(differences)  # ruamel wrote a text plain that rt reads as a number or a date
    raise NotFormattable("rt fmt kan inte skriva filen i standardformatet utan att ändra vad den betyder "
                         "eller förlora en kommentar.")


def _dump(text: str, shape: Shape, reorder: bool, forced: set[tuple]) -> str:
    yaml = YAML()
    yaml.Emitter = _Emitter
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(_Null, lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    data = yaml.load(text)
    _canonical(data, shape, reorder, forced, ())
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue() if data is not None else text


class _Emitter(Emitter):
    """Double quotes where a text must be quoted, as the goal files write them."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _canonical(node: Any, shape: Shape, reorder: bool, forced: set[tuple], path: tuple, parent: Any = None) -> None:
    if isinstance(node, CommentedMap):
        if reorder and shape.keys:
            place = (parent, path[-1]) if isinstance(parent, CommentedSeq) else None
            _reorder(node, [k for k in shape.keys if k in node] + [k for k in node if k not in shape.keys], place)
        for key in list(node):
            child = shape.children.get(key, _ANY) if shape.keys else shape.items or _ANY
            node[key] = _leaf(node[key], child, forced, (*path, key), year_table=not shape.keys and isinstance(key, int))
            _canonical(node[key], child, reorder, forced, (*path, key), node)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _leaf(item, shape.items or _ANY, forced, (*path, index))
            _canonical(node[index], shape.items or _ANY, reorder, forced, (*path, index), node)


class _Null:
    """A year without a value, written "2024: null" as docs/format.md asks;
    any other key without a value is written with nothing after the colon."""


def _leaf(value: Any, shape: Shape, forced: set[tuple], path: tuple, year_table: bool = False) -> Any:
    if value is None and year_table:
        return _Null()
    if not isinstance(value, str) or type(value).__name__ in ("FoldedScalarString", "LiteralScalarString"):
        return value
    text = percent_style(str(value)) if shape.target else str(value)
    return DoubleQuotedScalarString(text) if path in forced else text


_PERCENT = re.compile(r"(\d)[\u00a0\u202f]?%")


def percent_style(value: str) -> str:
    """A målvärde's percent as the seeds print it, "72 %", where that reads
    as the very same value; any other text as it was."""
    styled = _PERCENT.sub(r"\1 %", value)
    if styled == value:
        return value
    try:
        same = replace(parse_target(styled), raw="") == replace(parse_target(value), raw="")
    except NotAValue:
        same = False
    return styled if same else value


# ---------------------------------------------------------------- moving keys with their comments


def _reorder(node: CommentedMap, order: list, place: tuple[CommentedSeq, int] | None) -> None:
    """Put ``node``'s keys in ``order``. A comment line above a key belongs
    to that key, but ruamel keeps it after the previous key's value, so the
    lines are taken off there first and put back above the key where it lands."""
    keys = list(node)
    if keys == order:
        return
    column = node.lc.col or 0
    holders = {key: _holder(node, key) for key in keys}
    above = {key: _take_tail(holders[previous], column) for previous, key in pairwise(keys)}
    tail = _take_tail(holders[keys[-1]], column)
    for key in order:
        node.move_to_end(key)
    for previous, key in pairwise(order):
        _append(holders[previous], above.get(key, ""))
    if above.get(order[0]):
        # Above the first key is above the list item's "- ", where ruamel reads such a line back.
        container, slot = place if place else (node, order[0])
        entry = container.ca.items.setdefault(slot, [None, None, None, None])
        entry[1] = [*(entry[1] or []), CommentToken(above[order[0]], CommentMark(0), None)]
    _append(holders[order[-1]], tail)


def _holder(container: Any, slot: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment lines after an entry: on the last
    entry of its value, all the way down (a flow collection is one token)."""
    value = container[slot]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
        return _holder(value, len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1])
    return container, slot, 0 if isinstance(container, CommentedSeq) else 2


def _take_tail(holder: tuple[Any, Any, int], column: int) -> str:
    """Take the lines from the holder's comment that stand at ``column`` or
    left of it (they precede the next key at that level), with the blank
    lines just before them; deeper lines stay with the value they follow."""
    token = _token(holder)
    if token is None:
        return ""
    first, *rest = token.value.splitlines(keepends=True)
    start = next((i for i, line in enumerate(rest)
                  if line.strip() and len(line) - len(line.lstrip(" ")) <= column), len(rest))
    while start and not rest[start - 1].strip():
        start -= 1
    # The first line ends the entry's own line (its comment, or nothing); after
    # a block text it is a blank line. Either way it stays where it is.
    token.value = first + "".join(rest[:start])
    return "".join(rest[start:])


def _append(holder: tuple[Any, Any, int], lines: str) -> None:
    if not lines:
        return
    container, slot, index = holder
    token = _token(holder)
    if token is None:
        entry = container.ca.items.setdefault(slot, [None, None, None, None] if index == 2 else [None, None])
        entry[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + lines


def _token(holder: tuple[Any, Any, int]) -> CommentToken | None:
    container, slot, index = holder
    entry = container.ca.items.get(slot)
    token = entry[index] if entry and len(entry) > index else None
    return token if isinstance(token, CommentToken) else None


# ---------------------------------------------------------------- the checks


_COMMENT = re.compile(r"(?:^|[ \t])(#.*)$")


def _comments(text: str) -> Counter:
    """Every comment in the text, wherever it stands; a "#" inside a text
    counts on both sides alike, since formatting never changes a text."""
    return Counter(m.group(1).rstrip() for line in text.split("\n") if (m := _COMMENT.search(line)))


def _differences(old: Any, new: Any, shape: Shape, path: tuple) -> Iterator[tuple]:
    """The places where ``new`` does not hold what ``old`` does."""
    if isinstance(old, dict) and isinstance(new, dict):
        if set(old) != set(new):
            yield path
            return
        for key in old:
            child = shape.children.get(key, _ANY) if shape.keys else shape.items or _ANY
            yield from _differences(old[key], new[key], child, (*path, key))
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            yield path
            return
        for index, (a, b) in enumerate(zip(old, new)):
            yield from _differences(a, b, shape.items or _ANY, (*path, index))
    elif isinstance(old, str) and shape.target:
        if new != percent_style(old):
            yield path
    elif type(old) is not type(new) or old != new:
        yield path


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


# ---------------------------------------------------------------- files


def files_to_format(path: Path) -> list[Path]:
    """The goal files under ``path`` (every tree below it), or the one file
    if it is a goal file. Other YAML files – a CI workflow, the pre-commit
    configuration, a file outside any tree – are not rt's to lay out, so a
    pre-commit hook may hand rt fmt every changed YAML file."""
    if not path.is_dir():
        root = tree_root(path)
        # resolve(), not absolute(): "../kommun.yaml" is the same file as "kommun.yaml".
        return [path] if root is not None and path.resolve() in map(Path.resolve, _tree_files(root)) else []
    return [file for root in find_trees(path) for file in _tree_files(root)]


def _tree_files(root: Path) -> list[Path]:
    """The files a kommun writes; not the stored Kolada values, whose layout
    `rt kolada hämta` owns (a re-fetch must diff as values only)."""
    kommun, stored = root / KOMMUN_FILE, root / KOLADA_FOLDER
    return [kommun, *(p for p in yaml_files(root) if p.is_file() and not p.is_symlink() and p != kommun
                      and stored not in p.parents)]


def format_file(path: Path) -> Formatted:
    """``path`` read as rt reads it and formatted, without writing."""
    source = SourceFile(path, display(path)).read()
    before = _raw(path)
    refusals = [p for p in source.problems if p.code in _UNFORMATTABLE]
    if refusals or not source.readable:
        return Formatted(path, before, None, refusals or source.problems)
    model = model_for(path)
    try:
        after = format_text(source.text, shape_of(model) if model else _ANY)
    except NotFormattable as error:
        return Formatted(path, before, None, refusal=str(error))
    return Formatted(path, before, after)


def _raw(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def format_and_write(path: Path) -> Formatted:
    """Format ``path`` in place, atomically, holding its folder's lock so
    that a writer at the same moment (rt utfall set, another rt fmt) is not
    lost: the file is read again under the lock."""
    with locked(path.parent):
        result = format_file(path)
        if result.changed:
            write_atomically(path, result.after)
    return result
