"""One series: its målvärde for the year against the utfall (or prognos)."""

from __future__ import annotations

import re

from ..language.numbers import format_number
from ..language.values import Target
from ..language.words import Direction
from ..models.followup import Measured
from ..models.settings import AssessmentSettings
from .comparisons import StoredComparison
from .grades import Assessment, Grade
from .measures import Bounds

UP, DOWN, KEEP = Direction.UP, Direction.DOWN, Direction.KEEP
_OP_DIRECTION = {">=": UP, ">": UP, "<=": DOWN, "<": DOWN}
_DEFINITE = {"utfall": "utfallet", "prognos": "prognosen"}
# A number alone, with thousands written apart ("1 052") or not.
_PLAIN_NUMBER = re.compile(r"[-−–]?(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d+)(?:[.,]\d+)?")
_DECIMAL_POINT = re.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,])")
_PERCENT_SIGN = re.compile(r"(?<=\d)\s*%")


def shown(value: Target) -> str:
    """A value as every document and status line prints it: as written, with
    comparators, words and units kept (">25" stays ">25"), but in one number
    style – a bare number in Swedish form (7.4 → "7,4", 1052 → "1 052"), a
    decimal comma in a written level ("minst 8.5" → "minst 8,5") and a
    no-break space before "%" ("72%" → "72 %")."""
    raw = " ".join(value.raw.split())
    if value.number is not None and _PLAIN_NUMBER.fullmatch(raw):
        return format_number(value.number)
    if value.number is not None:
        raw = _DECIMAL_POINT.sub(r"\1,\2", raw)
    return _PERCENT_SIGN.sub("\u00a0%", raw)


def assess(target: Target | None, measured: Measured | None, *, year: int, baseline: float | None,
           direction: Direction | None, use_forecast: bool, settings: AssessmentSettings,
           bounds: Bounds | None = None, model: str | None = None, previous: Target | None = None,
           stored: StoredComparison | None = None) -> Assessment:
    """Bedömning of one series for ``year``. ``use_forecast``: before the
    year is over, a prognos speaks for the year-end better than the utfall so far.
    A value outside what the mått can take (181 % of a share) is never graded.
    ``model`` is the KF-mål's own bedömning model, else the kommun's;
    ``previous`` last year's utfall from its bokslut, where the utfall does
    not state its "föregående-år"; ``stored`` a relational target's
    comparison from kolada/, where the utfall gives no jämförelsevärde."""
    model = model or settings.model
    if model in ("trend", "jämförelse"):
        return _without_target(model, target, measured, previous, direction, use_forecast, settings, stored)
    if target is None:
        return Assessment(Grade.UNKNOWN, f"målvärde saknas för {year}")
    value, label = _value(measured, use_forecast)
    if value is None:
        return Assessment(Grade.UNKNOWN, "utfall saknas")
    definite = _DEFINITE[label]
    if value.kind not in ("number", "yes_no"):
        return Assessment(Grade.UNKNOWN, f"{definite} \"{value.raw}\" kan inte tolkas")
    if (target.kind == "yes_no") != (value.kind == "yes_no"):
        wrote, wanted = ("ja/nej", "ett tal") if value.kind == "yes_no" else ("ett tal", "ja/nej")
        return Assessment(Grade.UNKNOWN, f"{definite} är {wrote} men målvärdet {wanted}")
    if bounds is not None and bounds.firm and value.kind == "number" and not bounds.holds(value.number):
        return Assessment(Grade.UNKNOWN, f"{definite} {shown(value)} ligger utanför {format_number(bounds.lower)}–"
                          f"{format_number(bounds.upper)} ({bounds.what})")
    if target.kind == "yes_no":
        met = value.yes == target.yes
        return Assessment(Grade.MET if met else Grade.NOT_MET, f"{label} {shown(value)}, målvärde {shown(target)}")
    if target.kind == "number":
        return _against_level(value, target, target.number, baseline, direction, label, settings, model=model)
    if target.kind == "measurement":
        return Assessment(Grade.UNKNOWN, f"målvärdet för {year} är en nollmätning")
    if target.kind == "range":
        if target.number <= value.number <= target.upper:
            return Assessment(Grade.MET, f"{label} {shown(value)}, inom målvärdet {shown(target)}")
        # Outside the span: measured against its nearest end, from the side it is on.
        below = value.number < target.number
        end = Target(raw=target.raw, kind="number", op=">=" if below else "<=",
                     number=target.number if below else target.upper)
        return _against_level(value, end, end.number, baseline, UP if below else DOWN, label, settings, model=model)
    if target.kind == "change":
        previous = measured.previous if measured else None
        if previous is None or previous.number is None:
            return Assessment(Grade.UNKNOWN, "föregående års utfall saknas (\"föregående-år\")")
        return _against_previous(value, previous, target.direction or direction, label, settings)
    if target.kind == "benchmark":
        bench = measured.benchmark if measured else None
        if (bench is None or bench.value.number is None) and stored is not None:
            level = Target(raw=stored.printed, kind="number", op=target.op, number=stored.value)
            return _against_level(value, level, stored.value, None, KEEP if target.op == "=" else None, label,
                                  settings, against=f"{stored.describe()}: {stored.printed}", model=model)
        if bench is None or bench.value.number is None:
            return Assessment(Grade.UNKNOWN, f"jämförelsevärde saknas ({target.benchmark})")
        level = Target(raw=bench.value.raw, kind="number", op=target.op, number=bench.value.number)
        # Plain "i nivå med genomsnittet" is met close to it, from either side.
        return _against_level(value, level, bench.value.number, None, KEEP if target.op == "=" else None, label, settings,
                              against=f"jämförelsevärdet {shown(bench.value)}", model=model)
    return Assessment(Grade.UNKNOWN, f"målvärdet \"{target.raw}\" kan inte tolkas")


