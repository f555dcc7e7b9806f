"""RT804: a report's missing part (see rules/report_gaps.py)."""

from __future__ import annotations

from ..problems import Severity
from .base import Rule
from .report_gaps import gap_hits


def check(tree, options):
    return gap_hits(tree, "RT804")


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
