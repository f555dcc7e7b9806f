"""docs/rules.md, generated from the registry so it never drifts from the
rules themselves (a test compares the file with this output)."""

from __future__ import annotations

from ..problems import Code
from .registry import RULES

GROUPS = {
    "läsning": "Läsning av filer",
    "länk": "Länkar i den röda tråden",
    "smart": "SMART",
    "målvärde": "Målvärden",
    "fokus": "Fokus",
    "budget": "Internbudget",
    "inställningar": "Kommunens inställningar",
    "handlingsplan": "Handlingsplaner",
    "rapport": "Inför en rapport (rt validate --period)",
    "uppföljning": "Uppföljningar",
    "beslut": "Bindande beslut (rt validate --jämför, rt diff)",
}

INTRO = """# Regler

Genererad från regelregistret (`roda_traden/rules/registry.py`) med
`rt rules --markdown > docs/rules.md`; redigera inte för hand.

Varje regel har en stabil kod, en nivå (**fel** eller **varning**) och egna
testfall i `tests/rules/cases/RTnnn.yaml`. `rt validate` avslutas med kod 1
om något fel hittas (med `--strict` även vid varningar) och med kod 2 om en
fil inte kan läsas.

Regler kan stängas av eller justeras i `kommun.yaml`:

```yaml
inställningar:
  regler:
    RT205: av                 # stäng av
    RT304: {nivå: fel}        # ändra nivå
    RT401: {max: 8}           # regelns egna inställningar
```

Ett enskilt fynd tystas med en kommentar på raden (eller ensam på raden
före): `# rt: ignore[RT205]`, och en kod i hela filen med
`# rt: ignore-file[RT103]`. En kommentar som inte tystar något rapporteras
(RT010).
"""


def render() -> str:
    parts = [INTRO, "| Kod | Nivå | Namn | Sammanfattning |", "| --- | --- | --- | --- |"]
    parts += [f"| [{r.code}](#{r.code.lower()}) | {r.severity.value} | `{r.name}` | {r.summary} |" for r in RULES]
    group = None
    for rule in RULES:
        if rule.group != group:
            group = rule.group
            parts.append(f"\n## {GROUPS.get(group, group)}")
        parts.append(_section(rule))
    return "\n".join(parts).rstrip() + "\n"


def _section(rule: Code) -> str:
    lines = [f"\n### {rule.code}\n", f"**{rule.summary}** – `{rule.name}`, nivå: {rule.severity.value}"
             + (" (kan inte stängas av)" if rule.required else "") + "."]
    options = getattr(rule, "options", None)
    if options is not None:
        lines.append("\nInställningar:\n")
        for name, field in options.model_fields.items():
            lines.append(f"- `{field.alias or name}` (standard {field.default})")
    lines.append(rule.description.rstrip())
    return "\n".join(lines)