def _without_target(model: str, target: Target | None, measured: Measured | None, previous: Target | None,
                    direction: Direction | None, use_forecast: bool, settings: AssessmentSettings,
                    stored: StoredComparison | None) -> Assessment:
    """`trend` and `jämförelse`: the utfall against last year's or against a
    comparison value; a målvärde, where there is one, only says which way is better."""
    value, label = _value(measured, use_forecast)
    if value is None:
        return Assessment(Grade.UNKNOWN, "utfall saknas")
    if value.kind != "number":
        return Assessment(Grade.UNKNOWN, f"{_DEFINITE[label]} \"{value.raw}\" är inget tal att jämföra")
    wanted = (_OP_DIRECTION.get(target.op) or target.direction if target is not None else None) or direction
    if model == "trend":
        last = measured.previous if measured.previous is not None else previous
        if last is None or last.number is None:
            return Assessment(Grade.UNKNOWN, "föregående års utfall saknas (\"föregående-år\" eller förra årets bokslut)")
        return _against_previous(value, last, wanted, label, settings)
    # The utfall's own jämförelsevärde, else the stored Kolada value of the mått's `jämförelse`.
    bench = measured.benchmark
    op = ">=" if (wanted or UP).sign >= 0 else "<="
    if bench is not None and bench.value.number is not None:
        level, against = Target(raw=bench.value.raw, kind="number", op=op, number=bench.value.number), \
            f"jämförelsevärdet {shown(bench.value)}"
    elif stored is not None:
        level, against = Target(raw=stored.printed, kind="number", op=op, number=stored.value), \
            f"{stored.describe()}: {stored.printed}"
    else:
        return Assessment(Grade.UNKNOWN, "jämförelsevärde saknas (\"jämförelsevärde\" i utfallet, eller "
                          "\"jämförelse\" på måttet med värden hämtade med rt kolada hämta)")
    return _against_level(value, level, level.number, None, wanted, label, settings, against=against)


def _value(measured: Measured | None, use_forecast: bool) -> tuple[Target | None, str]:
    if measured is None:
        return None, "utfall"
    if use_forecast and measured.forecast is not None:
        return measured.forecast, "prognos"
    if measured.value is not None:
        return measured.value, "utfall"
    return measured.forecast, "prognos"


