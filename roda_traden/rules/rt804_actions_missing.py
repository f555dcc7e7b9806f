"""RT804: a mått that is not fully met has åtgärder."""

from __future__ import annotations

from ..domain.requirements import ACTIONS, missing_for_run
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for item in missing_for_run(tree):
        if item.what == ACTIONS:
            yield Hit(item.node, f"Åtgärder saknas för måttet \"{item.subject}\", som bedöms {item.grade.value}.",
                      "Beskriv under \"åtgärder:\" vad som görs för att nå målet.")


RULE = Rule(
    code="RT804",
    name="rapport.åtgärder-saknas",
    summary="Åtgärder saknas för ett mål som inte nås fullt ut",
    severity=Severity.WARNING,
    check=check,
    description="""
Ett mått som bedöms delvis eller ej uppfyllt behöver åtgärder: vad som görs
för att nå målet. Kontrolleras med `--period`.

```yaml
    åtgärder: Schemaläggning i mindre arbetslag från oktober.
```
""",
)
