"""`rt webb`: the site rendered (rendering/site.py) and written into its
folder, file by file atomically, never over files rt did not write."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from .guard import UsageProblem

# In the output folder: the files the last `rt webb` wrote there. It tells an
# earlier site from a folder of someone else's files, and which pages a new
# build no longer has.
MARKER = ".rt-webb.json"
_OWN_SUFFIXES = (".html", ".css", ".js")


def build(tree, out: Path, year: int | None, period: str | None) -> tuple[int, int]:
    """Write the site of ``tree`` into ``out``; return (files written, old pages removed)."""
    from ..rendering.site import SiteRefused, build_site, render_site

    previous = _previous_files(out)
    try:
        files = render_site(build_site(tree, year, period))
    except SiteRefused as error:
        raise UsageProblem(str(error)) from None
    return _write(out, files, previous)


def _previous_files(out: Path) -> set[str]:
    """What an earlier `rt webb` wrote into ``out``; refuses a folder with other files."""
    if out.exists() and not out.is_dir():
        raise UsageProblem(f"\"{out}\" är en fil, inte en mapp; ange en mapp för webbplatsen med -o.")
    marker = out / MARKER
    if not marker.is_file():
        if out.is_dir() and any(out.iterdir()):
            raise UsageProblem(f"Mappen \"{out}\" är inte tom och innehåller ingen webbplats från rt webb "
                               f"(filen {MARKER} saknas). Ange en tom eller ny mapp, så skrivs inget över.")
        return set()
    try:
        listed = json.loads(marker.read_text(encoding="utf-8")).get("filer", [])
    except (ValueError, AttributeError, UnicodeDecodeError):
        listed = []  # a damaged list: remove nothing, overwrite only what this build writes
    return {name for name in listed if isinstance(name, str) and _own(name)}


def _own(name: str) -> bool:
    """A path rt webb could have written: inside the folder, one of its kinds of file."""
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name.endswith(_OWN_SUFFIXES)


def _write(out: Path, files: dict[str, str], previous: set[str]) -> tuple[int, int]:
    from ..writing.atomic import write_atomically

    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        # Unchanged pages keep their file, so a publishing job sees only what changed.
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
            continue
        write_atomically(path, text)
        written += 1
    removed = 0
    for name in sorted(previous - files.keys()):
        path = out / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
            _remove_empty_folders(path.parent, out)
    listing = json.dumps({"skriven-av": "rt webb", "filer": sorted(files)}, ensure_ascii=False, indent=1)
    write_atomically(out / MARKER, listing + "\n")
    return written, removed


def _remove_empty_folders(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
