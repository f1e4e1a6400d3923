"""Page extraction beside the crawl, in a worker process.

Extraction (parsing, text, dates, footer markers) costs about as much CPU per page as Scrapy's own
work. Done inside the callback it runs on the crawl's only thread: the crawl uses one core, and a
5 MB page or a page nested 10,000 deep holds the event loop for seconds, so downloads stall and
their timeouts fire late. With ``GKAUDIT_EXTRACT_WORKERS`` > 0 the crawl process hands each body
to a worker process and goes on downloading while it is read.

``spiders.run`` starts the pool before Scrapy starts its reactor and threads, so the workers are
forked from a quiet process and inherit the imported extractor (no start-up cost). Without a pool
(``scrapy crawl`` directly, or 0 workers) pages are extracted inline, as before.

If a worker dies (a page that crashes the parser), the pages it held get a record saying so, and
the crawl goes on extracting inline.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from auditor.extract import extract_page
from auditor.models import PageRecord

from .lifeline import die_with_parent

log = logging.getLogger(__name__)
_pool: ProcessPoolExecutor | None = None


def default_workers() -> int:
    """One worker beside the crawl when there is a second core; none on a single core."""
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def start_pool(workers: int) -> None:
    """Fork the workers now, while the process has no threads (call before the reactor starts)."""
    global _pool
    if workers <= 0 or _pool is not None:
        return
    _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                initializer=die_with_parent, initargs=(os.getpid(),))
    _pool.submit(int).result()          # fork every worker now, not later from a threaded process


def stop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


async def extract(url: str, body: bytes, content_type: str | None, **fields) -> PageRecord:
    """``auditor.extract.extract_page`` in the worker pool if there is one, else inline. An
    ``on_tree`` hook must be a module-level function (it is sent to the worker by name)."""
    global _pool
    pool = _pool
    if pool is None:
        return extract_page(url, body, content_type, **fields)
    try:
        return await asyncio.wrap_future(pool.submit(extract_page, url, body, content_type, **fields))
    except BrokenProcessPool:
        if _pool is pool:
            log.error("extraction worker died on or near %s; extracting inline from now on", url)
            _pool = None
            pool.shutdown(wait=False, cancel_futures=True)
        keep = {k: v for k, v in fields.items() if k in PageRecord.model_fields}
        return PageRecord(url=url, content_type=content_type, size=len(body),
                          error="页面解析进程异常退出，未能读取该页面", **keep)
