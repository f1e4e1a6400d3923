"""Run crawls in this process: ``python -m spiders.run JOB.json``.

The job file lists one or more crawls (spider arguments and settings). They share one Twisted
reactor and run concurrently, each under its own per-host limits. ``auditor.app.crawl`` starts this
module in a child process, so every audit gets a fresh reactor and a crash cannot take the caller
down with it.

Stopping is the caller's: Ctrl-C at a terminal reaches every process of the group, and gkaudit
starts this one with SIGINT ignored (its extraction workers inherit that) and asks it to stop with
SIGTERM. Then every crawl closes now, as it stands: its item pipelines and the spider_closed
handlers run (the records, the WARC and the crawl summary are written and published, finish reason
``shutdown``) and the process exits. Scrapy's own graceful stop would first wait for every
download and every page being read — a slow server or a large page held it for minutes. What was
on its way is not recorded, so ``--resume`` fetches it (``auditor.app.crawl`` keeps the run for it).
"""
from __future__ import annotations

import json
import logging
import os
import signal
import sys

from scrapy import signals
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
    _stop_on_sigterm(process)
    process.start(install_signal_handlers=False)      # SIGINT stays as inherited (ignored under gkaudit)
    return 0


def _stop_on_sigterm(process: CrawlerProcess) -> None:
    """SIGTERM: close every crawl now and exit (a second SIGTERM while that runs: exit at once)."""
    from twisted.internet import reactor

    stopping: list[int] = []

    def on_signal(signum, frame):
        if stopping:
            os._exit(128 + signum)
        stopping.append(signum)
        reactor.callFromThread(_close_now, list(process.crawlers))

    signal.signal(signal.SIGTERM, on_signal)


def _close_now(crawlers) -> None:
    """Close each crawl as Scrapy closes one — item pipelines, then the spider_closed signal — without
    waiting for what is in flight, and end the process; the extraction workers die with it."""
    log = logging.getLogger(__name__)
    for crawler in crawlers:
        engine = getattr(crawler, "engine", None)
        spider = getattr(engine, "spider", None)
        if spider is None:
            continue                     # not started, or closed already (a batch's finished site)
        for pipeline in engine.scraper.itemproc.middlewares:
            try:
                pipeline.close_spider(spider)
            except Exception:            # noqa: BLE001 - the others still close
                log.exception("closing %s failed", pipeline)
        crawler.signals.send_catch_log(signal=signals.spider_closed, spider=spider, reason="shutdown")
    logging.shutdown()
    os._exit(0)


def main(argv: list[str]) -> int:
    die_with_parent(os.getppid())          # started by auditor.app.crawl: no crawl outlives its gkaudit
    with open(argv[0], encoding="utf-8") as fh:
        return run(json.load(fh))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
