"""The baseline: a bare Scrapy link-following spider (LinkExtractor, parse links, nothing else).

``python bench/bare_spider.py URL OUT.json`` — same concurrency, robots and throttle settings as the
gkaudit crawl of the benchmark (robots.txt obeyed, AutoThrottle off, 8 per host, no delay, depth 50);
writes pages and in-crawl timings to OUT.json.
"""
from __future__ import annotations

import json
import sys
import time
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, url: str, **kwargs):
        super().__init__(**kwargs)
        host = urlsplit(url).hostname
        self.start_urls = [url]
        self.allowed_domains = [host]
        # off-site links (the footer's beian.gov.cn …) are dropped by OffsiteMiddleware, as in any
        # spider with allowed_domains (LinkExtractor's allow_domains would compare host:port)
        self.links = LinkExtractor()
        self.pages = 0
        self.t0 = time.time()

    def parse(self, response):
        self.pages += 1
        for link in self.links.extract_links(response):
            yield response.follow(link, callback=self.parse)

    def closed(self, reason):
        self.t1 = time.time()


SETTINGS = {
    "ROBOTSTXT_OBEY": True,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_ITEMS": 8,            # as gkaudit (spiders/settings.py): fewer asyncio tasks per response
    "DOWNLOAD_DELAY": 0,
    "DEPTH_LIMIT": 50,
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": False,
}


def main(url: str, out: str) -> None:
    process = CrawlerProcess(SETTINGS)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, url=url)
    process.start()
    spider = crawler.spider
    stats = crawler.stats.get_stats()
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"pages": spider.pages, "crawl_seconds": spider.t1 - spider.t0,
                   "responses": stats.get("response_received_count", 0),
                   "status_200": stats.get("downloader/response_status_count/200", 0),
                   "finish_reason": stats.get("finish_reason")}, fh)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
