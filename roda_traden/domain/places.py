"""Remembering, for every loaded model, the file and YAML path it came from,
so a rule can point at a nämndmål without knowing how it was read."""

from __future__ import annotations

import functools
import typing
from typing import Any

from pydantic import BaseModel

from ..models.base import Model


def attach(model: Model, source: Any, places: dict[int, tuple], path: tuple = ()) -> None:
    """Record (source, path) for ``model`` and every model inside it in
    ``places``, keyed by object id (the tree keeps the models alive)."""
    places[id(model)] = (source, path)
    for attribute, key in _model_fields(type(model)):
        value = getattr(model, attribute)
        if isinstance(value, Model):
            attach(value, source, places, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Model):
                    attach(item, source, places, (*path, key, index))
        elif isinstance(value, dict):
            for item_key, item in value.items():
                if isinstance(item, Model):
                    attach(item, source, places, (*path, key, item_key))


@functools.cache
def _model_fields(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, YAML key) of the fields that can hold models; computed
    once per class so the walk skips plain text and numbers."""
    return tuple(
        (name, field.alias or name)
        for name, field in cls.model_fields.items()
        if _mentions_model(field.annotation)
    )


def _mentions_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_model(arg) for arg in typing.get_args(annotation))
