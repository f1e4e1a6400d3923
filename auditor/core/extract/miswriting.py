"""Severe errors (严重表述错误) and common miswritings (错别字) in a page's text, from the curated list
``auditor/core/data/errors.yaml`` (each entry with its correct form and a source; the inclusion policy
is in ``errors.md`` beside it).

A hit is reported only when it is one: not inside a longer correct string (``unless_within``), next
to a title where the entry asks for one (``requires_adjacent``: two-character names and variants
that could be somebody's real name), not near words that quote an error to correct it (更正, 误为,
应为 … within ``quotation_guards.window`` characters), and not on a page whose title is a correction
notice. A name of two or three characters matches with a space inside it (lists print "蔡　奇");
other spaces stay, so separate items are never glued into an error ("习近平 总理李强")."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from auditor.core.models import TextError

DATA = Path(__file__).resolve().parents[1] / "data" / "errors.yaml"
CONTEXT = 30                # characters of context either side of a hit, for the evidence
_SPACE = re.compile(r"[ \u3000\xa0]")
_SPACED_UP_TO = 3           # names this short are printed spaced out in listings


@lru_cache(maxsize=1)
def error_list() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern, dict[str, tuple[str, dict]]]:
    data = error_list()
    entries: dict[str, tuple[str, dict]] = {}
    for level in ("severe", "common"):
        for entry in data[level]:
            entries.setdefault(entry["wrong"], (level, entry))
    def spelled(wrong: str) -> str:
        if len(wrong) > _SPACED_UP_TO:
            return re.escape(wrong)
        return "[ \u3000\xa0]?".join(map(re.escape, wrong))
    alternatives = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(spelled(w) for w in alternatives)), entries


def _inside_correct(text: str, start: int, end: int, within: list[str]) -> bool:
    """Whether the hit at [start, end) lies inside an occurrence of one of the correct strings."""
    for correct in within:
        lo = max(0, end - len(correct))
        at = text.find(correct, lo, start + len(correct))
        while at != -1 and at <= start:
            if at + len(correct) >= end:
                return True
            at = text.find(correct, at + 1, start + len(correct))
    return False


def _adjacent(text: str, start: int, end: int, words: list[str]) -> bool:
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    return any(before.endswith(w) or after.startswith(w) for w in words)


def find_errors(lines: list[str], title: str | None = None) -> list[TextError]:
    """The listed errors in a page's visible text, one per distinct wrong string, with context."""
    data = error_list()
    guards = data["quotation_guards"]
    if title and any(word in title for word in guards["page_title"]):
        return []
    text = "\n".join(lines)
    pattern, entries = _index()
    window, near = guards["window"], guards["near_hit"]
    found: dict[str, TextError] = {}
    for m in pattern.finditer(text):
        wrong = _SPACE.sub("", m.group(0))
        if wrong in found:
            continue
        level, entry = entries[wrong]
        start, end = m.span()
        if entry.get("unless_within") and _inside_correct(text, start, end, entry["unless_within"]):
            continue
        if entry.get("requires_adjacent") and not _adjacent(text, start, end, entry["requires_adjacent"]):
            continue
        around = text[max(0, start - window):end + window]
        if any(word in around for word in near):
            continue
        context = text[max(0, start - CONTEXT):end + CONTEXT].replace("\n", " ")
        found[wrong] = TextError(level=level, wrong=wrong, right=entry["right"], kind=entry.get("kind"),
                                 sources=list(entry.get("source") or []), context=context)
    return list(found.values())
