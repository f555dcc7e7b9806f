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
            yield from _unreadable(figure)


def _unreadable(figure):
    """Values that are no value: a nyckeltal compared or followed as text
    ("8278:99", "ca två tusen") cannot be set against anything."""
    written = [(("värden", year), f"värdet för {year}", value) for year, value in figure.values.items()
               if value is not None]
    if figure.comparison is not None:
        written.insert(0, (("jämförelsevärde", "värde"), "jämförelsevärdet", figure.comparison.value))
    for keys, what, value in written:
        if value.kind == "unknown":
            yield Hit(figure, f"Nyckeltalet \"{figure.id}\" har {what} \"{value.raw}\", som inte går att läsa "
                      "som ett värde.", "Skriv ett tal (2 701, \"12,5 %\"), en tid i timmar och minuter "
                      "(\"8278:26\") eller ett tal med period (\"2 701 (jan–okt)\"); saknas värdet, lämna det tomt.", keys)


RULE = Rule(
    code="RT211",
    name="smart.nyckeltal",
    summary="Nyckeltal är ofullständigt eller har ett värde som inte går att läsa",
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

Värdena ska gå att läsa som värden: tal, andelar, tider i timmar och minuter
(`"8278:26"`) och värden för en del av året med perioden inom parentes
(`"2 701 (jan–okt)"`, året i `år`). En text som `"8278:99"` eller `"ca två
tusen"` går inte att jämföra med något.

Rätt:
```yaml
    jämförelsevärde: {värde: "2 701 (jan–okt)", år: 2023, avser: riket}
    värden: {2023: "8278:26", 2024: "8101:05"}
```
""",
)
