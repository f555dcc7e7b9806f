"""RT503: the internbudget stays within the ram KF gave."""

from __future__ import annotations

from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .budget import TOLERANCE, in_column, plan_year_column, plan_year_net


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None or budget.frame is None or not budget.rows:
            continue
        net = plan_year_net(budget, plan.year)
        if net is not None and abs(net) > abs(budget.frame) + TOLERANCE:
            over = format_number(abs(net) - abs(budget.frame))
            yield Hit(budget, f"Nettokostnaden {format_number(abs(net))} {budget.unit}"
                      f"{in_column(plan_year_column(budget, plan.year))} överskrider ramen "
                      f"{format_number(abs(budget.frame))} {budget.unit} med {over}.",
                      "Internbudgeten ska rymmas inom kommunfullmäktiges ram; minska kostnaderna eller "
                      "redovisa beslut om utökad ram.", ("ram",))


RULE = Rule(
    code="RT503",
    name="budget.ram",
    summary="Internbudgeten överskrider ramen",
    severity=Severity.ERROR,
    check=check,
    description="""
`ram` är den nettokostnadsram kommunfullmäktige gav organisationen i Mål och
budget. Internbudgetens nettokostnad (summaraden, annars radernas summa) får
inte vara större. I en internbudget med kolumner jämförs planårets budget,
kolumnen `budget-ÅÅÅÅ` för planens år.

Fel:
```yaml
internbudget:
  ram: 350 000
  summa: {intäkter: 45 000, kostnader: -400 000, nettokostnad: -355 000}
```
""",
)
