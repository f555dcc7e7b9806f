"""Tables of Swedish word forms rt understands, and nothing else.

Every word that carries meaning for rt is listed here in full, inflected
form by form: a stem match would take "Flera nämnder" for "fler" and
"högre utbildning" for "högre". tests/test_language_tables.py reads each
form back through the reader and checks it means what this table says.
"""

from __future__ import annotations

import enum


class Direction(str, enum.Enum):
    """Which way a goal wants a measure to move.

    NOT_DOWN is "ska inte minska" (or "minst bibehållas"): any value at or
    above the start is right, so an unchanged target is no mistake."""

    UP = "up"
    DOWN = "down"
    KEEP = "keep"
    NOT_DOWN = "not-down"
    NOT_UP = "not-up"

    @property
    def sign(self) -> int:
        return _SIGNS[self.value]

    @property
    def strict(self) -> bool:
        """Whether the goal asks for a change (so the start itself falls short)."""
        return self in (Direction.UP, Direction.DOWN)

    def negated(self) -> Direction | None:
        return {Direction.UP: Direction.NOT_UP, Direction.DOWN: Direction.NOT_DOWN}.get(self)

    @property
    def infinitive(self) -> str:
        """The verb a message uses: "Målet ska öka …"."""
        return {"up": "öka", "down": "minska", "keep": "bibehållas", "not-down": "inte minska",
                "not-up": "inte öka"}[self.value]


_SIGNS = {"up": 1, "not-down": 1, "down": -1, "not-up": -1, "keep": 0}


