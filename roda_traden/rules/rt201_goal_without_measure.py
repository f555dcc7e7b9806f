"""RT201: a nämndmål is measurable – it has at least one mått."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for _plan, goal in tree.goals():
        if not goal.measures:
            yield Hit(goal, f"Nämndmålet \"{goal.id}\" har inget mått.",
                      "Lägg till minst ett mått med datakälla, ingångsvärde och målvärden (SMART: mätbart).")


RULE = Rule(
    code="RT201",
    name="smart.mått-saknas",
    summary="Nämndmål utan mått",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett nämndmål ska vara mätbart: minst ett mått som visar om målet nås.
Uppföljningen bedömer målet utifrån måtten, så ett mål utan mått kan inte
bedömas.

Fel:
```yaml
  - id: tryggare-aldre
    text: Fler äldre ska känna sig trygga
    kf-mål: trygga-aldre
```
""",
)
