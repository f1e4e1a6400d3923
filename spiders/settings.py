"""Scrapy settings for gkaudit: polite by default, evidence always kept.

``scrapy crawl disclosure -a url=…`` reads these through scrapy.cfg; ``gkaudit audit`` starts the
same spider with the same settings plus the run directory's paths.
"""
from auditor.core import rundir

BOT_NAME = "gkaudit"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "Mozilla/5.0 (compatible; gkaudit/0.1; +政府网站信息公开检查)"
ROBOTSTXT_OBEY = True

# politeness: a few connections per host, adaptive delay, bounded waits
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts this many asyncio tasks for every response to process what its callback yields
# (default 100); a page yields one record and a few requests, so 100 tasks were ~1 ms of CPU a page
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 0
# --delay is the *least* time between two requests to a host (as its help says). Scrapy's default
# randomises each wait to 0.5–1.5× the delay, which breaks that promise on the short side and, as it
# draws again each time the queue is looked at, made a 300-page crawl at 0.1 s take 38 s, not 30
RANDOMIZE_DOWNLOAD_DELAY = False
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 20
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]   # 429 waits for Retry-After (politeness.py)
GKAUDIT_MAX_RETRY_AFTER = 60    # a host asking for a longer wait (429 Retry-After) is given up, on record
GKAUDIT_MAX_HOST_PAUSE = 300    # and one whose waits add up to more
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 8
DEPTH_PRIORITY = 1              # breadth-first: the homepage's neighbourhood first
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# Bodies as they arrive are cut by the spider itself at GKAUDIT_MAX_PAGE_BYTES, on record (truncated).
# A compressed body is decoded by Scrapy's HttpCompressionMiddleware, which stops at DOWNLOAD_MAXSIZE
# *decoded* bytes: 1 MB of gzip, brotli or gzip-in-gzip inflating to 1 GB is refused there, on record
# ("解压后超过…"), robots.txt included. The spider lifts the cap for an uncompressed body
# (``headers_received``), which it cuts itself: a big plain page is kept in part, not refused.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
HTTPERROR_ALLOW_ALL = True      # 404 and 500 pages are findings, not noise
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "spiders.scope.ScopeMiddleware": 50,
    "spiders.politeness.RetryAfterMiddleware": 560,
}
ITEM_PIPELINES = {"spiders.pipelines.PageRecordWriter": 300}
EXTENSIONS = {
    "spiders.evidence.WarcEvidence": 100,
    "spiders.progress.CrawlProgress": 200,
    "scrapy.extensions.telnet.TelnetConsole": None,
}

# gkaudit's own knobs (set per run by auditor.app.crawl)
GKAUDIT_PAGES_PATH = rundir.PAGES
GKAUDIT_WARC_PATH = rundir.WARC
GKAUDIT_SUMMARY_PATH = rundir.CRAWL_SUMMARY
GKAUDIT_MAX_PAGES = 2000
GKAUDIT_MAX_CHECKS = 5000       # non-HTML link targets checked for status
GKAUDIT_MAX_PAGE_BYTES = 5 * 1024 * 1024
GKAUDIT_MAX_HEADERS = 500            # header lines of one answer (spiders/failures.limit_response_headers)
GKAUDIT_MAX_HEADER_BYTES = 256 * 1024  # and their bytes: Chrome gives up at 256 KB too
GKAUDIT_ALLOWED_HOSTS = []      # besides the start URL's host
GKAUDIT_ADAPTERS = True      # read script-built lists (auditor/core/extract/platforms): TRS pagers, jpage, gkmlpt, redirects
GKAUDIT_RENDER = False       # --render: script-built pages read again in headless Chromium (spiders/render.py)
GKAUDIT_PROGRESS = False
GKAUDIT_PROGRESS_FILE = None       # counts written here instead of the terminal (a batch over several processes)
GKAUDIT_CHECK_EXTERNAL = False
GKAUDIT_ALLOW_PRIVATE = False  # follow redirects / check links to private, loopback, link-local addresses
GKAUDIT_MAX_PER_PATTERN = 200   # pages per query pattern (?date=…, ?page=…): calendars and endless lists
GKAUDIT_MAX_CUT_RECORDS = 1000  # links cut by a limit put on record one by one; the rest are counted
GKAUDIT_MAX_PATH_SEGMENTS = 15  # deeper paths are a trap (a/b/a/b/…)  # check (never follow) links to other hosts
