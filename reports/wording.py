"""Chinese wording the renderers share: evidence labels, truncation reasons, value formatting."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.core.extract.links import MAX_LINKS_KEPT
from auditor.core.extract.platforms.registry import label as platform_label

EVIDENCE_LABELS = {
    "status": "HTTP 状态", "error": "错误", "linked_from": "所在页面", "anchor_text": "链接文字",
    "warc_record_id": "证据记录（WARC）", "section": "子栏目", "accepted_names": "可接受的名称",
    "name_found": "实际名称", "target": "指向", "footer": "底部标注", "meta": "meta 标注",
    "jiucuo": "纠错脚本", "pages": "页面数", "value": "值", "year": "年度", "deadline": "期限",
    "published": "发布日期", "missing": "缺少", "problems": "问题", "category": "条例第二十条类别",
    "names_accepted": "可接受的栏目名称", "item": "事项", "keywords": "可接受的写法",
    "dates_found": "找到的日期", "age_days": "距检查日天数", "list_pages": "列表页数", "column": "栏目",
    "links_on_homepage": "首页链接数", "pages_checked": "检查的页面数", "更新日期": "更新日期",
    "发布日期": "发布日期",
}
TRUNCATION_REASONS = {"max_pages": "达到页面数上限", "max_checks": "达到链接检查数上限",
                      "depth": "达到链接深度上限", "pattern": "同一网址模式（如无尽日历、无尽分页）页面过多",
                      "deep_path": "网址路径层级异常深（疑似爬虫陷阱）",
                      "links_per_page": f"个别页面链接过多（每页只读取首尾共 {MAX_LINKS_KEPT} 条）",
                      "url_length": "网址过长（超过长度上限）", "retry_after": "网站要求长时间等待（Retry-After）"}


def evidence_label(key: str) -> str:
    return EVIDENCE_LABELS.get(key, key)


def evidence_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(evidence_value(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{evidence_label(k)}：{evidence_value(v)}" for k, v in value.items())
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


def truncation(reasons: list[str]) -> str:
    return "、".join(TRUNCATION_REASONS.get(r, r) for r in reasons)


# the other ways to a page (``via``); a platform adapter's label is in its registry entry
PLATFORM_NAMES = {"render": "浏览器读取", "data": "数据接口"}


def platform_name(name: str) -> str:
    """What reports call a platform adapter (its registered label) or another way to a page."""
    return PLATFORM_NAMES.get(name) or platform_label(name)


def coverage(cov) -> str:
    """One line on the script-built lists: what was read by which means, what could not be."""
    parts = []
    for name, lists in cov.platforms.items():
        fetched = cov.fetched.get(name, 0)
        parts.append(f"{platform_name(name)} {lists} 页" + (f"（由此抓取 {fetched} 页）" if fetched else ""))
    if cov.rendered:
        parts.append(f"用浏览器读取 {cov.rendered} 页")
    if cov.unexpanded_count:
        parts.append(f"未能读取 {cov.unexpanded_count} 页")
    return "脚本生成的列表：" + "，".join(parts) if parts else ""


def plain(text: str) -> str:
    """Docs text for people: no Markdown code marks, no line breaks inside a Chinese sentence."""
    text = re.sub(r"`([^`]*)`", r"\1", text or "")
    return re.sub(r"\s*\n\s*", "", text)


def site_label(name: str | None, url: str) -> str:
    return name or urlsplit(url).hostname or url
