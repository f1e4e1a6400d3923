"""The terminal summary: grade and score, then one row per rule that did not pass."""
from __future__ import annotations

from tabulate import tabulate

from auditor.core.report import Report

from reports.registry import renderer
from reports.wording import coverage, site_label, truncation

STATUS_WORDS = {"pass": "通过", "fail": "不合格", "warn": "警告", "na": "不适用", "error": "无法判断"}


def status_word(status: str, kind: str) -> str:
    """An info rule's findings are for attention, not a failure."""
    return "提示" if kind == "info" and status == "fail" else STATUS_WORDS[status]


@renderer("table")
def render(report: Report, show_all: bool = False) -> str:
    s = report.score
    head = [
        f"网站：{site_label(report.site.name, report.site.url)}　{report.site.url}",
        f"方案：{report.profile}　检查日期：{report.as_of}　抓取页面：{report.crawl.pages}　抓取错误：{report.crawl.errors}"
        + (f"　（抓取已截断：{truncation(report.crawl.truncated_reasons)}）" if report.crawl.truncated else "")
        + (f"\n{coverage(report.crawl.coverage)}" if coverage(report.crawl.coverage) else ""),
        (f"{'参考得分' if s.reference else '得分'}：{s.total:g}　" if s.total is not None else "") + f"等级：{s.grade}"
        + (f"　单项否决：{'、'.join(s.veto)}（分数仅供参考）" if s.veto else ""),
    ]
    if s.indicators:
        head.append("一级指标：" + "　".join(
            f"{i.name} {i.value - i.lost:g}/{i.value:g}" if i.applies else f"{i.name} 不计分"
            for i in s.indicators))
    rows = []
    for r in report.results:
        if r.status == "pass" and not show_all:
            continue
        first = r.findings[0].message if r.findings else r.message
        rows.append([r.code, status_word(r.status, r.kind), len(r.findings),
                     f"-{r.points_lost:g}" if r.points_lost else ("否决" if r.veto_hit else ""),
                     r.title, _short(first, 60)])
    table = tabulate(rows, headers=["规则", "结果", "问题数", "扣分", "检查项", "说明"],
                     tablefmt="simple") if rows else "所有检查项均通过。"
    if report.baseline:
        b = report.baseline
        change = "" if b.get("score_change") is None else f"得分 {b['score_change']:+g}，"
        head.append(f"与上次检查（{b['as_of']}）相比：{change}已整改 {b['fixed']} 条，仍存在 {b['still']} 条，"
                    f"新发现 {b['new']} 条")
    counts = "　".join(f"{STATUS_WORDS[k]} {v}" for k, v in report.summary.items() if v)
    tail = [counts] + [f"提示：{w}" for w in report.warnings]
    return "\n".join(head + ["", table, ""] + tail)


def _short(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
