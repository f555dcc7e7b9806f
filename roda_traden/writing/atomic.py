"""Replacing a file so that a crash never leaves half of it, and so that two
writers at once never lose each other's change."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; writers are not serialised there
    fcntl = None  # type: ignore[assignment]

# How long a writer waits for another to finish (the wait is milliseconds in practice).
LOCK_TIMEOUT = 10.0
_TEMPORARY = ".tmp"


class Busy(Exception):
    """Another writer holds the folder's lock longer than LOCK_TIMEOUT."""


@contextlib.contextmanager
def locked(directory: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` while a file in it is read,
    changed and replaced. The lock is on the folder itself, so no lock file
    is left in the tree for git to see; os.replace changes a file's inode,
    so locking the file would not serialise writers."""
    if fcntl is None:
        yield
        return
    handle = os.open(directory, os.O_RDONLY)
    try:
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(str(directory)) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def remove_leftovers(path: Path) -> None:
    """Delete temporary files a killed writer of ``path`` left behind. Call
    it holding the folder's lock: then no writer is using them."""
    for directory in {path.parent, _temporary_dir(path)}:
        for leftover in directory.glob(f".{path.name}.*{_TEMPORARY}"):
            leftover.unlink(missing_ok=True)


def _temporary_dir(path: Path) -> Path:
    """Where a new version of ``path`` is written before it replaces it: the
    repository's .git folder, which git never lists and rt never reads, so a
    writer killed mid-way leaves nothing in the tree; else the file's folder."""
    for directory in path.resolve().parents:
        if (directory / ".git").is_dir():
            return directory / ".git"
    return path.parent


def _default_mode() -> int:
    """What a new file would get from open(): 0o666 less the umask (the
    temporary file is created 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write a temporary file, then rename it over the file; keep its
    permissions. The temporary file is in the repository's .git folder when
    there is one, else beside the file (a dot name ending in .tmp, which rt
    never reads). Text is written as UTF-8, bytes (a PDF, a .docx) as they are."""
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    for directory in dict.fromkeys([_temporary_dir(path), path.parent]):
        try:
            handle = tempfile.NamedTemporaryFile(**_file_mode(text), dir=directory,
                                                 prefix=f".{path.name}.", suffix=_TEMPORARY, delete=False)
        except OSError as error:  # name the file the user asked for, not the temporary one
            if directory != path.parent:
                continue
            raise OSError(error.errno, error.strerror, str(path)) from None
        try:
            with handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, mode)
            os.replace(handle.name, path)
            return
        except OSError as error:
            Path(handle.name).unlink(missing_ok=True)
            if error.errno == errno.EXDEV and directory != path.parent:
                continue  # .git on another file system: write beside the file instead
            raise
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise


def write_report(path: Path, text: str | bytes) -> None:
    """A rendered document to ``path`` as the user means it: through a
    symbolic link, into a device or pipe as it is (/dev/stdout), in place
    where the file has other hard links; else atomically."""
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and (not target.is_file() or target.stat().st_nlink > 1):
        with target.open(**_file_mode(text)) as handle:
            handle.write(text)
        return
    write_atomically(target, text)


def _file_mode(text: str | bytes) -> dict[str, str]:
    """open()'s mode, and for text its encoding and newline, for writing ``text``."""
    return {"mode": "wb"} if isinstance(text, bytes) else {"mode": "w", "encoding": "utf-8", "newline": ""}
