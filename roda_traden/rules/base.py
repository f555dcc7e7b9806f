"""What a rule is: a stable code, a one-line summary, a severity, its Swedish
documentation, and a check that yields hits on the loaded tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..models.base import Model
from ..problems import Severity
from ..tree import GoalTree


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's finding: the model it concerns, and optionally the YAML keys
    below it that pinpoint the spot (e.g. ("målvärden", 2024))."""

    node: Model
    message: str
    hint: str = ""
    keys: tuple = ()


class Options(BaseModel):
    """Base for a rule's options, set in kommun.yaml under inställningar.regler."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Check = Callable[[GoalTree, Any], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    description: str
    # None for problems found while reading files (syntax, encoding …).
    check: Check | None = None
    options: type[Options] | None = None
    # Reading problems that make a file unusable cannot be switched off.
    required: bool = False

    @property
    def group(self) -> str:
        return self.name.split(".", 1)[0]
