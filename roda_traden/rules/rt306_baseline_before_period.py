"""RT306: the ingångsvärde is from before the first target year."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule
from .wording import series_name


def check(tree, options):
    for plan, _goal, measure, series in tree.series():
        period, baseline = tree.period_of(plan), series.baseline
        if period and baseline is not None and baseline.year is not None and baseline.year >= period.start:
            yield Hit(series, f"Ingångsvärdet i {series_name(measure, series)} är från {baseline.year}, "
                      f"men perioden börjar {period.start}.",
                      "Ingångsvärdet är utgångsläget före perioden, normalt senaste bokslutet.",
                      ("ingångsvärde",))


RULE = Rule(
    code="RT306",
    name="målvärde.ingångsvärdets-år",
    summary="Ingångsvärdet är inte från tiden före perioden",
    severity=Severity.WARNING,
    check=check,
    description="""
Ingångsvärdet beskriver läget innan perioden börjar, normalt senaste
bokslutsvärdet. Ett ingångsvärde från periodens första år eller senare är
oftast ett skrivfel.

Fel (period 2023–2025): `ingångsvärde: {värde: 69 %, år: 2023}`
""",
)
