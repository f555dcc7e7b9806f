"""Loading a whole goal tree: find its files, read them, build the models."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..domain.tree import GoalTree
from ..models.actionplan import ActionPlanFile
from ..models.base import Model
from ..models.followup import FollowUpFile
from ..models.kolada import KoladaFile
from ..models.kommun import KommunFile
from ..models.plan import PlanFile
from . import codes, kolada
from .discovery import KOMMUN_FILE, display, leaves_tree, link_digest, yaml_files
from .schema_errors import schema_findings
from .source import SourceFile


@dataclass(frozen=True)
class FileKind:
    name: str
    pattern: re.Pattern[str]
    model: type[Model]


# The kinds of file a tree holds, by file name; the tree's own layout
# (namnder/von/…) is a convention, the content says which organisation.
FILE_KINDS = (
    FileKind("verksamhetsplan", re.compile(r"^verksamhetsplan-(?P<year>\d{4})(-[\w-]+)?\.ya?ml$"), PlanFile),
    FileKind("handlingsplan", re.compile(r"^handlingsplan-(?P<year>\d{4})(-[\w-]+)?\.ya?ml$"), ActionPlanFile),
    FileKind("uppfoljning", re.compile(r"^uppf[oö]ljning-(?P<year>\d{4})(-[\w-]+)?\.ya?ml$"), FollowUpFile),
)
PLAN = FILE_KINDS[0]
# Stored by `rt kolada hämta`, only in the tree's kolada/ folder (loading/kolada.py).
KOLADA = FileKind("kolada", kolada.STORED_NAME, KoladaFile)
# Folders where the organisations' files live by convention (docs/format.md).
BOARDS_FOLDERS = ("namnder", "nämnder")
# A file name as its leading word, then after any separators a year and what follows it.
_NAMED = re.compile(r"(?P<word>[^\W\d_]*)[\W_]*(?:(?P<year>\d{4})(?P<rest>[-_][\w-]+)?)?")


def load_tree(root: Path) -> GoalTree:
    tree = GoalTree(root)
    kommun_source = _source(root / KOMMUN_FILE)
    if not _refused_link(root, kommun_source):
        kommun_source.read()
    tree.sources.append(kommun_source)
    tree.kommun = _validate(kommun_source, KommunFile)
    if tree.kommun is not None:
        tree.documents.append((tree.kommun, kommun_source))
    files = [path for path in yaml_files(root) if path != root / KOMMUN_FILE]
    beside_plans = {path.parent for path in files if any(k.pattern.match(path.name) for k in FILE_KINDS)}
    for path in files:
        source = _source(path)
        tree.sources.append(source)
        if _refused_link(root, source):
            if PLAN.pattern.match(path.name):
                tree.invalid_plans.add(_claimed_plan(source))
            continue
        kind = KOLADA if kolada.is_stored(root, path) else next((k for k in FILE_KINDS if k.pattern.match(path.name)), None)
        if kind is None:
            _report_unknown(source, root, beside_plans)
            continue
        source.read()
        model = _validate(source, kind.model) if source.readable else None
        if model is not None:
            tree.add(model, source)
            if kind is not KOLADA:
                _check_name_year(source, kind, model)
        elif kind.model is PlanFile:
            tree.invalid_plans.add(_claimed_plan(source))
    return tree


def _report_unknown(source: SourceFile, root: Path, beside_plans: set[Path]) -> None:
    """A YAML file of no known kind. Named like one, under namnder/ or next
    to plans, it is most likely a goal file rt would skip: an error, so CI
    fails. Elsewhere (a tool's settings, the kommun's own data) a warning."""
    name = source.path.name
    guess = meant_name(name)
    folders = {part.lower() for part in source.path.relative_to(root).parts[:-1]}
    *others, last = (f"\"{k.name}-ÅÅÅÅ\"" for k in FILE_KINDS)
    kinds = f"{', '.join(others)} eller {last}"
    if guess is None and source.path.parent not in beside_plans and not folders & set(BOARDS_FOLDERS):
        source.report(codes.OTHER_YAML, f"Filen \"{name}\" ligger i målträdet men är ingen målfil och kontrolleras inte.",
                      f"Är den en målfil, ska namnet börja med {kinds}. Är den något annat, flytta den ut ur "
                      "målträdet eller stäng av RT016 under inställningar.regler i kommun.yaml.", line=1, column=1)
        return
    source.report(codes.UNKNOWN_FILE, f"Filen \"{name}\" är inte en känd filtyp och kontrolleras inte.",
                  f"Menade du \"{guess}\"? Byt namn på filen." if guess else
                  f"Filnamnet ska börja med {kinds} (se docs/format.md). Är filen ingen målfil, "
                  "flytta den från planernas mapp.", line=1, column=1)


def meant_name(name: str) -> str | None:
    """The known file name ``name`` most likely misspells, or None:
    verksamhetplan-2027.yaml → verksamhetsplan-2027.yaml."""
    stem, _, suffix = name.rpartition(".")
    named = _NAMED.match(stem)
    words = {_fold(k.name): k.name for k in FILE_KINDS}
    found = difflib.get_close_matches(_fold(named["word"]), list(words), n=1, cutoff=0.75)
    if not found:
        return None
    suffix = "yml" if suffix.lower() == "yml" else "yaml"
    return f"{words[found[0]]}-{named['year'] or 'ÅÅÅÅ'}{(named['rest'] or '').replace('_', '-')}.{suffix}"


def _fold(word: str) -> str:
    return word.lower().replace("ö", "o")


def unread_plans(tree: GoalTree, year: int, organisation: str | None = None) -> list[str]:
    """The plan files for the year (of the organisation) that exist but
    could not be read or did not validate, for the messages that would
    otherwise call the plan missing."""
    if not any(y == year and organisation in (None, org) for org, y in tree.invalid_plans):
        return []
    plans = [source for source in tree.unloaded((f"{PLAN.name}-",)) if PLAN.pattern.match(source.path.name)]
    return [source.display for source in plans
            if (claimed := _claimed_plan(source))[1] == year and organisation in (None, claimed[0])]


def no_plan(tree: GoalTree, organisation: str, year: int) -> str:
    """Why there is no plan of the organisation for the year to work from,
    as a command refusing to go on says it."""
    unread = unread_plans(tree, year, organisation)
    if unread:
        return (f"{organisation}:s verksamhetsplan för {year} finns men kunde inte läsas ({', '.join(unread)}). "
                "Kör \"rt validate\" och rätta felen i den först.")
    return f"{organisation} har ingen verksamhetsplan för {year}."


def _refused_link(root: Path, source: SourceFile) -> bool:
    """A link out of the tree is not followed: what a pull request shows is what is checked."""
    if not leaves_tree(root, source.path):
        return False
    source.digest = link_digest(source.path)
    target = source.digest.removeprefix("link:")
    source.report(codes.LINK_OUTSIDE, f"\"{source.path.name}\" är en länk till {target}, utanför målträdet; "
                  "rt läser den inte.", "Kopiera in filen i trädet i stället för att länka till den.",
                  line=1, column=1)
    source.failed = True
    return True


def _source(path: Path) -> SourceFile:
    return SourceFile(path, display(path))


def _validate(source: SourceFile, model: type[Model]) -> Model | None:
    if not source.readable:
        return None
    data = source.data
    if not isinstance(data, dict):
        source.report(codes.STRUCTURE, "Filen ska innehålla nycklar med värden (en YAML-mappning)"
                       + (", men är tom." if data is None else "."),
                       "Se docs/format.md för hur filen börjar.", line=1, column=1)
        return None
    try:
        result = model.model_validate(data)
    except ValidationError as error:
        for path, message, hint in schema_findings(model, data, error):
            source.report(codes.STRUCTURE, message, hint, path=path)
        return None
    return result


def _claimed_plan(source: SourceFile) -> tuple[str, int]:
    """(organisation, year) a plan that did not validate is for: from its
    content where readable, else from its folder and file name (namnder/von/…-2024)."""
    data = source.data if isinstance(source.data, dict) else {}
    organisation = data.get("organisation")
    year = data.get("år")
    if not isinstance(organisation, str):
        organisation = source.path.parent.name.upper()
    if not isinstance(year, int) or isinstance(year, bool):
        year = int(PLAN.pattern.match(source.path.name)["year"])
    return organisation, year


def _check_name_year(source: SourceFile, kind: FileKind, model: PlanFile | ActionPlanFile | FollowUpFile) -> None:
    match = kind.pattern.match(source.path.name)
    if match and int(match["year"]) != model.year:
        source.report(codes.FILE_NAME_YEAR, f"Filnamnet säger {match['year']} men filen anger år {model.year}.",
                       "Byt namn på filen eller rätta \"år:\" så att de stämmer.", path=("år",))
