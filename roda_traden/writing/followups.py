"""`rt utfall set` and `rt aktivitet set`: put one value into the right
uppföljning file, creating it if needed. Editing by hand stays first-class;
these only save typing, and touch nothing else in the file."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import schedule
from ..models.followup import FollowUpFile
from ..numbers import parse_number
from ..tree import GoalTree
from . import yamledit
from .atomic import write_atomically


class WriteRefused(Exception):
    """Why a value cannot be written; the message is Swedish."""


def set_outcome(tree: GoalTree, address: str, value: str, report_name: str, year: int | None,
                as_of: datetime.date | None = None, forecast: str | None = None, sub_series: str | None = None,
                source: str | None = None) -> Path:
    organisation, measure_id = _address(tree, address)
    report, year = _report(tree, report_name, year)
    plan = tree.plan_of(organisation, year)
    if plan is None:
        raise WriteRefused(f"{organisation} har ingen verksamhetsplan för {year}.")
    measures = {m.id: m for g in plan.goals for m in g.measures} | {k.id: k for k in plan.key_figures}
    if measure_id not in measures:
        raise WriteRefused(f"Måttet \"{measure_id}\" finns inte i {organisation}:s verksamhetsplan {year}.")
    parts = [s.id for s in getattr(measures[measure_id], "sub_series", [])]
    if sub_series is None and parts:
        raise WriteRefused(f"Måttet \"{measure_id}\" har delserier ({', '.join(parts)}); ange --delserie.")
    if sub_series is not None and sub_series not in parts:
        raise WriteRefused(f"Måttet \"{measure_id}\" har ingen delserie \"{sub_series}\".")

    def change(document: CommentedMap) -> None:
        outcome = _entry(document, "utfall", "mått", measure_id)
        measured = _entry(outcome, "delserier", "delserie", sub_series) if sub_series is not None else outcome
        _put(measured, "värde", _scalar(value))
        if forecast is not None:
            _put(measured, "prognos", _scalar(forecast))
        _put(outcome, "avser", as_of or schedule.as_of(report, year))
        if source is not None:
            _put(outcome, "källa", source)

    return _edit(tree, organisation, year, report, change)


def set_activity(tree: GoalTree, address: str, state: str, report_name: str, year: int | None,
                 completion: str | None = None, comment: str | None = None) -> Path:
    organisation, activity_id = _address(tree, address)
    report, year = _report(tree, report_name, year)
    known = {a.id for p in tree.action_plans if (p.organisation, p.year) == (organisation, year) for a in p.activities}
    if activity_id not in known:
        raise WriteRefused(f"Aktiviteten \"{activity_id}\" finns inte i {organisation}:s handlingsplaner {year}.")
    states = ("ej påbörjad", "pågår", "klar", "stoppad")
    if state not in states:
        raise WriteRefused(f"Okänd status \"{state}\". Välj bland: {', '.join(states)}.")

    def change(document: CommentedMap) -> None:
        entry = _entry(document, "aktiviteter", "aktivitet", activity_id)
        _put(entry, "status", state)
        if completion is not None or state == "klar":
            _put(entry, "genomförandegrad", _scalar(completion) if completion is not None else 100)
        if comment is not None:
            _put(entry, "kommentar", comment)

    return _edit(tree, organisation, year, report, change)


def _address(tree: GoalTree, address: str) -> tuple[str, str]:
    organisation, dot, item = address.partition(".")
    if not dot or not item:
        raise WriteRefused(f"\"{address}\" ska skrivas ORGANISATION.id, t.ex. VON.nojdhet-sabo.")
    if organisation not in tree.organisations:
        raise WriteRefused(f"Okänd organisation \"{organisation}\". Välj bland: {', '.join(tree.organisations)}.")
    return organisation, item


def _report(tree: GoalTree, name: str, year: int | None):
    try:
        report = schedule.find_report(tree.kommun.settings, name)
    except schedule.UnknownReport as error:
        raise WriteRefused(str(error)) from None
    year = year or tree.latest_year()
    if year is None:
        raise WriteRefused("Trädet har inga verksamhetsplaner; ange --år.")
    return report, year


def _edit(tree: GoalTree, organisation: str, year: int, report, change) -> Path:
    existing = next((f for f in tree.follow_ups if (f.organisation, f.year, f.report) == (organisation, year, report.id)),
                    None)
    if existing is not None:
        path = tree.place(existing)[0].path
        text = path.read_text(encoding="utf-8")
    else:
        plan_file = tree.place(tree.plan_of(organisation, year))[0].path
        path = plan_file.parent / f"uppfoljning-{year}-{report.id}.yaml"
        text = _new_file(organisation, year, report)
    yaml, document = yamledit.load(text)
    change(document)
    new_text = yamledit.dump(yaml, document)
    FollowUpFile.model_validate(yamledit.load(new_text)[1])  # never write a file rt cannot read
    write_atomically(path, new_text)
    return path


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


def _put(mapping: CommentedMap, key: str, value: Any) -> None:
    mapping[key] = value  # an existing key keeps its place and comment


def _scalar(text: str) -> Any:
    """A number as a number ("74" → 74), anything else as written ("74 %")."""
    number = parse_number(text)
    if number is not None and text.strip().lstrip("-").replace(" ", "").isdigit():
        return int(number)
    if number is not None and "," not in text and " " not in text.strip():
        return number
    return text
