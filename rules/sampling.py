"""Judging a marker on the homepage and on one page of each template, and page shares.

Sites render every page from a handful of templates; a footer marker missing from one template is
missing from every page it renders. A template is guessed from the page kind and its first path
segment, so /xxgk/… articles and /xwzx/… articles count as two.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Iterable
from urllib.parse import urlsplit

from auditor.core.extract.markers import MARKERS
from auditor.core.models import PageRecord
from auditor.core.snapshot import SiteSnapshot

from rules.registry import Finding


_KIND_WORDS = {"article": "正文", "column": "栏目列表", "home": "首页", "other": "其他"}
_CONTENT = {"article", "policy", "interpretation", "penalty", "guide", "annual_report"}


def template_key(page: PageRecord) -> tuple[str, str]:
    """(page type, first path segment): content pages share one template per section of the site."""
    first = urlsplit(page.final_url or page.url).path.strip("/").split("/")[0]
    kind = "article" if page.kind in _CONTENT else page.kind
    return kind, first if "." not in first else ""


def rendered_by_the_site(page: PageRecord) -> bool:
    """Whether the site's templates drew the page: not a file uploaded as HTML — one under the CMS's
    upload folder, or a page with no link and no footer marker at all (a Word document saved as
    .html). Such a file says nothing about the site's templates."""
    path = urlsplit(page.final_url or page.url).path.lower()
    if any(f"/{word}" in path for word in MARKERS["upload_folders"]):
        return False
    footer = page.footer
    bare = not page.links and not any((footer.host_org, footer.contact, footer.icp, footer.psb,
                                       footer.site_id_code, footer.conac, footer.jiucuo))
    return not bare


def template_samples(snap: SiteSnapshot, limit: int = 40) -> list[PageRecord]:
    """One page per template (the homepage first); worked out once per snapshot."""
    cached = snap.cache.get(("template_samples", limit))
    if cached is not None:
        return cached
    samples: "OrderedDict[tuple[str, str], PageRecord]" = OrderedDict()
    home = snap.home
    for page in ([home] if home else []) + list(snap.pages()):
        if page is None or page.kind == "attachment" or not rendered_by_the_site(page):
            continue
        samples.setdefault(template_key(page), page)
        if len(samples) >= limit:
            break
    snap.cache[("template_samples", limit)] = result = list(samples.values())
    return result


def template_findings(snap: SiteSnapshot, ok: Callable[[PageRecord], bool], what: str) -> list[Finding]:
    """One finding per sampled template page (the homepage included) where ``ok`` fails."""
    findings = []
    for page in template_samples(snap):
        if not ok(page):
            where = "首页" if page is snap.home else f"{_KIND_WORDS.get(template_key(page)[0], '其他')}页模板"
            findings.append(Finding(message=f"{where}{what}", url=page.url,
                                    evidence={"template": "/".join(template_key(page))}))
    return findings


def share_findings(pages: Iterable[PageRecord], ok: Callable[[PageRecord], bool], min_share: float,
                   what: str, worst: int = 10) -> tuple[list[Finding], dict]:
    """The share of pages where ``ok`` holds; below ``min_share``, one finding per failing page
    (the first ``worst`` of them) and the count of the rest."""
    pages = list(pages)
    failing = [p for p in pages if not ok(p)]
    share = 1 - len(failing) / len(pages) if pages else 1.0
    metrics = {"pages": len(pages), "failing": len(failing), "share": round(share, 4), "min_share": min_share}
    if share >= min_share:
        return [], metrics
    if len(failing) > worst:
        metrics["not_listed"] = len(failing) - worst
    return [Finding(message=what, url=p.url, excerpt=p.headline or p.title) for p in failing[:worst]], metrics
