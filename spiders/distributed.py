"""The worker side of a distributed batch: the disclosure spider on scrapy-redis.

Requests go through the scrapy-redis scheduler (one queue in Redis for every worker); each site's
ledger (claimed URLs, counters, pending requests) lives in Redis too, so no URL is fetched twice
across workers; page records and WARC records flow back through Redis to the coordinator. Start
and re-queued requests arrive as JSON on the start list.
"""
from __future__ import annotations

import json
from io import BytesIO

import redis
import scrapy
from scrapy import signals
from scrapy_redis.spiders import RedisMixin
from warcio.warcwriter import WARCWriter

from spiders.redis_keys import Keys
from spiders.redis_ledger import RedisLedger

from spiders.disclosure import DisclosureSpider
from spiders.evidence import WarcEvidence


class DistributedSpider(RedisMixin, DisclosureSpider):
    name = "disclosure-redis"

    def __init__(self, prefix: str = "gkaudit", *args, **kwargs):
        scrapy.Spider.__init__(self, *args, **kwargs)
        self.keys = Keys(prefix)
        self.redis_key = self.keys.start
        self.ledgers: dict[str, RedisLedger] = {}
        self.redirected_hosts: list[str] = []
        self.start_url = "(分布式)"
        self._max_pages_arg, self._allowed_arg = None, []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup_redis(crawler)
        return spider

    def setup_ledger(self, settings) -> None:
        self.store = redis.Redis.from_url(settings.get("REDIS_URL"))

    def ledger_for(self, meta) -> RedisLedger | None:
        site = meta.get("gk_site")
        if site is None:
            return None                     # Scrapy's own requests (robots.txt) belong to no site
        if site not in self.ledgers:
            config = json.loads(self.store.get(self.keys.site(site)) or "{}")
            self.ledgers[site] = RedisLedger(self.store, self.keys, site, config)
        return self.ledgers[site]

    @property
    def counts(self):
        total: dict[str, int] = {}
        for ledger in self.ledgers.values():
            for k, v in ledger.counts.items():
                total[k] = total.get(k, 0) + v
        return total

    async def start(self):
        for request in self.next_requests():
            yield request

    def make_request_from_data(self, data):
        entry = json.loads(data)
        meta = {"gk_site": entry["site"], "gk_role": entry.get("role", "page"),
                "gk_external": entry.get("external", False), "depth": entry.get("depth", 0)}
        if entry.get("start"):
            meta["gk_start"] = True
        meta.update(entry.get("extra") or {})          # what a platform adapter's request carries
        fetch = meta.get("gk_data")
        if fetch:                                      # a data endpoint (see DisclosureSpider._fetch_data)
            headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"} \
                if fetch.get("method") == "POST" else None
            return scrapy.Request(fetch["url"], method=fetch.get("method", "GET"), body=fetch.get("body") or None,
                                  headers=headers, callback=self.parse_data, errback=self.failed, meta=meta,
                                  dont_filter=True, priority=-entry.get("depth", 0))
        return scrapy.Request(entry["url"], callback=self.parse_page, errback=self.failed, meta=meta,
                              dont_filter=True, priority=-entry.get("depth", 0))

    def request_meta(self, meta, url: str, depth: int, **fields) -> dict:
        site = meta["gk_site"]
        extra = {k: v for k, v in fields.items() if k in ("gk_via", "gk_key", "gk_data", "gk_list_of", "gk_column")}
        self.ledger_for(meta).pend(url, {"site": site, "url": url, "depth": depth, "role": fields.get("gk_role"),
                                         "external": fields.get("gk_external", False), "extra": extra})
        return {**fields, "gk_site": site}

    def emit(self, record, meta) -> dict:
        item = record.model_dump(mode="json")
        item["_site"] = meta["gk_site"]
        return item

    def closed(self, reason):
        pass                                # the coordinator writes each site's summary


class RedisRecordPipeline:
    """Page records go to their site's list; the request they answer is no longer pending."""

    def __init__(self, url: str, prefix: str):
        self.server, self.keys = redis.Redis.from_url(url), Keys(prefix)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("REDIS_URL"), crawler.settings.get("GKAUDIT_REDIS_PREFIX", "gkaudit"))

    def process_item(self, item, spider=None):
        site = item.pop("_site")
        with self.server.pipeline() as pipe:
            pipe.rpush(self.keys.records(site), json.dumps(item, ensure_ascii=False))
            pipe.hdel(self.keys.pending(site), item["url"])
            pipe.incr(self.keys.activity)
            pipe.execute()
        return item


class RedisWarcEvidence(WarcEvidence):
    """WARC records, one gzip member each, pushed to their site's list (the coordinator writes the file)."""

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        ext.server = redis.Redis.from_url(crawler.settings.get("REDIS_URL"))
        ext.keys = Keys(crawler.settings.get("GKAUDIT_REDIS_PREFIX", "gkaudit"))
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def response_received(self, response, request, spider):
        site = request.meta.get("gk_site")
        if not site:
            return
        buffer = BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        record = self.make_record(writer, response)
        writer.write_record(record)
        self.server.rpush(self.keys.warc(site), buffer.getvalue())
        request.meta["warc_record_id"] = record.rec_headers.get_header("WARC-Record-ID")


def worker_settings(redis_url: str, prefix: str, overrides: dict) -> dict:
    """Scrapy settings of a worker: the scrapy-redis scheduler and dupefilter, Redis sinks."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": Keys(prefix).requests,
        "SCHEDULER_DUPEFILTER_KEY": Keys(prefix).dupefilter,
        "REDIS_URL": redis_url,
        "GKAUDIT_REDIS_PREFIX": prefix,
        "REDIS_START_URLS_BATCH_SIZE": 8,
        "ITEM_PIPELINES": {"spiders.distributed.RedisRecordPipeline": 300},
        "EXTENSIONS": {"spiders.evidence.WarcEvidence": None, "spiders.distributed.RedisWarcEvidence": 100,
                       "spiders.progress.CrawlProgress": None, "scrapy.extensions.telnet.TelnetConsole": None},
        "GKAUDIT_WARC_PATH": None,
        "GKAUDIT_SUMMARY_PATH": None,
        **overrides,
    }
