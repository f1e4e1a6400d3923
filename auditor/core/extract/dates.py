"""Dates as Chinese government pages write them.

``2026-09-16``, ``2026/9/16``, ``2026.09.16``, ``2026年9月16日``, ``二〇二六年九月十六日``,
``[2026-09-16]``, ``发布时间：2026-09-16 10:20``, ``20260916`` inside a meta value, with or
without a time. Everything returns ISO ``YYYY-MM-DD`` strings or ``None``; nothing raises.
"""
from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○Ｏ一二三四五六七八九十"

_ARABIC = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.．]|年)\s*(\d{1,2})\s*(?:[-/.．]|月)\s*(\d{1,2})(?!\d)\s*日?")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_CHINESE = re.compile(
    rf"([{_CN_NUM}]{{4}})\s*年\s*([{_CN_NUM}]{{1,3}})\s*月\s*([{_CN_NUM}]{{1,3}})\s*日")
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)\s*月?")


def _cn_small(text: str) -> int | None:
    """一 .. 三十一 (the numbers months and days need)."""
    if not text:
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        u = _CN_DIGITS.get(units, None) if units else 0
        if t is None or u is None:
            return None
        return t * 10 + u
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    if len(text) == 2 and all(c in _CN_DIGITS for c in text):  # 〇九 style
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[1]]
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match, pattern: re.Pattern) -> str | None:
    if pattern is _CHINESE:
        y_text = m.group(1)
        if not all(c in _CN_DIGITS for c in y_text):
            return None
        y = int("".join(str(_CN_DIGITS[c]) for c in y_text))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
        if mo is None or d is None:
            return None
        return _iso(y, mo, d)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def find_dates(text: str | None) -> list[str]:
    """Every well-formed date in ``text``, in order of appearance."""
    if not text:
        return []
    found: list[tuple[int, int, str]] = []
    for pattern in (_ARABIC, _CHINESE, _COMPACT):
        for m in pattern.finditer(text):
            iso = _from_match(m, pattern)
            if iso and not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), iso))
    return [iso for _, _, iso in sorted(found)]


def parse_date(text: str | None) -> str | None:
    """The first date in ``text``, or ``None``."""
    dates = find_dates(text)
    return dates[0] if dates else None


def parse_year_month(text: str | None) -> tuple[int, int] | None:
    """``2026-09`` / ``2026年9月`` for list items that give no day."""
    if not text:
        return None
    m = _YEAR_MONTH.search(text)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    return (y, mo) if 1 <= mo <= 12 else None


def to_date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


# SPEC §7: lists often print a date without its year (07-27, 7月27日) or only in the entry's URL
# (/2018-07-27/10366.html, /t20180727_). A month-day stands alone in its short text (a cell, a span:
# "07-27", "[07-27]", "(7月27日)"); 7月27日 is also read inside a short text when no year precedes it.
_MONTH_DAY_ALONE = re.compile(r"^[\s\[\(（【〔]*(\d{1,2})\s*(?:[-/.．]|月)\s*(\d{1,2})\s*日?[\s\]\)）】〕]*$")
_MONTH_DAY_CN = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])(?!\d)"
                       r"|(?<![\d])((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")      # Hanweb: /art/2026/7/27/


def find_month_days(text: str | None) -> list[tuple[int, int]]:
    """Month-day dates without a year in a short text: ``07-27``, ``[7/27]``, ``7月27日``."""
    if not text or find_dates(text):
        return []
    alone = _MONTH_DAY_ALONE.match(text)
    found = [(int(alone.group(1)), int(alone.group(2)))] if alone else \
        [(int(m.group(1)), int(m.group(2))) for m in _MONTH_DAY_CN.finditer(text)]
    return [(mo, d) for mo, d in found if 1 <= mo <= 12 and 1 <= d <= 31]


def infer_year(month: int, day: int, latest: dt.date) -> str | None:
    """The month-day in the latest year that does not put it after ``latest`` (the crawl date)."""
    for year in range(latest.year, latest.year - 9, -1):    # 29 Feb waits at most eight years
        iso = _iso(year, month, day)
        if iso and iso <= latest.isoformat():
            return iso
    return None


def date_in_url(url: str | None) -> str | None:
    """A date a CMS wrote into a page's path (``/2018-07-27/``, ``/t20180727_``, ``/2018/07/27/``)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]       # not the host (a port is no date)
    for m in _URL_DATE.finditer(path):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        iso = _iso(int(y), int(mo), int(d))
        if iso:
            return iso
    return None
