"""A finding: a problem before it has a line number.

Rules and the loader point at a place in a file by its YAML path (keys and
list indexes); the engine turns that into line and column only for what is
reported, so clean files are never parsed for positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loading.source import SourceFile

YamlPath = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    source: SourceFile
    message: str
    hint: str = ""
    path: YamlPath = ()
    # Set directly by checks that read the text itself (tabs, BOM …).
    line: int | None = None
    column: int | None = None
