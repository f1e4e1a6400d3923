"""Read "label：value" pairs the way disclosure pages lay them out.

Real pages put the value after the label in the same line (``<p><b>索引号</b>：000014348/2020-35147</p>``),
in the next table cell (``<td>文号：</td><td>榕市监规〔2026〕3号</td>``) or in the next line. The
label vocabulary is data (``LABELS``), not code.
"""
from __future__ import annotations

import re

from auditor.core.extract.dates import parse_date

LABELS: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号", "索 引 号", "信息索引号", "索取号"),
    "publisher": ("发布机构", "发文机关", "发布单位", "公开主体", "发文单位", "信息来源", "来源"),
    "doc_number": ("文号", "发文字号", "发文文号", "文件编号", "文 号", "发文号"),
    "written": ("成文日期", "成文时间", "印发日期", "发文日期", "生成日期"),   # 生成日期: a 公开目录 entry's date
    "published": ("发布日期", "发布时间", "公开日期", "公开时间", "发稿时间", "发表时间",
                  "更新时间", "上传时间", "发布于", "时间", "日期"),
    # a 公开目录 entry's 内容概述 (条例 第十二条), or the 主题分类 sites give in its place
    "overview": ("内容概述", "内容概要", "内容摘要", "摘要", "主题分类", "主题词", "主 题 词", "主题", "分类", "分 类"),
    "updated": ("更新日期", "更新时间", "修订日期", "修订时间", "最后更新"),
    # the labels that say "published" and nothing else (时间 / 日期 / 更新时间 may be anything's)
    "published_explicitly": ("发布日期", "发布时间", "公开日期", "公开时间", "发稿时间", "发表时间"),
}
_EMPTY_VALUES = {"", "无", "暂无", "-", "--", "/", "—", "——", "空", "null", "none"}
_COLON = "[:：]"


def _label_pattern(labels: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(label).replace(r"\ ", r"\s*") for label in
                    sorted(labels, key=len, reverse=True))
    # a label starts a line or follows a separator, may sit in brackets (【发布日期】), and ends
    # with a colon, its closing bracket or the line
    return re.compile(rf"(?:^|[\s|｜】\]])[【\[]?(?:{alts})\s*(?:(?:[】\]]\s*{_COLON}?|{_COLON})\s*(.*)|$)")


_PATTERNS = {key: _label_pattern(labels) for key, labels in LABELS.items()}
_KNOWN_LABELS = {label.replace(" ", "") for labels in LABELS.values() for label in labels}
_KNOWN_LABELS |= {"名称", "标题", "主题分类", "主题词", "分类", "有效性", "生效日期", "废止日期", "序号",
                  # the article header's other fields: an empty 来源： must not take 访问量：199 as its value
                  "访问量", "浏览量", "浏览次数", "点击数", "点击量", "阅读量", "作者", "编辑", "责任编辑", "字号",
                  "字体", "打印", "分享", "分享到"}


_STARTS_WITH_LABEL = re.compile(
    r"^[【\[]?(?:" + "|".join(re.escape(label) for label in sorted(_KNOWN_LABELS, key=len, reverse=True))
    + r")[】\]]?[:：]")


def _is_label_like(line: str) -> bool:
    """A line that is itself a label (a table header cell, an empty field's neighbour), or
    starts with one (``成文日期：2020-08-02`` is the next field, not this one's value)."""
    bare = re.sub(r"\s+", "", line)
    return (bare.endswith((":", "：")) or bare.rstrip(":：") in _KNOWN_LABELS
            or bool(_STARTS_WITH_LABEL.match(bare)))


def _cut_at_next_label(value: str) -> str:
    """``2026-09-16 来源：榕江市`` -> ``2026-09-16``: stop at the next label on the same line."""
    m = re.search(r"\s+\S{2,6}[:：]", value)
    return value[: m.start()] if m else value


def _raw_values(lines: list[str], key: str, max_lines: int | None):
    """Each value label ``key`` is given, in page order: after its colon, or on the next line."""
    pattern = _PATTERNS[key]
    scan = lines if max_lines is None else lines[:max_lines]
    for i, line in enumerate(scan):
        for m in pattern.finditer(line):
            value = (m.group(1) or "").strip()
            if not value and i + 1 < len(lines) and not _is_label_like(lines[i + 1]):
                value = lines[i + 1].strip()
            yield value


def find_label(lines: list[str], key: str, max_lines: int | None = None) -> str | None:
    """The value given for label ``key`` (see LABELS), or None."""
    for value in _raw_values(lines, key, max_lines):
        value = _cut_at_next_label(value).strip()
        if _is_label_like(value):
            value = ""
        if value.lower() in _EMPTY_VALUES:
            return None
        if value:
            return value[:200]
    return None


def find_label_date(lines: list[str], key: str, max_lines: int | None = None) -> str | None:
    """The date given for label ``key``; a label whose value is no date does not count."""
    for value in _raw_values(lines, key, max_lines):
        date = parse_date(value[:40])
        if date:
            return date
    return None
