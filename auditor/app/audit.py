"""The audit pipeline: crawl -> snapshot -> rules -> score -> the complete report (the comparison
with a baseline included) -> every chosen format rendered once. And recheck, offline."""
from __future__ import annotations

import datetime as dt
import ipaddress
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from reports.registry import write_files

from auditor.app.crawl import CrawlOptions, crawl_site
from auditor.app.judge import judge
from auditor.app.monitor.recording import HistoryOptions, annotate, record, save_probes
from auditor.app.profiles import load_profile
from auditor.core import resume, runlock
from auditor.core.atomic import write_text
from auditor.core.diff import (ReportDiff, baseline_summary, check_same_site, diff_reports, load_report,
                               same_site)
from auditor.core.errors import ConfigError
from auditor.core.profile import Profile
from auditor.core.report import UNRATED, Report, build_report, crawl_from_snapshot
from auditor.core.probes import load as load_probes
from auditor.core.rundir import CRAWL_SUMMARY, PAGES, PROBES, RECHECK_DIR, RUN_META, RUNS_ROOT
from auditor.core.scoring import score as score_judged
from auditor.core.snapshot import SiteSnapshot
from auditor.core.textsafe import terminal_safe
from auditor.core.workdays import WorkCalendar


@dataclass
class AuditOptions:
    profile: str = "national"
    as_of: dt.date = field(default_factory=dt.date.today)
    out_dir: Path | None = None
    formats: tuple[str, ...] = ("json", "html")
    site_name: str | None = None
    level: str | None = None
    crawl: CrawlOptions = field(default_factory=CrawlOptions)
    debug: bool = False
    baseline: Path | None = None       # an earlier report.json (or its run directory) to compare with
    history: HistoryOptions = field(default_factory=HistoryOptions)


def validate_url(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"网址无效：{url}（只支持 http 和 https）")
    if not parts.hostname:
        raise ConfigError(f"网址无效：{url}（缺少主机名）")
    if any(c.isspace() for c in url):
        raise ConfigError(f"网址无效：{url}（含有空格）")
    try:
        parts.port                               # "x,javascript:alert(1)" reads as host "javascript", port "alert(1)"
    except ValueError:
        raise ConfigError(f"网址无效：{url[:200]}（端口不是 0–65535 的数字）") from None
    if not _host_name(parts.hostname):
        raise ConfigError(f"网址无效：{url[:200]!r}（主机名含有不能用于网址的字符）")
    return url


_LABEL = re.compile(r"[\w-]+")


def _host_name(host: str) -> bool:
    """A host a URL can name: an IP address, or dot-separated labels of letters, digits and hyphens
    (any script: 政府.中国) that encode as an internationalised domain name. Binary garbage in a
    site list, or ``x,javascript:alert(1)`` read as one URL, is not a site."""
    if ":" in host:
        try:
            ipaddress.ip_address(host)
            return True
        except ValueError:
            return False
    if not all(_LABEL.fullmatch(label) for label in host.rstrip(".").split(".")):
        return False
    try:
        host.encode("idna")
    except UnicodeError:
        return False
    return True


def default_run_dir(url: str, base: Path = Path(RUNS_ROOT)) -> Path:
    host = (urlsplit(url).hostname or "site").replace(":", "_")
    port = urlsplit(url).port
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / (f"{host}_{port}" if port else host) / stamp


def unfinished_run_dir(url: str, base: Path = Path(RUNS_ROOT)) -> Path:
    """The newest run directory of this site whose crawl was cut off and can be resumed."""
    site_dir = default_run_dir(validate_url(url), base).parent
    runs = sorted((d for d in site_dir.glob("*") if d.is_dir() and resume.can_resume(d)), reverse=True)
    if not runs:
        raise ConfigError(f"{site_dir} 下没有可继续的抓取（请用 --out 指定上次的运行目录）")
    return runs[0]


