"""Document metadata: 文号, 索引号, 发布机构, 成文日期 and the publication date."""
from __future__ import annotations

import re

from auditor.core.extract.dates import parse_date
from auditor.core.extract.labels import find_label, find_label_date

# 榕市监规〔2026〕3号, 国办发[2018]118号, 浙金罚决字（2024）52号, 总局令第45号
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fa5A-Za-z]{1,20}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,6}\s*号"
    r"|[\u4e00-\u9fa5]{1,20}令\s*第\s*\d{1,6}\s*号")
_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "（": "〔", "(": "〔",
                           "]": "〕", "］": "〕", "】": "〕", "）": "〕", ")": "〕"})

# meta names that carry the publication date, by the CMSs that use them
PUBDATE_META = ("pubdate", "publishdate", "firstpublishedtime", "publishtime", "pubtime",
                "article:published_time", "og:release_date", "dc.date", "dcterms.issued")


def normalise_doc_number(value: str) -> str:
    """Canonical form: 〔〕 brackets, no spaces; 1 of 号 kept."""
    return re.sub(r"\s+", "", value).translate(_BRACKETS)


def find_doc_number(text: str | None) -> str | None:
    if not text:
        return None
    m = DOC_NUMBER.search(text)
    return normalise_doc_number(m.group(0)) if m else None


def doc_number(lines: list[str], headline: str | None, body_top: list[str]) -> str | None:
    """文号 from its label, then the title (…（浙金罚决字〔2024〕52号）), then the top of the body."""
    labelled = find_label(lines, "doc_number")
    if labelled and re.search(r"\d", labelled):
        return find_doc_number(labelled) or normalise_doc_number(labelled)[:60]
    return find_doc_number(headline) or next(filter(None, map(_standalone_doc_number, body_top)), None)


def _standalone_doc_number(line: str) -> str | None:
    """A line that is a 文号 on its own (as a 决定书 prints it under its title), not one cited in prose."""
    m = DOC_NUMBER.search(line)
    if m and len(line) - len(m.group(0)) <= 6:
        return normalise_doc_number(m.group(0))
    return None


_BARE_DATE = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _headline_at(lines: list[str], headline: str | None) -> int | None:
    """The line that shows the headline (the <title> may add the site's name to it)."""
    if not headline:
        return None
    return next((i for i, line in enumerate(lines)
                 if headline in line or (len(line) >= 8 and line in headline)), None)


def _header_lines(lines: list[str], headline: str | None) -> list[str]:
    """The lines under the article's headline where its header (来源, 作者, 时间) stands."""
    start = _headline_at(lines, headline)
    return [] if start is None else lines[start + 1:start + 8]


def header_date(lines: list[str], headline: str | None) -> str | None:
    """An unlabelled date standing alone in the article's header, right under its headline beside
    来源/作者 (中国科普网: ``来源：新华社 / 作者： / 2023-12-01 14:43``)."""
    window = _header_lines(lines, headline)
    if not any(word in line for line in window for word in ("来源", "作者", "编辑", "浏览")):
        return None             # no article header beside it: a list's first entry, not this page's date
    for line in window:
        if _BARE_DATE.match(line.strip()):
            return parse_date(line)
    return None


def published_date(meta: dict[str, str], lines: list[str], headline: str | None = None) -> str | None:
    """The PubDate tag; but where the page shows its publication date earlier than the tag — an
    explicit 发布日期/发布时间, or 时间/日期 in the article's header under its headline — the shown date:
    CMSs rewrite the tag when they regenerate old pages (a 2017 article tagged 2022). The generic
    labels elsewhere on the page (a meeting's 时间：…) only where there is no tag."""
    tagged = next((d for name in PUBDATE_META if (v := meta.get(name)) and (d := parse_date(v))), None)
    shown = find_label_date(lines, "published_explicitly", max_lines=80) or \
        find_label_date(_header_lines(lines, headline), "published")
    if tagged and shown:
        return min(tagged, shown)
    return tagged or shown or find_label_date(lines, "published")


# how the name of a body that signs a document or decision ends
SIGNING_BODY_ENDS = ("局", "委", "厅", "部", "政府", "办公室", "中心", "所", "队", "署", "委员会", "办", "院")


def signed_date(lines: list[str], after: int = 0) -> str | None:
    """The date a document was signed (落款): a line holding only a date (also in Chinese numerals,
    二〇一八年五月三日) right under the signing body's name, the first such pair after line ``after``."""
    for i in range(max(after, 1), len(lines)):
        line, above = lines[i].strip(), lines[i - 1].strip()
        if len(line) <= 18 and not re.search(r"[:：]", line) and above.endswith(SIGNING_BODY_ENDS) \
                and len(above) <= 30 and (date := parse_date(line)):
            return date
    return None


def written_date(lines: list[str], headline: str | None = None, has_number: bool = False) -> str | None:
    """成文日期: its label; failing that, for a document with a 文号, the signing date at its end."""
    labelled = find_label_date(lines, "written")
    if labelled or not has_number:
        return labelled
    start = _headline_at(lines, headline)
    return signed_date(lines, 0 if start is None else start + 1)


def index_number(lines: list[str]) -> str | None:
    value = find_label(lines, "index_number")
    if not value or not re.search(r"\d", value):
        return None
    return value.split()[0]


def overview(lines: list[str]) -> str | None:
    """A 公开目录 entry's 内容概述 or 主题分类, as its information table gives it."""
    return find_label(lines, "overview")


def publisher(meta: dict[str, str], lines: list[str]) -> str | None:
    return find_label(lines, "publisher") or meta.get("contentsource") or None
