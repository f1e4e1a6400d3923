"""Page records go to ``pages.jsonl.gz``, one JSON object per line, published atomically."""
from __future__ import annotations

import gzip
import shutil
import time
import zlib

import orjson

from auditor.core.atomic import AtomicFile
from auditor.core.textsafe import without_lone_surrogates

FLUSH_SECONDS = 1.0     # a crawl killed with kill -9 loses at most about this much (see auditor.core.resume)


class FlushClock:
    """True about once every FLUSH_SECONDS: when a file written all crawl long should be flushed."""

    def __init__(self):
        self.last = time.monotonic()

    def due(self) -> bool:
        if time.monotonic() - self.last < FLUSH_SECONDS:
            return False
        self.last = time.monotonic()
        return True


class PageRecordWriter:
    def __init__(self, path: str, resume_from: str | None = None):
        self.path = path
        self.resume_from = resume_from
        self.file: AtomicFile | None = None
        self.gz: gzip.GzipFile | None = None
        self.flush_clock = FlushClock()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("GKAUDIT_PAGES_PATH"), crawler.settings.get("GKAUDIT_RESUME_PAGES"))

    def open_spider(self, spider=None):
        self.file = AtomicFile(self.path)
        self.gz = gzip.GzipFile(fileobj=self.file.fh, mode="wb", compresslevel=5)
        if self.resume_from:                 # the records a killed run stored come first
            with gzip.open(self.resume_from, "rb") as fh:
                shutil.copyfileobj(fh, self.gz, 1 << 20)

    def process_item(self, item, spider=None):
        try:
            line = orjson.dumps(item)
        except TypeError:          # a lone surrogate (\ud800 in a data answer): kept, the text replaced
            line = orjson.dumps(without_lone_surrogates(item))
        self.gz.write(line + b"\n")
        if self.flush_clock.due():
            self.gz.flush(zlib.Z_SYNC_FLUSH)
            self.file.fh.flush()
        return item

    def close_spider(self, spider=None):
        if self.gz is not None:
            self.gz.close()
            self.file.commit()
            self.gz = self.file = None
