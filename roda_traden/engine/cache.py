"""Remembering results for trees that have not changed.

`rt validate` in an editor or a pre-commit hook runs again and again on the
same files. A tree whose files, rt's own code, Python and working directory
are all as last time gets its previous result back without importing the
models or rules at all. The cache lives outside the repository (under
$XDG_CACHE_HOME/rt, or $RT_CACHE_DIR), and a clean CI run never has one.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

from ..domain.context import RunContext
from ..loading.discovery import KOMMUN_FILE, yaml_files
from ..loading.source import MAX_BYTES
from ..problems import Problem, Severity
from ..text.files import NotReadable, read_limited
from .result import Result, collect

_FORMAT = 1


def validate_path(path: Path, jobs: int | None = None, context: RunContext | None = None) -> Result:
    """Like validation.validate_path, reusing results of unchanged trees."""
    context = context or RunContext()
    return collect(path, lambda roots: _results(roots, jobs, context))


def _results(roots: list[Path], jobs: int | None, context: RunContext) -> list[Result]:
    keys = [_key(root, context) for root in roots]
    found = [_load(root, key) for root, key in zip(roots, keys)]
    missing = [root for root, result in zip(roots, found) if result is None]
    fresh: dict[Path, Result] = {}
    if missing:
        from .run import validate_trees

        fresh = dict(zip(missing, validate_trees(missing, jobs, context)))
        for root, key in zip(roots, keys):
            if root in fresh:
                _store(root, key, fresh[root])
    return [result if result is not None else fresh[root] for root, result in zip(roots, found)]


def _directory() -> Path:
    base = os.environ.get("RT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rt"
    return Path(base)


def _entry(root: Path) -> Path:
    return _directory() / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32] + ".json")


@functools.cache
def _code_fingerprint() -> str:
    """Changes whenever rt's own code, the libraries that read and check the
    files, or the Python running them do (found without importing them)."""
    package = Path(__file__).parent.parent
    digest = hashlib.sha256(f"{_FORMAT}|{sys.version}".encode())
    files = sorted(package.rglob("*.py"))
    for name in ("pydantic", "pydantic_core", "yaml_rs"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            files.append(Path(spec.origin))
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}".encode())
    return digest.hexdigest()


def _key(root: Path, context: RunContext) -> str:
    # The date is part of the run: deadlines (RT702) pass while files stay the same.
    digest = hashlib.sha256(f"{_code_fingerprint()}|{Path.cwd()}|{context}".encode())
    for path in [root / KOMMUN_FILE, *yaml_files(root)]:
        try:
            content = read_limited(path, MAX_BYTES)
        except NotReadable:
            content = b"\0unreadable"
        digest.update(f"{path.relative_to(root)}|{len(content)}|".encode())
        digest.update(hashlib.blake2b(content).digest())
    return digest.hexdigest()


def _load(root: Path, key: str) -> Result | None:
    try:
        stored = json.loads(_entry(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        if stored["key"] != key:
            return None
        data = stored["result"]
        problems = [Problem(*p[:4], Severity(p[4]), *p[5:]) for p in data["problems"]]
        return Result(problems, data["files"], data["trees"], data["unreadable"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # an entry from an older rt or a damaged file is a miss


def _store(root: Path, key: str, result: Result) -> None:
    """Write the entry atomically; a cache that cannot be written is skipped."""
    document = {
        "key": key,
        "result": {
            "problems": [[p.file, p.line, p.column, p.code, p.severity.value, p.message, p.hint]
                         for p in result.problems],
            "files": result.files,
            "trees": result.trees,
            "unreadable": result.unreadable,
        },
    }
    entry = _entry(root)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=entry.parent, delete=False, encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
        os.replace(handle.name, entry)
    except OSError:
        return
