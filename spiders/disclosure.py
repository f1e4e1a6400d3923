"""The disclosure spider: crawl one site, emit one page record per fetched URL.

HTML pages are extracted (``auditor.core.extract``) and their in-scope links followed; other link
targets (attachments) are only checked for their status: the download stops once the headers are
in. Failures become records too, so the snapshot says what could not be fetched and why.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload
from w3lib.url import safe_url_string

from auditor.core.atomic import write_text
from auditor.core.extract import is_html_type
from auditor.core.extract.links import canonical_url, is_attachment_url, url_pattern
from auditor.core.models import DataFetch, Expansion, Link, PageRecord
from auditor.core.record_loader import RecordReader, read_file

from spiders import extraction, render
from spiders.ledger import LocalLedger
from auditor.core.extract.platforms.reading import (data_fetches, data_key, further_urls, read_answer,
                                                   read_answer_messages, read_platform)
from spiders.failures import describe_failure, limit_response_headers
from spiders.scope import Scope, same_origin


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


class DisclosureSpider(scrapy.Spider):
    name = "disclosure"

    def __init__(self, url: str | None = None, max_pages: int | str | None = None,
                 allowed_hosts: str | list[str] | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not url:
            raise ValueError("缺少起始网址：scrapy crawl disclosure -a url=https://…")
        self.start_url = canonical_url(url if "://" in url else f"http://{url}")
        if isinstance(allowed_hosts, str):
            allowed_hosts = [h for h in allowed_hosts.split(",") if h]
        self._allowed_arg = list(allowed_hosts or [])
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.redirected_hosts: list[str] = []
        self.started_at = now_iso()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = spider._max_pages_arg or settings.getint("GKAUDIT_MAX_PAGES")
        spider.max_checks = settings.getint("GKAUDIT_MAX_CHECKS")
        spider.max_bytes = settings.getint("GKAUDIT_MAX_PAGE_BYTES")
        spider.max_decoded = settings.getint("DOWNLOAD_MAXSIZE")
        spider.summary_path = settings.get("GKAUDIT_SUMMARY_PATH")
        spider.max_depth = settings.getint("DEPTH_LIMIT") or 10**6
        spider.check_external = settings.getbool("GKAUDIT_CHECK_EXTERNAL")
        spider.max_per_pattern = settings.getint("GKAUDIT_MAX_PER_PATTERN")
        spider.max_cut_records = settings.getint("GKAUDIT_MAX_CUT_RECORDS")
        spider.max_url_length = settings.getint("URLLENGTH_LIMIT") or 10**9
        spider.cut_recorded = Counter()          # site -> links cut by a limit and put on record
        spider.max_path_segments = settings.getint("GKAUDIT_MAX_PATH_SEGMENTS")
        spider.adapters = settings.getbool("GKAUDIT_ADAPTERS", True)
        spider.render = settings.getbool("GKAUDIT_RENDER")
        limit_response_headers(settings.getint("GKAUDIT_MAX_HEADERS"), settings.getint("GKAUDIT_MAX_HEADER_BYTES"))
        spider.setup_ledger(settings)
        if spider.render:
            render.admit(spider.ledger.scope)
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        crawler.signals.connect(spider.bytes_received, signal=signals.bytes_received)
        return spider

    def setup_ledger(self, settings) -> None:
        scope = Scope(self.start_url, self._allowed_arg + settings.getlist("GKAUDIT_ALLOWED_HOSTS"))
        self.ledger = LocalLedger(self.start_url, scope, self.max_pages, self.max_checks)

    def ledger_for(self, meta) -> LocalLedger:
        """The ledger of the site a request belongs to (one site here; many in a distributed crawl)."""
        return self.ledger

    @property
    def counts(self):
        return self.ledger.counts

    async def start(self):
        resumed = self.restore(self.settings.get("GKAUDIT_RESUME_PAGES"))
        if self._too_long(self.start_url) and self.ledger.claim(self.start_url):   # Scrapy drops it unsaid
            record = PageRecord(url=self.start_url, depth=0, error=f"网址长度超过上限 {self.max_url_length} 个字符，未抓取")
            _tally(record, self.ledger)
            yield self.emit(record, {})
        if self.ledger.claim(self.start_url):
            self.ledger.reserve("pages")
            yield scrapy.Request(self.start_url, callback=self.parse_page, errback=self.failed,
                                 meta={"gk_role": "page", "gk_start": True}, dont_filter=True)
        for request in resumed:
            yield request

    def restore(self, path: str | None) -> list:
        """Take over what a killed run of this crawl stored (see ``auditor.core.resume``): its records
        count as done, and their links lead on to what it had not fetched yet."""
        if not path:
            return []
        # shared links and footers: a large site's records fit (written whole by auditor.core.resume.prepare)
        records = list(read_file(path, RecordReader()))
        ledger = self.ledger
        for record in records:
            ledger.claim(record.url)
            if record.url == self.start_url and record.final_url and record.status is not None \
                    and not record.skipped and not ledger.scope.allows(record.final_url):
                # the start URL redirected to another host: that host is the site, as in the first run
                self.redirected_hosts.append(ledger.scope.adopt(record.final_url))
            if pattern := url_pattern(record.url):
                ledger.pattern_count(pattern)
            if record.skipped == "limit":            # cut by a limit: never scheduled
                ledger.count("skipped")
                self.cut_recorded[ledger.start_url] += 1
                ledger.truncate(record.cut or "max_pages")
                continue
            if record.cut == "origin":               # a data endpoint refused before it was scheduled
                ledger.count("skipped")
                continue
            ledger.reserve("checks" if record.role == "check" else "pages")     # as ``_follow_url`` did
            _tally(record, ledger)
        self.resumed_records = len(records)
        follow = []       # requests, and records of links a limit cuts
        for record in records:
            if record.role == "page" and record.kind != "attachment" and record.ok:
                follow += self._follow(record, ledger, {}, record.depth or 0, record.final_url or record.url,
                                       resumed=True)
        return follow

    # -- download control -------------------------------------------------------------------
    def headers_received(self, headers, body_length, request, spider):
        if spider is not self:
            return
        role = request.meta.get("gk_role")
        ctype = _content_type(headers)
        if role == "check" or (role == "page" and ctype and not is_html_type(ctype, None)
                               and not request.meta.get("gk_data")):
            raise StopDownload(fail=False)
        # a plain body is cut by ``bytes_received``; DOWNLOAD_MAXSIZE caps what a compressed one inflates
        # to (settings.py). Set on every answer: a redirect's request inherits the meta before it
        request.meta["download_maxsize"] = self.max_decoded if headers.get(b"Content-Encoding") else 0

    def bytes_received(self, data, request, spider):
        if spider is not self:
            return
        got = request.meta.get("gk_bytes", 0) + len(data)
        request.meta["gk_bytes"] = got
        if got > self.max_bytes:
            request.meta["gk_cut"] = True
            raise StopDownload(fail=False)

    # -- callbacks --------------------------------------------------------------------------
    async def parse_page(self, response):
        ledger = self.ledger_for(response.meta)
        if response.meta.get("gk_rendered") and render.left_the_page(response.url, ledger.scope):
            for output in self._navigated_away(response, ledger):
                yield output
            return
        record = await self._record(response)
        if self._wants_browser(record, response.meta):
            yield self._render_request(record, response)
            return                         # the rendered page's record stands for this URL
        for output in self._settle(record, ledger, response.meta, response.url):
            yield output

    def _settle(self, record: PageRecord, ledger, meta, page_url: str):
        """Count a page's record, emit it, and follow it."""
        _tally(record, ledger)
        yield self.emit(record, meta)
        if record.kind != "attachment" and (record.status or 0) < 400:
            yield from self._follow(record, ledger, meta, _depth(meta), page_url)

    # -- browser mode (--render) --------------------------------------------------------------
    def _wants_browser(self, record: PageRecord, meta) -> bool:
        return self.render and record.script_built and not record.items and record.ok \
            and not meta.get("gk_rendered") and _depth(meta) < self.max_depth

    def _render_request(self, record: PageRecord, response):
        meta = response.meta
        keep = {k: meta[k] for k in ("gk_role", "gk_start", "gk_via", "gk_site") if k in meta}
        return scrapy.Request(
            response.url, callback=self.parse_page, errback=self.render_failed, dont_filter=True,
            priority=-_depth(meta),
            meta={**keep, "playwright": True, "playwright_page_methods": render.wait_for_list(),
                  **render.context_for(self.ledger_for(meta).scope),
                  "gk_rendered": True, "gk_depth": _depth(meta), "gk_original": record.url,
                  "gk_first_warc_id": meta.get("warc_record_id"),
                  "gk_fallback": record.model_dump(mode="json")})

    def _navigated_away(self, response, ledger):
        """The page's script sent the browser off the site: the page stands as read without the
        browser, and the refused navigation is on record."""
        meta = response.meta
        record = PageRecord.model_validate(meta["gk_fallback"])
        page_url = record.final_url or record.url
        target = render.refused_navigation(response.request.url)
        self.logger.warning("rendering %s left the site (%s): kept as read without the browser",
                            page_url, target or response.url)
        yield from self._settle(record, ledger, meta, page_url)
        if target:
            refused = PageRecord(url=target, final_url=target, skipped="scope", cut="navigation",
                                 depth=_depth(meta) + 1, referer=page_url, fetched_at=now_iso())
            _tally(refused, ledger)
            yield self.emit(refused, meta)

    def render_failed(self, failure):
        """The browser could not load the page: keep the record read without it."""
        meta = failure.request.meta
        self.logger.warning("render failed for %s: %s", failure.request.url, failure.value)
        record = PageRecord.model_validate(meta["gk_fallback"])
        yield from self._settle(record, self.ledger_for(meta), meta, record.final_url or record.url)

    def parse_data(self, response):
        """A data endpoint's answer: a record of the entries it holds, as one more page of the
        list it belongs to (``list_of``); its entries and further data pages are followed."""
        meta = response.meta
        fetch = DataFetch.model_validate(meta["gk_data"])
        ctype = _content_type(response.headers)
        items, further = read_answer(fetch, response.body, ctype) if response.status < 400 else ([], [])
        messages = read_answer_messages(fetch, response.body, ctype) if response.status < 400 else []
        record = PageRecord(
            url=meta["gk_key"], final_url=response.url, status=response.status, content_type=ctype,
            size=len(response.body), fetched_at=now_iso(), depth=meta.get("depth", 0),
            referer=_referer(response.request), warc_record_id=meta.get("warc_record_id"),
            truncated=bool(meta.get("gk_cut")), kind="column", column=meta.get("gk_column"), items=items,
            links=[Link(url=item.url, text=item.title) for item in items if item.url], via=fetch.adapter,
            list_of=meta.get("gk_list_of"), messages=messages,
            expansions=[Expansion(adapter=fetch.adapter, data=further)] if further else [])
        yield from self._settle(record, self.ledger_for(meta), meta, response.url)

    def emit(self, record: PageRecord, meta) -> dict:
        """The item the pipeline stores (a distributed crawl tags it with its site)."""
        return record.model_dump(mode="json")

    def request_meta(self, meta, url: str, depth: int, **fields) -> dict:
        """Meta for a request to ``url`` made from a response with ``meta`` (a distributed crawl adds
        the site and notes the request as pending)."""
        return fields

    def failed(self, failure):
        request = failure.request
        error, skipped = describe_failure(failure)
        role = request.meta.get("gk_role", "page")
        original = request.meta.get("gk_key") or (request.meta.get("redirect_urls") or [request.url])[0]
        record = PageRecord(url=original, final_url=request.url, status=None, error=error,
                            skipped=skipped, role=role, fetched_at=now_iso(),
                            depth=request.meta.get("depth", 0), referer=_referer(request),
                            kind="attachment" if role == "check" else "other",
                            via=request.meta.get("gk_via"), list_of=request.meta.get("gk_list_of"))
        ledger = self.ledger_for(request.meta)
        if skipped == "retry_after":              # the host asked for too long a wait: the crawl is cut
            ledger.truncate("retry_after")
        _tally(record, ledger)
        yield self.emit(record, request.meta)

    # -- helpers ----------------------------------------------------------------------------
    async def _record(self, response) -> PageRecord:
        request = response.request
        meta = request.meta
        original = meta.get("gk_original") or (meta.get("redirect_urls") or [request.url])[0]
        ctype = _content_type(response.headers)
        fields = dict(status=response.status, final_url=response.url, fetched_at=now_iso(),
                      depth=_depth(meta), referer=_referer(request),
                      warc_record_id=meta.get("warc_record_id"), truncated=bool(meta.get("gk_cut")),
                      role=meta.get("gk_role", "page"), via="render" if meta.get("gk_rendered") else meta.get("gk_via"))
        if fields["role"] == "check":      # a link check: its status is the finding, its body was not kept
            return PageRecord(url=original, content_type=ctype, kind="attachment", size=_length(response),
                              **fields)
        return await extraction.extract(original, response.body, ctype, is_start=bool(meta.get("gk_start")),
                                        on_tree=read_platform if self.adapters else None, **fields)

    def _follow(self, record: PageRecord, ledger, meta, depth: int, page_url: str, resumed: bool = False):
        """Requests for the page's links not met before (and records for those cut by a limit),
        and for what the platform adapters found on it: list pages no link points to, entries
        carried in script, data endpoints. ``resumed``: the page is a killed run's record, so the
        requests carry depth and referer themselves (Scrapy sets both only for requests made from
        a response)."""
        scope = ledger.scope
        # the adapters' finds first, so a page reached through them is marked so (``via``)
        targets = further_urls(record) + [(link.url, None) for link in record.links]
        fetches = data_fetches(record)
        if depth + 1 > self.max_depth:
            if any(scope.allows(url) and not ledger.seen_before(url) for url, _ in targets) \
                    or any(not ledger.seen_before(data_key(f)) for f in fetches):
                ledger.truncate("depth")
            return
        for url, via in targets:
            yield from self._follow_url(url, via, ledger, meta, depth, page_url, resumed)
        for fetch in fetches:
            yield from self._fetch_data(fetch, record, ledger, meta, depth, page_url, resumed)

    def _follow_url(self, url: str, via: str | None, ledger, meta, depth: int, page_url: str, resumed: bool):
        external = not ledger.scope.allows(url)
        if (external and not self.check_external) or not ledger.claim(url):
            return
        is_check = external or is_attachment_url(url)   # an outside link is checked, never followed
        kind = "checks" if is_check else "pages"
        # a URL over URLLENGTH_LIMIT: Scrapy would drop its request without a word
        cut = "url_length" if self._too_long(url) else self._trap(url, ledger) if not is_check else None
        if cut or not ledger.reserve(kind):
            yield from self._cut(url, cut or f"max_{kind}", ledger, meta, depth, page_url, is_check)
            return
        # dont_filter: the ledger dedupes links itself; Scrapy's dupefilter would otherwise drop
        # the second leg of a redirect loop silently, leaving no record of it
        fields = {"gk_via": via} if via else {}
        request_meta = self.request_meta(meta, url, depth + 1, gk_role="check" if is_check else "page",
                                         gk_external=external, **fields)
        if resumed:
            request_meta["depth"] = depth + 1
        yield scrapy.Request(url, callback=self.parse_page, errback=self.failed, meta=request_meta,
                             headers={"Referer": page_url} if resumed else None,
                             priority=-depth, dont_filter=True)

    def _fetch_data(self, fetch: DataFetch, record: PageRecord, ledger, meta, depth: int, page_url: str,
                    resumed: bool):
        """A request for a data endpoint an adapter found (a list's further entries)."""
        key = data_key(fetch)
        if not ledger.claim(key):
            return
        list_of = record.list_of or record.url
        if self._too_long(fetch.url):
            yield from self._cut(key, "url_length", ledger, meta, depth, page_url, False, list_of)
            return
        if not same_origin(fetch.url, page_url):
            # a data endpoint is the page's own (scheme, host and port): a page cannot make the
            # crawler send requests, POSTs least of all, anywhere else; on record, as a list not read
            ledger.count("skipped")
            yield self.emit(PageRecord(url=key, final_url=fetch.url, skipped="scope", cut="origin", depth=depth + 1,
                                       referer=page_url, list_of=list_of, via=fetch.adapter), meta)
            return
        if not ledger.reserve("pages"):
            yield from self._cut(key, "max_pages", ledger, meta, depth, page_url, False, list_of)
            return
        request_meta = self.request_meta(meta, key, depth + 1, gk_role="page", gk_external=False,
                                         gk_via=fetch.adapter, gk_key=key, gk_data=fetch.model_dump(),
                                         gk_list_of=list_of, gk_column=record.column)
        headers = {"Referer": page_url, "X-Requested-With": "XMLHttpRequest"}
        if fetch.method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
        if resumed:
            request_meta["depth"] = depth + 1
        yield scrapy.Request(fetch.url, method=fetch.method, body=fetch.body or None, headers=headers,
                             callback=self.parse_data, errback=self.failed, meta=request_meta,
                             priority=-depth, dont_filter=True)

    def _cut(self, url: str, reason: str, ledger, meta, depth: int, page_url: str, is_check: bool,
             list_of: str | None = None):
        ledger.truncate(reason)
        ledger.count("skipped")
        # on record, so a rule knows this link was not judged rather than absent; past
        # GKAUDIT_MAX_CUT_RECORDS counted only (pages of 10,000 links made 1.5 M records of 150 pages)
        if self.cut_recorded[ledger.start_url] >= self.max_cut_records:
            ledger.count("cut_not_recorded")
            return
        self.cut_recorded[ledger.start_url] += 1
        yield self.emit(PageRecord(url=url, final_url=url, skipped="limit", cut=reason, depth=depth + 1,
                                   role="check" if is_check else "page", referer=page_url, list_of=list_of),
                        meta)

    def _too_long(self, url: str) -> bool:
        """Longer than URLLENGTH_LIMIT as Scrapy measures it (percent-encoded: 政 is 9 characters)."""
        return len(url) * 9 > self.max_url_length and len(safe_url_string(url)) > self.max_url_length

    def _trap(self, url: str, ledger) -> str | None:
        """Why a URL looks like a crawler trap and is cut: a path ever deeper, or one more of a
        query pattern that has produced too many pages (an endless calendar or pagination)."""
        path = urlsplit(url).path
        if path.count("/") > self.max_path_segments:
            return "deep_path"
        pattern = url_pattern(url)
        if pattern and ledger.pattern_count(pattern) > self.max_per_pattern:
            return "pattern"
        return None

    def closed(self, reason):
        stats = self.crawler.stats.get_stats() if self.crawler else {}
        summary = {
            "start_url": self.start_url, "started_at": self.started_at, "finished_at": now_iso(),
            "pages": self.counts["pages"], "checks": self.counts["checks"],
            "errors": self.counts["errors"], "skipped": self.counts["skipped"],
            "cut_not_recorded": self.counts.get("cut_not_recorded", 0),     # of the skipped: counted only
            "links_not_read": self.counts.get("links_not_read", 0),         # past a page's MAX_LINKS_KEPT
            "truncated": bool(self.ledger.truncated), "truncated_reasons": self.ledger.truncated,
            "finish_reason": reason,
            "refused_out_of_scope": stats.get("gkaudit/refused_out_of_scope", 0),
            "refused_private": stats.get("gkaudit/refused_private", 0),
            "hosts_added": self.redirected_hosts,
            "robots_forbidden": stats.get("robotstxt/forbidden", 0),
            "retries": stats.get("retry/count", 0),
            "resumed_records": getattr(self, "resumed_records", 0),
        }
        if self.summary_path:
            write_text(self.summary_path, json.dumps(summary, ensure_ascii=False, indent=2))


def _tally(record: PageRecord, ledger) -> None:
    """Count a record as fetched (a page or a check), failed or skipped, and as an error if it is one."""
    if record.links_dropped:                     # a page of more links than a record keeps
        ledger.count("links_not_read", record.links_dropped)
        ledger.truncate("links_per_page")
    if record.status is None:                    # the request failed, or a policy refused it
        ledger.count("errors" if record.error and not record.skipped else "skipped")
        return
    ledger.count("checks" if record.role == "check" or record.kind == "attachment" else "pages")
    if record.error or record.status >= 400:
        ledger.count("errors")


def _content_type(headers) -> str | None:
    return (headers.get(b"Content-Type") or b"").decode("latin-1") or None


def _depth(meta) -> int:
    """The page's link depth (a page re-requested for the browser keeps its own)."""
    return meta.get("gk_depth", meta.get("depth", 0))


def _referer(request) -> str | None:
    value = request.headers.get(b"Referer")
    return value.decode("latin-1") if value else None


def _length(response) -> int | None:
    value = response.headers.get(b"Content-Length")
    try:
        return int(value) if value else len(response.body)
    except ValueError:
        return len(response.body)
