"""The `rt` command. Thin: it parses arguments and calls library functions;
heavy modules are imported inside each command so `rt` starts fast."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    # rt uses no pydantic plugins; skipping the entry-point scan saves start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    args = sys.argv[1:] if argv is None else argv
    from .guard import closed_streams

    closed_streams()
    if (call := plain_validate(args)) is not None:
        sys.exit(_validate_fast(call))
    from .app import run

    sys.exit(run(args))


def _validate_fast(call: dict) -> int:
    """`rt validate` without loading typer: from the cache when the same run
    on the same bytes is stored, else checked through the same function the
    typer command calls."""
    from .guard import guarded
    from .validate import summary_target, validate

    def answered() -> int:
        call["path"] = tree_path(call["path"])
        # A stored answer is only what was printed; a job summary needs the run.
        if not call["no_cache"] and summary_target(call["summary"]) is None:
            from ..domain.context import RunContext
            from ..engine.cache import answer

            context = RunContext(report=call["period"], year=call["year"])
            code = answer(arguments(str(call["path"]), call["output"], call["strict"]), context)
            if code is not None:
                return code
        return validate(**call)

    return guarded(answered)


def plain_validate(args: list[str]) -> dict | None:
    """The arguments of `rt validate` called in the plain forms an editor,
    hook or CI job uses; None for anything else (help, unknown flags, odd
    values), which typer then parses and explains in full."""
    if not args or args[0] != "validate" or os.environ.get("RT_DEBUG"):
        return None
    call = {"path": None, "output": "terminal", "strict": False, "jobs": 0, "no_cache": False,
            "period": None, "year": None, "summary": None}
    rest = iter(args[1:])
    for arg in rest:
        # click splits "--format=json" but reads "-f=json" as the value "=json".
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in ("--format", "-f", "--period", "-p", "--år", "--jobs", "-j", "--sammanfattning") and not equals:
            value = next(rest, None)
            if value is None:
                return None
        if name in ("--format", "-f"):
            call["output"] = value
        elif name in ("--period", "-p"):
            call["period"] = value
        elif name == "--sammanfattning":
            if not value:
                return None
            call["summary"] = Path(value)
        elif name in ("--år", "--jobs", "-j"):
            if not value.isascii() or not value.isdigit():
                return None
            call["year" if name == "--år" else "jobs"] = int(value)
        elif arg in ("--strict", "--no-cache"):
            call[arg.removeprefix("--").replace("-", "_")] = True
        elif arg.startswith("-") or call["path"] is not None:
            return None
        else:
            call["path"] = arg
    return call


def tree_path(given: Path | str | None) -> Path:
    """The path a command works on: the one given, else the tree found from
    the working directory upwards (loading/discovery.py)."""
    if given is not None:
        return Path(given)
    from ..loading.discovery import default_tree
    from .guard import UsageProblem

    found = default_tree()
    if not found.exists():
        raise UsageProblem(f"Hittar inget målträd: ingen kommun.yaml i den här mappen eller mapparna ovanför "
                           f"(upp till git-repots rot), och ingen mapp \"{found}\". Ange sökvägen till "
                           "målträdet (mappen med kommun.yaml).")
    return found


def arguments(path: str, output: str, strict: bool) -> tuple:
    """What the output of `rt validate` depends on besides the files and context."""
    return (str(Path(path)), output, strict)
