"""Reading a 政府信息公开指南: its update date, its publish date, the items it gives."""
from __future__ import annotations

import datetime as dt
import re

from auditor.core.extract.dates import find_dates, parse_year_month
from auditor.core.extract.labels import find_label_date

# "本指南于2024年3月1日更新" / "本指南自…起修订" / "（2024年3月修订）"; text with spaces removed
_DATE_TEXT = r"([^\s。，,；;：:（）()]{5,16}?[日月])"
_SENTENCE = re.compile(r"(?:本指南|指南)[^。\n]{0,12}?[于自]?" + _DATE_TEXT + r"起?(?:更新|修订|修改)")
_PAREN = re.compile(r"[（(]" + _DATE_TEXT + r"(?:更新|修订)[）)]")
_GREEDY_DATE_TEXT = _DATE_TEXT.replace("{5,16}?", "{5,16}")       # the whole day, not its month
_LABEL = re.compile(r"(?:更新|修订|修改)(?:日期|时间)[:：]?" + _GREEDY_DATE_TEXT + "?")


def _date_of(text: str) -> str | None:
    """A day, or a month given alone (更新日期：2024年3月 -> its last day, the lenient reading)."""
    dates = find_dates(text)
    if dates:
        return dates[0]
    ym = parse_year_month(text)
    if ym:
        year, month = ym
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        return last.isoformat()
    return None


def update_date(lines: list[str], labels: list[str] | tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """(ISO date, the text it was read from) of the guide's stated update, or (None, None). ``labels``
    are a profile's own words for the update date (最后更新：…), read before the usual ones."""
    flat = [compact(line) for line in lines]           # 更 新 日 期 reads as 更新日期
    if labels:
        own = re.compile("(?:" + "|".join(re.escape(compact(w)) for w in labels) + r")[:：]?" + _GREEDY_DATE_TEXT)
        for line in flat:
            m = own.search(line)
            if m and (date := _date_of(m.group(1))):
                return date, m.group(0)[:80]
    date = find_label_date(flat, "updated")
    if date:
        line = next((l for l in flat if date[:4] in l and any(w in l for w in ("更新", "修订"))), date)
        return date, line[:80]
    for line in flat:
        for pattern in (_LABEL, _SENTENCE, _PAREN):
            m = pattern.search(line)
            if m and m.group(1):
                date = _date_of(m.group(1))
                if date:
                    return date, m.group(0)[:80]
    return None, None


def compact(text: str) -> str:
    """Text with all white space removed: 地 址 reads as 地址."""
    return re.sub(r"\s+", "", text or "")


def missing_items(text: str, items: dict[str, list[str]]) -> list[str]:
    """The guide items (name -> patterns) none of whose patterns the text (spaces removed) matches."""
    flat = compact(text)
    return [name for name, patterns in items.items() if not any(re.search(p, flat) for p in patterns)]
