"""RT506: in the column form every line has an amount in every column, and
one of them is the plan year's budget."""

from __future__ import annotations

from collections import Counter

from ..problems import Severity
from .base import Hit, Rule
from .budget import COLUMNS


def check(tree, options):
    for plan in tree.plans:
        budget = plan.budget
        if budget is None or budget.columns() == [None]:
            continue
        figures = [(line, name, key, getattr(line, attribute))
                   for line, name in budget.lines() for attribute, key in COLUMNS]
        written = [figure for *_rest, figure in figures if isinstance(figure, dict)]
        used = {column for figure in written for column in figure}
        expected = _expected(budget, written)
        listed = ", ".join(expected)
        if f"budget-{plan.year}" not in {*expected, *used}:
            yield Hit(budget, f"Internbudgeten har kolumner ({listed}) men ingen budget-{plan.year} för planåret.",
                      f"Lägg till kolumnen budget-{plan.year}: planårets budget, som ramen jämförs med.",
                      ("kolumner",) if budget.headings else ())
        for column in [c for c in budget.headings if c not in used]:
            yield Hit(budget, f"Kolumnen {column} under kolumner har inga belopp på någon rad.",
                      "Rätta kolumnens namn så att det stämmer med raderna, eller ta bort den.", ("kolumner", column))
        reported: set[str] = set()
        for line, name, key, figure in figures:
            if not isinstance(figure, dict):
                yield Hit(line, f"{key.capitalize()} på {name} är ett belopp utan kolumn, men internbudgeten "
                          f"har kolumnerna {listed}.", f"Skriv ett belopp per kolumn: {key}: "
                          f"{{{', '.join(f'{c}: …' for c in expected)}}}.", (key,))
                continue
            # A column outside the table: said once, where it first occurs.
            for column in [c for c in figure if c not in expected and c not in reported]:
                reported.add(column)
                where = "står inte under kolumner" if budget.headings else "finns bara på några rader"
                yield Hit(line, f"Kolumnen {column} ({key} på {name}) {where}; tabellens kolumner är {listed}.",
                          f"Rätta kolumnens namn, eller lägg till {column} på alla rader"
                          + (" och under kolumner." if budget.headings else "."), (key, column))
            missing = [c for c in expected if c not in figure and c in used]
            if missing:
                yield Hit(line, f"{key.capitalize()} på {name} saknar {_columns(missing)}.",
                          "Skriv beloppet som det står i planens tabell; 0 om rutan är tom.", (key,))


def _expected(budget, written: list[dict]) -> dict[str, None]:
    """The table's columns: `kolumner`, else those most lines write (in order)."""
    if budget.headings:
        return dict.fromkeys(budget.headings)
    common, _count = Counter(tuple(figure) for figure in written).most_common(1)[0]
    return dict.fromkeys(common)


def _columns(names: list[str]) -> str:
    return f"kolumnen {names[0]}" if len(names) == 1 else "kolumnerna " + ", ".join(names)


RULE = Rule(
    code="RT506",
    name="budget.kolumner",
    summary="En rad i internbudgeten saknar en kolumn",
    severity=Severity.ERROR,
    check=check,
    description="""
En internbudget med kolumner (t.ex. årsprognos, årets budget, förändring
och planårets budget) ska ha ett belopp i varje kolumn för intäkter,
kostnader och nettokostnad på varje rad och på summaraden, och en kolumn
`budget-ÅÅÅÅ` för planåret: ramen jämförs med den. Kolumnerna är de som står
under `kolumner`, annars de som de flesta raderna har. Saknas ett belopp kan
summorna inte kontrolleras (RT501, RT502, RT504).

Fel:
```yaml
internbudget:
  verksamheter:
    - id: aldreomsorg
      namn: Äldreomsorg
      intäkter: {budget-2023: 39 000, förändring: 1 000, budget-2024: 40 000}
      kostnader: {budget-2023: -290 000, budget-2024: -300 000}
      nettokostnad: {budget-2023: -251 000, förändring: -9 000, budget-2024: -260 000}
```

Rätt:
```yaml
      kostnader: {budget-2023: -290 000, förändring: -10 000, budget-2024: -300 000}
```
""",
)
