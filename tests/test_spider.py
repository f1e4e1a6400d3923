"""The spider against real HTTP servers on loopback: records, evidence, scope, robots, limits."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from auditor.app.crawl import CrawlOptions, crawl_site

from tests.servers import Route, RouteServer, html

GBK_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '<title>行政处罚决定书</title></head><body>发布日期：2026-10-20 <a href="/">首页</a></body></html>')


def site_routes() -> dict[str, Route]:
    return {
        "/": html('<html lang="zh-CN"><head><title>首页</title></head><body>'
                  '<a href="/a.html">文章</a> <a href="/gbk.html">处罚</a> <a href="/gone.html">坏</a>'
                  '<a href="/f.pdf">附件</a> <a href="/away.html">跳转</a> <a href="/private/x.html">后台</a>'
                  '<a href="/slow.html">慢</a> <a href="/err.html">错</a> <a href="mailto:a@b.c">信</a>'
                  '<a href="javascript:void(0)">脚本</a></body></html>'),
        "/a.html": html('<html><head><title>文章</title><meta name="PubDate" content="2026-11-01"></head>'
                        '<body><a href="/b.html">下一篇</a></body></html>'),
        "/b.html": html("<html><head><title>B</title></head><body>b</body></html>"),
        "/gbk.html": html(GBK_PAGE, encoding="gbk"),
        "/f.pdf": Route(b"%PDF-1.4\n" + b"x" * 200_000, headers={"Content-Type": "application/pdf"}),
        "/away.html": Route(b"", 302, {"Location": "http://127.0.0.2:{port}/elsewhere.html"}),
        "/private/x.html": html("<html><head><title>秘密</title></head></html>"),
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
        "/slow.html": html("<html><head><title>慢</title></head></html>", delay=3),
        "/err.html": html("<html><head><title>500</title></head></html>", status=500),
    }


def records(run_dir: Path) -> dict[str, dict]:
    with gzip.open(run_dir / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return {r["url"].split(":", 2)[2].split("/", 1)[1]: r for r in map(json.loads, fh)}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl")
    with RouteServer(site_routes()) as srv:
        summary = crawl_site(srv.url, out, CrawlOptions(timeout=1.5, autothrottle=False))
        hits = list(srv.hits)
    return out, summary, records(out), hits


def test_every_fetched_url_becomes_a_record_with_its_status(crawled):
    _, summary, recs, _ = crawled
    assert recs[""]["kind"] == "home" and recs[""]["status"] == 200
    assert recs["a.html"]["published"] == "2026-11-01"
    assert recs["b.html"]["depth"] == 2
    assert recs["gone.html"]["status"] == 404
    assert recs["err.html"]["status"] == 500
    assert summary["pages"] >= 5


def test_gbk_without_a_charset_header_is_decoded(crawled):
    rec = crawled[2]["gbk.html"]
    assert rec["charset"] == "gb2312" and rec["title"] == "行政处罚决定书"
    assert rec["published"] == "2026-10-20"


def test_attachments_are_checked_without_keeping_their_body(crawled):
    out, _, recs, _ = crawled
    pdf = recs["f.pdf"]
    assert pdf["kind"] == "attachment" and pdf["status"] == 200 and pdf["role"] == "check"
    with open(out / "crawl.warc.gz", "rb") as fh:
        bodies = {r.rec_headers.get_header("WARC-Target-URI"): r.content_stream().read()
                  for r in ArchiveIterator(fh) if r.rec_type == "response"}
    pdf_body = next(v for k, v in bodies.items() if k.endswith("/f.pdf"))
    assert len(pdf_body) < 200_000


def test_a_redirect_off_the_audited_host_is_refused_and_recorded(crawled):
    _, summary, recs, _ = crawled
    assert recs["away.html"]["skipped"] == "scope"
    assert summary["refused_out_of_scope"] == 1


def test_robots_txt_is_honoured_by_default(crawled):
    _, _, recs, hits = crawled
    assert recs["private/x.html"]["skipped"] == "robots"
    assert "/private/x.html" not in hits


def test_a_timeout_is_recorded_and_the_crawl_goes_on(crawled):
    _, summary, recs, _ = crawled
    assert recs["slow.html"]["error"] == "请求超时" and recs["slow.html"]["status"] is None
    assert summary["errors"] >= 3 and summary["finish_reason"] == "finished"


def test_non_http_links_are_not_followed(crawled):
    assert not any(k.startswith(("mailto", "javascript")) for k in crawled[2])


def test_every_page_record_points_at_its_warc_evidence(crawled):
    out, _, recs, _ = crawled
    with open(out / "crawl.warc.gz", "rb") as fh:
        ids = {r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh)}
    fetched = [r for r in recs.values() if r["status"]]
    assert fetched and all(r["warc_record_id"] in ids for r in fetched)


def test_ignore_robots_fetches_disallowed_pages(tmp_path):
    with RouteServer(site_routes()) as srv:
        crawl_site(srv.url, tmp_path, CrawlOptions(obey_robots=False, timeout=0.5, autothrottle=False))
    assert records(tmp_path)["private/x.html"]["status"] == 200


def test_max_pages_bounds_the_crawl_and_says_so(tmp_path):
    routes = {"/": html("<html><head><title>t</title></head><body>"
                        + "".join(f'<a href="/p{i}.html">p{i}</a>' for i in range(30)) + "</body></html>")}
    routes.update({f"/p{i}.html": html(f"<html><head><title>{i}</title></head></html>") for i in range(30)})
    with RouteServer(routes) as srv:
        summary = crawl_site(srv.url, tmp_path, CrawlOptions(max_pages=10, autothrottle=False))
    assert summary["pages"] == 10
    assert summary["truncated"] and "max_pages" in summary["truncated_reasons"]
    skipped = [r for r in records(tmp_path).values() if r["skipped"] == "limit"]
    assert len(skipped) == 21 and all(r["status"] is None for r in skipped)   # 31 pages, 10 fetched


def test_a_huge_page_is_cut_at_the_size_cap_and_marked(tmp_path):
    big = b"<html><head><title>big</title></head><body>" + b"<p>x</p>" * 200_000 + b"</body></html>"
    with RouteServer({"/": Route(big)}) as srv:
        crawl_site(srv.url, tmp_path, CrawlOptions(autothrottle=False,
                                                   extra_settings={"GKAUDIT_MAX_PAGE_BYTES": 100_000}))
    home = records(tmp_path)[""]
    assert home["truncated"] is True and home["title"] == "big"


def test_an_attachment_link_answering_html_is_judged_by_its_status(tmp_path):
    routes = {"/": html('<html><head><title>t</title></head><body><a href="/down.pdf">下载</a>'
                        '<a href="/gone.pdf">失效</a></body></html>'),
              "/down.pdf": html("<html><body>请点击下载</body></html>")}
    with RouteServer(routes) as srv:
        crawl_site(srv.url, tmp_path, CrawlOptions(autothrottle=False))
    recs = records(tmp_path)
    assert recs["down.pdf"]["status"] == 200 and recs["down.pdf"]["error"] is None
    assert recs["gone.pdf"]["status"] == 404 and recs["gone.pdf"]["error"] is None


def test_a_start_url_redirecting_to_another_host_audits_where_it_lands(tmp_path):
    from tests.servers import Route
    with RouteServer({"/": html('<html><head><title>门户</title></head><body><a href="/a.html">a</a></body></html>'),
                      "/a.html": html("<html><head><title>a</title></head></html>")}, host="127.0.0.2") as portal:
        hop = {"/": Route(b"", 301, {"Location": portal.url})}
        with RouteServer(hop) as dept:
            refused = crawl_site(dept.url, tmp_path / "strict", CrawlOptions(autothrottle=False))
            summary = crawl_site(dept.url, tmp_path, CrawlOptions(autothrottle=False, allow_private=True))
    assert refused["refused_private"] == 1 and records(tmp_path / "strict")[""]["skipped"] == "private"
    recs = records(tmp_path)
    assert summary["hosts_added"] == ["127.0.0.2"]
    assert recs[""]["final_url"] == portal.url and recs[""]["kind"] == "home"
    assert recs["a.html"]["status"] == 200


def test_outside_links_are_checked_only_when_asked_and_never_followed(tmp_path):
    with RouteServer({"/": html('<html><head><title>外</title></head><body><a href="/x.html">x</a></body></html>'),
                      "/x.html": html("<html><head><title>x</title></head></html>")}, host="127.0.0.2") as other:
        routes = {"/": html(f'<html><head><title>t</title></head><body><a href="{other.url}">友情链接</a>'
                            f'<a href="{other.url}gone.html">失效</a></body></html>')}
        with RouteServer(routes) as srv:
            crawl_site(srv.url, tmp_path / "off", CrawlOptions(autothrottle=False))
            crawl_site(srv.url, tmp_path / "on", CrawlOptions(autothrottle=False, check_external=True,
                                                              allow_private=True))
            crawl_site(srv.url, tmp_path / "private", CrawlOptions(autothrottle=False, check_external=True))
        hits = list(other.hits)
    assert len(records(tmp_path / "off")) == 1
    on = {r["url"]: r for r in records_full(tmp_path / "on")}
    assert on[other.url]["status"] == 200 and on[other.url]["kind"] == "attachment"
    assert on[other.url + "gone.html"]["status"] == 404
    assert "/x.html" not in hits                     # checked, not followed
    refused = {r["url"]: r for r in records_full(tmp_path / "private")}
    assert refused[other.url]["skipped"] == "private"  # a loopback address nobody named


def records_full(run_dir: Path) -> list[dict]:
    with gzip.open(run_dir / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
