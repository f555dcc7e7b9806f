"""Remembering results for trees that have not changed.

`rt validate` in an editor or a pre-commit hook runs again and again on the
same files. The cache lives outside the repository (under
$XDG_CACHE_HOME/rt, or $RT_CACHE_DIR), and a clean CI run never has one.

- A result is stored under a key made of the digests of the bytes the run
  actually validated (not of what was on disk before it started), rt's own
  code, the working directory and the run's context (report, year, date).
  A file saved during a run therefore can never be served stale.
- Looking a tree up stats its files first and re-reads only those whose
  size, mtime or inode changed since they were last hashed; a file changed
  within the last two seconds is always re-read, as git does for racily
  clean files.
- Each tree keeps several entries (another --period or working directory
  does not evict the last), the oldest pruned.
- `rt validate` with the same arguments, output format and environment gets
  its previous output back before typer, pydantic or rich are imported
  (`answer`), byte for byte as the full run wrote it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from ..domain.context import RunContext
from ..loading.discovery import KOMMUN_FILE, leaves_tree, link_digest, yaml_files
from ..loading.source import MAX_BYTES
from ..problems import Problem, Severity
from ..text.files import UNREADABLE, NotReadable, content_digest, read_limited
from .result import Result, collect, roots_of

_FORMAT = 2
RESULTS_PER_TREE = 8
RUNS_KEPT = 64
STALE_SECONDS = 30 * 24 * 3600
# Files modified this recently are hashed again however their stat looks.
RACY_NS = 2_000_000_000
# What rich and the terminal formatter read from the environment.
_OUTPUT_ENVIRONMENT = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
                       "COLUMNS", "LINES", "CLICOLOR", "CLICOLOR_FORCE", "JUPYTER_COLUMNS", "JUPYTER_LINES")


def validate_path(path: Path, jobs: int | None = None, context: RunContext | None = None) -> Result:
    """Like engine.run.validate_path, reusing results of unchanged trees."""
    context = context or RunContext()
    return collect(path, lambda roots: _results(roots, jobs, context))


def _results(roots: list[Path], jobs: int | None, context: RunContext) -> list[Result]:
    digests = {root: _current_digests(root) for root in roots}
    found = {root: _load(root, _key(root, digests[root], context)) for root in roots}
    missing = [root for root in roots if found[root] is None]
    if missing:
        from .run import validate_trees

        for root, result in zip(missing, validate_trees(missing, jobs, context)):
            validated = _relative(root, result.digests)
            _store(root, _key(root, validated, context), result)
            found[root] = result
    return [found[root] for root in roots]


def _directory() -> Path:
    base = os.environ.get("RT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rt"
    return Path(base) / f"v{_FORMAT}"


def _tree_directory(root: Path) -> Path:
    return _directory() / hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]


@functools.cache
def _code_fingerprint() -> str:
    """Changes whenever rt's own code, the libraries that read and check the
    files, or the Python running them do (found without importing them)."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{_FORMAT}|{sys.version}".encode())
    files = sorted(package.rglob("*.py"))
    for name in ("pydantic", "pydantic_core", "yaml_rs", "ruamel.yaml", "rich"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            files.append(Path(spec.origin))
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}".encode())
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    """The files a run of the tree reads, as the loader finds them."""
    return [root / KOMMUN_FILE, *(p for p in yaml_files(root) if p != root / KOMMUN_FILE)]


def _relative(root: Path, absolute: dict[str, str]) -> dict[str, str]:
    base = str(root.absolute())
    return {os.path.relpath(name, base): digest for name, digest in absolute.items()}


def _current_digests(root: Path) -> dict[str, str]:
    """Each file's digest as it is on disk now: from the stat table where the
    file's size, mtime and inode are as when it was hashed, else read anew."""
    table = _read_json(_tree_directory(root) / "stat.json") or {}
    known = table.get("files", {}) if isinstance(table.get("files"), dict) else {}
    now = time.time_ns()
    found, table_now = {}, {}
    for path in _files(root):
        name = os.path.relpath(path, root)
        if leaves_tree(root, path):
            found[name] = link_digest(path)
            continue
        try:
            info = path.stat()
            stamp = [info.st_size, info.st_mtime_ns, info.st_ino]
        except OSError:
            found[name] = UNREADABLE
            continue
        entry = known.get(name)
        if isinstance(entry, list) and len(entry) == 4 and entry[:3] == stamp and now - stamp[1] > RACY_NS:
            found[name] = entry[3]
            table_now[name] = entry
            continue
        try:
            found[name] = content_digest(read_limited(path, MAX_BYTES))
        except NotReadable:
            found[name] = UNREADABLE
            continue
        # The stat was taken before the read: a later change moves the mtime,
        # except within the same clock tick, which the racy window covers.
        if now - stamp[1] > RACY_NS:
            table_now[name] = [*stamp, found[name]]
    if table_now != known:
        _write_json(_tree_directory(root) / "stat.json", {"files": table_now})
    return found


