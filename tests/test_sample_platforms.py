"""The sample site's script-built columns (issue 11; ground_truth.yaml ``script_built``), served on loopback.

Three 政府信息公开 sub-columns are built the way three CMS platforms build their lists: 知识产权 as TRS WCM
(list pages paginated by ``createPageHTML`` only), 登记注册 as Hanweb jpage (entries in an XML data island,
the rest from ``dataproxy.jsp`` by POST) and 标准计量 as Guangdong gkmlpt (an SPA page over a JSON API).
Following ``<a href>`` alone misses their entries; the platform adapters (``auditor.core.extract.platforms``) find
exactly the ground-truth entries, with titles and dates. Fast and offline: no crawl.
"""
from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html as lxml_html

from auditor.core.extract.html import parse
from auditor.core.extract.links import base_url, extract_items, extract_links
from auditor.app.demo.server import VARIANTS, SampleSite, site_dir
from auditor.core.extract.platforms import expand_page, looks_script_built, parse_data
from auditor.core.models import DataFetch
from tests.sample_site import script_built_truth
from tests.test_sample_site import html_pages, internal_links
from tests.truth import ground_truth

TRUTH = ground_truth()
SB = TRUTH["script_built"]
AS_OF = dt.date.fromisoformat(TRUTH["as_of"])
TRS, JPAGE, GKMLPT = SB["trs"], SB["jpage"], SB["gkmlpt"]


# --- helpers -------------------------------------------------------------------------------------

def fetch(url: str, method: str = "GET", body: str | None = None) -> tuple[int, str, bytes]:
    """(status, content type, body); the form body of a POST is urlencoded."""
    data = body.encode("utf-8") if body is not None else (b"" if method == "POST" else None)
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get_data(site: SampleSite, request: DataFetch) -> tuple[int, str, bytes]:
    return fetch(request.url, request.method, request.body)


def absolute(site: SampleSite, path: str) -> str:
    return site.url.rstrip("/") + path


def path_of(url: str) -> str:
    return urlsplit(url).path


def page_root(site: SampleSite, path: str):
    status, ctype, body = fetch(absolute(site, path))
    assert status == 200 and ctype == "text/html", (path, status, ctype)
    return parse(body.decode("utf-8"))


def href_targets(site: SampleSite, path: str) -> set[str]:
    """Paths of every ``<a href>`` on the page (what a crawler without adapters follows)."""
    url = absolute(site, path)
    root = page_root(site, path)
    return {path_of(link.url) for link in extract_links(root, base_url(root, url))}


def article_facts(site: SampleSite, path: str) -> tuple[str, str]:
    """(h1, 发布日期) of an article page, checked to be the site's ordinary article template."""
    status, ctype, body = fetch(absolute(site, path))
    assert status == 200 and ctype == "text/html", (path, status)
    text = body.decode("utf-8")
    root = lxml_html.fromstring(text)
    h1 = root.find(".//h1").text_content().strip()
    pub = re.search(r'<meta name="PubDate" content="(\d{4}-\d{2}-\d{2})', text).group(1)
    assert f"<th>发布日期：</th><td colspan=\"3\">{pub}</td>" in text, path
    assert f'<meta name="ArticleTitle" content="{h1}">' in text, path
    assert f"<title>{h1}_榕江市市场监督管理局</title>" in text, path
    assert '<html lang="zh-CN">' in text and "conac" in text and "主办单位：榕江市市场监督管理局" in text, path
    assert 'name="SiteIDCode" content="3599000012"' in text and "索引号：" in text, path
    return h1, pub


def enumerate_column(site: SampleSite, list_pages: list[str]) -> tuple[list, set[str]]:
    """What the adapters give, starting from the column's list page(s) as a crawler would: the
    further list pages they enumerate (their entries read as ordinary list items), the entries
    carried in the page, and the data endpoints' answers (with the further requests those imply).
    Returns (items in order met, the list pages fetched)."""
    items, fetched, done = [], set(), set()
    pages, requests = list(list_pages), []
    while pages or requests:
        if pages:
            path = pages.pop(0)
            if path in fetched:
                continue
            fetched.add(path)
            url = absolute(site, path)
            root = page_root(site, path)
            items += [i for i in extract_items(root, base_url(root, url)) if i.date]   # dated list rows
            for expansion, entries in expand_page(root, url):
                assert expansion.adapter in ("trs", "jpage", "gkmlpt") and not expansion.capped
                assert expansion.items == len(entries)
                pages += [path_of(p) for p in expansion.pages]
                items += entries
                requests += expansion.data
            continue
        request = requests.pop(0)
        if request in done:
            continue
        done.add(request)
        status, ctype, body = get_data(site, request)
        assert status == 200, (request, status)
        found, further = parse_data(request, body, ctype)
        assert found, request
        items += found
        requests += further
    return items, fetched


