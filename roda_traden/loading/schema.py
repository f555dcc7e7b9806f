"""JSON Schema of every file kind, generated from the models, so an editor's
YAML language server can complete keys and flag errors while typing.

Model docstrings are written for programmers (in English); the schema shows
the Swedish help below instead, since editors display it to the user.
"""

from __future__ import annotations

import typing
from typing import Any

from ..models.base import Model
from ..models.kommun import KommunFile
from .discovery import KOMMUN_FILE
from .tree import FILE_KINDS

KINDS = {"kommun": KommunFile, **{kind.name: kind.model for kind in FILE_KINDS}}

def _labels(model: type) -> dict[str, str]:
    """Swedish title of every model class reachable from ``model``."""
    found, todo = {}, [model]
    while todo:
        cls = todo.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = getattr(cls, "label", cls.__name__)
        todo.extend(c for c in _model_types(cls))
    return found


def _model_types(cls: type):
    def walk(annotation):
        if isinstance(annotation, type) and issubclass(annotation, Model):
            yield annotation
        for arg in typing.get_args(annotation):
            yield from walk(arg)

    for field in cls.model_fields.values():
        yield from walk(field.annotation)


KEY_HELP = {
    "kommun": "Kommunens namn och kommunkod.",
    "kod": "Kommunkoden, fyra siffror inom citattecken, t.ex. \"0481\".",
    "planeringsperiod": "Perioden för Mål och budget, t.ex. 2023–2025.",
    "beslut": "Beslutet: datum, paragraf, organ och dokument.",
    "vision": "Visionen med dess teman.",
    "teman": "Visionens teman, var och ett med rubrik och text.",
    "ledord": "Ledorden i det personalpolitiska programmet.",
    "organisationer": "Nämnder och bolag som mål riktas till, med förkortning som id.",
    "typ": "nämnd eller bolag; för uppföljningar: rapporttypen.",
    "kommunmål": "Kommunmålen med beskrivning och KF-mål. I en verksamhetsplan: id för det kommunmål ett kompletterande nämndmål bidrar till.",
    "kf-mål": "KF-målen (kommunfullmäktiges mål). I en verksamhetsplan: id för det KF-mål nämndmålet bidrar till.",
    "uppföljning": "När KF-målet följs upp: D/B (delår och bokslut) eller B (bokslut); eller ange redovisas.",
    "ansvariga": "Organisationer (förkortningar) som KF-målet riktas till, eller alla, nämnderna, bolagen. Utelämnat: alla.",
    "övrig-styrning": "Styrning i övrigt från KF till en organisation, som inte är ett mål att följa upp.",
    "inställningar": "Kommunens inställningar: regler, resultatnivåer och uppföljningskalender.",
    "regler": "Regelinställningar: RTnnn: av, eller {nivå: fel|varning, …regelns inställningar}.",
    "måluppfyllelse": "Resultatnivåer: måluppfyllelsegrad från–till i procent, med namn.",
    "uppföljningar": "Årets uppföljningskalender: rapporter med avser-datum och inlämning (MM-DD). Utelämnad: delår per 08-31 och bokslut per 12-31.",
    "avser": "Datumet rapporten avser, MM-DD (t.ex. 08-31 för delåret).",
    "inlämning": "Sista dag för inlämning, MM-DD, eller {nämnder: MM-DD, bolag: MM-DD}.",
    "organisation": "Organisationens förkortning (id i kommun.yaml).",
    "år": "Året.",
    "period": "Planens period, t.ex. 2024–2026. Utelämnad: kommunens planeringsperiod.",
    "inledning": "Inledande text till verksamhetsplanen.",
    "inriktning": "Nämndens arbete per kommunmål: kommunmål (id) och text.",
    "nämndmål": "Nämndens mål, vart och ett kopplat till ett KF-mål (eller kommunmål) och mätt med mått.",
    "förvaltning": "Förvaltning eller enhet som ansvarar, t.ex. ÅF.",
    "mått": "Mått som visar om målet nås. I nyckeltal: vad som mäts.",
    "datakälla": "Var värdet hämtas, t.ex. Kolada (U23471) eller Egen mätning.",
    "enhet": "Enhet: procent, antal, dagar, ja/nej, tkr …",
    "riktning": "Vart måttet ska: öka, minska eller bibehålla (om det inte framgår av texten).",
    "kolada": "Nyckeltalets id i Kolada, t.ex. U23471.",
    "jämförelse": "Jämförelsen i Kolada: riket, alla kommuner eller en grupp under jämförelsegrupper i kommun.yaml.",
    "jämförelsegrupper": "Egna jämförelser i Kolada: namn → grupp-id (G37519) eller lista med kommunkoder.",
    "ingångsvärde": "Utgångsläget: {värde, år}, ett värde, eller \"nytt mål\".",
    "målvärden": "Målvärde per år i perioden, t.ex. {2024: 74 %, 2025: 78 %}.",
    "delserier": "Delserier när måttet delas upp (t.ex. särskilt boende, hemtjänst, LSS).",
    "bidrar-utan-nämndmål": "KF-mål som organisationen bidrar till utan eget nämndmål, med motivering.",
    "motivering": "Varför organisationen inte har ett eget nämndmål för KF-målet.",
    "nyckeltal": "Nyckeltal som följs utan målvärden.",
    "syfte": "Varför nyckeltalet följs.",
    "jämförelsevärde": "Värde att jämföra med: värde, år och vad det avser.",
    "värden": "Nyckeltalets värden per år.",
    "uppföljningstillfälle": "När nyckeltalet följs upp, t.ex. delår eller bokslut.",
    "internbudget": "Internbudget i tkr: intäkter positiva, kostnader negativa.",
    "ram": "Nettokostnadsramen från kommunfullmäktige.",
    "verksamheter": "Budgetrader per verksamhet.",
    "summa": "Summaraden.",
    "intäkter": "Intäkter (positivt belopp), eller ett belopp per kolumn.",
    "kostnader": "Kostnader (negativt belopp), eller ett belopp per kolumn.",
    "nettokostnad": "Intäkter + kostnader, eller ett belopp per kolumn.",
    "datum": "Datum, ÅÅÅÅ-MM-DD.",
    "paragraf": "Paragraf i protokollet, t.ex. \"§ 95\".",
}