def audit_site(url: str, opts: AuditOptions) -> tuple[Report, Path]:
    """Crawl ``url`` into a run directory, judge it, write the reports."""
    url = validate_url(url)
    profile = load_profile(opts.profile)   # a bad profile or baseline fails before crawling
    baseline = load_report(opts.baseline) if opts.baseline else None
    if baseline is not None:
        check_same_site(baseline.site.url, url)
    run_dir = Path(opts.out_dir) if opts.out_dir else default_run_dir(url)
    if opts.crawl.resume:
        asked = (_read_json(run_dir / RUN_META) or {}).get("url")
        if asked and not (same_site(asked, url) and urlsplit(asked).port == urlsplit(url).port):
            raise ConfigError(f"{run_dir} 是对 {asked} 的抓取，不能用来继续检查 {url}（--resume 只能继续同一网站）")
    with runlock.hold(run_dir):            # a second audit into this --out stops here, touching nothing
        crawl_opts = opts.crawl.for_profile(profile)
        meta = {"url": url, "site_name": opts.site_name, "level": opts.level or profile.level,
                "profile": opts.profile, "as_of": opts.as_of.isoformat()}
        write_text(run_dir / RUN_META, json.dumps(meta, ensure_ascii=False, indent=2))
        summary = crawl_site(url, run_dir, crawl_opts)
        store_warning = save_probes(opts.history, url, opts.as_of, run_dir)
        report = judge_run(run_dir, profile, opts.as_of, site_name=opts.site_name,
                           level=opts.level or profile.level, summary=summary, debug=opts.debug)
        if store_warning:
            report.warnings.append(store_warning)
        comparison = None
        if baseline is not None:
            comparison = diff_reports(baseline, report)
            report.baseline = baseline_summary(comparison, opts.baseline)
        recording = annotate(opts.history, report)
        write_outputs(report, run_dir, opts.formats, comparison)
        if recording and (failed := record(opts.history, report, run_dir)):
            print(terminal_safe(f"gkaudit: {failed}"), file=sys.stderr)
    return report, run_dir


def recheck(run_dir: Path, profile_name: str | None = None, as_of: dt.date | None = None,
            formats: tuple[str, ...] = ("json", "html"), debug: bool = False,
            out_dir: Path | None = None) -> tuple[Report, Path]:
    """Judge a stored crawl again: no network, same report for the same inputs.

    The reports go to ``out_dir`` (default ``RUN_DIR/recheck/<timestamp>/``), so the audit's own
    report stays as it was.
    """
    run_dir = Path(run_dir)
    if not (run_dir / PAGES).exists():
        raise ConfigError(f"{run_dir} 不是 gkaudit 运行目录（缺少 {PAGES}）")
    meta = _read_json(run_dir / RUN_META) or {}
    profile = load_profile(profile_name or meta.get("profile") or "national")
    if as_of is None:
        try:
            as_of = dt.date.fromisoformat(meta["as_of"]) if meta.get("as_of") else dt.date.today()
        except (TypeError, ValueError):
            raise ConfigError(f"{run_dir / RUN_META} 中的检查基准日 as_of 无效：{meta.get('as_of')!r}"
                              "（可用 --as-of YYYY-MM-DD 指定）") from None
    summary = _read_json(run_dir / CRAWL_SUMMARY)
    report = judge_run(run_dir, profile, as_of, site_name=meta.get("site_name"),
                       level=meta.get("level") or profile.level, summary=summary, debug=debug)
    out_dir = Path(out_dir) if out_dir else run_dir / RECHECK_DIR / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with runlock.hold(out_dir):
        write_outputs(report, out_dir, formats)
    return report, out_dir


FINISH_REASONS = {"shutdown": "被中断", "start_error": "抓取起始阶段出错，详见 crawl.log",
                  "cancelled": "被取消"}


def judge_run(run_dir: Path, profile: Profile, as_of: dt.date, *, site_name: str | None,
              level: str, summary: dict | None, debug: bool = False) -> Report:
    start_url = (summary or {}).get("start_url") or (_read_json(run_dir / RUN_META) or {}).get("url")
    snap = SiteSnapshot.load(run_dir / PAGES, start_url=start_url)
    snap.probes = load_probes(run_dir / PROBES)
    calendar = WorkCalendar.for_profile(profile.holidays_file)
    judged = judge(snap, profile, as_of, level=level, debug=debug, calendar=calendar, site_name=site_name)
    scored = score_judged(judged, profile)
    warnings = calendar.warnings()
    unreachable = snap.unreachable_reason()
    if unreachable:
        warnings.append(f"网站无法访问：{unreachable}，各项检查均无法判断，不予评分")
        scored.total, scored.grade = None, UNRATED
    reason = (summary or {}).get("finish_reason")
    if reason and reason != "finished":
        warnings.append(f"抓取未正常结束（{FINISH_REASONS.get(reason, reason)}），部分页面可能未抓取，"
                        "相关结论以已抓取的页面为准")
    report = build_report(snap=snap, judged=judged, score=scored, profile=profile, as_of=as_of,
                          site_name=site_name, level=level, crawl=crawl_from_snapshot(snap, summary),
                          warnings=warnings)
    return report


def write_outputs(report: Report, run_dir: Path, formats: tuple[str, ...],
                  comparison: ReportDiff | None = None) -> None:
    """Render the finished report once in every chosen format (report.json always), and the
    comparison with the baseline, when there is one, as diff.json and diff.html beside it."""
    write_files("report", report, run_dir, formats)
    if comparison is not None:
        write_files("diff", comparison, run_dir, ("json", "html"))


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


