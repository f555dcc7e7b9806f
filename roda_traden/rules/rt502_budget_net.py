"""RT502: nettokostnad = intäkter + kostnader on every budget line."""

from __future__ import annotations

from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .budget import TOLERANCE


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None:
            continue
        lines = [(row, f"raden \"{row.name}\"") for row in budget.rows]
        if budget.total is not None:
            lines.append((budget.total, "summaraden"))
        for line, name in lines:
            expected = line.income + line.costs
            if abs(expected - line.net) > TOLERANCE:
                hint = "Kostnader skrivs negativa, intäkter positiva." if line.costs > 0 else "Rätta något av beloppen."
                yield Hit(line, f"Nettokostnaden på {name} är {format_number(line.net)}, men intäkter + kostnader "
                          f"= {format_number(expected)} {budget.unit}.", hint, ("nettokostnad",))


RULE = Rule(
    code="RT502",
    name="budget.netto",
    summary="Nettokostnad är inte intäkter + kostnader",
    severity=Severity.ERROR,
    check=check,
    description="""
Internbudgeten skrivs med intäkter positiva och kostnader negativa, så att
nettokostnad = intäkter + kostnader på varje rad och på summaraden.

Fel:
```yaml
    - {id: lss, namn: Funktionsstöd, intäkter: 5 000, kostnader: -95 000, nettokostnad: -100 000}
```
""",
)