# Where one key means different things in different places.
CONTEXT_HELP = {
    ("Comparison", "avser"): "Vad jämförelsevärdet avser, t.ex. likvärdiga kommuner eller riket.",
    ("Comparison", "värde"): "Jämförelsevärdet.",
    ("Organisation", "typ"): "nämnd eller bolag.",
    ("FollowUp", "typ"): "Rapporttyp: månadsrapport, tertialrapport, delårsrapport, årsbokslut eller uppföljning.",
    ("KeyFigure", "mått"): "Vad nyckeltalet mäter.",
    ("Baseline", "period"): "När värdet mättes, om inte ett helt år: jan–nov 2023, delår 2023, T1 2023, vt 2023.",
    ("BaselinePart", "period"): "När värdet mättes, om inte ett helt år: jan–nov 2023, delår 2023, T1 2023, vt 2023.",
    ("Baseline", "datum"): "Datumet värdet mättes, t.ex. 2023-12-01.",
    ("BaselinePart", "datum"): "Datumet värdet mättes, t.ex. 2023-12-01.",
    ("Baseline", "nytt"): "true, eller orden planen skriver (\"Nytt värde\", \"Nytt mål\"): måttet är nytt och har inget ingångsvärde.",
    ("BaselinePart", "nytt"): "true, eller orden planen skriver (\"Nytt värde\"): delen har inget ingångsvärde.",
}


def json_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    labels = _labels(model)
    for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        definition.pop("description", None)
        if name in labels:
            definition["title"] = labels[name]
        for key, prop in definition.get("properties", {}).items():
            prop.pop("title", None)  # English attribute names; editors show the key itself
            help_text = CONTEXT_HELP.get((name, key), KEY_HELP.get(key))
            if help_text:
                prop["description"] = help_text
    title = KOMMUN_FILE if kind == "kommun" else f"{kind}-ÅÅÅÅ.yaml"
    schema.pop("title", None)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
