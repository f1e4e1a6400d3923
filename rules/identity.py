"""ID — site identity markers (政府网站发展指引)."""
from __future__ import annotations

import re
from collections import Counter

from auditor.snapshot import SiteSnapshot

from .registry import Finding, Result, rule

BASIS_GUIDE = "《政府网站发展指引》（国办发〔2017〕47号）“网站标识”；国办秘函〔2019〕19号 考评指标"
SITE_ID_FORM = re.compile(r"^(?:\d{10}|bm\d{8})$", re.IGNORECASE)


@rule(code="ID002", title="网站标识码规范且一致", failure_title="网站标识码缺失、不规范或不一致",
      family="identity", kind="deduct", points=2, basis=BASIS_GUIDE,
      settings={"site_id_sample_pages": 200})
def site_id_code(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站底部是否标注网站标识码（10 位数字，或 bm 加 8 位数字），并与页面
    `<meta name="SiteIDCode">` 及“我为政府网站找错”脚本的 sitecode 一致。首页必须标注；
    其他页面的 SiteIDCode 与首页不一致的，每种不一致计一条问题。

    ## 为什么
    网站标识码是政府网站的“身份证”，由全国政府网站信息报送系统分配，用于普查、监测和纠错
    留言的对应。标识码缺失或前后不一致，监测系统无法把页面归属到本网站。

    ## 如何整改
    在所有页面底部标注“网站标识码：XXXXXXXXXX”，并在页面模板的 meta 标签和纠错脚本中使用同一标识码。

    ## 依据
    《政府网站发展指引》；《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    code = home.footer.site_id_code
    findings: list[Finding] = []
    if not code:
        findings.append(Finding(message="首页底部未标注网站标识码", url=home.url))
    elif not SITE_ID_FORM.match(code):
        findings.append(Finding(message=f"网站标识码“{code}”格式不规范（应为 10 位数字或 bm 加 8 位数字）",
                                url=home.url, excerpt=code))
    reference = code.lower() if code else None
    if reference:
        meta = (home.meta.get("SiteIDCode") or "").strip().lower()
        if meta and meta != reference:
            findings.append(Finding(
                message=f"首页 meta SiteIDCode 为“{meta}”，与底部标注的“{reference}”不一致",
                url=home.url, excerpt=f'<meta name="SiteIDCode" content="{meta}">',
                evidence={"footer": reference, "meta": meta}))
        jiucuo = (home.footer.jiucuo_sitecode or "").strip().lower()
        if jiucuo and jiucuo != reference:
            findings.append(Finding(
                message=f"纠错脚本 sitecode 为“{jiucuo}”，与底部标注的“{reference}”不一致",
                url=home.url, excerpt=f'sitecode="{jiucuo}"', evidence={"footer": reference, "jiucuo": jiucuo}))
        findings += _other_pages(snap, reference, home.url, settings["site_id_sample_pages"])
    return Result.from_findings(findings, site_id_code=code)


def _other_pages(snap: SiteSnapshot, reference: str, home_url: str, limit: int) -> list[Finding]:
    """Pages whose meta SiteIDCode differs from the homepage's: one finding per wrong value."""
    wrong: Counter = Counter()
    example: dict[str, str] = {}
    checked = 0
    for page in snap.pages():
        if page.url == home_url:
            continue
        checked += 1
        if checked > limit:
            break
        value = (page.meta.get("SiteIDCode") or "").strip().lower()
        if value and value != reference:
            wrong[value] += 1
            example.setdefault(value, page.url)
    return [Finding(message=f"{n} 个页面的 meta SiteIDCode 为“{value}”，与首页标注的“{reference}”不一致",
                    url=example[value], excerpt=value, evidence={"pages": n, "value": value})
            for value, n in wrong.items()]
