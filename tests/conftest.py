"""Shared test helpers: building small goal trees on disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BASE_TREE = REPO / "tests" / "rules" / "base"
EXAMPLE = REPO / "examples" / "oxelosund-2023"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "1")
    # Run inside GitHub Actions, rt validate would append to the real job summary.
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    # Each test gets its own result cache, so no test sees another's results.
    monkeypatch.setenv("RT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def make_tree(target: Path, files: dict[str, str | bytes], base: Path = BASE_TREE) -> Path:
    """Copy ``base`` to ``target`` and write ``files`` over it (None deletes)."""
    shutil.copytree(base, target)
    for name, content in files.items():
        path = target / name
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return target


@pytest.fixture
def in_dir(tmp_path):
    """Run with tmp_path as the working directory, so problem paths are short."""
    old = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)
