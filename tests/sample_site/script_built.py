"""Three 政府信息公开 sub-columns whose lists only a platform adapter can enumerate (issue 11;
script_built.yaml): TRS WCM pagination (知识产权), Hanweb jpage, a data island plus a data proxy (登记注册),
and Guangdong gkmlpt, a single-page application over a JSON API (标准计量). The data behind the
endpoints is written as JSON under _data/; the server answers the endpoints from it."""
from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote

from . import chrome, platform, variants
from .util import cn_date, dated_url, esc, figure, json_bytes, rewrite

CHINA = dt.timezone(dt.timedelta(hours=8))


def config() -> dict:
    return variants.load("script_built", "planted")    # the same in every variant


def first_paragraph(c: dict, date: str, title: str) -> str:
    return f"{cn_date(date)}，{rewrite(title, c['title_rewrites'])}。"


def newest_first(out: list) -> list:
    return sorted(out, key=lambda x: (x[1], x[0]), reverse=True)


# ---- the entries: (url, date, title, paragraphs), newest first ------------------------------------
def patent_figures(i: int, month: int) -> dict:
    a, b, c = figure(i, 30, 60), figure(i + 1, 180, 260), figure(i + 2, 60, 120)
    return dict(a=a, b=b, c=c, total=a + b + c, stock=2100 + 40 * month, density=4 + month / 10)


def trademark_figures(i: int, month: int) -> dict:
    return dict(a=figure(i, 300, 480), stock=38000 + 420 * month)


MONTHLY_FIGURES = {"专利授权": patent_figures, "商标注册": trademark_figures}    # TRS monthly articles, by kind


def plain_articles(c: dict, items: list, body: list) -> list:
    """(id, date, title, paragraphs) of ordinary articles: a first paragraph, then *body*."""
    return [(x["id"], x["date"], x["title"], [first_paragraph(c, x["date"], x["title"]), *body]) for x in items]


def trs_entries(c: dict) -> list:
    t = c["trs"]
    out = plain_articles(c, t["items"], t["body"])
    for m in t["monthly"]:
        for month, date in m["published"].items():
            i = m["id_base"] + month
            values = MONTHLY_FIGURES[m["kind"]](i, month)
            out.append((i, date, t["monthly_title"].format(month=month, kind=m["kind"]),
                        [p.format(month=month, **values) for p in m["text"]]))
    return [(dated_url(t["base"], d, i), d, title, p) for i, d, title, p in newest_first(out)]


