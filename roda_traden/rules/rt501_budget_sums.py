"""RT501: the internbudget's rows add up to its sum row."""

from __future__ import annotations

from ..language.numbers import format_number
from ..problems import Severity
from .base import Hit, Rule
from .budget import COLUMNS, TOLERANCE, in_column, keys


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None or budget.total is None or not budget.rows:
            continue
        for column in budget.columns():
            for attribute, key in COLUMNS:
                rows = [row.value(attribute, column) for row in budget.rows]
                stated = budget.total.value(attribute, column)
                if stated is None or None in rows:
                    continue  # an amount not written: RT506 says where
                total = sum(rows)
                if abs(total - stated) > TOLERANCE:
                    yield Hit(budget.total, f"Summan för {key}{in_column(column)} är {format_number(stated)} "
                              f"{budget.unit}, men raderna summerar till {format_number(total)} {budget.unit}.",
                              "Rätta summaraden eller den rad som är fel.", keys(key, column))


RULE = Rule(
    code="RT501",
    name="budget.summa",
    summary="Internbudgetens rader summerar inte till summaraden",
    severity=Severity.ERROR,
    check=check,
    description="""
Summaraden (`summa`) ska vara summan av verksamheternas rader, för
intäkter, kostnader och nettokostnad, och i en internbudget med kolumner
(prognos, budget, förändring) i varje kolumn. Avvikelser under 0,5 tkr
(avrundning) godtas.

Fel:
```yaml
internbudget:
  verksamheter:
    - {id: aldreomsorg, namn: Äldreomsorg, intäkter: 40 000, kostnader: -300 000, nettokostnad: -260 000}
    - {id: lss, namn: Funktionsstöd, intäkter: 5 000, kostnader: -95 000, nettokostnad: -90 000}
  summa: {intäkter: 45 000, kostnader: -395 000, nettokostnad: -340 000}
```
""",
)
