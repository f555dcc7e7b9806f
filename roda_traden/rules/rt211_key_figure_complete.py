"""RT211: a nyckeltal carries what makes it useful to follow."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule
from .wording import join_words

_PARTS = (("purpose", "syfte"), ("source", "datakälla"), ("comparison", "jämförelsevärde"),
          ("follow_up", "uppföljningstillfälle"))


def check(tree, options):
    for plan in tree.plans:
        for figure in plan.key_figures:
            missing = [key for attribute, key in _PARTS if getattr(figure, attribute) is None]
            if missing:
                yield Hit(figure, f"Nyckeltalet \"{figure.id}\" saknar {join_words(missing)}.",
                          "Ett nyckeltal följs för att hitta förbättringsområden; ange varför, varifrån, "
                          "mot vad det jämförs och när det följs upp.")


RULE = Rule(
    code="RT211",
    name="smart.nyckeltal",
    summary="Nyckeltal saknar syfte, datakälla, jämförelsevärde eller uppföljningstillfälle",
    severity=Severity.WARNING,
    check=check,
    description="""
Nyckeltal följs utan målvärden. För att vara till nytta behöver de ett
syfte, en datakälla, ett jämförelsevärde med år och ett uppföljningstillfälle.

Rätt:
```yaml
nyckeltal:
  - id: personalkontinuitet
    mått: Antal personal som en hemtjänsttagare möter under 14 dagar
    syfte: Följa kontinuiteten i hemtjänsten
    datakälla: Kolada (U21401)
    jämförelsevärde: {värde: 15, år: 2022, avser: liknande kommuner}
    uppföljningstillfälle: bokslut
```
""",
)
