"""What a rule is: a code (stable code, summary, severity, Swedish
documentation) with a check that yields hits on the loaded tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..domain.tree import GoalTree
from ..models.base import Model
from ..problems import Code


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's finding: the model it concerns, and optionally the YAML keys
    below it that pinpoint the spot (e.g. ("målvärden", 2024)). The engine
    turns it into a Problem with file, line and column."""

    node: Model
    message: str
    hint: str = ""
    keys: tuple = ()


class Options(BaseModel):
    """Base for a rule's options, set in kommun.yaml under inställningar.regler."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Check = Callable[[GoalTree, Any], Iterable[Hit]]


@dataclass(frozen=True, kw_only=True)
class Rule(Code):
    check: Check
    options: type[Options] | None = None
