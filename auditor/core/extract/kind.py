"""Which kind of page this is (SPEC §4 ``kind``), from what the page says of itself."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from auditor.core.extract.markers import MARKERS

_INTERP = re.compile("|".join(MARKERS["kind_interpretation_title"]))
_POLICY_NUMBER = re.compile("|".join(MARKERS["kind_policy_doc_number"]))
_HOME_PATHS = re.compile(r"^/(?:(?:index|default|main|home)\.(?:s?html?|jsp|aspx?|php))?$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass
class KindEvidence:
    url: str
    is_start: bool
    headline: str
    column_words: str          # ColumnName, ColumnType and breadcrumb, joined
    items: int
    pagination: bool
    placeholder: bool
    article_meta: bool         # ArticleTitle / PubDate meta or a 发布时间 label
    doc_number: str | None
    index_number: str | None
    column_meta: bool          # a ColumnName meta tag (TRS and Hanweb column templates carry one)
    text: str                  # the visible text, for content words
    penalty_labels: int = 0    # distinct penalty fields given as label：value lines (a 公示 page)


# 文号, 当事人, 违法行为, 依据, 内容, 机关, 日期: four of them labelled make a penalty 公示 page whatever
# its title says (the 45号-style layout); fewer could be any notice that names a 当事人
PENALTY_LABELS = 4


def _has(text: str, key: str) -> bool:
    return any(word in text for word in MARKERS[key])


def is_home_url(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.query and bool(_HOME_PATHS.match(parts.path or "/"))


_GENRE = "|".join(map(re.escape, MARKERS["kind_policy_title"]))
# the document issues the genre: the title ends with it, or 印发/发布 it (…关于印发《某某管理办法》的通知)
_ISSUES = re.compile(rf"(?:{_GENRE})(?:（试行）|\(试行\))?$|(?:印发|发布|公布)[^，。]{{0,40}}?(?:{_GENRE})(?:（试行）)?》?(?:的通知)?$")


def _issues_a_policy(title: str) -> bool:
    title = re.sub(r"\s+", "", title or "")
    return bool(_ISSUES.search(title)) and not _has(title, "kind_policy_title_not")


def classify(ev: KindEvidence) -> str:
    if ev.is_start or is_home_url(ev.url):
        return "home"
    listing = (ev.items >= 3 or ev.pagination or ev.placeholder) and not ev.article_meta
    title, column = ev.headline, ev.column_words
    if listing:
        return "column"
    if _has(title, "kind_guide_title") and (
            ev.article_meta or sum(w in ev.text for w in MARKERS["guide_content_words"]) >= 4):
        return "guide"
    if _has(title, "kind_annual_report_title") and _YEAR.search(title):
        return "annual_report"
    if _INTERP.search(title) or (_has(column, "kind_interpretation_column") and ev.article_meta):
        return "interpretation"
    if not _has(title, "kind_not_penalty_title") and (
            _has(title, "kind_penalty_title")
            or (_has(column, "kind_penalty_column") and (ev.doc_number or ev.article_meta))
            or ev.penalty_labels >= PENALTY_LABELS):
        return "penalty"
    if ev.doc_number and (_has(column, "kind_policy_column") or _POLICY_NUMBER.search(ev.doc_number)
                          or _issues_a_policy(title)):
        return "policy"
    if ev.article_meta and _has(column, "kind_policy_column") and (ev.index_number or ev.doc_number):
        return "policy"
    if ev.article_meta or ev.doc_number:
        return "article"
    if ev.items >= 1 or ev.column_meta:
        return "column"
    return "other"
