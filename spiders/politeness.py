"""429 Too Many Requests: when a host asks to wait (Retry-After), pause the host, then try again.

One pause for the host, not one wait per request: every request to the host waits until the pause
ends (the requests already on their way when it said so are tried again after it), and a 429 that
arrives while the host is paused does not lengthen the pause. A host that asks for more than
GKAUDIT_MAX_RETRY_AFTER seconds — or whose pauses add up to more than GKAUDIT_MAX_HOST_PAUSE — is
given up: its requests from then on fail at once, each on record (``skipped: retry_after`` with the
wait it asked for), and the crawl summary says it was cut. ``Retry-After: 86400`` used to cost
three waits of 60 s for every URL of the site, about six hours for 2,000 URLs.
"""
from __future__ import annotations

import asyncio
import email.utils
import time
from collections import Counter
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

DEFAULT_WAIT = 5.0          # a 429 that does not say how long


class _HostPaused(Exception):
    """A request taken back from the downloader's queue while its host is paused: tried again after."""


class HostAskedTooLong(IgnoreRequest):
    """A request to a host given up on: it asked to wait longer than the crawl waits."""

    def __init__(self, host: str, wait: float, limit: float):
        super().__init__(f"{host} asked to wait {wait:.0f} s (limit {limit:.0f} s)")
        self.host, self.wait, self.limit = host, wait, limit


def retry_after_seconds(value: bytes | None) -> float:
    """Seconds from a Retry-After header (a number or an HTTP date), as asked."""
    if not value:
        return DEFAULT_WAIT
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text).timestamp()
        return max(0.0, when - time.time())
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_WAIT


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


class RetryAfterMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.max_tries = settings.getint("RETRY_TIMES", 2) + 1
        self.max_wait = settings.getfloat("GKAUDIT_MAX_RETRY_AFTER", 60.0)
        self.max_paused = settings.getfloat("GKAUDIT_MAX_HOST_PAUSE", 300.0)
        self.resume_at: dict[str, float] = {}       # host -> when its pause ends (monotonic)
        self.paused: Counter = Counter()             # host -> seconds paused so far
        self.given_up: dict[str, HostAskedTooLong] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request):
        host = _host(request.url)
        if host not in self.given_up:
            wait = self.resume_at.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        if host in self.given_up:
            raise self.given_up[host]
        return None

    async def process_response(self, request, response):
        if response.status != 429:
            return response
        host = _host(request.url)
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        now = time.monotonic()
        paused = self.resume_at.get(host, 0.0) > now
        if not paused and (wait > self.max_wait or self.paused[host] + wait > self.max_paused):
            if host not in self.given_up:
                self.given_up[host] = HostAskedTooLong(host, wait, self.max_wait)
                self.crawler.stats.inc_value("gkaudit/retry_after_hosts_given_up")
                self._take_back(request, host, self.given_up[host])
            return response                     # recorded as 429; the host's other requests fail at once
        tries = request.meta.get("gk_429", 0)
        if tries >= self.max_tries:
            return response                     # recorded as 429: the server kept refusing
        if not paused:                          # one pause for the whole host
            self.resume_at[host] = now + wait
            self.paused[host] += wait
            self.crawler.stats.inc_value("gkaudit/retry_after_waits")
            self._take_back(request, host, _HostPaused())
        retry = request.copy()
        retry.meta["gk_429"] = tries + 1
        retry.dont_filter = True
        return retry

    async def process_exception(self, request, exception):
        if isinstance(exception, _HostPaused):   # back through process_request: it waits out the pause
            retry = request.copy()
            retry.dont_filter = True
            return retry
        return None

    def _take_back(self, request, host: str, reason: Exception) -> None:
        """The requests to ``host`` that passed this middleware before the host said wait and sit in
        the downloader's queue (its slot admits a few at a time): taken back before they are sent,
        failed with ``reason`` — to be tried after the pause, or recorded as given up."""
        engine = self.crawler.engine
        slot = getattr(engine, "downloader", None) and engine.downloader.slots.get(request.meta.get("download_slot"))
        queue = getattr(slot, "queue", None)
        if not queue:
            return
        for item in [item for item in queue if _host(item[0].url) == host]:
            queue.remove(item)
            item[1].errback(reason)
