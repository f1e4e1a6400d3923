"""Start a crawl of one site in a child process and wait for it.

The child runs ``spiders.run`` (Scrapy, Twisted reactor); the parent only sees files: the
snapshot, the WARC and the crawl summary. This keeps the judging side free of Scrapy and lets
one Python process run many audits (tests, batch) without restarting a reactor.

Ctrl-C is this process's to handle. The children start with SIGINT ignored (a terminal sends it to
the whole process group); on the first Ctrl-C each is asked to stop (SIGTERM: it writes its summary
and closes its files) and given ``STOP_GRACE`` seconds, then killed. What was fetched is kept as
the snapshot of an interrupted crawl, and in ``.resume/`` for ``--resume``; ``crawl_site`` returns
so the audit reports on it, marked interrupted. A second Ctrl-C kills the children and ends at once.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.core import atomic, resume, rundir
from auditor.core.errors import CrawlError
from auditor.core.profile import Profile

STOP_GRACE = 3.0        # seconds a crawl has after Ctrl-C to close its files itself before it is killed


class CrawlInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the crawls; what they had fetched is kept, and can be resumed."""


@dataclass
class CrawlOptions:
    max_pages: int = 2000
    max_depth: int = 8
    obey_robots: bool = True
    allowed_hosts: list[str] = field(default_factory=list)
    progress: bool = False
    timeout: float = 20.0
    concurrency_per_host: int = 4
    delay: float = 0.0
    check_external: bool = False
    allow_private: bool = False
    autothrottle: bool = True
    resume: bool = False               # continue a killed crawl of the same run directory
    render: bool = False               # read script-built pages again in headless Chromium
    extra_settings: dict = field(default_factory=dict)

    def for_profile(self, profile: Profile) -> "CrawlOptions":
        """These options with what the profile adds: its other hosts of the site, and whether external
        links are checked. The one place a profile reaches the crawl."""
        return replace(self, allowed_hosts=list(dict.fromkeys(self.allowed_hosts + profile.allowed_hosts)),
                       check_external=self.check_external or bool(profile.settings.get("check_external_links")))


def crawl_job(url: str, out_dir: Path, opts: CrawlOptions) -> dict:
    """The child's job for one crawl. With ``opts.resume`` it starts from what a killed crawl
    left in ``out_dir``; without, such leftovers are discarded."""
    resumed = resume.prepare(out_dir) if opts.resume else resume.discard(out_dir)
    settings = {
        "GKAUDIT_PAGES_PATH": str(out_dir / rundir.PAGES),
        "GKAUDIT_WARC_PATH": str(out_dir / rundir.WARC),
        "GKAUDIT_SUMMARY_PATH": str(out_dir / rundir.CRAWL_SUMMARY),
        "GKAUDIT_MAX_PAGES": opts.max_pages,
        "GKAUDIT_MAX_CHECKS": max(opts.max_pages * 3, 100),
        "GKAUDIT_ALLOWED_HOSTS": list(opts.allowed_hosts),
        "GKAUDIT_PROGRESS": opts.progress,
        "LOG_FILE": str(out_dir / rundir.CRAWL_LOG),
        "ROBOTSTXT_OBEY": opts.obey_robots,
        "DEPTH_LIMIT": opts.max_depth,
        "DOWNLOAD_TIMEOUT": opts.timeout,
        "CONCURRENT_REQUESTS_PER_DOMAIN": opts.concurrency_per_host,
        "DOWNLOAD_DELAY": opts.delay,
        "AUTOTHROTTLE_ENABLED": opts.autothrottle,
        "GKAUDIT_CHECK_EXTERNAL": opts.check_external,
        "GKAUDIT_ALLOW_PRIVATE": opts.allow_private,
        **(resumed or {}),
        **(_render_settings(opts.timeout) if opts.render else {}),
        **opts.extra_settings,
    }
    return {"spider_args": {"url": url}, "settings": settings}


def _render_settings(timeout: float) -> dict:
    from spiders.render import render_settings        # Scrapy stays out of processes that only judge
    return render_settings(timeout)


def run_crawls(jobs: list[dict], log_file: Path | None = None, processes: int = 1) -> None:
    """Run the crawls in child processes (``processes`` of them, the jobs dealt out in turn) and
    wait for all; raise CrawlError if any child itself fails, once every child has ended.

    Scrapy logs into each run's ``crawl.log`` (a batch: into ``log_file``); the terminal keeps only
    the progress line, summed over the children when there are several.
    """
    processes = max(1, min(processes, len(jobs)))
    shares = [jobs[i::processes] for i in range(processes)]
    show = processes > 1 and any(job["settings"].get("GKAUDIT_PROGRESS") for job in jobs) \
        and sys.stderr.isatty()
    with tempfile.TemporaryDirectory(prefix="gkaudit-crawl-") as tmp:
        children = []
        for n, share in enumerate(shares):
            if show:            # each child reports its counts to a file; this process sums them
                share = [dict(job, settings=dict(job["settings"], GKAUDIT_PROGRESS_FILE=f"{tmp}/{rundir.progress_file(n)}"))
                         for job in share]
            job_file = Path(tmp) / f"job-{n}.json"
            spec = {"crawls": share, "log_file": str(log_file) if log_file else None}
            if processes >= (os.cpu_count() or 1):
                spec["extract_workers"] = 0       # every core has a crawl already
            job_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
            children.append(_start_child(job_file))
        try:
            codes = _wait(children, Path(tmp) if show else None)
        except CrawlInterrupted:
            for job in jobs:
                keep_interrupted(job)
            raise
    failed = [code for code in codes if code != 0]
    if failed:
        raise CrawlError(f"抓取进程异常退出（退出码 {failed[0]}），详见 {log_file or rundir.CRAWL_LOG}")


