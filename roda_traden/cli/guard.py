"""How every `rt` command ends: a usage mistake, an interrupt, a closed
pipe, a file the system refuses or a bug in rt each become a Swedish line on
stderr and an exit code, never a traceback. Free of typer, so the fast path
of `rt validate` ends exactly as the full command line does."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from ..text.printable import printable


class UsageProblem(Exception):
    """A mistake in how rt was called: printed in Swedish, exit code 2."""


def guarded(call: Callable[[], int]) -> int:
    """Run ``call`` and return its exit code, or the code of what stopped it."""
    try:
        return call()
    except UsageProblem as error:
        _say(f"rt: {printable(str(error))}\nKör \"rt --hjälp\" för hjälp.")
        return 2
    except KeyboardInterrupt:
        _say("Avbrutet.")
        return 130
    except BrokenPipeError:
        return broken_pipe()
    except OSError as error:
        from ..text.files import reason

        where = error.filename or "In- eller utdata"
        _say(printable(f"rt: {where}: {reason(error)}."))
        return 2
    except Exception as error:
        if os.environ.get("RT_DEBUG"):
            raise
        _say(f"rt: Internt fel i rt ({type(error).__name__}: {printable(str(error))}). Det är en bugg, inte ett fel i "
             "filerna; kör igen med RT_DEBUG=1 för detaljer och rapportera gärna.")
        return 3


def broken_pipe() -> int:
    """The reader went away (rt … | head): stop quietly. The exit code is 1,
    as click and rich give for the same, since the output was cut short."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def closed_streams() -> None:
    """Run with stdout or stderr closed (rt … >&-): write nowhere, keep the exit code."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as rt


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def checked_year(value: int | None) -> int | None:
    """--år as the files allow years: 1990–2100."""
    if value is not None and not 1990 <= value <= 2100:
        raise UsageProblem(f"Ogiltigt år {value}: ange ett årtal mellan 1990 och 2100, t.ex. --år 2024.")
    return value
