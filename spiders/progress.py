"""A one-line progress display on a terminal: pages done, queued, errors, rate."""
from __future__ import annotations

import sys
import time

from scrapy import signals
from twisted.internet import task


class CrawlProgress:
    def __init__(self, crawler):
        self.crawler = crawler
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()
        self.enabled = crawler.settings.getbool("GKAUDIT_PROGRESS") and sys.stderr.isatty()

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        if self.enabled:
            self.started = time.monotonic()
            self.loop = task.LoopingCall(self.show, spider)
            self.loop.start(1.0, now=False)

    def show(self, spider, final: bool = False):
        counts = getattr(spider, "counts", {})
        queued = 0
        engine = self.crawler.engine
        try:
            queued = len(engine._slot.scheduler) if engine and engine._slot else 0  # noqa: SLF001
        except (AttributeError, TypeError):
            queued = 0
        elapsed = max(time.monotonic() - self.started, 1e-6)
        done = counts.get("pages", 0) + counts.get("checks", 0)
        line = (f"\r抓取中 {spider.start_url}  页面 {counts.get('pages', 0)}  链接检查 {counts.get('checks', 0)}"
                f"  排队 {queued}  错误 {counts.get('errors', 0)}  {done / elapsed:.1f} 个/秒")
        sys.stderr.write(line[:160].ljust(100) + ("\n" if final else ""))
        sys.stderr.flush()

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
            self.show(spider, final=True)
