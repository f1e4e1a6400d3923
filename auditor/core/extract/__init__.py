"""Extraction: a pure function of (url, bytes, headers) to a page record. No Scrapy here.

The spider, ``gkaudit inspect`` and the tests all call :func:`extract_page`.
"""
from __future__ import annotations

import datetime as dt

import re

from auditor.core.models import PageRecord
from auditor.core.extract import docinfo
from auditor.core.extract.charset import decode_html
from auditor.core.extract.footer import extract_footer
from auditor.core.extract.html import ParseError, parse, visible_lines
from auditor.core.extract.kind import PENALTY_LABELS, KindEvidence, classify
from auditor.core.extract.message_channels import in_message_channel
from auditor.core.extract.messages import read_message_detail, read_message_list
from auditor.core.extract.miswriting import find_errors
from auditor.core.extract.links import (base_url, extract_items, extract_links, has_pagination, has_placeholder,
                                        kept_links)
from auditor.core.extract.page_parts import breadcrumb_of, headline_of, lang_of, meta_tags, page_stats, title_of
from auditor.core.extract.penalty import extract_penalties, labelled_fields, labelled_items, text_decision
from auditor.core.extract.list_markup import empty_list
from auditor.core.extract.markers import MARKERS
from auditor.core.extract.pii import find_pii, mask_text
from auditor.core.extract.tables import extract_tables

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml")
TEXT_KINDS = {"guide", "annual_report", "policy", "interpretation", "penalty"}
TEXT_LIMIT = 20_000
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")

__all__ = ["extract_page", "is_html_type", "ParseError"]


# types servers give a page they did not label: the body decides (a list page that only forwards by
# script, <script>location.href=…</script>, served as text/plain is a page, not an attachment)
GENERIC_TYPES = ("text/plain", "application/octet-stream", "application/x-unknown", "binary/octet-stream")
_PAGE_START = (b"<!doctype html", b"<html", b"<head", b"<%", b"<script", b"<meta", b"<body", b"<title")


