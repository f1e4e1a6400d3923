"""Browser mode: a list that exists only after the page's script runs is read in headless Chromium
(scrapy-playwright driving the system chromium); without --render the report says it could not be read."""
from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

from auditor.app.cli import main
from tests.servers import Route, RouteServer, html

FOOTER = '<div class="footer">主办单位：榕江市市场监督管理局 联系电话：0599-8861235</div>'
ARTICLES = [(f"/xwzx/gzdt/t2026110{i}_{i}.html", f"市场监管局开展第{i}次专项检查", f"2026-11-0{i}") for i in range(1, 5)]


def _page(title: str, body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f'<body><h1>{title}</h1>{body}{FOOTER}</body></html>')


LIST_SCRIPT = """
<script>
fetch('/api/gzdt.json').then(function (r) { return r.json(); }).then(function (rows) {
  var ul = document.querySelector('ul.news-list');
  rows.forEach(function (row) {
    var li = document.createElement('li');
    li.innerHTML = '<a href="' + row.url + '">' + row.title + '</a><span>' + row.date + '</span>';
    ul.appendChild(li);
  });
});
</script>"""

ROUTES = {
    "/": html(_page("榕江市市场监督管理局", '<a href="/xwzx/gzdt/">工作动态</a>')),
    "/xwzx/gzdt/": html(_page("工作动态", '<div class="crumb">首页 &gt; 工作动态</div><ul class="news-list"></ul>'
                              + LIST_SCRIPT)),
    "/api/gzdt.json": Route(body=json.dumps([{"url": u, "title": t, "date": d} for u, t, d in ARTICLES],
                                            ensure_ascii=False).encode(),
                            headers={"Content-Type": "application/json"}),
    # the browser may fetch only from the audited site: this request must never arrive
    **{u: html(_page(t, f"<p>发布时间：{d}</p><p>正文。</p>")) for u, t, d in ARTICLES},
}


def _audit(srv, out, *extra):
    code = main(["audit", srv.url, "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--format", "json",
                 "--timeout", "20", *extra])
    with gzip.open(out / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = {json.loads(line)["url"].split("/", 3)[3]: json.loads(line) for line in fh}
    return code, records, json.loads((out / "report.json").read_text(encoding="utf-8"))


def _chromium_or_skip():
    if not (shutil.which("chromium") or os.environ.get("GKAUDIT_CHROMIUM")):
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI for the browser-mode test")
        pytest.skip("no chromium on this machine")
    pytest.importorskip("scrapy_playwright")


def test_without_render_the_script_built_list_is_reported_unread(tmp_path):
    with RouteServer(ROUTES) as srv:
        _, records, report = _audit(srv, tmp_path / "plain")
    listing = records["xwzx/gzdt/"]
    assert listing["script_built"] is True and listing["items"] == []
    assert not any(path.startswith("xwzx/gzdt/t") for path in records)     # the entries were never seen
    coverage = report["crawl"]["coverage"]
    assert coverage["unexpanded_count"] == 1 and coverage["unexpanded"][0].endswith("/xwzx/gzdt/")
    assert coverage["rendered"] == 0
    assert any("列表由脚本生成" in w and "--render" in w for w in report["warnings"])


def test_render_reads_the_list_the_script_builds(tmp_path):
    _chromium_or_skip()
    routes = dict(ROUTES)
    outside = RouteServer({"/beacon.js": html("/* must not be fetched */"), "*": html("<p>secret</p>")},
                          host="127.0.0.2")
    with outside:
        # every way a page's script can reach another host: a script tag, a fetch redirected by the
        # audited site itself, an iframe, a WebSocket, an image
        escape = (f'<iframe src="{outside.url}frame"></iframe><img src="{outside.url}pixel.png">'
                  f'<script>fetch("/jump").catch(function () {{}});'
                  f'try {{ new WebSocket("ws://127.0.0.2:{outside.port}/ws"); }} catch (e) {{}}</script>')
        routes["/jump"] = Route(status=302, headers={"Location": f"{outside.url}secret"})
        routes["/xwzx/gzdt/"] = html(_page(
            "工作动态", '<div class="crumb">首页 &gt; 工作动态</div><ul class="news-list"></ul>' + LIST_SCRIPT + escape,
            head=f'<script src="{outside.url}beacon.js"></script>'))
        with RouteServer(routes) as srv:
            _, records, report = _audit(srv, tmp_path / "render", "--render")
            hits = list(srv.hits)
        assert outside.hits == []                          # the browser stayed on the audited site
    listing = records["xwzx/gzdt/"]
    assert listing["via"] == "render" and listing["script_built"] is False
    assert [i["title"] for i in listing["items"]] == [t for _, t, _ in ARTICLES]
    assert [i["date"] for i in listing["items"]] == [d for _, _, d in ARTICLES]
    for path, _, _ in ARTICLES:                            # the entries were then crawled as pages
        assert records[path.lstrip("/")]["status"] == 200
    assert "/api/gzdt.json" in hits                        # fetched by the page's own script
    coverage = report["crawl"]["coverage"]
    assert coverage["rendered"] == 1 and coverage["unexpanded_count"] == 0
    assert coverage["rendered_pages"] == [f"{srv.url}xwzx/gzdt/"]
    # the evidence says what it is: the DOM the browser made, referring to the response it came from
    from warcio.archiveiterator import ArchiveIterator
    with open(tmp_path / "render" / "crawl.warc.gz", "rb") as fh:
        warc = {r.rec_headers.get_header("WARC-Record-ID"): r for r in ArchiveIterator(fh)}
    rendered = warc[listing["warc_record_id"]]
    assert rendered.rec_type == "conversion"
    assert warc[rendered.rec_headers.get_header("WARC-Refers-To")].rec_type == "response"
    assert not any("列表由脚本生成" in w for w in report["warnings"])


def test_a_page_that_navigates_out_of_scope_in_the_browser_keeps_its_record(tmp_path):
    """Issue 18: a script-built list page whose script sends the browser to another host was
    stored as Chrome's error page (chrome-error://chromewebdata/) and its list lost. The page is kept
    as it was read before the browser, and the refused navigation is on record."""
    _chromium_or_skip()
    outside = RouteServer({"*": html("<p>secret</p>")}, host="127.0.0.2")
    with outside:
        away = f"{outside.url}away.html"
        routes = dict(ROUTES)
        routes["/xwzx/gzdt/"] = html(_page(
            "工作动态", '<div class="crumb">首页 &gt; 工作动态</div><ul class="news-list"></ul>' + LIST_SCRIPT
            + f'<script>location.href = "{away}";</script>'))
        with RouteServer(routes) as srv:
            code, records, report = _audit(srv, tmp_path / "away", "--render")
        assert outside.hits == []
    assert code in (0, 1)
    assert not any("chrome-error" in (r.get("final_url") or "") + r["url"] for r in records.values()), records.keys()
    listing = records["xwzx/gzdt/"]
    assert listing["status"] == 200 and listing["title"] == "工作动态" and listing["via"] != "render"
    assert listing["final_url"] == f"{srv.url}xwzx/gzdt/"
    refused = [r for r in records.values() if r.get("final_url") == away or r["url"] == away]
    assert len(refused) == 1, [r["url"] for r in records.values()]
    assert refused[0]["skipped"] == "scope" and refused[0]["cut"] == "navigation"
    assert refused[0]["referer"] == f"{srv.url}xwzx/gzdt/"
    coverage = report["crawl"]["coverage"]
    assert coverage["rendered"] == 0 and coverage["unexpanded_count"] == 1      # the list could not be read
