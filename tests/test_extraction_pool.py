"""The extraction worker pool: a page that hangs or kills the extractor gets an error record, and
the crawl's extraction goes on with fresh workers."""
from __future__ import annotations

import asyncio
import os
import time

from spiders import extraction


def hang(root, record):                   # an on_tree hook standing in for a pathological page
    time.sleep(60)


def die(root, record):
    os._exit(9)


def _extract(body: bytes, **fields):
    return asyncio.run(extraction.extract("http://gov.test/a.html", body, "text/html", **fields))


def test_a_hanging_or_crashing_page_gets_an_error_record_and_fresh_workers(monkeypatch):
    monkeypatch.setattr(extraction, "TIMEOUT", 2.0)
    extraction.start_pool(1)
    try:
        started = time.monotonic()
        hung = _extract(b"<html><body><p>x</p></body></html>", on_tree=hang, status=200)
        assert "超时" in hung.error and hung.status == 200 and time.monotonic() - started < 20
        assert _extract(b"<html><head><title>ok</title></head></html>").title == "ok"
        crashed = _extract(b"<html><body>x</body></html>", on_tree=die)
        assert "异常退出" in crashed.error
        assert _extract(b"<html><head><title>again</title></head></html>").title == "again"
    finally:
        extraction.stop_pool()


def test_pages_beside_a_crashing_one_are_read_again_not_lost(monkeypatch):
    monkeypatch.setattr(extraction, "TIMEOUT", 20.0)
    extraction.start_pool(1)

    async def both():
        return await asyncio.gather(
            extraction.extract("http://gov.test/bad.html", b"<html><body>x</body></html>", "text/html", on_tree=die),
            extraction.extract("http://gov.test/good.html", b"<html><head><title>fine</title></head></html>",
                               "text/html"))
    try:
        bad, good = asyncio.run(both())
        assert "异常退出" in bad.error
        assert good.error is None and good.title == "fine"
    finally:
        extraction.stop_pool()


def test_pages_queued_behind_a_hanging_one_are_read_not_timed_out(monkeypatch):
    monkeypatch.setattr(extraction, "TIMEOUT", 2.0)
    extraction.start_pool(1)

    async def queue():
        pages = [extraction.extract("http://gov.test/stuck.html", b"<html><body>x</body></html>", "text/html",
                                    on_tree=hang)]
        pages += [extraction.extract(f"http://gov.test/{i}.html", f"<html><head><title>第{i}页</title></head></html>"
                                     .encode(), "text/html") for i in range(5)]
        return await asyncio.gather(*pages)
    try:
        stuck, *rest = asyncio.run(queue())
        assert "超时" in stuck.error
        assert [r.title for r in rest] == [f"第{i}页" for i in range(5)] and not any(r.error for r in rest)
    finally:
        extraction.stop_pool()
