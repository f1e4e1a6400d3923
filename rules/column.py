"""COL — the 政府信息公开 column: its unified name on the homepage and its four sections."""
from __future__ import annotations

from auditor.models import Link, PageRecord
from auditor.snapshot import SiteSnapshot, normalise_name

from .registry import Finding, Result, rule

BASIS_61 = "国办公开办函〔2019〕61号《关于政府信息公开平台建设的指导意见》；《政府信息公开条例》第二十三条、第二十四条"


def find_column_link(snap: SiteSnapshot, settings: dict) -> tuple[Link | None, str]:
    """The homepage link to the column: ("exact" | "variant" | "self" | "none").

    ``self``: the link's text is something else, but the page it leads to calls itself the column
    (ColumnName, breadcrumb or title), so the column exists under another name on the homepage.
    """
    home = snap.home
    if home is None:
        return None, "none"
    name = normalise_name(settings["column_name"])
    variants = [normalise_name(v) for v in settings["column_name_variants"]]
    for link in home.links:
        if normalise_name(link.text) == name:
            return link, "exact"
    for link in home.links:
        text = normalise_name(link.text)
        if text and any(text == v for v in variants):
            return link, "variant"
    for link in home.links:
        target = snap.link_target(link.url)
        if target is not None and target is not home and _calls_itself(target, name):
            return link, "self"
    return None, "none"


def _calls_itself(page: PageRecord, name: str) -> bool:
    own = [page.meta.get("ColumnName"), page.column, page.headline,
           page.breadcrumb[-1] if page.breadcrumb else None]
    return any(normalise_name(v) == name for v in own if v)


def column_pages(snap: SiteSnapshot, settings: dict) -> list[PageRecord]:
    """The column's home page (target of the homepage link), else pages that call themselves it."""
    link, _ = find_column_link(snap, settings)
    pages = []
    if link is not None:
        target = snap.link_target(link.url)
        if target is not None and target.ok:
            pages.append(target)
    name = normalise_name(settings["column_name"])
    pages += [p for p in snap.pages() if p not in pages and _calls_itself(p, name)]
    return pages


@rule(code="COL001", title="首页设置“政府信息公开”专栏", failure_title="首页未设置统一名称的“政府信息公开”专栏",
      family="column", kind="deduct", points=10, basis=BASIS_61,
      settings={"column_name": "政府信息公开",
                "column_name_variants": ["政务公开", "信息公开", "政府信息公开目录", "政务信息公开",
                                         "信息公开目录", "政府信息公开平台", "政务公开专栏"]})
def column_on_homepage(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    门户网站首页是否设置名称为“政府信息公开”的专栏入口。以“政务公开”“信息公开”等其他名称设置的，
    列为警告并给出实际名称；首页找不到任何此类入口的，判为不合格。

    ## 为什么
    国办公开办函〔2019〕61号要求各级行政机关在门户网站统一设置“政府信息公开”专栏，名称统一，
    便于公众查找。栏目名称不统一是历次政府网站检查中的常见扣分项。

    ## 如何整改
    在网站首页显著位置设置名称为“政府信息公开”的专栏入口，指向本机关的政府信息公开平台；
    原“政务公开”等栏目可保留，但须另设统一名称的入口。

    ## 依据
    国办公开办函〔2019〕61号；《政府信息公开条例》第二十三条、第二十四条。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断", home=home.url if home else None)
    link, how = find_column_link(snap, settings)
    expected = settings["column_name"]
    if how == "exact":
        return Result.from_findings([], message=f"首页链接“{link.text}”指向 {link.url}", column_url=link.url)
    if how in ("variant", "self"):
        return Result.from_findings([Finding(
            message=f"首页专栏名称为“{link.text}”，应统一为“{expected}”",
            url=home.url, excerpt=link.text, status="warn",
            evidence={"name_found": link.text, "target": link.url})], column_url=link.url)
    return Result.from_findings([Finding(
        message=f"首页未找到“{expected}”专栏入口",
        url=home.url, evidence={"links_on_homepage": len(home.links)})])


@rule(code="COL002", title="专栏设置四个统一的子栏目", failure_title="政府信息公开专栏缺少统一子栏目",
      family="column", kind="deduct", points=5, basis=BASIS_61,
      settings={"column_sections": {
          "政府信息公开指南": ["政府信息公开指南"],
          "政府信息公开制度": ["政府信息公开制度"],
          "法定主动公开内容": ["法定主动公开内容"],
          "政府信息公开年报": ["政府信息公开年报", "政府信息公开工作年度报告", "政府信息公开年度报告",
                          "政府信息公开工作年报"],
      }})
def column_sections(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    “政府信息公开”专栏是否包含“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”
    “政府信息公开年报”（或“政府信息公开工作年度报告”）四个子栏目，名称须与规定一致。
    每缺少一个子栏目计一条问题。

    ## 为什么
    国办公开办函〔2019〕61号统一规定了政府信息公开平台的栏目体系，公众在任何机关的网站上都应能在
    相同位置找到指南、制度、法定主动公开内容和年报。

    ## 如何整改
    在专栏首页设置上述四个子栏目，名称与规定完全一致，并在各子栏目中发布相应内容。

    ## 依据
    国办公开办函〔2019〕61号；《政府信息公开条例》第十二条、第二十条、第五十条。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    sections: dict[str, list[str]] = settings["column_sections"]
    pages = column_pages(snap, settings)
    where = pages[0].url if pages else home.url
    search = pages if pages else [home]
    found: dict[str, str] = {}
    for section, names in sections.items():
        wanted = {normalise_name(n) for n in names}
        for page in search:
            link = next((l for l in page.links if normalise_name(l.text) in wanted), None)
            if link is not None:
                found[section] = link.url
                break
    findings = [Finding(message=f"专栏缺少“{section}”子栏目", url=where,
                        evidence={"section": section, "accepted_names": names})
                for section, names in sections.items() if section not in found]
    note = "未找到政府信息公开专栏，按首页链接判断" if not pages else f"专栏页面 {where}"
    return Result.from_findings(findings, message=note, sections_found=found)
