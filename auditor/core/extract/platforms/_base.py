"""What every adapter shares: its result type, the page's scripts, URLs, numbers and list entries.

Everything here reads hostile text: no function raises on malformed input, every loop and every
regex is bounded, and only http(s) URLs come out.
"""
from __future__ import annotations

import html as html_lib
import math
import re
from typing import NamedTuple, Sequence
from urllib.parse import urljoin, urlsplit

from lxml import etree

from auditor.core.extract.dates import find_dates
from auditor.core.extract.html import ParseError, clean_space, inline_words, parse, tag_of
from auditor.core.extract.links import base_url, canonical_url
from auditor.core.models import Expansion, ListItem


class Found(NamedTuple):
    """What one adapter read from a page: the record's note of it (``models.Expansion``: further
    pages, data endpoints as ``models.DataFetch``, redirect, and ``items``, the number of entries)
    and the list entries the page carries in script, for ``PageRecord.items``."""
    expansion: Expansion
    entries: tuple[ListItem, ...] = ()

    @classmethod
    def of(cls, adapter: str, entries: Sequence[ListItem] = (), **fields) -> Found:
        """``fields`` are the ``Expansion``'s; its ``items`` is the number of ``entries``."""
        return cls(Expansion(adapter=adapter, items=len(entries), **fields), tuple(entries))


# Bounds on what one page or one answer may yield, whatever it claims.
MAX_ITEMS = 5000            # list entries taken from one page or one data answer
MAX_DATA_PAGES = 200        # pages a data answer may enumerate (parse_data has no max_pages)
MAX_SCRIPT = 2_000_000      # characters of one script that are read at all
_HUGE = 10 ** 15            # any number beyond this (15 digits) counts as "huge"


# --- scripts -------------------------------------------------------------------------------------

def page_scripts(root) -> list[tuple[object, str]]:
    """The page's inline scripts as (element, text), in document order; empty ones left out."""
    found = []
    for el in root.iter("script"):
        text = el.text
        if text and not text.isspace():
            found.append((el, text[:MAX_SCRIPT]))
    return found


def script_srcs(root) -> list[str]:
    return [el.get("src", "") for el in root.iter("script") if el.get("src")]


# --- URLs ----------------------------------------------------------------------------------------

_BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "mailto:", "tel:", "about:", "blob:", "file:",
                "sms:", "ftp:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``; None unless the result is an http(s) URL with a host."""
    if not href or not isinstance(href, str):
        return None
    href = _CONTROL.sub("", href).strip().replace("\\", "/")
    if not href or len(href) > 4096 or href.startswith("#"):
        return None
    if href.lower().startswith(_BAD_SCHEMES):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(c.isspace() for c in parts.netloc):
        return None
    return url


def canonical(base: str, href: str | None) -> str | None:
    """``absolute`` in the project's one spelling per page (see ``canonical_url``)."""
    url = absolute(base, href)
    return canonical_url(url) if url else None


def page_base(root, page_url: str) -> str:
    """The page URL, or its ``<base href>`` when that is a usable http(s) URL."""
    try:
        base = base_url(root, page_url)
    except (ValueError, AttributeError):
        return page_url
    return base if absolute(base, base) else page_url


# --- numbers and JavaScript literals -------------------------------------------------------------

_INT = re.compile(r"^\s*([+-]?)\s*(\d+)\s*$")


