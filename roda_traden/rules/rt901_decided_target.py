"""RT901: a målvärde the nämnd has decided is changed without a new decision."""

from __future__ import annotations

from ..domain.changes import TARGET, Kind, binding_breaches
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for breach in binding_breaches(tree):
        change = breach.change
        if change.decided is None or change.what != TARGET or change.node is None:
            continue
        *where, year = change.where
        done = (f"ändrat från {change.old} till {change.new}" if change.kind is Kind.CHANGED
                else f"tillagt ({change.new})" if change.kind is Kind.ADDED else f"borttaget (var {change.old})")
        yield Hit(change.node, f"Målvärdet för {year} i {' › '.join(where)} är {done}, men planen är beslutad "
                  f"({breach.broken}) och ändringen har inget nytt beslut.",
                  "Lägg till nämndens beslut om ändringen under revideringar (datum, paragraf, ändrar)"
                  + (f", eller återställ målvärdet {change.old}." if change.old else ", eller ta bort målvärdet."),
                  change.keys)


RULE = Rule(
    code="RT901",
    name="beslut.målvärde",
    summary="Ett beslutat målvärde har ändrats utan nytt beslut",
    severity=Severity.ERROR,
    check=check,
    description="""
När nämnden har beslutat verksamhetsplanen (`beslut` med datum och §)
gäller målvärdena som beslutades. Ändras ett målvärde i efterhand ska
ändringen ha ett eget beslut, annars följs målet upp mot något annat än
det nämnden beslutade. Kontrollen görs av `rt validate --jämför REV` och
`rt diff`, som jämför med planen i en tidigare version i git; ändringen
godtas när planen (eller nämndmålet) fått ett beslut med senare datum än
det som gällde i den versionen.

Fel (målvärdet för 2025 ändrat från 78 till 76, inget nytt beslut):
```yaml
beslut: {datum: 2023-12-12, paragraf: "§ 95"}
...
                målvärden: {2024: 74, 2025: 76, 2026: 82}
```

Rätt:
```yaml
beslut: {datum: 2023-12-12, paragraf: "§ 95"}
revideringar:
  - datum: 2024-03-20
    paragraf: "§ 31"
    ändrar: "Målvärdet för nöjdhet i hemtjänsten 2025 sänks från 78 till 76."
...
                målvärden: {2024: 74, 2025: 76, 2026: 82}
```
""",
)