def _forms(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Verbs (all voices and participles), nouns and comparatives that name a
# direction. Forms that are as often another word are left out: "steg" (a
# step), "korta" and "begränsad" ("korta utbildningar", "begränsad rörlighet").
DIRECTION_WORDS: dict[Direction, frozenset[str]] = {
    Direction.UP: _forms(
        "öka ökar ökas ökat ökade ökad ökande ökning ökningen ökningar",
        "höja höjer höjs höjas höjt höjde höjd höjda höjning höjningen",
        "utöka utökar utökas utökat utökade utökad utökning",
        "stiga stiger stigit stigande",
        "växa växer växte vuxit växande",
        "fördubbla fördubblas fördubblad fördubbling",
        "maximera maximeras",
        "fler högre",
    ),
    Direction.DOWN: _forms(
        "minska minskar minskas minskat minskade minskad minskande minskning minskningen minskningar",
        "sänka sänker sänks sänkas sänkt sänkte sänkta sänkning sänkningen",
        "reducera reducerar reduceras reducerat reducerad reducerade reducering reduktion",
        "kortas kortat kortad förkorta förkortas förkortat förkortad kortare",
        "halvera halveras halverad halvering",
        "sjunka sjunker sjunkit sjönk sjunkande",
        "krympa krymper krympt krympte krympande",
        "begränsa begränsas",
        "minimera minimeras",
        "färre lägre",
    ),
    Direction.KEEP: _forms(
        "bibehålla bibehåller bibehålls bibehållas bibehållen bibehållet bibehållna",
        "behålla behåller behålls behållas",
        "upprätthålla upprätthåller upprätthålls upprätthållas",
        "oförändrad oförändrat oförändrade",
        "bevara bevaras bevarad bevarat",
    ),
}

# Words that ask for "better" without saying which way the number moves:
# better is down for väntetid, sjukfrånvaro or kostnad.
IMPROVE_WORDS = _forms(
    "förbättra förbättrar förbättras förbättrat förbättrad förbättrade förbättring förbättringen",
    "stärka stärker stärks stärkas stärkt stärkta",
    "utveckla utvecklas utvecklat utvecklad",
    "bättre snabbare tryggare säkrare effektivare nöjdare jämnare friskare",
)

# Two-word phrases that name a direction ("i större utsträckning").
DIRECTION_PHRASES: dict[tuple[str, ...], Direction] = {
    ("större", "utsträckning"): Direction.UP,
    ("högre", "grad"): Direction.UP,
    ("mindre", "utsträckning"): Direction.DOWN,
    ("lägre", "grad"): Direction.DOWN,
    ("samma", "nivå"): Direction.KEEP,
    ("samma", "som"): Direction.KEEP,
    ("ligga", "kvar"): Direction.KEEP,
    ("ligger", "kvar"): Direction.KEEP,
    # "större ombyggnationer" is a size; "större andel" is a direction.
    ("större", "andel"): Direction.UP,
    ("större", "del"): Direction.UP,
    ("större", "antal"): Direction.UP,
    ("mindre", "andel"): Direction.DOWN,
    ("mindre", "del"): Direction.DOWN,
    ("mindre", "antal"): Direction.DOWN,
    # "minst lika många som föregående år": with "minst", not down.
    ("lika", "många"): Direction.KEEP,
    ("lika", "hög"): Direction.KEEP,
    ("lika", "högt"): Direction.KEEP,
    ("lika", "stor"): Direction.KEEP,
    ("lika", "stort"): Direction.KEEP,
}

# A direction word followed by one of these is a name, not a direction.
_LEVELS_OF_SCHOOL_AND_AGE = "årskurs årskurser årskurserna stadiet stadier ålder åldern åldrar åldrarna"
NOT_A_DIRECTION_AFTER: dict[str, frozenset[str]] = {
    "högre": _forms("utbildning utbildningen utbildningar studier studie instans instanser tjänsteman tjänstemän",
                    _LEVELS_OF_SCHOOL_AND_AGE),
    "lägre": _forms("instans instanser", _LEVELS_OF_SCHOOL_AND_AGE),
}

# A bound next to "bibehållas" or "ligga kvar" turns keeping into a floor or a ceiling.
KEEP_BOUNDS = {"minst": Direction.NOT_DOWN, "åtminstone": Direction.NOT_DOWN, "lägst": Direction.NOT_DOWN,
               "högst": Direction.NOT_UP, "max": Direction.NOT_UP}

# Before a period, these make a level a total over it ("under planperioden 2024–2026").
OVER_A_PERIOD = _forms("under totalt sammanlagt planperioden perioden mandatperioden")

# Words before a number that make it approximate ("ca 85 %").
APPROXIMATELY = _forms("ca cirka ungefär omkring runt")

# A målvärde that is no level: the first year's measurement of a new mått.
MEASUREMENT_WORDS = frozenset({"nollmätning", "nollmätning görs", "första mätning", "mäts första gången"})

# Words that make a text state a goal rather than describe a measure.
MODALS = _forms("ska skall bör måste")
# Right before a direction, a permission sets a ceiling, not a goal:
# "kostnaderna får öka med högst 2 %" does not ask them to rise.
PERMISSIONS = _forms("får tillåts tillåtas")
# Only before an infinitive is "får" a permission: "brukarna får ökat
# inflytande" receives, it permits nothing.
INFINITIVES = _forms(
    "öka höja utöka stiga fördubbla växa minska sänka reducera förkorta halvera sjunka begränsa krympa",
)
NEGATIONS = _forms("inte ej icke aldrig")
# Words that may stand between a negation and what it negates: "får inte
# bli fler", "ska inte ske någon ökning", "får inte fortsätta att öka".
NEGATION_BRIDGE = _forms("ska skall får kan bör bli vara ske någon något några heller fortsätta att ytterligare",
                         "längre")
# "Ingen ökning" negates; "inga barn ska …" sets the level zero.
NONE_WORDS = _forms("ingen inget inga")
ZERO_WORDS = _forms("noll")
UNIVERSAL_WORDS = _forms("alla samtliga")

# Comparison words before a number, and the comparator they mean.
OP_WORDS: dict[tuple[str, ...], str] = {
    ("minst",): ">=", ("lägst",): ">=", ("minimum",): ">=", ("åtminstone",): ">=",
    ("högst",): "<=", ("max",): "<=", ("maximalt",): "<=", ("maximum",): "<=",
    ("över",): ">", ("mer", "än"): ">", ("fler", "än"): ">", ("högre", "än"): ">", ("överstiga",): ">",
    ("under",): "<", ("mindre", "än"): "<", ("färre", "än"): "<", ("lägre", "än"): "<", ("understiga",): "<",
    ("större", "än"): ">", ("längre", "än"): ">", ("kortare", "än"): "<",
}
OP_SYMBOLS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<", "=": "="}
# Comparison words after a number: "80 % eller mer", "5 eller färre".
OP_AFTER_WORDS: dict[tuple[str, ...], str] = {
    ("eller", "mer"): ">=", ("eller", "fler"): ">=", ("eller", "högre"): ">=", ("eller", "större"): ">=",
    ("eller", "mindre"): "<=", ("eller", "färre"): "<=", ("eller", "lägre"): "<=",
}
# "inte under 90 %" is at least 90 %. "inte minst" is the idiom "not least".
NEGATED_OPS = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": None}
NEGATION_KEEPS_NO_LEVEL = _forms("minst")
# Comparators that describe what is counted ("möter under 14 dagar", "vänta
# mer än 30 dagar", "beläggning över 95 %") unless a verb of level or of
# direction stands before them ("vara under 40 dagar", "öka till över 90 %")
# or they open the clause ("Mer än hälften av eleverna …").
DESCRIBING_OPS = _forms("under över mer mindre fler färre högre lägre större längre kortare")
# A comparison ("högre än …", "understiga …") and which way its object is passed.
COMPARISONS: dict[str, Direction] = {
    "fler": Direction.UP, "högre": Direction.UP, "större": Direction.UP, "mer": Direction.UP,
    "överstiga": Direction.UP,
    "längre": Direction.UP,
    "färre": Direction.DOWN, "lägre": Direction.DOWN, "mindre": Direction.DOWN, "kortare": Direction.DOWN,
    "understiga": Direction.DOWN,
}
# The object of a comparison that makes it a change over time ("lägre än i
# dag", "fler än tidigare"), besides a year and the previous-year phrases.
NOW_PHRASES: tuple[tuple[str, ...], ...] = (
    ("i", "dag"), ("idag",), ("nu",), ("tidigare",), ("förut",), ("hittills",), ("i", "nuläget"),
)
# Between a bound and "i nivå med": "ska minst ligga i nivå med riket".
BENCHMARK_BRIDGE = _forms("ligga ligger vara är bli")
# Counts in words: "minst tre av fyra brukare" (75 %), "mer än en gång per år".
NUMERALS: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12,
}
# "tre av fyra", "9 av 10": a share, as a percentage.
SHARE_OF = _forms("av")
# Words that name a level without a number: "en ekonomi i balans", "ett
# positivt resultat". They make a goal specific, but give no number to check.
LEVEL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("i", "balans"), ("positivt",), ("positiv",), ("positiva",), ("i", "takt", "med"),
)
# After a level: the end of the period, by which it is to be reached ("minst
# 90 % vid periodens slut"), so it is no bound for the years before.
FINAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("vid", "periodens", "slut"), ("vid", "planperiodens", "slut"), ("i", "slutet", "av", "perioden"),
    ("i", "slutet", "av", "planperioden"), ("vid", "periodens", "utgång"), ("vid", "planperiodens", "utgång"),
)
# Before a year after a level: the year by which it is reached ("högst 6 % senast 2026").
BY_YEAR_WORDS = _forms("senast till")
# Words for numbers a target may be written in.
NUMBER_WORDS: dict[str, float] = {"noll": 0.0}
# After a number, its magnitude: "1,2 miljoner" is 1 200 000.
MAGNITUDES: dict[str, float] = {"tusen": 1e3, "miljon": 1e6, "miljoner": 1e6, "miljard": 1e9, "miljarder": 1e9}
# An enhet that counts in thousands or millions ("mnkr", "tusental besök"):
# "2,5 miljoner kronor" in the text is 2,5 in its målvärden.
UNIT_MAGNITUDES: dict[str, float] = {
    **MAGNITUDES, "tusental": 1e3, "tkr": 1e3, "mnkr": 1e6, "mkr": 1e6, "miljontal": 1e6, "mdkr": 1e9, "mdr": 1e9,
}
SHARE_WORDS: dict[str, float] = {"hälften": 50.0}  # per cent

