"""Guangdong's 政府信息公开目录管理平台 (``/gkmlpt/``): a single-page application over a JSON API.

Every Guangdong government site, province to township, runs it under ``…/gkmlpt/``. The page
``…/gkmlpt/index`` carries ``window._CONFIG = {SID: '755041', TREE: [...], …}`` and draws the
directory by script; a column is chosen by the fragment (``/gkmlpt/index#721``). The list comes
from ``…/gkmlpt/api/all/{classify_id}?page=1&sid={SID}`` (``all/0`` is the whole directory), a
JSON answer like::

    {"total": 145, "classify": {"post_count": 145, …},
     "articles": [{"id": 963149, "title": "…", "url": "…/gkmlpt/content/0/963/post_963149.html",
                   "post_url": "…", "created_at": "2026-06-18 16:25:04", "date": 1781712000,
                   "display_publish_time": 1781771108, "document_number": "…",
                   "identifier": "…", …}, …]}

about 100 articles a page. Article pages (``…/gkmlpt/content/…``, ``_CONFIG.DETAIL``) carry the
same config and are not lists.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from auditor.core.extract.charset import decode_html
from auditor.core.extract.dates import parse_date
from auditor.core.extract.html import clean_space
from auditor.core.models import DataFetch, ListItem

from auditor.core.extract.platforms._base import (
    MAX_DATA_PAGES,
    MAX_ITEMS,
    Found,
    absolute,
    canonical,
    page_scripts,
    script_srcs,
    to_int,
)
from auditor.core.extract.platforms.registry import adapter, data_parser, list_marker

NAME = "gkmlpt"
_SID = re.compile(r"""["']?\bSID["']?\s*:\s*["']?([\w\-]{1,40})["']?""")
_DETAIL = re.compile(r"""["']?\bDETAIL["']?\s*:""")
_CLASSIFY = re.compile(r"^#?/?(\d{1,12})$")
_CHINA = dt.timezone(dt.timedelta(hours=8))
# publication first; ``date`` is the document's own (成文) date on this platform
_DATE_KEYS = ("created_at", "display_publish_time", "publish_time", "publish_date", "pubDate",
              "first_publish_time", "date", "create_time", "release_time", "publishTime")
_URL_KEYS = ("url", "post_url", "link", "href")
_TITLE_KEYS = ("title", "name", "post_title")


def _api_base(page_url: str, root) -> str | None:
    """``…/gkmlpt/`` of the page, else of a script that loads from a gkmlpt folder."""
    for candidate in [page_url, *script_srcs(root)]:
        url = absolute(page_url, candidate)
        if not url:
            continue
        parts = urlsplit(url)
        at = parts.path.find("/gkmlpt/")
        if at < 0 and parts.path.endswith("/gkmlpt"):
            at = len(parts.path) - len("/gkmlpt")
        if at >= 0:
            path = parts.path[:at] + "/gkmlpt/"
            return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return None


@adapter(name=NAME, label="广东政务公开平台（gkmlpt）接口", order=40)
def expand(root, page_url: str, max_pages: int = 200, scripts=None) -> Found | None:
    """The first API page of a gkmlpt directory page (its column, or the whole directory)."""
    scripts = page_scripts(root) if scripts is None else scripts
    config = next((text for _el, text in scripts if "_CONFIG" in text and "SID" in text), None)
    if config is None:
        return None
    sid = _SID.search(config)
    if not sid:
        return None
    path = urlsplit(page_url).path if absolute(page_url, page_url) else ""
    if "/content/" in path or _DETAIL.search(config):
        return None  # an article page
    api = _api_base(page_url, root)
    if api is None:
        return None
    fragment = urlsplit(page_url).fragment if "#" in page_url else ""
    m = _CLASSIFY.match(fragment)
    classify = m.group(1) if m else "0"
    query = urlencode({"page": 1, "sid": sid.group(1)})
    url = absolute(api, f"api/all/{classify}?{query}")
    if url is None:
        return None
    data = [DataFetch(adapter=NAME, url=url, page=1)] if max_pages > 0 else []
    return Found.of(NAME, data=data, capped=max_pages <= 0)


def _date(value) -> str | None:
    """ISO date from epoch seconds or milliseconds (China time), or from a date string."""
    number = to_int(value) if not isinstance(value, str) or value.strip().isdigit() else None
    if number is not None:
        if number > 10 ** 11:
            number //= 1000
        if not 315_532_800 <= number <= 4_102_444_800:  # 1980 .. 2100
            return None
        return dt.datetime.fromtimestamp(number, _CHINA).date().isoformat()
    if isinstance(value, str):
        return parse_date(value[:100])
    return None


def _first(article: dict, keys) -> object:
    for key in keys:
        value = article.get(key)
        if value not in (None, "", 0):
            return value
    return None


def _articles(data) -> tuple[list, object]:
    """(articles, total) from the answer, leniently: ``articles`` at the top or under ``data``."""
    if not isinstance(data, dict):
        return [], None
    holders = [data]
    if isinstance(data.get("data"), dict):
        holders.append(data["data"])
    for holder in holders:
        for key in ("articles", "list", "data", "rows", "records", "items"):
            found = holder.get(key)
            if isinstance(found, list):
                total = holder.get("total", holder.get("count", holder.get("totalCount")))
                if total is None and isinstance(holder.get("classify"), dict):
                    total = holder["classify"].get("post_count")
                return found, total
    return [], None


def _item(article, base: str) -> ListItem | None:
    if not isinstance(article, dict):
        return None
    title = _first(article, _TITLE_KEYS)
    title = clean_space(title) if isinstance(title, str) else ""
    url = None
    for key in _URL_KEYS:
        value = article.get(key)
        if isinstance(value, str):
            url = canonical(base, value)
            if url:
                break
    if not title and not url:
        return None
    date = None
    for key in _DATE_KEYS:
        value = article.get(key)
        if value not in (None, "", 0):
            date = _date(value)
            if date:
                break
    return ListItem(title=title[:300], url=url, date=date)


def _with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([("page", page), *query])))


@data_parser(NAME)
def parse_data(request: DataFetch, body: bytes, content_type: str | None):
    """Articles of one API page; from page 1, the further pages its ``total`` implies (at most
    MAX_DATA_PAGES), the page size being the number of articles page 1 holds."""
    text, _encoding = decode_html(body or b"", content_type)
    text = text.strip()
    if not text.startswith(("{", "[")):
        return [], []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return [], []
    articles, total = _articles(data)
    items: list[ListItem] = []
    seen: set[str] = set()
    for article in articles[:MAX_ITEMS]:
        item = _item(article, request.url)
        if item is None:
            continue
        key = item.url or item.title
        if key not in seen:
            seen.add(key)
            items.append(item)
    further: list[DataFetch] = []
    total = to_int(total) if not isinstance(total, str) or total.strip().isdigit() else None
    if request.page == 1 and total and articles and total > len(articles):
        last = min(math.ceil(total / len(articles)), MAX_DATA_PAGES)
        further = [DataFetch(adapter=NAME, url=_with_page(request.url, page), page=page)
                   for page in range(2, last + 1)]
    return items, further


@list_marker(NAME)
def keeps_list_in_script(code: list[str], srcs: list[str]) -> bool:
    """The directory's configuration, with the platform's own scripts or paths beside it."""
    return any("_CONFIG" in t and "SID" in t for t in code) and (
        any("/gkmlpt/" in src for src in srcs) or any("/gkmlpt/" in t for t in code))
