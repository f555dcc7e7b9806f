"""RT205: an ingångsvärde says which year it is from."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, _goal, _measure, series in tree.series():
        baseline = series.baseline
        if baseline is not None and baseline.value is not None and baseline.year is None:
            raw = baseline.value.raw
            # Inside {…} a comma separates entries, so "9,4" must be quoted.
            shown = f"'{raw}'" if any(ch in raw for ch in ",:{}[]") else raw
            yield Hit(series, f"Ingångsvärdet \"{raw}\" saknar år.",
                      f"Skriv \"ingångsvärde: {{värde: {shown}, år: ÅÅÅÅ}}\" med året värdet avser.",
                      ("ingångsvärde",))


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
""",
)
