"""429 Too Many Requests: wait as long as the server asks (Retry-After), then try again."""
from __future__ import annotations

import asyncio
import email.utils
import time

MAX_WAIT = 60.0
DEFAULT_WAIT = 5.0


def retry_after_seconds(value: bytes | None) -> float:
    """Seconds from a Retry-After header (a number or an HTTP date), bounded."""
    if not value:
        return DEFAULT_WAIT
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return min(float(text), MAX_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(text).timestamp()
        return max(0.0, min(when - time.time(), MAX_WAIT))
    except (TypeError, ValueError):
        return DEFAULT_WAIT


class RetryAfterMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.max_tries = crawler.settings.getint("RETRY_TIMES", 2) + 1

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response):
        if response.status != 429:
            return response
        tries = request.meta.get("gk_429", 0)
        if tries >= self.max_tries:
            return response                     # recorded as 429: the server kept refusing
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        self.crawler.stats.inc_value("gkaudit/retry_after_waits")
        await asyncio.sleep(wait)
        retry = request.copy()
        retry.meta["gk_429"] = tries + 1
        retry.dont_filter = True
        return retry
