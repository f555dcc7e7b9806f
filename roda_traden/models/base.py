"""The base every YAML-backed model shares: strict keys and Swedish aliases."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Ids are what references and PR diffs show, so they must be easy to type and
# safe inside "VON.mått-id" addresses: no spaces, no dots.
ID_PATTERN = r"^[A-Za-z0-9ÅÄÖåäöÉéÜü][A-Za-z0-9ÅÄÖåäöÉéÜü_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    """Strict model: every YAML key must be known; keys are the Swedish words.

    Where a model was written is kept by the GoalTree (GoalTree.place), not
    on the model: a private attribute would cost pydantic time per object.
    """

    # Built on first use: only the file models are validated directly, and
    # building a validator for every nested model at import costs start-up.
    model_config = ConfigDict(extra="forbid", populate_by_name=False, validate_default=False, defer_build=True)
