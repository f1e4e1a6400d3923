"""The agency's own 政府信息公开工作年度报告 found on its site, one per year: report pages and list
entries titled as reports; where a list holds several bodies' reports, the one naming the agency."""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.core.extract.annual_report import report_year
from auditor.core.extract.markers import MARKERS
from auditor.core.models import PageRecord
from auditor.core.snapshot import SiteSnapshot, normalise_name

_TITLE_WORDS = tuple(MARKERS["kind_annual_report_title"]) + ("信息公开年报", "政府信息公开工作年度报告")
_SHORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度报告|年报)")


@dataclass
class Report:
    year: int
    url: str
    title: str
    published: str | None
    page: PageRecord | None


def _is_report_title(title: str) -> bool:
    return any(w in title for w in _TITLE_WORDS) or bool(_SHORT_TITLE.search(title))


def agency_names(snap: SiteSnapshot, settings: dict) -> list[str]:
    """What the audited agency calls itself: the run's site name, SiteName, the footer's 主办单位."""
    home = snap.home
    names = [settings.get("site_name"), home.meta.get("SiteName") if home else None,
             home.footer.host_org if home else None]
    return [norm for norm in dict.fromkeys(normalise_name(n) for n in names if n) if len(norm) >= 3]


def _ownership(title: str, agencies: list[str]) -> int:
    """2: the title names the agency; 1: it names no body ("2025年政府信息公开工作年度报告") or the
    agency is unknown; 0: it names another body (a department's report on a government's list)."""
    year = report_year(title)
    prefix = normalise_name(title).split(str(year), 1)[0] if year else ""
    if len(prefix) < 2 or not agencies:
        return 1
    return 2 if any(prefix in a or a in prefix for a in agencies) else 0


def collect_reports(snap: SiteSnapshot, settings: dict) -> dict[int, Report]:
    """The agency's own report for each year: annual_report pages and list items titled as reports
    (attachments too). Where a list holds several bodies' reports, the one naming the agency wins;
    a year with only other bodies' reports has none."""
    cached = snap.cache.get("annual_reports")
    if isinstance(cached, dict):
        return cached
    agencies = agency_names(snap, settings)
    candidates: dict[int, list[Report]] = {}
    for page in snap.of_kind("annual_report"):
        year = report_year(page.headline or page.title)
        if year:
            candidates.setdefault(year, []).append(
                Report(year, page.url, page.headline or page.title or "", page.published, page))
    for page in snap.lists():
        for item in page.items:
            if not (item.title and _is_report_title(item.title)):
                continue
            year = report_year(item.title)
            if not year:
                continue
            same = next((r for r in candidates.get(year, []) if r.url == item.url), None)
            if same is not None:
                same.published = same.published or item.date
                continue
            target = snap.get(item.url)
            candidates.setdefault(year, []).append(Report(
                year, item.url or page.shown_on, item.title, item.date,
                target if target is not None and target.kind == "annual_report" else None))
    reports = {}
    for year, found in candidates.items():
        ranked = sorted(found, key=lambda r: (-_ownership(r.title, agencies), r.page is None))
        if _ownership(ranked[0].title, agencies) > 0:
            reports[year] = ranked[0]
    snap.cache["annual_reports"] = reports
    return reports
