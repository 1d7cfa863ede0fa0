"""A plain time axis: where each incident's date or interval falls, in percent of the span.

Drawn as SVG rectangles by the templates (SVG attributes, not inline styles, so the page's
Content-Security-Policy needs no 'unsafe-inline').
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional, Sequence

MIN_WIDTH = 0.6  # percent, so a single day stays visible


@dataclass
class Mark:
    x: float
    width: float
    certain: bool


@dataclass
class Axis:
    start: date
    end: date
    ticks: list[tuple[float, str]]  # (percent, label)

    def place(self, start: Optional[date], end: Optional[date]) -> Optional[Mark]:
        if not (start or end):
            return None
        a, b = start or end, end or start
        total = (self.end - self.start).days + 1
        x = 100.0 * (a - self.start).days / total
        w = max(MIN_WIDTH, 100.0 * ((b - a).days + 1) / total)
        return Mark(round(min(x, 100 - MIN_WIDTH), 2), round(min(w, 100 - x), 2), a == b)


def axis_for(spans: Sequence[tuple[Optional[date], Optional[date]]]) -> Optional[Axis]:
    """An axis covering every dated span, with month or year ticks; None when nothing is dated."""
    days = [d for s, e in spans for d in (s, e) if d]
    if not days:
        return None
    lo, hi = min(days), max(days)
    lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    total = (hi - lo).days + 1
    ticks: list[tuple[float, str]] = []
    if total > 800:
        for year in range(lo.year + 1, hi.year + 1):
            ticks.append((100.0 * (date(year, 1, 1) - lo).days / total, str(year)))
    else:
        y, m = lo.year, lo.month
        while True:
            m, y = (1, y + 1) if m == 12 else (m + 1, y)
            d = date(y, m, 1)
            if d > hi:
                break
            ticks.append((100.0 * (d - lo).days / total, f"{d:%b %Y}" if m == 1 or not ticks else f"{d:%b}"))
        step = max(1, len(ticks) // 8)
        ticks = ticks[::step]
    return Axis(lo, hi, [(round(p, 2), label) for p, label in ticks])