def unique_by_url(items) -> dict[str, object]:
    out = {}
    for item in items:
        out.setdefault(item.url, item)
    return out


@pytest.fixture(scope="module", params=VARIANTS)
def site(request):
    with SampleSite(request.param) as s:
        yield s


@pytest.fixture(scope="module")
def planted():
    with SampleSite("planted") as s:
        yield s


# --- the ground truth ----------------------------------------------------------------------------

def test_ground_truth_section_is_the_generators():
    """ground_truth.yaml's script_built entries are what the generator (tests/sample_site/) makes."""
    assert script_built_truth() == SB
    assert (len(TRS["entries"]), len(JPAGE["entries"]), len(GKMLPT["entries"])) == (36, 35, 24)
    assert TRS["list_pages"] == ["/xxgk/zscq/", "/xxgk/zscq/index_1.html", "/xxgk/zscq/index_2.html"]
    assert JPAGE["data_proxy"] == "/module/web/jpage/dataproxy.jsp"
    assert TRUTH["special_paths"]["data_endpoints"][0] == JPAGE["data_proxy"]
    assert TRUTH["special_paths"]["data_endpoints"][1] == GKMLPT["api"]
    every = TRS["entries"] + JPAGE["entries"] + GKMLPT["entries"]
    assert len(set(every)) == len(every)


# --- served ---------------------------------------------------------------------------------------

def test_list_pages_proxy_and_api_are_served(planted):
    for path in TRS["list_pages"] + [JPAGE["list_page"], GKMLPT["list_page"]]:
        status, ctype, body = fetch(absolute(planted, path))
        assert status == 200 and ctype == "text/html" and body.startswith(b"<!DOCTYPE html>"), path
    for path in ("/js/page.js", "/module/jslib/jquery/jquery.js", "/module/web/jpage/jpage.js",
                 "/xxgk/gkmlpt/gkml/pc/js/app.js", "/xxgk/gkmlpt/gkml/pc/js/chunk-common.js"):
        assert fetch(absolute(planted, path))[:2] == (200, "application/javascript"), path
    # the jpage data proxy: POST with the window in the query and the column in the form
    proxy = absolute(planted, JPAGE["data_proxy"])
    status, ctype, body = fetch(proxy + "?startrecord=16&endrecord=30&perpage=15", "POST",
                                "col=1&appid=1&webid=35&path=%2F&columnid=2857&unitid=80151&permissiontype=0")
    text = body.decode("utf-8")
    assert status == 200 and ctype.startswith("text/xml") and text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<totalrecord>35</totalrecord>" in text and "<totalpage>3</totalpage>" in text
    assert text.count("<record><![CDATA[") == 15
    # ... the window in the form works as well, and so does a GET (?page=N, the nextgroup link's form)
    status, _c, body = fetch(proxy, "POST", "startrecord=31&endrecord=45&perpage=15&columnid=2857")
    assert status == 200 and body.decode().count("<record>") == 5
    status, _c, body = fetch(proxy + "?page=3&appid=1&webid=35&columnid=2857&unitid=80151")
    assert status == 200 and body.decode().count("<record>") == 5
    assert fetch(proxy, "POST", "startrecord=1&endrecord=15&columnid=9999")[0] == 404          # no such column
    # the gkmlpt API: 10 a page, with the total
    import json
    api = absolute(planted, GKMLPT["api"])
    for page, n in ((1, 10), (2, 10), (3, 4), (4, 0)):
        status, ctype, body = fetch(f"{api}?page={page}&sid={GKMLPT['sid']}")
        answer = json.loads(body)
        assert status == 200 and ctype == "application/json; charset=utf-8"
        assert answer["total"] == 24 and len(answer["articles"]) == n, page
    assert json.loads(fetch(api.replace("/all/0", "/all/1207") + f"?page=3&sid={GKMLPT['sid']}")[2])["total"] == 24
    assert fetch(f"{api}?page=1&sid=000000")[0] == 404                                          # wrong sid
    assert fetch(api.replace("/all/0", "/all/55") + f"?page=1&sid={GKMLPT['sid']}")[0] == 404   # no such classify
    # the data files themselves are not served; no other path takes a POST
    assert fetch(absolute(planted, "/_data/jpage/2857.json"))[0] == 404
    assert fetch(absolute(planted, "/_data/xxgk/gkmlpt/articles.json"))[0] == 404
    assert (site_dir() / "planted" / "_data" / "jpage" / "2857.json").is_file()
    assert fetch(absolute(planted, "/xxgk/zscq/"), "POST", "a=1")[0] == 405