# Before a number: how the number is used.
# "öka med 5 %" is a change; "elever med minst 90 % närvaro" says who is
# counted: "med" marks a change only right after a direction.
CHANGE_MARKERS = _forms("med")
BASELINE_MARKERS = _forms("från")  # "öka från 45 till 55": the start
LEVEL_MARKERS = _forms("till vara är bli blir uppgå uppgår nå når ligga ligger hållas")
# "svar inom 7 dagar", "fler boende än platser": part of what is measured.
DEFINITION_MARKERS = _forms("inom efter per senast än")

# A purpose or means phrase: its direction is not the goal's ("för att öka …").
PURPOSE_OPENERS: tuple[tuple[str, ...], ...] = (("för", "att"), ("genom", "att"), ("i", "syfte", "att"))
PURPOSE_PARTICIPLE_AFTER = _forms("för")  # "För minskad klimatpåverkan …"
# A purpose phrase that opens the sentence ends at its finite verb: "För att
# öka tryggheten ska belysningen förbättras".
PURPOSE_ENDS = _forms("ska skall bör kommer")
# A comparative right after "med" describes what is counted: "elever med
# högre betyg", "bostäder med fler rum".
ATTRIBUTE_AFTER = CHANGE_MARKERS
# After "som", these say who is counted: "elever som har minst 90 % närvaro",
# "andel som når minst betyget E".
OWNING_VERBS = _forms("har hade når nått uppnår uppnått klarar klarat")

