"""The crawl ledger of one site kept in Redis, shared by every worker."""
from __future__ import annotations

import json

from spiders.scope import Scope

from spiders.redis_keys import Keys


class RedisScope(Scope):
    """A site's scope whose adopted hosts (where the start URL redirected) all workers see."""

    def __init__(self, start_url: str, allowed: list[str], server, key: str):
        super().__init__(start_url, allowed)
        self.server, self.key = server, key

    def adopt(self, url: str) -> str:
        host = super().adopt(url)
        self.server.sadd(self.key, host)
        return host

    def allows(self, url: str) -> bool:
        if super().allows(url):
            return True
        from spiders.scope import host_of
        host = host_of(url)
        if host and self.server.sismember(self.key, host):
            self.hosts.add(host)
            return super().allows(url)
        return False


class RedisLedger:
    def __init__(self, server, keys: Keys, site: str, config: dict):
        self.server, self.keys, self.site = server, keys, site
        self.start_url = config["start_url"]
        self.limits = {"pages": config["max_pages"], "checks": config["max_checks"]}
        self.scope = RedisScope(self.start_url, config.get("allowed_hosts", []), server, keys.hosts(site))

    def claim(self, url: str) -> bool:
        return bool(self.server.sadd(self.keys.seen(self.site), url))

    def pattern_count(self, pattern: str) -> int:
        return int(self.server.hincrby(self.keys.counts(self.site), f"pattern:{pattern}", 1))

    def seen_before(self, url: str) -> bool:
        return bool(self.server.sismember(self.keys.seen(self.site), url))

    def reserve(self, kind: str) -> bool:
        scheduled = self.server.hincrby(self.keys.counts(self.site), f"{kind}_scheduled", 1)
        if scheduled > self.limits[kind]:
            self.server.hincrby(self.keys.counts(self.site), f"{kind}_scheduled", -1)
            return False
        return True

    def count(self, name: str, n: int = 1) -> None:
        self.server.hincrby(self.keys.counts(self.site), name, n)

    def truncate(self, reason: str) -> None:
        self.server.sadd(self.keys.truncated(self.site), reason)

    def pend(self, url: str, entry: dict) -> None:
        """A request is on its way: until its record arrives it can be re-queued."""
        self.server.hset(self.keys.pending(self.site), url, json.dumps(entry, ensure_ascii=False))

    @property
    def counts(self) -> dict:
        return {k.decode(): int(v) for k, v in self.server.hgetall(self.keys.counts(self.site)).items()
                if not k.startswith(b"pattern:")}
