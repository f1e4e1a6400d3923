"""report.html: one self-contained Chinese page (inline CSS and SVG, no external requests).

Everything from crawled pages is escaped by jinja2's autoescape; URLs become links only when they
are http(s).
"""
from __future__ import annotations

from collections import OrderedDict

import jinja2
from markupsafe import Markup

from auditor.core.report import Report
from auditor.core.rundir import REPORT_HTML

from reports.charts import ChartPoint, score_chart
from reports.registry import renderer
from reports.table import status_word
from reports.wording import coverage, evidence_label, evidence_value, plain, site_label, truncation

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("reports", "templates"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _safe_href(url: str | None) -> str | None:
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


_ENV.filters["safe_href"] = _safe_href
_ENV.filters["evidence_label"] = evidence_label
_ENV.filters["evidence_value"] = evidence_value
_ENV.filters["plain"] = plain
_ENV.filters["truncation"] = truncation
_ENV.filters["coverage"] = coverage
_ENV.globals["site_label"] = site_label


def environment() -> jinja2.Environment:
    return _ENV


def family_losses(report: Report) -> list[tuple[str, float]]:
    """What each indicator lost, capped at its value, as the score counts it."""
    return [(i.name, round(i.lost, 2)) for i in report.score.indicators if i.lost > 0]


def loss_chart(losses: list[tuple[str, float]]) -> Markup:
    """A horizontal bar chart as inline SVG; labels escaped."""
    if not losses:
        return Markup('<p class="muted">没有扣分。</p>')
    bar_h, gap, label_w, width = 22, 8, 150, 560
    top = max(v for _, v in losses) or 1
    height = len(losses) * (bar_h + gap) + gap
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="各类扣分" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for i, (name, value) in enumerate(losses):
        y = gap + i * (bar_h + gap)
        w = max(2, (width - label_w - 60) * value / top)
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13">'
                     f'{Markup.escape(name)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#c0392b"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" font-size="13">-{value:g}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def score_trend(report: Report) -> Markup:
    """The site's score over its earlier runs and this one, oldest first; nothing when fewer than two
    were rated."""
    history = report.history
    points = [ChartPoint(r.as_of, r.score, r.grade, bool(r.vetoes)) for r in reversed(history.runs)] if history else []
    points.append(ChartPoint(report.as_of, report.score.total, report.score.grade, bool(report.score.veto)))
    if sum(p.score is not None for p in points) < 2:
        return Markup("")
    return score_chart(points, width=560, height=180)


@renderer("html", filename=REPORT_HTML)
def render(report: Report) -> str:
    families = OrderedDict()
    for r in report.results:
        families.setdefault(r.family_title, []).append(r)
    losses = family_losses(report)
    return _ENV.get_template("report.html.j2").render(
        report=report, families=families, chart=loss_chart(losses), status_word=status_word, trend=score_trend(report),
        deductions=[r for r in report.results if r.points_lost or r.veto_hit])

