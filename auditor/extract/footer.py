"""Site identity and service markers, read from the footer as real sites carry them."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..models import Footer
from .html import element_text, tag_of
from .markers import MARKERS

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
SITE_ID = re.compile(r"网站(?:标识码|识别码|标识|代码)\s*[:：]?\s*((?:bm|BM)\d{8}|\d{10})(?![\dA-Za-z])")
ICP = re.compile(rf"[{_PROVINCES}]\s*ICP\s*备\s*\d{{6,10}}\s*号(?:\s*-\s*\d{{1,3}})?", re.IGNORECASE)
PSB = re.compile(rf"[{_PROVINCES}]\s*公网安备\s*(\d{{14}})\s*号?"
                 r"|(?:公安机关备案号|公安备案号|公网安备)\s*[:：]?\s*[\w\-]{6,30}号?")
HOST_ORG = re.compile(r"(?:主办单位|主办|主管单位|主管)\s*[:：]\s*([^\s|｜，,。;；]{2,40})")
CONTACT = re.compile(
    r"(?:联系电话|电话|联系方式|咨询电话|传真|邮箱|电子邮件|E-?mail)\s*[:：]\s*"
    r"((?:\(?0\d{2,3}\)?[\-－ ]?)?\d{7,8}(?:[\-－]\d{1,4})?|1[3-9]\d{9}|12345|[\w.\-]+@[\w.\-]+\.\w+)",
    re.IGNORECASE)
_FOOTER_HINT = re.compile(r"foot|bottom|copyright|banquan|bq|bot_|btm|wzdb", re.IGNORECASE)
_MARKER_HINT = re.compile(r"网站(?:标识码|识别码)|ICP\s*备|公网安备|主办|版权所有", re.IGNORECASE)


def footer_text(root, lines: list[str]) -> str:
    """Text of the footer-like elements that hold markers; else the page's last lines."""
    found: list[tuple[object, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if tag_of(el) != "footer" and not _FOOTER_HINT.search(hint):
            continue
        if any(_is_ancestor(outer, el) for outer, _ in found):
            continue  # nested footer-ish element, its ancestor's text already has it
        text = element_text(el)
        if _MARKER_HINT.search(text):
            found.append((el, text))
    if found:
        return " ".join(text for _, text in found)
    return " ".join(lines[-40:])


def _is_ancestor(candidate, el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is candidate:
            return True
        parent = parent.getparent()
    return False


def _script_sources(root) -> list[tuple[str, str, str]]:
    """(id, src, inline code) of every script."""
    return [(s.get("id", ""), s.get("src", "") or "", s.text or "") for s in root.iter("script")]


def extract_footer(root, lines: list[str], links: list[tuple[str, str]]) -> Footer:
    text = footer_text(root, lines)
    scripts = _script_sources(root)
    hrefs = [href for href, _ in links]
    footer = Footer()

    m = HOST_ORG.search(text)
    footer.host_org = m.group(1) if m else None
    m = CONTACT.search(text)
    footer.contact = m.group(1).strip() if m else (
        "联系我们" if any("联系我们" in t for _, t in links) else None)
    m = SITE_ID.search(text) or SITE_ID.search(" ".join(lines))
    footer.site_id_code = m.group(1).lower() if m else None
    m = ICP.search(text)
    footer.icp = re.sub(r"\s+", "", m.group(0)) if m else None
    m = PSB.search(text)
    footer.psb = re.sub(r"\s+", "", m.group(0)) if m else None
    footer.psb_link_code = _beian_recordcode(hrefs)

    footer.conac = _has_conac(root, scripts, hrefs)
    footer.jiucuo, footer.jiucuo_sitecode = _jiucuo(root, scripts, hrefs)
    footer.a11y_toolbar = _matches_any(MARKERS["a11y_toolbar_script"],
                                       [src for _, src, _ in scripts] +
                                       [code[:2000] for _, _, code in scripts]) or None
    if footer.a11y_toolbar is None:
        footer.a11y_toolbar = any(_text_has(t, MARKERS["a11y_link_text"]) for _, t in links) or False
    footer.elder_mode = any(_text_has(t, MARKERS["elder_mode_text"]) for _, t in links)
    return footer


def _matches_any(patterns: list[str], values: list[str]) -> bool:
    return any(re.search(p, v, re.IGNORECASE) for p in patterns for v in values if v)


def _text_has(text: str, words: list[str]) -> bool:
    return any(w in text for w in words)


def _beian_recordcode(hrefs: list[str]) -> str | None:
    for href in hrefs:
        if "beian" in href and "recordcode" in href:
            code = parse_qs(urlsplit(href).query).get("recordcode")
            if code:
                return code[0]
    return None


def _has_conac(root, scripts, hrefs) -> bool:
    if any("conac.cn" in src for _, src, _ in scripts):
        return True
    if any("conac.cn" in code or "_ideConac" in code for _, _, code in scripts):
        return True
    if any("conac.cn" in h for h in hrefs):
        return True
    return any(el.get("id") == "_ideConac" for el in root.iter("span", "div", "a"))


def _jiucuo(root, scripts, hrefs) -> tuple[str | None, str | None]:
    for sid, src, _ in scripts:
        if sid == "_jiucuo_" or "zfwzgl.www.gov.cn" in src or "/exposure/jiucuo.js" in src:
            el = next((s for s in root.iter("script") if s.get("id") == "_jiucuo_"), None)
            sitecode = el.get("sitecode") if el is not None else None
            return "current", sitecode
    for href in hrefs:
        if "kaipuyun.cn" in href:
            q = parse_qs(urlsplit(href).query)
            code = (q.get("site_code") or q.get("sitecode") or [None])[0]
            return "legacy", code
    for _, _, code in scripts:
        if "kaipuyun.cn" in code:
            m = re.search(r"site_?code=(\w+)", code)
            return "legacy", m.group(1) if m else None
    return None, None
