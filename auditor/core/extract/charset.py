"""Decode HTML bytes the way real Chinese government sites need it.

Order of evidence: a byte-order mark; the bytes themselves being valid multi-byte UTF-8; the
charset the HTTP header or the page's ``<meta>`` declares, checked by decoding strictly; then the
GB family (GB18030 decodes everything GBK and GB2312 do). A declaration that fails a strict decode
is a lie and is skipped, so a GBK page that claims UTF-8 still reads correctly.
"""
from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-]+)", re.IGNORECASE)
# The GB family: decode with the superset, report what was declared if it fits.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "cp936": "gb18030", "utf8": "utf-8", "unicode": "utf-8", "iso-8859-1": "cp1252",
            "latin1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}


def _normalise(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, charset used). Never raises; the last resort decodes with replacement."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(enc, "replace"), enc
    raw_declared = [c for c in (header_charset(content_type), meta_charset(body)) if c]
    declared = [c for c in (_normalise(c) for c in raw_declared) if c]
    if body.isascii():
        return body.decode("ascii"), declared[0] if declared else "ascii"
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _nearly_utf8(body)
    if text is not None:
        return text, "utf-8"
    for enc in declared + ["gb18030", "big5"]:
        if enc == "utf-8":
            continue
        text = _strict(body, enc)
        if text is not None:
            return text, _label(enc, raw_declared)
    enc = next((d for d in declared if d != "utf-8"), "gb18030")
    return body.decode(enc, "replace"), _label(enc, raw_declared)


def _nearly_utf8(body: bytes) -> str | None:
    """A UTF-8 page but for a few bytes (a stray byte, a size cap cutting a character in two): UTF-8
    with those bytes replaced — GB18030 decodes almost any bytes, so trying it would turn the whole
    page into 乱码 and lose its footer. A GBK page read as UTF-8 fails on nearly every character."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if ord(c) > 127) - bad
    return text if wide >= 20 and bad <= max(3, wide // 200) else None


def _label(codec_name: str, raw_declared: list[str]) -> str:
    """Name the charset as the page declared it (gb2312, gbk) when that is what decoded it."""
    for raw in raw_declared:
        if _normalise(raw) == codec_name:
            return raw.lower()
    return codec_name


def decode_text(data: bytes, errors: str = "replace") -> str:
    """A text file as Chinese offices save them: UTF-8 (with or without a BOM), else GB18030 (what
    Excel and Notepad write as "ANSI" on a Chinese Windows). ``errors="strict"`` raises on bytes that
    are neither."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors)
