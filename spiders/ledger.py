"""What a crawl of one site has seen and spent: which URLs are claimed, how many pages and
checks are scheduled, why it was cut short. In memory for a local crawl (``LocalLedger``); in
Redis for a distributed one (``spiders.redis_ledger.RedisLedger``), so every worker shares it.
"""
from __future__ import annotations

from collections import Counter

from spiders.scope import Scope


class LocalLedger:
    def __init__(self, start_url: str, scope: Scope, max_pages: int, max_checks: int):
        self.start_url, self.scope = start_url, scope
        self.limits = {"pages": max_pages, "checks": max_checks}
        self.seen: set[str] = set()
        self.counts: Counter = Counter()
        self.truncated: list[str] = []

    def claim(self, url: str) -> bool:
        """True the first time a URL is met (it is then this crawl's to fetch)."""
        if url in self.seen:
            return False
        self.seen.add(url)
        return True

    def pattern_count(self, pattern: str) -> int:
        """One more URL of this trap-prone pattern; the running count."""
        self.counts[f"pattern:{pattern}"] += 1
        return self.counts[f"pattern:{pattern}"]

    def seen_before(self, url: str) -> bool:
        return url in self.seen

    def reserve(self, kind: str) -> bool:
        """Count one more scheduled page or check; False when the limit is reached."""
        if self.counts[f"{kind}_scheduled"] >= self.limits[kind]:
            return False
        self.counts[f"{kind}_scheduled"] += 1
        return True

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] += n

    def truncate(self, reason: str) -> None:
        if reason not in self.truncated:
            self.truncated.append(reason)
