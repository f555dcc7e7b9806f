"""A file's text and where things stand in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import lines, nodes


class Source:
    """A file as text, named as problems name it, with positions found on demand."""

    def __init__(self, path: Path, display: str, text: str = "") -> None:
        self.path = path
        self.display = display
        self.text = text
        self._nodes: Any = None
        self._lines: lines.Lines | None = None

    def locate(self, path: tuple) -> tuple[int, int]:
        """1-based (line, column) of the YAML node at ``path`` (keys and list
        indexes), or of the deepest part of it that exists."""
        if self._lines is None:
            self._lines = lines.Lines(self.text)
        found = lines.locate(self._lines, path)
        if found is not None:
            return found
        if self._nodes is None:
            try:
                self._nodes = nodes.compose(self.text)
            except Exception:  # the fast reader accepted what ruamel cannot; point at the top
                self._nodes = False
        if self._nodes is False:
            return 1, 1
        return nodes.walk(self._nodes, path)
