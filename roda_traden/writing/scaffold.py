"""rt init and rt new: a kommun's repository from nothing, and skeletons of
a nämndmål, a mått or an aktivitet with a fresh id in the right file.

What they write is what rt fmt writes (tests/test_init_new.py holds them to
it), so a new tree passes `rt fmt --check` and `rt validate` before anyone
has touched it, and an added skeleton changes only the lines it adds.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .. import __version__
from ..domain.tree import GoalTree
from ..loading import yaml_reader
from ..loading.discovery import display
from ..loading.schema import KINDS, json_schema
from ..loading.tree import no_plan
from ..models.actionplan import ActionPlanFile
from ..models.base import ID_PATTERN
from ..models.plan import PlanFile
from . import yamledit
from .atomic import Busy, locked, remove_leftovers, write_atomically
from .followups import WriteRefused, _plain, _writable_place
from .layout import shape_of

_STARTER = files(__package__) / "starter"
# An organisation every kommun has; any other is named by the kommun itself.
_KNOWN_NAMES = {"KS": "Kommunstyrelsen"}


@dataclass
class Initialised:
    written: list[Path]
    kept: list[Path]  # already there, left as they were
    git: bool  # whether `git init` ran


def init_tree(directory: Path, kommun: str, code: str, organisations: list[str] | None = None,
              year: int | None = None) -> Initialised:
    """A kommun's repository in ``directory``: kommun.yaml, an empty plan
    per organisation, schemas, CI, pre-commit, .gitignore and README. A
    file that exists is never overwritten; git is initialised only where
    ``directory`` is not in a repository yet."""
    _plain("Kommunens namn", kommun)
    if not kommun.strip():
        raise WriteRefused("Ange kommunens namn, t.ex. --kommun \"Oxelösunds kommun\".")
    if not re.fullmatch(r"\d{4}", code):
        raise WriteRefused(f"Kommunkoden \"{code}\" ska vara fyra siffror, SCB:s kod, t.ex. 0481.")
    organisations = organisations or ["KS"]
    for organisation in organisations:
        if not re.fullmatch(ID_PATTERN, organisation):
            raise WriteRefused(f"\"{organisation}\" är inget giltigt id för en organisation; skriv förkortningen "
                               "med bokstäver och siffror, t.ex. VON.")
    if len(set(organisations)) < len(organisations):
        raise WriteRefused("Samma organisation står två gånger i --organisationer.")
    year = year or datetime.date.today().year + 1
    period = f"{year}–{year + 2}"
    fields = {"kommun": kommun.strip(), "kommun_yaml": _yaml_text(kommun.strip()), "genitiv": _genitive(kommun.strip()), "kod": code, "period": period, "version": __version__,
              "organisationer": "".join(_organisation(o) for o in organisations)}
    planned = {
        "kommun.yaml": _template("kommun.yaml", fields),
        "README.md": _template("README.md", fields),
        ".gitignore": _template("gitignore", fields),
        ".pre-commit-config.yaml": _template("pre-commit-config.yaml", fields),
        ".github/workflows/rt.yml": _template("rt.yml", fields),
        **{f"schemas/{name}.schema.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
           for name in KINDS},
        **{f"namnder/{o.lower()}/verksamhetsplan-{year}.yaml":
           _template("verksamhetsplan.yaml", {"id": o, "namn": _KNOWN_NAMES.get(o, o), "year": year,
                                             "genitiv": _genitive(_KNOWN_NAMES.get(o, o))})
           for o in organisations},
    }
    if directory.exists() and not directory.is_dir():
        raise WriteRefused(f"{display(directory)} finns redan och är ingen mapp.")
    git = not _in_repository(directory)
    written, kept = [], []
    for relative, text in planned.items():
        path = directory / relative
        if path.exists() or path.is_symlink():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        written.append(path)
    if git:
        subprocess.run(["git", "init", "--quiet", str(directory)], check=True)
    return Initialised(written, kept, git)


def _organisation(organisation: str) -> str:
    name = _KNOWN_NAMES.get(organisation)
    return (f"  - id: {organisation}\n    namn: {name or organisation}"
            + ("" if name else "   # skriv hela namnet, t.ex. Vård- och omsorgsnämnden")
            + "\n    typ: nämnd" + ("" if name else "      # nämnd eller bolag") + "\n")


def _genitive(name: str) -> str:
    """"VON:s", "Kommunstyrelsens", "Nyköpings kommuns"; a name ending in s takes none."""
    if name.isupper():
        return f"{name}:s"
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


def _yaml_text(text: str) -> str:
    """``text`` as a YAML value that reads back as itself: plain where it
    can be, else double-quoted ("Kommun #2", "Stad: Malmö", "1234")."""
    if not text.isprintable():
        raise WriteRefused("Kommunens namn får inte innehålla radbrytningar eller styrtecken.")
    if yaml_reader.read(f"a: {text}\n").data == {"a": text}:
        return text
    return json.dumps(text, ensure_ascii=False)


def _template(name: str, fields: dict[str, Any]) -> str:
    return Template((_STARTER / f"{name}.tmpl").read_text(encoding="utf-8")).substitute(fields)


def _in_repository(directory: Path) -> bool:
    return any((parent / ".git").exists() for parent in (directory.absolute(), *directory.absolute().parents))


# ---------------------------------------------------------------- rt new


@dataclass
class Added:
    path: Path
    id: str


def new_board_goal(tree: GoalTree, organisation: str, council_goal: str, text: str | None = None,
                   year: int | None = None) -> Added:
    """A nämndmål for ``council_goal`` at the end of the organisation's plan."""
    _known_organisation(tree, organisation)
    if council_goal not in tree.council_goals:
        raise WriteRefused(f"KF-målet \"{council_goal}\" finns inte i kommun.yaml."
                           + _choices(sorted(tree.council_goals)))
    plan = _plan(tree, organisation, year)

    def skeleton(fresh: str) -> str:
        return (f"- id: {fresh}\n"
                f"  text: {_scalar(text) if text else 'Skriv nämndmålet   # vad som ska bli bättre, och åt vilket håll'}\n"
                f"  kf-mål: {council_goal}\n"
                f"  # Lägg till mått: rt new mått --nämndmål {organisation}.{fresh}\n")

    return _append(tree, plan, ["nämndmål"], text or "nytt nämndmål", _goal_ids, skeleton)


