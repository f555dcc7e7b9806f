"""Commands of `rt`, in Swedish for the user."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from . import swedish

app = typer.Typer(
    name="rt",
    help="rt – den röda tråden. Kontrollerar kommunens målkedja (vision → kommunmål → KF-mål → "
    "nämndmål → mått) som YAML i git.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": list(swedish.HELP_FLAGS)},
    options_metavar="[FLAGGOR]",
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
)

DEFAULT_TREE = Path("goals")


class UsageProblem(Exception):
    """A mistake in how rt was called: printed in Swedish, exit code 2."""


@app.command("validate")
def validate(
    path: Path = typer.Argument(DEFAULT_TREE, metavar="SÖKVÄG", help="Målträd (mapp med kommun.yaml), mapp med flera träd, eller en fil."),
    output: str = typer.Option("terminal", "--format", "-f", metavar="FORMAT", help="Utdata: terminal, json eller github."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Avsluta med kod 1 även när det bara finns varningar."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="ANTAL", help="Parallella processer för många målträd (0 = en per kärna)."),
    no_cache: bool = typer.Option(False, "--no-cache", metavar="", help="Kontrollera allt på nytt, även oförändrade målträd."),
) -> None:
    """Kontrollera målträdet: länkar, SMART, målvärden, fokus och internbudget.

    Avslutas med 0 utan fel, 1 vid fel (eller varningar med --strict) och 2 om
    indata inte kan läsas.
    """
    from ..formatters import FORMATS, render

    if no_cache:
        from ..validation import validate_path
    else:
        from ..cache import validate_path

    if output not in FORMATS:
        raise UsageProblem(f"Okänt format \"{output}\". Välj bland: {', '.join(FORMATS)}.")
    if not path.exists():
        raise UsageProblem(f"Sökvägen \"{path}\" finns inte.")
    if path.is_file() and path.suffix not in (".yaml", ".yml"):
        raise UsageProblem(f"\"{path}\" är inte en YAML-fil; ange ett målträd eller en fil i det.")
    result = validate_path(path, jobs=jobs or None)
    if not result.trees:
        raise UsageProblem(f"Hittar ingen kommun.yaml i eller under \"{path}\".")
    render(output, result, sys.stdout)
    raise typer.Exit(result.exit_code(strict))


@app.command("schema")
def schema(
    kind: str = typer.Argument("verksamhetsplan", metavar="FILTYP", help="Filtyp: kommun, verksamhetsplan, handlingsplan eller uppfoljning."),
    out: Path | None = typer.Option(None, "--ut", metavar="MAPP", help="Skriv alla filtypers scheman till den här mappen."),
) -> None:
    """Skriv ut JSON-schema för en filtyp, för redigerarens YAML-stöd."""
    import json

    from ..schema import KINDS, json_schema

    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name in KINDS:
            text = json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
            (out / f"{name}.schema.json").write_text(text, encoding="utf-8")
        typer.echo(f"Skrev {len(KINDS)} scheman till {out}.")
        return
    if kind not in KINDS:
        raise UsageProblem(f"Okänd filtyp \"{kind}\". Välj bland: {', '.join(KINDS)}.")
    typer.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


@app.command("rules")
def rules(
    code: str | None = typer.Argument(None, metavar="KOD", help="Visa dokumentationen för en regel, t.ex. RT203."),
    markdown: bool = typer.Option(False, "--markdown", metavar="", help="Skriv hela regeldokumentationen (docs/rules.md)."),
) -> None:
    """Lista reglerna med kod, nivå och sammanfattning."""
    from ..rules.registry import RULES, RULES_BY_CODE

    if markdown:
        from ..rules.docs import render

        sys.stdout.write(render())
        return
    if code is not None:
        rule = RULES_BY_CODE.get(code.upper())
        if rule is None:
            raise UsageProblem(f"Okänd regel \"{code}\". \"rt rules\" listar alla.")
        typer.echo(f"{rule.code} ({rule.name}, {rule.severity.value}): {rule.summary}\n{rule.description}")
        return
    for rule in RULES:
        typer.echo(f"{rule.code}  {rule.severity.value:<8} {rule.name:<32} {rule.summary}")


def run(argv: list[str]) -> int:
    """Run the app and return the exit code; usage errors in Swedish."""
    swedish.install(argv)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="rt", standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except (UsageProblem, *swedish.CLICK_ERRORS) as error:
        explained = str(error) if isinstance(error, UsageProblem) else swedish.explain(error)
        typer.echo(f"rt: {explained}\nKör \"rt --hjälp\" för hjälp.", err=True)
        return 2
    except KeyboardInterrupt:
        typer.echo("Avbrutet.", err=True)
        return 130
    except OSError as error:
        from ..loading.files import reason

        typer.echo(f"rt: {error.filename or 'Filen'}: {reason(error)}.", err=True)
        return 2
    except Exception as error:
        if os.environ.get("RT_DEBUG"):
            raise
        typer.echo(f"rt: Internt fel i rt ({type(error).__name__}: {error}). Det är en bugg, inte ett fel i "
                   "filerna; kör igen med RT_DEBUG=1 för detaljer och rapportera gärna.", err=True)
        return 3
    return code if isinstance(code, int) else 0
