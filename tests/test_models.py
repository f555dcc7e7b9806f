"""The models and the values they read, on real files and real notations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml_rs

from roda_traden.language.numbers import format_number, parse_number
from roda_traden.language.values import parse_period, parse_target
from roda_traden.loading.tree import FILE_KINDS, KOLADA
from roda_traden.models.kommun import KommunFile
from tests.conftest import BASE_TREE, EXAMPLE, REPO

TREE_FILES = sorted(
    [*EXAMPLE.rglob("*.yaml"), *(REPO / "goals").rglob("*.yaml"), *BASE_TREE.rglob("*.yaml")]
)


def _model(path: Path):
    if path.name == "kommun.yaml":
        return KommunFile
    if path.parent.name == "kolada":
        return KOLADA.model
    return next(kind.model for kind in FILE_KINDS if kind.pattern.match(path.name))


@pytest.mark.parametrize("path", TREE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_round_trip(path):
    """Dumping a loaded file by its Swedish keys and loading it again gives the same model."""
    model = _model(path)
    loaded = model.model_validate(yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False))
    dumped = loaded.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    assert model.model_validate(dumped) == loaded


@pytest.mark.parametrize(
    ("written", "kind", "op", "number", "percent"),
    [
        (72, "number", "=", 72, False),
        ("72%", "number", "=", 72, True),
        ("72 %", "number", "=", 72, True),
        (">25", "number", ">", 25, False),
        ("<176", "number", "<", 176, False),
        ("≥ 90", "number", ">=", 90, False),
        ("minst 30 %", "number", ">=", 30, True),
        ("max 99%", "number", "<=", 99, True),
        ("1 052", "number", "=", 1052, False),
        ("0,5", "number", "=", 0.5, False),
        ("–3 200", "number", "=", -3200, False),
        ("ja", "yes_no", "=", None, False),
        ("Nej", "yes_no", "=", None, False),
        ("ökar jämfört med föregående år", "change", "=", None, False),
        ("minst i nivå med genomsnittet för likvärdiga kommuner", "benchmark", ">=", None, False),
        ("högst i nivå med riket", "benchmark", "<=", None, False),
        ("åttio", "unknown", "=", None, False),
    ],
)
def test_target_notations(written, kind, op, number, percent):
    target = parse_target(written)
    assert (target.kind, target.op, target.number, target.percent) == (kind, op, number, percent)
    assert target.raw == (written if isinstance(written, str) else str(written))


def test_target_keeps_bool_and_one_apart():
    assert parse_target(True).kind == "yes_no"
    assert parse_target(1).kind == "number"


def test_change_and_benchmark_details():
    assert parse_target("minskar jämfört med föregående år").direction == "down"
    assert parse_target("minst i nivå med riket").benchmark == "riket"


@pytest.mark.parametrize("written", ["2023–2025", "2023-2025", " 2023 – 2025 ", {"från": 2023, "till": 2025}])
def test_period_notations(written):
    assert list(parse_period(written).years) == [2023, 2024, 2025]


@pytest.mark.parametrize("written", ["2025–2023", "2023", "tre år", {"från": 2023}])
def test_bad_periods_are_refused(written):
    with pytest.raises(Exception, match="period|år"):
        parse_period(written)


def test_swedish_numbers():
    assert parse_number("1\u00a0052,5") == 1052.5
    assert parse_number("−12") == -12
    assert parse_number("12 34") is None
    assert format_number(1052) == "1\u00a0052"
    assert format_number(-3200.5) == "−3\u00a0200,5"
