"""Finding goal trees and their files on disk; no parsing, so the result
cache can use it without importing the models."""

from __future__ import annotations

import os
from pathlib import Path

KOMMUN_FILE = "kommun.yaml"


def find_trees(path: Path) -> list[Path]:
    """Every directory at or below ``path`` holding a kommun.yaml. A tree
    nested in another is its own tree: the outer one does not read its files."""
    roots = []
    for directory, subdirs, files in os.walk(path):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        if KOMMUN_FILE in files:
            roots.append(Path(directory))
    return roots


def tree_root(path: Path) -> Path | None:
    """The tree a file belongs to: the nearest directory above with a kommun.yaml."""
    for directory in path.resolve().parents:
        if (directory / KOMMUN_FILE).is_file():
            return directory
    return None


def yaml_files(root: Path) -> list[Path]:
    """The tree's YAML files, in a stable order, without nested trees."""
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".")
                            and not (Path(directory, d) / KOMMUN_FILE).is_file())
        found.extend(Path(directory, f) for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return found


def display(path: Path) -> str:
    """How a file is named in problems: relative to the working directory."""
    try:
        return os.path.relpath(path, Path.cwd())
    except ValueError:  # another drive on Windows
        return str(path)
