"""Parse hostile HTML once and read its visible text as lines.

lxml's HTML parser copes with unclosed tags and nested forms; comments are dropped at parse time
(a commented-out conac script is not a conac script). Very deep nesting is allowed (huge_tree)
and every walk here is iterative, so a 10,000-deep page cannot exhaust the stack.
"""
from __future__ import annotations

import re

import lxml.etree as etree
import lxml.html

_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                               recover=True, no_network=True)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# JSP/ASP residue some saved pages start with: <%-- ... --%> and <%@ ... %>
_SERVER_TAGS = re.compile(r"<%.*?%>", re.DOTALL)
_SKIP_TEXT = {"script", "style", "template", "head", "title", "noscript", "select", "option"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "iframe", "option", "select",
}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff]+")


class ParseError(ValueError):
    pass


def parse(text: str) -> etree._Element:
    text = _XML_DECL.sub("", text, count=1)
    if "<%" in text[:2048]:
        text = _SERVER_TAGS.sub("", text)
    if not text.strip():
        raise ParseError("页面内容为空")
    text = _early_document_end(text)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"无法解析 HTML：{exc}") from exc
    if root is None:
        raise ParseError("无法解析 HTML")
    flattened: set[str] = set()
    while len(text) > 20_000 and _lost_in_depth(root, text) and len(flattened) < 6:
        # libxml2 stops at a nesting depth of about 2,000 and drops the rest of the page; flatten the
        # tag nested absurdly deep — the commonest one, then the next (<div><span><div><span>… alternate)
        # — and read the page again
        tags = [t.lower() for t in _TAG.findall(text[:400_000])]
        candidates = [t for t in set(tags) if t not in _KEEP and t not in flattened]
        if not candidates:
            break
        common = max(candidates, key=tags.count)
        flattened.add(common)
        text = re.sub(rf"</?{common}\b[^>]*>", " ", text, flags=re.IGNORECASE)
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    return root


_KEEP = {"html", "head", "body", "title", "meta", "a", "script", "style", "link", "br", "img"}


_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _early_document_end(text: str) -> str:
    """Without the ``</body>``/``</html>`` tags that stand before the page's end: a header included
    server-side often carries its own, and libxml2 then drops everything after it — the whole page
    body and its footer (a real gov.cn page read 6 links of 31 and no footer)."""
    ends = list(_DOCUMENT_END.finditer(text))
    if len(ends) <= 2 and all(len(text) - m.end() < 200 for m in ends):
        return text
    keep_from = len(text) - 200
    return _DOCUMENT_END.sub(lambda m: m.group(0) if m.start() >= keep_from else " ", text)


def _lost_in_depth(root, text: str) -> bool:
    """The parse kept far fewer elements than the text has tags, and the tree is ~2,000 deep."""
    tags = text.count("<")
    if tags < 4000:
        return False
    elements = sum(1 for _ in root.iter())
    if elements * 2 > tags:
        return False
    depth, el = 0, root
    while len(el):
        el, depth = el[-1], depth + 1
    return depth > 1000


def clean_space(text: str | None) -> str:
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


def tag_of(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def visible_lines(root) -> list[str]:
    """The page's visible text, one line per block element, empty lines dropped."""
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = tag_of(el)
        if event == "start":
            if tag in _SKIP_TEXT:
                walker.skip_subtree()
                # the end event still fires for skipped elements in lxml >= 4.7
                continue
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (clean_space(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def element_text(el) -> str:
    """Text of one element with spaces collapsed (scripts and styles left out)."""
    return clean_space(" ".join(visible_lines(el)))


def inline_words(el, skip_tags: set[str], skip_texts: set[str] | frozenset[str] = frozenset()) -> str:
    """The words of one element (a link, a list entry): its text and its children's, a space for
    each block child, ``skip_tags`` subtrees left out and any text piece in ``skip_texts`` too.
    A cheap walk of the element alone: pages have hundreds of links."""
    parts = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if tag_of(node) in skip_tags:
                walker.skip_subtree()
                continue
            if node is not el and tag_of(node) in BLOCK_TAGS:
                parts.append(" ")
            if node.text and node.text.strip() not in skip_texts:
                parts.append(node.text)
        elif node is not el and node.tail and node.tail.strip() not in skip_texts:
            parts.append(node.tail)
    return clean_space("".join(parts))
