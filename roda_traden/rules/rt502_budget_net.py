"""RT502: nettokostnad = intäkter + kostnader on every budget line."""

from __future__ import annotations

from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .budget import TOLERANCE, in_column, keys


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None:
            continue
        for line, name in budget.lines():
            for column in budget.columns():
                income, costs, net = (line.value(a, column) for a in ("income", "costs", "net"))
                if None in (income, costs, net):
                    continue  # an amount not written: RT506 says where
                if abs(income + costs - net) > TOLERANCE:
                    hint = "Kostnader skrivs negativa, intäkter positiva." if costs > 0 else "Rätta något av beloppen."
                    yield Hit(line, f"Nettokostnaden på {name}{in_column(column)} är {format_number(net)}, men "
                              f"intäkter + kostnader = {format_number(income + costs)} {budget.unit}.",
                              hint, keys("nettokostnad", column))


RULE = Rule(
    code="RT502",
    name="budget.netto",
    summary="Nettokostnad är inte intäkter + kostnader",
    severity=Severity.ERROR,
    check=check,
    description="""
Internbudgeten skrivs med intäkter positiva och kostnader negativa, så att
nettokostnad = intäkter + kostnader på varje rad och på summaraden, i varje
kolumn.

Fel:
```yaml
    - {id: lss, namn: Funktionsstöd, intäkter: 5 000, kostnader: -95 000, nettokostnad: -100 000}
```
""",
)
