"""pydantic's validation errors, said in Swedish at the right place."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from ..language.values import NotAValue, parse_period
from ..models.common import Year
from ..text.nodes import key_spellings
from ..text.printable import printable
from ..text.spelling import did_you_mean, likely_year

# The years a Year field accepts, as models/common.py bounds them.
_YEAR_MIN, _YEAR_MAX = (next(getattr(m, bound) for m in typing.get_args(Year)[1].metadata if hasattr(m, bound))
                        for bound in ("ge", "le"))

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "float_parsing": "ett tal",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en lista (rader som börjar med \"- \")",
    "dict_type": "en mappning (nycklar med värden)",
    "model_type": "en mappning (nycklar med värden)",
    "model_attributes_type": "en mappning (nycklar med värden)",
    "date_type": "ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "ett datum (ÅÅÅÅ-MM-DD)",
}


def schema_findings(model: type[BaseModel], data: Any, error: ValidationError) -> Iterator[tuple[tuple, str, str]]:
    """(path, message, hint) for each distinct problem pydantic found."""
    seen: set[tuple] = set()
    items = []
    for item in error.errors(include_url=False):
        if item["type"] == "invalid_key":  # pydantic spells the key in loc as 1 or "None"; the input is the key
            path = (*_data_path(data, item["loc"][:-1], missing=False), item["input"])
        elif _about_key(item):  # loc is (…, "målvärden", key as text, "[key]")
            path = (*_data_path(data, item["loc"][:-2], missing=False), item["input"])
        else:
            path = _data_path(data, item["loc"], missing=item["type"] == "missing")
        if path in seen:  # a union reports once per member; the first says enough
            continue
        seen.add(path)
        items.append((path, item))
    # "txt" unknown and "text" missing in the same mapping is one mistake.
    misspelt = {(*path[:-1], _suggestion(model, path)) for path, item in items if item["type"] == "extra_forbidden"}
    for path, item in items:
        if item["type"] == "missing" and path in misspelt:
            continue
        yield path, *_explain(model, data, path, item)


def _suggestion(model: type[BaseModel], path: tuple) -> str | None:
    owner = model_at(model, path[:-1])
    return did_you_mean(str(path[-1]), _aliases(owner)) if owner else None


def _data_path(data: Any, loc: tuple, missing: bool) -> tuple:
    """The part of pydantic's ``loc`` that exists in the YAML (drops union
    member names and "[key]" markers)."""
    path, node = [], data
    for i, segment in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and segment in node:
            path.append(segment)
            node = node[segment]
        elif isinstance(node, dict) and isinstance(segment, str) and segment.isdigit() and int(segment) in node:
            path.append(int(segment))
            node = node[int(segment)]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            path.append(segment)
            node = node[segment]
        elif last and missing:
            path.append(segment)
    return tuple(path)


def _about_key(item: dict) -> bool:
    return item["loc"][-1:] == ("[key]",)


def _explain(root: type[BaseModel], data: Any, path: tuple, item: dict) -> tuple[str, str]:
    kind, value = item["type"], item.get("input")
    key = _name(data, path)
    owner = model_at(root, path[:-1]) if path else root
    where = f" i {owner.label}" if owner is not None and hasattr(owner, "label") else ""
    if _about_key(item):
        if kind.startswith(("int_", "greater_than", "less_than")):
            return _year_key(root, data, path)
        return (f"Nyckeln {_shown_key(path[-1])} i \"{path[-2]}\" ska vara text.",
                f"Skriv nyckeln inom citattecken: \"{_written_key(path[-1])}\".")
    if kind == "invalid_key":
        allowed = ", ".join(_aliases(owner)) if owner else ""
        return (f"Nyckeln {_shown_key(path[-1])}{where} är inte ett ord.",
                f"Tillåtna nycklar här: {allowed}." if allowed else "Nycklar är ord; se docs/format.md.")
    if kind == "missing":
        return f"Nyckeln \"{key}\" saknas{where}.", f"Lägg till \"{key}: …\"; se docs/format.md."
    if kind == "extra_forbidden":
        allowed = _aliases(owner) if owner else []
        guess = did_you_mean(str(key), allowed)
        hint = f"Menade du \"{guess}\"?" if guess else "Tillåtna nycklar här: " + ", ".join(allowed) + "."
        return f"Okänd nyckel \"{key}\"{where}.", hint
    if kind in ("literal_error", "enum"):
        expected = item.get("ctx", {}).get("expected", "")
        return f"Ogiltigt värde {_show(value)} för \"{key}\".", f"Tillåtna värden: {expected.replace(' or ', ' eller ')}."
    if kind == "string_pattern_mismatch":
        if key == "id" or str(key).endswith("id"):
            return f"Ogiltigt id {_show(value)}.", "Ett id består av bokstäver, siffror, - och _, utan mellanslag, t.ex. \"nojdhet-sabo\"."
        return f"Värdet {_show(value)} för \"{key}\" har fel form.", _pattern_hint(key)
    if kind in ("greater_than_equal", "less_than_equal") and _is_year_bound(item) and _is_int(value):
        return (f"\"{key}\" ska vara ett årtal med fyra siffror ({_YEAR_MIN}–{_YEAR_MAX}), inte {_show(value)}.",
                f"Skriv året med fyra siffror, t.ex. {_example_year(data)}.")
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"Värdet {_show(value)} för \"{key}\" ligger utanför det tillåtna.", _range_hint(item)
    if kind == "too_short":
        return f"\"{key}\" är tom.", f"Ange minst ett värde, eller ta bort \"{key}\" (se docs/format.md)."
    if kind == "string_too_short":
        return f"\"{key}\" är tom.", f"Skriv en text efter \"{key}:\" eller ta bort raden."
    if kind == "rt":  # raised by our own validators, already in Swedish
        return item["msg"], item.get("ctx", {}).get("hint", "Se docs/format.md för hur värdet skrivs.")
    if key == "kod" and isinstance(value, int) and not _huge(value):
        return (f"Kommunkoden står utan citattecken och läses därför som talet {value}.",
                f"Skriv kod: \"{value:04d}\".")
    if kind in _TYPE_WORDS:
        return f"\"{key}\" ska vara {_TYPE_WORDS[kind]}, inte {_show(value)}.", _type_hint(kind, key, value)
    return f"Ogiltigt värde {_show(value)} för \"{key}\".", "Jämför med exemplen i docs/format.md."


def _name(data: Any, path: tuple) -> str | None:
    """The key a problem is about, as written; list items as "mått nr 2", not an index."""
    if not path:
        return None
    last = path[-1]
    if isinstance(_node(data, path[:-1]), list) and len(path) > 1:
        return f"{path[-2]} nr {last + 1}"
    return _written_key(last)


def _node(data: Any, path: tuple) -> Any:
    """What stands at ``path`` in the data, or None where nothing does."""
    for segment in path:
        try:
            data = data[segment]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _written_key(key: Any) -> str:
    """A scalar key as it is written in YAML: true, not True."""
    return key_spellings(key)[0]


def _shown_key(key: Any) -> str:
    if isinstance(key, (frozenset, dict)):
        return "(en mappning)"
    if isinstance(key, tuple):
        return "(en lista)"
    return f"\"{printable(_written_key(key))}\""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_year_bound(item: dict) -> bool:
    ctx = item.get("ctx", {})
    return ctx.get("ge") == _YEAR_MIN or ctx.get("le") == _YEAR_MAX


def _year_key(root: type[BaseModel], data: Any, path: tuple) -> tuple[str, str]:
    """A key of målvärden (or a nyckeltal's värden) that is not a year: say
    it as written, where, and which year it likely is."""
    written, mapping = path[-1], _node(data, path[:-1])
    years = sorted(k for k in mapping or () if _is_int(k) and _YEAR_MIN <= k <= _YEAR_MAX)
    owner = model_at(root, path[:-2])
    container = _node(data, path[:-2])
    whose = ""
    if owner is not None and isinstance(container, dict) and isinstance(container.get("id"), str):
        whose = f" för {owner.label} \"{printable(container['id'])}\""
    message = f"Nyckeln {_shown_key(written)} i {path[-2]}{whose} är inte ett år."
    period, context = _plan_years(data)
    # A year of the plan's period that is not written yet; only with no period
    # known, a year next to those written. A guess outside the period misleads.
    window = set(period) or ({*range(years[0] - 1, years[-1] + 2)} if years else set())
    guess = likely_year(_written_key(written), sorted(window - set(years))) if _is_scalar(written) else None
    hint = f"Menade du {guess}? " if guess else ""
    if years:
        context += " Övriga år här: " + ", ".join(map(str, years)) + "."
    return message, f"{hint}Ett år skrivs med fyra siffror, t.ex. {guess or _example_year(data)}: … {context}"


def _is_scalar(key: Any) -> bool:
    return not isinstance(key, (frozenset, tuple, dict))


def _plan_years(data: Any) -> tuple[range, str]:
    """The years a plan is for, and how to say so: its own period, else
    its year and the two after (how a plan's period usually runs)."""
    try:
        period = parse_period(data.get("period"))
    except NotAValue:
        year = data.get("år")
        if not _is_int(year) or not _YEAR_MIN <= year <= _YEAR_MAX:
            return range(0), ""
        return range(year, year + 3), f"Planen gäller {year}."
    return period.years, f"Planperioden är {period.start}–{period.end}."


def _example_year(data: Any) -> int:
    year = data.get("år") if isinstance(data, dict) else None
    return year if _is_int(year) and _YEAR_MIN <= year <= _YEAR_MAX else 2025


def _show(value: Any) -> str:
    if value is None:
        return "ett tomt värde"
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list):
        return "en lista"
    if _huge(value):
        return "ett tal med över 60 siffror"
    text = printable(_written_key(value) if isinstance(value, bool) else str(value))
    return f"\"{text[:60]}…\"" if len(text) > 60 else f"\"{text}\""


def _huge(value: Any) -> bool:
    """An integer too long to quote: str() refuses beyond 4 300 digits, and none is needed."""
    return isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200


def _type_hint(kind: str, key: Any, value: Any) -> str:
    if key == "kod":
        return "Kommunkoden är fyra siffror inom citattecken, t.ex. \"0481\"."
    if kind == "string_type" and isinstance(value, (list, dict)):
        return (f"Skriv ett enda värde efter \"{key}:\"; en text som börjar med [ eller {{ "
                "står inom citattecken, t.ex. \"[Se bilaga] …\".")
    if kind == "string_type" and isinstance(value, (int, float)):  # bool too: true, not True
        return "Sätt värdet inom citattecken." if _huge(value) else f"Sätt värdet inom citattecken: {_show(value)}."
    if kind.startswith("date"):
        return "Skriv datum som 2023-08-31."
    return "Se docs/format.md för hur värdet skrivs."


def _pattern_hint(key: Any) -> str:
    if key in ("avser", "nämnder", "bolag", "inlämning"):
        return "Skriv månad och dag som MM-DD, t.ex. \"09-12\"."
    if key == "kod":
        return "Kommunkoden är fyra siffror inom citattecken, t.ex. \"0481\"."
    return "Se docs/format.md för hur värdet skrivs."


def _range_hint(item: dict) -> str:
    ctx = item.get("ctx", {})
    if "ge" in ctx:
        return f"Värdet ska vara minst {ctx['ge']}."
    return f"Värdet får vara högst {ctx.get('le')}."


def _aliases(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def model_at(root: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model class describing the mapping at ``path`` under ``root``."""
    current: Any = root
    for segment in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next((f for n, f in current.model_fields.items() if (f.alias or n) == segment), None)
            if field is None:
                return None
            current = _unwrap(field.annotation)
        else:  # a list index or dict key: step into the item type
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = _unwrap(args[-1]) if args else None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional; prefer a model member of a union."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [_unwrap(a) for a in typing.get_args(annotation) if a is not type(None)]
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
        return models[0] if models else members[0]
    return annotation
