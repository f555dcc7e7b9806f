"""A goal tree in a real git repository, committed with real git, for the
tests of rt diff and rt validate --jämför."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import BASE_TREE, make_tree

PLAN = "namnder/von/verksamhetsplan-2024.yaml"
REPORT = "namnder/von/uppfoljning-2024-bokslut.yaml"
BOOKED = """organisation: VON
år: 2024
uppföljning: bokslut
datum: 2025-02-14
utfall:
  - mått: nojdhet-hemtjanst
    värde: 73 %
    avser: 2024-12-31
"""


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Controller", "-c", "user.email=c@kommun.se", *args],
                          cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit_all(folder: Path, message: str = "Första versionen") -> str:
    """Commit everything in ``folder``, a repository from now on if it was not; the new commit."""
    if not (folder / ".git").exists():
        git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A", ".")
    git(folder, "commit", "-q", "--allow-empty", "-m", message)
    return git(folder, "rev-parse", "HEAD")


class Repo:
    """A repository at ``path`` whose goal tree is ``path/goals``, a copy of the rule cases' base tree."""

    def __init__(self, path: Path, files: dict[str, str] | None = None) -> None:
        self.path = path
        self.tree = make_tree(path / "goals", files or {}, BASE_TREE)
        commit_all(path)

    def git(self, *args: str) -> str:
        return git(self.path, *args)

    def commit(self, message: str) -> str:
        return commit_all(self.path, message)

    def read(self, name: str) -> str:
        return (self.tree / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        (self.tree / name).parent.mkdir(parents=True, exist_ok=True)
        (self.tree / name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, old
        self.write(name, text.replace(old, new, 1))
