"""Small page parts: meta tags, title, language, breadcrumb, accessibility counts."""
from __future__ import annotations

import re

from auditor.core.models import PageStats
from auditor.core.extract.html import clean_space, element_text, tag_of
from auditor.core.extract.markers import MARKERS

_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|＞|»|›|→|/|\||｜|—>|-&gt;)\s*")
_CRUMB_LABEL = re.compile(r"^\s*(?:" + "|".join(MARKERS["breadcrumb_text"]) + r")\s*[:：]?\s*")
_CRUMB_CLASS = re.compile("|".join(MARKERS["breadcrumb_class"]), re.IGNORECASE)
_SEARCH_NAMES = {n.lower() for n in MARKERS["search_input_names"]}
_SEARCH_HINT = re.compile("|".join(MARKERS["search_hint"]), re.IGNORECASE)
_DECORATIVE_SRC = re.compile("|".join(MARKERS["decorative_img_src"]), re.IGNORECASE)
_UNLABELLED_TYPES = {"hidden", "submit", "button", "image", "reset"}


def meta_tags(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = el.get("name") or el.get("property")
        if name and name.strip() and name.strip() not in meta:
            meta[name.strip()] = clean_space(el.get("content", ""))[:500]
    return meta


def title_of(root) -> str | None:
    el = root.find(".//title")
    return clean_space(el.text_content()) if el is not None else None


def lang_of(root) -> str | None:
    lang = root.get("lang") or root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang.strip() or None if lang else None


def headline_of(root, meta_lc: dict[str, str], title: str | None) -> str | None:
    """The page's own title: ArticleTitle, else the first h1/h2 matching the <title>, else <title>."""
    if meta_lc.get("articletitle"):
        return meta_lc["articletitle"]
    for tag in ("h1", "h2"):
        for el in root.iter(tag):
            text = element_text(el)
            if text and 4 <= len(text) <= 200 and (not title or text[:8] in title or tag == "h1"):
                return text
    if title:
        # "<article>_<column>_<site>" and "<article>-<site>" are the common title layouts
        return re.split(r"\s*[_|｜]\s*|\s+-\s+", title)[0] or title
    return None


def breadcrumb_of(root, lines: list[str]) -> list[str]:
    """当前位置：首页 > 政府信息公开 > 政策文件 -> [首页, 政府信息公开, 政策文件]."""
    text = next((line for line in lines if _CRUMB_LABEL.match(line) and _CRUMB_SPLIT.search(line)
                 and len(line) <= 200), None)
    if text is None:
        for el in root.iter("div", "p", "span", "td", "ul", "ol", "nav", "section"):
            hint = f"{el.get('class', '')} {el.get('id', '')}"
            if hint.strip() and _CRUMB_CLASS.search(hint):
                candidate = element_text(el)
                if 0 < len(candidate) <= 200 and _CRUMB_SPLIT.search(candidate):
                    text = candidate
                    break
    if text is None:
        return []
    parts = [p.strip() for p in _CRUMB_SPLIT.split(_CRUMB_LABEL.sub("", text))]
    return [p for p in parts if p and len(p) <= 40][:12]


def page_stats(root) -> PageStats:
    stats = PageStats()
    for img in root.iter("img"):
        stats.images += 1
        if _decorative(img):
            stats.images_decorative += 1
        elif (img.get("alt") or "").strip():
            stats.images_with_alt += 1
    labelled_ids = {lab.get("for") for lab in root.iter("label") if lab.get("for")}
    for el in root.iter("input", "select", "textarea"):
        if tag_of(el) == "input" and (el.get("type") or "text").lower() in _UNLABELLED_TYPES:
            continue
        stats.form_controls += 1
        if (el.get("aria-label") or el.get("aria-labelledby") or el.get("title")
                or (el.get("id") and el.get("id") in labelled_ids) or _inside_label(el)):
            stats.form_controls_labelled += 1
    stats.has_search_form = any(_is_search_form(f) for f in root.iter("form"))
    return stats


def _decorative(img) -> bool:
    """Marked decorative (alt="" present, role=presentation, aria-hidden) or a spacer/pixel."""
    if img.get("alt") is not None and not img.get("alt").strip():
        return True                    # WCAG: an empty alt is how an author marks an image decorative
    if (img.get("role") or "").lower() in ("presentation", "none") or img.get("aria-hidden") == "true":
        return True
    for dim in ("width", "height"):
        value = (img.get(dim) or "").strip().rstrip("px")
        if value.isdigit() and int(value) <= 2:
            return True
    return bool(_DECORATIVE_SRC.search(img.get("src") or ""))


def _inside_label(el) -> bool:
    parent = el.getparent()
    for _ in range(4):
        if parent is None:
            return False
        if tag_of(parent) == "label":
            return True
        parent = parent.getparent()
    return False


def _is_search_form(form) -> bool:
    if _SEARCH_HINT.search(form.get("action") or "") or _SEARCH_HINT.search(form.get("id") or "") \
            or _SEARCH_HINT.search(form.get("name") or ""):
        return True
    for el in form.iter("input"):
        if (el.get("name") or "").lower() in _SEARCH_NAMES:
            return True
        if _SEARCH_HINT.search(el.get("placeholder") or "") or _SEARCH_HINT.search(el.get("value") or ""):
            return True
    return False