def _against_level(measured: Target, target: Target, level: float, baseline: float | None,
                   direction: Direction | None,
                   label: str, settings: AssessmentSettings, against: str | None = None,
                   model: str = "avstånd") -> Assessment:
    value = measured.number
    wanted = _OP_DIRECTION.get(target.op) or direction or UP
    said = f"{label} {shown(measured)} mot {against or f'målvärde {shown(target)}'}"
    if wanted.sign == 0:
        close = abs(value - level) <= abs(level) * settings.tolerance / 100
        return Assessment(Grade.MET if close else Grade.NOT_MET, said)
    better = value >= level if wanted.sign > 0 else value <= level
    if target.op in (">", "<"):
        better = better and value != level
    if better:
        return Assessment(Grade.MET, said)
    if model == "andel-av-målvärde":
        return _share_of_target(value, level, wanted, target.op in (">", "<"), said, settings)
    # "Delvis" by the way travelled only when the baseline was worse than the
    # target; a baseline already past it gives no way to measure.
    worse_start = baseline is not None and (baseline < level if wanted.sign > 0 else baseline > level)
    if worse_start:
        share = (value - baseline) / (level - baseline)
        # Rounded so that exactly half-way in decimals (0,3 → 0,2 of 0,1) is half-way.
        grade = Grade.PARTLY if round(share * 100, 9) >= settings.partly_from else Grade.NOT_MET
        return Assessment(grade, f"{said}; {format_number(round(max(share, 0) * 100))}\u00a0% av vägen från "
                          f"ingångsvärdet {_level(baseline, measured, target)}")
    if baseline is not None and (value < baseline if wanted.sign > 0 else value > baseline):
        return Assessment(Grade.NOT_MET, f"{said}; sämre än ingångsvärdet {_level(baseline, measured, target)}")
    gap = abs(value - level) / abs(level) * 100 if level else float("inf")
    return Assessment(Grade.PARTLY if gap <= settings.tolerance else Grade.NOT_MET, said)


def _share_of_target(value: float, level: float, wanted: Direction, strict: bool, said: str,
                     settings: AssessmentSettings) -> Assessment:
    """`andel-av-målvärde`: the utfall as a share of the målvärde, the
    målvärde as a share of the utfall for a decreasing target; not rounded,
    so 90,5 % is below 91 %."""
    if value < 0 or level < 0 or wanted.sign > 0 and level == 0:
        return Assessment(Grade.UNKNOWN, f"{said}; andelen av målvärdet går inte att räkna med negativa värden")
    share = value / level if wanted.sign > 0 else level / value
    percent = round(share * 100, 9)
    thresholds = settings.share
    # At exactly the målvärde a strict ">25" is not met, whatever the share says.
    if percent >= thresholds.met and not (strict and value == level):
        grade = Grade.MET
    else:
        grade = Grade.PARTLY if percent >= thresholds.partly else Grade.NOT_MET
    return Assessment(grade, f"{said}; {format_number(round(share * 100, 1))}\u00a0% av målvärdet")


def _level(number: float, *beside: Target) -> str:
    """A bare number in the unit of the values it stands beside: "71 %" next to "73 %"."""
    return format_number(number) + ("\u00a0%" if any(value.percent for value in beside) else "")


def _against_previous(measured: Target, last: Target, wanted: Direction | None, label: str,
                      settings: AssessmentSettings) -> Assessment:
    value, previous = measured.number, last.number
    said = f"{label} {shown(measured)} mot föregående år {shown(last)}"
    wanted = wanted or UP
    if value == previous:
        return Assessment(Grade.PARTLY if wanted.strict else Grade.MET, f"{said}; oförändrat")
    better = value > previous if wanted.sign > 0 else value < previous
    if wanted.sign == 0:
        better = abs(value - previous) <= abs(previous) * settings.tolerance / 100
    return Assessment(Grade.MET if better else Grade.NOT_MET, said)
