"""Small inline SVG charts, made here: no image files, no JavaScript. Every
chart has a title and a text description, and shows values as text, so
nothing depends on seeing the lines or the colours."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup
from markupsafe import escape as _escape

from ..domain.grades import Grade
from ..language.numbers import format_number
from ..text.printable import printable

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
GRADE_FILL = {Grade.MET: "#2e6b30", Grade.PARTLY: "#8a6100", Grade.NOT_MET: "#a4262c", Grade.UNKNOWN: "#6b6b6b"}


@dataclass(frozen=True)
class Trend:
    """What a mått's chart shows, by year."""

    name: str
    unit: str
    baseline: tuple[int, float] | None
    targets: dict[int, float]
    outcomes: dict[int, float]
    benchmark: tuple[int, float] | None = None
    # An ingångsvärde printed without its year is drawn before the first
    # target year but never described with a year it did not have.
    baseline_dated: bool = True

    def described(self) -> str:
        parts = []
        if self.baseline:
            year = f" ({self.baseline[0]})" if self.baseline_dated else " (år saknas)"
            parts.append(f"ingångsvärde {_n(self.baseline[1], self.unit)}{year}")
        if self.targets:
            parts.append("målvärden " + ", ".join(f"{y}: {_n(v, self.unit)}" for y, v in sorted(self.targets.items())))
        if self.outcomes:
            parts.append("utfall " + ", ".join(f"{y}: {_n(v, self.unit)}" for y, v in sorted(self.outcomes.items())))
        if self.benchmark:
            parts.append(f"jämförelsevärde {_n(self.benchmark[1], self.unit)} ({self.benchmark[0]})")
        return f"{self.name}: " + "; ".join(parts) + "." if parts else f"{self.name}: inga värden."


def trend_chart(trend: Trend) -> Markup:
    points = [*(trend.targets.items()), *(trend.outcomes.items())]
    if trend.baseline:
        points.append(trend.baseline)
    if len(points) < 2:
        return Markup("")
    width, height, left, right, top, bottom = 340, 150, 44, 12, 14, 30
    years = sorted({y for y, _v in points})
    values = [v for _y, v in points] + ([trend.benchmark[1]] if trend.benchmark else [])
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
    low, high = low - pad, high + pad

    def x(year: int) -> float:
        span = years[-1] - years[0] or 1
        return left + (year - years[0]) / span * (width - left - right)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (height - top - bottom)

    uid = next(_ids)
    out = [f'<svg class="trend" role="img" aria-labelledby="t{uid} d{uid}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="t{uid}">Trend för {escape(trend.name)}</title><desc id="d{uid}">{escape(trend.described())}</desc>',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="{INK}"/>']
    for year in years:
        out.append(f'<text x="{x(year):.1f}" y="{height - bottom + 14}" font-size="10" text-anchor="middle" '
                   f'fill="{INK}">{year}</text>')
    if trend.benchmark:
        level = y(trend.benchmark[1])
        out.append(f'<line x1="{left}" y1="{level:.1f}" x2="{width - right}" y2="{level:.1f}" stroke="{BENCH}" '
                   f'stroke-dasharray="2 3"/><text x="{left + 2}" y="{level - 3:.1f}" font-size="9" fill="{BENCH}">'
                   f'jämförelse {escape(_n(trend.benchmark[1], trend.unit))}</text>')
    series = [("mål", TARGET, "4 3", sorted(trend.targets.items())),
              ("utfall", OUTCOME, "", sorted(trend.outcomes.items()))]
    if trend.baseline:
        series[0] = ("mål", TARGET, "4 3", [trend.baseline, *series[0][3]])
    for label, colour, dash, data in series:
        if not data:
            continue
        path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in data)
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
        for yr, v in data:
            marker = (f'<rect x="{x(yr) - 3:.1f}" y="{y(v) - 3:.1f}" width="6" height="6" fill="{colour}"/>'
                      if label == "mål" else f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>')
            out.append(marker + f'<text x="{x(yr):.1f}" y="{y(v) - 6:.1f}" font-size="9" text-anchor="middle" '
                       f'fill="{colour}">{escape(_n(v, trend.unit))}</text>')
    out.append(f'<text x="{left}" y="{height - 2}" font-size="9" fill="{INK}">■ - - mål (från ingångsvärdet)   '
               f'● — utfall</text></svg>')
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


def _n(value: float, unit: str) -> str:
    return format_number(round(value, 1)) + ("\u00a0%" if unit == "percent" else "")
