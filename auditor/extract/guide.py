"""Reading a 政府信息公开指南: its update date, its publish date, the items it gives."""
from __future__ import annotations

import re

from .dates import find_dates
from .labels import find_label_date

# "本指南于2024年3月1日更新" / "本指南自…起修订" / "（2024年3月修订）"
_SENTENCE = re.compile(r"(?:本指南|指南)[^。\n]{0,12}?于?\s*(\S{6,16}?日)\s*(?:起)?\s*(?:更新|修订|修改)")
_PAREN = re.compile(r"[（(]\s*(\S{6,16}?日?)\s*(?:更新|修订)\s*[）)]")


def update_date(lines: list[str]) -> tuple[str | None, str | None]:
    """(ISO date, the text it was read from) of the guide's stated update, or (None, None)."""
    date = find_label_date(lines, "updated")
    if date:
        line = next((l for l in lines if date[:4] in l and any(w in l for w in ("更新", "修订"))), date)
        return date, line[:80]
    for line in lines:
        for pattern in (_SENTENCE, _PAREN):
            m = pattern.search(line)
            if m:
                dates = find_dates(m.group(1)) or find_dates(m.group(0))
                if dates:
                    return dates[0], m.group(0)[:80]
    return None, None


def compact(text: str) -> str:
    """Text with all white space removed: 地 址 reads as 地址."""
    return re.sub(r"\s+", "", text or "")


def missing_items(text: str, items: dict[str, list[str]]) -> list[str]:
    """The guide items (name -> keyword group) none of whose keywords the text contains."""
    flat = compact(text)
    return [name for name, words in items.items() if not any(compact(w) in flat for w in words)]