def new_measure(tree: GoalTree, address: str, text: str | None = None, year: int | None = None) -> Added:
    """A mått at the end of the nämndmål ``ORG.id``'s list of mått."""
    organisation, goal_id = _address(tree, address)
    plan = _plan(tree, organisation, year)
    index = next((i for i, g in enumerate(plan.goals) if g.id == goal_id), None)
    if index is None:
        raise WriteRefused(f"Nämndmålet \"{goal_id}\" finns inte i {organisation}:s verksamhetsplan {plan.year}."
                           + _choices([g.id for g in plan.goals]))
    period = tree.period_of(plan)
    years = list(period.years) if period else [plan.year]

    def skeleton(fresh: str) -> str:
        # The keys the rules ask for are written without values: until they
        # are filled in, rt validate says what is missing (RT202–RT206).
        return (f"- id: {fresh}\n"
                f"  text: {_scalar(text) if text else 'Skriv vad som mäts'}\n"
                "  datakälla:           # t.ex. Kolada (U23471) eller Egen mätning\n"
                "  enhet:               # procent, antal, dagar, ja/nej …\n"
                "  ingångsvärde:        # t.ex. {värde: 72 %, år: " + str(years[0] - 2) + "}, eller nytt mål\n"
                "  # målvärden, ett per år i perioden:\n"
                "  # målvärden: {" + ", ".join(f"{y}: …" for y in years) + "}\n")

    return _append(tree, plan, ["nämndmål", index, "mått"], text or "nytt mått", _measure_ids, skeleton)


