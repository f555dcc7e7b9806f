"""RT306: the ingångsvärde is from before the first target year."""

from __future__ import annotations

from ..domain.measures import starts_of
from ..problems import Severity
from .base import Hit, Rule
from .wording import capitalized, series_name


def check(tree, options):
    for plan, _goal, measure, series in tree.series():
        period = tree.period_of(plan)
        if not period:
            continue
        for start in starts_of(series):
            year, dated = start.baseline.measured_year, start.baseline.dated
            if year is None or year < period.start:
                continue
            when = dated.raw if dated is not None and start.baseline.year is None else year
            yield Hit(series, f"{capitalized(start.what)} i {series_name(measure, series)} är från {when}, "
                      f"men perioden börjar {period.start}.",
                      "Ingångsvärdet är utgångsläget före perioden, normalt senaste bokslutet.", start.keys)


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

Ett värde för en del av ett år räknas till det året: `"41 (jan–nov 2022)"`
ligger före perioden 2023–2025, `läsåret 2022/23` gör det inte.
""",
)
