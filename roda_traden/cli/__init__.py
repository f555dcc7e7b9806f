"""The `rt` command. Thin: it parses arguments and calls library functions;
heavy modules are imported inside each command so `rt` starts fast."""

from __future__ import annotations

import os
import sys

DEFAULT_TREE = "goals"


def main(argv: list[str] | None = None) -> None:
    # rt uses no pydantic plugins; skipping the entry-point scan saves start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    args = sys.argv[1:] if argv is None else argv
    if (call := plain_validate(args)) is not None:
        from ..engine.cache import answer

        code = answer(*call)
        if code is not None:
            sys.exit(code)
    from .app import run

    sys.exit(run(args))


def plain_validate(args: list[str]):
    """(arguments, context) of `rt validate` called in the plain forms an
    editor or hook uses, when its output may come from the cache; None for
    anything else, which typer then parses in full."""
    if not args or args[0] != "validate" or os.environ.get("RT_DEBUG"):
        return None
    path, output, strict, period, year = None, "terminal", False, None, None
    rest = iter(args[1:])
    for arg in rest:
        name, equals, value = arg.partition("=")
        if name in ("--format", "-f", "--period", "-p", "--år", "--jobs", "-j") and not equals:
            value = next(rest, None)
            if value is None:
                return None
        if name in ("--format", "-f"):
            output = value
        elif name in ("--period", "-p"):
            period = value
        elif name == "--år":
            if not value.isdigit():
                return None
            year = int(value)
        elif name in ("--jobs", "-j"):
            if not value.isdigit():
                return None
        elif arg == "--strict":
            strict = True
        elif arg.startswith("-") or path is not None:
            return None  # --no-cache, help, unknown flags: the full parser decides
        else:
            path = arg
    from ..domain.context import RunContext

    return arguments(path or DEFAULT_TREE, output, strict), RunContext(report=period, year=year)


def arguments(path: str, output: str, strict: bool) -> tuple:
    """What the output of `rt validate` depends on besides the files and context."""
    from pathlib import Path

    return (str(Path(path)), output, strict)
