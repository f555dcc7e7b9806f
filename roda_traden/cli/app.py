"""Commands of `rt`, in Swedish for the user."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..text.printable import printable
from . import swedish, tree_path
from .guard import UsageProblem, guarded
from .guard import checked_year as _year

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

# Without a path, commands work on the tree found from the working directory upwards.
FOUND_TREE = "Standard: närmaste mapp med kommun.yaml här eller uppåt (inom git-repot), annars goals/."


def _version(asked: bool) -> None:
    if asked:
        typer.echo(f"rt version {version()}")
        raise typer.Exit(0)


def version() -> str:
    """rt's version as installed, or as the source says when run from a checkout."""
    from importlib import metadata

    try:
        return metadata.version("roda-traden")
    except metadata.PackageNotFoundError:
        from .. import __version__

        return __version__


@app.callback()
def _options(
    _: bool = typer.Option(False, "--version", "-V", metavar="", is_eager=True, callback=_version,
                           help="Visa rt:s version och avsluta."),
) -> None:
    pass


@app.command("validate")
def validate(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträd (mapp med kommun.yaml), mapp med flera träd, eller en fil. "
                                       + FOUND_TREE),
    output: str = typer.Option("terminal", "--format", "-f", metavar="FORMAT", help="Utdata: terminal, json, github eller sarif."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Avsluta med kod 1 även när det bara finns varningar."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="ANTAL", help="Parallella processer för många målträd (0 = en per kärna)."),
    no_cache: bool = typer.Option(False, "--no-cache", metavar="", help="Kontrollera allt på nytt, även oförändrade målträd."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="RAPPORT",
                                      help="Kontrollera också vad som saknas inför en rapport, t.ex. delår eller bokslut."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", help="Året rapporten gäller. Standard: senaste planens år."),
    compare: str | None = typer.Option(None, "--jämför", metavar="REV",
                                       help="Jämför också med en tidigare version i git (gren, tagg, commit): "
                                       "ändringar av beslutade planer och inlämnade rapporter (RT901–RT903)."),
    summary: Path | None = typer.Option(None, "--sammanfattning", metavar="FIL", show_default=False,
                                        help="Lägg en jobbsammanfattning i Markdown till FIL: antal per fil och regel "
                                        "och alla fynd. Standard: $GITHUB_STEP_SUMMARY när den finns (GitHub Actions)."),
) -> None:
    """Kontrollera målträdet: länkar, SMART, målvärden, fokus och internbudget.

    Avslutas med 0 utan fel, 1 vid fel (eller varningar med --strict) och 2 om
    indata inte kan läsas.
    """
    from .validate import validate as run_validate

    raise typer.Exit(run_validate(path, output, strict, jobs, no_cache, period, year, compare, summary))


@app.command("diff")
def diff(
    revisions: list[str] | None = typer.Argument(None, metavar="REV", show_default=False,
                                                 help="Git-revisioner att jämföra. Standard: där grenen utgår från "
                                                 "standardgrenen, mot filerna på disk; en revision: den mot filerna på disk."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
    output: str = typer.Option("terminal", "--format", "-f", metavar="FORMAT",
                               help="Utdata: terminal, json eller markdown (för en kommentar i en pull request)."),
    today: str | None = typer.Option(None, "--idag", metavar="DATUM",
                                     help="Dagens datum för rapporternas inlämningsdagar (ÅÅÅÅ-MM-DD)."),
) -> None:
    """Visa vad som ändrats i sak mellan två versioner i git: mål, mått, målvärden, utfall och bedömningar.

    Avslutas med 0, med 1 om en ändring bryter ett beslut (RT901–RT903) och
    med 2 om git inte kan svara.
    """
    from .diff import diff as run_diff

    raise typer.Exit(run_diff(revisions or [], path, output, _date(today)))


def _years(text: str | None) -> int | range | None:
    """--år as one year (2024) or a span of years (2023..2025, 2023–2025)."""
    if text is None:
        return None
    import re

    span = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.|[-–—])\s*(\d{4})\s*", text)
    if span:
        start, end = (_year(int(y)) for y in span.groups())
        if start > end:
            raise UsageProblem(f"Ogiltigt intervall \"{text}\": det första året ska komma före det sista, "
                               "t.ex. --år 2023..2025.")
        return range(start, end + 1)
    if not re.fullmatch(r"\s*-?\d+\s*", text):
        raise UsageProblem(f"Ogiltigt år \"{text}\": ange ett årtal, t.ex. --år 2024, eller flera: --år 2023..2025.")
    return _year(int(text))

@app.command("status")
def status(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträdet (mapp med kommun.yaml). " + FOUND_TREE),
    period: str | None = typer.Option(None, "--period", "-p", metavar="RAPPORT",
                                      help="Rapport i kommunens kalender, t.ex. delår, bokslut eller ett id. Standard: nästa."),
    year: str | None = typer.Option(None, "--år", metavar="ÅR", callback=_years,
                                    help="Året som följs upp, eller flera år sida vid sida: 2023..2025. "
                                    "Standard: året som pågår (senaste planen som inte gäller ett kommande år)."),
    organisation: str | None = typer.Option(None, "--org", metavar="ORG", help="Bara en organisation, t.ex. VON."),
    output: str = typer.Option("terminal", "--format", "-f", metavar="FORMAT", help="Utdata: terminal eller json."),
    today: str | None = typer.Option(None, "--idag", metavar="DATUM", help="Räkna dagar kvar från detta datum (ÅÅÅÅ-MM-DD)."),
) -> None:
    """Visa röda tråden med bedömning per mål, och vad som saknas inför rapporten."""
    from ..engine.status import status_report, years_report
    if output not in ("terminal", "json"):
        raise UsageProblem(f"Okänt format \"{output}\". Välj bland: terminal, json.")
    tree = _loaded(path)
    if organisation and organisation not in tree.organisations:
        raise UsageProblem(f"Okänd organisation \"{organisation}\". Välj bland: {', '.join(tree.organisations)}.")
    if output == "terminal":
        from ..formatters import status_terminal as formatter
    else:
        from ..formatters import status_json as formatter
    if isinstance(year, range):
        history = _unknown_report_is_usage(lambda: years_report(tree, year, period, organisation))
        formatter.render_years(history, tree.kommun.municipality.name, sys.stdout)
        _warn_unread(tree)
        return
    report = _unknown_report_is_usage(lambda: status_report(tree, period, year, organisation, _date(today)))
    formatter.render(report, sys.stdout)



_GROUP = {"no_args_is_help": True, "options_metavar": "[FLAGGOR]", "subcommand_metavar": "KOMMANDO [ARGUMENT]..."}
outcome_app = typer.Typer(help="Skriv utfall i uppföljningsfilerna.", **_GROUP)
activity_app = typer.Typer(help="Skriv aktiviteters status i uppföljningsfilerna.", **_GROUP)
kolada_app = typer.Typer(help="Hämta nyckeltal och jämförelser från Kolada till målträdet.", **_GROUP)
app.add_typer(outcome_app, name="utfall")
app.add_typer(activity_app, name="aktivitet")


@outcome_app.command("set")
def outcome_set(
    address: str = typer.Argument(..., metavar="ORG.MÅTT", help="Organisation och måttets id, t.ex. VON.andel-nojda-sabo."),
    value: str = typer.Argument(..., metavar="VÄRDE", help="Utfallet, t.ex. 74 eller \"74 %\"."),
    period: str = typer.Option(..., "--period", "-p", metavar="RAPPORT", help="Rapport i kalendern, t.ex. delår."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Året. Standard: senaste planens år."),
    as_of: str | None = typer.Option(None, "--datum", metavar="DATUM", help="Dagen utfallet avser. Standard: rapportens datum."),
    forecast: str | None = typer.Option(None, "--prognos", metavar="VÄRDE", help="Prognos för helåret."),
    sub_series: str | None = typer.Option(None, "--delserie", metavar="ID", help="Delserie, om måttet har delserier."),
    source: str | None = typer.Option(None, "--källa", metavar="TEXT", help="Varifrån utfallet kommer."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
) -> None:
    """Skriv ett utfall i rätt uppföljningsfil; kommentarer och ordning bevaras."""
    from ..writing.followups import set_outcome

    date = _date(as_of) if as_of else None
    written = _writing(lambda tree: set_outcome(tree, address, value, period, year, date, forecast, sub_series, source),
                       path)
    typer.echo(printable(f"Skrev utfallet för {address} i {written}."))


@activity_app.command("set")
def activity_set(
    address: str = typer.Argument(..., metavar="ORG.AKTIVITET", help="Organisation och aktivitetens id."),
    state: str = typer.Option(..., "--status", metavar="STATUS", help="ej påbörjad, pågår, klar eller stoppad."),
    period: str = typer.Option(..., "--period", "-p", metavar="RAPPORT", help="Rapport i kalendern, t.ex. delår."),
    completion: str | None = typer.Option(None, "--genomförandegrad", metavar="PROCENT", help="0–100."),
    comment: str | None = typer.Option(None, "--kommentar", metavar="TEXT", help="Kort kommentar."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Året. Standard: senaste planens år."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
) -> None:
    """Skriv en aktivitets status i rätt uppföljningsfil; kommentarer och ordning bevaras."""
    from ..writing.followups import set_activity

    written = _writing(lambda tree: set_activity(tree, address, state, period, year, completion, comment), path)
    typer.echo(printable(f"Skrev status för {address} i {written}."))


KOLADA_API = typer.Option(None, "--api", metavar="URL", show_default=False,
                          help="Kolada:s API. Standard: https://api.kolada.se/v3.")
app.add_typer(kolada_app, name="kolada")


@kolada_app.command("sök")
def kolada_search(
    text: str = typer.Argument(..., metavar="TEXT", help="Ord i nyckeltalets titel, t.ex. \"hemtjänst kontinuitet\"."),
    api: str | None = KOLADA_API,
) -> None:
    """Sök nyckeltal i Kolada: id, titel och beskrivning."""
    from .kolada import search

    raise typer.Exit(search(api, text))


@kolada_app.command("hämta")
def kolada_fetch(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False, help="Målträdet. " + FOUND_TREE),
    years: str | None = typer.Option(None, "--år", metavar="ÅR", help="År eller spann, t.ex. 2018-2024. "
                                     "Standard: senaste planens år och de sex före."),
    api: str | None = KOLADA_API,
    approve: bool = typer.Option(False, "--godkänn-ändringar", metavar="",
                                 help="Spara även värden som Kolada ändrat och som en uppföljning redan använt."),
) -> None:
    """Hämta Kolada-värden för målträdets nyckeltal till kolada/; avslutas med 1 om ändrade värden behöver godkännas."""
    from .kolada import fetch

    raise typer.Exit(fetch(_loaded(path), api, years, approve))


def _writing(write, path: Path | None) -> Path:
    from ..writing.followups import WriteRefused

    tree = _loaded(path)
    try:
        return write(tree)
    except WriteRefused as refusal:
        raise UsageProblem(str(refusal)) from None


@app.command("fmt")
def fmt(
    paths: list[Path] | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                             help="Målträd, mapp med flera träd, eller filer. " + FOUND_TREE),
    check: bool = typer.Option(False, "--check", metavar="",
                               help="Ändra inget: visa skillnaderna och avsluta med 1 om någon fil skulle ändras."),
) -> None:
    """Skriv målträdets filer i standardformatet; kommentarer och innehåll bevaras.

    Avslutas med 0 när allt är formaterat, 1 med --check när någon fil skulle
    ändras och 2 om en fil inte kan läsas (den lämnas då orörd).
    """
    from ..loading.discovery import display
    from ..writing.atomic import Busy
    from ..writing.layout import files_to_format, format_and_write, format_file

    targets = paths or [tree_path(None)]
    for target in targets:
        if not target.exists():
            raise UsageProblem(f"\"{target}\" finns inte.")
    files = list(dict.fromkeys(file for target in targets for file in files_to_format(target)))
    try:
        results = [format_file(file) if check else format_and_write(file) for file in files]
    except Busy as busy:
        raise UsageProblem(f"{busy} skrivs just nu av en annan körning av rt; försök igen om en stund.") from None
    for result in results:
        for problem in result.problems:
            typer.echo(printable(f"{problem.file}:{problem.line}:{problem.column}: {problem.code} {problem.message}"),
                       err=True)
            typer.echo(printable(f"  → {problem.hint} rt fmt lämnade filen orörd."), err=True)
        if result.refusal:
            typer.echo(printable(f"{display(result.path)}: {result.refusal} Filen lämnades orörd."), err=True)
        if check and result.changed:
            for line in result.diff().splitlines():
                typer.echo(printable(line))
    changed = sum(result.changed for result in results)
    unreadable = sum(result.after is None for result in results)
    files_word = "fil" if len(results) == 1 else "filer"
    if check:
        verdict = (f"{changed} av {len(results)} {files_word} är inte formaterade; kör \"rt fmt\"." if changed
                   else f"Alla {len(results)} {files_word} är formaterade.")
    else:
        verdict = f"Formaterade {changed} av {len(results)} {files_word}."
    typer.echo(verdict, err=True)
    raise typer.Exit(2 if unreadable else 1 if check and changed else 0)


@app.command("init")
def init(
    directory: Path = typer.Argument(Path("."), metavar="MAPP", help="Mappen för kommunens repo. Standard: den här."),
    kommun: str = typer.Option(..., "--kommun", metavar="NAMN", help="Kommunens namn, t.ex. \"Nyköpings kommun\"."),
    code: str = typer.Option(..., "--kod", metavar="KOD", help="Kommunkoden (SCB), fyra siffror, t.ex. 0480."),
    organisations: str | None = typer.Option(None, "--organisationer", metavar="ID,ID…",
                                             help="Nämnder och bolag, t.ex. KS,UN,VON. Standard: KS."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year,
                                    help="Första planåret. Standard: nästa år."),
) -> None:
    """Skapa ett nytt målträd: kommun.yaml, en tom plan per organisation, CI, pre-commit och README.

    Skriver aldrig över en fil som finns; kör git init bara om mappen inte
    redan ligger i ett git-repo.
    """
    from ..loading.discovery import display
    from ..writing.followups import WriteRefused
    from ..writing.scaffold import init_tree

    ids = [part.strip() for part in organisations.split(",")] if organisations else None
    try:
        done = init_tree(directory, kommun, code, ids, year)
    except WriteRefused as refusal:
        raise UsageProblem(str(refusal)) from None
    for path in done.written:
        typer.echo(printable(f"Skapade {display(path)}"))
    if done.kept:
        typer.echo(printable("Fanns redan och lämnades orörda: " + ", ".join(display(p) for p in done.kept)))
    if done.git:
        typer.echo(printable(f"Skapade ett git-repo i {display(directory)}."))
    typer.echo("Nästa steg: skriv in kommunmålen och KF-målen i kommun.yaml, lägg till nämndmål med "
               "\"rt new nämndmål\" och kör \"rt validate\".")


new_app = typer.Typer(help="Lägg till ett nämndmål, mått eller en aktivitet med nytt id.", **_GROUP)
app.add_typer(new_app, name="new")


@new_app.command("nämndmål")
def new_board_goal(
    organisation: str = typer.Option(..., "--org", metavar="ORG", help="Organisationen, t.ex. VON."),
    council_goal: str = typer.Option(..., "--kf-mål", metavar="ID", help="KF-målet som nämndmålet bryter ned."),
    text: str | None = typer.Option(None, "--text", metavar="TEXT", help="Nämndmålets text; id:t görs av den."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Planens år. Standard: senaste."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
) -> None:
    """Lägg till ett nämndmål sist i organisationens verksamhetsplan."""
    from ..writing import scaffold

    _added("nämndmålet", _writing(lambda tree: scaffold.new_board_goal(tree, organisation, council_goal, text, year),
                                  path), organisation)


@new_app.command("mått")
def new_measure(
    address: str = typer.Option(..., "--nämndmål", metavar="ORG.ID", help="Nämndmålet, t.ex. VON.tryggare-aldre."),
    text: str | None = typer.Option(None, "--text", metavar="TEXT", help="Vad som mäts; id:t görs av texten."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Planens år. Standard: senaste."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
) -> None:
    """Lägg till ett mått sist under nämndmålet."""
    from ..writing import scaffold

    _added("måttet", _writing(lambda tree: scaffold.new_measure(tree, address, text, year), path),
           address.partition(".")[0])


@new_app.command("aktivitet")
def new_activity(
    address: str = typer.Option(..., "--nämndmål", metavar="ORG.ID", help="Nämndmålet aktiviteten leder till."),
    text: str | None = typer.Option(None, "--text", metavar="TEXT", help="Vad som planeras; id:t görs av texten."),
    unit: str | None = typer.Option(None, "--förvaltning", metavar="NAMN",
                                    help="Förvaltningens handlingsplan; krävs om det finns ingen eller flera."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Planens år. Standard: senaste."),
    path: Path | None = typer.Option(None, "--träd", metavar="SÖKVÄG", show_default=False,
                                     help="Målträdet. " + FOUND_TREE),
) -> None:
    """Lägg till en aktivitet sist i organisationens handlingsplan."""
    from ..writing import scaffold

    _added("aktiviteten", _writing(lambda tree: scaffold.new_activity(tree, address, text, unit, year), path),
           address.partition(".")[0])


def _added(what: str, added, organisation: str) -> None:
    from ..loading.discovery import display

    typer.echo(printable(f"La till {what} {organisation}.{added.id} i {display(added.path)}; fyll i det som saknas "
                         "och kör \"rt validate\"."))


@app.command("report")
def report(
    kind: str | None = typer.Argument(None, metavar="DOKUMENT",
                                      help="verksamhetsplan, uppföljning eller handlingsplan. Standard: uppföljning."),
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträdet (mapp med kommun.yaml). " + FOUND_TREE),
    organisation: str | None = typer.Option(None, "--org", metavar="ORG", help="Organisation, t.ex. VON."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Året. Standard: senaste planens år."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="RAPPORT", help="Rapport, t.ex. delår eller bokslut."),
    output_format: str | None = typer.Option(None, "--format", "-f", metavar="FORMAT", show_default=False,
                                             help="md (Markdown), html, pdf eller docx (Word). Standard: efter "
                                             "filändelsen i -o, annars md."),
    out: Path | None = typer.Option(None, "--output", "-o", metavar="FIL", help="Skriv till filen i stället för till skärmen."),
    templates: Path | None = typer.Option(None, "--templates", metavar="MAPP", help="Egna mallar som ersätter de inbyggda fil för fil."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Vägra rendera en uppföljning där uppgifter saknas."),
    today: str | None = typer.Option(None, "--idag", metavar="DATUM", help="Dagens datum för frister (ÅÅÅÅ-MM-DD)."),
    reference: Path | None = typer.Option(None, "--mall", metavar="FIL",
                                          help="Word-dokument (.docx) vars formatmallar, typsnitt, sidhuvud och "
                                          "sidfot rapporten får (med -f docx)."),
) -> None:
    """Rendera verksamhetsplan, uppföljning eller handlingsplan som Markdown, HTML, PDF eller Word."""
    from ..rendering.reports import KINDS, ReportRefused, ReportRequest, render_report

    if kind is not None and kind not in KINDS:
        if path is not None:  # two arguments, the first no document: a typo, not a path
            raise UsageProblem(f"Okänt dokument \"{kind}\". Välj bland: verksamhetsplan, uppföljning, handlingsplan.")
        path, kind = Path(kind), None  # "rt report examples/… --period delår"
    request = ReportRequest(kind or "uppföljning", organisation, year, period, _report_format(output_format, out),
                            templates, strict, _date(today), reference)
    if reference is not None and request.output_format != "docx":
        raise UsageProblem("--mall gäller Word-rapporter; lägg till -f docx eller skriv till en .docx-fil.")
    if templates is not None and not templates.is_dir():
        state = "är ingen mapp" if templates.exists() else "finns inte"
        raise UsageProblem(f"Mallmappen \"{templates}\" {state}.")
    tree = _loaded(path)
    try:
        text, refused = _unknown_report_is_usage(lambda: render_report(tree, request))
    except ReportRefused as error:
        raise UsageProblem(str(error)) from None
    if refused:
        typer.echo(printable(f"rt: {refused}"), err=True)
        raise typer.Exit(1)
    if out is None:
        if isinstance(text, bytes):
            if sys.stdout.isatty():
                raise UsageProblem(f"En {request.output_format}-rapport skrivs inte till terminalen; ange en fil med -o.")
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            return
        sys.stdout.write(text)
        return
    from ..writing.atomic import write_report

    write_report(out, text)
    typer.echo(printable(f"Skrev {out}."))


@app.command("export")
def export(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträdet (mapp med kommun.yaml). " + FOUND_TREE),
    out: Path = typer.Option(..., "--output", "-o", metavar="MAPP", show_default=False,
                             help="Mappen datapaketet skrivs till: ny, tom eller en tidigare export."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year,
                                    help="Bara verksamhetsplaner och uppföljningar för året. Standard: alla år."),
) -> None:
    """Exportera målkedjan som öppna data: ett Frictionless-datapaket med CSV-tabeller."""
    from ..writing.export import ExportRefused, export_tree

    tree = _loaded(path)
    try:
        written = export_tree(tree, out, year)
    except ExportRefused as refusal:
        raise UsageProblem(str(refusal)) from None
    typer.echo(printable(f"Skrev {len(written) - 1} tabeller och datapackage.json till {out}."))


@app.command("nytt-år")
def new_year(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträdet (mapp med kommun.yaml). " + FOUND_TREE),
    start: int | None = typer.Option(None, "--från", metavar="ÅR", callback=_year,
                                     help="Året vars planer förs över. Standard: senaste planens år."),
    end: int | None = typer.Option(None, "--till", metavar="ÅR", callback=_year,
                                   help="Det nya året. Standard: året efter --från."),
    kommun: bool = typer.Option(False, "--kommun", metavar="", help="Flytta också planeringsperioden i kommun.yaml."),
    activities: bool = typer.Option(False, "--med-aktiviteter", metavar="",
                                    help="För över aktiviteter som inte är klara till nya handlingsplaner."),
) -> None:
    """Skriv nästa års verksamhetsplaner utifrån årets: samma mål, perioden flyttad, ingångsvärden ur bokslutet."""
    from ..loading.discovery import display
    from ..writing.new_year import new_year as write_new_year

    result = _writing(lambda tree: write_new_year(tree, start, end, kommun=kommun, activities=activities), path)
    for written in result.written:
        typer.echo(printable(f"Skrev {display(written)}."))
    if result.to_fill:
        typer.echo("Att fylla i innan planerna håller (\"rt validate\" visar dem tills dess):")
        for item in result.to_fill:
            typer.echo(printable(f"  - {item}"))


@app.command("webb")
def webb(
    path: Path | None = typer.Argument(None, metavar="SÖKVÄG", show_default=False,
                                       help="Målträdet (mapp med kommun.yaml). " + FOUND_TREE),
    out: Path = typer.Option(..., "--output", "-o", metavar="MAPP",
                             help="Mappen webbplatsen skrivs till: ny, tom eller en tidigare från rt webb."),
    year: int | None = typer.Option(None, "--år", metavar="ÅR", callback=_year, help="Året. Standard: senaste planens år."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="RAPPORT",
                                      help="Uppföljningen vars utfall visas, t.ex. delår. Standard: årets senaste inlämnade."),
) -> None:
    """Gör röda tråden till en webbplats att publicera: statiska sidor som fungerar utan server och utan JavaScript."""
    from .webb import build

    tree = _loaded(path)
    written, removed = _unknown_report_is_usage(lambda: build(tree, out, year, period))
    _warn_unread(tree)
    gone = f", tog bort {removed} sidor som inte längre finns" if removed else ""
    typer.echo(printable(f"Skrev webbplatsen till {out} ({written} ändrade filer{gone}). Öppna {out / 'index.html'}."))


@app.command("schema")
def schema(
    kind: str = typer.Argument("verksamhetsplan", metavar="FILTYP", help="Filtyp: kommun, verksamhetsplan, handlingsplan eller uppfoljning."),
    out: Path | None = typer.Option(None, "--ut", metavar="MAPP", help="Skriv alla filtypers scheman till den här mappen."),
) -> None:
    """Skriv ut JSON-schema för en filtyp, för redigerarens YAML-stöd."""
    import json

    from ..loading.schema import KINDS, json_schema

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


# What a report file's name says it holds.
REPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def _report_format(given: str | None, out: Path | None) -> str:
    """The report's format: as given, else as the output file's name says;
    never Markdown in a file named .html, nor a guess for a name rt does not know."""
    suffix = out.suffix.lower() if out is not None else ""
    named = REPORT_SUFFIXES.get(suffix)
    if given in REPORT_SUFFIXES.values() and named is not None and given != named:
        raise UsageProblem(f"\"{out}\" är en {named}-fil men --format säger {given}; ändra filändelsen eller --format.")
    if given is None and suffix and named is None:
        raise UsageProblem(f"rt vet inte vilket format filändelsen {out.suffix} är; skriv till en .md-, .html-, .pdf- "
                           "eller .docx-fil, eller ange --format (md, html, pdf eller docx).")
    return given or named or "md"


def _loaded(given: Path | None):
    """The tree a command reads and writes, with a kommun.yaml rt can read."""
    from ..loading.discovery import KOMMUN_FILE
    from ..loading.tree import load_tree

    path = tree_path(given)
    if not (path / KOMMUN_FILE).is_file():
        raise UsageProblem(f"Hittar ingen kommun.yaml i \"{path}\".")
    tree = load_tree(path)
    if tree.kommun is None:
        raise UsageProblem(f"{tree.sources[0].display} har fel; kör \"rt validate {path}\" först.")
    return tree


def _warn_unread(tree) -> None:
    """A site or a span of years built without a file that could not be read
    says so, so a broken plan never just disappears from what is published."""
    unread = [source.display for source in tree.unloaded(("verksamhetsplan-", "handlingsplan-", "uppfoljning-",
                                                          "uppföljning-"))]
    if unread:
        typer.echo(printable(f"rt: Varning: {', '.join(unread)} kunde inte läsas och finns inte med; kör "
                             "\"rt validate\" och rätta felen."), err=True)


def _date(text: str | None):
    import datetime

    if text is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"Ogiltigt datum \"{text}\"; skriv ÅÅÅÅ-MM-DD.") from None


def _unknown_report_is_usage(compute):
    from ..domain.calendar import UnknownReport

    try:
        return compute()
    except UnknownReport as error:
        raise UsageProblem(str(error)) from None


def run(argv: list[str]) -> int:
    """Run the app and return the exit code; usage errors in Swedish."""
    swedish.install(argv, [group.name for group in app.registered_groups])
    command = typer.main.get_command(app)

    def call() -> int:
        try:
            code = command.main(args=argv, prog_name="rt", standalone_mode=False)
        except typer.Exit as done:
            return done.exit_code
        except swedish.CLICK_ERRORS as error:
            raise UsageProblem(swedish.explain(error)) from None
        return code if isinstance(code, int) else 0

    return guarded(call)
