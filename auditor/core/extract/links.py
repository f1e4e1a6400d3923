"""Links with their anchor text, and the dated entries of list pages."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from auditor.core.models import Link, ListItem
from auditor.core.extract.dates import date_in_url, find_dates, find_month_days, infer_year
from auditor.core.extract.html import inline_words, tag_of
from auditor.core.extract.list_markup import is_placeholder
from auditor.core.extract.markers import MARKERS

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:", "#", "vbscript:", "sms:")
_PAGE_LINK = re.compile(r"(?:index|list|default)_\d+\.s?html?$|[?&](?:page|pageno|pageindex|p|curpage|pn)=\d+",
                        re.IGNORECASE)


ATTACHMENT_EXT = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|gz|tar|txt|csv|jpe?g|png|gif|bmp|tiff?"
    r"|mp4|avi|flv|wmv|mp3|wav|apk|exe|ceb|caj|xml|json)$", re.IGNORECASE)


def is_attachment_url(url: str) -> bool:
    """A link to a file (document, image, archive) rather than a page, by its extension."""
    return bool(ATTACHMENT_EXT.search(urlsplit(url).path))


_SESSION_PARAMS = {"jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid",
                   "cftoken", "_t", "timestamp", "rnd", "random"}
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """One spelling per page: no fragment, lower-case scheme and host, a slash for an empty path,
    no session ids or cache-busters (;jsessionid=…, ?sid=…), query parameters in order."""
    parts = urlsplit(url.strip())
    path = _PATH_SESSION.sub("", parts.path) or "/"
    query = parts.query
    if query:
        pairs = [p for p in query.split("&") if p and p.split("=", 1)[0].lower() not in _SESSION_PARAMS
                 and not p.split("=", 1)[0].lower().startswith("aspsessionid")]
        query = "&".join(sorted(pairs))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


# A data answer asked for by POST is stored under its URL, this marker and the form body: a Hanweb site's
# lists all POST to one dataproxy.jsp and differ only in the body (columnid, unitid).
POSTED = "#post:"


def record_key(url: str) -> str:
    """The key a record is stored and looked up under: the canonical URL, and for a POSTed data
    answer its form body too (canonical_url alone drops it with the fragment)."""
    base, posted, body = url.partition(POSTED)
    return canonical_url(base) + (POSTED + body if posted else "")


_DIGITS = re.compile(r"\d+")


def url_pattern(url: str) -> str | None:
    """The template a trap repeats (a calendar's ?date=…, endless ?page=…): path with its numbers
    blanked and the query's parameter names; None for a URL with no query (articles are many)."""
    parts = urlsplit(url)
    if not parts.query:
        return None
    names = sorted({p.split("=", 1)[0] for p in parts.query.split("&") if p})
    return f"{parts.netloc}{_DIGITS.sub('#', parts.path)}?{'&'.join(names)}"


def base_url(root, page_url: str) -> str:
    base = root.find(".//base[@href]")
    if base is not None:
        return urljoin(page_url, base.get("href").strip())
    return page_url


@lru_cache(maxsize=16384)       # links and list entries resolve the same hrefs
def resolve_href(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip().replace("\\", "/")
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    return canonical_url(url)


_GENERIC = re.compile(r"^(?:更多|more|查看更多|查看|详细|详情|进入|点击进入|点击查看|>+|»+|…+|\.\.\.)[\s>»]*$",
                      re.IGNORECASE)


def _generic(text: str) -> bool:
    return bool(_GENERIC.match(text.strip()))


_NO_ANCHOR_TEXT = {"script", "style", "template"}


def _anchor_text(a) -> str:
    """A link's words: its text (block children apart), else its title or its image's alt.

    A cheap walk of the anchor alone: pages have hundreds of links."""
    text = inline_words(a, _NO_ANCHOR_TEXT)
    if not text:
        text = a.get("title", "") or next((img.get("alt", "") for img in a.iter("img")), "")
    return text.strip()[:200]


# Links a page record keeps (project limit, not a legal one): real government pages carry a few
# hundred (the most in tests/real/ is 384; a 网站地图 a thousand or two), a hostile page 10,000 —
# 150 of those made 1.5 M links and 1.3 GB (issue 18). The page's head (navigation, columns,
# lists) and its tail (pager, footer) are kept; how many were left is on the record (links_dropped).
MAX_LINKS_KEPT = 2000
_TAIL_KEPT = 200


def kept_links(links: list[Link]) -> tuple[list[Link], int]:
    """The links a record keeps and how many it drops (those in the middle of a huge page)."""
    if len(links) <= MAX_LINKS_KEPT:
        return links, 0
    return links[:MAX_LINKS_KEPT - _TAIL_KEPT] + links[-_TAIL_KEPT:], len(links) - MAX_LINKS_KEPT


def extract_links(root, base: str) -> list[Link]:
    """Every navigable link: <a href>, <area href>, frames; first anchor text wins per URL."""
    seen: dict[str, Link] = {}
    for el in root.iter("a", "area", "iframe", "frame"):
        attr = "src" if tag_of(el) in ("iframe", "frame") else "href"
        url = resolve_href(base, el.get(attr))
        if url is None:
            continue
        text = _anchor_text(el) if attr == "href" else ""
        if url not in seen:
            seen[url] = Link(url=url, text=text)
        elif text and (not seen[url].text or _generic(seen[url].text)) and not _generic(text):
            seen[url].text = text       # 更多>> first, the column's name later: keep the name
    return list(seen.values())


def _links_in(el, limit: int = 2) -> int:
    count = 0
    for a in el.iter("a"):
        if a.get("href"):
            count += 1
            if count >= limit:
                break
    return count


def _dated_row(a, latest: dt.date) -> tuple[object, str | None, bool]:
    """The smallest ancestor of link ``a`` (4 levels at most) that holds a date and no other link.

    The date must stand in a short text of its own outside the link (see ``_row_dates``).

    Covers ``<li><a/><span>date</span></li>``, ``<tr><td><a/></td><td>date</td></tr>`` and
    ``<dl><dd><a/></dd><dd>date</dd></dl>``. A row that prints only a month and day (``07-27``,
    ``7月27日``) takes the latest year not after ``latest`` (SPEC §7). Returns (row, date, inferred)
    or (None, None, False).
    """
    el, yearless = a, None
    for _ in range(4):
        el = el.getparent()
        if el is None or tag_of(el) in ("body", "html", "ul", "ol", "table", "tbody") or _links_in(el) > 1:
            break
        dates, month_days = _row_dates(el, a)
        if dates:
            return el, dates[-1], False
        if month_days and yearless is None:
            yearless = (el, infer_year(*month_days[-1], latest))
    if yearless is not None and yearless[1]:
        return yearless[0], yearless[1], True
    return None, None, False


# A row's date stands in a short text of its own (a cell, a span, the link's tail); a date inside
# running prose (an article paragraph that ends in a "read more" link) does not date the link.
_DATE_TEXT_MAX = 40
_NO_TEXT = {"script", "style", "template", "noscript"}


def _row_dates(row, a) -> tuple[list[str], list[tuple[int, int]]]:
    """The full dates and the month-days without a year that stand in the row's short texts."""
    inside_a = set(a.iter())  # elements, not ids: lxml proxies keep their identity only while held
    dates: list[str] = []
    month_days: list[tuple[int, int]] = []
    for node in row.iter():
        if not isinstance(node.tag, str):
            continue
        pieces = []
        if node not in inside_a and tag_of(node) not in _NO_TEXT:
            pieces.append(node.text)
        if node is not row and (node not in inside_a or node is a):
            pieces.append(node.tail)
        for piece in pieces:
            piece = (piece or "").strip()
            if piece and len(piece) <= _DATE_TEXT_MAX:
                dates += find_dates(piece)
                month_days += find_month_days(piece)
    return dates, month_days


def extract_items(root, base: str, latest: dt.date | None = None) -> list[ListItem]:
    """Entries of the page's lists, with their dates.

    A row is the smallest ancestor of a link that carries a date and no other link. Rows that share
    a parent and a tag form a list; in such a list, sibling rows of the same tag holding exactly one
    link but no date are entries too (undated, ``date`` None), so an undated item is not lost.
    SPEC §7: a date printed without its year takes the latest year not after ``latest`` (the crawl
    date); an entry with no printed date takes the date its URL carries, and a list whose rows print
    no date but whose links carry dates in their URLs is a list too. Such dates are marked inferred.
    """
    latest = latest or dt.date.today()
    host = urlsplit(base).hostname
    items: list[ListItem] = []
    seen_rows: set = set()  # elements themselves, kept alive, so identity holds
    lists: dict[int, tuple[object, str]] = {}
    for a in root.iter("a"):
        url = resolve_href(base, a.get("href"))
        if url is None:
            continue
        row, date, inferred = _dated_row(a, latest)
        if row is None or row in seen_rows:
            continue
        seen_rows.add(row)
        items.append(ListItem(title=_anchor_text(a), url=url, date=date, date_inferred=inferred))
        parent = row.getparent()
        if parent is not None:
            lists[id(parent)] = (parent, tag_of(row))
    for parent, row_tag in list(lists.values()) + _url_dated_lists(root, base, host):
        for row in parent:
            if tag_of(row) != row_tag or row in seen_rows or _links_in(row) != 1:
                continue
            a = next(a for a in row.iter("a") if a.get("href"))
            url = resolve_href(base, a.get("href"))
            if url is not None:
                seen_rows.add(row)
                items.append(_undated_item(_anchor_text(a), url, host))
    return _unique(items)


_URL_LIST_MIN = 3       # rows of one list whose links carry a date in their URL, before it counts as a list
_URL_LIST_SHARE = 0.8   # … and the share of its rows that do


def _url_dated_lists(root, base: str, host: str | None) -> list[tuple[object, str]]:
    """Lists whose rows print no date at all but link to dated pages of the site itself
    (/t20180727_…, /2018-07-27/…); a block of links to other sites (newspapers' dated pages) is none."""
    found = []
    for parent in root.iter("ul", "ol", "tbody", "table", "dl"):    # list markup, not paragraphs
        rows = [row for row in parent if tag_of(row) in ("li", "tr", "dd", "dt") and _links_in(row) == 1]
        tags = {tag_of(row) for row in rows}
        if len(rows) < _URL_LIST_MIN or len(tags) != 1:
            continue
        urls = [resolve_href(base, next(a for a in row.iter("a") if a.get("href")).get("href")) for row in rows]
        dated = sum(1 for url in urls if url and urlsplit(url).hostname == host and date_in_url(url))
        if dated >= _URL_LIST_MIN and dated >= _URL_LIST_SHARE * len(rows):
            found.append((parent, tags.pop()))
    return found


def _undated_item(title: str, url: str, host: str | None) -> ListItem:
    from_url = date_in_url(url) if urlsplit(url).hostname == host else None
    return ListItem(title=title, url=url, date=from_url, date_inferred=bool(from_url), date_in_url=bool(from_url))


def _unique(items: list[ListItem]) -> list[ListItem]:
    """One entry per URL (a list often repeats in a hidden copy); a dated copy wins."""
    by_url: dict[str, ListItem] = {}
    for item in items:
        key = item.url or item.title
        if key not in by_url or (item.date and not by_url[key].date) \
                or (item.date and not item.date_in_url and by_url[key].date_in_url):
            by_url[key] = item
    return list(by_url.values())


def has_pagination(root, links: list[Link], lines: list[str]) -> bool:
    words = MARKERS["pagination_text"]
    if any(link.text in words for link in links):
        return True
    for link in links:
        if not link.text or len(link.text) > 10:
            continue  # frames and article links are no pager
        parts = urlsplit(link.url)
        if _PAGE_LINK.search(parts.path) or _PAGE_LINK.search("?" + parts.query):
            return True
    code = " ".join((s.text or "")[:3000] for s in root.iter("script"))
    if any(re.search(p, code) for p in MARKERS["pagination_script"]) or re.search(r"共\s*\d+\s*页", " ".join(lines)):
        return True
    return False


def has_placeholder(lines: list[str]) -> bool:
    return any(is_placeholder(line) for line in lines)
