"""A hostile site on loopback: traps, slow and broken servers, odd encodings, broken markup.

In every case the audit completes, the affected pages are in the snapshot with their error, and the
crawl summary says what was cut and why.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from auditor.app.cli import main

from tests.servers import Route, RouteServer, html

GBK = "text/html"


def page(title: str, body: str = "", head: str = "") -> str:
    return f'<html lang="zh-CN"><head><title>{title}</title>{head}</head><body>{body}</body></html>'


def calendar(path, hits):
    day = int(re.search(r"date=(\d+)", path).group(1)) if "date=" in path else 0
    days = "".join(f'<a href="/cal?date={day + i}">{day + i}日</a>' for i in range(1, 11))   # a month view
    return html(page(f"日历{day}", days))


def pager(path, hits):
    n = int(re.search(r"page=(\d+)", path).group(1)) if "page=" in path else 1
    return html(page(f"列表第{n}页", f'<a href="/list?page={n + 1}">下一页</a>'))


def deeper(path, hits):
    return html(page("深", f'<a href="{path.rstrip("/")}/a/">更深</a>'))


def session(path, hits):
    return html(page("会话", f'<a href="/s/page.html;jsessionid={len(hits)}">同一页</a>'
                             f'<a href="/s/page.html?sid={len(hits)}&id=1">同一页2</a>'))


def flaky(path, hits):
    return html(page("偶尔出错")) if hits.count(path) > 1 else Route(b"err", 500)


def polite(path, hits):
    if hits.count(path) == 1:
        return Route(b"slow down", 429, {"Content-Type": "text/plain", "Retry-After": "1"})
    return html(page("等待后成功"))


def chain(path, hits):
    n = int(path.split("/")[-1])
    return Route(b"", 302, {"Location": f"/chain/{n + 1}"})


DEEP = "<div>" * 10000 + "深层内容" + "</div>" * 10000
ROUTES = {
    "/": html(page("首页", "".join(f'<a href="{u}">{t}</a>' for u, t in [
        ("/cal?date=0", "日历"), ("/list?page=1", "列表"), ("/deep/", "深"), ("/s/", "会话"), ("/never.html", "永不"),
        ("/trickle.html", "慢慢"), ("/flaky.html", "偶尔"), ("/polite.html", "限速"), ("/reset.html", "断开"),
        ("/loop.html", "循环"), ("/chain/0", "长跳转"), ("/huge.html", "巨大"), ("/binary.html", "二进制"),
        ("/gbk.html", "国标"), ("/lie.html", "说谎"), ("/bom.html", "BOM"), ("/invalid.html", "坏字节"),
        ("/markup.html", "坏标记"), ("/nested.html", "深嵌套")]) +
        '<ul><li><a href="/n.html">动态</a><span>2026-11-19</span></li><li><a href="/n2.html">动态</a><span>2026-11-18</span></li></ul>')),
    "/cal*": Route(dynamic=calendar), "/list*": Route(dynamic=pager), "/deep/*": Route(dynamic=deeper),
    "/s/*": Route(dynamic=session),
    # far beyond --timeout 4 even if parsing a huge page keeps the reactor busy for seconds
    "/never.html": html(page("永不"), delay=60), "/trickle.html": html(page("慢", "x" * 80), trickle=0.5),
    "/flaky.html": Route(dynamic=flaky), "/polite.html": Route(dynamic=polite),
    "/reset.html": Route(reset=True),
    "/loop.html": Route(b"", 302, {"Location": "/loop2.html"}), "/loop2.html": Route(b"", 302, {"Location": "/loop.html"}),
    "/chain/*": Route(dynamic=chain),
    "/huge.html": Route("<html><head><title>巨大</title></head><body>".encode() + b"<p>x</p>" * (50 * 1024 * 1024 // 8)),
    "/binary.html": Route(bytes(range(256)) * 200),
    "/gbk.html": Route(page("国标页面", "发布日期：2026-11-01").encode("gbk")),
    "/lie.html": Route(page("说谎的页面", head='<meta charset="utf-8">').encode("gbk")),
    "/bom.html": Route(b"\xef\xbb\xbf" + page("带BOM的页面").encode()),
    "/invalid.html": Route(page("坏字节页面").encode("gbk") + b"\xff\xfe\x80 tail"),
    "/markup.html": Route(('<html><head><title>坏标记</title><body><div><p>未闭合<form><form><input name=q></form>'
                           '<script>var s="</script>";</script><table><tr><td>单元格').encode()),
    "/nested.html": Route(page("深嵌套", DEEP + '<div class="footer">网站标识码：3599000012</div>').encode()),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    with RouteServer(ROUTES) as srv:
        started = time.monotonic()
        code = main(["audit", srv.url, "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--timeout", "4",
                     "--max-pages", "600", "--max-depth", "40"])
        elapsed = time.monotonic() - started
        hits = list(srv.hits)
    with gzip.open(out / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    by_path = {r["url"].split("/", 3)[3]: r for r in records}
    summary = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return code, elapsed, by_path, summary, report, hits


def test_the_audit_completes_in_bounded_time(hostile):
    code, elapsed, _, _, report, _ = hostile
    assert code in (0, 1) and report["score"]["total"] is not None
    assert elapsed < 120


def test_traps_are_cut_and_the_report_says_why(hostile):
    _, _, by_path, summary, report, _ = hostile
    assert summary["truncated"] and {"pattern", "deep_path"} <= set(summary["truncated_reasons"])
    assert report["crawl"]["truncated"]
    fetched = [p for p, r in by_path.items() if p.startswith("cal?") and r["status"]]
    assert 150 <= len(fetched) <= 201                  # GKAUDIT_MAX_PER_PATTERN
    assert any(r["skipped"] == "limit" for p, r in by_path.items() if p.startswith("cal?"))
    assert max(p.count("/") for p in by_path) <= 16


def test_session_ids_do_not_multiply_a_page(hostile):
    _, _, by_path, _, _, _ = hostile
    assert sorted(p for p in by_path if p.startswith("s/page.html")) == ["s/page.html", "s/page.html?id=1"]


@pytest.mark.parametrize("path, check", [
    ("never.html", lambda r: r["error"] == "请求超时"),
    ("trickle.html", lambda r: r["error"] == "请求超时"),
    ("flaky.html", lambda r: r["status"] == 200),                    # 500 then 200 on retry
    ("polite.html", lambda r: r["status"] == 200),                   # waited for Retry-After
    ("reset.html", lambda r: r["error"] and r["status"] is None),
    ("loop.html", lambda r: r["error"].startswith("重定向次数过多")),
    ("chain/0", lambda r: r["error"].startswith("重定向次数过多")),
    ("huge.html", lambda r: r["truncated"] is True and r["title"] == "巨大"),
    ("binary.html", lambda r: "二进制" in r["error"]),
])
def test_slow_and_broken_servers_are_on_record(hostile, path, check):
    assert check(hostile[2][path]), hostile[2][path]


def test_retry_after_was_honoured(hostile):
    hits = hostile[5]
    assert hits.count("/polite.html") == 2 and hits.count("/flaky.html") == 2


@pytest.mark.parametrize("path, charset, title", [
    ("gbk.html", "gb18030", "国标页面"), ("lie.html", "gb18030", "说谎的页面"),
    ("bom.html", "utf-8", "带BOM的页面"), ("invalid.html", "gb18030", "坏字节页面"),
])
def test_encodings(hostile, path, charset, title):
    record = hostile[2][path]
    assert record["charset"] == charset and record["title"] == title


def test_broken_markup_is_read(hostile):
    by_path = hostile[2]
    assert by_path["markup.html"]["title"] == "坏标记" and by_path["markup.html"]["stats"]["form_controls"] == 1
    assert by_path["nested.html"]["footer"]["site_id_code"] == "3599000012"       # after 10,000 levels


def test_no_rule_passes_on_missing_data(hostile):
    report = hostile[4]
    for r in report["results"]:
        if r["status"] == "pass":
            assert r["code"] not in ("RPT001", "GDE001", "PEN003"), r       # nothing of these exists here


def test_a_second_writer_of_a_run_directory_is_refused_and_touches_nothing(tmp_path):
    """Issue 18: two audits into one --out — the second one's start discarded the first one's .part
    files, losing its crawl. The second now stops with exit 2 and a clear reason, and every file of
    the first stays as it was."""
    import os
    import subprocess
    import sys
    from auditor.core import runlock
    from auditor.app.cli import main
    run_dir = tmp_path / "run"
    with runlock.hold(run_dir):
        part = run_dir / ".pages.jsonl.gz.abc123.part"
        part.write_bytes(b"the first run's crawl")
        before = sorted((p.name, p.stat().st_mtime_ns) for p in run_dir.iterdir())
        assert main(["audit", "http://127.0.0.1:9/", "--out", str(run_dir), "--quiet"]) == 2
        # another process, too
        code = subprocess.run([sys.executable, "-c", "from auditor.app.cli import main_entry; main_entry()",
                               "audit", "http://127.0.0.1:9/", "--out", str(run_dir), "--quiet"],
                              capture_output=True, text=True)
        assert code.returncode == 2 and "正在写入运行目录" in code.stderr and str(os.getpid()) in code.stderr
        assert sorted((p.name, p.stat().st_mtime_ns) for p in run_dir.iterdir()) == before
    with runlock.hold(run_dir):          # released when its holder ends
        pass


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"


def test_crawled_text_reaches_the_terminal_without_control_characters(tmp_path, capsys):
    """Issue 18: link texts, titles and meta values, a tampered report and error messages reached the
    terminal raw (\\x1b]0;…\\x07 retitles it, \\x1b[2J clears it)."""
    import json
    from auditor.app.cli import main
    page_file = tmp_path / "page.html"
    page_file.write_text(f'<html><head><title>标题{ESCAPES}</title><meta name="SiteName" content="站{ESCAPES}">'
                         f'</head><body><a href="/a.html">链接{ESCAPES}</a><p>正文</p></body></html>', encoding="utf-8")
    assert main(["inspect", str(page_file), "--url", "http://www.example.gov.cn/"]) == 0
    out = capsys.readouterr().out
    assert "标题" in out and not any(c in out for c in "\x1b\x07\x9b")
    report = json.loads((Path(__file__).parent / "golden" / "planted.report.json").read_text(encoding="utf-8"))
    report["results"][0]["message"] = f"篡改{ESCAPES}"
    tampered = tmp_path / "report.json"
    tampered.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    main(["diff", str(tampered), str(tampered), "--format", "table"])
    captured = capsys.readouterr()
    assert not any(c in captured.out + captured.err for c in "\x1b\x07\x9b")
    assert main(["recheck", str(tmp_path / f"no{ESCAPES}such")]) == 2
    assert not any(c in capsys.readouterr().err for c in "\x1b\x07\x9b")


@pytest.mark.parametrize("url, allowed, expected", [
    ("http://127.0.0.1:8000/a.html", (), True),
    ("https://127.0.0.1:8000/a.html", (), True),               # the https twin, same port
    ("http://127.0.0.1:9000/a.html", (), False),               # another port of the start host
    ("http://127.0.0.1/a.html", (), False),
    ("http://127.0.0.1:9000/a.html", ("127.0.0.1:9000",), True),
])
def test_scope_keeps_the_start_urls_port(url, allowed, expected):
    """Issue 18 (network scope): scope compared host names only, so links, redirects, iframes and meta
    refresh to 127.0.0.1:<another port> were crawled; the port must be the start URL's unless
    --allow-host names host:port."""
    from spiders.scope import Scope
    assert Scope("http://127.0.0.1:8000/", allowed).allows(url) is expected


@pytest.mark.parametrize("url, expected", [
    ("http://www.example.gov.cn/a", True), ("https://example.gov.cn/a", True),
    ("http://www.example.gov.cn:80/a", True), ("https://www.example.gov.cn:443/a", True),
    ("http://www.example.gov.cn:8080/a", False), ("http://www.example.gov.cn:443/a", False),
])
def test_scope_without_a_port_means_the_schemes_default(url, expected):
    from spiders.scope import Scope
    assert Scope("http://www.example.gov.cn/").allows(url) is expected


def test_a_crawl_does_not_follow_links_redirects_or_frames_to_another_port(tmp_path):
    import gzip as _gzip
    from auditor.app.cli import main
    from tests.servers import RouteServer, html, Route
    with RouteServer({"/": html("<h1>另一个端口</h1><a href='/deeper.html'>更深</a>"),
                      "/deeper.html": html("<p>深处</p>")}) as other:
        port_url = other.url
        with RouteServer({
            "/": html(f"<title>首页</title><a href='{port_url}'>链接</a><iframe src='{port_url}deeper.html'></iframe>"
                      "<a href='/go'>跳转</a>"),
            "/go": Route(status=302, headers={"Location": port_url + "deeper.html"}),
        }) as site:
            code = main(["audit", site.url, "--out", str(tmp_path / "run"), "--quiet", "--format", "json"])
    assert code in (0, 1)
    assert other.hits == []                # nothing on the other port was fetched
    records = [json.loads(line) for line in _gzip.open(tmp_path / "run" / "pages.jsonl.gz", "rt", encoding="utf-8")]
    assert any(r["url"].startswith(port_url) and r.get("skipped") == "scope" for r in records) or \
        not any(r["url"].startswith(port_url) and r.get("status") for r in records)


def test_a_lone_surrogate_in_a_data_answer_loses_no_record(tmp_path):
    """Issue 18 (data lost): "\\ud800" in a gkmlpt JSON answer dropped the answer's record (visible only
    in crawl.log): the report said 5 pages, the snapshot held 4. It is kept, the text replaced."""
    import gzip as _gzip
    from auditor.app.cli import main
    from tests.servers import Route, RouteServer, html
    from tests.test_platform_gkmlpt import GKMLPT_INDEX
    index = GKMLPT_INDEX.replace("/yjzjj/gkmlpt/", "/gkmlpt/")
    answer = ('{"total": 2, "articles": [{"id": 1, "title": "\\ud800坏标题", "url": "/gkmlpt/content/1.html",'
              ' "created_at": "2026-06-18 16:25:04"}, {"id": 2, "title": "好标题", "url": "/gkmlpt/content/2.html",'
              ' "created_at": "2026-06-19 16:25:04"}]}')
    routes = {"/": html('<a href="/gkmlpt/index">公开目录</a>'), "/gkmlpt/index": html(index),
              "/gkmlpt/content/1.html": html("<h1>一</h1>"), "/gkmlpt/content/2.html": html("<h1>二</h1>")}
    with RouteServer(routes) as site:
        site.routes["/gkmlpt/api/all/0"] = Route(body=answer.encode(), headers={"Content-Type": "application/json"})
        assert main(["audit", site.url, "--out", str(tmp_path / "run"), "--quiet", "--format", "json"]) in (0, 1)
    records = [json.loads(line) for line in _gzip.open(tmp_path / "run" / "pages.jsonl.gz", "rt", encoding="utf-8")]
    answers = [r for r in records if r.get("list_of")]
    assert answers and {i["title"] for r in answers for i in r["items"]} == {"\ufffd坏标题", "好标题"}
    report = json.loads((tmp_path / "run" / "report.json").read_text(encoding="utf-8"))
    assert report["crawl"]["pages"] == len([r for r in records if r.get("status") == 200 and r.get("role", "page") == "page"])


def test_inspect_follows_no_redirect_to_another_private_address(tmp_path, capsys):
    """Issue 18 (network scope): ``inspect URL`` had no private-address fence; a redirect took it to
    another loopback address. Same guard as the crawl: the address asked for is the user's choice,
    a redirect to another private one is refused (exit 3, a one-line reason) unless --allow-private."""
    from auditor.app.cli import main
    from tests.servers import Route, RouteServer, html
    with RouteServer({"/secret": html("<title>内网</title>")}, host="127.0.0.2") as inner:
        with RouteServer({"/": Route(status=302, headers={"Location": inner.url + "secret"}),
                          "/page.html": html("<title>页面</title>")}) as site:
            assert main(["inspect", site.url + "page.html"]) == 0
            assert main(["inspect", site.url]) == 3
            assert "内网或本机地址" in capsys.readouterr().err and inner.hits == []
            assert main(["inspect", site.url, "--allow-private"]) == 0
            assert inner.hits == ["/secret"]


def test_resume_with_another_site_and_diff_between_two_sites_are_refused(tmp_path, capsys):
    """Issue 18 (bad input): --resume with another URL mixed two sites in one report; diff between two
    different sites reported 已整改 11 / 仍存在 22. Both are refused with exit 2 and say why."""
    from auditor.app.cli import main
    from auditor.core.atomic import write_text
    run_dir = tmp_path / "run"
    write_text(run_dir / "run.json", json.dumps({"url": "http://127.0.0.1:8001/"}))
    assert main(["audit", "http://127.0.0.1:8002/", "--out", str(run_dir), "--resume", "--quiet"]) == 2
    assert "只能继续同一网站" in capsys.readouterr().err
    golden = json.loads((Path(__file__).parent / "golden" / "planted.report.json").read_text(encoding="utf-8"))
    other = dict(golden, site=dict(golden["site"], url="http://www.another.gov.cn/"))
    (tmp_path / "a.json").write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--format", "json"]) == 2
    assert "不同网站" in capsys.readouterr().err
    assert main(["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--format", "json",
                 "--different-sites"]) == 0


def test_an_existing_file_as_out_is_a_usage_error_not_an_internal_one(tmp_path, capsys):
    """Issue 18 (bad input): exit 4 ("internal error") for a user's mistake; now exit 2 and one line."""
    from auditor.app.cli import main
    taken = tmp_path / "afile"
    taken.write_text("x")
    assert main(["audit", "http://127.0.0.1:9/", "--out", str(taken), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "不是目录" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["audit", "http://127.0.0.1:9/", "--out", str(taken / "sub"), "--quiet"]) == 2


def test_a_bad_as_of_in_a_stored_run_is_a_usage_error(tmp_path, capsys):
    """Issue 18 (bad input): a tampered run.json as_of gave exit 4 (internal error)."""
    from auditor.app.cli import main
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    with gzip.open(run_dir / "pages.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"url": "http://a.gov.cn/", "status": 200, "kind": "home", "depth": 0}) + "\n")
    (run_dir / "run.json").write_text(json.dumps({"url": "http://a.gov.cn/", "as_of": "2026-13-45"}))
    assert main(["recheck", str(run_dir), "--format", "json"]) == 2
    assert "as_of 无效" in capsys.readouterr().err
    assert main(["recheck", str(run_dir), "--format", "json", "--as-of", "2026-11-20",
                 "--out", str(tmp_path / "out")]) in (0, 1, 3)      # judged (this hand-made crawl has no real pages)


def _unwritable_dir(path):
    """A directory even root cannot write to: immutable (chattr +i). Where the file system has no
    such attribute, a directory under /sys, which refuses every new entry."""
    path.mkdir(exist_ok=True)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
        return path, lambda: subprocess.run(["chattr", "-i", str(path)], check=True)
    return Path("/sys/gkaudit-cannot-write") / path.name, lambda: None


@pytest.mark.parametrize("with_earlier_run", [False, True])
def test_a_read_only_out_is_a_usage_error_not_an_internal_one(tmp_path, capsys, with_earlier_run):
    """Issue 18 (bad input): a read-only --out gave exit 4; now exit 2 with one line, before any
    crawling, and an earlier run in it is left as it was."""
    from auditor.app.cli import main
    out = tmp_path / "ro"
    out.mkdir()
    if with_earlier_run:
        (out / ".gkaudit.lock").write_text("")
        (out / "report.json").write_text('{"earlier": true}')
    out, release = _unwritable_dir(out)
    try:
        before = sorted(p.name for p in out.iterdir()) if out.exists() else None
        with RouteServer({"/": html("<html><body>首页</body></html>")}) as srv:
            code = main(["audit", srv.url, "--out", str(out), "--quiet", "--format", "json"])
            hits = list(srv.hits)
        err = capsys.readouterr().err
        assert code == 2, err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and str(out) in err, err
        assert hits == []                                   # refused before the crawl
        assert (sorted(p.name for p in out.iterdir()) if out.exists() else None) == before
        if with_earlier_run:
            assert (out / "report.json").read_text() == '{"earlier": true}'
    finally:
        release()


@pytest.mark.parametrize("url", ["http://javascript:alert(1)", "http://127.0.0.1:99999/", "http://a\x01b.gov.cn/",
                                 "http://政府<script>.cn/"])
def test_a_url_with_a_bad_port_or_host_is_refused_with_one_line(tmp_path, capsys, url):
    """Issue 18 (bad input): the batch reader checked port and host; a single audit of such a URL
    went on to an internal error (exit 4). The same check now serves both."""
    from auditor.app.cli import main
    code = main(["audit", url, "--out", str(tmp_path / "run"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "网址无效" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "run").exists()
