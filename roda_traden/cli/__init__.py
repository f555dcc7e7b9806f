"""The `rt` command. Thin: it parses arguments and calls library functions;
heavy modules are imported inside each command so `rt` starts fast."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    # rt uses no pydantic plugins; skipping the entry-point scan saves start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    from .app import run

    sys.exit(run(sys.argv[1:] if argv is None else argv))
