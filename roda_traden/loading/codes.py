"""Codes for problems found while reading files. The checks run here in
the loader, before any model exists; the rule registry lists these codes
with the rules, so they are documented, tuned and silenced like any other."""

from __future__ import annotations

from ..problems import Code, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

SYNTAX = Code("RT001", "läsning.syntax", "Filen kan inte läsas som YAML", ERROR, """
Filen går inte att tolka som YAML, oftast på grund av indrag, ett kolon i en
text utan citattecken eller ett citattecken som inte avslutas. Meddelandet
anger rad och kolumn där tolkningen stannade. Filen kontrolleras inte vidare
och `rt validate` avslutas med kod 2.

```yaml
nämndmål:
  - id: nojdhet
    text: Mål: öka nöjdheten     # fel: kolon i texten
```
Rätt: `text: "Mål: öka nöjdheten"`.
""", required=True)

TAB = Code("RT002", "läsning.tabb", "Tabbtecken i filen", ERROR, """
YAML tillåter inte tabb som indrag, och en tabb i en text syns inte i en
granskning. Ersätt tabbar med mellanslag (två per nivå).
""")

BOM = Code("RT003", "läsning.bom", "Filen börjar med BOM", WARNING, """
Filen börjar med ett osynligt BOM-tecken (vanligt när Anteckningar i Windows
sparar "UTF-8"). Det stör diffar och vissa verktyg. Spara som UTF-8 utan BOM.
""")

LINE_ENDINGS = Code("RT004", "läsning.radslut", "Windows-radslut (CRLF)", WARNING, """
Blandade radslut ger brusiga diffar i pull requests. Spara med LF, eller lägg
`*.yaml text eol=lf` i `.gitattributes` så sköter git det.
""")

NOT_NFC = Code("RT005", "läsning.nfc", "Bokstav skriven med separat accent (inte NFC)", ERROR, """
"å" kan skrivas som ett tecken eller som "a" plus en ring. De ser likadana ut
men är olika för datorn, så id:n och sökningar matchar inte. rt läser filen
som om den vore rättad, men filen bör skrivas om (kopiera inte text från PDF).
""")

DUPLICATE_KEY = Code("RT006", "läsning.dubblettnyckel", "Samma nyckel två gånger i en mappning", ERROR, """
En nyckel som förekommer två gånger i samma mappning är ett fel i YAML; bara
den första används. Slå ihop eller ta bort dubbletten.

```yaml
- id: nojdhet
  målvärden: {2023: 72 %}
  målvärden: {2024: 80 %}    # fel: andra "målvärden"
```
""")

STRUCTURE = Code("RT007", "läsning.struktur", "Fel i filens struktur", ERROR, """
En nyckel är okänd (med förslag på vad som troligen menades), ett värde har
fel typ eller en obligatorisk nyckel saknas. Nycklarna och deras typer
beskrivs i docs/format.md och i JSON-schemat från `rt schema`.

```yaml
nämndmål:
  - id: nojdhet
    txt: Andelen nöjda ska öka   # fel: menade du "text"?
```
""", required=True)

TOO_LARGE = Code("RT008", "läsning.storlek", "Filen är för stor eller expanderar för mycket", ERROR, """
rt vägrar läsa filer över 10 MB och filer där alias (`*namn`) expanderar till
orimligt många värden ("alias-bomber"). En målfil är normalt under 1 MB.
""", required=True)

UNKNOWN_FILE = Code("RT009", "läsning.okänd-fil", "Okänd fil bland målfilerna", ERROR, """
En YAML-fil har ett namn som inte motsvarar någon filtyp och kontrolleras
därför inte, fast den ser ut att vara en målfil: namnet liknar en filtyps
(`verksamhetplan-2027.yaml`, `Verksamhetsplan-2027.yaml`,
`verksamhetsplan_2027.yml`), eller filen ligger under `namnder/` eller i
samma mapp som planer. Fel, eftersom en plan som hoppas över annars ger en
grön kontroll i CI. Tipset föreslår det närmaste giltiga namnet.

Fel: `namnder/von/verksamhetplan-2027.yaml` (menade du
`verksamhetsplan-2027.yaml`?)

Rätt: `namnder/von/verksamhetsplan-2027.yaml`. En fil som inte är en målfil
(anteckningar, underlag) hör inte hemma bland planerna: flytta den.
Filtyperna och deras namn beskrivs i docs/format.md.
""")

