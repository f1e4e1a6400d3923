"""One round of availability probes (``gkaudit probe``, SPEC §9): every site's homepage, concurrently,
each within PROBE_LIMIT_S (15 s, 19号 “站点无法访问”), recording when, the HTTP status, how it failed
(dns, connect, tls, timeout, http, redirect) and how long it took — and the homepage's newest item date,
for 首页不更新 judged over two weeks.

A probe follows at most MAX_REDIRECTS redirects, never to a private or loopback address unless the
probed site itself is one or the user allows it (``--allow-private``); it reads at most MAX_BODY bytes;
it runs no script. Slow or failing sites do not hold up the others: the round takes about as long as
its slowest probe.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
import os
import resource
import socket
import ssl
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from auditor.core.extract.charset import decode_html
from auditor.core.extract.html import ParseError, parse
from auditor.core.extract.links import base_url, extract_items
from auditor.core.probes import PROBE_LIMIT_S

MAX_REDIRECTS = 5
MAX_BODY = 5 * 1024 * 1024
CONCURRENCY = 1000          # probes in flight at once (fewer when the open-file limit is lower)
LAG_TICK = 0.1             # seconds between the loop-lag watcher's wake-ups
LAG_WARNING = 1.0          # a loop this late (seconds) makes the round's timings doubtful
DATE_READERS = 2            # processes that read the homepages' newest item dates
# as a browser announces itself: a probe that a firewall turns away for its name is no sign the site is down
USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
DNS_THREADS = 64            # name lookups at once (asyncio's default pool has a handful: probes would queue)


@dataclass(frozen=True)
class Target:
    url: str
    name: str | None = None


def _private(host: str) -> bool:
    from spiders.scope import private_address
    return private_address(host)


def _tls_failure(exc: BaseException) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ssl.SSLError) or "SSL" in type(exc).__name__ or "CERTIFICATE" in str(exc).upper():
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def newest_item(url: str, body: bytes, content_type: str | None, today: dt.date) -> dt.date | None:
    """The newest dated entry the homepage lists (None when it lists none or cannot be read)."""
    if not body:
        return None
    text, _charset = decode_html(body, content_type)
    try:
        root = parse(text)
    except ParseError:
        return None
    dates = [item.date for item in extract_items(root, base_url(root, url), latest=today) if item.date]
    newest = max(dates, default=None)
    try:
        return dt.date.fromisoformat(newest) if newest else None
    except ValueError:
        return None


def open_file_limit() -> int:
    """The process's open-file limit, raised to the hard limit first."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
            soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        except (ValueError, OSError):
            pass
    return soft if soft != resource.RLIM_INFINITY else 65536


