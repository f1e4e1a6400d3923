"""The homepage (the standard design, or the sparse redesign: home.yaml) and 关怀版 (/ghb/)."""
from __future__ import annotations

from . import chrome


def newest(items: list, count: int, since=None, until=None) -> list:
    """The *count* newest items (by date) dated within [since, until]; ties keep their order."""
    picked = [x for x in items if (not since or x["date"] >= since) and (not until or x["date"] <= until)]
    return sorted(picked, key=lambda x: x["date"], reverse=True)[:count]


def home_main(s, h: dict) -> str:
    """The homepage's boxes: pictures, 工作动态, 通知公告 and 政府信息公开."""
    cfg, broken = h["news"], h["news"]["broken_link"]
    news = [(x["title"], broken["href"] if broken and x["id"] == broken["id"] else s.news_url(x["id"]), x["date"])
            for x in newest(s.news, cfg["count"], until=cfg["until"])]
    ncfg = h["notices"]
    notices = newest(s.notices, ncfg["count"], since=ncfg["since"], until=ncfg["until"])
    lines = []
    for x in notices:
        href = s.notice_url(x["id"])[1:] if ncfg["relative_links"] else s.notice_url(x["id"])
        lines.append(f'<li><a href="{href}">{x["title"]}</a><span>{x["shown"]}</span></li>')
    if ncfg["hot"]:
        hot = notices[0]
        assert hot["id"] == ncfg["hot"], "home.yaml: notices.hot must be the newest notice"
        lines[0] = (f'<li class="hot"><img src="/images/icon_new.png" alt="" width="16" height="16">'
                    f'<a href="{s.notice_url(hot["id"])}">{hot["title"]}</a><span>{hot["shown"]}</span></li>')
    photos = "\n".join(f'<li><a href="{s.news_url(p["id"])}"><img src="{p["src"]}" alt="{p["alt"]}" width="380" '
                       f'height="240"></a><p>{p["alt"]}</p></li>' for p in h["photos"])
    news_box = s.render("home_box", kind="news", heading_href="/xwzx/gzdt/", heading="工作动态",
                        more_href=cfg["more_href"], items=chrome.titled_items(news))
    notice_box = s.render("home_box", kind="notice", heading_href=ncfg["heading_href"], heading="通知公告",
                          more_href="/xwzx/tzgg/", items="\n".join(lines))
    return s.render("home_main", photos=photos, news_box=news_box, notice_box=notice_box,
                    disclosure_links=chrome.menu(h["disclosure_links"]), quick_links=chrome.menu(h["quick_links"]))


def build(s):
    h = s.data("home")
    meta = s.meta(SiteIDCode=h["meta"]["SiteIDCode"], ColumnName="首页", ColumnType="首页",
                  Keywords=h["meta"]["Keywords"], Description=h["meta"]["Description"])
    if h["design"] == "redesign":
        nav = chrome.menu(h["nav"], first_on=True)
        footer = s.render("redesign_home_footer", printed_icp=h["redesign_footer"]["icp"],
                          printed_psb_code=h["redesign_footer"]["psb_code"])
        html = chrome.redesign_document(s, s.info["site_name"], meta, home_main(s, h), "v2 index",
                                        s.render("redesign_home_head"),
                                        f'<div class="v2-nav"><ul class="w">\n{nav}\n</ul></div>', footer)
    else:
        top = chrome.topbar(s, "/") + "\n" + chrome.header(s, h["nav"], first_on=True)
        main = s.render("home_search") + "\n" + home_main(s, h)
        html = chrome.portal_document(s, "/", s.info["site_name"], meta, top, main, body_class="index")
    s.page("/", html)
    care_home(s, h["care_news_count"])


def care_home(s, count: int):
    url = "/ghb/"
    news = [(x["title"], s.news_url(x["id"]), x["date"]) for x in newest(s.news, count)]
    main = s.render("care_home", news=chrome.dated_items(news))
    meta = s.meta(ColumnName="关怀版", ColumnType="关怀版")
    s.page(url, chrome.portal(s, url, f"关怀版_{s.info['site_name']}", meta, [("关怀版", None)], main))
