"""RT602: the follow-up calendar has the reports the KF-mål are due in."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule

_NEEDED = (("D/B", "delårsrapport", "delår"), ("B", "årsbokslut", "bokslut"))


def check(tree, options):
    settings = tree.kommun.settings
    if not settings.follow_ups:
        return
    kinds = {report.kind for report in settings.follow_ups}
    markers = {kf.follow_up for _g, kf in tree.all_council_goals()}
    for marker, kind, word in _NEEDED:
        needed = marker in markers or (kind == "årsbokslut" and markers)
        if needed and kind not in kinds:
            yield Hit(settings, f"KF-målen ska följas upp vid {word}, men uppföljningskalendern saknar en {kind}.",
                      f"Lägg till en uppföljning med \"typ: {kind}\" under inställningar.uppföljningar.",
                      ("uppföljningar",))


RULE = Rule(
    code="RT602",
    name="inställningar.kalender",
    summary="Uppföljningskalendern saknar delårsrapport eller årsbokslut",
    severity=Severity.ERROR,
    check=check,
    description="""
KF-mål märkta (D/B) följs upp i delårsrapporten och i bokslutet, mål märkta
(B) i bokslutet. Har kommunen en uppföljningskalender i kommun.yaml måste den
innehålla de rapporterna.

Fel:
```yaml
inställningar:
  uppföljningar:
    - {id: april, namn: Tertialrapport, typ: tertialrapport, avser: 04-30, inlämning: 05-15}
```
""",
)
