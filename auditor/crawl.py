"""Start a crawl of one site in a child process and wait for it.

The child runs ``spiders.run`` (Scrapy, Twisted reactor); the parent only sees files: the
snapshot, the WARC and the crawl summary. This keeps the judging side free of Scrapy and lets
one Python process run many audits (tests, batch) without restarting a reactor.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CrawlError

PAGES = "pages.jsonl.gz"
WARC = "crawl.warc.gz"
SUMMARY = "crawl.json"


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
    extra_settings: dict = field(default_factory=dict)


def crawl_job(url: str, out_dir: Path, opts: CrawlOptions) -> dict:
    settings = {
        "GKAUDIT_PAGES_PATH": str(out_dir / PAGES),
        "GKAUDIT_WARC_PATH": str(out_dir / WARC),
        "GKAUDIT_SUMMARY_PATH": str(out_dir / SUMMARY),
        "GKAUDIT_MAX_PAGES": opts.max_pages,
        "GKAUDIT_MAX_CHECKS": max(opts.max_pages * 3, 100),
        "GKAUDIT_ALLOWED_HOSTS": list(opts.allowed_hosts),
        "GKAUDIT_PROGRESS": opts.progress,
        "LOG_FILE": str(out_dir / "crawl.log"),
        "ROBOTSTXT_OBEY": opts.obey_robots,
        "DEPTH_LIMIT": opts.max_depth,
        "DOWNLOAD_TIMEOUT": opts.timeout,
        "CONCURRENT_REQUESTS_PER_DOMAIN": opts.concurrency_per_host,
        "DOWNLOAD_DELAY": opts.delay,
        "AUTOTHROTTLE_ENABLED": opts.autothrottle,
        "GKAUDIT_CHECK_EXTERNAL": opts.check_external,
        "GKAUDIT_ALLOW_PRIVATE": opts.allow_private,
        **opts.extra_settings,
    }
    return {"spider_args": {"url": url}, "settings": settings}


def run_crawls(jobs: list[dict], log_file: Path | None = None) -> None:
    """Run the crawls in one child process; raise CrawlError if the child itself fails.

    Scrapy logs into each run's ``crawl.log``; the terminal keeps only the progress line.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump({"crawls": jobs, "log_file": str(log_file) if log_file else None}, fh, ensure_ascii=False)
        job_file = fh.name
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    try:
        proc = subprocess.run([sys.executable, "-m", "spiders.run", job_file],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
    finally:
        os.unlink(job_file)
    if proc.returncode != 0:
        raise CrawlError(f"抓取进程异常退出（退出码 {proc.returncode}），详见 {log_file or 'crawl.log'}")


def crawl_site(url: str, out_dir: Path, opts: CrawlOptions) -> dict:
    """Crawl one site into ``out_dir``; return the crawl summary."""
    out_dir.mkdir(parents=True, exist_ok=True)
    run_crawls([crawl_job(url, out_dir, opts)])
    return read_summary(out_dir)


def read_summary(run_dir: Path) -> dict:
    path = run_dir / SUMMARY
    if not path.exists():
        raise CrawlError(f"抓取未产生结果：缺少 {path}")
    return json.loads(path.read_text(encoding="utf-8"))
