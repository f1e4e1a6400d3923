"""The 政府信息公开 platform template (/xxgk/...): page frame, article pages and list pages."""
from __future__ import annotations

from . import chrome
from .util import cn_date, esc, rel

FDZDGKNR = "/xxgk/fdzdgknr/"


def trail(url: str, *extra) -> list:
    """Breadcrumbs below 首页 > 政府信息公开."""
    return [("政府信息公开", rel(url, "/xxgk/"))] + list(extra)


def in_fdzdgknr(url: str) -> list:
    """The breadcrumb step 法定主动公开内容, relative to *url*."""
    return [("法定主动公开内容", rel(url, FDZDGKNR))]


def sidenav(s, url: str) -> str:
    subs = "\n".join(f'<li><a href="{rel(url, FDZDGKNR + c["code"] + "/")}">{c["name"]}</a></li>'
                     for c in s.data("columns")["columns"])
    return s.render("platform_side", fdzdgknr_href=rel(url, FDZDGKNR), subs=subs)


def platform(s, url: str, title: str, meta: dict, crumbs: list, main: str, side=True, banner="政府信息公开",
             bom=False):
    sw = s.chrome["platform"]
    body = s.render("platform", topbar=chrome.topbar(s, url, search=sw["topbar_search"]), banner=banner,
                    crumbs=chrome.crumbs(url, crumbs), side=sidenav(s, url) if side else "",
                    search_form=s.render("platform_search") if sw["search_form"] else "", main=main,
                    footer=chrome.footer(s, url, full=sw["footer_links_all"]))
    html = chrome.document(s, chrome.head(s, title, meta, css="/css/xxgk.css"), body)
    s.page(url, html, bom=bom)


def meta_table(s, idx: str, date: str, written=None, doc_no=None, name=None, topic="市场监管", validity=None) -> str:
    """The 索引号/发布机构/成文日期... table above a disclosure article."""
    topic_cells = f'<th>主题分类：</th><td>{topic}</td>' if topic else '<td colspan="2"></td>'
    rows = [f'<tr><th>索引号：</th><td>{idx}</td>{topic_cells}</tr>',
            f'<tr><th>发布机构：</th><td>{s.info["site_name"]}</td><th>成文日期：</th><td>{written or date}</td></tr>']
    if doc_no is not None:
        rows.append(f'<tr><th>文　　号：</th><td>{doc_no}</td><th>发布日期：</th><td>{date}</td></tr>')
    else:
        rows.append(f'<tr><th>发布日期：</th><td colspan="3">{date}</td></tr>')
    if name:
        rows.append(f'<tr><th>名　　称：</th><td colspan="3">{name}</td></tr>')
    if validity:
        rows.append(f'<tr><th>有效性：</th><td colspan="3">{validity}</td></tr>')
    return '<table class="xxgk-meta">\n' + "\n".join(rows) + "\n</table>"


def index_no(s, date: str, number: int) -> str:
    """索引号 <prefix>/<year>-<number, 5 digits>."""
    return f"{s.info['index_prefix']}/{date[:4]}-{number:05d}"


def paragraphs(paras: list) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paras)


def article_main(s, table: str, title: str, body: str, css_class="article", after=None) -> str:
    """The main part of a disclosure article: meta table, title, content (and *after* it, if given)."""
    return s.render("gk_article", meta_table=table, css_class=css_class, title=title, body=body,
                    after_content="" if after is None else "\n" + after)


def article(s, url: str, col_name: str, col_url: str, title: str, date: str, paras: list, idx: str,
            written=None, doc_no=None, extra_html="", crumbs_mid=None, topic="市场监管", validity=None):
    """An article of a disclosure column."""
    meta = s.meta(ColumnName=col_name, ColumnType=col_name, ArticleTitle=title, PubDate=date,
                  ContentSource=s.info["site_name"])
    crumbs = trail(url) + (crumbs_mid or []) + [(col_name, rel(url, col_url)), ("正文", None)]
    table = meta_table(s, idx, date, written, doc_no, title if doc_no is not None else None, topic=topic,
                       validity=validity)
    main = article_main(s, table, title, paragraphs(paras), after=extra_html)
    platform(s, url, f"{title}_{s.info['site_name']}", meta, crumbs, main)


LIST_HEADS = {"table": '<table class="gk-list"><thead><tr><th>序号</th><th>标题</th><th>发布日期</th></tr></thead>',
              "doc": '<table class="gk-list gk-doc"><thead><tr><th>名称</th><th>文号</th><th>成文日期</th><th>发布日期</th>'
                     '</tr></thead>'}


def list_markup(url: str, items: list, style: str) -> str:
    """The list of a column page; items: (title, href, date or None, extra dict). Styles: table, doc (with
    文号 and 成文日期), cn (dates as 2026年9月16日, absolute links), li (plain dates)."""
    if not items:
        return '<div class="no-data">暂无信息</div>'
    if style == "table":
        rows = [f'<tr><td>{n}</td><td class="t"><a href="{rel(url, h)}" title="{esc(t)}" target="_blank">{t}</a></td>'
                f'<td>{d or ""}</td></tr>' for n, (t, h, d, _x) in enumerate(items, 1)]
    elif style == "doc":
        rows = [f'<tr><td class="t"><a href="{rel(url, h)}" target="_blank">{t}</a></td><td>{x["doc_no"]}</td>'
                f'<td>{x["written"]}</td><td>{d}</td></tr>' for t, h, d, x in items]
    elif style == "cn":
        dates = [f'<span class="date">{cn_date(d)}</span>' if d else "" for _t, _h, d, _x in items]
        lines = "\n".join(f'<li><a href="{h}">{t}</a>{day}</li>' for (t, h, _d, _x), day in zip(items, dates))
        return f'<ul class="gk-ul">\n{lines}\n</ul>'
    else:
        return f'<ul class="gk-ul">\n{chrome.dated_items([(t, h, d) for t, h, d, _x in items], url)}\n</ul>'
    return LIST_HEADS[style] + "\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def column_list(s, url: str, col_name: str, items: list, style="table", crumbs_mid=None):
    """A column's list page (see list_markup)."""
    meta = s.meta(ColumnName=col_name, ColumnType="信息公开")
    crumbs = trail(url) + (crumbs_mid or []) + [(col_name, None)]
    main = s.render("gk_list", name=col_name, list=list_markup(url, items, style), count=len(items))
    platform(s, url, f"{col_name}_{s.info['site_name']}", meta, crumbs, main)