def _key(root: Path, digests: dict[str, str], context: RunContext) -> str:
    # The date is part of the run: deadlines (RT702) pass while files stay the same.
    digest = hashlib.sha256(f"{_code_fingerprint()}|{Path.cwd()}|{context}".encode())
    for name in sorted(digests):
        digest.update(f"{name}|{digests[name]}\n".encode())
    return digest.hexdigest()


def _load(root: Path, key: str) -> Result | None:
    stored = _read_json(_tree_directory(root) / f"{key[:40]}.json")
    try:
        if stored is None or stored["key"] != key:
            return None
        data = stored["result"]
        problems = [Problem(*p[:4], Severity(p[4]), *p[5:]) for p in data["problems"]]
        result = Result(problems, data["files"], data["trees"], data["unreadable"])
        result.digests = {str(root.absolute() / name): d for name, d in data["digests"].items()}
        return result
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None  # an entry from an older rt or a damaged file is a miss


def _store(root: Path, key: str, result: Result) -> None:
    document = {
        "key": key,
        "result": {
            "problems": [[p.file, p.line, p.column, p.code, p.severity.value, p.message, p.hint]
                         for p in result.problems],
            "files": result.files,
            "trees": result.trees,
            "unreadable": result.unreadable,
            "digests": _relative(root, result.digests),
        },
    }
    directory = _tree_directory(root)
    if _write_json(directory / f"{key[:40]}.json", document):
        _prune(directory, RESULTS_PER_TREE, keep={"stat.json"})
        _prune_trees()


def _prune(directory: Path, keep_newest: int, keep: set[str] = frozenset()) -> None:
    try:
        entries = sorted((p for p in directory.iterdir() if p.suffix == ".json" and p.name not in keep),
                         key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[keep_newest:]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def _prune_trees() -> None:
    """Forget trees no run has looked at for a month (moved or deleted checkouts)."""
    now = time.time()
    try:
        for directory in _directory().iterdir():
            if directory.is_dir() and directory.name != "runs" and now - directory.stat().st_mtime > STALE_SECONDS:
                for entry in directory.iterdir():
                    entry.unlink(missing_ok=True)
                directory.rmdir()
    except OSError:
        return


def _read_json(path: Path):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, document: dict) -> bool:
    """Write atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8",
                                             prefix=".", suffix=".tmp")
    except OSError:
        return False
    try:
        with handle:
            json.dump(document, handle, ensure_ascii=False)
        os.replace(handle.name, path)
    except OSError:
        Path(handle.name).unlink(missing_ok=True)
        return False
    return True


# The whole output of a run, for answering before the heavy imports.

def _run_key(arguments: tuple, context: RunContext, digests: dict[str, str]) -> str | None:
    """Key of one `rt validate` call's output: its arguments, everything its
    output depends on, and the digest of every file it read."""
    stdout = sys.stdout
    if stdout is None or stdout.isatty() or (stdout.encoding or "").lower().replace("-", "") != "utf8":
        return None  # colours and width on a terminal: not worth reproducing
    environment = [os.environ.get(name) for name in _OUTPUT_ENVIRONMENT]
    digest = hashlib.sha256(json.dumps([_code_fingerprint(), str(Path.cwd()), list(arguments), str(context),
                                        environment], ensure_ascii=False).encode())
    for name in sorted(digests):
        digest.update(f"{name}|{digests[name]}\n".encode())
    return digest.hexdigest()


def remember_output(arguments: tuple, context: RunContext, result: Result, output: str, exit_code: int) -> None:
    """Store what a full `rt validate` wrote, for ``answer`` next time."""
    key = _run_key(arguments, context, result.digests)
    if key is not None and _write_json(_directory() / "runs" / f"{key[:40]}.json",
                                       {"key": key, "output": output, "exit": exit_code}):
        _prune(_directory() / "runs", RUNS_KEPT)


def answer(arguments: tuple, context: RunContext) -> int | None:
    """Write the stored output of the same `rt validate` on the same files
    and return its exit code; None when there is none (run it in full)."""
    path = Path(arguments[0])
    if not path.exists():
        return None
    digests = {}
    for root in roots_of(path):
        digests.update({str(root.absolute() / name): d for name, d in _current_digests(root).items()})
    if not digests:
        return None
    key = _run_key(arguments, context, digests)
    stored = _read_json(_directory() / "runs" / f"{key[:40]}.json") if key else None
    if stored is None or stored.get("key") != key or not isinstance(stored.get("output"), str) \
            or not isinstance(stored.get("exit"), int):
        return None
    try:
        sys.stdout.write(stored["output"])
        sys.stdout.flush()
    except BrokenPipeError:
        # As the full run ends on a closed pipe (cli/guard.py).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return stored["exit"]
