"""Run a batch: the sites crawled concurrently, spread over one Scrapy process per core, then
judged, several at once.

Each site keeps its own politeness limits (its own crawler, its own per-host concurrency and
delay), so the batch takes about as long as its slowest site. Finished sites are not crawled again
unless asked: an interrupted batch resumes where it stopped.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from auditor.core import resume
from auditor.core.rundir import BATCH_SITES, CRAWL_LOG, CRAWL_SUMMARY, REPORT_JSON, RUN_META
from auditor.core.atomic import write_text
from auditor.app.audit import judge_run, write_outputs
from auditor.app.monitor.recording import HistoryOptions, annotate, record, save_probes
from auditor.core.report import is_unreachable
from auditor.app.crawl import CrawlOptions, crawl_job, read_summary, run_crawls
from auditor.core.errors import CrawlError
from auditor.app.profiles import load_profile
from auditor.core.report import Report
from auditor.core.batch import Outcome, Site
from auditor.core.textsafe import terminal_safe

NO_HISTORY = HistoryOptions(enabled=False)


def finished_report(run_dir: Path, site: Site) -> Report | None:
    """The report of an earlier, complete run of this same site, if there is one."""
    try:
        meta = json.loads((run_dir / RUN_META).read_text(encoding="utf-8"))
        if meta.get("url") != site.url:
            return None
        return Report.model_validate_json((run_dir / REPORT_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def earlier_outcome(site: Site, out: Path) -> Outcome | None:
    """This site's outcome from an earlier, complete run of the same batch folder, if there is one."""
    run_dir = out / BATCH_SITES / site.slug
    earlier = finished_report(run_dir, site)
    if earlier is None:
        return None
    return Outcome(site, run_dir, report=earlier, reused=True,
                   reason=earlier.warnings[0] if is_unreachable(earlier) else None)


def site_options(site: Site, base: CrawlOptions) -> CrawlOptions:
    return base.for_profile(load_profile(site.profile))


def prepare(site: Site, out: Path, as_of: dt.date) -> Path:
    run_dir = out / BATCH_SITES / site.slug
    run_dir.mkdir(parents=True, exist_ok=True)
    profile = load_profile(site.profile)
    meta = {"url": site.url, "site_name": site.name, "level": site.level or profile.level,
            "profile": site.profile, "as_of": as_of.isoformat(), "batch_line": site.line}
    write_text(run_dir / RUN_META, json.dumps(meta, ensure_ascii=False, indent=2))
    (run_dir / CRAWL_SUMMARY).unlink(missing_ok=True)          # a stale summary would pass for a finished crawl
    return run_dir


def judge_site(site: Site, run_dir: Path, as_of: dt.date, formats: tuple[str, ...],
               history: HistoryOptions = NO_HISTORY) -> Outcome:
    if not (run_dir / CRAWL_SUMMARY).exists():
        return Outcome(site, run_dir, reason="抓取未完成（批量任务中断或抓取进程出错，见批量目录下的 crawl.log）")
    resume.finish(run_dir)
    profile = load_profile(site.profile)
    store_warning = save_probes(history, site.url, as_of, run_dir)
    report = judge_run(run_dir, profile, as_of, site_name=site.name, level=site.level or profile.level,
                       summary=read_summary(run_dir))
    if store_warning:
        report.warnings.append(store_warning)
    recording = annotate(history, report)
    write_outputs(report, run_dir, formats)
    if recording and (failed := record(history, report, run_dir, kind="batch")):
        print(terminal_safe(f"gkaudit: {site.name}：{failed}"), file=sys.stderr)
    reason = report.warnings[0] if is_unreachable(report) else None
    return Outcome(site, run_dir, report=report, reason=reason)


def run_batch(sites: list[Site], out: Path, crawl: CrawlOptions, as_of: dt.date, *, rerun: bool = False,
              formats: tuple[str, ...] = ("json", "html"), workers: int | None = None,
              history: HistoryOptions = NO_HISTORY) -> list[Outcome]:
    """Crawl the sites not finished before (in ``workers`` processes, one per core by default),
    then judge them."""
    workers = workers or os.cpu_count() or 1
    outcomes: dict[int, Outcome] = {}
    todo: list[tuple[Site, Path]] = []
    for site in sites:
        earlier = None if rerun else earlier_outcome(site, out)
        if earlier is not None:
            outcomes[site.line] = earlier
        else:
            todo.append((site, prepare(site, out, as_of)))
    if todo:
        # a site whose crawl was killed continues where it stopped (unless everything is re-run)
        jobs = [crawl_job(site.url, run_dir, replace(site_options(site, crawl), resume=not rerun))
                for site, run_dir in todo]
        try:
            run_crawls(jobs, log_file=out / CRAWL_LOG, processes=workers)
        except CrawlError:
            pass                              # sites whose crawl finished are still judged below
        for outcome in judge_sites(todo, as_of, formats, workers, history):
            outcomes[outcome.site.line] = outcome
    return [outcomes[s.line] for s in sites]


def judge_sites(todo: list[tuple[Site, Path]], as_of: dt.date, formats: tuple[str, ...],
                workers: int, history: HistoryOptions = NO_HISTORY) -> list[Outcome]:
    """Judge the crawled sites, several at once when there are cores for it."""
    if workers <= 1 or len(todo) <= 1:
        return [judge_site(site, run_dir, as_of, formats, history) for site, run_dir in todo]
    context = multiprocessing.get_context("fork")       # this process runs no threads
    with ProcessPoolExecutor(min(workers, len(todo)), mp_context=context) as pool:
        return list(pool.map(judge_site, *zip(*todo), [as_of] * len(todo), [formats] * len(todo),
                             [history] * len(todo)))
