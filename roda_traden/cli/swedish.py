"""Swedish for the parts of the command line typer and click write.

Help panels come from typer's rich_utils constants; usage errors are caught
and explained here from the exception's own fields, so no English leaks.
"""

from __future__ import annotations

import re

from typer import core
from typer._click import decorators, formatting
from typer._click import exceptions as click_errors

CLICK_ERRORS = (click_errors.UsageError, click_errors.ClickException)
_TYPE_NAMES = {"<path>": "<sökväg>", "<str>": "<text>", "<int>": "<heltal>", "<bool>": ""}


HELP_FLAGS = ("-h", "--hjälp", "--help")


GROUPS = ("utfall", "aktivitet")


def install(argv: list[str]) -> None:
    # typer's help renderer costs a quarter of rt's start-up; it is imported
    # (and translated) only when help will be shown: asked for, or a command
    # group given without its subcommand.
    if not argv or any(arg in HELP_FLAGS for arg in argv) or argv in ([g] for g in GROUPS):
        _translate_help()


def _translate_help() -> None:
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[krävs]"
    rich_utils.RICH_HELP = "Prova [blue]'{command_path} {help_option}'[/] för hjälp."
    if getattr(formatting.HelpFormatter.write_usage, "swedish", False):
        return
    write_usage = formatting.HelpFormatter.write_usage

    def swedish_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, "Användning: " if prefix is None else prefix)

    swedish_usage.swedish = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = swedish_usage
    help_option = decorators.help_option

    def swedish_help_option(*args, **kwargs):
        decorate = help_option(*args, **kwargs)

        def apply(command):
            result = decorate(command)
            command.params[-1].help = "Visa den här hjälpen och avsluta."
            command.params[-1].metavar = ""
            return result

        return apply

    decorators.help_option = swedish_help_option
    display_type = core._TyperParameter.display_type_rich

    def swedish_type(self, ctx):
        shown = display_type(self, ctx)
        return _TYPE_NAMES.get(shown, shown)

    core._TyperParameter.display_type_rich = swedish_type


def _shown_name(param) -> str:
    """A parameter as the user writes it: --status, or its METAVAR."""
    if param is None:
        return "ett argument"
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return max(param.opts, key=len)
    return param.metavar or param.name.upper()


def explain(error: Exception) -> str:
    if isinstance(error, click_errors.NoSuchOption):
        if re.fullmatch(r"-[\d.,]+", error.option_name):
            return f"{error.option_name} läses som en flagga; skriv negativa värden efter --, t.ex. \"-- {error.option_name}\"."
        guess = f" Menade du {', '.join(error.possibilities)}?" if error.possibilities else ""
        return f"Okänd flagga {error.option_name}.{guess}"
    if isinstance(error, click_errors.MissingParameter):
        return f"Värde saknas för {_shown_name(error.param)}."
    if isinstance(error, click_errors.BadOptionUsage):
        return f"Flaggan {error.option_name} används fel (saknar den ett värde?)."
    if isinstance(error, click_errors.BadParameter):
        return f"Ogiltigt värde för {_shown_name(error.param)}."
    message = getattr(error, "message", str(error))
    # typer raises these two as plain UsageErrors; their words are the only handle.
    if extra := re.search(r"unexpected extra arguments? ?(?:\(s\))? \((.*)\)$", message):
        return f"För många argument: {extra[1]}."
    if command := re.search(r"No such command '([^']*)'", message):
        guess = re.search(r"Did you mean '([^']*)'", message)
        return f"Okänt kommando \"{command[1]}\"." + (f" Menade du \"{guess[1]}\"?" if guess else "")
    return "Kommandot kunde inte tolkas."
