"""RT807: a follow-up names a report in the kommun's calendar, once per organisation."""

from __future__ import annotations

from ..problems import Severity
from ..text.spelling import did_you_mean
from .base import Hit, Rule


def check(tree, options):
    reports = [r.id for r in tree.kommun.settings.follow_ups]
    seen: dict[tuple, object] = {}
    for follow_up in tree.follow_ups:
        if follow_up.report not in reports:
            guess = did_you_mean(follow_up.report, reports)
            yield Hit(follow_up, f"Uppföljningen \"{follow_up.report}\" finns inte i kommunens kalender.",
                      f"Menade du \"{guess}\"?" if guess else "Använd id:t för en uppföljning under "
                      "inställningar.uppföljningar i kommun.yaml: " + ", ".join(reports) + ".", ("uppföljning",))
        key = (follow_up.organisation, follow_up.year, follow_up.report)
        if key in seen:
            yield Hit(follow_up, f"{follow_up.organisation} har redan en uppföljning \"{follow_up.report}\" "
                      f"{follow_up.year} i {tree.place(seen[key])[0].display}.",
                      "En fil per organisation och rapport; slå ihop filerna.", ("uppföljning",))
        seen.setdefault(key, follow_up)


RULE = Rule(
    code="RT807",
    name="uppföljning.okänd-rapport",
    summary="Uppföljningen anger en rapport som inte finns i kalendern, eller finns två gånger",
    severity=Severity.ERROR,
    check=check,
    description="""
`uppföljning:` i en uppföljningsfil är id:t för en rapport i kommunens
kalender (`inställningar.uppföljningar` i kommun.yaml), t.ex. `delar` eller
`bokslut`. En organisation har en fil per rapport och år.
""",
)