def _start_child(job_file: Path) -> subprocess.Popen:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])      # the folder that holds the packages
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    with _sigint_ignored():             # inherited through exec: the terminal's Ctrl-C is ours to handle
        return subprocess.Popen([sys.executable, "-m", "spiders.run", str(job_file)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)


@contextlib.contextmanager
def _sigint_ignored():
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:                  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _wait(children: list[subprocess.Popen], progress_dir: Path | None) -> list[int]:
    try:
        if progress_dir is None:
            _wait_for(children)
            return [child.returncode for child in children]
        from spiders.progress import show_summed      # Scrapy is imported only when a line is shown
        while any(child.poll() is None for child in children):
            show_summed(sorted(progress_dir.glob(rundir.PROGRESS_FILES)))
            time.sleep(1.0)
        show_summed(sorted(progress_dir.glob(rundir.PROGRESS_FILES)), final=True)
        return [child.returncode for child in children]
    except KeyboardInterrupt:           # the first Ctrl-C: the crawls stop, what they fetched stays
        _stop(children)
        raise CrawlInterrupted() from None
    finally:
        for child in children:          # no crawl is left running on its own
            if child.poll() is None:
                child.kill()
                child.wait()


def _stop(children: list[subprocess.Popen]) -> None:
    """Ask the crawls to stop (SIGTERM) and give them STOP_GRACE seconds; kill who is left. A second
    Ctrl-C meanwhile kills them all at once and goes on up as a plain KeyboardInterrupt."""
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    try:
        _wait_for(children, STOP_GRACE)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


def _wait_for(children: list[subprocess.Popen], timeout: float | None = None) -> None:
    """Until the children have ended (or ``timeout``). Not ``Popen.wait``: on a KeyboardInterrupt it
    waits a quarter second more itself, so a second Ctrl-C within it went unseen."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while any(child.poll() is None for child in children):
        if deadline is not None and time.monotonic() >= deadline:
            return
        time.sleep(0.05)


def keep_interrupted(job: dict) -> None:
    """What an interrupted crawl fetched, made the run's snapshot and kept for ``--resume``: the files
    it closed itself, or — killed — the complete records and WARC members it had flushed (gathered
    as ``--resume`` gathers them). A crawl summary is written if the crawl had none."""
    settings = job["settings"]
    pages, warc = Path(settings["GKAUDIT_PAGES_PATH"]), Path(settings["GKAUDIT_WARC_PATH"])
    out_dir, summary_path = pages.parent, Path(settings["GKAUDIT_SUMMARY_PATH"])
    summary = _read_json(summary_path)
    if summary and summary.get("finish_reason") == "finished":
        return                                       # it ended before the Ctrl-C reached it
    keep = out_dir / rundir.RESUME_DIR
    if atomic.partials(pages) or atomic.partials(warc):        # killed: gathered into .resume/ ...
        resume.prepare(out_dir)
        for name in (rundir.PAGES, rundir.WARC):            # ... and used as this run's snapshot
            if (keep / name).exists():
                _link(keep / name, out_dir / name)
    elif pages.exists():                                 # closed its files: kept for --resume as they are
        keep.mkdir(exist_ok=True)
        for name in (rundir.PAGES, rundir.WARC):
            if (out_dir / name).exists():
                _link(out_dir / name, keep / name)
    if not pages.exists():
        atomic.write_bytes(pages, gzip.compress(b""))    # nothing fetched: an empty snapshot
    if summary is None:
        atomic.write_text(summary_path, json.dumps(_summary_of(job, pages), ensure_ascii=False, indent=2))


def _link(source: Path, target: Path) -> None:
    """``target`` becomes the same file as ``source`` (a copy where hard links are not possible)."""
    temporary = target.with_name(f".{target.name}.link")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def _summary_of(job: dict, pages: Path) -> dict:
    """A crawl summary counted from the records, for a crawl killed before it wrote its own."""
    counts = {"pages": 0, "checks": 0, "errors": 0, "skipped": 0}
    for record in resume.read_records(pages):
        if record.get("status") is None:
            counts["errors" if record.get("error") and not record.get("skipped") else "skipped"] += 1
            continue
        fetched = "checks" if record.get("role") == "check" or record.get("kind") == "attachment" else "pages"
        counts[fetched] += 1
        if record.get("error") or record["status"] >= 400:
            counts["errors"] += 1
    return {"start_url": job["spider_args"].get("url"), "finish_reason": "shutdown", **counts}


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def crawl_site(url: str, out_dir: Path, opts: CrawlOptions) -> dict:
    """Crawl one site into ``out_dir``; return the crawl summary. Interrupted by Ctrl-C, the summary
    of what was fetched (finish reason ``shutdown``): the audit reports on it, marked interrupted,
    and ``--resume`` continues it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / rundir.CRAWL_SUMMARY).unlink(missing_ok=True)        # a stale summary would pass for a finished crawl
    try:
        run_crawls([crawl_job(url, out_dir, opts)])
    except CrawlInterrupted:
        summary = read_summary(out_dir)
        if summary.get("finish_reason") == "finished":
            resume.finish(out_dir)
        return summary
    summary = read_summary(out_dir)
    resume.finish(out_dir)
    return summary


def read_summary(run_dir: Path) -> dict:
    path = run_dir / rundir.CRAWL_SUMMARY
    if not path.exists():
        raise CrawlError(f"抓取未产生结果：缺少 {path}")
    return json.loads(path.read_text(encoding="utf-8"))
