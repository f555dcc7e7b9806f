"""The base every YAML-backed model shares: strict keys, Swedish aliases,
and a place to remember where in which file the model was written."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints

# Ids are what references and PR diffs show, so they must be easy to type and
# safe inside "VON.mått-id" addresses: no spaces, no dots.
ID_PATTERN = r"^[A-Za-z0-9ÅÄÖåäöÉéÜü][A-Za-z0-9ÅÄÖåäöÉéÜü_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    """Strict model: every YAML key must be known; keys are the Swedish words."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, validate_default=False)

    # (source file, path of YAML keys and list indexes) – set after loading.
    _at: Any = PrivateAttr(default=None)
