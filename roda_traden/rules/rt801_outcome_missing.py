"""RT801: the report has an utfall for every mått it follows up."""

from __future__ import annotations

from ..domain.requirements import OUTCOME, missing_for_run
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for item in missing_for_run(tree):
        if item.what == OUTCOME:
            yield Hit(item.node, f"Utfall saknas för måttet \"{item.subject}\" ({item.report} {item.year}).",
                      f"Skriv in det under \"utfall:\" i uppföljningsfilen, eller: rt utfall set "
                      f"{item.organisation}.{item.subject} VÄRDE --period {item.report} --år {item.year}")


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
