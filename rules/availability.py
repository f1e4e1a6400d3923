"""AVL — 站点无法访问 (国办秘函〔2019〕19号 单项否决), judged from a week of availability probes in
the history store (``gkaudit probe``), as the run directory's probe summary keeps them."""
from __future__ import annotations

from auditor.core.probes import PROBE_LIMIT_S, PROBES_A_DAY, WINDOW_DAYS, window
from auditor.core.results import Share
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import INDICATORS_19
from rules.registry import Finding, Result, Setting, rule

MAX_FINDINGS = 50       # the failed or slow probes listed one by one (the rest are counted)


@rule(code="AVL001", in_force=INDICATORS_19, title="站点可以访问", failure_title="站点无法访问",
      family="availability", kind="veto", settings={"unavailable_share": Setting(
          type=Share, default=0.05,
          source="国办秘函〔2019〕19号 单项否决“站点无法访问”：超过（含）15 秒网站仍打不开的次数累计占比超过（含）5%",
          description="一周内打不开或超过 15 秒才打开的探测次数占比，达到即单项否决")})
def site_reachable(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    用历史库中的可用性探测记录（`gkaudit probe`，每次限时 15 秒）判断：检查日前 7 天里，每天至少
    有 20 次探测时，打不开（域名解析、连接、证书或 HTTP 错误）或 15 秒及以上才打开的次数占全部探测
    次数的比例是否达到 5%（配置 `unavailable_share`）。任何一天探测不足 20 次、或这次检查没有使用历史库
    的，结果为“不适用”，并说明缺少哪几天；单次抓取时首页能否打开不作为本项的依据。

    ## 为什么
    19号检查指标规定：监测 1 周，每天间隔性访问 20 次以上，超过（含）15 秒网站仍打不开的次数累计
    占比超过（含）5%，即单项否决。

    ## 如何整改
    排查服务器、网络线路、域名解析和证书等故障，配置监控告警和容灾；迁移或维护前按规定报备并发布
    公告；对访问缓慢的网站优化页面和带宽。整改后继续探测一周以确认。
    """
    limit, summary = settings["unavailable_share"], snap.probes
    if summary is None:
        return Result.na("本次检查没有使用历史库的可用性探测记录（用 gkaudit probe 每天定时探测 20 次以上，一周后可判断）")
    first, last = window(settings["as_of"])
    if (summary.window_from, summary.window_to) != (first.isoformat(), last.isoformat()):
        return Result.na(f"运行目录中的探测记录是 {summary.window_from} 至 {summary.window_to} 的，与检查基准日前 7 天"
                         f"（{first} 至 {last}）不符（换了基准日重新检查时），无法判断")
    short = [d for d in summary.days if d.probes < PROBES_A_DAY]
    metrics = {"window": f"{summary.window_from}—{summary.window_to}", "probes": summary.probes, "bad": summary.bad}
    if len(summary.days) < WINDOW_DAYS or short:
        days = "、".join(f"{d.day}（{d.probes} 次）" for d in short[:7])
        return Result.na(f"{summary.window_from} 至 {summary.window_to} 的探测不足：每天至少需要 {PROBES_A_DAY} 次，"
                         f"{days} 不足", **metrics)
    share = summary.bad / summary.probes
    metrics["share"] = round(share, 4)
    if share < limit:
        return Result.from_findings([], message=f"{metrics['window']} 共探测 {summary.probes} 次，打不开或超过 "
                                                f"{PROBE_LIMIT_S:g} 秒的 {summary.bad} 次（{share:.1%}）", **metrics)
    findings = [Finding(
        message=f"{m.at[:16].replace('T', ' ')} 探测" + (f"用时 {m.seconds:.1f} 秒（超过 {PROBE_LIMIT_S:g} 秒）"
                                                        if m.error is None and m.seconds is not None else
                                                        f"失败：{m.error or f'HTTP {m.status}'}"),
        url=m.url, evidence={"at": m.at, "status": m.status, "error": m.error, "seconds": m.seconds})
        for m in summary.misses[:MAX_FINDINGS]]
    more = summary.misses_total - len(findings)
    return Result.from_findings(findings, message=f"{metrics['window']} 共探测 {summary.probes} 次，打不开或超过 "
                                f"{PROBE_LIMIT_S:g} 秒的 {summary.bad} 次（{share:.1%}），达到 {limit:.0%}"
                                + (f"；另有 {more} 次未逐条列出" if more > 0 else ""), **metrics)
