"""RT902: a decided nämndmål, or one of its mått, is changed without a new decision."""

from __future__ import annotations

from ..domain.changes import TARGET, binding_breaches, describe, place
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for breach in binding_breaches(tree):
        change = breach.change
        if change.decided is None or change.what == TARGET or change.node is None:
            continue
        yield Hit(change.node, f"{place(change)} – {describe(change)}, men planen är beslutad ({breach.broken}) "
                  "och ändringen har inget nytt beslut.",
                  "Lägg till nämndens beslut om ändringen under revideringar (datum, paragraf, ändrar), "
                  "eller återställ det som beslutades.", change.keys)


RULE = Rule(
    code="RT902",
    name="beslut.nämndmål",
    summary="Ett beslutat nämndmål eller mått har ändrats utan nytt beslut",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett nämndmål som nämnden har beslutat (planens eller nämndmålets
`beslut`) ändras inte i tysthet: en omformulerad text, en ny koppling
till ett KF-mål, ett mått som läggs till, tas bort eller får ny text,
datakälla, enhet eller nytt ingångsvärde kräver ett nytt beslut. Även
ett nämndmål som läggs till eller tas bort i en beslutad plan räknas.
Kontrollen görs av `rt validate --jämför REV` och `rt diff`; ändringen
godtas när planen (eller nämndmålet) fått ett beslut med senare datum än
det som gällde i den jämförda versionen.

Fel (texten omformulerad efter beslutet):
```yaml
beslut: {datum: 2023-12-12, paragraf: "§ 95"}
nämndmål:
  - id: nojdhet-hemtjanst
    text: Fler brukare ska vara nöjda med hemtjänsten
```

Rätt:
```yaml
beslut: {datum: 2023-12-12, paragraf: "§ 95"}
revideringar:
  - datum: 2024-03-20
    paragraf: "§ 31"
    ändrar: "Nämndmålet om nöjdhet i hemtjänsten formuleras om."
nämndmål:
  - id: nojdhet-hemtjanst
    text: Fler brukare ska vara nöjda med hemtjänsten
```
""",
)