def to_int(value) -> int | None:
    """A whole number from a JSON value or a literal's text; huge ones come back as 10**15."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return max(min(value, _HUGE), -_HUGE)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return max(min(int(value), _HUGE), -_HUGE)
    if isinstance(value, str):
        m = _INT.match(value[:64])
        if not m:
            return None
        digits = m.group(2).lstrip("0") or "0"
        number = _HUGE if len(digits) > 15 else min(int(digits), _HUGE)
        return -number if m.group(1) == "-" else number
    return None


_JS_STRING = r"\"(?:[^\"\\\n]|\\.){0,500}\"|'(?:[^'\\\n]|\\.){0,500}'"
_JS_ASSIGN = re.compile(
    r"(?<![\w$.])([A-Za-z_$][\w$]{0,60})\s*=(?!=)\s*(" + _JS_STRING + r"|[+-]?\d{1,30}(?![\w.]))")


def js_unquote(token: str) -> str:
    """The value of a JavaScript string literal (quotes removed, simple escapes undone)."""
    inner = token[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), inner)


def js_value(token: str, variables: dict[str, object] | None = None):
    """A literal argument's value: str for a string, int for a number, a variable's value for a
    plain identifier; None for anything else (an expression is not evaluated)."""
    token = token.strip()
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "\"'":
        return js_unquote(token)
    number = to_int(token)
    if number is not None:
        return number
    if variables is not None and re.fullmatch(r"[A-Za-z_$][\w$]*", token):
        return variables.get(token)
    return None


def js_assignments(text: str, end: int | None = None) -> dict[str, object]:
    """``name = literal`` assignments (with or without var/let/const) before ``end``; last wins."""
    found: dict[str, object] = {}
    for m in _JS_ASSIGN.finditer(text, 0, len(text) if end is None else end):
        found[m.group(1)] = js_value(m.group(2))
    return found


def _scan(text: str, start: int = 0, stop: int | None = None):
    """(index, character, inside a '…' or "…" literal) for each character; backslash escapes
    respected. An opening quote counts as inside."""
    quote, escaped = "", False
    for i in range(start, len(text) if stop is None else stop):
        ch = text[i]
        if quote:
            yield i, ch, True
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
            yield i, ch, True
        else:
            yield i, ch, False


def split_args(text: str, limit: int = 20) -> list[str]:
    """Comma-separated arguments, commas inside quotes kept; at most ``limit`` of them."""
    args, current = [], []
    for _, ch, quoted in _scan(text):
        if ch == "," and not quoted:
            args.append("".join(current).strip())
            current = []
            if len(args) >= limit:
                return args
        else:
            current.append(ch)
    args.append("".join(current).strip())
    return args


def balanced(text: str, start: int, limit: int = 20_000) -> str | None:
    """The ``{...}`` or ``[...]`` block opening at ``text[start]``, quotes respected; None when it
    does not close within ``limit`` characters."""
    if start >= len(text) or text[start] not in "{[":
        return None
    depth = 0
    for i, ch, quoted in _scan(text, start, min(len(text), start + limit)):
        if quoted:
            continue
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return None


_OBJ_PAIR = re.compile(
    r"""["']?([A-Za-z_$][\w$]{0,60})["']?\s*:\s*(""" + _JS_STRING + r"""|[+-]?\d{1,30}(?![\w.])|true|false)""")


def js_object(text: str) -> dict[str, str]:
    """The flat ``key: literal`` pairs of a JavaScript object literal, values as text."""
    pairs: dict[str, str] = {}
    for m in _OBJ_PAIR.finditer(text[:20_000]):
        value = m.group(2)
        if value[:1] in "\"'":
            value = js_unquote(value)
        pairs[m.group(1)] = value
        if len(pairs) >= 100:
            break
    return pairs


# --- list entries from an HTML fragment ----------------------------------------------------------

_DATE_TEXT_MAX = 40
_NO_TEXT = {"script", "style", "template", "noscript"}


def _texts(el):
    """(text, inside_anchor_element_or_None) pieces of ``el`` in order."""
    walker = etree.iterwalk(el, events=("start", "end"))
    anchor = None
    for event, node in walker:
        if not isinstance(node.tag, str):
            continue
        tag = tag_of(node)
        if event == "start":
            if tag in _NO_TEXT:
                walker.skip_subtree()
                continue
            if tag == "a" and anchor is None:
                anchor = node
            if node.text:
                yield node.text, anchor
        else:
            if node is anchor:
                anchor = None
            if node is not el and node.tail:
                yield node.tail, anchor


def entry_from(el, base: str) -> ListItem | None:
    """One list entry from a record element: its first http(s) link, the title attribute (else the
    anchor's words), and the date that stands in a short text of its own (outside the link first)."""
    anchor, url = None, None
    for a in el.iter("a"):
        url = canonical(base, a.get("href"))
        if url:
            anchor = a
            break
    if anchor is None:
        return None
    outside, inside = [], []
    for text, in_anchor in _texts(el):
        piece = text.strip()
        if piece and len(piece) <= _DATE_TEXT_MAX:
            dates = find_dates(piece)
            if dates:
                (inside if in_anchor is anchor else outside).append((piece, dates[-1]))
    title = clean_space(anchor.get("title"))
    if not title:
        title = inline_words(anchor, _NO_TEXT, {piece for piece, _ in inside})
        if not title:
            title = clean_space(next((img.get("alt", "") for img in anchor.iter("img")), ""))
    date = outside[-1][1] if outside else (inside[-1][1] if inside else None)
    return ListItem(title=title[:300], url=url, date=date)


_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|$)", re.DOTALL)


def uncdata(text: str) -> str:
    """The text of CDATA sections (or the text itself when it has none); entity-escaped markup
    (``&lt;li&gt;``) is unescaped."""
    if "<![CDATA[" in text:
        text = "".join(m.group(1) for m in _CDATA.finditer(text))
    elif "<" not in text and "&lt;" in text:
        text = html_lib.unescape(text)
    return text


def entries_from_fragments(fragments, base: str, limit: int = MAX_ITEMS) -> list[ListItem]:
    """List entries from HTML fragments (one record each), in order, one per URL."""
    items: list[ListItem] = []
    seen: set[str] = set()
    for fragment in fragments:
        if len(items) >= limit:
            break
        if not fragment or "<a" not in fragment.lower():
            continue
        try:
            root = parse(f"<html><body><div>{fragment[:200_000]}</div></body></html>")
        except (ParseError, ValueError):
            continue
        body = root.find("body")
        item = entry_from(body if body is not None else root, base)
        if item is not None and item.url not in seen:
            seen.add(item.url)
            items.append(item)
    return items
