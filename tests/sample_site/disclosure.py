"""政府信息公开 (/xxgk/): 法定主动公开内容 and its sub-columns (columns.yaml), the column home, the guide
and the 制度 column (disclosure.yaml), and the pages of fixed content (pages.yaml)."""
from __future__ import annotations

from . import annual, chrome, penalties, platform, policy
from .util import dated_url, rel

KINDS = {"documents": policy.documents, "interpretations": policy.interpretations, "penalties": penalties.build}


def article_column(s, base: str, name: str, entries: list, style="table", in_fdzdgknr=True, list_first=False) -> list:
    """A column of plain articles (entries: id, date, title, text[, extra_html, list_undated]); returns
    its list items, newest first."""
    mid = platform.in_fdzdgknr if in_fdzdgknr else (lambda _url: None)
    arts = [(e, dated_url(base, e["date"], e["id"])) for e in entries]
    items = [(e["title"], u, None if e.get("list_undated") else e["date"], {})
             for e, u in sorted(arts, key=lambda a: a[0]["date"], reverse=True)]
    if list_first:
        platform.column_list(s, base, name, items, style=style, crumbs_mid=mid(base))
    for e, u in arts:
        platform.article(s, u, name, base, e["title"], e["date"], e["text"], platform.index_no(s, e["date"], e["id"]),
                         extra_html=e.get("extra_html", ""), crumbs_mid=mid(u),
                         topic=s.data("disclosure")["entry_topic"])
    if not list_first:
        platform.column_list(s, base, name, items, style=style, crumbs_mid=mid(base))
    return items


def fdzdgknr(s):
    """Every sub-column, then the 法定主动公开内容 page with the two newest items of each."""
    columns = s.data("columns")["columns"]
    for col in columns:
        if "kind" in col:
            KINDS[col["kind"]](s, col)
        else:
            base = f"{platform.FDZDGKNR}{col['code']}/"
            s.col_items[col["code"]] = article_column(s, base, col["name"], col["entries"], col.get("style", "table"))
    url = platform.FDZDGKNR
    blocks = []
    for col in columns:
        dated = [(t, h, d) for t, h, d, _x in s.col_items.get(col["code"], []) if d][:2]
        if dated:
            blocks.append(f'<div class="sub-box"><h3><a href="{col["code"]}/">{col["name"]}</a></h3><ul>\n'
                          f'{chrome.dated_items(dated, url)}\n</ul></div>')
    main = '<div class="col-title"><h2>法定主动公开内容</h2></div>\n' + "\n".join(blocks)
    platform.platform(s, url, f"法定主动公开内容_{s.info['site_name']}",
                      s.meta(ColumnName="法定主动公开内容", ColumnType="信息公开"),
                      platform.trail(url, ("法定主动公开内容", None)), main)


def guide_url(s) -> str:
    g = s.data("disclosure")["guide"]
    return dated_url("/xxgk/zn/", g["date"], g["id"])


def guide_items(s) -> list:
    """(title, url, date) shown in the 指南 section of /xxgk/ and on /xxgk/zn/ (disclosure.yaml: guide_section)."""
    d = s.data("disclosure")
    if d["guide_section"] == "guide":
        return [(d["guide"]["title"], guide_url(s), d["guide"]["date"])]
    return [(t, h, day) for t, h, day, _x in s.col_items[d["guide_section"]]]


def xxgk_home(s):
    url, d = "/xxgk/", s.data("disclosure")
    name, columns = s.info["disclosure_name"], s.data("columns")["columns"]
    rules = ""
    if d["rules_column"]:
        items = [(e["title"], dated_url("/xxgk/zd/", e["date"], e["id"]), e["date"]) for e in d["rules"]]
        rules = s.render("xxgk_home_rules", items=chrome.dated_items(items, url))
    latest = [(t, h, day) for col in columns for t, h, day, _x in s.col_items.get(col["code"], []) if day]
    latest = sorted(latest, key=lambda x: x[2], reverse=True)[:8]
    sb = s.data("script_built")
    topics = "".join(f'<li><a href="{rel(url, h)}">{n}</a></li>' for n, h in (
        (sb["trs"]["name"], sb["trs"]["base"]), (sb["jpage"]["name"], sb["jpage"]["list"]),
        (sb["gkmlpt"]["name"], sb["gkmlpt"]["index"])))
    main = s.render(
        "xxgk_home", guide=chrome.dated_items(guide_items(s), url), rules=rules,
        columns="".join(f'<li><a href="fdzdgknr/{c["code"]}/">{c["name"]}</a></li>' for c in columns),
        latest=chrome.dated_items(latest, url), topics=topics,
        reports=chrome.dated_items([(r["title"], r["url"], r["published"]) for r in annual.reports(s)], url),
        ysqgk=s.render("xxgk_home_ysqgk") if s.chrome["platform"]["ysqgk_on_home"] else "")
    platform.platform(s, url, f"{name}_{s.info['site_name']}", s.meta(ColumnName=name, ColumnType="信息公开"),
                      [(name, None)], main, side=False, banner=name)


def guide(s):
    url, site, g = "/xxgk/zn/", s.info["site_name"], s.data("disclosure")["guide"]
    main = (f'<div class="col-title"><h2>政府信息公开指南</h2></div>\n'
            f'<ul class="gk-ul">{chrome.dated_items(guide_items(s), url)}</ul>')
    platform.platform(s, url, f"政府信息公开指南_{site}", s.meta(ColumnName="政府信息公开指南", ColumnType="信息公开"),
                      platform.trail(url, ("政府信息公开指南", None)), main)
    url = guide_url(s)
    meta = s.meta(ColumnName="政府信息公开指南", ColumnType="信息公开", ArticleTitle=g["title"], PubDate=g["date"],
                  ContentSource=site)
    table = platform.meta_table(s, f"{s.info['index_prefix']}/{g['index']}", g["date"])
    main = platform.article_main(s, table, g["title"], "\n".join(g["text"]), css_class="article guide")
    platform.platform(s, url, f"{g['title']}_{site}", meta,
                      platform.trail(url, ("政府信息公开指南", rel(url, "/xxgk/zn/")), ("正文", None)), main)


def rules_column(s):
    d = s.data("disclosure")
    if d["rules_column"]:
        article_column(s, "/xxgk/zd/", "政府信息公开制度", d["rules"], style="li", in_fdzdgknr=False, list_first=True)


def pages(s):
    """pages.yaml: pages of fixed content in the platform or the portal template."""
    for p in s.data("pages")["pages"]:
        title, meta = f"{p['title']}_{s.info['site_name']}", s.meta(ColumnName=p["column"], ColumnType=p["column_type"])
        crumbs = [tuple(c) for c in p["crumbs"]]
        if p["template"] == "platform":
            platform.platform(s, p["url"], title, meta, platform.trail(p["url"], *crumbs), p["main"],
                              bom=p.get("bom", False))
        else:
            s.page(p["url"], chrome.portal(s, p["url"], title, meta, crumbs, p["main"]))
