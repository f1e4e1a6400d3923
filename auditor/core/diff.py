"""Rectification (整改) view: what an audit fixed, what still fails, what is new, against a baseline.

A finding is the same finding in both reports when it has the same rule, the same URL and the same
message once its numbers are set aside (day counts and dates move between audits; the problem does
not).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from auditor.core.errors import ConfigError
from auditor.core.report import FindingOut, Report
from auditor.core.rundir import REPORT_JSON

_NUMBERS = re.compile(r"\d+(?:[.\-/:]\d+)*")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def same_site(a: str, b: str) -> bool:
    """Two reports are of one site when their hosts agree but for www. (scheme and port may differ:
    a site moved to https, or a test server on another port)."""
    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name
    return host(a) == host(b)


def check_same_site(old_url: str, new_url: str, allow: bool = False) -> None:
    """A ConfigError when the two reports are of different sites: their findings cannot be matched
    (a diff would call another site's findings 已整改 and its own 新发现)."""
    if not allow and not same_site(old_url, new_url):
        raise ConfigError(f"两份报告检查的是不同网站（{old_url} 与 {new_url}），不能对比整改情况；"
                          "网站确已更换域名的，可加 --different-sites 仍然对比")


def finding_key(code: str, finding: FindingOut, origin: str = "") -> str:
    """Rule, site-relative URL (a site moved to another host or port is the same site) and the
    message without its numbers."""
    url = finding.url or ""
    if origin and url.startswith(origin):
        url = url[len(origin):]
    return f"{code}|{url}|{_NUMBERS.sub('#', finding.message)}"


class RuleDiff(BaseModel):
    code: str
    title: str
    old_status: str | None
    new_status: str | None
    old_points: float = 0
    new_points: float = 0
    fixed: list[FindingOut] = Field(default_factory=list)
    still: list[FindingOut] = Field(default_factory=list)
    new: list[FindingOut] = Field(default_factory=list)


class ReportDiff(BaseModel):
    site: str
    old_as_of: str
    new_as_of: str
    old_score: float | None
    new_score: float | None
    score_change: float | None
    old_grade: str
    new_grade: str
    fixed: int
    still: int
    new: int
    rules: list[RuleDiff]

    @property
    def new_findings(self) -> list[tuple[str, FindingOut]]:
        return [(r.code, f) for r in self.rules for f in r.new if f.status == "fail"]


def diff_reports(old: Report, new: Report) -> ReportDiff:
    old_origin, new_origin = _origin(old.site.url), _origin(new.site.url)
    old_by_code = {r.code: r for r in old.results}
    new_by_code = {r.code: r for r in new.results}
    rules = []
    for code in list(new_by_code) + [c for c in old_by_code if c not in new_by_code]:
        before, after = old_by_code.get(code), new_by_code.get(code)
        old_f = {finding_key(code, f, old_origin): f for f in (before.findings if before else [])}
        new_f = {finding_key(code, f, new_origin): f for f in (after.findings if after else [])}
        entry = RuleDiff(
            code=code, title=(after or before).title,
            old_status=before.status if before else None, new_status=after.status if after else None,
            old_points=before.points_lost if before else 0, new_points=after.points_lost if after else 0,
            fixed=[f for k, f in old_f.items() if k not in new_f],
            still=[f for k, f in new_f.items() if k in old_f],
            new=[f for k, f in new_f.items() if k not in old_f])
        if entry.fixed or entry.still or entry.new or entry.old_status != entry.new_status:
            rules.append(entry)
    change = (None if old.score.total is None or new.score.total is None
              else round(new.score.total - old.score.total, 2))
    return ReportDiff(
        site=new.site.url, old_as_of=old.as_of, new_as_of=new.as_of,
        old_score=old.score.total, new_score=new.score.total, score_change=change,
        old_grade=old.score.grade, new_grade=new.score.grade,
        fixed=sum(len(r.fixed) for r in rules), still=sum(len(r.still) for r in rules),
        new=sum(len(r.new) for r in rules), rules=rules)


def load_report(path: str | Path) -> Report:
    """A report.json, or a run directory holding one."""
    path = Path(path)
    if path.is_dir():
        path = path / REPORT_JSON
    if not path.is_file():
        raise ConfigError(f"找不到检查报告：{path}")
    try:
        return Report.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ConfigError(f"{path} 不是 gkaudit 的 report.json：{str(exc).splitlines()[0]}") from exc


def baseline_summary(d: ReportDiff, baseline_path: str | Path) -> dict:
    """What report.json (and the HTML and terminal views) say about the comparison with the baseline."""
    return {
        "report": str(baseline_path), "as_of": d.old_as_of, "score": d.old_score, "grade": d.old_grade,
        "score_change": d.score_change, "fixed": d.fixed, "still": d.still, "new": len(d.new_findings),
        "new_findings": [{"code": code, "url": f.url, "message": f.message} for code, f in d.new_findings]}