OTHER_YAML = Code("RT016", "läsning.annan-yaml", "YAML-fil i målträdet som inte är en målfil", WARNING, """
En YAML-fil utanför `namnder/` och planernas mappar, vars namn inte liknar
någon filtyp (t.ex. `mkdocs.yml` eller en egen `kolada-koppling.yaml` i
trädets rot), kontrolleras inte. Varning, så att inget hoppas över i
tysthet, men inget fel: filen är troligen något annat än en målfil.

Flytta filen ut ur målträdet, eller stäng av regeln om trädet ska ha sådana
filer:

```yaml
inställningar:
  regler:
    RT016: av
```

Filer och mappar vars namn börjar med punkt (`.github/`,
`.pre-commit-config.yaml`) hör till verktygen och läses aldrig.
""")

IGNORE_COMMENT = Code("RT010", "läsning.ignore", "Ogiltig eller oanvänd ignore-kommentar", WARNING, """
En kommentar `# rt: ignore[KOD]` tystar ett fynd med den koden på samma rad
(eller, om kommentaren står ensam på en rad, på nästa rad);
`# rt: ignore-file[KOD]` tystar koden i hela filen. En kommentar som anger
en okänd kod, eller som inte tystar något, rapporteras så att gamla
undantag inte blir liggande.

```yaml
    ingångsvärde: 69 %   # rt: ignore[RT205] året framgår inte av källan
```
""")

ENCODING = Code("RT011", "läsning.kodning", "Filen är inte UTF-8", ERROR, """
Filen är sparad i en annan teckenkodning än UTF-8 (t.ex. Windows-1252), så å,
ä och ö kan inte läsas säkert. Spara filen som UTF-8.
""", required=True)

FILE_NAME_YEAR = Code("RT012", "läsning.filnamn", "Filnamnets år stämmer inte med innehållet", WARNING, """
`verksamhetsplan-2023.yaml` ska innehålla `år: 2023`. Ett filnamn som säger
något annat än innehållet leder granskare fel.
""")

LINK_OUTSIDE = Code("RT015", "läsning.länk-utanför", "Länk till en fil eller mapp utanför målträdet", ERROR, """
En symbolisk länk i målträdet pekar ut ur trädet. `rt` följer den inte: det
som granskas i en pull request ska vara det som kontrolleras och visas, och
en länk kan annars läsa in vilken fil som helst på datorn (i CI: hemligheter
och andra repon). Länkar inom trädet följs för filer.

Fel: `namnder/von/verksamhetsplan-2024.yaml -> /home/anna/utkast.yaml`

Gör så här i stället: kopiera in filen i trädet, eller lägg hela trädet där
filen finns.
""")

NOT_CHECKED = Code("RT014", "läsning.ej-kontrollerad", "Filen kontrollerades inte eftersom kommun.yaml har fel", ERROR, """
Reglerna jämför verksamhetsplanerna med kommun.yaml (KF-mål, organisationer,
period). Kan kommun.yaml inte läsas eller har den strukturfel, kontrolleras
planerna bara för läsbarhet och struktur. Fynden visas på varje plan så att
en kontroll av en enskild fil inte ser ren ut. Rätta kommun.yaml först.
""", required=True)

SETTINGS = Code("RT013", "läsning.inställningar", "Ogiltig regelinställning i kommun.yaml", ERROR, """
Under `inställningar.regler` får bara kända regelkoder stå, med `av`, `på`
eller en mappning med `nivå` (fel/varning) och regelns egna inställningar.
Ett stavfel här får aldrig tyst stänga av en kontroll.

```yaml
inställningar:
  regler:
    RT205: av
    RT401: {max: 8}
    RT304: {nivå: fel}
```
""")

READING_CODES = (SYNTAX, TAB, BOM, LINE_ENDINGS, NOT_NFC, DUPLICATE_KEY, STRUCTURE, TOO_LARGE, UNKNOWN_FILE,
                 IGNORE_COMMENT, ENCODING, FILE_NAME_YEAR, NOT_CHECKED, SETTINGS, LINK_OUTSIDE, OTHER_YAML)
