"""RT504: last year's budget + förändring = the plan year's budget."""

from __future__ import annotations

from ..language.numbers import format_number
from ..models.budget import CHANGE
from ..problems import Severity
from .base import Hit, Rule
from .budget import COLUMNS, TOLERANCE


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None:
            continue
        before, after = f"budget-{plan.year - 1}", f"budget-{plan.year}"
        if not {before, CHANGE, after} <= set(budget.columns()):
            continue
        for line, name in budget.lines():
            for attribute, key in COLUMNS:
                old, change, new = (line.value(attribute, c) for c in (before, CHANGE, after))
                if None in (old, change, new) or abs(old + change - new) <= TOLERANCE:
                    continue
                yield Hit(line, f"På {name} är {before} + förändring för {key} {format_number(old + change)} "
                          f"{budget.unit}, men {after} är {format_number(new)} {budget.unit}.",
                          f"Förändringen ska vara skillnaden mellan {after} och {before} "
                          f"({format_number(new - old)}); rätta den eller budgetbeloppet.", (key, CHANGE))


RULE = Rule(
    code="RT504",
    name="budget.förändring",
    summary="Föregående års budget + förändring är inte planårets budget",
    severity=Severity.ERROR,
    check=check,
    description="""
I en internbudget med kolumner är `förändring` skillnaden mellan
föregående års budget och planårets: `budget-2023` + `förändring` =
`budget-2024` i en plan för 2024, för intäkter, kostnader och nettokostnad
på varje rad och på summaraden. Avvikelser under 0,5 tkr (avrundning)
godtas. Kontrollen görs när internbudgeten har alla tre kolumnerna.

Fel:
```yaml
    - id: aldreomsorg
      namn: Äldreomsorg
      kostnader: {budget-2023: -290 000, förändring: -8 000, budget-2024: -300 000}
```

Rätt:
```yaml
      kostnader: {budget-2023: -290 000, förändring: -10 000, budget-2024: -300 000}
```
""",
)
