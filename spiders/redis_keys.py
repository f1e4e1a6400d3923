"""The Redis keys coordinator and workers share (all under one prefix)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    prefix: str = "gkaudit"

    @property
    def start(self) -> str:            # start and re-queued requests, JSON (the workers' RedisSpider key)
        return f"{self.prefix}:start"

    @property
    def requests(self) -> str:         # the scrapy-redis scheduler queue
        return f"{self.prefix}:requests"

    @property
    def dupefilter(self) -> str:       # the scrapy-redis dupefilter
        return f"{self.prefix}:dupefilter"

    @property
    def activity(self) -> str:         # bumped on every record: workers are alive and working
        return f"{self.prefix}:activity"

    def site(self, site: str) -> str:      # the site's crawl configuration (JSON)
        return f"{self.prefix}:site:{site}"

    def seen(self, site: str) -> str:      # URLs claimed: no URL is fetched twice across workers
        return f"{self.prefix}:seen:{site}"

    def pending(self, site: str) -> str:   # URL -> request entry, until its record arrives
        return f"{self.prefix}:pending:{site}"

    def counts(self, site: str) -> str:
        return f"{self.prefix}:counts:{site}"

    def truncated(self, site: str) -> str:
        return f"{self.prefix}:truncated:{site}"

    def hosts(self, site: str) -> str:     # hosts the start URL redirected to
        return f"{self.prefix}:hosts:{site}"

    def records(self, site: str) -> str:   # page records on their way to the coordinator
        return f"{self.prefix}:records:{site}"

    def warc(self, site: str) -> str:      # WARC records (gzip members) on their way to the coordinator
        return f"{self.prefix}:warc:{site}"

    def of_site(self, site: str) -> list[str]:
        return [self.site(site), self.seen(site), self.pending(site), self.counts(site), self.truncated(site),
                self.hosts(site), self.records(site), self.warc(site)]
