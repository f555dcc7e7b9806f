"""`rt validate` itself, free of typer: the typer command and the fast path
for the plain forms an editor, hook or CI job uses both call it, so their
output and exit codes cannot drift apart."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import arguments, tree_path
from .diff import compared_commit
from .guard import UsageProblem, checked_year

if TYPE_CHECKING:
    from ..engine.result import Result


def validate(path: Path | None, output: str = "terminal", strict: bool = False, jobs: int = 0, no_cache: bool = False,
             period: str | None = None, year: int | None = None, compare: str | None = None,
             summary: Path | None = None) -> int:
    """Check the tree(s) at ``path`` (None: the tree found from the working
    directory), print the problems in ``output`` format and return the exit
    code; with ``compare`` (a git revision), also against the tree as it was
    then. The job summary goes to ``summary_target(summary)``, if any."""
    from ..formatters import FORMATS, render
    from ..loading.discovery import YAML_SUFFIXES

    path = tree_path(path)  # first, as the fast path of `rt validate` does before asking the cache
    checked_year(year)
    commit = compared_commit(path, compare) if compare is not None else None
    if no_cache or commit is not None:
        # Against an earlier version the result depends on more than the files' bytes: never cached.
        from ..engine.run import validate_path

        validate_path = functools.partial(validate_path, compare=commit)
    else:
        from ..engine.cache import validate_path

    if output not in FORMATS:
        raise UsageProblem(f"Okänt format \"{output}\". Välj bland: {', '.join(FORMATS)}.")
    if not path.exists():
        raise UsageProblem(f"Sökvägen \"{path}\" finns inte.")
    if path.is_file() and path.suffix.lower() not in YAML_SUFFIXES:
        raise UsageProblem(f"\"{path}\" är inte en YAML-fil; ange ett målträd eller en fil i det.")
    from ..domain.calendar import UnknownReport
    from ..domain.context import RunContext

    context = RunContext(report=period, year=year)
    try:
        result = validate_path(path, jobs=jobs or None, context=context)
    except UnknownReport as error:
        raise UsageProblem(str(error)) from None
    if not result.trees:
        raise UsageProblem(f"Hittar ingen kommun.yaml i eller under \"{path}\".")
    code = result.exit_code(strict)
    if no_cache or commit is not None or sys.stdout.isatty():
        render(output, result, sys.stdout)
    else:
        import io

        from ..engine.cache import remember_output

        buffer = io.StringIO()
        render(output, result, buffer)
        sys.stdout.write(buffer.getvalue())
        remember_output(arguments(str(path), output, strict), context, result, buffer.getvalue(), code)
    if (target := summary_target(summary)) is not None:
        _write_summary(result, target, str(path), from_environment=summary is None)
    return code


def summary_target(summary: Path | None) -> Path | None:
    """Where the job summary goes: the file named, else the one GitHub
    Actions names for the step, else nowhere."""
    if summary is not None:
        return summary
    step = os.environ.get("GITHUB_STEP_SUMMARY")
    return Path(step) if step else None


def _write_summary(result: Result, target: Path, checked: str, from_environment: bool) -> None:
    from ..formatters.job_summary import append
    from ..text.files import reason

    sys.stdout.flush()
    try:
        append(result, target, checked)
    except OSError as error:
        named = " (GITHUB_STEP_SUMMARY)" if from_environment else ""
        raise UsageProblem(f"Kan inte skriva jobbsammanfattningen till \"{target}\"{named}: {reason(error)}. "
                           "Ange en fil i en mapp som finns, med --sammanfattning FIL.") from None