# Relative goals: the comparison is the previous year ("ökar jämfört med
# föregående år"), or each year with a direction ("ska öka varje år").
PREVIOUS_YEAR_PHRASES: tuple[tuple[str, ...], ...] = (
    ("föregående", "år"), ("föregående", "års"), ("förra", "året"), ("förra", "årets"), ("fjolåret",),
    ("fjolårets",), ("året", "innan"), ("föregående", "mätning"), ("föregående", "period"),
)
EVERY_YEAR_PHRASES: tuple[tuple[str, ...], ...] = (
    ("varje", "år"), ("årligen",), ("år", "från", "år"), ("år", "för", "år"),
)
BENCHMARK_OPENERS: tuple[tuple[str, ...], ...] = (("i", "nivå", "med"),)

# Where a text is split into clauses, each with its own subject and direction.
CLAUSE_BREAKS = _forms("och samt men medan respektive")

# Units. A number followed by one of these is a duration or an age, which
# in a goal text describes what is measured ("under 14 dagar", "65 år").
TIME_UNITS = _forms("dag dagar dagen dagars dygn dygns vecka veckor veckan veckors",
                    "månad månader månaden månaders timme timmar timmen timmars timmes",
                    "minut minuter minuters arbetsdag arbetsdagar arbetsdagars år åren års")
# A number of years is an age ("över 65 år", "som är 65 år", "65 år och
# äldre"), never a target.
AGE_UNITS = _forms("år års")
# Before a number: the school year counted ("år 6", "åk 9", "årskurs 7–9").
GRADE_WORDS = _forms("år åk årskurs årskurserna skolår klass")
PERCENT_WORDS = _forms("procent")
PERCENT_POINT_WORDS = _forms("procentenhet procentenheter")
# Words a value may carry after its number ("16 personer", "14 dagar").
VALUE_UNITS = TIME_UNITS | _forms(
    "st stycken personer person invånare elever brukare barn besök ärenden platser lägenheter bostäder",
    "kr kronor tkr mnkr mkr sek kg ton km timmar poäng gånger",
)
MONTHS = _forms("januari februari mars april maj juni juli augusti september oktober november december",
                "jan feb mar apr jun jul aug sep sept okt nov dec")

