"""Swedish for the parts of the command line typer and click write.

Help panels come from typer's rich_utils constants; usage errors are caught
and explained here from the exception's own fields, so no English leaks.

typer has run on two different clicks. Up to 0.25 it depends on the click
package, and rt uses click's public API. From 0.26 typer carries its own
copy, ``typer._click``, which is private: nothing in it is promised, so every
name rt takes from it is looked up with a fallback. If a later typer moves
something, help is shown untranslated and a usage error gets a plain Swedish
message, but rt never stops with a traceback.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Any

import typer
from typer import core

_TYPE_NAMES = {"<path>": "<sökväg>", "<str>": "<text>", "<int>": "<heltal>", "<bool>": "",
               "<list[Path]>": "<sökvägar>", "<list[str]>": "<texter>"}
_USAGE = "Användning: "
_HELP_TEXT = "Visa den här hjälpen och avsluta."

HELP_FLAGS = ("-h", "--hjälp", "--help")




def _errors_module() -> ModuleType | None:
    """Where the click exception classes typer raises are defined."""
    # typer.BadParameter is public in every typer; where it comes from says
    # which click this typer runs on.
    if typer.BadParameter.__module__.partition(".")[0] == "click":
        import click

        return click
    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:
        return None


class _NeverRaised(Exception):
    """Stands in for an exception class this typer does not have."""


_ERRORS = _errors_module()


def _error_class(name: str) -> type[BaseException]:
    found = getattr(_ERRORS, name, None)
    return found if isinstance(found, type) and issubclass(found, BaseException) else _NeverRaised


def _usage_errors() -> tuple[type[BaseException], ...]:
    # TyperException is public where it exists (typer 0.29 makes it click's
    # base); ClickException covers the rest. Neither found: an unknown
    # usage error reaches rt's "internal error" message, still no traceback.
    found = [cls for cls in (getattr(typer, "TyperException", None), _error_class("ClickException"))
             if isinstance(cls, type) and cls is not _NeverRaised]
    return tuple(found)


CLICK_ERRORS = _usage_errors()
NO_SUCH_OPTION = _error_class("NoSuchOption")
MISSING_PARAMETER = _error_class("MissingParameter")
BAD_OPTION_USAGE = _error_class("BadOptionUsage")
BAD_PARAMETER: type[BaseException] = typer.BadParameter


def install(argv: list[str], groups: list[str]) -> None:
    # typer's help renderer costs a quarter of rt's start-up; it is imported
    # (and translated) only when help will be shown: asked for, or a command
    # group (``groups``: "utfall", "new" …) given without its subcommand.
    if not argv or any(arg in HELP_FLAGS for arg in argv) or argv in ([g] for g in groups):
        _translate_help()


def _translate_help() -> None:
    try:
        from typer import rich_utils
    except ImportError:  # typer without rich: its plain help, translated below where it can be
        pass
    else:
        rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
        rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
        rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
        rich_utils.ERRORS_PANEL_TITLE = "Fel"
        rich_utils.ABORTED_TEXT = "Avbrutet."
        rich_utils.DEFAULT_STRING = "[standard: {}]"
        rich_utils.REQUIRED_LONG_STRING = "[krävs]"
        rich_utils.RICH_HELP = "Prova [blue]'{command_path} {help_option}'[/] för hjälp."
    # typer's public command and parameter classes, overriding click's
    # public methods (format_usage, get_help_option): the same names in the
    # click package and in typer's copy of it.
    for command_class in (getattr(core, "TyperCommand", None), getattr(core, "TyperGroup", None)):
        _wrap(command_class, "format_usage", _swedish_usage)
        _wrap(command_class, "get_help_option", _swedish_help_option)
    for parameter_class in (getattr(core, "TyperArgument", None), getattr(core, "TyperOption", None)):
        _wrap(parameter_class, "display_type_rich", _swedish_type)


def _wrap(owner: Any, name: str, make: Any) -> None:
    """Replace ``owner.name`` by ``make(original)``, once, if it exists."""
    original = getattr(owner, name, None) if owner is not None else None
    if original is None or getattr(original, "swedish", False):
        return
    replacement = make(original)
    replacement.swedish = True
    setattr(owner, name, replacement)


def _swedish_usage(original: Any) -> Any:
    def format_usage(self, ctx, formatter) -> None:
        try:
            pieces = self.collect_usage_pieces(ctx)
            formatter.write_usage(ctx.command_path, " ".join(pieces), _USAGE)
        except (AttributeError, TypeError):  # an unexpected typer: its own English usage line
            original(self, ctx, formatter)

    return format_usage


def _swedish_help_option(original: Any) -> Any:
    def get_help_option(self, ctx):
        option = original(self, ctx)
        if option is not None:
            option.help = _HELP_TEXT
            # A flag takes no value; without this the type column says <bool>.
            option.metavar = ""
            # click collects the names in a set: without an order of its own
            # the help differs from run to run (PYTHONHASHSEED).
            option.opts = sorted(option.opts, key=lambda name: HELP_FLAGS.index(name) if name in HELP_FLAGS else 99)
        return option

    return get_help_option


def _swedish_type(original: Any) -> Any:
    def display_type_rich(self, ctx):
        shown = original(self, ctx)
        return _TYPE_NAMES.get(shown, shown)

    return display_type_rich


def _shown_name(param) -> str:
    """A parameter as the user writes it: --status, or its METAVAR."""
    if param is None:
        return "ett argument"
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return max(param.opts, key=len)
    return param.metavar or (param.name or "").upper() or "ett argument"


def explain(error: Exception) -> str:
    if isinstance(error, NO_SUCH_OPTION):
        name = getattr(error, "option_name", "")
        if re.fullmatch(r"-[\d.,]+", name):
            return f"{name} läses som en flagga; skriv negativa värden efter --, t.ex. \"-- {name}\"."
        possibilities = getattr(error, "possibilities", None)
        guess = f" Menade du {', '.join(possibilities)}?" if possibilities else ""
        return f"Okänd flagga {name}.{guess}"
    if isinstance(error, MISSING_PARAMETER):
        return f"Värde saknas för {_shown_name(getattr(error, 'param', None))}."
    if isinstance(error, BAD_OPTION_USAGE):
        return f"Flaggan {getattr(error, 'option_name', '')} används fel (saknar den ett värde?)."
    if isinstance(error, BAD_PARAMETER):
        return f"Ogiltigt värde för {_shown_name(getattr(error, 'param', None))}."
    message = getattr(error, "message", str(error))
    # typer raises these two as plain UsageErrors; their words are the only handle.
    if extra := re.search(r"unexpected extra arguments? ?(?:\(s\))? \((.*)\)$", message):
        return f"För många argument: {extra[1]}."
    if command := re.search(r"No such command '([^']*)'", message):
        guess = re.search(r"Did you mean '([^']*)'", message)
        return f"Okänt kommando \"{command[1]}\"." + (f" Menade du \"{guess[1]}\"?" if guess else "")
    return "Kommandot kunde inte tolkas."
