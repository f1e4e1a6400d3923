"""政务咨询 channels whose message list a script fetches from a data endpoint (JSON or JSONP).

Many 领导信箱 / 在线咨询 / 12345 list pages are an empty frame and a script such as::

    $.ajax({url: "/hdjl/letterListJson.action", type: "post", data: {pageNo: 1, pageSize: 10}, …})
    $.getJSON("/api/consult/list?page=1", function (res) { … })

The adapter recognises such a page by its title or URL naming a channel (``is_message_channel``)
and the literal endpoint in an inline script, and fetches the endpoint's first page (the newest
messages, which is what HDJ002's last-12-months window needs). It never calls an endpoint that could
write (``_reads_only``): a 我要写信 page's submit call is not a list. The answer is read by common key
names (``auditor.core.extract.messages.read_message_json``): the messages for HDJ, and the same
rows as list entries, so the detail pages are crawled like any list's. Only literal URLs and
literal form fields are taken; no script runs.
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from auditor.core.extract.charset import decode_html
from auditor.core.extract.html import clean_space
from auditor.core.extract.message_channels import is_message_channel
from auditor.core.extract.messages import read_message_json
from auditor.core.models import DataFetch, ListItem, Message

from auditor.core.extract.platforms._base import MAX_ITEMS, Found, absolute
from auditor.core.extract.platforms.registry import adapter, data_parser

NAME = "message_api"
MAX_ENDPOINTS = 3           # endpoints taken from one page
_URL = r"""["']([^"'\s<>]{1,500})["']"""
_OPTIONS_CALL = re.compile(r"""\$\.ajax\s*\(\s*\{""")
_OPTIONS_READ = 3000        # characters of a $.ajax({…}) call read for its options (up to the next call)
_URL_OPTION = re.compile(r"""\burl\s*:\s*""" + _URL)
_POST_OPTION = re.compile(r"""\b(?:type|method)\s*:\s*["']post["']""", re.I)
_DATA_OPTION = re.compile(r"""\bdata\s*:\s*\{(?P<fields>[^{}]{0,500})\}""")
_FIELD = re.compile(r"""["']?([A-Za-z_][\w]{0,40})["']?\s*:\s*(?:["']([^"'\n]{0,100})["']|(-?\d{1,9})(?![\w.]))""")
_SHORT_CALLS = re.compile(r"""(?:\$\.(?P<verb>get|post|getJSON)|\bfetch|\baxios\.(?P<axios>get|post))\s*\(\s*""" + _URL)
_NOT_DATA = (".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".htm", ".html", ".shtml", ".woff")
# path words of endpoints that write (submit a letter, log in, send a code, upload …): never called
_WRITE_WORDS = {"save", "submit", "add", "insert", "create", "send", "sms", "upload", "login", "logout", "register",
                "delete", "del", "remove", "update", "edit", "modify", "write", "reply", "vote", "apply", "verify",
                "captcha", "code", "validate", "check", "pay", "comment", "feedback", "post"}
_WRITE_PREFIXES = ("save", "submit", "add", "insert", "create", "send", "upload", "delete", "update", "write")
_PAGING_KEYS = {"page", "pageno", "pagenum", "pageindex", "pagesize", "size", "rows", "limit", "offset", "start",
                "curpage", "currentpage", "pagenumber", "pn", "ps"}
_JSONP = re.compile(r"^\s*[\w$.]{1,80}\s*\(\s*(?P<body>[\[{].*[\]}])\s*\)\s*;?\s*$", re.S)


def _title(root) -> str:
    node = root.find(".//title")
    return clean_space(node.text_content()) if node is not None else ""


def _fields(options: str) -> tuple[str | None, bool]:
    """A literal ``data: {…}`` as a form body, and whether every field of it was a literal."""
    block = _DATA_OPTION.search(options)
    if not block:
        return None, True
    pairs = [(m.group(1), m.group(2) if m.group(2) is not None else m.group(3)) for m in _FIELD.finditer(block["fields"])]
    written = len(re.findall(r":", block["fields"]))
    return (urlencode(pairs) if pairs else None), len(pairs) == written


def _reads_only(url: str, method: str, body: str | None, complete: bool) -> bool:
    """Whether a call only reads a list. The crawler must never submit a letter, send a code or log in:
    an endpoint whose path names writing is left alone, and a POST is made only when its whole body is
    literal and pages through a list (pageNo, pageSize …) — a form that submits carries what the user
    typed, which no page holds as a literal."""
    words = set(re.split(r"[^a-z]+", urlsplit(url).path.lower()))
    if words & _WRITE_WORDS or any(w.startswith(_WRITE_PREFIXES) for w in words if w):
        return False
    if method == "GET":
        return True
    keys = {k.lower() for k, _v in parse_qsl(body or "", keep_blank_values=True)}
    return complete and bool(keys) and bool(keys & _PAGING_KEYS)


def _endpoints(scripts, page_url: str) -> list[DataFetch]:
    found: dict[tuple[str, str, str | None], None] = {}
    host = urlsplit(page_url).hostname
    for _el, text in scripts:
        calls = []
        starts = [m.end() for m in _OPTIONS_CALL.finditer(text)]
        for start, end in zip(starts, starts[1:] + [len(text)]):
            options = text[start:min(end, start + _OPTIONS_READ)]
            if url := _URL_OPTION.search(options):
                post = bool(_POST_OPTION.search(options))
                calls.append((url.group(1), "POST" if post else "GET", *_fields(options)))
        for call in _SHORT_CALLS.finditer(text):
            post = (call["verb"] or call["axios"] or "").lower() == "post"
            calls.append((call.group(3), "POST" if post else "GET", None, True))
        for href, method, body, complete in calls:
            url = absolute(page_url, href)
            if url is None or urlsplit(url).hostname != host or urlsplit(url).path.lower().endswith(_NOT_DATA) \
                    or not _reads_only(url, method, body, complete):
                continue
            if method == "GET" and body:
                url, body = f"{url}{'&' if '?' in url else '?'}{body}", None
            found.setdefault((url, method, body), None)
    return [DataFetch(adapter=NAME, url=url, method=method, body=body)
            for url, method, body in list(found)[:MAX_ENDPOINTS]]


@adapter(name=NAME, label="政务咨询留言数据接口", order=50)
def expand(root, page_url: str, max_pages: int = 200, scripts=None) -> Found | None:
    """The data endpoints a 政务咨询 channel page's scripts fetch its message list from."""
    if not scripts or not is_message_channel(_title(root), None) and not is_message_channel(None, page_url):
        return None
    data = _endpoints(scripts, page_url)
    if not data:
        return None
    return Found.of(NAME, data=data if max_pages > 0 else [], capped=max_pages <= 0)


def answer_data(body: bytes, content_type: str | None) -> object | None:
    """A data answer as parsed JSON (a JSONP wrapper taken off); None when it is no JSON."""
    text, _encoding = decode_html(body or b"", content_type)
    text = text.strip()
    if wrapped := _JSONP.match(text[:5_000_000]):
        text = wrapped["body"]
    if not text.startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def answer_messages(fetch: DataFetch, body: bytes, content_type: str | None) -> list[Message]:
    """The messages an endpoint's answer lists (at most MAX_ITEMS)."""
    data = answer_data(body, content_type)
    return read_message_json(data, fetch.url)[:MAX_ITEMS] if data is not None else []


@data_parser(NAME)
def parse_data(request: DataFetch, body: bytes, content_type: str | None):
    """The answer's messages as list entries (title, detail page, 留言日期); no further pages."""
    items = [ListItem(title=m.title, url=m.url, date=m.asked)
             for m in answer_messages(request, body, content_type) if m.title]
    return items, []
