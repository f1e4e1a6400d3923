"""A one-line progress display on a terminal: pages done, queued, errors and rate.

One line for the whole process: a batch crawls many sites at once, and their counts are summed
(sites finished / all sites).
"""
from __future__ import annotations

import sys
import time

from scrapy import signals
from twisted.internet import task


class _Board:
    """What every crawler of the process reports to the one line."""

    def __init__(self):
        self.active: dict[object, object] = {}       # spider -> crawler
        self.finished: list[dict] = []
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    def line(self) -> str:
        spiders = list(self.active)
        counts = [getattr(s, "counts", {}) for s in spiders] + self.finished
        pages = sum(c.get("pages", 0) for c in counts)
        checks = sum(c.get("checks", 0) for c in counts)
        errors = sum(c.get("errors", 0) for c in counts)
        queued = sum(_queued(crawler) for crawler in self.active.values())
        rate = (pages + checks) / max(time.monotonic() - self.started, 1e-6)
        total = len(spiders) + len(self.finished)
        where = f"{spiders[0].start_url}" if total == 1 and spiders else f"网站 {len(self.finished)}/{total} 已完成"
        return (f"\r抓取中 {where}  页面 {pages}  链接检查 {checks}  排队 {queued}  错误 {errors}  "
                f"{rate:.1f} 个/秒")


def _queued(crawler) -> int:
    try:
        engine = crawler.engine
        return len(engine._slot.scheduler) if engine and engine._slot else 0  # noqa: SLF001
    except (AttributeError, TypeError):
        return 0


_BOARD = _Board()


class CrawlProgress:
    def __init__(self, crawler):
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("GKAUDIT_PROGRESS") and sys.stderr.isatty()

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        if not self.enabled:
            return
        _BOARD.active[spider] = self.crawler
        if _BOARD.loop is None or not _BOARD.loop.running:
            _BOARD.started = time.monotonic()
            _BOARD.loop = task.LoopingCall(self.show)
            _BOARD.loop.start(1.0, now=False)

    @staticmethod
    def show(final: bool = False):
        sys.stderr.write(_BOARD.line()[:160].ljust(100) + ("\n" if final else ""))
        sys.stderr.flush()

    def spider_closed(self, spider, reason):
        if spider not in _BOARD.active:
            return
        del _BOARD.active[spider]
        _BOARD.finished.append(dict(getattr(spider, "counts", {})))
        if not _BOARD.active and _BOARD.loop is not None and _BOARD.loop.running:
            _BOARD.loop.stop()
            self.show(final=True)
