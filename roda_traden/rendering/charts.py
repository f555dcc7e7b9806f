"""Small inline SVG charts, made here: no image files, no JavaScript. Every
chart has a title and a text description, and shows values as text, so
nothing depends on seeing the lines or the colours."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from markupsafe import Markup
from markupsafe import escape as _escape

from ..domain.grades import Grade
from ..language.numbers import format_number
from ..language.values import Target
from ..text.printable import printable
from .filters import target

_ids = itertools.count(1)


def escape(text: str) -> Markup:
    """Text for SVG: escaped, and with control characters as visible escapes."""
    return _escape(printable(str(text)))


def new_document() -> None:
    """Start element ids afresh, so the same document renders the same."""
    global _ids
    _ids = itertools.count(1)


# Dark enough for 4.5:1 contrast against white (WCAG AA).
INK, TARGET, OUTCOME, BENCH = "#1a1a1a", "#1f4e79", "#7a2e00", "#4d4d4d"
# A mått's delserier: one colour each, targets and utfall alike.
LINE_COLOURS = ("#1f4e79", "#7a2e00", "#2e6b30", "#6a1b9a", "#8a6100", "#4d4d4d")
GRADE_FILL = {Grade.MET: "#2e6b30", Grade.PARTLY: "#8a6100", Grade.NOT_MET: "#a4262c", Grade.UNKNOWN: "#6b6b6b"}


@dataclass(frozen=True)
class Line:
    """One series of a chart, by year: the mått itself (``name`` None) or
    one of its delserier. Values are kept as written, so the description
    says ">25", not 25."""

    name: str | None
    baseline: tuple[int, Target] | None
    targets: dict[int, Target]
    outcomes: dict[int, Target]
    # An ingångsvärde printed without its year is drawn before the first
    # target year but never described with a year it did not have.
    baseline_dated: bool = True

    def described(self, percent: bool) -> str:
        parts = []
        if self.baseline:
            year = f" ({self.baseline[0]})" if self.baseline_dated else " (år saknas)"
            parts.append(f"ingångsvärde {target(self.baseline[1], percent)}{year}")
        if self.targets:
            parts.append("målvärden " + _by_year(self.targets, percent))
        if self.outcomes:
            parts.append("utfall " + _by_year(self.outcomes, percent))
        return "; ".join(parts)

    def target_points(self) -> list[tuple[int, float]]:
        """The dashed line: from the ingångsvärde through the målvärden that are levels."""
        start = [(self.baseline[0], self.baseline[1])] if self.baseline else []
        return _plotted([*start, *sorted(self.targets.items())])

    def outcome_points(self) -> list[tuple[int, float]]:
        return _plotted(sorted(self.outcomes.items()))


@dataclass(frozen=True)
class Trend:
    """What a mått's chart shows: a line per delserie (or one for the mått)
    and, where the follow-up gives one, the jämförelsevärde."""

    name: str
    percent: bool
    lines: tuple[Line, ...]
    benchmark: tuple[int, Target] | None = None
    # A comparison's stored Kolada values by year, drawn as a line: (what it is, points).
    comparison: tuple[str, tuple[tuple[int, float], ...]] | None = None

    def described(self) -> str:
        if len(self.lines) == 1:
            parts = [self.lines[0].described(self.percent)]
        else:
            parts = [f"{line.name}: {line.described(self.percent) or 'inga värden'}" for line in self.lines]
        if self.benchmark:
            parts.append(f"jämförelsevärde {target(self.benchmark[1], self.percent)} ({self.benchmark[0]})")
        if self.comparison:
            values = ", ".join(f"{year}: {_number(value, self.percent)}" for year, value in self.comparison[1])
            parts.append(f"{self.comparison[0]} {values} (Källa: Kolada)")
        parts = [part for part in parts if part]
        return f"{self.name}: " + "; ".join(parts) + "." if parts else f"{self.name}: inga värden."


# Text at 11 px: printed at the chart's own width (1 px = 0.75 pt) that is
# 8.25 pt, above the 8 pt a printed label needs; print.css never shrinks a chart.
FONT = 11
# A label's width as the widest sans-serif digits and letters take it, so boxes
# estimated for overlap are never smaller than the drawn text.
_CHAR_WIDTH = 0.62 * FONT


@dataclass(frozen=True)
class Label:
    """A value printed beside its point; placed so that no two overlap."""

    x: float
    y: float
    text: str
    colour: str
    anchor: str = "middle"
    # The lower of two points in one year is labelled below it, so each label stands by its own point.
    below: bool = False

    def box(self, y: float, left: float, right: float) -> tuple[float, float, float, float]:
        width = len(self.text) * _CHAR_WIDTH
        start = {"middle": self.x - width / 2, "start": self.x, "end": self.x - width}[self.anchor]
        start = min(max(start, left), right - width)
        return start, y - FONT * 0.8, start + width, y + FONT * 0.25


def _placed(labels: list[Label], left: float, right: float, top: float, bottom: float):
    """Each label with the baseline it is drawn at: above its point if that is
    free, else below, else further away, never on another label."""
    taken: list[tuple[float, float, float, float]] = []
    step = FONT + 2
    for label in labels:
        tries = [label.y - 6, label.y + FONT + 4][::-1 if label.below else 1]
        tries += [y for n in range(1, 8) for y in (label.y - 6 - n * step, label.y + FONT + 4 + n * step)]
        chosen = None
        for y in tries:
            y = min(max(y, top + FONT * 0.8), bottom - FONT * 0.25)
            box = label.box(y, left, right)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
                chosen = (y, box)
                break
        y, box = chosen or (tries[0], label.box(tries[0], left, right))
        taken.append(box)
        yield label, y, box


def _ticks(low: float, high: float) -> list[float]:
    """Three to six round values between low and high, for the y-axis."""
    span = high - low
    magnitude = 10 ** math.floor(math.log10(span / 4))
    step = next(m * magnitude for m in (1, 2, 5, 10) if span / (m * magnitude) <= 5)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step + 1e-9) + 1)]


def trend_chart(trend: Trend) -> Markup:
    drawn = [(line, line.target_points(), line.outcome_points()) for line in trend.lines]
    points = [p for _line, targets, outcomes in drawn for p in (*targets, *outcomes)]
    if len(points) < 2:
        return Markup("")
    compared = list(trend.comparison[1]) if trend.comparison else []
    points += compared
    several = len(trend.lines) > 1
    legend = [f"■ - - mål (från ingångsvärdet)   ● — utfall"]
    if trend.benchmark:
        legend.append(f"– – jämförelsevärde {target(trend.benchmark[1], trend.percent)} ({trend.benchmark[0]})")
    if compared:
        legend.append(f"··· {trend.comparison[0]}, jämförelse (Källa: Kolada)")
    legend_rows = len(legend) + (len(trend.lines) if several else 0)
    width, left, right, top = 340, 54, 14, 16
    row = FONT + 4
    axis = 140
    height = axis + 20 + row * legend_rows
    years = sorted({y for y, _v in points})
    # A baseline without a year sits before the first year but is never given one on the axis.
    undated = {line.baseline[0] for line in trend.lines if line.baseline and not line.baseline_dated}
    dated = {y for line, _t, _o in drawn for y in (*line.targets, *line.outcomes)} | {y for y, _v in compared}
    dated |= {line.baseline[0] for line in trend.lines if line.baseline and line.baseline_dated}
    benchmark = trend.benchmark[1].number if trend.benchmark else None
    values = [v for _y, v in points] + ([benchmark] if benchmark is not None else [])
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
    low, high = low - pad, high + pad

    def x(year: int) -> float:
        span = years[-1] - years[0] or 1
        return left + 8 + (year - years[0]) / span * (width - left - right - 16)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (axis - top)

    def unit(value: float) -> str:
        return _number(value, trend.percent)

    uid = next(_ids)
    out = [f'<svg class="trend" role="img" aria-labelledby="t{uid} d{uid}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" font-family="sans-serif" font-size="{FONT}" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="t{uid}">Trend för {escape(trend.name)}</title><desc id="d{uid}">{escape(trend.described())}</desc>']
    for tick in _ticks(low, high):
        level = y(tick)
        out.append(f'<line x1="{left}" y1="{level:.1f}" x2="{width - right}" y2="{level:.1f}" stroke="#d9d9d9"/>'
                   f'<text x="{left - 4}" y="{level + 4:.1f}" text-anchor="end" fill="{INK}">'
                   f'{escape(unit(tick))}</text>')
    out.append(f'<line x1="{left}" y1="{top - 4}" x2="{left}" y2="{axis}" stroke="{INK}"/>'
               f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="{INK}"/>')
    for year in years:
        if year in dated or year not in undated:
            out.append(f'<text x="{x(year):.1f}" y="{axis + 15}" text-anchor="middle" fill="{INK}">{year}</text>')
    labels: list[Label] = []
    if benchmark is not None:  # named in the legend, where it crowds no point
        level = y(benchmark)
        out.append(f'<line x1="{left}" y1="{level:.1f}" x2="{width - right}" y2="{level:.1f}" stroke="{BENCH}" '
                   f'stroke-dasharray="6 4"/>')
    if compared:
        path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in compared)
        out.append(f'<polyline points="{path}" fill="none" stroke="{BENCH}" stroke-width="1.5" '
                   f'stroke-dasharray="1 3"/>')
        last_year, last = compared[-1]
        labels.append(Label(x(last_year), y(last) + 6, f"{trend.comparison[0]} {unit(last)}", BENCH, "end"))
    for index, (line, targets, outcomes) in enumerate(drawn):
        colours = (LINE_COLOURS[index % len(LINE_COLOURS)],) * 2 if several else (TARGET, OUTCOME)
        written = {**line.targets, **({line.baseline[0]: line.baseline[1]} if line.baseline else {})}
        for data, colour, dash, shown in ((targets, colours[0], "4 3", written), (outcomes, colours[1], "", line.outcomes)):
            if not data:
                continue
            path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in data)
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
            for yr, v in data:
                out.append(f'<rect x="{x(yr) - 3:.1f}" y="{y(v) - 3:.1f}" width="6" height="6" fill="{colour}"/>'
                           if dash else f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>')
                if not several:  # with delserier the labels would crowd; the description carries the values
                    labels.append(Label(x(yr), y(v), target(shown[yr], trend.percent), colour,
                                        below=any(other > v for year, other in points if year == yr)))
    for label, baseline, _box in _placed(labels, left, width - right, 0, axis - 2):
        out.append(f'<text x="{_box[0]:.1f}" y="{baseline:.1f}" fill="{label.colour}">{escape(label.text)}</text>')
    for index, text in enumerate(legend):
        out.append(f'<text x="{left}" y="{axis + 20 + row * (index + 1) - 4}" fill="{INK}">{escape(text)}</text>')
    for index, line in enumerate(trend.lines if several else ()):
        out.append(f'<text x="{left}" y="{axis + 20 + row * (len(legend) + index + 1) - 4}" '
                   f'fill="{LINE_COLOURS[index % len(LINE_COLOURS)]}">■ ● {escape(line.name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def grade_bar(name: str, counts: dict[Grade, int]) -> Markup:
    """One kommunmål's KF-mål as a bar of uppfyllt / delvis / ej / kan ej bedömas."""
    total = sum(counts.values())
    if not total:
        return Markup("")
    width, height = 180, 22
    uid = next(_ids)
    described = ", ".join(f"{n} {grade.value}" for grade, n in counts.items() if n)
    out = [f'<svg class="bar" role="img" aria-labelledby="t{uid} d{uid}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="t{uid}">KF-mål för {escape(name)}</title><desc id="d{uid}">{escape(described)}</desc>']
    start = 0.0
    for grade in Grade:
        n = counts.get(grade, 0)
        if not n:
            continue
        span = n / total * width
        out.append(f'<rect x="{start:.1f}" y="0" width="{span:.1f}" height="{height}" fill="{GRADE_FILL[grade]}"/>')
        if span >= 24:
            out.append(f'<text x="{start + span / 2:.1f}" y="{height / 2 + 4}" font-size="11" text-anchor="middle" '
                       f'fill="#ffffff">{grade.symbol} {n}</text>')
        start += span
    out.append("</svg>")
    return Markup("".join(out))


def _number(value: float, percent: bool) -> str:
    return format_number(value) + ("\u00a0%" if percent else "")


def _by_year(values: dict[int, Target], percent: bool) -> str:
    return ", ".join(f"{year}: {target(value, percent)}" for year, value in sorted(values.items()))


def _plotted(values: list[tuple[int, Target]]) -> list[tuple[int, float]]:
    """The points a line can be drawn through: levels and comparators, not words."""
    return [(year, v.number) for year, v in values if v.kind == "number" and v.number is not None]
