"""A goal tree as it was at a git revision, read through git itself: the
files are listed with ls-tree and their contents read by one cat-file
process, so nothing is checked out and the working tree is never touched."""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..domain.tree import GoalTree
from .discovery import YAML_SUFFIXES
from .tree import load_tree

_BLOB, _LINK = "100", "120000"


class GitError(Exception):
    """Git cannot answer: not a repository, an unknown revision, no git. The
    message is Swedish and says what to do."""


class GitMissing(GitError):
    """No git program to ask."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitMissing("Programmet git finns inte; rt diff och --jämför läser trädet genom git. "
                         "Installera git och försök igen.") from None
    except NotADirectoryError:
        raise GitError(f"\"{cwd}\" är ingen mapp.") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {args[0]} misslyckades" + (f": {said}" if said else "."))
    return done.stdout


def top_level(path: Path) -> Path:
    """The root of the git repository ``path`` is in."""
    if not path.exists():
        raise GitError(f"\"{path}\" finns inte.")
    folder = path if path.is_dir() else path.parent
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except GitMissing:
        raise
    except GitError:
        raise GitError(f"\"{path}\" ligger inte i ett git-förråd; rt diff och --jämför jämför versioner i git. "
                       "Kör \"git init\" och checka in målfilerna, eller kör rt där förrådet finns.") from None


def commit_of(path: Path, revision: str) -> str:
    """The commit ``revision`` names (a branch, tag, HEAD~1, a hash)."""
    top = top_level(path)
    if revision.startswith("-"):  # git would read it as an option
        raise GitError(f"\"{revision}\" är ingen revision.")
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"Revisionen \"{revision}\" finns inte i git-förrådet.") from None


def short(path: Path, commit: str) -> str:
    """The commit as git log names it: "74385af"."""
    return _git(top_level(path), "rev-parse", "--short", commit).decode().strip()


def default_base(path: Path) -> str:
    """Where a pull request starts: the merge base of HEAD with the default
    branch (origin's HEAD, else main, else master)."""
    top = top_level(path)
    candidates = []
    with contextlib.suppress(GitError):
        candidates.append(_git(top, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD").decode().strip())
    candidates += ["origin/main", "origin/master", "main", "master"]
    for branch in candidates:
        with contextlib.suppress(GitError):
            return _git(top, "merge-base", "HEAD", branch).decode().strip()
    raise GitError("Hittar ingen gemensam bas med standardgrenen (origin/HEAD, origin/main, main eller master). "
                   "Ange vad som ska jämföras, t.ex. \"rt diff origin/main\"; i CI behövs historiken "
                   "(actions/checkout med fetch-depth: 0).")


def _entries(top: Path, commit: str, prefix: str) -> list[tuple[str, str, str]]:
    """(mode, object, path below the tree) of the YAML files and links at ``prefix``."""
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".")
    entries = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, _kind, obj = meta.decode().split()
        relative = name.decode("utf-8", "surrogateescape")[len(prefix):].lstrip("/")
        if mode == _LINK or (mode.startswith(_BLOB) and relative.lower().endswith(YAML_SUFFIXES)):
            entries.append((mode, obj, relative))
    return entries


def _contents(top: Path, objects: list[str]) -> list[bytes]:
    """Each object's bytes, read by a single ``git cat-file --batch``."""
    if not objects:
        return []
    out = _git(top, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in objects).encode())
    found, at = [], 0
    for _ in objects:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        start = header_end + 1
        found.append(out[start:start + size])
        at = start + size + 1
    return found


@contextlib.contextmanager
def tree_at(root: Path, commit: str) -> Iterator[Path]:
    """The tree at ``root`` as it was at ``commit``, written to a temporary
    folder for as long as the context lasts. A tree that did not exist then
    is an empty folder: everything in it is new."""
    top = top_level(root)
    prefix = os.path.relpath(root.resolve(), top.resolve()).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix
    entries = _entries(top, commit, prefix)
    with tempfile.TemporaryDirectory(prefix="rt-") as folder:
        for (mode, _obj, relative), data in zip(entries, _contents(top, [obj for _m, obj, _r in entries])):
            target = Path(folder, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == _LINK:
                with contextlib.suppress(OSError):  # a system without links reads the tree without it
                    os.symlink(os.fsdecode(data), target)
            else:
                target.write_bytes(data)
        yield Path(folder)


def load_tree_at(root: Path, commit: str) -> GoalTree:
    """The goal tree at ``root`` as it was at ``commit``."""
    with tree_at(root, commit) as folder:
        return load_tree(folder)
