"""`rt utfall set` and `rt aktivitet set`: put one value into the right
uppföljning file, creating it if needed. Editing by hand stays first-class;
these only save typing, and touch nothing else in the file."""

from __future__ import annotations

import datetime
import os
import typing
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..domain import calendar
from ..domain.measures import bounds_of
from ..domain.tree import GoalTree
from ..language.numbers import format_number, parse_number
from ..language.values import NotAValue, parse_target
from ..loading.discovery import display
from ..loading.tree import no_plan
from ..models.followup import ActivityState, FollowUpFile
from ..models.plan import Measure
from . import yamledit
from .atomic import Busy, locked, remove_leftovers, write_atomically

FOLLOW_UP_PREFIXES = ("uppfoljning-", "uppföljning-")


class WriteRefused(Exception):
    """Why a value cannot be written; the message is Swedish."""


def set_outcome(tree: GoalTree, address: str, value: str, report_name: str, year: int | None,
                as_of: datetime.date | None = None, forecast: str | None = None, sub_series: str | None = None,
                source: str | None = None) -> Path:
    for what, given in (("Värdet", value), ("Prognosen", forecast), ("Källan", source)):
        _plain(what, given)
    organisation, measure_id = _address(tree, address)
    report, year = _report(tree, report_name, year)
    plan = tree.plan_of(organisation, year)
    if plan is None:
        raise WriteRefused(no_plan(tree, organisation, year))
    measures = {m.id: m for g in plan.goals for m in g.measures} | {k.id: k for k in plan.key_figures}
    if measure_id not in measures:
        raise WriteRefused(f"Måttet \"{measure_id}\" finns inte i {organisation}:s verksamhetsplan {year}.")
    parts = [s.id for s in getattr(measures[measure_id], "sub_series", [])]
    if sub_series is None and parts:
        raise WriteRefused(f"Måttet \"{measure_id}\" har delserier ({', '.join(parts)}); ange --delserie.")
    if sub_series is not None and sub_series not in parts:
        raise WriteRefused(f"Måttet \"{measure_id}\" har ingen delserie \"{sub_series}\".")
    measure = measures[measure_id]
    owner = next((g for g in plan.goals if measure in g.measures), None)
    bounds = bounds_of(measure, owner) if isinstance(measure, Measure) and owner is not None else None
    for given in (value, forecast):
        if given is None:
            continue
        try:
            read = parse_target(_scalar(given))
        except NotAValue:
            read = None
        if read is None or read.kind not in ("number", "yes_no") or read.op != "=":
            raise WriteRefused(f"\"{given}\" är inget utfall rt kan läsa; skriv ett tal (74, 74 %, 0,5) eller ja/nej.")
        if bounds is not None and bounds.firm and read.kind == "number" and not bounds.holds(read.number):
            raise WriteRefused(f"\"{given}\" ligger utanför {format_number(bounds.lower)}–"
                               f"{format_number(bounds.upper)} ({bounds.what}) för måttet \"{measure_id}\".")

    def change(document: CommentedMap) -> None:
        outcome = _entry(document, "utfall", "mått", measure_id)
        measured = _entry(outcome, "delserier", "delserie", sub_series) if sub_series is not None else outcome
        measured["värde"] = _scalar(value)
        if forecast is not None:
            measured["prognos"] = _scalar(forecast)
        if as_of is not None or "avser" not in outcome:  # never replace a date someone wrote
            outcome["avser"] = as_of or calendar.as_of(report, year)
        if source is not None:
            outcome["källa"] = source

    return _edit(tree, organisation, year, report, change)


def set_activity(tree: GoalTree, address: str, state: str, report_name: str, year: int | None,
                 completion: str | None = None, comment: str | None = None) -> Path:
    _plain("Kommentaren", comment)
    organisation, activity_id = _address(tree, address)
    report, year = _report(tree, report_name, year)
    known = {a.id for p in tree.action_plans if (p.organisation, p.year) == (organisation, year) for a in p.activities}
    if activity_id not in known:
        raise WriteRefused(f"Aktiviteten \"{activity_id}\" finns inte i {organisation}:s handlingsplaner {year}.")
    states = typing.get_args(ActivityState)
    if state not in states:
        raise WriteRefused(f"Okänd status \"{state}\". Välj bland: {', '.join(states)}.")
    share = parse_number(completion) if completion is not None else 0
    if share is None or not 0 <= share <= 100:
        raise WriteRefused(f"Genomförandegraden \"{completion}\" ska vara ett tal från 0 till 100.")

    def change(document: CommentedMap) -> None:
        entry = _entry(document, "aktiviteter", "aktivitet", activity_id)
        entry["status"] = state
        if completion is not None:
            entry["genomförandegrad"] = _scalar(completion)
        elif state == "klar" and "genomförandegrad" not in entry:
            entry["genomförandegrad"] = 100
        if comment is not None:
            entry["kommentar"] = comment

    return _edit(tree, organisation, year, report, change)


def _plain(what: str, text: str | None) -> None:
    """Refuse control characters and invisible line breaks (U+2028, U+0085 …)
    in a text to store: YAML would store them as something else."""
    if text is None:
        return
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            raise WriteRefused(f"{what} innehåller ett osynligt tecken (U+{ord(char):04X}); skriv texten utan det.")


def _address(tree: GoalTree, address: str) -> tuple[str, str]:
    organisation, dot, item = address.partition(".")
    if not dot or not item:
        raise WriteRefused(f"\"{address}\" ska skrivas ORGANISATION.id, t.ex. VON.nojdhet-sabo.")
    if organisation not in tree.organisations:
        raise WriteRefused(f"Okänd organisation \"{organisation}\". Välj bland: {', '.join(tree.organisations)}.")
    return organisation, item


