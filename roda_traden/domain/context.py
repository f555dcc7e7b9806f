"""What a run is about beyond the files; light, so the result cache can
use it without importing the models."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RunContext:
    """What a run is about beyond the files: the report asked for (rt
    validate --period), its year, and today's date for deadlines."""

    report: str | None = None
    year: int | None = None
    today: datetime.date = field(default_factory=datetime.date.today)
