"""RT101: references to KF-mål and kommunmål must resolve."""

from __future__ import annotations

from ..problems import Severity
from ..text.spelling import did_you_mean
from .base import Hit, Rule


def check(tree, options):
    council, municipal = tree.council_goals, tree.municipal_goals
    for plan in tree.plans:
        for goal in plan.goals:
            if goal.council_goal and goal.council_goal not in council:
                yield _hit(goal, "kf-mål", goal.council_goal, "KF-mål", list(council), f"Nämndmålet \"{goal.id}\"")
            if goal.municipal_goal and goal.municipal_goal not in municipal:
                yield _hit(goal, "kommunmål", goal.municipal_goal, "kommunmål", list(municipal), f"Nämndmålet \"{goal.id}\"")
        for item in plan.contributions:
            if item.council_goal not in council:
                yield _hit(item, "kf-mål", item.council_goal, "KF-mål", list(council), "Bidraget")
        for item in plan.orientation:
            if item.municipal_goal not in municipal:
                yield _hit(item, "kommunmål", item.municipal_goal, "kommunmål", list(municipal), "Inriktningen")


def _hit(node, key, ref, kind, known, subject):
    guess = did_you_mean(ref, known)
    hint = f"Menade du \"{guess}\"?" if guess else f"Använd id:t för ett {kind} i kommun.yaml."
    return Hit(node, f"{subject} hänvisar till {kind} \"{ref}\" som inte finns i kommun.yaml.", hint, (key,))


RULE = Rule(
    code="RT101",
    name="länk.okänt-mål",
    summary="Hänvisning till ett KF-mål eller kommunmål som inte finns",
    severity=Severity.ERROR,
    check=check,
    description="""
Varje nämndmål hänvisar med id till det KF-mål (eller, för ett kompletterande
nämndmål, det kommunmål) det bidrar till. Ett id som inte finns i kommun.yaml
bryter den röda tråden: målet syns inte i uppföljningen av KF-målet.
Detsamma gäller `bidrar-utan-nämndmål` och `inriktning`.

Fel:
```yaml
nämndmål:
  - id: nojdhet-sabo
    kf-mål: nojda-sarskilt-bonde    # stavfel
```
Rätt:
```yaml
    kf-mål: nojda-sarskilt-boende
```
""",
)
