"""Run crawls in this process: ``python -m spiders.run JOB.json``.

The job file lists one or more crawls (spider arguments and settings). They share one Twisted
reactor and run concurrently, each under its own per-host limits. ``auditor.app.crawl`` starts this
module in a child process, so every audit gets a fresh reactor and a crash cannot take the caller
down with it.
"""
from __future__ import annotations

import json
import os
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from spiders import extraction
from spiders import settings as project_settings
from spiders.disclosure import DisclosureSpider
from spiders.lifeline import die_with_parent


def settings_for(overrides: dict) -> Settings:
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.update(overrides, priority="cmdline")
    return settings


def run(job: dict) -> int:
    crawls = job["crawls"]
    # project settings only: per-crawl settings ride on each spider class (priority "spider"); a
    # crawl's settings given to the process would outrank every other crawl's
    shared = {k: v for k, v in crawls[0].get("settings", {}).items() if k in ("LOG_FILE", "LOG_LEVEL")}
    if job.get("log_file"):
        shared["LOG_FILE"] = job["log_file"]          # a batch logs all its sites into one file
    workers = job.get("extract_workers")
    extraction.start_pool(extraction.default_workers() if workers is None else int(workers))
    try:
        return _crawl(crawls, shared)
    finally:
        extraction.stop_pool()


def _crawl(crawls: list[dict], shared: dict) -> int:
    process = CrawlerProcess(settings_for(shared))
    for i, crawl in enumerate(crawls):
        # per-crawl settings the Scrapy way: a spider subclass carrying them as custom_settings
        spidercls = type(f"DisclosureSpider{i}", (DisclosureSpider,),
                         {"custom_settings": dict(crawl.get("settings", {}))})
        process.crawl(spidercls, **crawl.get("spider_args", {}))
    process.start()
    return 0


def main(argv: list[str]) -> int:
    die_with_parent(os.getppid())          # started by auditor.app.crawl: no crawl outlives its gkaudit
    with open(argv[0], encoding="utf-8") as fh:
        return run(json.load(fh))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
