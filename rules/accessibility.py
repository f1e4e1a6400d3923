"""A11Y — accessibility and elderly-friendly design (无障碍、适老化)."""
from __future__ import annotations

from auditor.snapshot import SiteSnapshot

from .registry import Finding, Result, rule

BASIS_A11Y = "《无障碍环境建设法》第三十二条；GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》"


@rule(code="A11Y005", title="页面设置标题", failure_title="页面缺少标题（title）",
      family="accessibility", kind="deduct", points=1, cap=1, basis=BASIS_A11Y,
      settings={"title_min_share": 1.0, "worst_pages": 20})
def page_titles(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    每个页面是否有非空的 `<title>`。统计有标题页面所占比例，低于配置的比例（默认 100%）即不合格，
    并列出缺少标题的页面。

    ## 为什么
    页面标题是读屏软件朗读的第一项内容，也是浏览器标签、收藏夹和搜索结果中显示的名称；
    GB/T 37668-2019 要求每个网页都有描述其主题或目的的标题。

    ## 如何整改
    在页面模板中为每个页面输出 `<title>文章标题_栏目名称_网站名称</title>`，不要留空。

    ## 依据
    《无障碍环境建设法》第三十二条；GB/T 37668-2019 第 8.2 条。
    """
    pages = list(snap.pages())
    if not pages:
        return Result.na("没有抓取到页面")
    missing = [p for p in pages if not (p.title or "").strip()]
    share = 1 - len(missing) / len(pages)
    metrics = {"pages": len(pages), "with_title": len(pages) - len(missing), "share": round(share, 4)}
    if share >= settings["title_min_share"]:
        return Result.from_findings([], **metrics)
    findings = [Finding(message="页面 <title> 为空", url=p.url, excerpt=p.headline)
                for p in missing[: settings["worst_pages"]]]
    if len(missing) > len(findings):
        metrics["not_listed"] = len(missing) - len(findings)
    return Result.from_findings(findings, **metrics)