class Prober:
    def __init__(self, limit: float = PROBE_LIMIT_S, allow_private: bool = False, concurrency: int = CONCURRENCY):
        self.limit = limit
        self.allow_private = allow_private
        self.concurrency = concurrency
        self.read_dates: ProcessPoolExecutor | None = None
        self.max_lag = 0.0                  # the event loop's worst lateness in the last round (seconds)

    def run(self, targets: list[Target], on_result=None, read_dates: bool = True) -> list[dict]:
        """Probe every target once; ``on_result(result)`` is called as each finishes. The homepages'
        dates are read in other processes at the lowest priority, so parsing pages does not delay the
        probes' clocks (a late clock would record a site as slow that was not)."""
        if not read_dates:
            self.read_dates = None
            return asyncio.run(self._round(targets, on_result))
        workers = max(1, min(DATE_READERS, os.cpu_count() or 1))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=os.nice, initargs=(19,)) as pool:     # parsing yields to probing
            self.read_dates = pool
            return asyncio.run(self._round(targets, on_result))

    async def _round(self, targets: list[Target], on_result) -> list[dict]:
        # a socket the process may not open would read as the site failing: stay under the limit
        concurrency = max(1, min(self.concurrency, open_file_limit() - 100))
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=0)
        timeout = httpx.Timeout(self.limit)
        gate = asyncio.Semaphore(concurrency)
        results: list[dict] = []
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(DNS_THREADS))
        # certificates are not verified, as the crawl does not: a chain a browser completes by itself, or a
        # certificate problem, is no sign that the site cannot be opened (19号 asks whether it opens)
        async with httpx.AsyncClient(limits=limits, timeout=timeout, follow_redirects=False, verify=False,
                                     headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                                     trust_env=False) as client:
            async def one(target: Target):
                async with gate:
                    result = await self._probe(client, target)
                results.append(result)
                if on_result is not None:
                    on_result(result)
            watch = asyncio.create_task(self._watch_lag())
            await asyncio.gather(*(one(t) for t in targets))
            watch.cancel()
        return results

    async def _watch_lag(self) -> None:
        """How late the event loop wakes up: a busy machine makes every probe's clock run long."""
        self.max_lag = 0.0
        while True:
            before = time.monotonic()
            await asyncio.sleep(LAG_TICK)
            self.max_lag = max(self.max_lag, time.monotonic() - before - LAG_TICK)

    async def _probe(self, client: httpx.AsyncClient, target: Target) -> dict:
        """One probe; whatever a site answers, it gives a result and never stops the round."""
        try:
            return await self._probe_once(client, target)
        except Exception as exc:           # noqa: BLE001 - a bad Location, an unreadable page: this site only
            return {"url": target.url, "name": target.name, "at": dt.datetime.now(dt.timezone.utc), "ok": False,
                    "status": None, "error": f"other: {type(exc).__name__}: {str(exc)[:200]}", "seconds": None,
                    "newest": None, "final_url": None}

    async def _probe_once(self, client: httpx.AsyncClient, target: Target) -> dict:
        at = dt.datetime.now(dt.timezone.utc)
        started = time.monotonic()
        result = {"url": target.url, "name": target.name, "at": at, "ok": False, "status": None, "error": None,
                  "seconds": None, "newest": None, "final_url": None}
        try:
            async with asyncio.timeout(self.limit):
                status, body, ctype, final, error = await self._fetch(client, target.url)
        except TimeoutError:
            status, body, ctype, final, error = None, b"", None, None, f"timeout: {self.limit:g} 秒内未能打开"
        result["seconds"] = round(time.monotonic() - started, 3)
        result.update(status=status, final_url=final, error=error)
        result["ok"] = error is None and status is not None and status < 400
        if status is not None and status >= 400 and error is None:
            result["error"] = f"http: HTTP {status}"
        if result["ok"] and body and self.read_dates is not None:
            china_today = (at + dt.timedelta(hours=8)).date()
            try:
                result["newest"] = await asyncio.get_running_loop().run_in_executor(
                    self.read_dates, newest_item, final or target.url, body, ctype, china_today)
            except Exception:              # noqa: BLE001 - the date is extra; the probe's verdict stands
                result["newest"] = None
        return result

    async def _fetch(self, client: httpx.AsyncClient, url: str):
        """(status, body, content type, final URL, error or None), following redirects."""
        first_host = urlsplit(url).hostname or ""
        allow_private = self.allow_private or _private(first_host)
        loop = asyncio.get_running_loop()
        for hop in range(MAX_REDIRECTS + 1):
            try:
                parts = urlsplit(url)
                host, port = parts.hostname, parts.port
            except ValueError:
                return None, b"", None, url, f"redirect: 跳转到无效地址 {url[:200]}"
            if parts.scheme not in ("http", "https") or not host:
                return None, b"", None, url, f"redirect: 跳转到无效地址 {url[:200]}"
            try:
                await loop.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80),
                                       type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                return None, b"", None, url, f"dns: 域名无法解析（{host}：{exc}）"
            if hop and not allow_private and _private(host):
                return None, b"", None, url, f"redirect: 跳转到内网地址 {host}，未跟随"
            try:
                async with client.stream("GET", url) as response:
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) >= MAX_BODY:
                            break
                    status, ctype = response.status_code, response.headers.get("content-type")
                    location = response.headers.get("location")
            except httpx.ConnectTimeout:
                return None, b"", None, url, f"timeout: 连接 {host} 超时"
            except httpx.TimeoutException:
                return None, b"", None, url, "timeout: 读取超时"
            except httpx.ConnectError as exc:
                kind = "tls" if _tls_failure(exc) else "connect"
                return None, b"", None, url, f"{kind}: {str(exc)[:200] or type(exc).__name__}"
            except httpx.HTTPError as exc:
                kind = "tls" if _tls_failure(exc) else "http"
                return None, b"", None, url, f"{kind}: {str(exc)[:200] or type(exc).__name__}"
            except (httpx.InvalidURL, ValueError) as exc:
                return None, b"", None, url, f"redirect: 地址无效（{str(exc)[:200]}）"
            if status in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                continue
            return status, bytes(body), ctype, url, None
        return None, b"", None, url, f"redirect: 跳转超过 {MAX_REDIRECTS} 次"
