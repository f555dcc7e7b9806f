"""The declared dependency ranges and what .ci/run tests agree."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return [Requirement(r) for r in project["dependencies"] + extras]


def _pinned() -> dict[str, Version]:
    pins = {}
    for line in (REPO / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_every_dependency_has_a_tested_range():
    for requirement in _declared():
        operators = {spec.operator for spec in requirement.specifier}
        assert operators == {">=", "<"}, f"{requirement.name}: a lower and an upper bound"


def test_lowest_constraints_pin_every_lower_bound():
    pinned = _pinned()
    lowest = {canonicalize_name(r.name): Version(next(s.version for s in r.specifier if s.operator == ">="))
              for r in _declared()}
    assert pinned == lowest
