"""Page chrome: the portal template, the redesign's templates (sparse), the old GBK template, and the
parts they share (head, top bar, header menu, breadcrumbs, footer)."""
from __future__ import annotations

from .util import esc, rel

LANG = ' lang="zh-CN"'


def meta_tags(meta: dict, end: str = ">") -> str:
    return "\n".join(f'<meta name="{k}" content="{esc(v)}"{end}' for k, v in meta.items())


def menu(items: list, first_on: bool = False, sep: str = "\n") -> str:
    """<li> links from [text, href] items; an empty item stays an empty line."""
    out = []
    for n, item in enumerate(items):
        if not item:
            out.append("")
            continue
        text, href = item
        on = ' class="on"' if first_on and n == 0 else ""
        out.append(f'<li{on}><a href="{href}">{text}</a></li>')
    return sep.join(out)


def dated_items(items, url: str | None = None) -> str:
    """<li> lines of (title, href, date) links; hrefs made relative to *url* when given."""
    return "\n".join(f'<li><a href="{rel(url, h) if url else h}">{t}</a><span>{d}</span></li>' for t, h, d in items)


def titled_items(items, url: str | None = None) -> str:
    """<li> lines of (title, href, date) links that open in a new window and carry a title attribute."""
    return "\n".join(f'<li><a href="{rel(url, h) if url else h}" target="_blank" title="{esc(t)}">{t}</a>'
                     f'<span>{d}</span></li>' for t, h, d in items)


def related_box(heading: str, links: list) -> str:
    """The 相关… box under an article: [(text, href)]."""
    lis = "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in links)
    return f'<div class="related"><h4>{heading}</h4><ul>{lis}</ul></div>'


def head(s, title: str, meta: dict, css: str = "/css/common.css", redesign=False) -> str:
    """The <head>; the redesign's has no IE compatibility meta and no 无障碍 toolbar script (A11Y001)."""
    return s.render("head", title=title, meta=meta_tags(meta), css=css,
                    compat="" if redesign else '\n<meta http-equiv="X-UA-Compatible" content="IE=edge">',
                    wza="" if redesign else '\n<script src="/wza/govwza.js"></script>')


def document(s, head_html: str, body: str, lang=True, body_class="") -> str:
    """A whole HTML5 page (templates/page.html)."""
    return s.document("page", lang=LANG if lang else "", head=head_html, body=body,
                      body_class=f' class="{body_class}"' if body_class else "")


def topbar(s, url: str, search: bool = True) -> str:
    link = f'\n<a href="{rel(url, "/search/")}">站内搜索</a>' if search else ""
    return s.render("topbar", care_href=rel(url, "/ghb/"), search=link)


def header(s, nav: list, first_on: bool = False) -> str:
    return s.render("header", nav=menu(nav, first_on))


def crumbs(url: str, trail: list, prefix: str = "当前位置：") -> str:
    parts = [f'<a href="{rel(url, "/")}">首页</a>']
    for text, href in trail:
        parts.append(f'<a href="{href}">{text}</a>' if href else f"<span>{text}</span>")
    return f'<div class="crumb w">{prefix}' + " &gt; ".join(parts) + "</div>"


def footer(s, url: str, full: bool = True) -> str:
    more = ' | <a href="/xxgk/ysqgk/">依申请公开</a> | <a href="/search/">站内搜索</a>' if full else ""
    return s.render("footer", guide_href=rel(url, "/xxgk/zn/"), more_links=more)


def portal_document(s, url: str, title: str, meta: dict, top: str, main: str, lang=True, body_class="") -> str:
    body = s.render("portal", top=top, main=main, footer=footer(s, url))
    return document(s, head(s, title, meta), body, lang, body_class)


def redesign_document(s, title: str, meta: dict, main: str, body_class: str, head_tools: str, below_head: str,
                      footer_html: str, lang=True) -> str:
    """A page of the sparse redesign's templates (its homepage and its article pages)."""
    body = s.render("redesign", head_tools=head_tools, below_head=below_head, main=main, footer=footer_html)
    return document(s, head(s, title, meta, redesign=True), body, lang, body_class)


def portal(s, url: str, title: str, meta: dict, trail: list, main: str, lang=True) -> str:
    """A page of the portal template (新闻中心, 关怀版, 站内搜索)."""
    top = "\n".join([topbar(s, url), header(s, s.chrome["portal_nav"]), crumbs(url, trail)])
    return portal_document(s, url, title, meta, top, main, lang)


def redesign_article(s, url: str, title: str, meta: dict, trail: list, main: str, lang=True) -> str:
    """The sparse redesign's article template (see chrome.yaml: article_template)."""
    kept = {k: v for k, v in meta.items() if k in ("ColumnName", "ArticleTitle")}
    nav = f'<ul class="v2-nav">{menu(s.chrome["redesign_nav"], sep="")}</ul>'
    return redesign_document(s, title, kept, main, "v2", nav, crumbs(url, trail, prefix="您的位置："),
                             s.render("redesign_article_footer"), lang=lang)


def article(s, url: str, title: str, meta: dict, trail: list, main: str, lang=True) -> str:
    """A 新闻中心 article page in the variant's article template."""
    make = redesign_article if s.chrome["article_template"] == "redesign" else portal
    return make(s, url, title, meta, trail, main, lang=lang)


def gbk_page(s, url: str, title: str, meta: dict, trail_html: str, main: str, lang=None):
    """A page of the old GBK template (行政处罚); *lang* None: as chrome.yaml says (A11Y003)."""
    lang = s.chrome["gbk"]["lang"] if lang is None else lang
    ysqgk = ' | <a href="/xxgk/ysqgk/">依申请公开</a>' if s.chrome["gbk"]["ysqgk_link"] else ""
    html = s.document("gbk", lang=' lang="zh-CN" xml:lang="zh-CN"' if lang else "", title=title,
                      meta=meta_tags(meta, " />"), trail=trail_html, main=main, ysqgk_link=ysqgk)
    s.page(url, html, encoding="gbk")
