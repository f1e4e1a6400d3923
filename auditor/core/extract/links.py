"""Links with their anchor text, and the dated entries of list pages."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from auditor.core.models import Link, ListItem
from auditor.core.extract.dates import find_dates
from auditor.core.extract.html import inline_words, tag_of
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


def _resolve(base: str, href: str | None) -> str | None:
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


def extract_links(root, base: str) -> list[Link]:
    """Every navigable link: <a href>, <area href>, frames; first anchor text wins per URL."""
    seen: dict[str, Link] = {}
    for el in root.iter("a", "area", "iframe", "frame"):
        attr = "src" if tag_of(el) in ("iframe", "frame") else "href"
        url = _resolve(base, el.get(attr))
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


def _dated_row(a):
    """The smallest ancestor of link ``a`` (4 levels at most) that holds a date and no other link.

    The date must stand in a short text of its own outside the link (see ``_row_dates``).

    Covers ``<li><a/><span>date</span></li>``, ``<tr><td><a/></td><td>date</td></tr>`` and
    ``<dl><dd><a/></dd><dd>date</dd></dl>``. Returns (row, date) or (None, None).
    """
    el = a
    for _ in range(4):
        el = el.getparent()
        if el is None or tag_of(el) in ("body", "html", "ul", "ol", "table", "tbody"):
            return None, None
        if _links_in(el) > 1:
            return None, None
        dates = _row_dates(el, a)
        if dates:
            return el, dates[-1]
    return None, None


# A row's date stands in a short text of its own (a cell, a span, the link's tail); a date inside
# running prose (an article paragraph that ends in a "read more" link) does not date the link.
_DATE_TEXT_MAX = 40
_NO_TEXT = {"script", "style", "template", "noscript"}


def _row_dates(row, a) -> list[str]:
    inside_a = set(a.iter())  # elements, not ids: lxml proxies keep their identity only while held
    dates: list[str] = []
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
    return dates


def extract_items(root, base: str) -> list[ListItem]:
    """Entries of the page's lists, with their dates.

    A row is the smallest ancestor of a link that carries a date and no other link. Rows that share
    a parent and a tag form a list; in such a list, sibling rows of the same tag holding exactly one
    link but no date are entries too (undated, ``date`` None), so an undated item is not lost.
    """
    items: list[ListItem] = []
    seen_rows: set = set()  # elements themselves, kept alive, so identity holds
    lists: dict[int, tuple[object, str]] = {}
    for a in root.iter("a"):
        url = _resolve(base, a.get("href"))
        if url is None:
            continue
        title = _anchor_text(a)
        row, date = _dated_row(a)
        if row is None or row in seen_rows:
            continue
        seen_rows.add(row)
        items.append(ListItem(title=title, url=url, date=date))
        parent = row.getparent()
        if parent is not None:
            lists[id(parent)] = (parent, tag_of(row))
    for parent, row_tag in lists.values():
        for row in parent:
            if tag_of(row) != row_tag or row in seen_rows or _links_in(row) != 1:
                continue
            a = next(a for a in row.iter("a") if a.get("href"))
            url = _resolve(base, a.get("href"))
            if url is not None:
                seen_rows.add(row)
                items.append(ListItem(title=_anchor_text(a), url=url, date=None))
    return _unique(items)


def _unique(items: list[ListItem]) -> list[ListItem]:
    """One entry per URL (a list often repeats in a hidden copy); a dated copy wins."""
    by_url: dict[str, ListItem] = {}
    for item in items:
        key = item.url or item.title
        if key not in by_url or (item.date and not by_url[key].date):
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
    words = MARKERS["placeholder_text"]
    return any(len(line) <= 40 and any(w in line for w in words) for line in lines)
