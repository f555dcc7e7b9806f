"""Mutated copies of the example through validate, status and report: never
an internal error, a traceback, a rule that crashes, or a case that hangs.

A bounded number of seeded cases runs here; benchmarks/fuzz.py runs many
more with the same mutator (tests/fuzzing.py)."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE
from tests.fuzzing import run_case

SEEDS = range(150)


@pytest.mark.parametrize("block", range(0, len(SEEDS), 25))
def test_mutated_trees_never_crash(tmp_path, monkeypatch, block):
    monkeypatch.delenv("RT_DEBUG", raising=False)
    failures = [f for seed in SEEDS[block:block + 25] for f in run_case(EXAMPLE, tmp_path, seed)]
    assert failures == []
