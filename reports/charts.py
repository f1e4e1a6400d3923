"""Scores over time as inline SVG, for the report's history section and the dashboard: numbers
only, every label escaped, no script."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from markupsafe import Markup, escape

LINE = "#1f5fa8"
ALARM = "#c0392b"


@dataclass(frozen=True)
class ChartPoint:
    label: str                       # the run's as-of date
    score: float | None              # None: not rated (the line breaks there)
    note: str = ""                   # the tooltip's rest: grade, vetoes
    alarm: bool = False              # drawn red (a veto)


@functools.lru_cache(maxsize=256)
def _xs(n: int, left: float, right: float) -> tuple[float, ...]:
    if n == 1:
        return (round((left + right) / 2, 1),)
    return tuple(round(left + (right - left) * i / (n - 1), 1) for i in range(n))


def _coords(scores: list[float | None], left: float, right: float, top: float, bottom: float) -> list[tuple | None]:
    """Each run's point (x, y) in the box, oldest first, scores 0–100 bottom to top; None: no score."""
    scale = (bottom - top) / 100
    return [None if s is None else (x, int((bottom - scale * min(max(s, 0), 100)) * 10 + 0.5) / 10)
            for x, s in zip(_xs(len(scores), left, right), scores)]


def _lines(points: list[tuple | None], width: float) -> str:
    """Polylines through the points, broken where a run has no score."""
    runs, current = [], []
    for p in points + [None]:
        if p is None:
            if current:
                runs.append(" ".join(f"{x},{y}" for x, y in current))
            current = []
        else:
            current.append(p)
    return "".join(f'<polyline points="{r}" fill="none" stroke="{LINE}" stroke-width="{width}"/>' for r in runs)


def sparkline(scores: list[float | None], width: int = 120, height: int = 28) -> Markup:
    """The score over the runs (oldest first) on a 0–100 scale, the 60 line dashed."""
    points = _coords(scores, 3, width - 3, 3, height - 3)
    rated = [p for p in points if p is not None]
    if not rated:
        return Markup('<span class="muted">—</span>')
    label = escape(f"得分趋势：{len(scores)} 次检查，最近 {[s for s in scores if s is not None][-1]:g} 分")
    y60 = 3 + (height - 6) * 0.4
    return Markup(f'<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                  f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}"><title>{label}</title>'
                  f'<line x1="0" x2="{width}" y1="{y60:.1f}" y2="{y60:.1f}" stroke="#bbb" stroke-dasharray="2 2"/>'
                  f'{_lines(points, 1.5)}'
                  f'<circle cx="{rated[-1][0]}" cy="{rated[-1][1]}" r="2.5" fill="{LINE}"/></svg>')


def score_chart(points: list[ChartPoint], width: int = 760, height: int = 260) -> Markup:
    """Scores (oldest first) with axes, the 60 line, a tooltip per run and a few dates along the bottom."""
    if all(p.score is None for p in points):
        return Markup('<p class="muted">还没有评分。</p>')
    left, right, top, bottom = 40, width - 16, 12, height - 34
    coords = _coords([p.score for p in points], left, right, top, bottom)
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="历次检查得分">']
    for tick in range(0, 101, 20):
        y = bottom - (bottom - top) * tick / 100
        line = 'stroke="#999" stroke-dasharray="4 3"' if tick == 60 else 'stroke="#e5e5e5"'
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" {line}/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    parts.append(_lines(coords, 2))
    for point, c in zip(points, coords):
        if c is not None:
            note = f"，{escape(point.note)}" if point.note else ""
            parts.append(f'<circle cx="{c[0]}" cy="{c[1]}" r="3.5" fill="{ALARM if point.alarm else LINE}">'
                         f'<title>{escape(point.label)}：{point.score:g} 分{note}</title></circle>')
    n = len(points)
    xs = _xs(n, left, right)
    step = -(-n // 7)                                                   # at most about 8 labels
    for i in [*range(0, n - step // 2 - 1, step), n - 1] if n > 1 else [0]:     # a few dates along the bottom
        parts.append(f'<text x="{xs[i]}" y="{height - 12}" text-anchor="middle" font-size="11">'
                     f'{escape(points[i].label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
