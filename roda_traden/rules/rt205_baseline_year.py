"""RT205: an ingångsvärde says which year it is from."""

from __future__ import annotations

from ..domain.measures import starts_of
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, _measure, series in tree.series():
        for start in starts_of(series):
            baseline = start.baseline
            if baseline.value is None or baseline.measured_year is not None:
                continue
            raw, whose = baseline.value.raw, "" if start.part is None else f" för {start.part}"
            if baseline.dated is not None:
                yield Hit(series, f"Ingångsvärdet \"{raw}\"{whose} anger perioden \"{baseline.dated.raw}\" "
                          "men inte året.", f"Skriv året i perioden (\"{baseline.dated.raw} ÅÅÅÅ\") "
                          "eller lägg till \"år: ÅÅÅÅ\".", start.keys)
                continue
            # Inside {…} a comma separates entries, so "9,4" must be quoted.
            shown = f"'{raw}'" if any(ch in raw for ch in ",:{}[]") else raw
            written = "ingångsvärde: {" if start.part is None else f"{{del: {start.part}, "
            yield Hit(series, f"Ingångsvärdet \"{raw}\"{whose} saknar år.",
                      f"Skriv \"{written}värde: {shown}, år: ÅÅÅÅ}}\" med året värdet avser.", start.keys)


RULE = Rule(
    code="RT205",
    name="smart.ingångsvärdets-år",
    summary="Ingångsvärde saknar år",
    severity=Severity.WARNING,
    check=check,
    description="""
"Ingångsvärde / Bokslutsvärde (år)": värdet ska ha sitt år, annars går det
inte att veta om det är fjolårets bokslut eller en äldre mätning.

Fel: `ingångsvärde: 69 %`

Rätt: `ingångsvärde: {värde: 69 %, år: 2022}`

Ett värde för en del av året eller vid ett datum har året i perioden eller
datumet: `{värde: 41, period: jan–nov 2023}`, `{värde: 176, datum:
2023-12-01}` eller som tabellen skriver det: `ingångsvärde: "41 (jan–nov
2023)"`.
""",
)
