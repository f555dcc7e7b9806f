"""The run: load each tree, run every enabled rule, locate and silence
what they find, and hand back plain problems."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
from pathlib import Path

from ..domain.calendar import UnknownReport
from ..domain.changes import PREVIOUS
from ..domain.context import RunContext
from ..domain.tree import GoalTree
from ..loading import codes
from ..loading.git import load_tree_at
from ..loading.tree import load_tree
from ..problems import Problem
from ..rules.base import Rule
from ..rules.registry import RULES, RULES_BY_CODE
from . import settings as rule_settings
from . import suppression
from .result import Result, collect

# Below this many trees, starting worker processes costs more than it saves.
PARALLEL_FROM = 8
_KNOWN = set(RULES_BY_CODE)
_REQUIRED = {rule.code for rule in RULES if rule.required}


def validate_path(path: Path, jobs: int | None = None, context: RunContext | None = None,
                  compare: str | None = None) -> Result:
    """Validate every goal tree at or below ``path`` (or the tree a file
    belongs to, keeping that file's problems); with ``compare`` (a commit),
    also against each tree as it was then."""
    return collect(path, lambda roots: validate_trees(roots, jobs, context, compare))


def validate_trees(roots: list[Path], jobs: int | None = None, context: RunContext | None = None,
                   compare: str | None = None) -> list[Result]:
    """One result per tree; many trees are checked in parallel processes
    (``jobs``: None = one per core)."""
    with _few_collections():
        check = functools.partial(validate_tree, context=context or RunContext(), compare=compare)
        return list(_map(check, roots, jobs))


@contextlib.contextmanager
def _few_collections():
    """A tree is hundreds of thousands of small objects that live until the
    run ends; with the default thresholds the cycle collector rescans them
    again and again and takes almost half of the run."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def validate_tree(root: Path, context: RunContext | None = None, compare: str | None = None) -> Result:
    tree = load_tree(root)
    tree.context = context or RunContext()
    if compare is not None:
        # The rules on binding decisions (RT9xx) compare with the tree as it was.
        tree.memo[PREVIOUS] = load_tree_at(root, compare)
    return check_tree(tree)


def _map(function, roots: list[Path], jobs: int | None):
    """``map`` over trees, in worker processes when it pays off. Workers are
    forked so they start with everything already imported."""
    workers = min(jobs or os.cpu_count() or 1, len(roots))
    if workers < 2 or len(roots) < PARALLEL_FROM:
        return map(function, roots)
    import multiprocessing  # only here: a single tree need not pay for importing it
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return map(function, roots)

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, roots, chunksize=max(1, len(roots) // (workers * 4))))


def check_tree(tree: GoalTree) -> Result:
    settings = _settings(tree)
    if tree.kommun is not None:
        for rule in RULES:
            if isinstance(rule, Rule) and settings[rule.code].enabled:
                _run(rule, tree, settings[rule.code].options)
    else:
        for plan in tree.plans:
            tree.place(plan)[0].report(
                codes.NOT_CHECKED, "Planen kontrollerades bara delvis: kommun.yaml kan inte läsas eller har strukturfel.",
                "Rätta felen i kommun.yaml och kör rt validate igen.", line=1, column=1)
    result = Result(files=len(tree.sources), trees=1)
    for source in tree.sources:
        result.digests[str(source.path.absolute())] = source.digest
        problems = [p for p in (_tuned(p, settings) for p in source.problems) if p is not None]
        result.problems.extend(suppression.apply(problems, source.text, source.display, _KNOWN, _REQUIRED))
        if source.failed:
            result.unreadable.append(source.display)
    return result


def report_problems(tree: GoalTree, group: str) -> list[Problem]:
    """The problems of one group of rules only (e.g. "rapport": what a
    report lacks), tuned and silenced as in a whole run; for `rt status`."""
    settings = _settings(tree)
    rules = [r for r in RULES if isinstance(r, Rule) and r.group == group and settings[r.code].enabled]
    before = {id(source): len(source.problems) for source in tree.sources}
    for rule in rules:
        _run(rule, tree, settings[rule.code].options)
    found = []
    wanted = {rule.code for rule in rules}
    for source in tree.sources:
        fresh = [p for p in source.problems[before.get(id(source), 0):] if p.code in wanted]
        tuned = [p for p in (_tuned(p, settings) for p in fresh) if p is not None]
        found.extend(p for p in suppression.apply(tuned, source.text, source.display, _KNOWN, _REQUIRED)
                     if p.code in wanted)
    return sorted(found, key=Problem.sort_key)


def _settings(tree: GoalTree) -> dict[str, rule_settings.RuleSetting]:
    """The kommun's rule settings, resolved once per tree (a bad setting is
    reported once, however often they are read)."""
    if tree.kommun is None:
        return {}
    if "settings" not in tree.memo:
        tree.memo["settings"] = rule_settings.resolve(tree, RULES)
    return tree.memo["settings"]


def _run(rule: Rule, tree: GoalTree, options) -> None:
    try:
        for hit in rule.check(tree, options):
            source, path = tree.place(hit.node)
            source.report(rule, hit.message, hit.hint, (*path, *hit.keys))
    except UnknownReport:
        raise  # a --period the calendar lacks is the caller's mistake, not the rule's
    except Exception as error:  # a bug in one rule must not hide what the others find
        tree.place(tree.kommun)[0].report(
            rule, f"Regeln {rule.code} kunde inte köras: internt fel i rt ({type(error).__name__}: {error}).",
            "Det här är en bugg i rt, inte i filerna. Rapportera den gärna med filerna bifogade.", line=1, column=1)


def _tuned(problem: Problem, settings: dict) -> Problem | None:
    """The problem at the severity the kommun set, or None where it switched the rule off."""
    setting = settings.get(problem.code)
    if setting is None:
        return problem
    if not setting.enabled:
        return None
    return problem if setting.severity is problem.severity else dataclasses.replace(problem, severity=setting.severity)
