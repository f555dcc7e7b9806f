"""RT806: a follow-up refers to what exists: its plan, mått, delserier,
activities and nämndmål."""

from __future__ import annotations

from ..problems import Severity
from ..text.spelling import did_you_mean
from .base import Hit, Rule
from .wording import without_plan


def check(tree, options):
    for follow_up in tree.follow_ups:
        plan = tree.plan_of(follow_up.organisation, follow_up.year)
        if plan is None:
            yield _without_plan(tree, follow_up)
            continue
        measures = {m.id: m for g in plan.goals for m in g.measures}
        # A dict keeps the plan's order for suggestions and looks up in constant time.
        known = dict.fromkeys([*measures, *(k.id for k in plan.key_figures)])
        for outcome in follow_up.outcomes:
            if outcome.measure not in known:
                yield _unknown(outcome, "mått", outcome.measure, known, ("mått",))
                continue
            series = [s.id for s in measures[outcome.measure].sub_series] if outcome.measure in measures else []
            for part in outcome.sub_outcomes:
                if part.sub_series not in series:
                    yield _unknown(part, "delserie", part.sub_series, series, ("delserie",))
        activities = dict.fromkeys(a.id for ap in tree.action_plans
                                   if (ap.organisation, ap.year) == (plan.organisation, plan.year) for a in ap.activities)
        for status in follow_up.activities:
            if status.activity not in activities:
                yield _unknown(status, "aktivitet", status.activity, activities, ("aktivitet",))
        goals = dict.fromkeys(g.id for g in plan.goals)
        for note in follow_up.goals:
            if note.board_goal not in goals:
                yield _unknown(note, "nämndmål", note.board_goal, goals, ("nämndmål",))


def _without_plan(tree, follow_up) -> Hit:
    return without_plan(tree, follow_up, "så uppföljningens hänvisningar kan inte kontrolleras",
                        "då kontrolleras uppföljningen", "{organisation} har ingen verksamhetsplan för {year} att följa upp.",
                        "Rätta \"organisation:\" eller \"år:\".")


def _unknown(node, kind, ref, known, keys):
    guess = did_you_mean(ref, list(known))
    return Hit(node, f"Uppföljningen hänvisar till {kind} \"{ref}\" som inte finns i planerna.",
               f"Menade du \"{guess}\"?" if guess else f"Använd id:t för ett {kind} i verksamhetsplanen eller handlingsplanen.",
               keys)


RULE = Rule(
    code="RT806",
    name="uppföljning.okänd-hänvisning",
    summary="Uppföljning hänvisar till mått, delserie, aktivitet eller nämndmål som inte finns",
    severity=Severity.ERROR,
    check=check,
    description="""
Utfall anges per mått-id, status per aktivitets-id och analys per
nämndmåls-id ur samma organisations verksamhetsplan och handlingsplaner för
året. Ett id som inte finns ger ett utfall som aldrig syns i bedömningen.

Fel:
```yaml
utfall:
  - mått: nojdhet-sabbo     # stavfel
    värde: 73 %
```
""",
)
