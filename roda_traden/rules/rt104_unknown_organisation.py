"""RT104: organisation abbreviations must be declared in kommun.yaml."""

from __future__ import annotations

from ..models.kommun import GROUPS
from ..problems import Severity
from ..text.spelling import did_you_mean
from .base import Hit, Rule


def check(tree, options):
    known = list(tree.organisations)

    def hit(node, name, keys):
        guess = did_you_mean(name, known + list(GROUPS))
        hint = f"Menade du \"{guess}\"?" if guess else (
            "Lägg till organisationen under \"organisationer\" i kommun.yaml, eller använd "
            "\"alla\", \"nämnderna\" eller \"bolagen\".")
        return Hit(node, f"Okänd organisation \"{name}\".", hint, keys)

    for _parent, kf in tree.all_council_goals():
        # Without `ansvariga`, a KF-mål is directed at its reporter: said once, at `redovisas`.
        from_reporter = kf.reporter is not None and kf.responsible == [kf.reporter.by]
        for index, name in enumerate([] if from_reporter else kf.responsible):
            if name not in tree.organisations and name.lower() not in GROUPS:
                yield hit(kf, name, ("ansvariga", index))
        if kf.reporter is not None and kf.reporter.by not in tree.organisations:
            yield hit(kf, kf.reporter.by, ("redovisas", "av"))
    for goal in tree.municipal_goals.values():
        for directive in goal.other_directives:
            if directive.organisation not in tree.organisations:
                yield hit(directive, directive.organisation, ("organisation",))
    for document in [*tree.plans, *tree.action_plans, *tree.follow_ups]:
        if document.organisation not in tree.organisations:
            yield hit(document, document.organisation, ("organisation",))


RULE = Rule(
    code="RT104",
    name="länk.okänd-organisation",
    summary="Okänd organisationsförkortning",
    severity=Severity.ERROR,
    check=check,
    description="""
Organisationer (nämnder och bolag) deklareras en gång under `organisationer`
i kommun.yaml och nämns sedan med sin förkortning: i KF-målens `ansvariga`,
i `övrig-styrning` och i verksamhetsplanens `organisation`. Gruppord som
`alla`, `nämnderna` och `bolagen` är tillåtna i `ansvariga`.

Fel:
```yaml
    ansvariga: [VON, KNF]     # KNF finns inte – menades KFN?
```
""",
)
