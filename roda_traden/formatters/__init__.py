"""Formatters print problems; they decide nothing about them.

Each is a module with ``render(result, stream)``, imported only when chosen.
"""

from __future__ import annotations

import importlib
from typing import TextIO

from ..engine.result import Result

FORMATS = {"terminal": "terminal", "json": "json_format", "github": "github", "sarif": "sarif"}


def render(name: str, result: Result, stream: TextIO) -> None:
    importlib.import_module(f"{__package__}.{FORMATS[name]}").render(result, stream)
