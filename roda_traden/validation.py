"""The run: load each tree, run every enabled rule, locate and silence
findings, and hand back plain problems."""

from __future__ import annotations

import functools
import multiprocessing
import os
from pathlib import Path

from . import config, suppression
from .context import RunContext
from .findings import Finding
from .loading.tree import load_tree
from .problems import Problem
from .result import Result, collect
from .rules.base import Rule
from .rules.registry import RULES, RULES_BY_CODE
from .schedule import UnknownReport
from .tree import GoalTree

# Below this many trees, starting worker processes costs more than it saves.
PARALLEL_FROM = 8
_KNOWN = set(RULES_BY_CODE)
_REQUIRED = {rule.code for rule in RULES if rule.required}


def validate_path(path: Path, jobs: int | None = None, context: RunContext | None = None) -> Result:
    """Validate every goal tree at or below ``path`` (or the tree a file
    belongs to, keeping that file's problems)."""
    return collect(path, lambda roots: validate_trees(roots, jobs, context))


def validate_trees(roots: list[Path], jobs: int | None = None, context: RunContext | None = None) -> list[Result]:
    """One result per tree; many trees are checked in parallel processes
    (``jobs``: None = one per core)."""
    return list(_map(functools.partial(validate_tree, context=context or RunContext()), roots, jobs))


def validate_tree(root: Path, context: RunContext | None = None) -> Result:
    tree = load_tree(root)
    tree.context = context or RunContext()
    return check_tree(tree)


def _map(function, roots: list[Path], jobs: int | None):
    """``map`` over trees, in worker processes when it pays off. Workers are
    forked so they start with everything already imported."""
    workers = min(jobs or os.cpu_count() or 1, len(roots))
    if workers < 2 or len(roots) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return map(function, roots)
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, roots, chunksize=max(1, len(roots) // (workers * 4))))


def check_tree(tree: GoalTree) -> Result:
    settings = config.resolve(tree, RULES) if tree.kommun else {}
    if tree.kommun is not None:
        for rule in RULES:
            setting = settings[rule.code]
            if rule.check is not None and setting.enabled:
                _run(rule, setting, tree)
    else:
        for plan in tree.plans:
            tree.place(plan)[0].finding(
                "RT014", "Planen kontrollerades bara delvis: kommun.yaml kan inte läsas eller har strukturfel.",
                "Rätta felen i kommun.yaml och kör rt validate igen.", line=1, column=1)
    result = Result(files=len(tree.sources), trees=1)
    for source in tree.sources:
        problems = [p for p in (_locate(f, settings) for f in source.findings) if p is not None]
        result.problems.extend(suppression.apply(problems, source.text, source.display, _KNOWN, _REQUIRED))
        if source.failed:
            result.unreadable.append(source.display)
    return result


def _run(rule: Rule, setting: config.RuleSetting, tree: GoalTree) -> None:
    try:
        for hit in rule.check(tree, setting.options):
            source, path = tree.place(hit.node)
            source.findings.append(Finding(rule.code, source, hit.message, hit.hint, (*path, *hit.keys)))
    except UnknownReport:
        raise  # a --period the calendar lacks is the caller's mistake, not the rule's
    except Exception as error:  # a bug in one rule must not hide what the others find
        source = tree.place(tree.kommun)[0]
        source.findings.append(Finding(rule.code, source, f"Regeln {rule.code} kunde inte köras: internt fel i rt "
                                       f"({type(error).__name__}: {error}).",
                                       "Det här är en bugg i rt, inte i filerna. Rapportera den gärna med filerna bifogade.",
                                       line=1, column=1))


def _locate(finding: Finding, settings: dict) -> Problem | None:
    setting = settings.get(finding.code)
    if setting is not None and not setting.enabled:
        return None
    severity = setting.severity if setting else RULES_BY_CODE[finding.code].severity
    if finding.line is None:
        line, column = finding.source.locate(finding.path)
    else:
        line, column = finding.line, finding.column or 1
    return Problem(finding.source.display, line, column, finding.code, severity, finding.message, finding.hint)
