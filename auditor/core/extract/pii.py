"""Personal data a page must not show: 居民身份证号 and natural persons' mobile numbers.

Detected at extraction over the whole decoded page (text, attribute values, scripts), so no page
text has to be kept; only masked values and masked context are stored, so neither the snapshot
nor the report republishes what it found.
"""
from __future__ import annotations

import datetime as dt
import re

from auditor.core.models import PiiHit

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# GB/T 2260 province-level codes
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
              50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{16}[0-9Xx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d{9})(?![0-9A-Za-z])")
CONTEXT = 24
_TAGS = re.compile(r"<[^>]*>")
MAX_HITS = 50


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def is_valid_id(number: str, today: dt.date | None = None) -> bool:
    """An 18-digit 居民身份证号 with a plausible region, birth date and the GB 11643 check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if int(number[:2]) not in _PROVINCES:
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not dt.date(1900, 1, 1) <= born <= (today or dt.date.today()):
        return False
    return check_digit(number[:17]) == number[17].upper()


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[14:]


def mask_mobile(number: str) -> str:
    return number[:3] + "****" + number[7:]


def mask_text(text: str) -> str:
    """The text with every valid ID number and every mobile number masked (lengths unchanged)."""
    if not text:
        return text
    text = ID_CANDIDATE.sub(lambda m: mask_id(m.group(1)) if is_valid_id(m.group(1)) else m.group(0), text)
    return MOBILE.sub(lambda m: mask_mobile(m.group(1)), text)


def _context(masked_text: str, start: int, end: int) -> str:
    """The window around a hit, cut from text already masked as a whole, so a number the window
    edge cuts through cannot leak its digits."""
    snippet = masked_text[max(0, start - CONTEXT):end + CONTEXT]
    return re.sub(r"\s+", " ", snippet)


def find_pii(visible: str, source: str = "") -> list[PiiHit]:
    """ID numbers (valid ones only) in the visible text and in the page source (attribute values,
    scripts), and mobile numbers in the visible text; all masked."""
    hits: list[PiiHit] = []
    seen: set[str] = set()
    masked_texts = {"text": mask_text(visible), "source": None}
    for where, text, pattern in (("text", visible, ID_CANDIDATE), ("source", source, ID_CANDIDATE),
                                 ("text", visible, MOBILE)):
        for m in pattern.finditer(text):
            number = m.group(1)
            if number in seen or (pattern is ID_CANDIDATE and not is_valid_id(number)):
                continue
            seen.add(number)
            kind = "id_number" if pattern is ID_CANDIDATE else "mobile"
            masked = mask_id(number) if kind == "id_number" else mask_mobile(number)
            if where == "text":
                plain, offset = masked_texts["text"], m.start(1)
            else:
                window = _TAGS.sub(" ", text[max(0, m.start() - 200):m.end() + 200])
                offset = window.find(number)
                plain = mask_text(window)
            hits.append(PiiHit(kind=kind, masked=masked, where=where,
                               context=_context(plain, offset, offset + len(number))))
            if len(hits) >= MAX_HITS:
                return hits
    return hits
