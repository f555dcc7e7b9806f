"""Small inline SVG charts, made here: no image files, no JavaScript. Every
chart has a title and a text description, and shows values as text, so
nothing depends on seeing the lines or the colours."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup
from markupsafe import escape as _escape

from ..domain.grades import Grade
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

    def described(self) -> str:
        if len(self.lines) == 1:
            parts = [self.lines[0].described(self.percent)]
        else:
            parts = [f"{line.name}: {line.described(self.percent) or 'inga värden'}" for line in self.lines]
        if self.benchmark:
            parts.append(f"jämförelsevärde {target(self.benchmark[1], self.percent)} ({self.benchmark[0]})")
        parts = [part for part in parts if part]
        return f"{self.name}: " + "; ".join(parts) + "." if parts else f"{self.name}: inga värden."


def trend_chart(trend: Trend) -> Markup:
    drawn = [(line, line.target_points(), line.outcome_points()) for line in trend.lines]
    points = [p for _line, targets, outcomes in drawn for p in (*targets, *outcomes)]
    if len(points) < 2:
        return Markup("")
    several = len(trend.lines) > 1
    width, left, right, top, bottom = 340, 44, 12, 14, 30
    legend_rows = len(trend.lines) if several else 0
    height = 150 + 12 * legend_rows
    axis = height - bottom - 12 * legend_rows
    years = sorted({y for y, _v in points})
    benchmark = trend.benchmark[1].number if trend.benchmark else None
    values = [v for _y, v in points] + ([benchmark] if benchmark is not None else [])
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
    low, high = low - pad, high + pad

    def x(year: int) -> float:
        span = years[-1] - years[0] or 1
        return left + (year - years[0]) / span * (width - left - right)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (axis - top)

    uid = next(_ids)
    out = [f'<svg class="trend" role="img" aria-labelledby="t{uid} d{uid}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="t{uid}">Trend för {escape(trend.name)}</title><desc id="d{uid}">{escape(trend.described())}</desc>',
           f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="{INK}"/>']
    for year in years:
        out.append(f'<text x="{x(year):.1f}" y="{axis + 14}" font-size="10" text-anchor="middle" '
                   f'fill="{INK}">{year}</text>')
    if benchmark is not None:
        level = y(benchmark)
        out.append(f'<line x1="{left}" y1="{level:.1f}" x2="{width - right}" y2="{level:.1f}" stroke="{BENCH}" '
                   f'stroke-dasharray="2 3"/><text x="{left + 2}" y="{level - 3:.1f}" font-size="9" fill="{BENCH}">'
                   f'jämförelse {escape(target(trend.benchmark[1], trend.percent))}</text>')
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
                if not several:  # with delserier the labels would overlap; the description carries the values
                    out.append(f'<text x="{x(yr):.1f}" y="{y(v) - 6:.1f}" font-size="9" text-anchor="middle" '
                               f'fill="{colour}">{escape(target(shown[yr], trend.percent))}</text>')
    out.append(f'<text x="{left}" y="{axis + 28}" font-size="9" fill="{INK}">■ - - mål (från ingångsvärdet)   '
               f'● — utfall</text>')
    for index, line in enumerate(trend.lines if several else ()):
        out.append(f'<text x="{left}" y="{axis + 40 + 12 * index}" font-size="9" '
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


def _by_year(values: dict[int, Target], percent: bool) -> str:
    return ", ".join(f"{year}: {target(value, percent)}" for year, value in sorted(values.items()))


def _plotted(values: list[tuple[int, Target]]) -> list[tuple[int, float]]:
    """The points a line can be drawn through: levels and comparators, not words."""
    return [(year, v.number) for year, v in values if v.kind == "number" and v.number is not None]
