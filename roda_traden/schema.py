"""JSON Schema of every file kind, generated from the models, so an editor's
YAML language server can complete keys and flag errors while typing."""

from __future__ import annotations

from typing import Any

from .loading.tree import FILE_KINDS, KOMMUN_FILE
from .models.kommun import KommunFile

KINDS = {"kommun": KommunFile, **{kind.name: kind.model for kind in FILE_KINDS}}


def json_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    title = KOMMUN_FILE if kind == "kommun" else f"{kind}-ÅÅÅÅ.yaml"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
