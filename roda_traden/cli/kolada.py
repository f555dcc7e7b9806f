"""`rt kolada sök` and `rt kolada hämta`: what they print and how they end.
Exit codes: 0 done, 1 changed values that need --godkänn-ändringar, 2 when
Kolada cannot be reached or answers something unusable."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..text.printable import printable
from .guard import UsageProblem

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")
# Without --år: the plan's year and the six before it, as the seeds' series 2018–2022 show.
YEARS_BACK = 6


def years(text: str | None, latest: int | None) -> list[int]:
    """"2018-2024", "2018–2024" or "2023" as the years asked for."""
    if text is None:
        if latest is None:
            raise UsageProblem("Målträdet har ingen verksamhetsplan att ta året från; ange --år, t.ex. --år 2018-2024.")
        return list(range(latest - YEARS_BACK, latest + 1))
    found = _YEARS.match(text)
    if not found:
        raise UsageProblem(f"\"{text}\" är inga år; skriv t.ex. --år 2018-2024 eller --år 2023.")
    first, last = int(found[1]), int(found[2] or found[1])
    if not 1990 <= first <= last <= 2100:
        raise UsageProblem(f"\"{text}\" är inga år i ordning; skriv t.ex. --år 2018-2024.")
    return list(range(first, last + 1))


def search(api: str | None, text: str) -> int:
    from ..kolada.client import Client, KoladaError

    try:
        with Client(api) as client:
            found = client.search_kpis(text)
    except KoladaError as error:
        return _failed(error)
    if not found:
        _echo(f"Inga nyckeltal i Kolada har \"{text}\" i titeln. Prova färre eller andra ord.")
        return 0
    for kpi in found:
        _echo(f"{kpi.get('id')}  {kpi.get('title')}")
        if kpi.get("description"):
            _echo(f"    {' '.join(str(kpi['description']).split())}")
    _echo(f"\nSkriv id:t på måttet eller nyckeltalet, t.ex. \"kolada: {found[0].get('id')}\", "
          "och kör \"rt kolada hämta\".")
    return 0


def fetch(tree, api: str | None, asked: str | None, approve: bool) -> int:
    from ..kolada.client import Client, KoladaError
    from ..kolada.fetch import fetch as run_fetch
    from ..kolada.fetch import steps
    from ..loading.discovery import display

    wanted_years = years(asked, tree.latest_year())
    todo, _unknown = steps(tree)
    if not todo:
        _echo("Inget mått eller nyckeltal i målträdet anger ett Kolada-id (\"kolada: U21468\"); inget att hämta.")
        return 0
    try:
        with _progress(len(todo)) as advance, Client(api) as client:
            result = run_fetch(tree, client, wanted_years, approve=approve, progress=advance)
    except KoladaError as error:
        return _failed(error)
    for kpi, name in result.unknown_groups:
        _say(f"{kpi}: jämförelsen \"{name}\" finns inte under jämförelsegrupper i kommun.yaml och hämtades inte.")
    for kpi in result.unknown_kpis:
        _say(f"{kpi} finns inte i Kolada; kontrollera id:t med \"rt kolada sök\".")
    for kpi, old, new in result.titles:
        _echo(f"{kpi} har bytt titel i Kolada: \"{old}\" → \"{new}\". Kontrollera att måttet mäter samma sak.")
    if result.blocked and not approve:
        _say("Kolada har ändrat värden som en inlämnad uppföljning redan har använt:")
        for change in result.blocked:
            _say(f"  {change.describe()}")
        _say("Inget skrevs. Kör igen med --godkänn-ändringar för att spara de nya värdena.")
        return 1
    for change in result.changes:
        _echo(f"Ändrat: {change.describe()}")
    for path in result.written:
        _echo(f"Skrev {display(path)}.")
    return 0


def _failed(error) -> int:
    _say(f"rt: {error.message}")
    if error.hint:
        _say(error.hint)
    return 2


@contextmanager
def _progress(total: int) -> Iterator:
    """A progress bar on stderr, only where a person watches it."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda _step: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Hämtar från Kolada", total=total)
        yield lambda step: progress.update(task, advance=1, description=f"{step.kpi} {step.name}")


def _echo(text: str) -> None:
    print(printable(text))


def _say(text: str) -> None:
    print(printable(text), file=sys.stderr)
