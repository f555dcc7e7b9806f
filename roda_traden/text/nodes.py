"""Finding line and column for a YAML path, on demand.

The data is read without positions (loading/yaml_reader.py). When something
must be reported and the text locator (lines.py) cannot answer, the file is
composed once more with ruamel.yaml, whose nodes carry marks, and the path is
walked down that node tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def key_spellings(segment: Any) -> tuple[str, ...]:
    """How a key read as ``segment`` can be written in YAML (true: → True)."""
    if segment is True:
        return ("true", "True", "TRUE")
    if segment is False:
        return ("false", "False", "FALSE")
    if segment is None:
        return ("null", "Null", "NULL", "~")
    return (str(segment),)


def events(text: str) -> Iterator[Any]:
    """ruamel's parse events for ``text`` (C parser when installed)."""
    try:
        from ruamel.yaml.cyaml import CBaseLoader
    except ImportError:  # pure-Python installs still work, only slower
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    loader = CBaseLoader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def compose(text: str) -> Any:
    """The ruamel node tree of ``text`` (C parser when installed)."""
    try:
        from ruamel.yaml.cyaml import CBaseLoader
    except ImportError:  # pure-Python installs still work, only slower
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).compose(text)
    loader = CBaseLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def walk(root: Any, path: tuple) -> tuple[int, int]:
    """1-based (line, column) of the deepest node along ``path`` that exists.

    A path ending in a mapping key points at the key, so "line of `enhet:`";
    a missing key points at the mapping that lacks it.
    """
    node, mark = root, getattr(root, "start_mark", None)
    for segment in path:
        if node is None:
            break
        if node.id == "mapping":
            spellings = key_spellings(segment)
            pair = next(((k, v) for k, v in node.value if k.value in spellings), None)
            if pair is None:
                break
            mark, node = pair[0].start_mark, pair[1]
        elif node.id == "sequence" and isinstance(segment, int) and 0 <= segment < len(node.value):
            node = node.value[segment]
            mark = node.start_mark
        else:
            break
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1
