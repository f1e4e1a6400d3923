"""Browser differential (issue 17): every in-scope link headless Chromium shows on a list page is
reached by the static crawl with its platform adapters (``auditor/app/browser_diff.py``).

Over every variant of the sample site (its list pages: the pages read as a column or the home page,
and every page an adapter recognises — the TRS, jpage and gkmlpt columns, whose scripts draw their
lists in the browser as the real platforms do) and over the adapters' platform fixtures
(``tests/test_platform_*.py``) served on loopback with the same platform scripts, no link may be
missing. One browser for all of them. A list only a script builds, which no adapter reads, shows up
as a gap: the comparison can fail.
"""
from __future__ import annotations

import json
from contextlib import ExitStack
from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.app.browser_diff import PageDiff, compare
from auditor.app.cli import main
from auditor.app.demo.server import VARIANTS, SampleSite
from auditor.core.extract import extract_page
from auditor.core.extract.platforms.reading import read_platform
from tests.servers import Route, RouteServer, html
from tests.test_platform_gkmlpt import GKMLPT_INDEX
from tests.test_platform_jpage import PARAM_SCRIPT, jpage_page
from tests.test_platform_trs import TRS_LITERAL, TRS_VARIABLES
from tests.test_render import ARTICLES, ROUTES as FETCH_LIST_ROUTES, _chromium_or_skip
from tests.test_sample_site import variant_files
from tests.truth import ground_truth

SCRIPT_BUILT = ground_truth()["script_built"]


# --- the sample site's list pages ----------------------------------------------------------------

def _url_path(file_path: str) -> str:
    return file_path[: -len("index.html")] if file_path.endswith("/index.html") else file_path


def list_pages(variant: str) -> list[str]:
    """Paths of the variant's list pages: read as a column or the home page, or recognised by an adapter."""
    found = []
    for path, file in sorted(variant_files(variant).items()):
        if path.startswith("/_data/") or not (path.endswith(".html") or "." not in path.rsplit("/", 1)[-1]):
            continue
        record = extract_page("http://127.0.0.1" + path, file.read_bytes(), "text/html", on_tree=read_platform)
        if record.kind in ("column", "home") or record.expansions or record.script_built:
            found.append(_url_path(path))
    return found


# --- the platform fixtures, served with the platform's scripts ----------------------------------

def _script(path: str) -> Route:
    """One of the sample site's platform scripts."""
    return Route(body=variant_files("planted")[path].read_bytes(), headers={"Content-Type": "application/javascript"})


JPAGE_TOTAL, JPAGE_GROUP = 100, 45          # PARAM_SCRIPT: totalRecord 100, perPage 15, groupSize 3


def _jpage_record(n: int) -> str:
    day = n % 28 + 1
    return (f"<record><![CDATA[\n<li><a href=\"/art/2023/9/{day}/art_282_{11830000 + n}.html\" title=\"通知公告{n}\""
            f" target=\"_blank\">通知公告{n}</a><span>2023-09-{day:02d}</span></li>\n]]></record>")


def _jpage_proxy(path: str, _hits) -> Route:
    window = parse_qs(urlsplit(path).query)
    start, end = int(window["startrecord"][0]), min(int(window["endrecord"][0]), JPAGE_TOTAL)
    records = "\n".join(_jpage_record(n) for n in range(start, end + 1))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{JPAGE_TOTAL}</totalrecord>'
           f"<recordset>{records}</recordset></datastore>")
    return Route(body=xml.encode(), headers={"Content-Type": "text/xml;charset=UTF-8"})


GKMLPT_TOTAL, GKMLPT_SIZE = 25, 10


def _gkmlpt_api(path: str, _hits) -> Route:
    query = parse_qs(urlsplit(path).query)
    page = int(query["page"][0])
    articles = [{"id": 963000 + n, "title": f"2026年{n}号工程造价信息",
                 "url": f"/yjzjj/gkmlpt/content/0/963/post_{963000 + n}.html",
                 "created_at": f"2026-06-{n % 28 + 1:02d} 16:25:04"} for n in range(1, GKMLPT_TOTAL + 1)]
    answer = {"total": GKMLPT_TOTAL, "page": page, "page_size": GKMLPT_SIZE,
              "articles": articles[(page - 1) * GKMLPT_SIZE:page * GKMLPT_SIZE]}
    return Route(body=json.dumps(answer, ensure_ascii=False).encode(),
                 headers={"Content-Type": "application/json; charset=utf-8"})


