"""rt on a typer it was not tested with: English help at worst, never a
traceback. cli/swedish.py reaches into typer's private copy of click
(typer._click) only where typer exports nothing public; these tests take
those pieces away and check what the user then sees."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from types import SimpleNamespace

from roda_traden.cli import swedish
from tests.conftest import REPO


def _rt_on_changed_typer(change: str, *args: str) -> subprocess.CompletedProcess:
    """rt in a fresh process after ``change`` has altered the imported typer."""
    program = "import sys\nimport typer\n" + textwrap.dedent(change) + (
        "\nfrom roda_traden.cli import main\nmain(sys.argv[1:])\n")
    return subprocess.run([sys.executable, "-c", program, *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "COLUMNS": "100"})


def test_usage_errors_stay_swedish_without_typers_private_exceptions():
    moved = "sys.modules['typer._click.exceptions'] = None  # gone from where rt looks"
    done = _rt_on_changed_typer(moved, "validate", "--formatt", "json")
    assert (done.returncode, done.stderr) == (2, "rt: Kommandot kunde inte tolkas.\nKör \"rt --hjälp\" för hjälp.\n")
    done = _rt_on_changed_typer(moved, "valdate")
    assert done.returncode == 2
    assert done.stderr.startswith("rt: Okänt kommando \"valdate\".")


def test_help_falls_back_to_typers_own_usage_line():
    # A formatter whose write_usage takes no prefix, as click's did not always.
    no_prefix = """
        from typer._click import formatting
        original = formatting.HelpFormatter.write_usage
        formatting.HelpFormatter.write_usage = lambda self, prog, args="": original(self, prog, args)
    """
    done = _rt_on_changed_typer(no_prefix, "validate", "--hjälp")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Usage: rt validate" in done.stdout
    assert "Flaggor" in done.stdout  # the rest is still translated


def test_translation_skips_what_typer_does_not_have(monkeypatch):
    monkeypatch.setattr(swedish, "core", SimpleNamespace(TyperCommand=type("TyperCommand", (), {})))
    swedish._translate_help()  # nothing to wrap: no error


def test_explain_reads_only_fields_that_exist():
    class Strange(Exception):
        pass

    assert swedish.explain(Strange("something new")) == "Kommandot kunde inte tolkas."
    assert swedish._shown_name(SimpleNamespace(param_type_name="argument", opts=[], metavar=None, name=None)) == (
        "ett argument")
