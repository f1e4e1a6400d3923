"""Site identity and service markers, read from the footer as real sites carry them."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from auditor.core.models import Footer
from auditor.core.extract.html import element_text, tag_of
from auditor.core.extract.markers import MARKERS

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
SITE_ID = re.compile(r"网站(?:标识码|识别码|标识|代码)\s*[:：]?\s*((?:bm|BM)\d{8}|\d{10})(?![\dA-Za-z])")
ICP = re.compile(rf"[{_PROVINCES}]\s*ICP\s*备\s*\d{{6,10}}\s*号(?:\s*-\s*\d{{1,3}})?", re.IGNORECASE)
# anything that looks like an ICP number, well formed or not: the rule (ID003) judges its form
ICP_LOOSE = re.compile(r"[\u4e00-\u9fa5]{0,2}\s*ICP\s*(?:备案号?|备|证)?\s*[:：]?\s*[\dA-Za-z\-]{4,20}号?(?:\s*-\s*\d{1,3})?",
                       re.IGNORECASE)
# 京公网安备 11040102700072号: the standard form, kept without spaces
PSB = re.compile(rf"[{_PROVINCES}]\s*公网安备\s*(\d{{14}})\s*(号?)")
# 公安备案号：35012899001-19002 and other non-standard numbers: the value as printed, label dropped
PSB_LABELLED = re.compile(r"(?:公安机关备案号|公安部备案号|公安备案号|公网安备案号|网安备案号)\s*[:：]?\s*"
                          r"([^\s|｜，,;；:：]{6,40})")
PSB_BARE = re.compile(r"公网安备\s*[:：]?\s*(\d[\d\-]{5,30})\s*(号?)")
HOST_ORG = re.compile(r"(?:(?:主办单位|主管单位|主办方)\s*[:：]?|(?:主办|主管)\s*[:：])\s*([^\s|｜，,。;；]{2,60})")
# the other ways footers name the host: 本站由X主办 / X主办 / X（主办）
HOST_ORG_AFTER = re.compile(r"(?:本站由|本网站由|由)\s*([^\s|｜，,。;；（(由]{2,40}?)\s*(?:主办|主管)(?![单方])"
                            r"|([^\s|｜，,。;；（()：:]{4,40}?)\s*[（(]\s*主办\s*[)）]")
_HOST_ORG_STOP = re.compile(
    "|".join(MARKERS["host_org_stop"]) + rf"|[{_PROVINCES}]?\s*ICP|[{_PROVINCES}]公网安备|[:：]")
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

    footer.host_org = _host_org(text)
    m = CONTACT.search(text)
    footer.contact = m.group(1).strip() if m else (
        "联系我们" if any("联系我们" in t for _, t in links) else None)
    m = SITE_ID.search(text) or SITE_ID.search(" ".join(lines))
    footer.site_id_code = m.group(1).lower() if m else None
    m = ICP.search(text) or ICP_LOOSE.search(text)
    footer.icp = re.sub(r"\s+", "", m.group(0)) if m else None
    footer.psb = _psb(text)
    footer.psb_link_code = _beian_recordcode(hrefs)

    footer.conac = _has_conac(root, scripts, hrefs)
    footer.jiucuo, footer.jiucuo_sitecode = _jiucuo(root, scripts, hrefs)
    footer.jiucuo_container = any(el.get("id") == "_span_jiucuo" for el in root.iter("span", "div"))
    controls = _control_texts(root)
    footer.a11y_toolbar = (
        _matches_any(MARKERS["a11y_toolbar_script"],
                     [src for _, src, _ in scripts] + [code[:2000] for _, _, code in scripts])
        or any(_text_has(t, MARKERS["a11y_link_text"]) for t in controls))
    footer.elder_mode = any(_text_has(t, MARKERS["elder_mode_text"]) for t in controls)
    return footer


def _host_org(text: str) -> str | None:
    """主办单位：X — X up to the next footer label (承办, 地址, ICP备 ...)."""
    for m in HOST_ORG.finditer(text):
        value = _HOST_ORG_STOP.split(m.group(1), maxsplit=1)[0].strip()
        if len(value) >= 2:
            return value
    for m in HOST_ORG_AFTER.finditer(text):
        value = (m.group(1) or m.group(2)).strip()
        if len(value) >= 2 and not _HOST_ORG_STOP.search(value):
            return value
    return None


def _psb(text: str) -> str | None:
    m = PSB.search(text)
    if m:
        return re.sub(r"\s+", "", m.group(0))
    m = PSB_LABELLED.search(text)
    if m:
        return m.group(1)
    m = PSB_BARE.search(text)
    return f"公网安备{m.group(1)}{m.group(2)}" if m else None


# a link or button that names a service is short; a news title that mentions one is not
_CONTROL_TEXT_MAX = 12


def _control_texts(root) -> list[str]:
    """Texts of every link and button, real href or not (无障碍 and 关怀版 are often
    ``javascript:`` switches), with their title / aria-label / image alt."""
    texts = []
    for el in root.iter("a", "button"):
        parts = [el.text_content(), el.get("title") or "", el.get("aria-label") or ""]
        parts += [img.get("alt") or "" for img in el.iter("img")]
        for part in parts:
            part = re.sub(r"\s+", "", part)
            if part and len(part) <= _CONTROL_TEXT_MAX:
                texts.append(part)
    return texts


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


def _site_code(href: str) -> str | None:
    q = parse_qs(urlsplit(href).query)
    return (q.get("site_code") or q.get("sitecode") or q.get("siteCode") or [None])[0]


def _jiucuo(root, scripts, hrefs) -> tuple[str | None, str | None]:
    """我为政府网站找错: the zfwzgl.www.gov.cn script or link is current; the retired kaipuyun form — its
    script (also under id _jiucuo_ and path /exposure/jiucuo.js), its link, or the _span_jiucuo block
    its script rendered with a pucha.kaipuyun.cn link inside — is legacy."""
    current_hosts = MARKERS["jiucuo_current_hosts"]
    legacy_hosts = MARKERS["jiucuo_legacy_hosts"]

    def on_hosts(url: str, hosts) -> bool:       # the cheap substring test first: pages have thousands of links
        return any(h in url for h in hosts) and any(h in urlsplit(url).netloc for h in hosts)

    def legacy(url: str) -> bool:
        return on_hosts(url, legacy_hosts)

    for sid, src, _ in scripts:
        if legacy(src):
            continue
        if sid == "_jiucuo_" or any(h in urlsplit(src).netloc for h in current_hosts) or "/exposure/jiucuo.js" in src:
            el = next((s for s in root.iter("script") if s.get("id") == "_jiucuo_"), None)
            sitecode = el.get("sitecode") if el is not None else None
            return "current", (sitecode or "").strip() or None
    for href in hrefs:
        if on_hosts(href, current_hosts):
            return "current", _site_code(href)
    # the container jiucuo.js fills: the old kaipuyun script left it with its own link inside (legacy);
    # empty, with no script on the page, it proves nothing (footer.jiucuo_container; ID006 asks a person)
    for el in root.iter("span", "div"):
        if el.get("id") == "_span_jiucuo":
            inside = [a.get("href") or "" for a in el.iter("a")]
            old = next((h for h in inside if legacy(h)), None)
            if old:
                return "legacy", _site_code(old)
    for href in hrefs:
        if legacy(href):
            return "legacy", _site_code(href)
    for _, src, code in scripts:
        if any(h in src or h in code for h in legacy_hosts):
            m = re.search(r"site_?code=(\w+)", src + " " + code, re.IGNORECASE)
            return "legacy", m.group(1) if m else None
    return None, None
