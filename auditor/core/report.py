"""The report object (SPEC §4 report.json): built once, rendered by every renderer."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from pydantic import BaseModel, Field


from auditor.core import __version__
from auditor.core.results import FAMILIES, FindingStatus, Judged, Kind, Level, Status
from auditor.core.profile import Profile
from auditor.core.scoring import Score
from auditor.core.snapshot import SiteSnapshot

SCHEMA_VERSION = "1.0"
BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")




class FindingOut(BaseModel):
    message: str
    url: str | None = None
    excerpt: str | None = None
    status: FindingStatus = "fail"
    evidence: dict[str, Any] = Field(default_factory=dict)


class ExceptedOut(BaseModel):
    message: str
    url: str | None = None
    reason: str


class ResultOut(BaseModel):
    code: str
    title: str
    failure_title: str
    family: str
    family_title: str
    kind: Kind
    status: Status
    points: float
    cap: float | None = None
    veto_at: int | None = None
    points_lost: float
    veto_hit: bool
    message: str = ""
    basis: str
    fix: str
    metrics: dict[str, Any] = Field(default_factory=dict)
    findings: list[FindingOut] = Field(default_factory=list)
    excepted: list[ExceptedOut] = Field(default_factory=list)


class Deduction(BaseModel):
    code: str
    points: float


class IndicatorOut(BaseModel):
    """一级指标: its value, what its rules lost (never more than the value), whether it applies."""
    code: str
    name: str
    value: float
    lost: float
    applies: bool


class ScoreOut(BaseModel):
    total: float | None                # null when the site could not be crawled (grade 无法评定)
    grade: str
    reference: bool = False            # a veto: total is a reference score, not the site's score
    veto: list[str]
    indicators: list[IndicatorOut] = Field(default_factory=list)
    deductions: list[Deduction]


class SiteOut(BaseModel):
    name: str | None = None
    url: str
    level: Level


class CoverageOut(BaseModel):
    """How much of the site's script-built lists the crawl could read (issue 11)."""
    platforms: dict[str, int] = Field(default_factory=dict)   # list pages each adapter recognised
    fetched: dict[str, int] = Field(default_factory=dict)     # pages and data answers reached through each
    rendered: int = 0                                         # pages read in the browser (--render)
    rendered_pages: list[str] = Field(default_factory=list)   # which (first 20)
    unexpanded: list[str] = Field(default_factory=list)       # script-built list pages nothing could read (first 20)
    unexpanded_count: int = 0
    messages_unread: list[str] = Field(default_factory=list)  # 政务咨询 pages no message was read from (first 20)
    messages_unread_count: int = 0


class CrawlOut(BaseModel):
    pages: int
    checks: int = 0
    errors: int
    skipped: int = 0
    cut_not_recorded: int = 0        # of the skipped: cut by a limit past GKAUDIT_MAX_CUT_RECORDS, counted only
    links_not_read: int = 0          # links of pages over MAX_LINKS_KEPT, neither followed nor judged
    started_at: str | None = None
    finished_at: str | None = None
    truncated: bool = False
    truncated_reasons: list[str] = Field(default_factory=list)
    finish_reason: str | None = None
    refused_out_of_scope: int = 0
    refused_private: int = 0
    robots_forbidden: int = 0
    hosts_added: list[str] = Field(default_factory=list)   # hosts the start URL redirected to
    coverage: CoverageOut = Field(default_factory=CoverageOut)


class HistoryRun(BaseModel):
    """One earlier run of the site, as the history store keeps it (SPEC §9)."""
    recorded_at: str
    as_of: str
    score: float | None = None
    grade: str
    vetoes: list[str] = Field(default_factory=list)
    run_dir: str | None = None


class HistoryOut(BaseModel):
    """The site over time, from the history store: earlier runs (newest first), what was fixed and
    what is new since the last of them (findings by rule code and site-relative URL), and the share of
    failed or slow availability probes over the last 7 and 30 days."""
    runs: list[HistoryRun] = Field(default_factory=list)
    since: str | None = None                  # the last run's as-of date
    fixed: list[dict[str, str]] = Field(default_factory=list)
    new: list[dict[str, str]] = Field(default_factory=list)
    availability: dict[str, dict[str, Any]] = Field(default_factory=dict)   # "7" / "30" -> probes, bad, share


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: dict[str, str]
    profile: str
    profile_title: str = ""
    as_of: str
    generated_at: str
    site: SiteOut
    crawl: CrawlOut
    score: ScoreOut
    summary: dict[str, int]
    results: list[ResultOut]
    warnings: list[str] = Field(default_factory=list)
    baseline: dict[str, Any] | None = None
    history: HistoryOut | None = None         # from the history store; None when it was not used or holds nothing

    def result(self, code: str) -> ResultOut | None:
        return next((r for r in self.results if r.code == code), None)


