"""RT103: each KF-mål directed at an organisation is covered in its plan."""

from __future__ import annotations

from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    for plan in tree.plans:
        if plan.organisation not in tree.organisations:
            continue
        covered = {g.council_goal for g in plan.goals} | {c.council_goal for c in plan.contributions}
        for parent, kf in tree.all_council_goals():
            if kf.id in covered or plan.organisation not in tree.responsible(kf) or kf.reported_by(plan.organisation):
                continue
            yield Hit(plan,
                      f"KF-målet \"{kf.id}\" ({parent.name}) riktas till {plan.organisation}, men "
                      f"verksamhetsplanen {plan.year} har inget nämndmål kopplat till det.",
                      f"Lägg till ett nämndmål med \"kf-mål: {kf.id}\", eller förklara under "
                      "\"bidrar-utan-nämndmål\" hur organisationen bidrar ändå.",
                      ("nämndmål",))


RULE = Rule(
    code="RT103",
    name="länk.kf-mål-utan-nämndmål",
    summary="KF-mål riktat till organisationen saknar nämndmål i dess verksamhetsplan",
    severity=Severity.ERROR,
    check=check,
    description="""
Ett KF-mål som namnger organisationer (t.ex. "(VON, KFN, KS, KBAB)") ska
brytas ned i ett nämndmål hos var och en av dem. Ett KF-mål som inte namnger
någon gäller alla nämnder och bolag. Saknas nämndmålet tappas den röda tråden
mellan fullmäktiges beslut och verksamheten.

Om organisationen bidrar utan ett eget nämndmål skrivs det ut, med motivering:
```yaml
bidrar-utan-nämndmål:
  - kf-mål: fler-invanare
    motivering: Nämnden bidrar genom god service; inget eget mål behövs.
```
Ett KF-mål som en organisation redovisar själv (`redovisas: {av: KS, i:
[bokslut]}`, "Redovisas av KS i bokslut") behöver inget nämndmål hos den;
utan `ansvariga` riktas det bara till den organisationen.

Kontrollen görs bara för organisationer som har en verksamhetsplan för året;
att planen saknas helt rapporteras av RT106.
""",
)
