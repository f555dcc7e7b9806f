"""Small pieces several file kinds share."""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar

from pydantic import Field

from .base import Model, Text

Year = Annotated[int, Field(ge=1990, le=2100)]


class Decision(Model):
    """Who decided what, when: kommunfullmäktige for KF-mål, the nämnd (or a
    bolag's styrelse) for its plan – the A in SMART."""

    label: ClassVar[str] = "beslut"

    date: datetime.date | None = Field(default=None, alias="datum")
    paragraph: Text | None = Field(default=None, alias="paragraf")
    body: Text | None = Field(default=None, alias="organ")
    document: Text | None = Field(default=None, alias="dokument")