def crawl_from_snapshot(snap: SiteSnapshot, summary: dict | None) -> CrawlOut:
    """The crawl section: from crawl.json when the run has it, else counted from the snapshot."""
    if summary:
        crawl = CrawlOut.model_validate({k: v for k, v in summary.items() if k in CrawlOut.model_fields})
    else:
        fetched = [r.fetched_at for r in snap.records if r.fetched_at]
        crawl = CrawlOut(
            pages=sum(1 for r in snap.records if r.role == "page" and r.kind != "attachment" and r.status),
            checks=sum(1 for r in snap.records if r.kind == "attachment"),
            errors=sum(1 for r in snap.records if r.error or (r.status or 0) >= 400),
            skipped=sum(1 for r in snap.records if r.skipped),
            started_at=min(fetched) if fetched else None, finished_at=max(fetched) if fetched else None)
    crawl.coverage = coverage_of(snap)
    return crawl


def coverage_of(snap: SiteSnapshot) -> CoverageOut:
    platforms: Counter = Counter()
    fetched: Counter = Counter()
    for record in snap.records:
        if record.list_of is None:           # list pages, not the data answers that continue them
            platforms.update({e.adapter for e in record.expansions})
        if record.via:
            fetched[record.via] += 1
    unexpanded = snap.unreadable_lists()
    unread = snap.unread_message_channels()
    rendered = [r.url for r in snap.records if r.via == "render"]
    return CoverageOut(platforms=dict(sorted(platforms.items())), fetched=dict(sorted(fetched.items())),
                       rendered=len(rendered), rendered_pages=rendered[:20],
                       unexpanded=[r.url for r in unexpanded[:20]],
                       unexpanded_count=len(unexpanded),
                       messages_unread=[r.url for r in unread[:20]], messages_unread_count=len(unread))


def _finding_out(finding, snap: SiteSnapshot) -> FindingOut:
    evidence = dict(finding.evidence)
    record = snap.get(finding.url)
    if record is not None and record.warc_record_id and "warc_record_id" not in evidence:
        evidence["warc_record_id"] = record.warc_record_id
    out = FindingOut(message=finding.message, url=finding.url, excerpt=finding.excerpt,
                     status=finding.status, evidence=evidence)
    return FindingOut.model_validate(out.model_dump(mode="json"))


def build_report(*, snap: SiteSnapshot, judged: list[Judged], score: Score, profile: Profile,
                 as_of: dt.date, site_name: str | None, level: str, crawl: CrawlOut,
                 warnings: list[str] | None = None) -> Report:
    results = []
    for j in judged:
        rule, cfg, res = j.config.rule, j.config, j.result
        rs = score.by_code[rule.code]
        results.append(ResultOut(
            code=rule.code, title=rule.title, failure_title=rule.failure_title, family=rule.family,
            family_title=FAMILIES[rule.family], kind=cfg.kind, status=res.status, points=cfg.points,
            cap=cfg.cap, veto_at=cfg.veto_at, points_lost=rs.points_lost, veto_hit=rs.veto,
            message=res.message, basis=rule.basis_at(as_of), fix=rule.doc_section("## 如何整改"),
            metrics=_jsonable(res.metrics),
            findings=[_finding_out(f, snap) for f in res.findings],
            excepted=[ExceptedOut(message=f.message, url=f.url, reason=why) for f, why in j.excepted]))
    summary = {s: sum(1 for r in results if r.status == s) for s in ("pass", "fail", "warn", "na", "error")}
    all_warnings = list(warnings or [])
    for exc in profile.exceptions:
        if exc.expired(as_of):
            all_warnings.append(f"例外规则已过期，不再适用：{exc.code} {exc.url}（{exc.reason}，到期 {exc.expires}）")
    if snap.bad_lines:
        all_warnings.append(f"抓取快照中有 {snap.bad_lines} 行无法读取，已跳过")
    if crawl.coverage.unexpanded_count:
        shown = "、".join(crawl.coverage.unexpanded[:5])
        all_warnings.append(
            f"有 {crawl.coverage.unexpanded_count} 个页面的列表由脚本生成，未能读取（如 {shown}）；"
            "涉及这些栏目的“空白栏目”“栏目更新”等结论标为待核实。可加 --render 用浏览器读取后重新检查")
    if crawl.coverage.messages_unread_count:
        shown = "、".join(crawl.coverage.messages_unread[:5])
        all_warnings.append(
            f"有 {crawl.coverage.messages_unread_count} 个政务咨询栏目页面未能读出留言（如 {shown}），"
            "互动回应（HDJ）对其中的留言无法判断，请人工核查；列表由脚本生成的可加 --render 重新检查")
    return Report(
        tool={"name": "gkaudit", "version": __version__}, profile=profile.name,
        profile_title=profile.title, as_of=as_of.isoformat(),
        generated_at=dt.datetime.now(BEIJING).isoformat(timespec="seconds"),
        site=SiteOut(name=site_name, url=snap.start_url or "", level=level), crawl=crawl,
        score=ScoreOut(total=score.total, grade=score.grade, reference=score.reference, veto=score.veto,
                       indicators=[IndicatorOut(**vars(i)) for i in score.indicators],
                       deductions=[Deduction(code=c, points=p) for c, p in score.deductions]),
        summary=summary, results=results, warnings=all_warnings)


def _jsonable(value):
    return FindingOut(message="", evidence={"v": value}).model_dump(mode="json")["evidence"]["v"]


UNRATED = "无法评定"        # the grade of a site that could not be crawled at all


def is_unreachable(report: Report) -> bool:
    return report.score.grade == UNRATED
