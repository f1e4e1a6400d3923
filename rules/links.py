"""LNK — link availability."""
from __future__ import annotations

from auditor.core.snapshot import SiteSnapshot

from rules.registry import Finding, Result, Setting, rule

# Read by the crawl (auditor.app.crawl), not by the checks: it decides which links there are to judge.
LINK_SETTINGS = {
    "check_external_links": Setting(
        type=bool, source="本项目约定",
        description="抓取时也请求指向其他网站的链接（每个一次，不继续抓取），供 LNK001/LNK002 判断"),
}


def broken(record) -> str | None:
    """Why a fetched link target counts as broken, or None if it works."""
    if record.skipped:
        return None
    if record.error:
        return record.error
    if record.status is not None and record.status >= 400:
        return f"HTTP {record.status}"
    return None


@rule(code="LNK001", title="首页链接可用", failure_title="首页存在不可用链接",
      family="links", kind="deduct", each=True, points=1, cap=10, settings=LINK_SETTINGS)
def homepage_links(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页上指向本网站范围内的链接（栏目、文章、附件）能否正常打开：跟随重定向后 HTTP 状态码
    小于 400，且未超时、未出现重定向循环。每个不可用链接计一条问题。因 robots.txt 或范围限制
    未访问的链接不作判断，在结果中单独列出数量。

    ## 为什么
    首页是公众进入网站的第一页，首页“打不开”的链接直接影响公众获取信息，检查指标对首页
    不可用链接从严扣分。

    ## 如何整改
    逐条修复或删除所列链接：恢复被删除的页面、改正错误地址，或撤下已失效的入口；
    改版迁移时为旧地址设置重定向。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    findings, checked, unchecked, out_of_scope = [], 0, 0, 0
    for link in home.links:
        target = snap.link_target(link.url)
        if target is None:
            out_of_scope += 1
            continue
        if target.skipped:
            unchecked += 1
            continue
        checked += 1
        why = broken(target)
        if why:
            findings.append(Finding(
                message=f"首页链接“{link.text or link.url}”不可用：{why}", url=link.url,
                excerpt=link.text, evidence={"status": target.status, "error": target.error,
                                             "linked_from": home.url, "anchor_text": link.text}))
    note = "；".join(part for part in (
        f"另有 {out_of_scope} 个站外或未抓取的链接未检查" if out_of_scope else "",
        f"{unchecked} 个链接因 robots.txt 或抓取上限未访问" if unchecked else "") if part)
    if checked == 0:
        return Result.na("首页没有可检查的站内链接" + (f"（{note}）" if note else ""),
                         unchecked=unchecked, not_fetched=out_of_scope)
    return Result.from_findings(findings, message=f"检查了 {checked} 个站内链接" + (f"；{note}" if note else ""),
                                checked=checked, unchecked=unchecked, not_fetched=out_of_scope)


@rule(code="LNK002", title="站内链接和附件可用", failure_title="存在不可用的链接或附件",
      family="links", kind="deduct", each=True, points=0.1, cap=10, settings=LINK_SETTINGS)
def site_links(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页以外页面上的链接和附件（PDF、Word、Excel 等）能否正常打开：跟随重定向后 HTTP 状态码小于 400，
    且未超时、未出现重定向循环。每个不可用的目标计一条问题，写明所在页面、链接文字和状态；
    首页上的链接由 LNK001 检查，不重复计算。站外链接只在配置方案要求时检查，且从不继续抓取。
    列表页脚本调用的数据接口（如大汉 jpage 的 dataproxy）不是链接，不在此计算；接口出错时该栏目列为
    “未能读取的列表”（见报告抓取情况），相关栏目结论标为待核实。

    ## 为什么
    检查指标将不可用链接（“死链”）计入扣分；附件打不开，公开的信息实际上无法获取。

    ## 如何整改
    修复或删除所列链接，恢复丢失的附件；网站改版时为旧地址设置重定向。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    on_home = {link.url for link in home.links}
    findings, checked, failing = [], 0, []
    for record in snap.records:
        if record.url in on_home or record is home or record.skipped or record.depth == 0 or record.list_of:
            continue                      # (a data answer that failed is a list not read: see crawl.coverage)
        checked += 1
        why = broken(record)
        if why:
            failing.append((record, why))
    linked_from = snap.linked_from({record.url for record, _ in failing})
    for record, why in failing:
        sources = linked_from.get(record.url, [])
        source = snap.get(sources[0]) if sources else None
        text = next((l.text for l in source.links if l.url == record.url), "") if source else ""
        findings.append(Finding(
            message=f"{'附件' if record.role == 'check' else '链接'}“{text or record.url}”不可用：{why}"
                    + (f"（所在页面 {source.url}{'等 %d 处' % len(sources) if len(sources) > 1 else ''}）" if source else ""),
            url=record.url, excerpt=text,
            evidence={"status": record.status, "error": record.error, "linked_from": sources[:5],
                      "anchor_text": text}))
    if checked == 0:
        return Result.na("首页以外没有可检查的链接")
    return Result.from_findings(findings, checked=checked)
