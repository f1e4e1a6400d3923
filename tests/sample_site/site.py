"""The site being built: one variant's files so far, its data, and the lookups every section needs."""
from __future__ import annotations

from functools import cached_property

from . import templates, variants
from .util import dated_url


class Site:
    def __init__(self, variant: str):
        if variant not in variants.VARIANTS:
            raise ValueError(f"unknown variant {variant!r} (one of {', '.join(variants.VARIANTS)})")
        self.variant = variant
        self.files: dict[str, bytes] = {}             # site-relative file path -> bytes
        self.col_items: dict[str, list] = {}          # 法定主动公开内容 code -> [(title, url, date|None, extra)]
        self._data: dict[str, object] = {}
        self.info = variants.load("site", variant)    # the identity constants
        self.chrome = self.data("chrome")

    def data(self, name: str):
        """``data/<name>.yaml`` for this variant, read once and shared by the sections (which may add
        derived fields, such as urls, but change nothing that is there)."""
        if name not in self._data:
            self._data[name] = variants.load(name, self.variant)
        return self._data[name]

    # ---- output ---------------------------------------------------------------------------
    def put(self, url: str, data: bytes):
        p = url.lstrip("/")
        if p == "" or p.endswith("/"):
            p += "index.html"
        assert p not in self.files, p
        self.files[p] = data

    def page(self, url: str, html: str, encoding="utf-8", bom=False):
        data = html.encode(encoding)
        self.put(url, b"\xef\xbb\xbf" + data if bom else data)

    def render(self, template: str, /, **values) -> str:
        return templates.render(template, self.info, **values)

    def document(self, template: str, /, **values) -> str:
        return templates.document(template, self.info, **values)

    def meta(self, **kw) -> dict:
        """The site's <meta name=...> values plus *kw* (None values left out)."""
        d = {"SiteName": self.info["site_name"], "SiteDomain": self.info["site_domain"],
             "SiteIDCode": self.info["site_id"]}
        d.update({k: v for k, v in kw.items() if v is not None})
        return d

    # ---- 政策文件 and 政策解读, and their copies in 新闻中心 -----------------------------------------
    @cached_property
    def documents(self) -> list[dict]:
        """The policy documents (policy.yaml) with their title and url."""
        pol = self.data("policy")
        for doc in pol["documents"]:
            doc["title"] = pol["document_title"].format(**doc)
            doc["url"] = dated_url("/xxgk/fdzdgknr/zcwj/", doc["date"], doc["id"])
        return pol["documents"]

    @cached_property
    def interpretations(self) -> list[dict]:
        """The interpretations of this variant (policy.yaml) with their url."""
        for it in self.data("policy")["interpretations"]:
            it["url"] = dated_url("/xxgk/fdzdgknr/zcjd/", it["date"], it["id"])
        return self.data("policy")["interpretations"]

    def document_by_no(self, no: str) -> dict:
        return next(d for d in self.documents if d["no"] == no)

    def interpretation_of(self, doc: dict) -> dict | None:
        return next((x for x in self.interpretations if x["doc"] == doc["no"]), None)

    # ---- 新闻中心 ------------------------------------------------------------------------------
    @cached_property
    def news(self) -> list[dict]:
        """工作动态 articles, then the 工作动态 copies of interpretations."""
        out = list(self.data("news")["articles"])
        for it in self.interpretations:
            if it.get("news_copy"):
                c = it["news_copy"]
                out.append({"id": c["id"], "date": it["date"], "time": c["time"], "title": it["title"],
                            "source": c["source"], "interpretation": it})
        return out

    @cached_property
    def notices(self) -> list[dict]:
        """通知公告, then the 通知公告 copies of policy documents; `shown` is the date the page prints."""
        out = []
        for n in self.data("notices")["notices"]:
            out.append(dict(n, shown=n.get("shown", n["date"])))
        for doc in self.documents:
            if doc.get("notice_copy"):
                c = doc["notice_copy"]
                out.append({"id": c["id"], "date": doc["date"], "shown": doc["date"], "title": doc["title"],
                            "source": c["source"], "document": doc})
        return out

    def news_url(self, i: int) -> str:
        return dated_url("/xwzx/gzdt/", next(x for x in self.news if x["id"] == i)["date"], i)

    def notice_url(self, i: int) -> str:
        return dated_url("/xwzx/tzgg/", next(x for x in self.notices if x["id"] == i)["date"], i)