def trs_list_pages(c: dict) -> list:
    t = c["trs"]
    pages = -(-len(trs_entries(c)) // t["per_page"])
    return [t["base"]] + [f"{t['base']}index_{n}.html" for n in range(1, pages)]


def jpage_entries(c: dict) -> list:
    j, w = c["jpage"], c["jpage"]["weekly"]
    out = plain_articles(c, j["items"], j["body"])
    holiday = [dt.date.fromisoformat(d) for d in w["holiday"]]
    for week in range(w["weeks"][0], w["weeks"][1] + 1):
        monday = dt.date.fromisoformat(w["week_1"]) + dt.timedelta(weeks=week - 1)
        sunday, pub = monday + dt.timedelta(days=6), monday + dt.timedelta(days=7)
        if holiday[0] <= pub <= holiday[1]:
            pub = holiday[2]
        i = w["id_base"] + week
        a, b, cc = figure(i, 90, 160), figure(i + 1, 380, 560), figure(i + 2, 2, 9)
        values = dict(week=week, monday=cn_date(monday.isoformat()), sunday=cn_date(sunday.isoformat()),
                      total=a + b + cc, a=a, b=b, c=cc, closed=figure(i + 3, 60, 140))
        out.append((i, pub.isoformat(), w["title"].format(week=week), [p.format(**values) for p in w["text"]]))
    return [(f"/xxgk/art/{d[:4]}/{int(d[5:7])}/{int(d[8:])}/art_{j['column']}_{i}.html", d, t, p)
            for i, d, t, p in newest_first(out)]


def gkmlpt_entries(c: dict) -> list:
    g = c["gkmlpt"]
    out = []
    for x in g["items"]:
        i, d = x["id"], x["date"]
        if x.get("figures"):
            n = figure(i, 1800, 2600)
            values = dict(month=re.match(r"2026年(\d+)月", x["title"]).group(1), n=n, rate=97 + figure(i, 0, 19) / 10,
                          trade=n // 2, medical=n // 4, other=n - n // 2 - n // 4)
            paras = [p.format(**values) for p in g["figures"]]
        else:
            paras = [first_paragraph(c, d, x["title"]), *g["body"]]
        out.append((i, d, x["title"], paras))
    base = g["index"].rsplit("/", 1)[0]
    return [(f"{base}/content/{i // 1000000}/{i // 1000}/post_{i}.html", d, t, p) for i, d, t, p in newest_first(out)]


def truth() -> dict:
    """The ``script_built`` section of ground_truth.yaml."""
    c = config()
    t, j, g = c["trs"], c["jpage"], c["gkmlpt"]
    return {
        "trs": {"column": t["name"], "list_pages": trs_list_pages(c), "entries": [u for u, *_x in trs_entries(c)]},
        "jpage": {"column": j["name"], "list_page": j["list"], "data_proxy": j["proxy"],
                  "embedded": j["per_page"], "entries": [u for u, *_x in jpage_entries(c)]},
        "gkmlpt": {"column": g["name"], "list_page": g["index"], "api": g["index"].rsplit("/", 1)[0] + "/api/all/0",
                   "sid": g["sid"], "page_size": g["page_size"], "entries": [u for u, *_x in gkmlpt_entries(c)]},
    }


# ---- the pages -------------------------------------------------------------------------------------
def build(s):
    c = config()
    trs_column(s, c)
    jpage_column(s, c)
    gkmlpt_column(s, c)


def list_page(s, url: str, name: str, main: str):
    platform.platform(s, url, f"{name}_{s.info['site_name']}", s.meta(ColumnName=name, ColumnType="信息公开"),
                      platform.trail(url, (name, None)), main)


def article(s, url: str, name: str, col_url: str, title: str, date: str, paras: list, number: int):
    platform.article(s, url, name, col_url, title, date, paras, platform.index_no(s, date, number))


def post_id(url: str) -> int:
    return int(url.rsplit("_", 1)[1][:-5])


def trs_column(s, c: dict):
    t, items, pages = c["trs"], trs_entries(c), trs_list_pages(c)
    for n, url in enumerate(pages):
        chunk = items[n * t["per_page"]:(n + 1) * t["per_page"]]
        lines = chrome.titled_items([(title, "./" + u[len(t["base"]):], d) for u, d, title, _p in chunk])
        list_page(s, url, t["name"], s.render("trs_list", name=t["name"], items=lines, pages=len(pages), page=n))
    for u, d, title, paras in items:
        article(s, u, t["name"], t["base"], title, d, paras, post_id(u))


def jpage_record(url: str, date: str, title: str) -> str:
    """One record of the data island / proxy answer, as jcms writes it."""
    return f'<li><a href="{url}" title="{esc(title)}" target="_blank">{title}</a><span>{date}</span></li>'


def jpage_column(s, c: dict):
    j, items = c["jpage"], jpage_entries(c)
    records = [jpage_record(u, d, t) for u, d, t, _p in items]
    nextgroup = (f"{j['proxy']}?page=1&appid=1&webid={j['webid']}&path=/&columnid={j['column']}"
                 f"&unitid={j['unit']}&webname={quote(s.info['site_name'])}&permissiontype=0")
    embedded = "\n".join(f"<record><![CDATA[\n{r}\n]]></record>" for r in records[:j["per_page"]])
    list_page(s, j["list"], j["name"], s.render(
        "jpage_list", name=j["name"], unit=j["unit"], nextgroup=nextgroup, records=embedded, webid=j["webid"],
        column=j["column"], total=len(records), per_page=j["per_page"], proxy=j["proxy"]))
    for u, d, title, paras in items:
        article(s, u, j["name"], j["list"], title, d, paras, post_id(u))
    data = {"columnid": j["column"], "unitid": j["unit"], "webid": j["webid"], "perpage": j["per_page"],
            "records": records}
    s.put(f"/_data/jpage/{j['column']}.json", json_bytes(data))


def gkmlpt_article(g: dict, post: int, url: str, date: str, title: str, prefix: str) -> dict:
    """One article as the gkmlpt API lists it (site-relative URLs, times in China time)."""
    hm = next(x["time"] for x in g["items"] if x["id"] == post)
    published = dt.datetime.fromisoformat(f"{date} {hm}:00").replace(tzinfo=CHINA)
    return {"id": post, "title": title, "url": url, "post_url": url,
            "created_at": published.strftime("%Y-%m-%d %H:%M:%S"),
            "date": int(dt.datetime.fromisoformat(date).replace(tzinfo=CHINA).timestamp()),
            "display_publish_time": int(published.timestamp()), "document_number": "",
            "identifier": f"{prefix}/{date[:4]}-{post % 100000:05d}", "classify_id": g["classify"]}


def gkmlpt_column(s, c: dict):
    g, items = c["gkmlpt"], gkmlpt_entries(c)
    tree = json.dumps([{"id": g["classify"], "name": g["name"], "parent": 0, "jump_url": "", "children": []}],
                      ensure_ascii=False)
    js = g["index"].rsplit("/", 1)[0] + "/gkml/pc/js/"
    list_page(s, g["index"], g["name"], s.render("gkmlpt_index", name=g["name"], sid=g["sid"], tree=tree, js=js))
    for name, text in g["scripts"].items():
        s.put(js + name, text.encode("utf-8"))
    articles = []
    for u, d, title, paras in items:
        post = post_id(u)
        article(s, u, g["name"], g["index"], title, d, paras, post % 100000)
        articles.append(gkmlpt_article(g, post, u, d, title, s.info["index_prefix"]))
    data = {"sid": g["sid"], "page_size": g["page_size"],
            "classify": [{"id": g["classify"], "name": g["name"], "articles": articles}]}
    s.put(g["data"], json_bytes(data))