def new_activity(tree: GoalTree, address: str, text: str | None = None, unit: str | None = None,
                 year: int | None = None) -> Added:
    """An aktivitet towards the nämndmål ``ORG.id`` at the end of the
    organisation's handlingsplan (the one of ``unit`` where there are
    several); a new handlingsplan for ``unit`` where it has none."""
    organisation, goal_id = _address(tree, address)
    plan = _plan(tree, organisation, year)
    if goal_id not in {g.id for g in plan.goals}:
        raise WriteRefused(f"Nämndmålet \"{goal_id}\" finns inte i {organisation}:s verksamhetsplan {plan.year}."
                           + _choices([g.id for g in plan.goals]))
    _plain("Förvaltningen", unit)
    action_plans = [a for a in tree.action_plans if (a.organisation, a.year) == (organisation, plan.year)]
    chosen = [a for a in action_plans if unit is None or a.unit == unit]
    if len(chosen) > 1:
        raise WriteRefused(f"{organisation} har flera handlingsplaner {plan.year}; ange --förvaltning."
                           + _choices([a.unit for a in chosen]))
    if chosen:
        target, path = chosen[0], tree.place(chosen[0])[0].path
    elif unit is None:
        raise WriteRefused(f"{organisation} har ingen handlingsplan {plan.year}; ange --förvaltning, så skapas en.")
    else:
        target = None
        path = tree.place(plan)[0].path.parent / f"handlingsplan-{plan.year}-{_slug(unit)}.yaml"
        if path.exists():
            raise WriteRefused(f"{display(path)} finns men är inte {organisation}:s handlingsplan för {unit}; "
                               "kontrollera den med rt validate.")
    # Ids are unique among all the organisation's handlingsplaner of the year (RT105).
    elsewhere = {activity.id for other in action_plans if other is not target for activity in other.activities}

    def taken(document: CommentedMap) -> set[str]:
        return elsewhere | {str(item.get("id")) for item in _items(document, "aktiviteter")}

    def skeleton(fresh: str) -> str:
        return (f"- id: {fresh}\n"
                f"  nämndmål: {goal_id}\n"
                f"  vad: {_scalar(text) if text else 'Skriv vad som planeras'}\n"
                "  varför:              # den förväntade effekten\n"
                "  ansvarig: Skriv ansvarig funktion   # en funktion, inte en person\n"
                "  klart: Q4            # kvartalet då aktiviteten ska vara klar\n"
                "  uppföljning:         # när och hur aktiviteten följs upp\n")

    first = None if target is not None else (
        f"# {_genitive(organisation)} handlingsplan {plan.year}: hur nämndmålen nås. Skapad av rt; redigera fritt.\n"
        f"organisation: {organisation}\når: {plan.year}\nförvaltning: {_scalar(unit)}\n")
    return _write(tree, path, first, ["aktiviteter"], text or "ny aktivitet", taken, skeleton, ActionPlanFile)


# ---------------------------------------------------------------- the pieces


def _address(tree: GoalTree, address: str) -> tuple[str, str]:
    organisation, dot, item = address.partition(".")
    if not dot or not item:
        raise WriteRefused(f"\"{address}\" ska skrivas ORGANISATION.id, t.ex. VON.tryggare-aldre.")
    _known_organisation(tree, organisation)
    return organisation, item


def _known_organisation(tree: GoalTree, organisation: str) -> None:
    if organisation not in tree.organisations:
        raise WriteRefused(f"Okänd organisation \"{organisation}\"." + _choices(list(tree.organisations)))


def _choices(names: list[str]) -> str:
    return f" Välj bland: {', '.join(names)}." if names else ""


def _plan(tree: GoalTree, organisation: str, year: int | None) -> PlanFile:
    years = sorted(p.year for p in tree.plans if p.organisation == organisation)
    year = year or (years[-1] if years else None)
    plan = tree.plan_of(organisation, year) if year else None
    if plan is None:
        raise WriteRefused(no_plan(tree, organisation, year) if year else f"{organisation} har ingen verksamhetsplan.")
    return plan


def _goal_ids(document: CommentedMap) -> set[str]:
    """The ids a new nämndmål must not take, read from the file under the lock."""
    return {str(goal.get("id")) for goal in _items(document, "nämndmål")}


def _measure_ids(document: CommentedMap) -> set[str]:
    """Mått and nyckeltal share one set of ids in a plan (RT105)."""
    measures = [m for goal in _items(document, "nämndmål") for m in _items(goal, "mått")]
    return {str(item.get("id")) for item in [*measures, *_items(document, "nyckeltal")]}


