"""Page extraction beside the crawl, in a worker process.

Extraction (parsing, text, dates, footer markers) costs about as much CPU per page as Scrapy's own
work. Done inside the callback it runs on the crawl's only thread: the crawl uses one core, and a
5 MB page or a page nested 10,000 deep holds the event loop for seconds, so downloads stall and
their timeouts fire late. With a pool, the crawl process hands each body to a worker process and
goes on downloading while it is read.

``spiders.run`` starts the pool before Scrapy starts its reactor and threads, so the workers are
forked from a quiet process and inherit the imported extractor (no start-up cost). Without a pool
(``scrapy crawl`` directly, or 0 workers) pages are extracted inline, as before.

A page the extractor cannot finish within ``TIMEOUT`` seconds, or one that kills its worker, gets
a record saying so; the workers are then replaced (from a fork server: the crawl process has
threads by then) and the crawl goes on. Pages that were in the pool beside a crashing one are
read again, each alone, so they are not lost with it.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from auditor.core.extract import extract_page
from auditor.core.models import PageRecord

from spiders.lifeline import die_with_parent

log = logging.getLogger(__name__)
TIMEOUT = float(os.environ.get("GKAUDIT_EXTRACT_TIMEOUT", "60"))
_pool: ProcessPoolExecutor | None = None
_workers = 0


def default_workers() -> int:
    """One worker beside the crawl when there is a second core; none on a single core."""
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def start_pool(workers: int) -> None:
    """Fork the workers now, while the process has no threads (call before the reactor starts)."""
    global _pool, _workers
    if workers <= 0 or _pool is not None:
        return
    _workers = workers
    _pool = _new_pool("fork")
    _pool.submit(int).result()          # fork every worker now, not later from a threaded process


def _new_pool(method: str) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(_workers, mp_context=multiprocessing.get_context(method),
                               initializer=die_with_parent)


def stop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes now (the executor has no public way to)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


def _replace(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's workers (one is stuck or dead) and start fresh ones."""
    global _pool
    if _pool is not pool:
        return                          # replaced already, for another page of the same batch
    _kill(pool)
    # not cancel_futures: the pages still queued then fail as BrokenProcessPool, and are read again
    pool.shutdown(wait=False)
    _pool = _new_pool("forkserver")


async def extract(url: str, body: bytes, content_type: str | None, **fields) -> PageRecord:
    """``auditor.core.extract.extract_page`` in the worker pool if there is one, else inline. An
    ``on_tree`` hook must be a module-level function (it is sent to the worker by name).

    When a worker dies, every page the pool held fails with it. Each is read again alone, in a
    process of its own, so only the page that kills its own process is recorded as unreadable."""
    pool = _pool
    try:
        if pool is None:
            return extract_page(url, body, content_type, **fields)
        return await _run(pool, url, body, content_type, fields)
    except (asyncio.TimeoutError, BrokenProcessPool) as exc:
        # the clock ran from the submit, so a page may have timed out waiting behind a stuck one;
        # and every page the pool held fails when one kills it: each is read again, alone
        if isinstance(exc, asyncio.TimeoutError):
            log.error("extraction of %s took over %s s; workers replaced", url, TIMEOUT)
        _replace(pool)
        why = await _alone(url, body, content_type, fields)
        if not isinstance(why, str):
            return why
    except Exception as exc:                 # noqa: BLE001 - a page the extractor fails on is a finding, not a crash
        log.exception("extraction of %s failed", url)
        why = f"页面解析出错（{type(exc).__name__}），未能读取该页面"
    keep = {k: v for k, v in fields.items() if k in PageRecord.model_fields and k != "on_tree"}
    return PageRecord(url=url, content_type=content_type, size=len(body), error=why, **keep)


async def _run(pool: ProcessPoolExecutor, url: str, body: bytes, content_type: str | None, fields: dict):
    future = pool.submit(extract_page, url, body, content_type, **fields)
    return await asyncio.wait_for(asyncio.wrap_future(future), TIMEOUT)


_ALONE_AT_ONCE = 2
_alone_slots: tuple[object, asyncio.Semaphore] | None = None     # (its event loop, the semaphore)


async def _alone(url: str, body: bytes, content_type: str | None, fields: dict) -> PageRecord | str:
    """The page read again in a process of its own: its record, or why it cannot be read. At most
    two such processes at a time (a pool may have held a dozen pages when it was replaced)."""
    global _alone_slots
    loop = asyncio.get_running_loop()
    if _alone_slots is None or _alone_slots[0] is not loop:
        _alone_slots = (loop, asyncio.Semaphore(_ALONE_AT_ONCE))
    async with _alone_slots[1]:
        return await _solo(url, body, content_type, fields)


async def _solo(url: str, body: bytes, content_type: str | None, fields: dict) -> PageRecord | str:
    solo = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=die_with_parent)
    try:
        return await _run(solo, url, body, content_type, fields)
    except asyncio.TimeoutError:
        return f"页面解析超时（超过 {TIMEOUT:g} 秒），未能读取该页面"
    except BrokenProcessPool:
        log.error("extraction of %s kills its worker; recorded as unreadable", url)
        return "页面解析进程异常退出，未能读取该页面"
    except Exception as exc:                 # noqa: BLE001
        return f"页面解析出错（{type(exc).__name__}），未能读取该页面"
    finally:
        _kill(solo)
        solo.shutdown(wait=False, cancel_futures=True)
