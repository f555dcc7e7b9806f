"""RT705: an activity says why and how it is followed up."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule
from .wording import join_words


def check(tree, options):
    for action_plan in tree.action_plans:
        for activity in action_plan.activities:
            missing = [key for key, value in (("varför", activity.why), ("uppföljning", activity.follow_up)) if not value]
            if missing:
                yield Hit(activity, f"Aktiviteten \"{activity.id}\" saknar {join_words(missing)}.",
                          "Ange förväntad effekt (\"varför\") och när och hur den följs upp (\"uppföljning\").")


RULE = Rule(
    code="RT705",
    name="handlingsplan.aktivitet-komplett",
    summary="Aktivitet saknar varför eller uppföljning",
    severity=Severity.WARNING,
    check=check,
    description="""
Handlingsplanens kolumner: vad som planeras och varför (förväntad effekt),
ansvarig, klart till och uppföljning (när och hur). Utan "varför" går det
inte att bedöma om aktiviteten hjälper målet; utan "uppföljning" vet ingen
när den ska redovisas.
""",
)
