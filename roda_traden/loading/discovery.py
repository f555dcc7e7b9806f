"""Finding goal trees and their files on disk; no parsing, so the result
cache can use it without importing the models."""

from __future__ import annotations

import os
from pathlib import Path

KOMMUN_FILE = "kommun.yaml"
# Where a command looks when given no path and no tree is found upwards.
FALLBACK_TREE = "goals"
YAML_SUFFIXES = (".yaml", ".yml")


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


def default_tree(start: Path | None = None) -> Path:
    """The tree a command works on when given no path, found as git finds
    its repository: the nearest directory at or above ``start`` (the working
    directory) holding a kommun.yaml, looking no higher than the git
    repository's root; else goals/ in that root (outside a repository: in
    ``start``). Relative to the working directory, as a user would type it."""
    start = (start or Path.cwd()).absolute()
    top = start
    for directory in (start, *start.parents):
        if (directory / KOMMUN_FILE).is_file():
            return _as_typed(directory)
        if (directory / ".git").exists():  # a folder, or a file in a worktree or submodule
            top = directory
            break
    return _as_typed(top / FALLBACK_TREE)


def _as_typed(path: Path) -> Path:
    try:
        return Path(os.path.relpath(path, Path.cwd()))
    except ValueError:  # another drive on Windows
        return path


def yaml_files(root: Path) -> list[Path]:
    """The tree's YAML files, in a stable order, without nested trees. A
    linked folder is listed as if a file, so that a link leaving the tree is
    reported (rt never walks into linked folders). Names starting with a dot
    are tools' own (.git, .github, .pre-commit-config.yaml, an editor's
    temporary file) and are left out; .YAML counts as .yaml, so that a
    plan saved with capitals is not skipped unseen."""
    found = []
    for directory, subdirs, files in os.walk(root):
        linked = [d for d in subdirs if Path(directory, d).is_symlink()]
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in linked
                            and not (Path(directory, d) / KOMMUN_FILE).is_file())
        found.extend(Path(directory, f) for f in sorted(files)
                     if not f.startswith(".") and f.lower().endswith(YAML_SUFFIXES))
        found.extend(Path(directory, d) for d in sorted(linked) if leaves_tree(root, Path(directory, d)))
    return found


def leaves_tree(root: Path, path: Path) -> bool:
    """Whether ``path`` is a symbolic link to something outside the tree."""
    if not path.is_symlink():
        return False
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True


def display(path: Path) -> str:
    """How a file is named in problems: relative to the working directory."""
    try:
        return os.path.relpath(path, Path.cwd())
    except ValueError:  # another drive on Windows
        return str(path)


def link_digest(path: Path) -> str:
    """What stands for a link out of the tree in a cache key: where it points,
    since rt reads nothing behind it."""
    try:
        return f"link:{os.readlink(path)}"
    except OSError:
        return "link:?"