def _report(tree: GoalTree, name: str, year: int | None):
    try:
        report = calendar.find_report(tree.kommun.settings, name)
    except calendar.UnknownReport as error:
        raise WriteRefused(str(error)) from None
    year = year or tree.latest_year()
    if year is None:
        raise WriteRefused("Trädet har inga verksamhetsplaner; ange --år.")
    return report, year


def _edit(tree: GoalTree, organisation: str, year: int, report, change) -> Path:
    _refuse_if_unread(tree)
    existing = next((f for f in tree.follow_ups if (f.organisation, f.year, f.report) == (organisation, year, report.id)),
                    None)
    if existing is not None:
        path = tree.place(existing)[0].path
    else:
        plan_file = tree.place(tree.plan_of(organisation, year))[0].path
        path = plan_file.parent / f"uppfoljning-{year}-{report.id}.yaml"
    path = _writable_place(tree, path)
    try:
        # Read, change and replace under one lock: another rt writing the same
        # file waits, and its change is in the text read here.
        with locked(path.parent):
            remove_leftovers(path)
            text = _current_text(path, existing is not None, organisation, year, report)
            _replace(path, text, change)
    except Busy:
        raise WriteRefused(f"{display(path)} skrivs just nu av en annan körning av rt; försök igen om en stund.") \
            from None
    return path


def _writable_place(tree: GoalTree, path: Path) -> Path:
    """Where to write: through a symbolic link to a file in the tree, never
    outside it; a file with several hard links is refused, since replacing
    it would split them."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(tree.root.resolve()):
            raise WriteRefused(f"{display(path)} är en länk till en fil utanför målträdet; rt skriver inte dit.")
        path = target
    if path.exists() and path.stat().st_nlink > 1:
        raise WriteRefused(f"{display(path)} har flera hårda länkar, som skulle delas upp om rt skrev filen; "
                           "skriv in värdet för hand eller ersätt länkarna med en fil.")
    return path


def _current_text(path: Path, known: bool, organisation: str, year: int, report) -> str:
    """The file as it is now, under the lock; a new file's first lines if there is none."""
    if not path.exists():
        if known:
            raise WriteRefused(f"{display(path)} har tagits bort medan rt körde; kör kommandot igen.")
        return _new_file(organisation, year, report)
    text = path.read_bytes().decode("utf-8", errors="strict")  # as stored: CRLF and BOM are kept
    if not known and not _is_report(text, organisation, year, report):
        # A file rt did not recognise as this report: never write over it.
        raise WriteRefused(f"{display(path)} finns men är inte uppföljningen \"{report.id}\" {year} för "
                           f"{organisation}; kontrollera den med rt validate.")
    return text


def _is_report(text: str, organisation: str, year: int, report) -> bool:
    """Whether ``text`` is this organisation's follow-up for the report (one
    another writer created since the tree was read)."""
    try:
        data = FollowUpFile.model_validate(yamledit.load(text.removeprefix("\ufeff"))[1])
    except (YAMLError, ValidationError, ValueError):
        return False
    return (data.organisation, data.year, data.report) == (organisation, year, report.id)


def _replace(path: Path, text: str, change) -> None:
    if path.exists() and not os.access(path, os.W_OK):
        raise WriteRefused(f"{display(path)} är skrivskyddad.")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix("\ufeff")
    try:
        yaml, document = yamledit.load(yamledit.normalized(text))
        change(document)
        dumped = yamledit.dump(yaml, document)
        FollowUpFile.model_validate(yamledit.load(dumped)[1])  # never write a file rt cannot read
    except (YAMLError, ValidationError, ValueError):  # ValueError: ruamel reads "2023-02-29" as an impossible date
        raise WriteRefused(f"Värdet går inte att skriva in i {display(path)} utan att filen blir ogiltig; "
                           "skriv in det för hand.") from None
    # Only the lines the new value needs change; the rest stays byte for byte.
    final = yamledit.minimal(text, dumped)
    if final is None:
        raise WriteRefused(f"{display(path)} kan inte ändras utan att andra rader i filen också ändras; "
                           "skriv in värdet för hand.")
    write_atomically(path, bom + final)


def _refuse_if_unread(tree: GoalTree) -> None:
    """Refuse while one of the organisation's follow-up files cannot be read:
    writing next to it could duplicate or hide what is in it."""
    for source in tree.unloaded(FOLLOW_UP_PREFIXES):
        raise WriteRefused(f"{source.display} kan inte läsas som uppföljning; rätta den först "
                           "(rt validate visar vad som är fel).")


def _new_file(organisation: str, year: int, report) -> str:
    return (f"# {organisation}:s uppföljning: {report.name} {year}. Skapad av rt; redigera fritt.\n"
            f"organisation: {organisation}\når: {year}\nuppföljning: {report.id}\n")


def _entry(parent: CommentedMap, list_key: str, id_key: str, wanted: str) -> CommentedMap:
    """The list item under ``list_key`` whose ``id_key`` is ``wanted``; appended if missing."""
    items = parent.get(list_key)
    if items is None:
        items = parent[list_key] = CommentedSeq()
    for item in items:
        if isinstance(item, dict) and item.get(id_key) == wanted:
            return item
    item = CommentedMap()
    item[id_key] = wanted
    items.append(item)
    return item


def _scalar(text: str) -> Any:
    """Plain numbers as YAML numbers ("74" → 74, "-3" → -3, "0.5" → 0.5);
    anything written the Swedish way stays text as typed ("74 %", "0,5",
    "1 052"), since that is how the plans write them too."""
    number = parse_number(text)
    plain = text.strip().lstrip("+-−–")
    if number is not None and plain.isdigit():
        return int(number)
    if number is not None and plain.replace(".", "", 1).isdigit():
        return number
    return text
