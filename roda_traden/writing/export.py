"""Open data: the goal tree as a Frictionless Data Package (v2), one CSV
table per level of the chain, with stable ids as keys and foreign keys
between the tables, so anyone can follow the röda tråd without rt.

Ids are the tree's own, joined with dots where a level is only unique
within a plan ("VON.2023.andel-nojda-sabo"); an id never contains a dot,
so the parts can be read back. Numbers are written with a decimal point
and no thousands separator, as CSV readers and the Table Schema expect;
values are also given as the plan wrote them ("72%", ">25")."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import calendar, status
from ..domain.calendar import UnknownReport
from ..domain.tree import GoalTree
from ..language.values import Target
from ..models.plan import Baseline, Measure, PlanFile, Series
from .atomic import locked, remove_leftovers, write_atomically

DESCRIPTOR = "datapackage.json"
# Marks a folder rt wrote, so a later export may replace it and nothing else.
MARK = "rt:export"
_PROFILE = "https://datapackage.org/profiles/2.0/"


class ExportRefused(Exception):
    """Why the tree cannot be exported; the message is Swedish."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    title: str
    description: str
    required: bool = False
    values: tuple[str, ...] = ()

    def schema(self) -> dict:
        described = {"name": self.name, "type": self.type, "title": self.title, "description": self.description}
        constraints = {**({"required": True} if self.required else {}),
                       **({"enum": list(self.values)} if self.values else {})}
        return {**described, **({"constraints": constraints} if constraints else {})}


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    # The columns whose values are another table's id: (column, table).
    references: tuple[tuple[str, str], ...] = ()
    key: tuple[str, ...] = ("id",)

    def resource(self) -> dict:
        schema = {"$schema": _PROFILE + "tableschema.json", "fields": [c.schema() for c in self.columns],
                  "primaryKey": list(self.key)}
        if self.references:
            schema["foreignKeys"] = [{"fields": [column], "reference": {"resource": table, "fields": ["id"]}}
                                     for column, table in self.references]
        return {"$schema": _PROFILE + "dataresource.json", "name": self.name, "type": "table",
                "path": f"{self.name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "title": self.title, "description": self.description, "schema": schema}


def _id(title: str, description: str) -> Column:
    return Column("id", "string", title, description, required=True)


def _text(name: str, title: str, description: str, required: bool = False) -> Column:
    return Column(name, "string", title, description, required)


def _value(name: str, title: str, what: str) -> tuple[Column, Column]:
    """A value as written and its number, the two columns every value gets."""
    return (_text(name, title, f"{what} som det står i planen eller uppföljningen, t.ex. \"72%\" eller \">25\"."),
            Column(f"{name}-tal", "number", f"{title} (tal)",
                   f"Talet i {what.lower()}, med decimalpunkt; tomt när värdet inte är ett tal (t.ex. \"ja\")."))


_YEAR = Column("år", "year", "År", "Verksamhetsplanens år.", required=True)
_ORGANISATION = _text("organisation", "Organisation", "Organisationens id (förkortning), t.ex. VON.", True)
_GRADES = ("uppfyllt", "delvis uppfyllt", "ej uppfyllt", "kan ej bedömas")

TABLES = (
    Table("vision", "Vision", "Visionens teman ur kommun.yaml.", (
        _id("Id", "Visionstemats id."),
        _text("vision", "Vision", "Visionens namn.", True),
        _text("rubrik", "Rubrik", "Temats rubrik.", True),
        _text("text", "Text", "Temats text.", True))),
    Table("organisationer", "Organisationer", "Nämnder och bolag som mål riktas till.", (
        _id("Id", "Organisationens förkortning, t.ex. VON."),
        _text("namn", "Namn", "Organisationens namn.", True),
        Column("typ", "string", "Typ", "nämnd eller bolag.", True, ("nämnd", "bolag")))),
    Table("kommunmal", "Kommunmål", "Kommunmålen ur kommun.yaml.", (
        _id("Id", "Kommunmålets id."),
        _text("namn", "Namn", "Kommunmålets namn.", True),
        _text("beskrivning", "Beskrivning", "Kommunmålets beskrivning."))),
    Table("kf-mal", "KF-mål", "Kommunfullmäktiges mål, vart och ett under ett kommunmål.", (
        _id("Id", "KF-målets id."),
        _text("kommunmål", "Kommunmål", "Id för kommunmålet KF-målet hör till.", True),
        _text("text", "Text", "KF-målets text.", True),
        Column("uppföljning", "string", "Uppföljning", "D/B: följs upp i delår och bokslut; B: i bokslut.",
               True, ("D/B", "B")),
        _text("ansvariga", "Ansvariga", "Organisationerna målet riktas till, kommaseparerade, eller alla, "
              "nämnderna, bolagen.", True),
        _text("redovisas-av", "Redovisas av", "Organisationen som själv redovisar KF-målet, om någon."),
        _text("etikett", "Etikett", "Etikett som skrivs vid målet, t.ex. Finansiellt mål.")),
        (("kommunmål", "kommunmal"), ("redovisas-av", "organisationer"))),
    Table("namndmal", "Nämndmål", "Nämndernas och bolagens mål, ett per verksamhetsplan och år.", (
        _id("Id", "organisation.år.nämndmål, t.ex. VON.2023.nojdhet-sabo."),
        _ORGANISATION, _YEAR,
        _text("nämndmål", "Nämndmål", "Nämndmålets id i verksamhetsplanen.", True),
        _text("text", "Text", "Nämndmålets text.", True),
        _text("förvaltning", "Förvaltning", "Förvaltningen som arbetar med målet."),
        _text("kf-mål", "KF-mål", "Id för KF-målet nämndmålet bidrar till."),
        _text("kommunmål", "Kommunmål", "Id för kommunmålet, för ett kompletterande nämndmål utan KF-mål.")),
        (("organisation", "organisationer"), ("kf-mål", "kf-mal"), ("kommunmål", "kommunmal"))),
    Table("matt", "Mått", "Måtten som nämndmålen följs upp med.", (
        _id("Id", "organisation.år.mått, t.ex. VON.2023.andel-nojda-sabo."),
        _text("nämndmål", "Nämndmål", "Id (i tabellen namndmal) för nämndmålet måttet hör till.", True),
        _text("mått", "Mått", "Måttets id i verksamhetsplanen.", True),
        _text("text", "Text", "Vad som mäts."),
        _text("datakälla", "Datakälla", "Var värdet kommer ifrån."),
        _text("enhet", "Enhet", "Måttets enhet, t.ex. procent."),
        Column("riktning", "string", "Riktning", "Åt vilket håll måttet ska gå, där planen säger det.",
               values=("öka", "minska", "bibehålla")),
        _text("kolada", "Kolada", "Nyckeltalets id i Kolada, t.ex. U21401."),
        *_value("ingångsvärde", "Ingångsvärde", "Ingångsvärdet"),
        Column("ingångsvärde-år", "year", "Ingångsvärdets år", "Året ingångsvärdet avser, när det är känt.")),
        (("nämndmål", "namndmal"),)),
    Table("delserier", "Delserier", "Delar av ett mått med egna ingångsvärden och målvärden, t.ex. per "
          "verksamhet.", (
        _id("Id", "måttets id.delserie, t.ex. VON.2023.andel-nojda.sabo."),
        _text("mått", "Mått", "Id (i tabellen matt) för måttet.", True),
        _text("delserie", "Delserie", "Delseriens id i verksamhetsplanen.", True),
        _text("namn", "Namn", "Delseriens namn.", True),
        *_value("ingångsvärde", "Ingångsvärde", "Ingångsvärdet"),
        Column("ingångsvärde-år", "year", "Ingångsvärdets år", "Året ingångsvärdet avser, när det är känt.")),
        (("mått", "matt"),)),
    Table("malvarden", "Målvärden", "Ett måtts eller en delseries målvärde för ett år.", (
        _id("Id", "mått (eller delserie).år, t.ex. VON.2023.andel-nojda-sabo.2024."),
        _text("mått", "Mått", "Id (i tabellen matt) för måttet.", True),
        _text("delserie", "Delserie", "Id (i tabellen delserier) för delserien; tomt för måttet självt."),
        Column("målår", "year", "Målår", "Året målvärdet gäller.", True),
        *_value("målvärde", "Målvärde", "Målvärdet")),
        (("mått", "matt"), ("delserie", "delserier"))),
    Table("utfall", "Utfall", "Uppmätta värden och prognoser ur uppföljningarna.", (
        _id("Id", "organisation.år.uppföljning.mått (.delserie), t.ex. VON.2023.delar.andel-nojda-sabo."),
        _text("uppföljning", "Uppföljning", "Uppföljningens id i kommunens kalender, t.ex. delar eller bokslut.", True),
        _text("mått", "Mått", "Id (i tabellen matt) för måttet.", True),
        _text("delserie", "Delserie", "Id (i tabellen delserier) för delserien; tomt för måttet självt."),
        Column("avser", "date", "Avser", "Dagen värdet avser (ÅÅÅÅ-MM-DD)."),
        *_value("värde", "Utfall", "Utfallet"),
        *_value("prognos", "Prognos", "Prognosen för helåret"),
        *_value("föregående-år", "Föregående år", "Föregående års utfall"),
        *_value("jämförelsevärde", "Jämförelsevärde", "Jämförelsevärdet"),
        _text("källa", "Källa", "Var värdet kommer ifrån."),
        _text("analys", "Analys", "Uppföljningens analys."),
        _text("åtgärder", "Åtgärder", "Åtgärder uppföljningen beskriver.")),
        (("mått", "matt"), ("delserie", "delserier"))),
    Table("bedomningar", "Bedömningar", "Bedömningen av varje mått, delserie, nämndmål och KF-mål i varje "
          "uppföljning: beräknad av rt ur målvärde och utfall, eller satt av nämnden med motivering.", (
        _text("uppföljning", "Uppföljning", "Uppföljningens id i kommunens kalender.", True),
        Column("år", "year", "År", "Uppföljningens år.", True),
        Column("nivå", "string", "Nivå", "Vad som bedöms.", True, ("KF-mål", "nämndmål", "mått", "delserie")),
        _text("bedömt", "Bedömt", "Id för det som bedöms, i tabellen nivån anger.", True),
        _text("kf-mål", "KF-mål", "KF-målets id, när nivån är KF-mål."),
        _text("nämndmål", "Nämndmål", "Nämndmålets id, när nivån är nämndmål."),
        _text("mått", "Mått", "Måttets id, när nivån är mått eller delserie."),
        _text("delserie", "Delserie", "Delseriens id, när nivån är delserie."),
        Column("bedömning", "string", "Bedömning", "Bedömningen som gäller: nämndens om den satt en, annars "
               "den beräknade.", True, _GRADES),
        Column("beräknad", "string", "Beräknad bedömning", "rt:s bedömning ur målvärde och utfall.", True, _GRADES),
        _text("grund", "Grund", "Vad den beräknade bedömningen bygger på."),
        _text("motivering", "Motivering", "Nämndens motivering, när den satt bedömningen själv.")),
        (("kf-mål", "kf-mal"), ("nämndmål", "namndmal"), ("mått", "matt"), ("delserie", "delserier")),
        key=("uppföljning", "år", "nivå", "bedömt")),
)
TABLES_BY_NAME = {table.name: table for table in TABLES}


@dataclass
class Rows:
    """Each table's rows, with the model each row was read from (to say
    where a broken reference stands)."""

    tables: dict[str, list[tuple[dict, object]]] = field(default_factory=lambda: {t.name: [] for t in TABLES})

    def add(self, table: str, model: object, **values) -> None:
        self.tables[table].append((values, model))


def export_tree(tree: GoalTree, folder: Path, year: int | None = None) -> list[Path]:
    """Write the tree's data package into ``folder``; the files written."""
    years = sorted({plan.year for plan in tree.plans})
    if year is not None and year not in years:
        written = f"; det finns för {', '.join(map(str, years))}" if years else ""
        raise ExportRefused(f"Trädet har ingen verksamhetsplan för {year}{written}. Ange ett annat år med --år.")
    rows = collect(tree, year)
    _check_keys(tree, rows)
    texts = {f"{name}.csv": _csv(TABLES_BY_NAME[name], table) for name, table in rows.tables.items()}
    texts[DESCRIPTOR] = json.dumps(descriptor(tree), ensure_ascii=False, indent=2) + "\n"
    _writable(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder):
        for name in texts:
            remove_leftovers(folder / name)
        _writable(folder)  # another export may have filled it meanwhile
        # The descriptor last: a reader never finds one naming tables not yet written.
        for name in sorted(texts, key=lambda n: n == DESCRIPTOR):
            write_atomically(folder / name, texts[name])
    return [folder / name for name in texts]


def descriptor(tree: GoalTree) -> dict:
    kommun = tree.kommun
    vision = f" Visionen: {kommun.vision.name}." if kommun.vision else ""
    return {
        "$schema": _PROFILE + "datapackage.json",
        "name": f"roda-traden-{kommun.municipality.code}",
        "title": f"Röda tråden – {kommun.municipality.name}",
        "description": f"{kommun.municipality.name}s målkedja för {kommun.period}: vision, kommunmål, KF-mål, "
                       f"nämndmål, mått, målvärden, utfall och bedömningar.{vision} Tal skrivs med decimalpunkt "
                       "och utan tusentalsavgränsare; tomt fält betyder att värdet saknas.",
        MARK: 1,
        "resources": [table.resource() for table in TABLES],
    }


def collect(tree: GoalTree, year: int | None = None) -> Rows:
    rows = Rows()
    kommun = tree.kommun
    for theme in kommun.vision.themes if kommun.vision else ():
        rows.add("vision", theme, id=theme.id, vision=kommun.vision.name, rubrik=theme.heading, text=theme.text)
    for org in kommun.organisations:
        rows.add("organisationer", org, id=org.id, namn=org.name, typ=org.kind)
    for goal in kommun.goals:
        rows.add("kommunmal", goal, id=goal.id, namn=goal.name, beskrivning=goal.description)
        for kf in goal.council_goals:
            rows.add("kf-mal", kf, **{"id": kf.id, "kommunmål": goal.id, "text": kf.text,
                                      "uppföljning": kf.follow_up, "ansvariga": ", ".join(kf.responsible),
                                      "redovisas-av": kf.reporter.by if kf.reporter else None,
                                      "etikett": kf.tag})
    for plan in tree.plans:
        if year is None or plan.year == year:
            _plan(rows, plan)
    for follow_up in tree.follow_ups:
        if year is None or follow_up.year == year:
            _outcomes(rows, tree, follow_up)
    for report_year, report in _reports(tree, year):
        _assessments(rows, status.build(tree, report, report_year), report.id)
    return rows


def _plan(rows: Rows, plan: PlanFile) -> None:
    prefix = f"{plan.organisation}.{plan.year}"
    for goal in plan.goals:
        goal_id = f"{prefix}.{goal.id}"
        rows.add("namndmal", goal, **{"id": goal_id, "organisation": plan.organisation, "år": plan.year,
                                      "nämndmål": goal.id, "text": goal.text, "förvaltning": goal.administration,
                                      "kf-mål": goal.council_goal, "kommunmål": goal.municipal_goal})
        for measure in goal.measures:
            measure_id = f"{prefix}.{measure.id}"
            rows.add("matt", measure, **{"id": measure_id, "nämndmål": goal_id, "mått": measure.id,
                                         "text": measure.text, "datakälla": measure.source, "enhet": measure.unit,
                                         "riktning": measure.direction, "kolada": measure.kolada,
                                         **_baseline(measure)})
            _targets(rows, measure, measure_id, None)
            for sub in measure.sub_series:
                sub_id = f"{measure_id}.{sub.id}"
                rows.add("delserier", sub, **{"id": sub_id, "mått": measure_id, "delserie": sub.id,
                                              "namn": sub.name, **_baseline(sub)})
                _targets(rows, sub, measure_id, sub_id)


def _baseline(series: Series) -> dict:
    parts = getattr(series, "part_baselines", None)
    if parts:  # one per former part: as written, with no one number for them all
        return {"ingångsvärde": "; ".join(f"{p.part}: {p.printed}" for p in parts)}
    baseline: Baseline | None = series.baseline
    if baseline is None:
        return {}
    number = baseline.value.number if baseline.value is not None and baseline.value.kind == "number" else None
    return {"ingångsvärde": baseline.printed or None, "ingångsvärde-tal": number,
            "ingångsvärde-år": baseline.measured_year}


def _targets(rows: Rows, series: Series, measure_id: str, sub_id: str | None) -> None:
    for target_year, target in sorted(series.targets.items()):
        rows.add("malvarden", series, **{"id": f"{sub_id or measure_id}.{target_year}", "mått": measure_id,
                                         "delserie": sub_id, "målår": target_year, **_written("målvärde", target)})


def _written(name: str, value: Target | None) -> dict:
    if value is None:
        return {}
    return {name: value.raw, f"{name}-tal": value.number if value.kind == "number" else None}


def _outcomes(rows: Rows, tree: GoalTree, follow_up) -> None:
    report = _report(tree, follow_up)
    prefix = f"{follow_up.organisation}.{follow_up.year}"
    plan = tree.plan_of(follow_up.organisation, follow_up.year)
    measures = {m.id for g in plan.goals for m in g.measures} if plan else set()
    for outcome in follow_up.outcomes:
        if plan is not None and outcome.measure not in measures and any(
                k.id == outcome.measure for k in plan.key_figures):
            continue  # a nyckeltal's utfall: nyckeltal are not part of the package
        measure_id = f"{prefix}.{outcome.measure}"
        common = {"uppföljning": report.id, "mått": measure_id}
        rows.add("utfall", outcome, **{"id": f"{prefix}.{report.id}.{outcome.measure}", **common,
                                       "avser": outcome.as_of, "källa": outcome.source,
                                       "analys": outcome.analysis, "åtgärder": outcome.actions,
                                       **_measured(outcome)})
        for part in outcome.sub_outcomes:
            rows.add("utfall", part, **{"id": f"{prefix}.{report.id}.{outcome.measure}.{part.sub_series}", **common,
                                        "delserie": f"{measure_id}.{part.sub_series}", "avser": outcome.as_of,
                                        **_measured(part)})


def _measured(measured) -> dict:
    benchmark = measured.benchmark.value if measured.benchmark else None
    return {**_written("värde", measured.value), **_written("prognos", measured.forecast),
            **_written("föregående-år", measured.previous), **_written("jämförelsevärde", benchmark)}


def _report(tree: GoalTree, follow_up):
    try:
        return calendar.find_report(tree.kommun.settings, follow_up.report)
    except UnknownReport as error:
        raise ExportRefused(f"{_where(tree, follow_up, ('uppföljning',))}: {error}") from None


def _reports(tree: GoalTree, year: int | None):
    """The (year, report) of every follow-up written, once each, in the calendar's order."""
    written = {(f.year, _report(tree, f).id) for f in tree.follow_ups if year is None or f.year == year}
    return [(y, report) for y in sorted({y for y, _r in written})
            for report in tree.kommun.settings.follow_ups if (y, report.id) in written]


def _assessments(rows: Rows, state: status.Status, report: str) -> None:
    common = {"uppföljning": report, "år": state.year}

    def add(level: str, model: object, assessed: str, assessment, **refs) -> None:
        rows.add("bedomningar", model, **common, **{"nivå": level, "bedömt": assessed, **refs,
                                                     "bedömning": assessment.grade.value,
                                                     "beräknad": assessment.computed.value,
                                                     "grund": assessment.reason,
                                                     "motivering": assessment.motivation})

    for kf in state.council_goals():
        add("KF-mål", kf.council_goal, kf.council_goal.id, kf.assessment, **{"kf-mål": kf.council_goal.id})
    for goal in state.goals():
        prefix = f"{goal.plan.organisation}.{goal.plan.year}"
        goal_id = f"{prefix}.{goal.goal.id}"
        add("nämndmål", goal.goal, goal_id, goal.assessment, **{"nämndmål": goal_id})
        for measure in goal.measures:
            measure_id = f"{prefix}.{measure.measure.id}"
            add("mått", measure.measure, measure_id, measure.assessment, **{"mått": measure_id})
            for sub, part in zip(measure.measure.sub_series, measure.parts):
                sub_id = f"{measure_id}.{sub.id}"
                add("delserie", sub, sub_id, part.assessment, **{"mått": measure_id, "delserie": sub_id})


def _check_keys(tree: GoalTree, rows: Rows) -> None:
    """Refuse what would make the package invalid – a key twice, a reference
    to nothing – naming where it was written; `rt validate` says the same."""
    keys = {}
    for table in TABLES:
        seen: set[tuple] = set()
        for values, model in rows.tables[table.name]:
            key = tuple(values.get(column) for column in table.key)
            if key in seen:
                raise ExportRefused(f"{_where(tree, model)}: \"{'.'.join(map(str, key))}\" finns två gånger i "
                                    f"{table.title.lower()}. Kör \"rt validate\" och ge varje id ett eget namn.")
            seen.add(key)
        keys[table.name] = {key[0] for key in seen} if table.key == ("id",) else set()
    for table in TABLES:
        for column, other in table.references:
            for values, model in rows.tables[table.name]:
                value = values.get(column)
                if value is not None and value not in keys[other]:
                    raise ExportRefused(
                        f"{_where(tree, model, (column,))}: {table.title} hänvisar till \"{value}\" som inte finns bland "
                        f"{TABLES_BY_NAME[other].title.lower()}. Kör \"rt validate\" och rätta hänvisningen.")


def _where(tree: GoalTree, model: object, keys: tuple = ()) -> str:
    try:
        source, path = tree.place(model)
    except KeyError:
        return str(tree.root)
    line, column = source.locate(path + keys)
    return f"{source.display}:{line}:{column}"


def _csv(table: Table, rows: Iterable[tuple[dict, object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for values, _model in rows:
        writer.writerow([_cell(values.get(column.name)) for column in table.columns])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _writable(folder: Path) -> None:
    """Refuse a folder that holds anything but an earlier export."""
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"\"{folder}\" är en fil, inte en mapp. Ange en ny eller tom mapp med -o.")
    if not folder.is_dir():
        return
    ours = {DESCRIPTOR, *(f"{table.name}.csv" for table in TABLES)}
    # What a killed export left behind (writing/atomic.py's temporary files) is ours too.
    present = {path.name for path in folder.iterdir()
               if not (path.name.endswith(".tmp") and path.name.startswith(tuple(f".{n}." for n in ours)))}
    if not present:
        return
    if not _earlier_export(folder / DESCRIPTOR) or present - ours:
        others = sorted(present - ours) or [DESCRIPTOR]
        raise ExportRefused(f"Mappen \"{folder}\" innehåller annat än en tidigare export från rt "
                            f"({', '.join(others[:3])}{' …' if len(others) > 3 else ''}); rt skriver inte över den. "
                            "Ange en ny eller tom mapp med -o.")


def _earlier_export(path: Path) -> bool:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get(MARK) is not None
    except (OSError, ValueError, AttributeError):
        return False