# enhet: the words that declare its kind ("andel (procent)", "Andel i %",
# "procent av svarande"); any other enhet counts something.
SHARE_UNITS = _forms("andel andelen andelar procentandel procentandelen andelstal")
PERCENT_UNITS = _forms("% procent procenten procentenheter procentenhet")
YES_NO_UNITS = frozenset({"ja/nej", "ja eller nej", "ja / nej", "ja-nej"})

YES_WORDS = _forms("ja")
NO_WORDS = _forms("nej")

# "Nytt mål" / "nytt värde": the measure has no history yet, said explicitly.
NEW_BASELINE_WORDS = frozenset({"nytt mål", "nytt värde", "nytt mått", "nytt", "ny", "nytt nyckeltal", "saknas, nytt mål"})

# A goal that names a share or a count by its first word.
SHARE_OPENERS = _forms("andel andelen andelar andelarna")
COUNT_OPENERS = _forms("antal antalet")

# Report names people type for rt's calendar, and the report type they mean.
REPORT_WORDS = {
    "delår": "delårsrapport", "delar": "delårsrapport", "delårsrapport": "delårsrapport",
    "delårsbokslut": "delårsrapport",
    "bokslut": "årsbokslut", "årsbokslut": "årsbokslut", "årsredovisning": "årsbokslut",
    "tertial": "tertialrapport", "tertialrapport": "tertialrapport",
}
# Calendar contents that mean the report follows up activities.
ACTIVITY_CONTENTS = frozenset({"handlingsplan", "aktiviteter", "genomförandegrad"})

# Common Swedish first names, for telling a person from a function or unit
# ("Anna Svensson" is a person, "Hemtjänst Norr" is not).
FIRST_NAMES = frozenset("""
anna eva maria karin kristina lena sara kerstin emma ingrid marie malin jenny hanna linda annika susanne
elin monica birgitta johanna sofia karolina ulla elisabeth helena camilla julia ida inger cecilia anneli
louise åsa therese frida lisa margareta gunilla jessica matilda ebba agneta viktoria
lars mikael anders johan erik karl per peter jan thomas daniel fredrik hans bengt andreas stefan mats
magnus jonas mattias niklas bo alexander oskar marcus martin björn henrik sven leif göran patrik david
christer roger joakim kent emil simon robert ulf rickard tobias jörgen olof gustav viktor håkan kjell
""".split())

# Words too common to tell which mått a clause of a goal speaks about.
STOPWORDS = _forms(
    "och att det den de som är ska skall bli blir vara till för med av på i om en ett eller samt hos från",
    "sin sitt sina deras vår våra alla samtliga inom under över mellan genom jämfört än mer",
    "andel andelen antal antalet öka minska kommunen kommunens nämnden nämndens år året",
)

# Words that go on with the sentence after a number rather than name what it
# counts: "år 6 ska öka", "5 eller fler", "25 2024".
NOT_UNITS = (STOPWORDS | NEGATIONS | NONE_WORDS | ZERO_WORDS | YES_WORDS | NO_WORDS | IMPROVE_WORDS
             | CLAUSE_BREAKS | CHANGE_MARKERS | BASELINE_MARKERS | LEVEL_MARKERS | DEFINITION_MARKERS
             | PURPOSE_ENDS | _forms("eller jämfört varje per")
             | frozenset(word for forms in DIRECTION_WORDS.values() for word in forms)
             | frozenset(word for phrase in OP_WORDS for word in phrase)) - VALUE_UNITS