def test_the_columns_are_linked_from_the_disclosure_column(site):
    targets = href_targets(site, "/xxgk/")
    assert {TRS["list_pages"][0], JPAGE["list_page"], GKMLPT["list_page"]} <= targets


# --- without adapters -----------------------------------------------------------------------------

def test_without_adapters_the_entries_are_out_of_reach(planted):
    trs_first, trs_rest = TRS["entries"][:15], TRS["entries"][15:]
    on_trs = set().union(*(href_targets(planted, p) for p in TRS["list_pages"]))
    # every TRS list page lists its own 15 entries in plain links, but no link leads to index_1/index_2
    assert set(trs_first) <= href_targets(planted, TRS["list_pages"][0])
    assert not set(trs_rest) & href_targets(planted, TRS["list_pages"][0])
    assert not set(TRS["list_pages"][1:]) & on_trs
    assert set(TRS["entries"]) <= on_trs                     # (reached only once index_1/index_2 are known)
    # jpage: the entries are only in the data island and the proxy; gkmlpt: only in the API
    on_jpage = href_targets(planted, JPAGE["list_page"])
    on_gkmlpt = href_targets(planted, GKMLPT["list_page"])
    assert not set(JPAGE["entries"]) & on_jpage and not set(GKMLPT["entries"]) & on_gkmlpt
    assert JPAGE["data_proxy"] not in on_jpage and not any("/api/" in p for p in on_gkmlpt)
    # and nothing else on the site links them either (an article page links its column, not its siblings)
    hidden = set(trs_rest) | set(TRS["list_pages"][1:]) | set(JPAGE["entries"]) | set(GKMLPT["entries"])
    linked = set(on_gkmlpt)
    for variant in VARIANTS:
        for url, text in html_pages(variant).items():
            if url not in hidden:
                linked |= set(internal_links(url, text))
    assert not linked & hidden, sorted(linked & hidden)[:5]
    # the list pages are ordinary lists to a reader without adapters: no placeholder, no undated rows
    for path in (JPAGE["list_page"], GKMLPT["list_page"]):
        root = page_root(planted, path)
        assert extract_items(root, base_url(root, absolute(planted, path))) == []
        assert "暂无" not in lxml_html.tostring(root, encoding="unicode")
        assert looks_script_built(root), path
    assert not looks_script_built(page_root(planted, TRS["list_pages"][1]))


# --- with adapters --------------------------------------------------------------------------------

def _check(site: SampleSite, items, entries: list[str]) -> None:
    by_url = unique_by_url(items)
    want = [absolute(site, p) for p in entries]
    assert sorted(by_url) == sorted(want), (set(by_url) ^ set(want))
    for path, url in zip(entries, want):
        item = by_url[url]
        h1, pub = article_facts(site, path)
        assert (item.title, item.date) == (h1, pub), path
        assert dt.date(2026, 4, 1) <= dt.date.fromisoformat(pub) <= AS_OF, path
    dates = [by_url[u].date for u in want]
    assert dates == sorted(dates, reverse=True)              # the lists are newest first