def is_html_type(content_type: str | None, body: bytes | None = b"") -> bool:
    """Whether a response is a page. ``body=None``: only the headers are known yet (a generic type may
    still turn out to be a page; the body decides once it is read)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in HTML_TYPES:
        return True
    if ctype and ctype not in GENERIC_TYPES:
        return False
    if body is None:
        return True
    head = body[:512].lstrip().lower()
    while head.startswith(b"<!--") and b"-->" in head:          # a leading comment
        head = head[head.index(b"-->") + 3:].lstrip()
    return head.startswith(_PAGE_START) or b"<html" in head


def extract_page(url: str, body: bytes, content_type: str | None = None, *,
                 status: int | None = 200, final_url: str | None = None,
                 is_start: bool = False, on_tree=None, **record_fields) -> PageRecord:
    """Read everything SPEC §4 asks of one page. Non-HTML bodies give an ``attachment`` record.
    ``on_tree(root, record)``, if given, reads more from the parsed page (the crawler's platform
    adapters) without a second parse."""
    record = PageRecord(url=url, final_url=final_url or url, status=status,
                        content_type=content_type, size=len(body), **record_fields)
    if not is_html_type(content_type, body):
        record.kind = "attachment"
        return record
    if b"\x00" in body[:2048]:
        record.error = "声称是 HTML，实为二进制内容"
        return record
    text, record.charset = decode_html(body, content_type)
    try:
        root = parse(text)
    except ParseError as exc:
        record.error = str(exc)
        return record
    lines = visible_lines(root)
    _fill(record, root, lines, record.final_url or url, is_start)
    if on_tree is not None:
        on_tree(root, record)
    joined = "\n".join(lines)
    record.pii = find_pii(joined, text)
    unquoted = _QUOTES.sub("", joined)              # “三公”经费 reads as 三公经费
    record.terms = [t for t in MARKERS["text_terms"] if t in unquoted]
    record.errors = find_errors(lines, record.headline or record.title)
    if record.kind != "home" and in_message_channel(record):
        record.messages = read_message_list(root, lines, record.final_url or url)
        if not record.messages and (detail := read_message_detail(root, lines, record.final_url or url)):
            record.messages = [detail]
    return record


def _fill(record: PageRecord, root, lines: list[str], page_url: str, is_start: bool) -> None:
    meta = meta_tags(root)
    meta_lc = {k.lower(): v for k, v in meta.items()}
    base = base_url(root, page_url)
    links = extract_links(root, base)

    record.meta = meta
    record.lang = lang_of(root)
    record.title = title_of(root)
    headline = headline_of(root, meta_lc, record.title) or ""
    record.headline = headline or None
    record.breadcrumb = breadcrumb_of(root, lines)
    record.column = meta_lc.get("columnname") or (record.breadcrumb[-1] if record.breadcrumb else None)
    record.links, record.links_dropped = kept_links(links)
    record.items = extract_items(root, base, latest=_crawl_date(record))
    if any(item.date_inferred for item in record.items):
        record.inferred.append("items")
    record.pagination = has_pagination(root, links, lines)
    record.placeholder = has_placeholder(lines)
    record.empty_list = not record.items and not record.placeholder and empty_list(root, lines)
    record.footer = extract_footer(root, lines, [(link.url, link.text) for link in links])
    record.stats = page_stats(root)

    record.published = docinfo.published_date(meta_lc, lines, headline) or docinfo.header_date(lines, headline)
    record.index_number = docinfo.index_number(lines)
    record.publisher = docinfo.publisher(meta_lc, lines)
    record.overview = docinfo.overview(lines)
    body_top = _body_top(lines, headline)
    record.doc_number = docinfo.doc_number(lines, headline, body_top)
    record.written = docinfo.written_date(lines, headline, has_number=bool(record.doc_number))

    column_words = " ".join(filter(None, [meta_lc.get("columnname"), meta_lc.get("columntype"),
                                          " ".join(record.breadcrumb)]))
    record.kind = classify(KindEvidence(
        url=page_url, is_start=is_start, headline=headline, column_words=column_words,
        items=len(record.items), pagination=record.pagination, placeholder=record.placeholder,
        article_meta=bool(meta_lc.get("articletitle") or record.published),
        doc_number=record.doc_number, index_number=record.index_number,
        column_meta=bool(meta_lc.get("columnname")), text="\n".join(lines),
        penalty_labels=labelled_fields(lines)))
    if record.kind == "annual_report":
        record.tables = extract_tables(root)
    if record.kind in ("penalty", "column"):
        record.penalty = extract_penalties(root)
        if record.kind == "penalty" and not record.penalty and labelled_fields(lines) >= PENALTY_LABELS:
            record.penalty = labelled_items(lines)       # the 信息公示 layout; a prose 决定书 labels a line or two
        if record.kind == "penalty" and not record.penalty:
            decision = text_decision(lines, record.doc_number)
            record.penalty = [decision] if decision else []
        for item in record.penalty:
            item.published = item.published or record.published
    if record.kind in TEXT_KINDS:               # kept text never carries personal numbers
        record.text = mask_text("\n".join(lines)[:TEXT_LIMIT])
    for item in record.penalty:
        for field in ("party", "violation", "basis", "decision", "authority"):
            setattr(item, field, mask_text(getattr(item, field)))


def _body_top(lines: list[str], headline: str) -> list[str]:
    """A few lines after the headline: where a 决定书 prints its 文号."""
    if headline:
        for i, line in enumerate(lines):
            if headline[:12] and headline[:12] in line:
                return lines[i + 1:i + 8]
    return []


def _crawl_date(record: PageRecord) -> dt.date:
    """The day the page was fetched (a saved page read by ``inspect``: today): no date a page prints
    without its year is later than that."""
    try:
        return dt.date.fromisoformat((record.fetched_at or "")[:10])
    except ValueError:
        return dt.date.today()
