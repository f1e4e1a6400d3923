"""WARC evidence: every response the crawl receives, as it arrived, in ``crawl.warc.gz``.

A Scrapy extension on ``response_received``; the record id goes into the request's meta so the
page record (and every finding made from it) can point at its evidence.
"""
from __future__ import annotations

from io import BytesIO

from scrapy import signals
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from auditor.core.atomic import AtomicFile
from auditor.core.rundir import WARC
from auditor.core.resume import copy_into

from spiders.pipelines import FlushClock

# Scrapy hands us decoded bodies: headers describing the transfer no longer apply to them
_TRANSFER_HEADERS = {b"content-encoding", b"transfer-encoding", b"content-length"}


class WarcEvidence:
    def __init__(self, crawler):
        self.crawler = crawler
        self.path = crawler.settings.get("GKAUDIT_WARC_PATH")
        self.file: AtomicFile | None = None
        self.writer: WARCWriter | None = None
        self.flush_clock = FlushClock()

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def spider_opened(self, spider):
        if self.path:
            self.file = AtomicFile(self.path)
            self.writer = WARCWriter(self.file.fh, gzip=True)
            resume_from = self.crawler.settings.get("GKAUDIT_RESUME_WARC")
            if resume_from:              # the evidence a killed run stored, complete records only
                copy_into(resume_from, self.file.fh)
                return
            info = self.writer.create_warcinfo_record(
                WARC, {"software": "gkaudit (Scrapy)", "format": "WARC File Format 1.1",
                                  "isPartOf": getattr(spider, "start_url", "")})
            self.writer.write_record(info)

    def response_received(self, response, request, spider):
        if self.writer is None or not response.url.startswith(("http://", "https://")):
            return                       # Chrome's own error page (--render) is no evidence of the site
        record = self.make_record(self.writer, response)
        self.writer.write_record(record)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        request.meta["warc_record_id"] = record_id
        if request.method == "POST" and request.body:
            # every list of a Hanweb site POSTs to one data proxy: the request (method and form body)
            # is what tells one column's answer from another's (WARC 1.1 §6.3, §5.7 Concurrent-To)
            self.writer.write_record(self.request_record(self.writer, request, record_id))
        if self.flush_clock.due():
            self.file.fh.flush()

    @staticmethod
    def make_record(writer: WARCWriter, response):
        """A WARC response record of what arrived (transfer encodings undone, so its headers say so).
        A page read in the browser (--render) is not what the server sent but what its scripts made
        of it: a ``conversion`` record of the rendered HTML (WARC 1.1 §6.8)."""
        if response.request is not None and response.request.meta.get("gk_rendered"):
            original = response.request.meta.get("gk_first_warc_id")
            return writer.create_warc_record(
                response.url, "conversion", payload=BytesIO(response.body or b""),
                warc_content_type="text/html; charset=utf-8",
                warc_headers_dict={"WARC-Description": "DOM rendered by headless Chromium (gkaudit --render)",
                                   **({"WARC-Refers-To": original} if original else {})})
        headers = [(k.decode("latin-1"), b", ".join(v).decode("latin-1"))
                   for k, v in response.headers.items() if k.lower() not in _TRANSFER_HEADERS]
        body = response.body or b""
        headers.append(("Content-Length", str(len(body))))
        reason = _reason(response.status)
        http_headers = StatusAndHeaders(f"{response.status} {reason}", headers, protocol="HTTP/1.1")
        return writer.create_warc_record(response.url, "response", payload=BytesIO(body),
                                         http_headers=http_headers)

    @staticmethod
    def request_record(writer: WARCWriter, request, concurrent_to: str):
        """A WARC request record of a POST: its request line, headers and form body."""
        path = request.url.split("://", 1)[-1].split("/", 1)
        target = "/" + (path[1] if len(path) > 1 else "")
        headers = [(k.decode("latin-1"), b", ".join(v).decode("latin-1")) for k, v in request.headers.items()]
        http_headers = StatusAndHeaders(f"POST {target} HTTP/1.1", headers, is_http_request=True)
        return writer.create_warc_record(request.url, "request", payload=BytesIO(request.body),
                                         http_headers=http_headers,
                                         warc_headers_dict={"WARC-Concurrent-To": concurrent_to})

    def spider_closed(self, spider, reason):
        if self.file is not None:
            self.file.commit()
            self.file = self.writer = None


def _reason(status: int) -> str:
    from http import HTTPStatus
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
