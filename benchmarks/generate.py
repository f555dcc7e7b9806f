"""Generate synthetic kommun goal trees for benchmarking ``rt validate``.

    python benchmarks/generate.py OUT_DIR --kommuner N [--seed S] [--error-rate F]

writes ``OUT_DIR/kommun-0001/`` … each with ``kommun.yaml`` (with a follow-up
calendar: ``delar`` and ``bokslut``) and, per organisation under
``namnder/<org-id>/``: ``verksamhetsplan-2024.yaml``, a
``handlingsplan-2024-<förvaltning>.yaml`` with 1–2 activities per nämndmål,
and ``uppfoljning-2024-delar.yaml`` and ``uppfoljning-2024-bokslut.yaml``
with an utfall per mått (about 60 % met, 25 % partly and 15 % not met
against the year's målvärde, with analys and åtgärder where a mått falls
short), a status per activity and, in the bokslut, an analys per nämndmål.
Output is deterministic for a seed, and kommun number *i* is the same
whatever N is (every kommun has its own random stream), so a small run is a
prefix of a big one.

``--error-rate F`` gives that fraction of nämndmål exactly one realistic
defect in the plan (missing datakälla, target going the wrong way,
percentage over 100, missing year in målvärden, unknown kf-mål id), and half
that fraction of the other nämndmål one defect in a follow-up (an utfall for
a mått that is not in the plan; a missing analys for a mått that falls
short in the bokslut, found with ``rt validate --period bokslut``). With
``--error-rate 0`` the tree is meant to be free of findings, with and
without ``--period``. ``--verify`` loads every written file with the
pydantic models and re-checks the semantics independently (including the
bedömning of every utfall), counting the defects it finds – which should
equal the number injected.

YAML is written as text from templates: fast, block style, with comments,
the way people write these files by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

PLAN_YEAR = 2024
PERIOD = (2024, 2026)
YEARS = list(range(PERIOD[0], PERIOD[1] + 1))
BASE_YEAR = PLAN_YEAR - 1

DEFECTS = ("saknad-datakälla", "fel-riktning", "över-100-procent", "saknat-år", "okänt-kf-mål")
FOLLOW_UP_DEFECTS = ("okänt-mått", "saknad-analys")
# Bumped when the generated files change, so bench_validate.py regenerates saved trees.
FORMAT = 2

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

NAME_HEADS = [
    "Björk", "Ek", "Lind", "Asp", "Al", "Gran", "Tall", "Sjö", "Berg", "Ström", "Dal", "Hög",
    "Norr", "Sunn", "Väst", "Öst", "Hag", "Kvarn", "Sand", "Sten", "Äng", "Ljung", "Hassel",
    "Rönn", "Vik", "Mal", "Ulv", "Tor", "Bränn", "Fager", "Gull", "Hammar", "Kron", "Mo",
]
NAME_TAILS = [
    "vik", "by", "torp", "sund", "köping", "holm", "näs", "berga", "fors", "hult", "ryd",
    "sjö", "dal", "stad", "hamn", "lunda", "ås", "mark", "tuna", "löv",
]

# id, name, förvaltning
BOARDS = [
    ("KS", "Kommunstyrelsen", "Kommunledningsförvaltningen"),
    ("BUN", "Barn- och utbildningsnämnden", "Utbildningsförvaltningen"),
    ("SN", "Socialnämnden", "Socialförvaltningen"),
    ("VON", "Vård- och omsorgsnämnden", "Vård- och omsorgsförvaltningen"),
    ("MSN", "Miljö- och samhällsbyggnadsnämnden", "Samhällsbyggnadsförvaltningen"),
    ("KFN", "Kultur- och fritidsnämnden", "Kultur- och fritidsförvaltningen"),
    ("TN", "Tekniska nämnden", "Tekniska förvaltningen"),
    ("GVN", "Gymnasie- och vuxenutbildningsnämnden", "Gymnasieförvaltningen"),
    ("AMN", "Arbetsmarknadsnämnden", "Arbetsmarknadsförvaltningen"),
    ("RN", "Räddningsnämnden", "Räddningstjänsten"),
    ("ÖFN", "Överförmyndarnämnden", "Överförmyndarkansliet"),
]
ALWAYS_BOARDS = ("KS", "BUN", "SN", "VON", "MSN")
# id, name pattern (kommun name without " kommun" fills {n})
COMPANIES = [
    ("BOSTAD", "{n}bostäder AB"),
    ("HAMN", "{n} Hamn AB"),
    ("ENERGI", "{n} Energi AB"),
    ("VATTEN", "{n} Vatten AB"),
    ("KFAST", "{n} Kommunfastigheter AB"),
]


@dataclass(frozen=True)
class Subject:
    """Something a mått measures, with its natural direction and scale."""

    phrase: str          # lower case, definite: "andelen elever som …"
    unit: str            # "procent" or "antal"
    low: float
    high: float
    step: float
    direction: str       # "up", "down", "keep"
    source: str
    decimals: bool = False
    kolada: str | None = None


S = Subject
GENERIC = [
    S("sjukfrånvaron bland medarbetarna", "procent", 6.0, 9.5, 0.3, "down", "Personalsystemet (Heroma)", True, "N00090"),
    S("medarbetarnas hållbara engagemang (HME)", "antal", 72, 80, 1, "up", "Medarbetarenkät", False, "N00411"),
    S("andelen heltidsanställda medarbetare", "procent", 70, 85, 2, "up", "Personalsystemet (Heroma)"),
    S("andelen ekologiska livsmedel i verksamheten", "procent", 25, 45, 3, "up", "Inköpsstatistik"),
    S("energianvändningen i verksamhetens lokaler (kWh per kvm)", "antal", 140, 190, 4, "down", "Energiuppföljning"),
    S("antalet tillbud och arbetsskador", "antal", 20, 60, 3, "down", "KIA-systemet"),
    S("andelen invånare som får svar på e-post inom två dagar", "procent", 75, 88, 2, "up", "KKiK"),
    S("andelen digitala ansökningar", "procent", 40, 70, 5, "up", "E-tjänsteplattformen"),
    S("andelen medarbetare som känner sig trygga på arbetet", "procent", 90, 96, 0, "keep", "Medarbetarenkät"),
    S("budgetavvikelsen i procent av nettokostnaden", "procent", 0.5, 2.0, 0.1, "down", "Ekonomisystemet", True),
]
SPECIFIC = {
    "KS": [
        S("nöjd-medborgar-index", "antal", 52, 60, 1, "up", "SCB:s medborgarundersökning", False, "U00401"),
        S("antalet nya bostäder", "antal", 40, 120, 10, "up", "Bygglovsregistret"),
        S("antalet företag som etablerar sig i kommunen", "antal", 15, 40, 3, "up", "Bolagsverket"),
        S("företagsklimatet enligt Svenskt Näringsliv (ranking)", "antal", 120, 220, 10, "down", "Svenskt Näringsliv"),
        S("andelen invånare som anser att kommunen är en bra plats att bo på", "procent", 80, 88, 0, "keep", "SCB:s medborgarundersökning"),
    ],
    "BUN": [
        S("andelen elever i årskurs 9 som är behöriga till gymnasiet", "procent", 78, 88, 2, "up", "Skolverket, SIRIS", False, "N15419"),
        S("andelen elever som känner sig trygga i skolan", "procent", 88, 94, 0, "keep", "Elevenkät"),
        S("andelen barn i förskolan som har plats på önskat datum", "procent", 85, 92, 2, "up", "Kösystemet"),
        S("det genomsnittliga meritvärdet i årskurs 9", "antal", 205, 230, 3, "up", "Skolverket, SIRIS", False, "N15505"),
        S("antalet barn per årsarbetare i förskolan", "antal", 5.0, 5.8, 0.1, "down", "Skolverket", True),
        S("frånvaron bland eleverna i grundskolan", "procent", 7, 11, 0.5, "down", "Frånvarosystemet", True),
    ],
    "SN": [
        S("antalet hushåll med långvarigt ekonomiskt bistånd", "antal", 60, 180, 8, "down", "Försörjningsstödsregistret"),
        S("andelen utredningar inom barn och unga som avslutas inom fyra månader", "procent", 70, 85, 3, "up", "Verksamhetssystemet", False, "U28532"),
        S("antalet placeringar på HVB", "antal", 8, 25, 2, "down", "Verksamhetssystemet"),
        S("andelen brukare som är nöjda med socialtjänstens bemötande", "procent", 82, 90, 0, "keep", "Brukarenkät"),
        S("antalet vräkningar", "antal", 3, 15, 1, "down", "Kronofogden"),
    ],
    "VON": [
        S("andelen brukare som är nöjda med hemtjänsten", "procent", 84, 92, 1, "up", "Socialstyrelsens brukarundersökning", False, "U21468"),
        S("antalet personal som en hemtjänsttagare möter under 14 dagar", "antal", 12, 18, 1, "down", "Socialstyrelsen", False, "N21827"),
        S("andelen brukare med aktuell genomförandeplan", "procent", 80, 92, 2, "up", "Verksamhetssystemet"),
        S("antalet fallskador inom äldreomsorgen", "antal", 60, 140, 8, "down", "Senior alert"),
        S("andelen brukare som känner sig trygga i särskilt boende", "procent", 88, 94, 0, "keep", "Socialstyrelsens brukarundersökning"),
    ],
    "MSN": [
        S("handläggningstiden för bygglov i veckor", "antal", 4.0, 7.0, 0.5, "down", "Ärendehanteringssystemet", True),
        S("andelen livsmedelskontroller som genomförs enligt plan", "procent", 75, 90, 3, "up", "Tillsynsregistret"),
        S("antalet detaljplaner som antas", "antal", 3, 8, 1, "up", "Planregistret"),
        S("andelen företag som är nöjda med myndighetsutövningen (NKI)", "procent", 68, 78, 2, "up", "Insikt, SKR"),
        S("andelen vattendrag med god ekologisk status", "procent", 30, 50, 3, "up", "VISS, Länsstyrelsen"),
    ],
    "KFN": [
        S("antalet besök på biblioteken", "antal", 40000, 120000, 2000, "up", "Biblioteksstatistik"),
        S("antalet deltagartillfällen i föreningslivet för unga", "antal", 30000, 90000, 2000, "up", "LOK-stödsstatistik"),
        S("andelen unga som är nöjda med fritidsutbudet", "procent", 60, 75, 3, "up", "LUPP-enkät"),
        S("antalet arrangemang i kulturhuset", "antal", 80, 160, 5, "up", "Bokningssystemet"),
    ],
    "TN": [
        S("andelen gator med god beläggningsstandard", "procent", 55, 75, 3, "up", "Vägdatabasen"),
        S("koldioxidutsläppen från kommunens fordon (ton)", "antal", 400, 900, 30, "down", "Fordonsregistret"),
        S("antalet olyckor på kommunala gator", "antal", 20, 60, 3, "down", "STRADA"),
        S("andelen hushållsavfall som går till materialåtervinning", "procent", 30, 45, 2, "up", "Avfall Sverige", False, "N85535"),
        S("andelen invånare som är nöjda med snöröjningen", "procent", 62, 72, 2, "up", "Medborgarundersökning"),
    ],
    "GVN": [
        S("andelen elever som tar examen inom fyra år", "procent", 70, 82, 2, "up", "Skolverket, SIRIS", False, "N17461"),
        S("andelen vuxenstuderande som fullföljer kursen", "procent", 65, 80, 3, "up", "Elevregistret"),
        S("avbrotten i gymnasieskolan", "procent", 5, 9, 0.5, "down", "Elevregistret", True),
    ],
    "AMN": [
        S("antalet deltagare som går till arbete eller studier", "antal", 80, 200, 10, "up", "Deltagarregistret"),
        S("andelen unga i arbetslöshet", "procent", 7, 14, 0.5, "down", "Arbetsförmedlingen", True),
        S("antalet feriearbeten för ungdomar", "antal", 100, 250, 10, "up", "Egen statistik"),
    ],
    "RN": [
        S("insatstiden till prioriterade larm i minuter", "antal", 9, 14, 0.5, "down", "Daedalos", True),
        S("antalet bränder i bostäder", "antal", 20, 50, 2, "down", "IDA, MSB"),
        S("antalet invånare som fått utbildning i brandskydd", "antal", 600, 1500, 50, "up", "Kursregistret"),
    ],
    "ÖFN": [
        S("andelen årsräkningar som granskas inom sex månader", "procent", 75, 90, 3, "up", "Wärna"),
        S("handläggningstiden för nya ärenden i dagar", "antal", 30, 60, 3, "down", "Wärna"),
    ],
    "BOSTAD": [
        S("kundnöjdheten bland hyresgästerna (NKI)", "antal", 72, 82, 1, "up", "AktivBo"),
        S("antalet outhyrda lägenheter", "antal", 10, 40, 2, "down", "Hyressystemet"),
        S("antalet nyproducerade lägenheter", "antal", 20, 60, 5, "up", "Bolagets projektredovisning"),
        S("soliditeten", "procent", 18, 28, 1, "up", "Årsredovisningen"),
    ],
    "HAMN": [
        S("godsvolymen över kaj (tusen ton)", "antal", 1500, 4000, 100, "up", "Hamnstatistik"),
        S("antalet anlöp", "antal", 600, 1200, 20, "up", "Hamnstatistik"),
        S("andelen landström vid anlöp", "procent", 20, 40, 4, "up", "Hamnstatistik"),
    ],
    "ENERGI": [
        S("andelen förnybar energi i fjärrvärmen", "procent", 85, 94, 1, "up", "Produktionsstatistik"),
        S("antalet avbrottstimmar per kund", "antal", 1.0, 2.5, 0.1, "down", "Nätstatistik", True),
        S("antalet nya fjärrvärmekunder", "antal", 30, 90, 5, "up", "Kundregistret"),
    ],
    "VATTEN": [
        S("vattenförlusterna i ledningsnätet", "procent", 14, 22, 1, "down", "VASS, Svenskt Vatten"),
        S("förnyelsetakten för ledningsnätet", "procent", 0.4, 0.9, 0.1, "up", "VASS, Svenskt Vatten", True),
        S("antalet kokrekommendationer", "antal", 1, 5, 0, "keep", "Driftjournal"),
    ],
    "KFAST": [
        S("andelen lokaler med godkänd ventilationskontroll", "procent", 80, 92, 2, "up", "Fastighetssystemet"),
        S("underhållsskulden i miljoner kronor", "antal", 90, 200, 8, "down", "Fastighetssystemet"),
        S("energianvändningen i kommunens fastigheter (kWh per kvm)", "antal", 130, 170, 3, "down", "Energiuppföljning"),
    ],
}

QUALIFIERS = [
    "", "", "", " i hela kommunen", " bland kvinnor", " bland män", " i centralorten",
    " på landsbygden", " bland unga", " bland äldre", " jämfört med föregående år",
    " i norra kommundelen", " i södra kommundelen", " under planperioden",
]
GOAL_TEMPLATES = {
    "up": ["{S}{q} ska öka", "Nämnden ska öka {s}{q}", "Öka {s}{q}", "{S}{q} ska öka varje år"],
    "down": ["{S}{q} ska minska", "Nämnden ska minska {s}{q}", "Minska {s}{q}", "{S}{q} ska minska över tid"],
    "keep": ["{S}{q} ska bibehållas på en hög nivå", "Bibehålla {s}{q}", "Nämnden ska bibehålla {s}{q}"],
}
RIKTNING = {"up": "öka", "down": "minska", "keep": "bibehålla"}
SPLITS = [
    [("sarskilt-boende", "Särskilt boende"), ("hemtjanst", "Hemtjänst"), ("lss", "LSS")],
    [("flickor", "Flickor"), ("pojkar", "Pojkar")],
    [("forskola", "Förskola"), ("grundskola", "Grundskola"), ("gymnasium", "Gymnasium")],
    [("kvinnor", "Kvinnor"), ("man", "Män")],
    [("tatort", "Tätort"), ("landsbygd", "Landsbygd")],
]

MUNICIPAL_GOALS = [
    ("Attraktiv och växande kommun", "Fler ska vilja bo, arbeta och verka i kommunen."),
    ("Trygg uppväxt och goda livsvillkor", "Barn och unga ska ges förutsättningar att lyckas."),
    ("Hållbar miljö och klimat", "Kommunen ska minska sin klimatpåverkan och värna natur och vatten."),
    ("Ett tryggt och självständigt liv", "Invånare i behov av stöd ska få det i rätt tid och med god kvalitet."),
    ("Näringsliv och arbete", "Ett gott företagsklimat och fler i arbete."),
    ("Attraktiv arbetsgivare", "Kommunen ska kunna rekrytera och behålla kompetenta medarbetare."),
    ("God ekonomisk hushållning", "Verksamheten ska bedrivas effektivt och inom given ram."),
    ("Delaktighet och service", "Invånarna ska mötas av god service och kunna påverka."),
]
KF_PHRASES = [
    "Fler invånare ska uppleva {x}", "Kommunen ska stärka {x}", "Andelen som upplever {x} ska öka",
    "Kommunens verksamheter ska bidra till {x}", "Samverkan kring {x} ska utvecklas",
]
KF_OBJECTS = [
    "trygghet i offentliga miljöer", "god tillgång till bostäder", "goda skolresultat", "en god hälsa",
    "ett hållbart resande", "minskad klimatpåverkan", "ett starkt föreningsliv", "service av hög kvalitet",
    "ett gott företagsklimat", "en god arbetsmiljö", "delaktighet i samhällslivet", "ett rikt kulturliv",
    "en effektiv resursanvändning", "fler i egen försörjning", "en trygg äldreomsorg", "en levande landsbygd",
]
MOTIVATIONS = [
    "Organisationen bidrar genom sitt ordinarie uppdrag; målet följs upp inom ramen för internkontrollen.",
    "Bidraget sker genom samverkan med övriga nämnder och redovisas i verksamhetsberättelsen.",
    "Målet omfattas av befintliga rutiner och kräver inget eget nämndmål under perioden.",
    "Bolaget bidrar genom ägardirektivet och rapporterar i samband med delårsrapporten.",
]
BUDGET_ROWS = [
    "Administration", "Ledning och stöd", "Verksamhet A", "Förebyggande arbete", "Myndighetsutövning",
    "Drift och underhåll", "Projekt och utveckling", "Gemensamma kostnader", "Lokaler",
]
KEY_FIGURES = [
    ("Nettokostnad per invånare (kr)", "antal", 20000, 60000, "N00901"),
    ("Kostnad per brukare (kr)", "antal", 150000, 400000, None),
    ("Andel invånare som är nöjda med verksamheten", "procent", 60, 90, None),
    ("Antal ärenden per handläggare", "antal", 20, 80, None),
    ("Personalomsättning", "procent", 8, 16, "N00206"),
    ("Andel chefer med högst 30 medarbetare", "procent", 50, 90, None),
    ("Antal synpunkter och klagomål", "antal", 10, 120, None),
    ("Kostnad per kvadratmeter (kr)", "antal", 900, 1600, None),
]

# Handlingsplaner: the förvaltning's areas (for "Enhetschef …") and activities.
AREAS = {
    "KS": ["ekonomi", "HR", "kommunikation", "näringsliv", "digitalisering"],
    "BUN": ["förskola", "grundskola", "elevhälsa", "fritidshem"],
    "SN": ["barn och unga", "vuxen", "försörjningsstöd", "mottagning"],
    "VON": ["hemtjänst", "särskilt boende", "hemsjukvård", "biståndsenheten"],
    "MSN": ["bygglov", "miljö och hälsa", "plan", "livsmedelskontroll"],
    "KFN": ["bibliotek", "fritid", "kulturhuset", "föreningsstöd"],
    "TN": ["gata och park", "avfall", "fordon", "projekt"],
    "GVN": ["gymnasiet", "vuxenutbildningen", "SFI"],
    "AMN": ["arbetsmarknad", "jobbcentrum", "feriearbete"],
    "RN": ["förebyggande", "operativ verksamhet", "utbildning"],
    "ÖFN": ["handläggning", "granskning"],
}
COMPANY_ROLES = ["VD", "Ekonomichef", "Driftchef", "Fastighetschef", "Kundtjänstchef", "Hållbarhetsansvarig",
                 "Teknisk chef", "Marknadschef"]
STAFF_ROLES = ["Verksamhetsutvecklare", "Kvalitetsstrateg", "HR-strateg", "Controller", "Förvaltningschef",
               "Utvecklingsledare", "Miljöstrateg", "Digitaliseringsstrateg"]
ACTIVITY_WHAT = [
    "Kartlägga {s} per enhet och ta fram en åtgärdsplan tillsammans med verksamheterna",
    "Införa ett gemensamt arbetssätt för att följa {s} på varje arbetsplatsträff",
    "Genomföra en utbildningsinsats för chefer och medarbetare med fokus på {s}",
    "Starta ett förbättringsarbete i samverkan med {p} för att påverka {s}",
    "Se över rutiner och processer som påverkar {s} och ta bort onödiga steg",
    "Genomföra dialogmöten med {p} om {s} och ta tillvara deras förslag",
    "Ta fram en månatlig sammanställning av {s} som chefer och nämnd kan följa",
    "Pröva ett nytt arbetssätt på två enheter och sprida det som fungerar till övriga",
    "Införa ett digitalt stöd som gör det lättare att följa och påverka {s}",
]
PARTNERS = ["brukarna", "medborgarna", "föreningslivet", "regionen", "de fackliga organisationerna",
            "näringslivet", "övriga förvaltningar", "ungdomsrådet", "pensionärsrådet", "civilsamhället"]
ACTIVITY_WHY = [
    "Ett systematiskt arbetssätt ger bättre förutsättningar att {v} {s}.",
    "Underlaget visar var insatserna gör störst nytta och gör det möjligt att {v} {s}.",
    "Tidigare uppföljningar visar att arbetssättet skiljer sig mellan enheterna.",
    "Erfarenheter från andra kommuner visar att insatsen är ett effektivt sätt att {v} {s}.",
    "Medarbetarna efterfrågar stöd och gemensamma rutiner i arbetet.",
]
VERB = {"up": "öka", "down": "minska", "keep": "bibehålla"}
ACTIVITY_FOLLOW_UP = [
    "Vid delår och bokslut: genomförandegrad och utfallet för nämndmålets mått.",
    "Vid delår: status i arbetet. Vid bokslut: effekten på måttet jämfört med föregående år.",
    "Kvartalsvis i ledningsgruppen och vid bokslut i verksamhetsberättelsen.",
    "Vid bokslut: antal genomförda insatser och resultatet på måttet.",
]
QUARTER_WEIGHTS = (("Q1", 1), ("Q2", 3), ("Q3", 3), ("Q4", 4))
ACTIVITY_COMMENTS = {
    "pågår": ["Arbetet pågår enligt plan.", "Arbetet har startat men är försenat på grund av vakanser.",
              "Hälften av enheterna har kommit igång; resten följer under hösten.",
              "Försenat under semesterperioden, återupptaget i augusti."],
    "ej påbörjad": ["Planeras att starta under hösten.", "Inte påbörjad på grund av hög arbetsbelastning.",
                    "Väntar på beslut om finansiering."],
    "stoppad": ["Stoppad i avvaktan på ny upphandling.", "Pausad efter omprioritering i ledningsgruppen.",
                "Stoppad: samverkanspartnern drog sig ur."],
    "klar": ["Genomförd enligt plan.", "Klar och inarbetad i ordinarie rutiner."],
}
# Utfall against the year's målvärde: about 60 % met, 25 % partly, 15 % not met.
OUTCOME_MIX = (("uppfyllt", 0.60), ("delvis uppfyllt", 0.25), ("ej uppfyllt", 0.15))
AT_RISK = ("delvis uppfyllt", "ej uppfyllt")
ANALYSIS_MET = [
    "Målvärdet nås. Arbetet under året har gett effekt och utvecklingen går åt rätt håll.",
    "Utfallet når målvärdet, främst tack vare ett mer systematiskt arbetssätt i verksamheterna.",
    "Målvärdet är nått. Resultatet ligger också bättre än föregående år.",
]
ANALYSIS_RISK = [
    "Utfallet når inte målvärdet. Vakanser och hög sjukfrånvaro under året har bromsat arbetet.",
    "Utvecklingen går åt rätt håll men långsammare än planerat; flera aktiviteter startade sent.",
    "Målvärdet nås inte. Efterfrågan har ökat mer än väntat och verksamheten har inte hunnit ställa om.",
    "Resultatet skiljer sig mellan enheterna; två enheter drar ned utfallet för helheten.",
    "Utfallet påverkas av faktorer utanför nämndens kontroll, bland annat förändrade statsbidrag.",
]
ACTIONS = [
    "Åtgärdsplanen ses över och följs upp månadsvis i ledningsgruppen.",
    "Enheterna med svagast resultat får riktat stöd från verksamhetsutvecklare under nästa år.",
    "Vakanta tjänster tillsätts och arbetssättet sprids till samtliga enheter.",
    "Aktiviteterna i handlingsplanen prioriteras om och kompletteras med en ny insats.",
]
GOAL_ANALYSIS = {
    "uppfyllt": "Nämndmålet är uppfyllt: samtliga mått når sina målvärden för året.",
    "delvis uppfyllt": "Nämndmålet är delvis uppfyllt: målvärdena för året nås bara delvis.",
    "ej uppfyllt": "Nämndmålet är inte uppfyllt: inget mått når målvärdet för året.",
}

# --------------------------------------------------------------------------
# YAML text helpers
# --------------------------------------------------------------------------

_PLAIN_SAFE = re.compile(r"^[A-Za-zÅÄÖåäöÉéÜü0-9§(][^:#\n\"']*$")


def yq(text: str) -> str:
    """A YAML scalar for ``text``: plain when unambiguous, else double-quoted."""
    if _PLAIN_SAFE.match(text) and not text.endswith(" ") and not re.fullmatch(r"[\d.,\s-]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def sv_number(value: float, decimals: int = 0) -> str:
    """Swedish print: thousands with space, decimal comma."""
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


_SLUG = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-"})


def slug(text: str) -> str:
    """"Vård- och omsorgsförvaltningen" → "vard-och-omsorgsforvaltningen"."""
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "", text.lower().translate(_SLUG))).strip("-")


def grade_of(value: float, target: float, baseline: float | None, wanted: str) -> str:
    """The bedömning rt gives an utfall against the year's målvärde (kommunens
    standardinställningar: delvis från 50 % av vägen, tolerans 5 %)."""
    if wanted == "keep":
        return "uppfyllt" if abs(value - target) <= abs(target) * 5.0 / 100 else "ej uppfyllt"
    if (value >= target) if wanted == "up" else (value <= target):
        return "uppfyllt"
    if baseline is not None and baseline != target:
        share = (value - baseline) / (target - baseline)
        return "delvis uppfyllt" if share * 100 >= 50 else "ej uppfyllt"
    gap = abs(value - target) / abs(target) * 100 if target else float("inf")
    return "delvis uppfyllt" if gap <= 5.0 else "ej uppfyllt"


def combine_grades(grades: list[str]) -> str:
    if all(g == "uppfyllt" for g in grades):
        return "uppfyllt"
    if all(g == "ej uppfyllt" for g in grades):
        return "ej uppfyllt"
    return "delvis uppfyllt"


# --------------------------------------------------------------------------
# Model of one generated kommun (just enough to render and to inject defects)
# --------------------------------------------------------------------------


@dataclass
class Series:
    baseline: float | None            # None = "nytt mål"
    targets: dict[int, float]
    style: str                        # "num", "pct", "op", "sv"
    decimals: bool
    id: str | None = None
    name: str | None = None


@dataclass
class Measure:
    id: str
    text: str
    subject: Subject
    source: bool = True
    riktning: bool = False
    series: list[Series] = field(default_factory=list)
    split: bool = False


@dataclass
class Goal:
    id: str
    text: str
    direction: str
    council_goal: str | None
    municipal_goal: str | None
    measures: list[Measure]
    defect: str | None = None
    activities: list[tuple[str, str]] = field(default_factory=list)  # (id, klart)


@dataclass
class Org:
    id: str
    name: str
    kind: str
    administration: str | None


def _series_values(rng: random.Random, sub: Subject) -> tuple[float, dict[int, float]]:
    step = sub.step
    n = len(YEARS)
    mult = rng.choice((1, 1, 2)) if not sub.decimals else 1
    low, high = sub.low, sub.high
    if sub.direction == "up" and sub.unit == "procent":
        high = min(high, 100 - n * step * mult)
    elif sub.direction == "down":
        low = max(low, n * step * mult + step)
    high = max(high, low)
    if sub.decimals:
        base = round(rng.uniform(low, high), 1)
    else:
        base = float(rng.randint(int(low), int(high)))
    if sub.direction == "keep" or step == 0:
        return base, {y: base for y in YEARS}
    sign = 1 if sub.direction == "up" else -1
    targets = {}
    for k, year in enumerate(YEARS, start=1):
        value = base + sign * k * step * mult
        targets[year] = round(value, 1) if sub.decimals else float(round(value))
    return base, targets


def _make_series(rng: random.Random, sub: Subject, **kw) -> Series:
    if rng.random() < 0.03:
        _, targets = _series_values(rng, sub)
        baseline = None
    else:
        baseline, targets = _series_values(rng, sub)
    roll = rng.random()
    if sub.unit == "procent":
        style = "num" if roll < 0.55 else "pct" if roll < 0.9 else "op"
    else:
        style = "sv" if roll < 0.3 else "num"
    if sub.direction == "down" and style == "op":
        style = "pct"
    return Series(baseline, targets, style, sub.decimals, **kw)


def _fmt(value: float, series: Series, unit: str, target: bool) -> str:
    decimals = 1 if series.decimals else 0
    if series.style == "num" or (not target and series.style == "op"):
        return f"{value:.{decimals}f}"
    if series.style == "sv":
        text = sv_number(value, decimals)
        return yq(text) if " " in text or "," in text else text
    pct = f"{sv_number(value, decimals)} %"
    if series.style == "op" and target:
        return yq(f"minst {pct}")
    return yq(pct)


class KommunBuilder:
    def __init__(self, index: int, seed: int, error_rate: float, names: list[str]) -> None:
        self.index = index
        self.seed = seed
        self.rng = random.Random(f"{seed}:{index}")
        self.error_rate = error_rate
        self.name = names[(index - 1) % len(names)] + ("" if index <= len(names) else f" {index}")
        self.defects: list[tuple[str, str, str]] = []  # (file, goal id, defect)
        self.goal_count = 0
        self.last_goals: list[Goal] = []  # the nämndmål of the plan written last

    # -- kommun.yaml ------------------------------------------------------

    def build(self) -> dict[str, str]:
        """Return {relative path: YAML text} for the whole tree."""
        rng = self.rng
        n_companies = rng.randint(1, 3)
        n_total = rng.randint(8, 12)
        boards = [b for b in BOARDS if b[0] in ALWAYS_BOARDS]
        others = [b for b in BOARDS if b[0] not in ALWAYS_BOARDS]
        boards += rng.sample(others, n_total - n_companies - len(boards))
        orgs = [Org(i, n, "nämnd", adm) for i, n, adm in boards]
        orgs += [Org(i, pat.format(n=self.name), "bolag", None) for i, pat in rng.sample(COMPANIES, n_companies)]
        self.orgs = orgs

        goals_src = rng.sample(MUNICIPAL_GOALS, 6)
        self.municipal = []  # (id, name, descr, [(kf id, text, follow-up, responsible or None)])
        all_kf = []
        for m, (name, descr) in enumerate(goals_src, start=1):
            kfs = []
            for k in range(1, rng.randint(2, 5) + 1):
                kf_id = f"KF{m}-{k}"
                text = rng.choice(KF_PHRASES).format(x=rng.choice(KF_OBJECTS))
                roll = rng.random()
                if roll < 0.4:
                    resp = None  # alla
                elif roll < 0.5:
                    resp = ["nämnderna"]
                elif roll < 0.55:
                    resp = ["bolagen"]
                else:
                    resp = [o.id for o in rng.sample(orgs, rng.randint(1, 3))]
                kfs.append((kf_id, text, rng.choice(("D/B", "B")), resp))
                all_kf.append((f"KM{m}", kf_id, resp))
            self.municipal.append((f"KM{m}", name, descr, kfs))
        self.kf_ids = [kf for _, kf, _ in all_kf]

        files = {"kommun.yaml": self._kommun_yaml()}
        plans = []
        for org in orgs:
            path = f"namnder/{org.id.lower()}/verksamhetsplan-{PLAN_YEAR}.yaml"
            files[path] = self._plan_yaml(org, all_kf, path)
            plans.append((org, self.last_goals))
        # Handlingsplaner and uppföljningar draw from their own stream, so the
        # plans stay the same as before these files existed.
        self.rng = random.Random(f"{self.seed}:{self.index}:uppföljning")
        for org, goals in plans:
            folder = f"namnder/{org.id.lower()}"
            unit = org.administration or "Bolaget"
            files[f"{folder}/handlingsplan-{PLAN_YEAR}-{slug(unit)}.yaml"] = self._action_plan_yaml(org, unit, goals)
            interim, year_end = self._follow_ups(org, folder, goals)
            files[f"{folder}/uppfoljning-{PLAN_YEAR}-delar.yaml"] = interim
            files[f"{folder}/uppfoljning-{PLAN_YEAR}-bokslut.yaml"] = year_end
        return files

    def _kommun_yaml(self) -> str:
        rng = self.rng
        out = [
            f"# Mål och budget {PERIOD[0]}–{PERIOD[1]} för {self.name} kommun",
            "# Syntetisk testdata från benchmarks/generate.py – inte en riktig kommun.",
            "kommun:",
            f"  namn: {self.name} kommun",
            f'  kod: "{self.index % 10000:04d}"',
            f"planeringsperiod: {PERIOD[0]}–{PERIOD[1]}",
            "beslut:",
            f"  datum: {BASE_YEAR}-11-{rng.randint(20, 28)}",
            f"  paragraf: § {rng.randint(100, 199)}",
            "  organ: Kommunfullmäktige",
            "vision:",
            f"  namn: {self.name} 2035",
            "  teman:",
        ]
        for t, (heading, text) in enumerate(
            [("Livskvalitet", "Här är det gott att leva hela livet."),
             ("Framtidstro", "Vi växer hållbart och tar vara på våra möjligheter."),
             ("Gemenskap", "Alla ska känna sig välkomna och delaktiga.")], start=1):
            out += [f"    - id: V{t}", f"      rubrik: {heading}", f"      text: {text}"]
        out += ["ledord:",
                "  - namn: Engagemang", "    text: Vi tar ansvar för helheten och för invånarnas bästa.",
                "  - namn: Respekt", "    text: Vi bemöter varandra och invånarna med respekt.",
                "", "# Nämnder och bolag som mål kan riktas till", "organisationer:"]
        for org in self.orgs:
            out += [f"  - id: {org.id}", f"    namn: {org.name}", f"    typ: {org.kind}"]
        out += ["", "kommunmål:"]
        for km_id, name, descr, kfs in self.municipal:
            out += [f"  - id: {km_id}", f"    namn: {name}", f"    beskrivning: {descr}", "    kf-mål:"]
            for kf_id, text, follow, resp in kfs:
                out += [f"      - id: {kf_id}", f"        text: {text}", f"        uppföljning: {follow}"]
                if resp is not None:
                    out.append(f"        ansvariga: [{', '.join(resp)}]")
        out += [
            "",
            "inställningar:",
            "  regler:",
            "    RT401: {max: 40}  # stora nämnder: testdatat har i snitt 21 nämndmål per organisation",
            "  uppföljningar:",
            "    - id: delar", "      namn: Delårsrapport", "      typ: delårsrapport",
            '      avser: "08-31"', "      inlämning:", '        nämnder: "09-15"', '        bolag: "09-10"',
            "    - id: bokslut", "      namn: Årsbokslut", "      typ: årsbokslut",
            '      avser: "12-31"', '      inlämning: "02-15"',
            "  # Varje nämndmål ska ha minst en aktivitet i en handlingsplan efter detta datum (RT702)",
            '  handlingsplaner-senast: "02-28"',
        ]
        return "\n".join(out) + "\n"

    # -- verksamhetsplan -------------------------------------------------

    def _directed(self, org: Org, all_kf) -> list[tuple[str, str, bool]]:
        """(kommunmål, kf-mål, directed-at-all) for the KF-mål aimed at ``org``."""
        result = []
        for km, kf, resp in all_kf:
            if resp is None:
                result.append((km, kf, True))
            elif resp == ["nämnderna"]:
                if org.kind == "nämnd":
                    result.append((km, kf, True))
            elif resp == ["bolagen"]:
                if org.kind == "bolag":
                    result.append((km, kf, True))
            elif org.id in resp:
                result.append((km, kf, False))
        return result

    def _plan_yaml(self, org: Org, all_kf, path: str) -> str:
        rng = self.rng
        directed = self._directed(org, all_kf)
        contributions, required = [], []
        for km, kf, group in directed:
            if group and rng.random() < 0.35:
                contributions.append(kf)
            else:
                required.append((km, kf))
        n_goals = max(rng.randint(14, 28), len(required))
        slots: list[tuple[str, str | None]] = list(required)
        pool = required or [(km, None) for km, *_ in self.municipal]
        while len(slots) < n_goals:
            if rng.random() < 0.05 or not required:
                slots.append((f"KM{rng.randint(1, 6)}", None))  # kompletterande nämndmål
            else:
                slots.append(rng.choice(pool))
        rng.shuffle(slots)

        subjects = SPECIFIC.get(org.id, []) + GENERIC
        used_texts: set[str] = set()
        seen_kf: set[str] = set()
        goals = []
        for g, (km, kf) in enumerate(slots, start=1):
            goal_id = f"{org.id}-{g:02d}"
            main = rng.choice(subjects)
            same_dir = [s for s in subjects if s.direction == main.direction and s.unit == main.unit and s is not main]
            chosen = [main] + rng.sample(same_dir, min(len(same_dir), rng.choice((0, 0, 1, 1, 2))))
            text = ""
            for _ in range(6):
                q = rng.choice(QUALIFIERS)
                text = rng.choice(GOAL_TEMPLATES[main.direction]).format(
                    S=main.phrase[0].upper() + main.phrase[1:], s=main.phrase, q=q)
                if text not in used_texts:
                    break
            else:
                text = f"{text} (delmål {g})"
            used_texts.add(text)
            measures = []
            for m, sub in enumerate(chosen, start=1):
                measure = Measure(f"{goal_id}-{m}", sub.phrase[0].upper() + sub.phrase[1:] + q, sub,
                                  riktning=rng.random() < 0.3)
                if rng.random() < 1 / 15:
                    measure.split = True
                    parts = rng.choice(SPLITS)
                    measure.series = [_make_series(rng, sub, id=i, name=n) for i, n in parts]
                else:
                    measure.series = [_make_series(rng, sub)]
                measures.append(measure)
            goal = Goal(goal_id, text, main.direction, kf, km if kf is None else None, measures)
            extra_cover = kf is not None and kf in seen_kf
            if kf is not None:
                seen_kf.add(kf)
            if rng.random() < self.error_rate:
                self._inject(goal, extra_cover)
                if goal.defect:
                    self.defects.append((path, goal.id, goal.defect))
            goals.append(goal)
        self.goal_count += len(goals)
        self.last_goals = goals
        return self._render_plan(org, goals, contributions)

    def _inject(self, goal: Goal, extra_cover: bool) -> None:
        rng = self.rng
        first = goal.measures[0]
        series = first.series[0]
        options = ["saknad-datakälla", "saknat-år"]
        if series.baseline is not None and goal.direction in ("up", "down") and series.style != "op":
            options.append("fel-riktning")
        if first.subject.unit == "procent" and goal.direction == "up":
            options.append("över-100-procent")
        if extra_cover:
            options.append("okänt-kf-mål")
        defect = rng.choice(options)
        goal.defect = defect
        if defect == "saknad-datakälla":
            first.source = False
        elif defect == "saknat-år":
            year = rng.choice(YEARS[1:])
            for s in first.series:
                s.targets.pop(year, None)
        elif defect == "fel-riktning":
            sign = -1 if goal.direction == "up" else 1
            step = max(first.subject.step, 0.1 if series.decimals else 1)
            for k, year in enumerate(YEARS, start=1):
                value = series.baseline + sign * k * step
                series.targets[year] = round(value, 1) if series.decimals else float(round(value))
            if first.subject.unit == "procent":  # keep it a single defect: stay within 0–100
                series.targets = {y: min(max(v, 0.0), 100.0) for y, v in series.targets.items()}
            if min(series.targets.values()) < 0:
                series.targets = {y: max(v, 0.0) for y, v in series.targets.items()}
        elif defect == "över-100-procent":
            series.targets[YEARS[-1]] = float(rng.randint(101, 130))
        elif defect == "okänt-kf-mål":
            goal.council_goal = f"KF{rng.randint(7, 9)}-{rng.randint(1, 4)}"

    def _render_plan(self, org: Org, goals: list[Goal], contributions: list[str]) -> str:
        rng = self.rng
        kind = "Affärsplan och verksamhetsplan" if org.kind == "bolag" else "Verksamhetsplan"
        day = f"{BASE_YEAR}-12-{rng.randint(5, 18):02d}"
        para = rng.randint(50, 140)
        out = [
            f"# {kind} {PLAN_YEAR} – {org.name}",
            f"organisation: {org.id}",
            f"år: {PLAN_YEAR}",
            f"period: {PERIOD[0]}–{PERIOD[1]}",
            "beslut:",
            f"  datum: {day}",
            f"  paragraf: § {para}",
            f"  organ: {'Styrelsen' if org.kind == 'bolag' else org.name}",
            "inledning: >-",
            f"  {org.name} beskriver här hur verksamheten bidrar till kommunens",
            f"  mål under planeringsperioden {PERIOD[0]}–{PERIOD[1]}.",
            "inriktning:",
        ]
        for km_id, *_ in rng.sample(self.municipal, 3):
            out += [f"  - kommunmål: {km_id}",
                    "    text: Vi prioriterar arbetet med tidiga insatser och ett gott bemötande."]
        out += ["", "nämndmål:"]
        for goal in goals:
            out += [f"  - id: {goal.id}", f"    text: {yq(goal.text)}"]
            if org.administration:
                out.append(f"    förvaltning: {org.administration}")
            if goal.council_goal:
                out.append(f"    kf-mål: {goal.council_goal}")
            else:
                out.append(f"    kommunmål: {goal.municipal_goal}  # kompletterande nämndmål")
            out += ["    beslut:", f"      datum: {day}", f"      paragraf: § {para}", "    mått:"]
            for measure in goal.measures:
                sub = measure.subject
                out += [f"      - id: {measure.id}", f"        text: {yq(measure.text)}"]
                if measure.source:
                    out.append(f"        datakälla: {yq(sub.source)}")
                out.append(f"        enhet: {sub.unit}")
                if measure.riktning:
                    out.append(f"        riktning: {RIKTNING[sub.direction]}")
                if sub.kolada:
                    out.append(f"        kolada: {sub.kolada}")
                if measure.split:
                    out.append("        delserier:")
                    for s in measure.series:
                        out += [f"          - id: {s.id}", f"            namn: {s.name}"]
                        out += self._series_lines(s, sub.unit, "            ")
                else:
                    out += self._series_lines(measure.series[0], sub.unit, "        ")
        if contributions:
            out += ["", "# KF-mål som organisationen bidrar till utan eget nämndmål", "bidrar-utan-nämndmål:"]
            for kf in contributions:
                out += [f"  - kf-mål: {kf}", f"    motivering: {rng.choice(MOTIVATIONS)}"]
        out += ["", "nyckeltal:"]
        for k, (text, unit, low, high, kolada) in enumerate(rng.sample(KEY_FIGURES, rng.randint(3, 6)), start=1):
            values = [rng.randint(low, high) for _ in range(3)]
            out += [f"  - id: NT{k}", f"    mått: {text}", "    syfte: Jämföra kostnad och kvalitet över tid.",
                    "    datakälla: Kolada" if kolada else "    datakälla: Egen statistik", f"    enhet: {unit}"]
            if kolada:
                out.append(f"    kolada: {kolada}")
            out += ["    jämförelsevärde:", f"      värde: {rng.randint(low, high)}",
                    f"      år: {BASE_YEAR - 1}", "      avser: Riket", "    värden:"]
            out += [f"      {BASE_YEAR - 2 + i}: {v}" for i, v in enumerate(values)]
            out.append("    uppföljningstillfälle: Årsbokslut")
        if org.kind == "nämnd":
            out += self._budget_lines()
        return "\n".join(out) + "\n"

    def _series_lines(self, s: Series, unit: str, ind: str) -> list[str]:
        if s.baseline is None:
            lines = [f"{ind}ingångsvärde: nytt mål"]
        else:
            lines = [f"{ind}ingångsvärde:", f"{ind}  värde: {_fmt(s.baseline, s, unit, False)}",
                     f"{ind}  år: {BASE_YEAR}"]
        lines.append(f"{ind}målvärden:")
        lines += [f"{ind}  {y}: {_fmt(v, s, unit, True)}" for y, v in s.targets.items()]
        return lines

    def _budget_lines(self) -> list[str]:
        rng = self.rng
        rows = []
        for r, name in enumerate(rng.sample(BUDGET_ROWS, rng.randint(3, 6)), start=1):
            income = rng.randint(0, 40) * 500
            costs = -rng.randint(20, 400) * 500
            rows.append((f"v{r}", name, income, costs, income + costs))

        def amount(value: int) -> str:
            return yq(sv_number(value)) if rng.random() < 0.2 and abs(value) >= 1000 else str(value)

        total = [sum(r[i] for r in rows) for i in (2, 3, 4)]
        out = ["", "# Internbudget i tkr: intäkter positiva, kostnader negativa", "internbudget:",
               "  enhet: tkr", f"  ram: {total[2]}", "  verksamheter:"]
        for rid, name, income, costs, net in rows:
            out += [f"    - id: {rid}", f"      namn: {name}", f"      intäkter: {amount(income)}",
                    f"      kostnader: {amount(costs)}", f"      nettokostnad: {amount(net)}"]
        out += ["  summa:", f"    intäkter: {total[0]}", f"    kostnader: {total[1]}", f"    nettokostnad: {total[2]}"]
        return out


    # -- handlingsplan och uppföljningar ----------------------------------

    def _responsible(self, org: Org) -> str:
        rng = self.rng
        if org.kind == "bolag":
            return rng.choice(COMPANY_ROLES)
        roll = rng.random()
        if roll < 0.6:
            return f"Enhetschef {rng.choice(AREAS[org.id])}"
        if roll < 0.75:
            return f"Avdelningschef {rng.choice(AREAS[org.id])}"
        return rng.choice(STAFF_ROLES)

    def _action_plan_yaml(self, org: Org, unit: str, goals: list[Goal]) -> str:
        rng = self.rng
        out = [
            f"# Handlingsplan {PLAN_YEAR} – {unit}, {org.name}",
            "# Syntetisk testdata från benchmarks/generate.py: hur verksamhetsplanens nämndmål ska nås.",
            f"organisation: {org.id}",
            f"år: {PLAN_YEAR}",
            f"förvaltning: {unit}",
            "",
            "aktiviteter:",
        ]
        quarters = [q for q, w in QUARTER_WEIGHTS for _ in range(w)]
        for goal in goals:
            sub = goal.measures[0].subject
            goal.activities = []
            for a in range(1, (2 if rng.random() < 0.4 else 1) + 1):
                activity_id = f"{goal.id}-a{a}"
                due = rng.choice(quarters)
                goal.activities.append((activity_id, due))
                what = rng.choice(ACTIVITY_WHAT).format(s=sub.phrase, p=rng.choice(PARTNERS))
                why = rng.choice(ACTIVITY_WHY).format(v=VERB[goal.direction], s=sub.phrase)
                out += [f"  - id: {activity_id}", f"    nämndmål: {goal.id}", f"    vad: {yq(what + '.')}",
                        f"    varför: {yq(why)}", f"    ansvarig: {self._responsible(org)}", f"    klart: {due}",
                        f"    uppföljning: {yq(rng.choice(ACTIVITY_FOLLOW_UP))}"]
        return "\n".join(out) + "\n"

    def _outcome_value(self, s: Series, unit: str, wanted: str, grade: str) -> tuple[float, bool]:
        """(value, with one decimal) landing in ``grade`` against the year's målvärde where
        the series' precision allows it; rt's bedömning of the value is computed afterwards."""
        rng = self.rng
        target, base = s.targets[PLAN_YEAR], s.baseline
        sign = 1 if wanted == "up" else -1
        if wanted == "keep":
            if grade == "delvis uppfyllt":  # a level to keep is either kept or not
                grade = rng.choice(("uppfyllt", "ej uppfyllt"))
            value = target * (1 + rng.uniform(-0.03, 0.03) if grade == "uppfyllt" else 1 - rng.uniform(0.06, 0.10))
        elif base is not None and base != target:
            gap = target - base
            if grade == "uppfyllt":
                value = target + rng.choice((0, 0, 0.25, 0.5, 1.0)) * gap
            elif grade == "delvis uppfyllt":
                value = base + rng.uniform(0.55, 0.95) * gap
            else:
                value = base + rng.uniform(-0.5, 0.3) * gap
        elif grade == "uppfyllt":
            value = target + sign * abs(target) * rng.uniform(0, 0.05)
        elif grade == "delvis uppfyllt":
            value = target - sign * abs(target) * rng.uniform(0.01, 0.045)
        else:
            value = target - sign * abs(target) * rng.uniform(0.07, 0.2)
        high = 100.0 if unit == "procent" else float("inf")
        result = min(max(round(value, 1) if s.decimals else float(round(value)), 0.0), high)
        if s.decimals or wanted == "keep" or grade_of(result, target, base, wanted) == grade:
            return result, s.decimals
        if grade == "delvis uppfyllt" and unit == "procent":  # "36,5 %" where 36 or 37 would not do
            candidate = min(max(round(value, 1), 0.0), high)
            if grade_of(candidate, target, base, wanted) == grade:
                return candidate, True
        elif grade == "ej uppfyllt" and base is not None:
            return min(max(base, 0.0), high), False
        return result, False

    def _draw_grade(self) -> str:
        roll, acc = self.rng.random(), 0.0
        for grade, share in OUTCOME_MIX:
            acc += share
            if roll < acc:
                return grade
        return OUTCOME_MIX[-1][0]

    def _outcomes(self, goals: list[Goal], year_end: bool) -> dict[str, tuple[list, str]]:
        """{mått id: ([(series, value, value so far or None, grade)], grade)} for one report.
        At delåret the value is a prognos for the year, with the value so far beside it."""
        rng = self.rng
        result = {}
        for goal in goals:
            for measure in goal.measures:
                sub = measure.subject
                parts = []
                for s in measure.series:
                    wanted = "up" if s.style == "op" else goal.direction
                    value, decimals = self._outcome_value(s, sub.unit, wanted, self._draw_grade())
                    grade = grade_of(value, s.targets[PLAN_YEAR], s.baseline, wanted)
                    if decimals != s.decimals:
                        s = replace(s, decimals=decimals)  # formatting only: same ids, same targets
                    so_far = None
                    if not year_end and rng.random() < 0.7:
                        so_far = value if s.baseline is None else s.baseline + 0.7 * (value - s.baseline)
                        so_far = round(so_far, 1) if s.decimals else float(round(so_far))
                    parts.append((s, value, so_far, grade))
                result[measure.id] = (parts, combine_grades([p[3] for p in parts]))
        return result

    def _follow_ups(self, org: Org, folder: str, goals: list[Goal]) -> tuple[str, str]:
        rng = self.rng
        interim, year_end = self._outcomes(goals, False), self._outcomes(goals, True)
        files = {year_end: f"{folder}/uppfoljning-{PLAN_YEAR}-{'bokslut' if year_end else 'delar'}.yaml"
                 for year_end in (False, True)}
        unknown: dict[bool, dict[str, str]] = {False: {}, True: {}}  # goal id -> unknown mått id
        no_analysis: set[str] = set()  # mått ids
        for goal in goals:
            # Follow-up defects at half the plan rate, only on nämndmål without a plan defect.
            if rng.random() >= self.error_rate / 2 or goal.defect:
                continue
            at_risk = [m.id for m in goal.measures if year_end[m.id][1] in AT_RISK]
            kind = rng.choice(["okänt-mått", "saknad-analys"] if at_risk else ["okänt-mått"])
            if kind == "okänt-mått":
                which = rng.random() < 0.5
                unknown[which][goal.id] = f"{goal.id}-{len(goal.measures) + 1}"
            else:
                which = True
                no_analysis.add(rng.choice(at_risk))
            self.defects.append((files[which], goal.id, kind))
        return (self._follow_up_yaml(org, goals, interim, False, unknown[False], set()),
                self._follow_up_yaml(org, goals, year_end, True, unknown[True], no_analysis))

    def _follow_up_yaml(self, org: Org, goals: list[Goal], outcomes, year_end: bool,
                        unknown: dict[str, str], no_analysis: set[str]) -> str:
        rng = self.rng
        if year_end:
            as_of, report = f"{PLAN_YEAR}-12-31", "bokslut"
            day = f"{PLAN_YEAR + 1}-02-{rng.randint(1, 15):02d}"
            heading = f"Årsbokslut {PLAN_YEAR}"
        else:
            as_of, report = f"{PLAN_YEAR}-08-31", "delar"
            day = f"{PLAN_YEAR}-09-{rng.randint(2, 10 if org.kind == 'bolag' else 15):02d}"
            heading = f"Delårsrapport per augusti {PLAN_YEAR}"
        out = [f"# {heading} – {org.name}",
               "# Syntetisk testdata från benchmarks/generate.py.",
               f"organisation: {org.id}", f"år: {PLAN_YEAR}", f"uppföljning: {report}", f"datum: {day}",
               "", "utfall:"]
        goal_grades = {}
        for goal in goals:
            grades = []
            for measure in goal.measures:
                parts, grade = outcomes[measure.id]
                grades.append(grade)
                sub = measure.subject
                out += [f"  - mått: {measure.id}"]
                if not measure.split:
                    s, value, so_far, _ = parts[0]
                    out += self._value_lines(s, sub.unit, value, so_far, year_end, "    ")
                out += [f"    avser: {as_of}", f"    källa: {yq(sub.source)}"]
                if measure.split:
                    out.append("    delserier:")
                    for s, value, so_far, _ in parts:
                        out.append(f"      - delserie: {s.id}")
                        out += self._value_lines(s, sub.unit, value, so_far, year_end, "        ")
                if grade in AT_RISK:
                    if measure.id not in no_analysis:
                        out.append(f"    analys: {yq(rng.choice(ANALYSIS_RISK))}")
                    out.append(f"    åtgärder: {yq(rng.choice(ACTIONS))}")
                elif year_end and rng.random() < 0.5:
                    out.append(f"    analys: {yq(rng.choice(ANALYSIS_MET))}")
            if goal.id in unknown:  # a mått removed from the plan but still reported
                s = goal.measures[0].series[0]
                value = _fmt(s.targets[PLAN_YEAR], s, goal.measures[0].subject.unit, False)
                out += [f"  - mått: {unknown[goal.id]}", f"    värde: {value}", f"    avser: {as_of}"]
            goal_grades[goal.id] = combine_grades(grades)
        out += ["", "aktiviteter:"]
        for goal in goals:
            for activity_id, due in goal.activities:
                state, done = self._activity_state(due, year_end)
                out += [f"  - aktivitet: {activity_id}", f"    status: {state}", f"    genomförandegrad: {done}"]
                if state != "klar" or rng.random() < 0.2:
                    out.append(f"    kommentar: {yq(rng.choice(ACTIVITY_COMMENTS[state]))}")
        if year_end:
            out += ["", "nämndmål:"]
            for goal in goals:
                grade = goal_grades[goal.id]
                out += [f"  - nämndmål: {goal.id}", f"    analys: {yq(GOAL_ANALYSIS[grade])}"]
                if grade in AT_RISK:
                    out.append(f"    åtgärder: {yq(rng.choice(ACTIONS))}")
        return "\n".join(out) + "\n"

    @staticmethod
    def _value_lines(s: Series, unit: str, value: float, so_far: float | None, year_end: bool, ind: str) -> list[str]:
        if year_end:
            lines = [f"{ind}värde: {_fmt(value, s, unit, False)}"]
            if s.baseline is not None:
                lines.append(f"{ind}föregående-år: {_fmt(s.baseline, s, unit, False)}")
            return lines
        lines = [f"{ind}värde: {_fmt(so_far, s, unit, False)}"] if so_far is not None else []
        return lines + [f"{ind}prognos: {_fmt(value, s, unit, False)}"]

    def _activity_state(self, due: str, year_end: bool) -> tuple[str, int]:
        roll = self.rng.random()
        if year_end:
            if roll < 0.78:
                return "klar", 100
            if roll < 0.92:
                return "pågår", self.rng.randint(5, 9) * 10
            if roll < 0.97:
                return "stoppad", self.rng.randint(0, 4) * 10
            return "ej påbörjad", 0
        if due in ("Q1", "Q2"):
            return ("klar", 100) if roll < 0.8 else ("pågår", self.rng.randint(6, 9) * 10)
        if due == "Q3":
            return ("klar", 100) if roll < 0.2 else ("pågår", self.rng.randint(4, 9) * 10)
        if roll < 0.1:
            return "ej påbörjad", 0
        if roll < 0.13:
            return "stoppad", self.rng.randint(0, 3) * 10
        return "pågår", self.rng.randint(1, 6) * 10


def kommun_names(seed: int) -> list[str]:
    names = [h + t for h in NAME_HEADS for t in NAME_TAILS if not (h[-1] == t[0])]
    names = [n[0] + n[1:].lower() for n in names]
    random.Random(f"{seed}:namn").shuffle(names)
    return names


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------


@dataclass
class Summary:
    kommuner: int = 0
    files: int = 0
    goals: int = 0
    bytes: int = 0
    seconds: float = 0.0
    defects: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"kommuner": self.kommuner, "filer": self.files, "nämndmål": self.goals,
                "bytes": self.bytes, "fel": len(self.defects), "format": FORMAT}


def generate(out_dir: Path, kommuner: int, seed: int = 1, error_rate: float = 0.02) -> Summary:
    """Write ``kommuner`` trees under ``out_dir`` and return what was written."""
    start = time.perf_counter()
    names = kommun_names(seed)
    summary = Summary(kommuner=kommuner)
    for i in range(1, kommuner + 1):
        builder = KommunBuilder(i, seed, error_rate, names)
        root = out_dir / f"kommun-{i:04d}"
        for rel, text in builder.build().items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            summary.files += 1
            summary.bytes += len(data)
        summary.goals += builder.goal_count
        summary.defects += [(f"kommun-{i:04d}/{f}", g, d) for f, g, d in builder.defects]
    summary.seconds = time.perf_counter() - start
    return summary


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def verify(out_dir: Path) -> tuple[int, list[str], dict[str, int]]:
    """Load every file with the pydantic models and re-check the semantics.

    Returns (files checked, model errors, defects found per kind).
    """
    import yaml_rs

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from roda_traden.models.kommun import KommunFile
    from roda_traden.models.plan import PlanFile

    errors: list[str] = []
    found = {d: 0 for d in (*DEFECTS, *FOLLOW_UP_DEFECTS)}
    found["annat"] = 0
    checked = 0
    for kommun_yaml in sorted(out_dir.glob("*/kommun.yaml")):
        try:
            kommun = KommunFile.model_validate(yaml_rs.loads(kommun_yaml.read_text("utf-8"), parse_datetime=False))
        except Exception as exc:  # noqa: BLE001 - report and continue
            errors.append(f"{kommun_yaml}: {exc}")
            continue
        checked += 1
        orgs = {o.id: o for o in kommun.organisations}
        kf_targets: dict[str, set[str]] = {}
        for km in kommun.goals:
            for kf in km.council_goals:
                ids: set[str] = set()
                for r in kf.responsible:
                    if r == "alla":
                        ids |= set(orgs)
                    elif r in ("nämnderna", "bolagen"):
                        ids |= {o.id for o in orgs.values() if o.kind == ("nämnd" if r == "nämnderna" else "bolag")}
                    else:
                        ids.add(r)
                kf_targets[kf.id] = ids
        covered: dict[str, set[str]] = {kf: set() for kf in kf_targets}
        plans = {}
        for plan_path in sorted(kommun_yaml.parent.glob("namnder/*/verksamhetsplan-*.yaml")):
            try:
                plan = PlanFile.model_validate(yaml_rs.loads(plan_path.read_text("utf-8"), parse_datetime=False))
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{plan_path}: {exc}")
                continue
            checked += 1
            plans[plan.organisation] = plan
            years = set(plan.period.years) if plan.period else set(YEARS)
            for c in plan.contributions:
                covered.setdefault(c.council_goal, set()).add(plan.organisation)
            for goal in plan.goals:
                kinds = _goal_defects(goal, years, kf_targets, plan.organisation)
                for kind in kinds:
                    found[kind] += 1
                if goal.council_goal:
                    covered.setdefault(goal.council_goal, set()).add(plan.organisation)
            if plan.budget:
                b = plan.budget
                ok = all(abs(r.income + r.costs - r.net) < 0.5 for r in b.rows)
                if b.total:
                    ok &= abs(sum(r.net for r in b.rows) - b.total.net) < 0.5
                    ok &= b.frame is None or abs(b.frame - b.total.net) < 0.5
                if not ok:
                    found["annat"] += 1
        for kf, targets in kf_targets.items():
            found["annat"] += len(targets - covered.get(kf, set()))
        n, errs = _verify_follow_ups(kommun_yaml.parent, plans, found)
        checked += n
        errors += errs
    return checked, errors, found


def _load(path: Path, model, errors: list[str]):
    import yaml_rs

    try:
        return model.model_validate(yaml_rs.loads(path.read_text("utf-8"), parse_datetime=False))
    except Exception as exc:  # noqa: BLE001 - report and continue
        errors.append(f"{path}: {exc}")
        return None


def _verify_follow_ups(root: Path, plans: dict, found: dict[str, int]) -> tuple[int, list[str]]:
    """Handlingsplaner and uppföljningar of one kommun against its plans:
    every nämndmål has an activity and every reference resolves; every
    activity has a status; every mått an utfall, with analys and åtgärder
    where the bedömning (recomputed here) is delvis or ej uppfyllt."""
    from roda_traden.models.actionplan import ActionPlanFile
    from roda_traden.models.followup import FollowUpFile

    errors: list[str] = []
    checked = 0
    activities: dict[str, set[str]] = {}
    for path in sorted(root.glob("namnder/*/handlingsplan-*.yaml")):
        action_plan = _load(path, ActionPlanFile, errors)
        if action_plan is None:
            continue
        checked += 1
        plan = plans.get(action_plan.organisation)
        goals = {g.id for g in plan.goals} if plan else set()
        ids = activities.setdefault(action_plan.organisation, set())
        for activity in action_plan.activities:
            found["annat"] += activity.board_goal not in goals or activity.id in ids
            ids.add(activity.id)
        found["annat"] += len(goals - {a.board_goal for a in action_plan.activities})
    for org, plan in plans.items():
        for report in ("delar", "bokslut"):
            path = root / "namnder" / org.lower() / f"uppfoljning-{PLAN_YEAR}-{report}.yaml"
            follow_up = _load(path, FollowUpFile, errors) if path.exists() else None
            if follow_up is None:
                found["annat"] += path.exists() is False
                continue
            checked += 1
            _check_follow_up(plan, follow_up, report == "bokslut", activities.get(org, set()), found)
    return checked, errors


def _check_follow_up(plan, follow_up, year_end: bool, activities: set[str], found: dict[str, int]) -> None:
    measures = {m.id: (goal, m) for goal in plan.goals for m in goal.measures}
    outcomes = {}
    for outcome in follow_up.outcomes:
        if outcome.measure not in measures:
            found["okänt-mått"] += 1
        else:
            outcomes[outcome.measure] = outcome
    goal_grades: dict[str, list[str]] = {}
    for measure_id, (goal, measure) in measures.items():
        outcome = outcomes.get(measure_id)
        if outcome is None:
            found["annat"] += 1
            continue
        wanted = _direction(goal.text)
        parts = {p.sub_series: p for p in outcome.sub_outcomes}
        grades = []
        for series in measure.series():
            part = outcome if series is measure else parts.get(series.id)
            measured = None if part is None else part.value if year_end else (part.forecast or part.value)
            target = series.targets.get(PLAN_YEAR)
            if measured is None or measured.number is None or target is None or target.number is None:
                found["annat"] += 1
                continue
            base = series.baseline.value.number if series.baseline and series.baseline.value else None
            direction = "up" if target.op in (">=", ">") else "down" if target.op in ("<=", "<") else wanted
            grades.append(grade_of(measured.number, target.number, base, direction or "up"))
        grade = combine_grades(grades) if grades else "uppfyllt"
        goal_grades.setdefault(goal.id, []).append(grade)
        if grade in AT_RISK:
            found["saknad-analys"] += not outcome.analysis
            found["annat"] += not outcome.actions
    reported = {a.activity for a in follow_up.activities}
    found["annat"] += len(reported - activities) + len(activities - reported)
    if year_end:
        notes = {n.board_goal: n for n in follow_up.goals}
        for goal in plan.goals:
            note = notes.get(goal.id)
            found["annat"] += note is None or not note.analysis
            if note and goal.id in goal_grades and combine_grades(goal_grades[goal.id]) in AT_RISK:
                found["annat"] += not note.actions


def _direction(text: str) -> str | None:
    lowered = text.lower()
    return "up" if "öka" in lowered else "down" if "minska" in lowered else "keep" if "bibehåll" in lowered else None


def _goal_defects(goal, years: set[int], kf_targets: dict[str, set[str]], org: str) -> set[str]:
    kinds: set[str] = set()
    if goal.council_goal and goal.council_goal not in kf_targets:
        kinds.add("okänt-kf-mål")
    elif goal.council_goal and org not in kf_targets[goal.council_goal]:
        kinds.add("annat")
    lowered = goal.text.lower()
    direction = "up" if "öka" in lowered else "down" if "minska" in lowered else "keep" if "bibehåll" in lowered else None
    for measure in goal.measures:
        if not measure.source:
            kinds.add("saknad-datakälla")
        for series in measure.series():
            if not years <= set(series.targets):
                kinds.add("saknat-år")
            values = [series.targets[y] for y in sorted(series.targets)]
            percent = measure.unit == "procent"
            if any(t.number is not None and t.number > 100 and (percent or t.percent) for t in values):
                kinds.add("över-100-procent")
            base = series.baseline.value if series.baseline else None
            if base is None or base.number is None or direction is None:
                continue
            numbers = [t.number for t in values if t.number is not None]
            if not numbers:
                continue
            last = numbers[-1]
            if direction == "up" and last < base.number or direction == "down" and last > base.number:
                kinds.add("fel-riktning")
            elif direction == "keep" and any(abs(n - base.number) > 1e-9 for n in numbers):
                kinds.add("annat")
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skapa syntetiska målträd för prestandatester av rt validate.")
    parser.add_argument("out_dir", type=Path, help="katalog att skriva kommun-0001/ … i")
    parser.add_argument("--kommuner", type=int, required=True, help="antal kommuner")
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö (samma frö ger samma filer)")
    parser.add_argument("--error-rate", type=float, default=0.02,
                        help="andel nämndmål med ett inlagt fel i planen (standard 0,02); "
                        "hälften så många andra nämndmål får ett fel i en uppföljning")
    parser.add_argument("--verify", action="store_true", help="läs tillbaka allt med modellerna och räkna felen")
    parser.add_argument("--facit", type=Path, help="skriv en JSON-lista över inlagda fel hit (utanför OUT_DIR)")
    args = parser.parse_args(argv)

    summary = generate(args.out_dir, args.kommuner, args.seed, args.error_rate)
    mb = summary.bytes / 1_000_000
    print(
        f"Skapade {_fmt_int(summary.kommuner)} kommuner i {args.out_dir}: {_fmt_int(summary.files)} filer, "
        f"{_fmt_int(summary.goals)} nämndmål, {mb:.1f} MB".replace(".", ",")
        + f" på {summary.seconds:.1f} s".replace(".", ",")
        + f" ({_fmt_int(len(summary.defects))} inlagda fel)."
    )
    if args.facit:
        args.facit.write_text(json.dumps(
            [{"fil": f, "nämndmål": g, "fel": d} for f, g, d in summary.defects], ensure_ascii=False, indent=1),
            encoding="utf-8")
    if args.verify:
        injected = {d: 0 for d in (*DEFECTS, *FOLLOW_UP_DEFECTS)}
        for _, _, d in summary.defects:
            injected[d] += 1
        checked, errors, found = verify(args.out_dir)
        print(f"Kontrollerade {_fmt_int(checked)} filer mot modellerna: "
              + ("inga valideringsfel." if not errors else f"{len(errors)} filer med valideringsfel!"))
        for line in errors[:10]:
            print("  " + line.splitlines()[0])
        mismatch = False
        for kind in (*DEFECTS, *FOLLOW_UP_DEFECTS, "annat"):
            want = injected.get(kind, 0)
            mark = "" if found[kind] == want else "  <-- avviker"
            mismatch |= found[kind] != want
            print(f"  {kind:<18} inlagda {want:>6}  hittade {found[kind]:>6}{mark}")
        if errors or mismatch:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
