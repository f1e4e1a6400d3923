"""政策文件 (zcwj) and 政策解读 (zcjd): policy.yaml. Each links the other (相关解读 / 相关文件), through
their 新闻中心 copies where those exist."""
from __future__ import annotations

from . import platform
from .chrome import related_box
from .util import cn_date, rel


def issued_text(s, doc: dict) -> list[str]:
    """A document page's text: the 印发 notice (policy.yaml: issuing_notice), then the document."""
    notice = s.data("policy")["issuing_notice"]
    return [line.format(name=doc["name"], written=cn_date(doc["written"])) for line in notice] + doc["text"]


def documents(s, col: dict):
    base = f"{platform.FDZDGKNR}{col['code']}/"
    items = []
    for doc in s.documents:
        u, interp = doc["url"], s.interpretation_of(doc)
        links = ""
        if interp and doc.get("backlink", True):
            target = s.news_url(interp["news_copy"]["id"]) if interp.get("news_copy") else interp["url"]
            links = related_box("相关解读", [(interp["title"], rel(u, target))])
        platform.article(s, u, col["name"], base, doc["title"], doc["date"], issued_text(s, doc),
                         platform.index_no(s, doc["date"], doc["id"]), written=doc["written"], doc_no=doc["no"],
                         crumbs_mid=platform.in_fdzdgknr(u), extra_html=links, topic="规范性文件",
                         validity=doc.get("validity"))
        items.append((doc["title"], u, doc["date"], {"doc_no": doc["no"], "written": doc["written"]}))
    finish(s, col, items, "doc")


def interpretations(s, col: dict):
    base = f"{platform.FDZDGKNR}{col['code']}/"
    items = []
    for it in s.interpretations:
        u, doc = it["url"], s.document_by_no(it["doc"])
        target = s.notice_url(doc["notice_copy"]["id"]) if doc.get("notice_copy") else doc["url"]
        links = related_box("相关文件", [(f'{doc["title"]}（{doc["no"]}）', rel(u, target))])
        platform.article(s, u, col["name"], base, it["title"], it["date"], it["text"],
                         platform.index_no(s, it["date"], it["id"]), crumbs_mid=platform.in_fdzdgknr(u),
                         extra_html=links, topic="政策解读")
        items.append((it["title"], u, it["date"], {}))
    finish(s, col, items, "table")


def finish(s, col: dict, items: list, style: str):
    """Record a column's items, newest first, and write its list page."""
    items.sort(key=lambda x: x[2], reverse=True)
    s.col_items[col["code"]] = items
    base = f"{platform.FDZDGKNR}{col['code']}/"
    platform.column_list(s, base, col["name"], items, style=style, crumbs_mid=platform.in_fdzdgknr(base))
