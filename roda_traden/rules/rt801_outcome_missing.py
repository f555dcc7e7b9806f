"""RT801: a report's missing part (see rules/report_gaps.py)."""

from __future__ import annotations

from ..problems import Severity
from .base import Rule
from .report_gaps import gap_hits


def check(tree, options):
    return gap_hits(tree, "RT801")


RULE = Rule(
    code="RT801",
    name="rapport.utfall-saknas",
    summary="Utfall saknas för ett mått som ska följas upp",
    severity=Severity.ERROR,
    check=check,
    description="""
Inför en rapport ska varje mått som rapporten kräver ha ett utfall som går att
läsa – före årsbokslutet räcker en prognos – och ett delat mått ett utfall för
varje delserie: i delårsrapporten (och rapporter vars innehåll nämner `mål`)
mått under KF-mål märkta (D/B), i årsbokslutet alla mått (även kompletterande
nämndmål). Kontrolleras när `rt validate` får
`--period`, t.ex. `rt validate --period delår`.

Skriv utfallet i uppföljningsfilen, t.ex. `namnder/von/uppfoljning-2023-delar.yaml`:
```yaml
utfall:
  - mått: nojdhet-sabo
    värde: 73 %
    avser: 2023-08-31
```
eller med `rt utfall set VON.nojdhet-sabo 73 --period delar --år 2023`.
""",
)
