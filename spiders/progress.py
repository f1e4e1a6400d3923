"""A one-line progress display on a terminal: pages done, queued, errors and rate.

One line for the whole process: a batch crawls many sites at once, and their counts are summed
(sites finished / all sites). A batch spread over several processes gives each a
``GKAUDIT_PROGRESS_FILE``: the process writes its counts there, and the parent sums the files
into the one line (``show_summed``).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from auditor.core.atomic import write_text

from scrapy import signals
from twisted.internet import task


class _Board:
    """What every crawler of the process reports to the one line."""

    def __init__(self):
        self.active: dict[object, object] = {}       # spider -> crawler
        self.finished: list[dict] = []
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    def counts(self) -> dict:
        spiders = list(self.active)
        counts = [getattr(s, "counts", {}) for s in spiders] + self.finished
        summed = {key: sum(c.get(key, 0) for c in counts) for key in ("pages", "checks", "errors")}
        return dict(summed, queued=sum(_queued(crawler) for crawler in self.active.values()),
                    sites=len(spiders) + len(self.finished), finished=len(self.finished),
                    elapsed=time.monotonic() - self.started,
                    start_url=spiders[0].start_url if len(spiders) == 1 else None)

    def line(self) -> str:
        return progress_line(self.counts())


def progress_line(c: dict) -> str:
    """The terminal line for counts of one process or summed over several."""
    rate = (c["pages"] + c["checks"]) / max(c["elapsed"], 1e-6)
    where = c["start_url"] if c["sites"] == 1 and c.get("start_url") else f"网站 {c['finished']}/{c['sites']} 已完成"
    return (f"\r抓取中 {where}  页面 {c['pages']}  链接检查 {c['checks']}  排队 {c['queued']}  "
            f"错误 {c['errors']}  {rate:.1f} 个/秒")


def show_summed(files: list[Path], final: bool = False) -> None:
    """One line from the counts several crawl processes wrote (see GKAUDIT_PROGRESS_FILE)."""
    parts = []
    for path in files:
        try:
            parts.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue                       # not written yet
    if not parts:
        return
    keys = ("pages", "checks", "errors", "queued", "sites", "finished")
    summed = {key: sum(p.get(key, 0) for p in parts) for key in keys}
    summed["elapsed"] = max(p.get("elapsed", 0) for p in parts)
    summed["start_url"] = None
    _write(progress_line(summed), final)


def _write(line: str, final: bool) -> None:
    sys.stderr.write(line[:160].ljust(100) + ("\n" if final else ""))
    sys.stderr.flush()


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
        self.file = crawler.settings.get("GKAUDIT_PROGRESS_FILE")
        self.enabled = crawler.settings.getbool("GKAUDIT_PROGRESS") and (bool(self.file) or sys.stderr.isatty())

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

    def show(self, final: bool = False):
        if self.file:
            write_text(self.file, json.dumps(_BOARD.counts(), ensure_ascii=False))
        else:
            _write(_BOARD.line(), final)

    def spider_closed(self, spider, reason):
        if spider not in _BOARD.active:
            return
        del _BOARD.active[spider]
        _BOARD.finished.append(dict(getattr(spider, "counts", {})))
        if not _BOARD.active and _BOARD.loop is not None and _BOARD.loop.running:
            _BOARD.loop.stop()
            self.show(final=True)
