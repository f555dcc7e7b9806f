"""RT505: "348,937" among amounts in thousands: a thousands comma or decimals?"""

from __future__ import annotations

from ..language.numbers import format_number
from ..models.budget import WrittenAmount
from ..problems import Severity
from .base import Hit, Rule
from .budget import COLUMNS, in_column, keys

# A budget in tkr whose amounts reach this is printed in thousands, where a
# comma and three digits reads as a thousands separator.
_THOUSANDS = 1000


def _amounts(budget):
    """(line, how it is named, figure key, column, amount) for every amount written."""
    for line, name in budget.lines():
        for column in budget.columns():
            for attribute, key in COLUMNS:
                amount = line.value(attribute, column)
                if amount is not None:
                    yield line, name, key, column, amount


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None:
            continue
        amounts = list(_amounts(budget))
        if budget.frame is not None:
            amounts.append((budget, "internbudgeten", "ram", None, budget.frame))
        if not any(abs(amount) >= _THOUSANDS for *_rest, amount in amounts):
            continue
        for line, name, key, column, amount in amounts:
            if not isinstance(amount, WrittenAmount):
                continue
            thousands = format_number(round(amount * 1000))
            yield Hit(line, f"\"{amount.written}\" för {key}{in_column(column)} på {name} läses som "
                      f"{format_number(amount)} {budget.unit}, men övriga belopp är i tusental: menas {thousands}?",
                      f"Skriv {thousands} om det är tusental; om det är decimaler, skriv dem utan tre "
                      f"siffror efter kommat, t.ex. {format_number(round(amount, 2))}.",
                      keys(key, column))


RULE = Rule(
    code="RT505",
    name="budget.tusentalskomma",
    summary="Ett belopp som \"348,937\" kan vara tusental eller decimaler",
    severity=Severity.WARNING,
    check=check,
    description="""
Tabeller som klistras in från Excel eller engelska mallar kan ha komma som
tusentalsavgränsare. På svenska är kommat decimaltecken, så "348,937" läses
som 348,937 tkr, inte 348 937 tkr, och summorna i internbudgeten slutar
stämma. När internbudgeten i övrigt har belopp i tusental varnar rt för
belopp med ett komma och exakt tre siffror efter det.

Fel:
```yaml
    - {id: lss, namn: Funktionsstöd, intäkter: "5,000", kostnader: -95 000, nettokostnad: -90 000}
```

Rätt:
```yaml
    - {id: lss, namn: Funktionsstöd, intäkter: 5 000, kostnader: -95 000, nettokostnad: -90 000}
```

Det är en varning, inte ett fel: ett belopp på 348,937 tkr (348 937 kr) kan
vara avsett. Skriv det då med två decimaler (348,94) eller fyra (348,9370).
""",
)
