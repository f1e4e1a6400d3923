"""新闻中心 (/xwzx/): its home, 工作动态 (list pages and articles) and 通知公告 (list and notices)."""
from __future__ import annotations

from . import chrome
from .home import newest
from .platform import paragraphs
from .policy import issued_text
from .util import cn_date, rel, rewrite


def build(s):
    url = "/xwzx/"
    news = [(x["title"], s.news_url(x["id"]), x["date"]) for x in newest(s.news, 6)]
    notices = [(x["title"], s.notice_url(x["id"]), x["shown"]) for x in newest(s.notices, 5)]
    main = s.render("news_index", news=chrome.dated_items(news, url), notices=chrome.dated_items(notices, url))
    s.page(url, chrome.portal(s, url, f"新闻中心_{s.info['site_name']}", s.meta(ColumnName="新闻中心", ColumnType="新闻中心"),
                              [("新闻中心", None)], main))
    news_lists(s)
    for x in s.news:
        news_article(s, x)
    notices_list(s)
    for x in s.notices:
        notice_article(s, x)


def news_lists(s):
    """工作动态: index.html, index_1.html, ... newest first, with a 首页/上一页/下一页/尾页 pager."""
    items = sorted(s.news, key=lambda x: x["date"], reverse=True)
    per = s.data("news")["per_page"]
    chunks = [items[n:n + per] for n in range(0, len(items), per)]
    names = ["index.html"] + [f"index_{n}.html" for n in range(1, len(chunks))]
    meta = s.meta(ColumnName="工作动态", ColumnType="工作动态")
    for n, chunk in enumerate(chunks):
        url = "/xwzx/gzdt/" + ("" if n == 0 else names[n])
        pager = ['<a href="index.html">首页</a>']
        if n > 0:
            pager.append(f'<a href="{names[n - 1]}">上一页</a>')
        pager.append(f"<span>第{n + 1}页</span>")
        if n < len(chunks) - 1:
            pager.append(f'<a href="{names[n + 1]}">下一页</a>')
        pager.append(f'<a href="{names[-1]}">尾页</a>')
        lines = chrome.titled_items([(x["title"], s.news_url(x["id"]), x["date"]) for x in chunk], url)
        main = s.render("news_list", items=lines, pages=len(chunks), pager=" ".join(pager))
        s.page(url, chrome.portal(s, url, f"工作动态_{s.info['site_name']}", meta,
                                  [("新闻中心", "/xwzx/"), ("工作动态", None)], main))


def news_text(s, x: dict) -> list[str]:
    """An article's paragraphs (news.yaml: title_rewrites, lead, bodies)."""
    d = s.data("news")
    body = next(b["text"] for b in d["bodies"] if not b["keywords"] or any(k in x["title"] for k in b["keywords"]))
    return [f"{cn_date(x['date'])}，{rewrite(x['title'], d['title_rewrites'])}。{d['lead']}"] + body


def news_article(s, x: dict):
    url, site = s.news_url(x["id"]), s.info["site_name"]
    sp = s.data("news")["special"].get(x["id"], {})
    paras = news_text(s, x)
    if sp.get("paragraph_2"):
        paras.insert(1, sp["paragraph_2"])
    alt = (lambda im: f' alt="{im["alt"]}"') if sp.get("image_alts", True) else (lambda im: "")
    images = "\n".join(f'<p style="text-align:center"><img src="{im["src"]}"{alt(im)} width="600"></p>'
                       for im in sp.get("images", []))
    related = chrome.related_box("相关链接", sp["related"]) if sp.get("related") else ""
    if x.get("interpretation"):         # an interpretation re-published as news: its text and 原文链接
        it = x["interpretation"]
        doc = s.document_by_no(it["doc"])
        paras, images = it["text"], ""
        related = f'<div class="related">原文链接：<a href="{rel(url, doc["url"])}">{doc["title"]}</a>（{doc["no"]}）</div>'
    main = s.render("news_article", title=x["title"], date=x["date"], time=x["time"], source=x["source"],
                    images=images, body=paragraphs(paras), related=related)
    meta = s.meta(ColumnName="工作动态", ColumnType="工作动态", ArticleTitle=x["title"],
                  PubDate=f"{x['date']} {x['time']}", ContentSource=site)
    title = "" if sp.get("empty_title") else f"{x['title']}_{site}"
    trail = [("新闻中心", rel(url, "/xwzx/")), ("工作动态", rel(url, "/xwzx/gzdt/")), ("正文", None)]
    s.page(url, chrome.article(s, url, title, meta, trail, main))


def notices_list(s):
    url = "/xwzx/tzgg/"
    items = sorted(s.notices, key=lambda x: x["date"], reverse=True)
    lines = "\n".join(f'<li><a href="{rel(url, s.notice_url(x["id"]))}" target="_blank">{x["title"]}</a>'
                      f'<span class="date">[{x["shown"]}]</span></li>' for x in items)
    main = s.render("notices_list", items=lines, count=len(items))
    s.page(url, chrome.portal(s, url, f"通知公告_{s.info['site_name']}", s.meta(ColumnName="通知公告", ColumnType="通知公告"),
                              [("新闻中心", "/xwzx/"), ("通知公告", None)], main))


def notice_article(s, x: dict):
    url, site, shown = s.notice_url(x["id"]), s.info["site_name"], x["shown"]
    if x.get("document"):       # a policy document re-published here: 文号, its text, 相关解读 (the 政策解读 copy)
        doc = x["document"]
        interp = s.interpretation_of(doc)
        body, doc_no = paragraphs(issued_text(s, doc)), f'\n<p class="wh" style="text-align:center">{doc["no"]}</p>'
        extra = f'<div class="related">相关解读：<a href="{rel(url, interp["url"])}">{interp["title"]}</a></div>'
    else:
        body = paragraphs(x["text"]) + f'\n<p style="text-align:right">{site}<br>{cn_date(shown)}</p>'
        doc_no, extra = "", x.get("extra_html", "")
    main = s.render("notice_article", title=x["title"], date=cn_date(shown), source=x["source"], doc_no=doc_no,
                    body=body, extra=extra)
    meta = s.meta(ColumnName="通知公告", ColumnType="通知公告", ArticleTitle=x["title"], PubDate=shown, ContentSource=site)
    trail = [("新闻中心", rel(url, "/xwzx/")), ("通知公告", rel(url, "/xwzx/tzgg/")), ("正文", None)]
    html = chrome.article(s, url, f"{x['title']}_{site}", meta, trail, main, lang=x.get("lang", True))
    s.page(url, html, encoding=x.get("encoding", "utf-8"))