def _with_pager_script(page: str) -> str:
    """A TRS fixture with the platform's pager script (``createPageHTML``) loaded, as on a TRS site."""
    return page.replace("</head>", '<script type="text/javascript" src="/js/page.js"></script></head>', 1)


PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<ul class="list"><li><a href="/zwgk/tzgg/202309/t20230915_1.html">关于开展政务公开工作考核的通知</a><span>2023-09-15</span></li></ul>
</body></html>"""

# the platform fixtures' pages, by path (with their scripts, data proxy and API: fixture_routes)
FIXTURES = {
    "/col/col282/index.html": html(jpage_page("\n".join(_jpage_record(n) for n in range(1, JPAGE_GROUP + 1)),
                                              PARAM_SCRIPT)),
    "/xxgk/tzgg/index.html": html(_with_pager_script(TRS_LITERAL)),
    "/zwgk/zcwj/index_2.htm": html(_with_pager_script(TRS_VARIABLES)),
    "/yjzjj/gkmlpt/index": html(GKMLPT_INDEX),
    "/redirect/meta.html": html('<html><head><meta http-equiv="refresh" content="0;url=/portal/index.html">'
                                "<title>跳转</title></head><body><p>正在跳转……</p></body></html>"),
    "/redirect/script.html": html('<html><head><script>window.location.href = "/portal/index.html";</script>'
                                  "</head><body><p>正在跳转……</p></body></html>"),
}


def fixture_routes() -> dict[str, Route]:
    """The fixtures' pages, the portal the redirects lead to, the platforms' scripts (the sample site's),
    the jpage data proxy and the gkmlpt API."""
    return {
        **FIXTURES,
        "/portal/index.html": html(PORTAL),
        "/module/jslib/jquery/jquery.js": _script("/module/jslib/jquery/jquery.js"),
        "/module/web/jpage/jpage.js": _script("/module/web/jpage/jpage.js"),
        "/module/web/jpage/dataproxy.jsp": Route(dynamic=_jpage_proxy),
        "/js/page.js": _script("/js/page.js"),
        "/yjzjj/gkmlpt/gkml/pc/js/app.2f4e1b.js": _script("/xxgk/gkmlpt/gkml/pc/js/app.js"),
        "/yjzjj/gkmlpt/api/all/*": Route(dynamic=_gkmlpt_api),
    }


UNREAD_LIST = "/xwzx/gzdt/"      # tests/test_render.py: a list only its fetch() script fills


# --- one browser for every page ------------------------------------------------------------------

@pytest.fixture(scope="module")
def diffs() -> dict[str, dict[str, PageDiff]]:
    """{"planted"|"clean"|"sparse"|"fixtures"|"unread": {path: PageDiff}}, all from one browser."""
    _chromium_or_skip()
    paths = {variant: list_pages(variant) for variant in VARIANTS}
    paths |= {"fixtures": list(FIXTURES), "unread": [UNREAD_LIST]}
    with ExitStack() as stack:
        servers = {variant: stack.enter_context(SampleSite(variant)) for variant in VARIANTS}
        servers["fixtures"] = stack.enter_context(RouteServer(fixture_routes()))
        servers["unread"] = stack.enter_context(RouteServer(FETCH_LIST_ROUTES))
        pages = [(name, path) for name, group in paths.items() for path in group]
        results = compare([servers[name].url.rstrip("/") + path for name, path in pages])
    out: dict[str, dict[str, PageDiff]] = {name: {} for name in paths}
    for (name, path), diff in zip(pages, results):
        out[name][path] = diff
    return out


def _paths(urls: list[str]) -> set[str]:
    return {urlsplit(u).path for u in urls}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_crawl_reaches_every_link_the_browser_shows_on_the_sample_site(diffs, variant):
    pages = diffs[variant]
    assert len(pages) >= 30 and "/" in pages and SCRIPT_BUILT["gkmlpt"]["list_page"] in pages
    gaps = {path: d.error or d.missing for path, d in pages.items() if d.error or d.missing}
    assert not gaps, gaps


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_browser_shows_what_the_platform_scripts_draw(diffs, variant):
    """Not vacuous: the browser side holds the entries the platforms' scripts draw (jpage: the island's
    first page; gkmlpt: the API's first page; TRS: the pager's links), and the crawl all of them."""
    jpage, gkmlpt, trs = SCRIPT_BUILT["jpage"], SCRIPT_BUILT["gkmlpt"], SCRIPT_BUILT["trs"]
    pages = {path: diffs[variant][_url_path(path)]
             for path in [jpage["list_page"], gkmlpt["list_page"], *trs["list_pages"]]}
    shown = _paths(pages[jpage["list_page"]].browser)
    assert set(jpage["entries"][:15]) <= shown and not set(jpage["entries"][15:]) & shown
    assert set(jpage["entries"]) <= _paths(pages[jpage["list_page"]].crawl)
    assert pages[jpage["list_page"]].data_fetches == 2
    shown = _paths(pages[gkmlpt["list_page"]].browser)
    assert set(gkmlpt["entries"][:10]) <= shown and not set(gkmlpt["entries"][10:]) & shown
    assert set(gkmlpt["entries"]) <= _paths(pages[gkmlpt["list_page"]].crawl)
    first, *rest = trs["list_pages"]
    assert set(rest) <= _paths(pages[first].browser)          # only the pager script links them


def test_the_crawl_reaches_every_link_the_browser_shows_on_the_platform_fixtures(diffs):
    pages = diffs["fixtures"]
    gaps = {path: d.error or d.missing for path, d in pages.items() if d.error or d.missing}
    assert not gaps, gaps
    jpage = pages["/col/col282/index.html"]
    entries = {p for p in _paths(jpage.browser) if p.startswith("/art/")}
    assert len(entries) == 15 and len({p for p in _paths(jpage.crawl) if p.startswith("/art/")}) == JPAGE_TOTAL
    gkmlpt = pages["/yjzjj/gkmlpt/index"]
    assert len({p for p in _paths(gkmlpt.browser) if "/content/" in p}) == GKMLPT_SIZE
    assert len({p for p in _paths(gkmlpt.crawl) if "/content/" in p}) == GKMLPT_TOTAL
    assert {"/xxgk/tzgg/index_1.html", "/xxgk/tzgg/index_9.html"} <= _paths(pages["/xxgk/tzgg/index.html"].browser)
    assert {"/zwgk/zcwj/index.htm", "/zwgk/zcwj/index_1.htm", "/zwgk/zcwj/index_3.htm", "/zwgk/zcwj/index_4.htm"} \
        <= _paths(pages["/zwgk/zcwj/index_2.htm"].browser)
    for path in ("/redirect/meta.html", "/redirect/script.html"):          # the browser lands on the portal
        landed = pages[path]
        assert urlsplit(landed.final_url).path == "/portal/index.html", path
        assert "/zwgk/tzgg/202309/t20230915_1.html" in _paths(landed.browser) & _paths(landed.crawl), path


def test_a_list_no_adapter_reads_is_a_gap(diffs):
    diff = diffs["unread"][UNREAD_LIST]
    assert _paths(diff.missing_in_list) == {path for path, _title, _date in ARTICLES} and not diff.missing_elsewhere
    assert diff.line() == (f"browser reaches {len(diff.browser)} in-scope links, crawl {len(diff.crawl)}, "
                           f"missing: 4 (4 list entries, 0 elsewhere)")


def test_the_command_prints_the_numbers_and_fails_on_a_gap(capsys):
    """The command's output and exit code; the browser fetches nothing from another host."""
    _chromium_or_skip()
    outside = RouteServer({"*": html("<p>secret</p>")}, host="127.0.0.2")
    with outside:
        escape = (f'<script src="{outside.url}beacon.js"></script><iframe src="{outside.url}frame"></iframe>'
                  f'<img src="{outside.url}pixel.png"><script>fetch("{outside.url}api").catch(function () {{}});</script>')
        page = FETCH_LIST_ROUTES[UNREAD_LIST].body.decode().replace("</body>", escape + "</body>")
        with RouteServer({**FETCH_LIST_ROUTES, UNREAD_LIST: html(page)}) as srv:
            code = main(["browser-diff", srv.url.rstrip("/") + UNREAD_LIST, srv.url])
        assert outside.hits == []
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[1].startswith("  browser reaches ") and out[1].endswith("missing: 4 (4 list entries, 0 elsewhere)")
    assert sum(line.startswith("    list entry  ") for line in out) == 4
    assert out[-1] == "  browser reaches 1 in-scope links, crawl 1, missing: none"
    assert main(["browser-diff", "ftp://example.gov.cn/"]) == 2
