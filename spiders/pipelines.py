"""Page records go to ``pages.jsonl.gz``, one JSON object per line, published atomically."""
from __future__ import annotations

import gzip
import json

from auditor.atomic import AtomicFile


class PageRecordWriter:
    def __init__(self, path: str):
        self.path = path
        self.file: AtomicFile | None = None
        self.gz: gzip.GzipFile | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("GKAUDIT_PAGES_PATH"))

    def open_spider(self, spider=None):
        self.file = AtomicFile(self.path)
        self.gz = gzip.GzipFile(fileobj=self.file.fh, mode="wb", compresslevel=5)

    def process_item(self, item, spider=None):
        line = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
        self.gz.write(line.encode("utf-8") + b"\n")
        return item

    def close_spider(self, spider=None):
        if self.gz is not None:
            self.gz.close()
            self.file.commit()
            self.gz = self.file = None
