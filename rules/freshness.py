"""UPD — timeliness of content (条例 第二十六条; 国办秘函〔2019〕19号)."""
from __future__ import annotations

from auditor.extract.dates import to_date
from auditor.snapshot import SiteSnapshot

from .registry import Finding, Result, rule


@rule(code="UPD004", title="文件在成文后 20 个工作日内公开", failure_title="政府信息公开不及时",
      family="freshness", kind="deduct", each=True, points=0.5, cap=5,
      basis="《政府信息公开条例》第二十六条", settings={"publish_max_lag_workdays": 20})
def published_after_written(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    页面同时标明成文日期和发布日期的，发布日期是否在成文日期后 `publish_max_lag_workdays`
    （默认 20）个工作日内。工作日按法定节假日和调休计算，成文当日不计入。每个超期页面计一条问题。

    ## 为什么
    条例第二十六条规定，属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起
    20 个工作日内及时公开。

    ## 如何整改
    建立公文公开属性源头认定和发布流程，文件印发后及时在网站公开；对历史文件逐一核对补发。

    ## 依据
    《政府信息公开条例》第二十六条。
    """
    calendar, limit = settings["calendar"], settings["publish_max_lag_workdays"]
    findings, judged = [], 0
    for page in snap.pages():
        written, published = to_date(page.written), to_date(page.published)
        if written is None or published is None or published < written:
            continue                                  # a date before 成文 is UPD005's business
        judged += 1
        lag = calendar.workdays_between(written, published)
        if lag > limit:
            findings.append(Finding(
                message=f"成文 {written}，{published} 才公开，相隔 {lag} 个工作日，超过 {limit} 个工作日",
                url=page.url, excerpt=page.headline,
                evidence={"written": written, "published": published, "workdays": lag, "limit": limit}))
    if judged == 0:
        return Result.na("没有同时标明成文日期和发布日期的页面")
    return Result.from_findings(findings, judged=judged)