def _dir(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def test_trs_pager_pages(site):
    items, fetched = enumerate_column(site, [TRS["list_pages"][0]])
    assert {_dir(p) for p in fetched} == set(TRS["list_pages"])
    _check(site, [i for i in items if path_of(i.url).startswith("/xxgk/zscq/")], TRS["entries"])
    for n, path in enumerate(TRS["list_pages"]):             # 15 + 15 + 6, each page its own slice
        root = page_root(site, path)
        got = [path_of(i.url) for i in extract_items(root, base_url(root, absolute(site, path))) if i.date]
        assert got == TRS["entries"][n * 15:(n + 1) * 15], path
        ((exp, _entries),) = expand_page(root, absolute(site, path))
        assert exp.adapter == "trs" and {_dir(path_of(p)) for p in exp.pages} == set(TRS["list_pages"]) - {path}
        scripts = [e.text or "" for e in root.iter("script")]
        assert [t.strip() for t in scripts if "createPageHTML(" in t] == [f'createPageHTML(3, {n}, "index", "html");']


def test_jpage_island_and_proxy(site):
    root = page_root(site, JPAGE["list_page"])
    ((exp, entries),) = expand_page(root, absolute(site, JPAGE["list_page"]))
    assert exp.adapter == "jpage" and exp.items == len(entries)
    assert [path_of(i.url) for i in entries] == JPAGE["entries"][:JPAGE["embedded"]]
    assert [(d.method, d.page, path_of(d.url)) for d in exp.data] == [
        ("POST", 2, JPAGE["data_proxy"]), ("POST", 3, JPAGE["data_proxy"])]
    window = parse_qs(urlsplit(exp.data[0].url).query)
    assert window == {"startrecord": ["16"], "endrecord": ["30"], "perpage": ["15"]}
    form = parse_qs(exp.data[0].body)
    assert (form["columnid"], form["unitid"], form["webname"]) == (["2857"], ["80151"], ["榕江市市场监督管理局"])
    items, _fetched = enumerate_column(site, [JPAGE["list_page"]])
    _check(site, items, JPAGE["entries"])


def test_gkmlpt_api(site):
    root = page_root(site, GKMLPT["list_page"])
    ((exp, entries),) = expand_page(root, absolute(site, GKMLPT["list_page"]))
    assert exp.adapter == "gkmlpt" and not exp.items and not entries and not exp.pages
    assert [d.url for d in exp.data] == [absolute(site, GKMLPT["api"]) + f"?page=1&sid={GKMLPT['sid']}"]
    items, _fetched = enumerate_column(site, [GKMLPT["list_page"]])
    _check(site, items, GKMLPT["entries"])
    # an article page is no list (the adapter leaves /content/ alone)
    assert expand_page(page_root(site, GKMLPT["entries"][0]), absolute(site, GKMLPT["entries"][0])) == []


def test_entries_are_plain_articles_no_rule_reacts_to(site):
    """Titles and pages that leave every planted finding as it is: no policy 文号, interpretation or
    penalty words, no 应急 (COL003), no search or 依申请公开 (COL005/006), no market-duty words, no
    column-window words (UPD002), no placeholder (COL004), no personal data."""
    banned = re.compile("|".join([
        "〔", "《", "解读", "一图读懂", "答记者问", "处罚",                          # INT, PEN: policy/penalty pages
        "应急", "预警", "突发",                                                     # COL003 十二
        "搜索", "检索", "申请公开", "在线申请", "暂无", "no-data",                    # COL005, COL006, COL004
        "双随机", "随机抽查", "抽检", "抽查", "预算", "决算", "三公", "建议", "提案",  # MKT duties
        "权责", "权力清单", "责任清单", "执法公示", "12315", "投诉", "举报",
        "政府信息公开指南", "年度报告", "年报",                                       # GDE, RPT
        "动态", "要闻", "通知", "公告", "文件", "人事", "规划", "计划", "招聘"]))      # UPD002 column windows
    personal = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
    every = TRS["list_pages"] + [JPAGE["list_page"], GKMLPT["list_page"]] + TRS["entries"] + JPAGE["entries"] \
        + GKMLPT["entries"]
    for path in every:
        text = fetch(absolute(site, path))[2].decode("utf-8")
        # the page's own text: its head and content, not the site chrome (side menu, top bar, footer, and
        # the clean variant's platform search form)
        chrome = (r'<div class="side">.*?</div>|<div class="topbar">.*?</div></div>'
                  r'|<form class="gk-search".*?</form>|<div class="footer">.*')
        own = re.sub(chrome, "", text, flags=re.S)
        m = banned.search(own)
        assert m is None, (path, m.group(0) if m else None)
        assert not personal.search(text), path
