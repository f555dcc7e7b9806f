"""Loading a whole goal tree: find its files, read them, build the models."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..domain.tree import GoalTree
from ..models.actionplan import ActionPlanFile
from ..models.base import Model
from ..models.followup import FollowUpFile
from ..models.kommun import KommunFile
from ..models.plan import PlanFile
from . import codes
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


def load_tree(root: Path) -> GoalTree:
    tree = GoalTree(root)
    kommun_source = _source(root / KOMMUN_FILE)
    if not _refused_link(root, kommun_source):
        kommun_source.read()
    tree.sources.append(kommun_source)
    tree.kommun = _validate(kommun_source, KommunFile)
    if tree.kommun is not None:
        tree.documents.append((tree.kommun, kommun_source))
    for path in yaml_files(root):
        if path.name == KOMMUN_FILE and path.parent == root:
            continue
        source = _source(path)
        tree.sources.append(source)
        if _refused_link(root, source):
            continue
        kind = next((k for k in FILE_KINDS if k.pattern.match(path.name)), None)
        if kind is None:
            source.report(codes.UNKNOWN_FILE, f"Filen \"{path.name}\" är inte en känd filtyp och kontrolleras inte.",
                           "Filnamnet ska börja med " + ", ".join(f"\"{k.name}-ÅÅÅÅ\"" for k in FILE_KINDS)
                           + " (se docs/format.md); stavfel i filnamnet gör att filen hoppas över.", line=1, column=1)
            continue
        source.read()
        model = _validate(source, kind.model) if source.readable else None
        if model is not None:
            tree.add(model, source)
            _check_name_year(source, kind, model)
        elif kind.model is PlanFile:
            tree.invalid_plans.add(_claimed_plan(source, kind))
    return tree


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


def _claimed_plan(source: SourceFile, kind: FileKind) -> tuple[str, int]:
    """(organisation, year) a plan that did not validate is for: from its
    content where readable, else from its folder and file name (namnder/von/…-2024)."""
    data = source.data if isinstance(source.data, dict) else {}
    organisation = data.get("organisation")
    year = data.get("år")
    if not isinstance(organisation, str):
        organisation = source.path.parent.name.upper()
    if not isinstance(year, int) or isinstance(year, bool):
        year = int(kind.pattern.match(source.path.name)["year"])
    return organisation, year


def _check_name_year(source: SourceFile, kind: FileKind, model: PlanFile | ActionPlanFile | FollowUpFile) -> None:
    match = kind.pattern.match(source.path.name)
    if match and int(match["year"]) != model.year:
        source.report(codes.FILE_NAME_YEAR, f"Filnamnet säger {match['year']} men filen anger år {model.year}.",
                       "Byt namn på filen eller rätta \"år:\" så att de stämmer.", path=("år",))