def _items(node: Any, key: str) -> list:
    value = node.get(key) if isinstance(node, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _append(tree: GoalTree, plan: PlanFile, where: list, text: str, taken, skeleton) -> Added:
    return _write(tree, tree.place(plan)[0].path, None, where, text, taken, skeleton, PlanFile)


def _write(tree: GoalTree, path: Path, first: str | None, where: list, text: str, taken, skeleton, model) -> Added:
    """Add the skeleton at ``where`` in the file at ``path`` (or in a new
    file starting with ``first``), with an id none of ``taken`` has; only
    the added lines change."""
    path = _writable_place(tree, path)
    try:
        with locked(path.parent):
            remove_leftovers(path)
            if first is not None and path.exists():
                raise WriteRefused(f"{display(path)} skapades medan rt körde; kör kommandot igen.")
            original = first if first is not None else path.read_bytes().decode("utf-8")
            bom = "\ufeff" if original.startswith("\ufeff") else ""
            original = original.removeprefix("\ufeff")
            try:
                yaml, document = yamledit.load(yamledit.normalized(original))
                fresh = _fresh(_slug(text), taken(document))
                _insert(document, where, yamledit.load(_indented(skeleton(fresh), where))[1][0], model)
                dumped = yamledit.dump(yaml, document)
                model.model_validate(yamledit.load(dumped)[1])
            except (YAMLError, ValidationError, ValueError, KeyError, IndexError, TypeError):
                raise WriteRefused(f"{display(path)} kan inte läsas som {model.label} eller skulle bli ogiltig; "
                                   "kör rt validate och rätta filen först.") from None
            final = yamledit.minimal(original, dumped) if first is None else dumped
            if final is None:
                raise WriteRefused(f"{display(path)} kan inte ändras utan att andra rader i filen också ändras; "
                                   "lägg till det för hand.")
            write_atomically(path, bom + final)
    except Busy:
        raise WriteRefused(f"{display(path)} skrivs just nu av en annan körning av rt; försök igen om en stund.") \
            from None
    return Added(path, fresh)


def _insert(document: CommentedMap, where: list, item: CommentedMap, model) -> None:
    """Append ``item`` to the list at ``where``, creating the list (in its
    place in the documented key order) where the file has none yet."""
    *parents, key = where
    node = document
    for step in parents:
        node = node[step]
    if not isinstance(node.get(key), list) or not node[key]:
        # An empty list is written "[]": replaced by a block list, one item per entry.
        block = CommentedSeq()
        if key in node:
            node[key] = block
        else:
            order = _order(model, parents)
            before = [k for k in order[: order.index(key)] if k in node] if key in order else list(node)
            node.insert(list(node).index(before[-1]) + 1 if before else 0, key, block)
    node[key].append(item)


def _order(model, parents: list) -> tuple[str, ...]:
    shape = shape_of(model)
    for step in parents:
        shape = shape.items if isinstance(step, int) else shape.children[step]
    return shape.keys


def _indented(skeleton: str, where: list) -> str:
    """The skeleton at the column its comments will stand in: a list at
    the top (nämndmål, aktiviteter) has its items at two spaces, mått six."""
    pad = " " * (2 if len(where) == 1 else 6)
    return "".join(pad + line if line.strip() else line for line in skeleton.splitlines(keepends=True))


def _fresh(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def _slug(text: str) -> str:
    """A readable id from a text, as the ids of the starter tree are written:
    small letters without å/ä/ö, words joined by hyphens, at most five."""
    letters = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", letters).encode("ascii", "ignore").decode())
    return "-".join(words[:5]) or "nytt"


def _scalar(text: str | None) -> str:
    """A text as one YAML value: plain where rt reads it back as the same
    text, else in double quotes (JSON's are YAML's)."""
    _plain("Texten", text)
    reading = yaml_reader.read(f"x: {text}\n")
    plain = reading.readable and reading.data == {"x": text} and " #" not in text
    return text if plain else json.dumps(text, ensure_ascii=False)

