"""Issue 18, memory and time: hostile answers and hostile files that made an audit blow its memory,
run for hours or crash — decompression bombs, endless headers, pages of 10,000 links, endless input
files, crafted snapshots, a host that asks for a day's wait, a bad row in a batch, very long URLs.

Each audit that a hostile server could blow up runs as a real ``gkaudit`` process whose peak memory
(the resident high-water marks of every process of the audit, summed) is measured; it is killed
if it passes 1.5 GB, so a regression fails the test without taking the machine down.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import brotli
import pytest

from auditor.app.cli import main

from tests.servers import RawServer, Route, RouteServer, html, respond

LIMIT_MB = 500              # issue 18: the audit's peak RSS, all its processes summed
WATCHDOG_MB = 1500          # past this the audit is killed: the test has failed anyway


# -- measuring an audit ---------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def _hwm_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM) so far, in KB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Measured:
    def __init__(self, code: int, peaks_kb: list[int], elapsed: float, stderr: str, killed: bool):
        self.code, self.elapsed, self.stderr, self.killed = code, elapsed, stderr, killed
        self.per_process_mb = [kb / 1024 for kb in peaks_kb]
        self.peak_mb = sum(self.per_process_mb)

    def __repr__(self):
        return f"<exit {self.code}, {self.peak_mb:.0f} MB, {self.elapsed:.1f} s, killed={self.killed}: {self.stderr[-300:]!r}>"


def run_measured(args: list[str], timeout: float = 120) -> Measured:
    """``python -m auditor ARGS`` with its peak memory: every process of its tree is sampled every
    20 ms and the peaks (VmHWM, which cannot miss a spike between samples) are summed."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "auditor", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    peaks: dict[int, int] = {}
    killed = False
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
        if sum(peaks.values()) > WATCHDOG_MB * 1024 or time.monotonic() - started > timeout:
            killed = True
            os.killpg(proc.pid, 9)
            proc.wait()
            break
        time.sleep(0.02)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return Measured(proc.returncode, list(peaks.values()), time.monotonic() - started, stderr, killed)


def records(out: Path) -> list[dict]:
    with gzip.open(out / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def by_path(out: Path) -> dict[str, dict]:
    return {r["url"].split("/", 3)[3]: r for r in records(out)}


def page(title: str, body: str = "") -> str:
    return f'<html lang="zh-CN"><head><title>{title}</title></head><body>{body}</body></html>'


def audit_args(url: str, out: Path, *extra: str) -> list[str]:
    return ["audit", url, "--out", str(out), "--quiet", "--format", "json", "--as-of", "2026-11-20",
            "--timeout", "10", *extra]


# -- decompression bombs --------------------------------------------------------------------------

def _gzip_bomb(size: int) -> bytes:
    """``size`` bytes of spaces as gzip, about a thousandth of that on the wire (members of 16 MB
    concatenated: one gzip stream to a reader)."""
    member = gzip.compress(b" " * (16 << 20), 9)
    return member * (size // (16 << 20))


def _brotli_bomb(size: int) -> bytes:
    """``size`` bytes of spaces as brotli, compressed 16 MB at a time (never whole in memory)."""
    compressor, chunk = brotli.Compressor(quality=1), b" " * (16 << 20)
    return b"".join(compressor.process(chunk) for _ in range(size // len(chunk))) + compressor.finish()


BOMB_PATHS = ["gzip.html", "br.html", "double.html"]


def bomb_routes() -> dict:
    gzip_bomb = _gzip_bomb(1 << 30)                                        # 1 MB inflating to 1 GB
    links = "".join(f'<a href="/{p}">{p}</a>' for p in BOMB_PATHS)
    return {
        "/": html(page("首页", links + '<a href="/ok.html">正常</a><a href="/small.html">压缩</a>')),
        "/ok.html": html(page("正常页面")),
        "/gzip.html": Route(gzip_bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "/br.html": Route(_brotli_bomb(1 << 30),                              # 190 KB inflating to 1 GB
                          headers={"Content-Type": "text/html", "Content-Encoding": "br"}),
        # gzip of a gzip bomb: 1 GB twice over
        "/double.html": Route(gzip.compress(gzip_bomb, 9),
                              headers={"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}),
        # a small page whose compressed form is honest: it must still be read
        "/small.html": Route(gzip.compress(page("压缩的正常页面").encode()),
                             headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "/robots.txt": Route(gzip_bomb, headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"}),
    }


@pytest.fixture(scope="module")
def bombed(tmp_path_factory):
    out = tmp_path_factory.mktemp("bombs")
    with RouteServer(bomb_routes()) as srv:
        run = run_measured(audit_args(srv.url, out))
        hits = list(srv.hits)
    return run, out, hits


def test_decompression_bombs_stay_under_the_memory_limit(bombed):
    run, out, hits = bombed
    assert not run.killed and run.code in (0, 1), run
    assert run.peak_mb < LIMIT_MB, run
    assert "/robots.txt" in hits                 # robots.txt was a bomb too, and was asked for


@pytest.mark.parametrize("path", BOMB_PATHS)
def test_a_page_over_the_decompressed_size_cap_is_refused_on_record(bombed, path):
    run, out, _ = bombed
    record = by_path(out)[path]
    assert record["status"] is None and "解压" in record["error"], record
    assert by_path(out)["ok.html"]["title"] == "正常页面"


def test_an_honest_compressed_page_is_read(bombed):
    assert by_path(bombed[1])["small.html"]["title"] == "压缩的正常页面"


# -- endless response headers ---------------------------------------------------------------------

def _endless_headers(path, wfile):
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    pad = b"X-Pad-%d: " + b"v" * 1000 + b"\r\n"
    for i in range(10**9):
        wfile.write(pad % i)


def _endless_header_line(path, wfile):
    """One header continued forever (obsolete line folding: each line begins with a space)."""
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: start\r\n")
    fold = b" " + b"v" * 1000 + b"\r\n"
    while True:
        wfile.write(fold)


def test_endless_response_headers_are_cut_on_record(tmp_path):
    with RawServer({
        "/": lambda path, w: respond(w, page("首页", '<a href="/headers.html">头</a><a href="/folded.html">折</a>'
                                                     '<a href="/ok.html">正常</a>').encode()),
        "/ok.html": lambda path, w: respond(w, page("正常页面").encode()),
        "/headers.html": _endless_headers, "/folded.html": _endless_header_line,
    }) as srv:
        run = run_measured(audit_args(srv.url, tmp_path, "--ignore-robots"), timeout=60)
    assert not run.killed and run.code in (0, 1), run
    assert run.peak_mb < LIMIT_MB and run.elapsed < 30, run
    found = by_path(tmp_path)
    for path in ("headers.html", "folded.html"):
        assert found[path]["status"] is None and "响应头" in found[path]["error"], found[path]
    assert found["ok.html"]["title"] == "正常页面"


# -- pages of 10,000 links ------------------------------------------------------------------------

def _many_links(per_page: int):
    def answer(path, hits):
        n = int(path.strip("/").split("/")[-1] or 0) if path.startswith("/p/") else 0
        links = "".join(f'<a href="/p/{n * per_page + i + 1}">{i}</a>' for i in range(per_page))
        return html(page(f"第{n}页", links))
    return answer


def _linky_site(per_page: int) -> dict:
    return {"/": Route(dynamic=_many_links(per_page)), "/p/*": Route(dynamic=_many_links(per_page))}


def test_a_page_keeps_its_first_and_last_links_up_to_the_limit():
    from auditor.core.extract import extract_page
    from auditor.core.extract.links import MAX_LINKS_KEPT
    body = _many_links(10_000)("/p/0", []).body
    record = extract_page("http://127.0.0.1:9/", body, "text/html; charset=utf-8")
    urls = [link.url for link in record.links]
    assert len(urls) == MAX_LINKS_KEPT and record.links_dropped == 10_000 - MAX_LINKS_KEPT
    assert urls[0].endswith("/p/1") and urls[-1].endswith("/p/10000")      # the head (columns) and tail (footer)


def test_links_beyond_the_page_limit_are_counted_not_recorded(tmp_path):
    """The tester's page: 10,000 links. Each page keeps 2,000 (MAX_LINKS_KEPT) and counts the rest
    as not read; of the kept ones, those past --max-pages are recorded up to 1,000, then counted."""
    pages, per_page, kept = 12, 10_000, 2_000
    with RouteServer(_linky_site(per_page)) as srv:
        run = run_measured(audit_args(srv.url, tmp_path, "--max-pages", str(pages), "--ignore-robots"), timeout=180)
    assert not run.killed and run.code in (0, 1), run
    assert run.peak_mb < LIMIT_MB, run
    found = records(tmp_path)
    fetched = [r for r in found if r["status"] == 200]
    cut = [r for r in found if r["skipped"] == "limit"]
    assert len(fetched) == pages
    assert all(r["links_dropped"] == per_page - kept and len(r["links"]) == kept for r in fetched)
    assert len(cut) <= 1000                         # GKAUDIT_MAX_CUT_RECORDS: the first few on record
    summary = json.loads((tmp_path / "crawl.json").read_text(encoding="utf-8"))
    # every kept link not followed is counted, each once; the links past the page's limit too
    assert summary["skipped"] == pages * kept - (pages - 1), summary
    assert summary["cut_not_recorded"] == summary["skipped"] - len(cut) and summary["truncated"]
    assert summary["links_not_read"] == pages * (per_page - kept)
    assert "links_per_page" in summary["truncated_reasons"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["crawl"]["links_not_read"] == pages * (per_page - kept)


def test_150_pages_of_many_links_stay_under_the_memory_limit(tmp_path):
    """The tester's 150 pages. What a page keeps is capped, so 150 pages of 2,500 links hold what
    150 pages of 10,000 do (2,000 links each; the crawl claims as many) and run in a quarter of the
    time: 10,000 links cost 0.5 s of extraction a page (the figure for 10,000: docs/reliability.md)."""
    pages = 150
    with RouteServer(_linky_site(2_500)) as srv:
        run = run_measured(audit_args(srv.url, tmp_path, "--max-pages", str(pages), "--ignore-robots"), timeout=300)
    assert not run.killed and run.code in (0, 1), run
    assert run.peak_mb < LIMIT_MB, run
    assert sum(1 for r in records(tmp_path) if r["status"] == 200) == pages


# -- very long URLs -------------------------------------------------------------------------------

def test_urls_over_2083_characters_are_on_record(tmp_path):
    long_path, fine_path = "/long?q=" + "x" * 3000, "/fine?q=" + "y" * 2000
    with RouteServer({"/": html(page("首页", f'<a href="{long_path}">长</a><a href="{fine_path}">不太长</a>')),
                      "/long": html(page("长网址")), "/fine": html(page("不太长的网址"))}) as srv:
        assert main(audit_args(srv.url, tmp_path, "--ignore-robots")) in (0, 1)
        hits = list(srv.hits)
    found = by_path(tmp_path)
    assert found[long_path[1:]]["skipped"] == "limit" and found[long_path[1:]]["cut"] == "url_length"
    assert found[fine_path[1:]]["title"] == "不太长的网址"
    assert long_path not in hits
    summary = json.loads((tmp_path / "crawl.json").read_text(encoding="utf-8"))
    assert "url_length" in summary["truncated_reasons"]


def test_a_start_url_over_2083_characters_is_refused_on_record(tmp_path):
    with RouteServer({"/": html(page("首页"))}) as srv:
        code = main(audit_args(srv.url + "?q=" + "z" * 2100, tmp_path, "--ignore-robots"))
    assert code == 3
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert any("超过上限" in w for w in report["warnings"]), report["warnings"]


# -- 429 with Retry-After -------------------------------------------------------------------------

def _rate_limited(wait: str, times: list, once: bool):
    """A rate limiter: the first request closes the host for ``wait`` seconds (every request then
    gets 429 and the time left); with ``once``, it is open after that, else it never opens."""
    closed_until: list[float] = []

    def answer(path, hits):
        now = time.monotonic()
        times.append((now, path))
        if not closed_until:
            closed_until.append(now + float(wait))
        left = closed_until[0] - now
        if once and left <= 0:
            return html(page(f"等待后成功{path}"))
        return Route(b"slow down", 429, {"Content-Type": "text/plain", "Retry-After": str(max(1, round(left)))})
    return answer


def _limited_site(wait: str, once: bool, times: list) -> dict:
    links = "".join(f'<a href="/r/{i}.html">{i}</a>' for i in range(20))
    return {"/": html(page("首页", links)), "/r/*": Route(dynamic=_rate_limited(wait, times, once))}


def test_a_host_asking_for_a_days_wait_is_given_up_on_record(tmp_path):
    times: list = []
    with RouteServer(_limited_site("86400", once=False, times=times)) as srv:
        started = time.monotonic()
        code = main(audit_args(srv.url, tmp_path, "--ignore-robots"))
        elapsed = time.monotonic() - started
    assert code in (0, 1) and elapsed < 20, elapsed
    found = [r for p, r in by_path(tmp_path).items() if p.startswith("r/")]
    assert len(found) == 20
    asked = [r for r in found if r["status"] == 429]
    given_up = [r for r in found if r["status"] is None]
    assert 1 <= len(asked) <= 4 and len(asked) == len(times)          # no request after the give-up but those in flight
    assert len(given_up) == 20 - len(asked)
    assert all(r["skipped"] == "retry_after" and "86400" in r["error"] for r in given_up), given_up[0]
    summary = json.loads((tmp_path / "crawl.json").read_text(encoding="utf-8"))
    assert "retry_after" in summary["truncated_reasons"]


def test_a_host_asking_to_wait_is_paused_once_for_all_its_requests(tmp_path):
    times: list = []
    with RouteServer(_limited_site("3", once=True, times=times)) as srv:
        started = time.monotonic()
        code = main(audit_args(srv.url, tmp_path, "--ignore-robots"))
        elapsed = time.monotonic() - started
    assert code in (0, 1)
    found = [r for p, r in by_path(tmp_path).items() if p.startswith("r/")]
    assert len(found) == 20 and all(r["status"] == 200 for r in found), found
    first = times[0][0]
    # those already on their way when the host first said wait arrive together; then nothing for the pause
    during = [t for t, _ in times if first + 0.5 < t < first + 2.9]
    assert not during, [round(t - first, 2) for t, _ in times]
    assert len(times) <= 20 + 4 and elapsed < 15, (len(times), elapsed)     # each page asked twice at most


# -- crafted snapshots ----------------------------------------------------------------------------

HOME_RECORD = {"url": "http://127.0.0.1:9/", "final_url": "http://127.0.0.1:9/", "status": 200, "depth": 0,
               "kind": "home", "content_type": "text/html", "title": "首页"}


def _crafted_run(out: Path, filler: bytes, copies: int, after: bytes = b"") -> Path:
    """A run directory whose snapshot is ``filler`` ``copies`` times over (as repeated gzip members:
    a few MB on disk), then ``after``."""
    out.mkdir()
    member = gzip.compress(filler, 9)
    with open(out / "pages.jsonl.gz", "wb") as fh:
        fh.write(member * copies)
        fh.write(gzip.compress(after))
    (out / "run.json").write_text(json.dumps({"url": HOME_RECORD["url"], "as_of": "2026-11-20"}), encoding="utf-8")
    return out


def test_a_snapshot_of_2_gb_of_newlines_is_refused_quickly(tmp_path):
    run_dir = _crafted_run(tmp_path / "run", b"\n" * (64 << 20), 32, json.dumps(HOME_RECORD).encode() + b"\n")
    run = run_measured(["recheck", str(run_dir), "--quiet", "--format", "json"], timeout=60)
    assert run.code == 2 and "行" in run.stderr and len(run.stderr.strip().splitlines()) == 1, run
    assert run.elapsed < 15 and run.peak_mb < LIMIT_MB, run


def test_a_snapshot_line_of_2_gb_is_skipped_and_counted(tmp_path):
    run_dir = _crafted_run(tmp_path / "run", b"x" * (64 << 20), 32, b"\n" + json.dumps(HOME_RECORD).encode() + b"\n")
    run = run_measured(["recheck", str(run_dir), "--quiet", "--format", "json", "--out", str(tmp_path / "re")],
                       timeout=120)
    assert not run.killed and run.code in (0, 1), run
    assert run.elapsed < 30 and run.peak_mb < LIMIT_MB, run
    report = json.loads((tmp_path / "re" / "report.json").read_text(encoding="utf-8"))
    assert "抓取快照中有 1 行无法读取，已跳过" in report["warnings"]
    assert report["site"]["url"].startswith("http://127.0.0.1:9/")


def test_the_snapshot_bounds_apply_to_each_line_and_to_the_count(tmp_path):
    from auditor.core.errors import ConfigError
    from auditor.core.record_loader import RecordReader, read_file
    path = tmp_path / "p.jsonl.gz"
    line = json.dumps(HOME_RECORD).encode() + b"\n"
    path.write_bytes(gzip.compress(line + b"y" * 5000 + b"\n" + line))
    reader = RecordReader()
    assert len(list(read_file(path, reader, max_line_bytes=1000))) == 2 and reader.bad == 1
    with pytest.raises(ConfigError):
        list(read_file(path, RecordReader(), max_lines=2))


# -- endless or oversized input files -------------------------------------------------------------

def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make", [
    lambda d: Path("/dev/zero"),
    lambda d: _fifo(d / "sites.csv"),                                   # would wait for a writer forever
    lambda d: (d / "big.csv").write_bytes(b"name,url\n" + b"x,http://127.0.0.1:9/\n" * 900_000) and d / "big.csv",
])
def test_an_endless_or_huge_site_list_is_refused(tmp_path, make):
    run = run_measured(["batch", str(make(tmp_path)), "--out", str(tmp_path / "out"), "--quiet"], timeout=30)
    assert run.code == 2 and len(run.stderr.strip().splitlines()) == 1, run
    assert run.elapsed < 10 and run.peak_mb < LIMIT_MB, run


def _profile_to(tmp_path: Path, target: Path) -> Path:
    link = tmp_path / "endless.yaml"
    link.symlink_to(target)
    return link


@pytest.mark.parametrize("profile", [
    lambda d: _profile_to(d, Path("/dev/zero")),
    lambda d: _fifo(d / "fifo.yaml"),
    lambda d: (d / "p.yaml").write_text("name: p\nextends: national\nholidays_file: /dev/zero\n") and d / "p.yaml",
    lambda d: (d / "p.yaml").write_text("name: p\nextends: national\nholidays_file: h.yaml\n")
    and (d / "h.yaml").write_text("2027:\n  holidays: [2027-13-01]\n") and d / "p.yaml",         # a bad date
    lambda d: (d / "p.yaml").write_text("name: p\nextends: national\nholidays_file: missing.yaml\n") and d / "p.yaml",
])
def test_a_bad_profile_or_holiday_file_stops_the_audit_before_the_crawl(tmp_path, profile):
    with RouteServer({"/": html(page("首页"))}) as srv:
        run = run_measured(audit_args(srv.url, tmp_path / "out", "--profile", str(profile(tmp_path))), timeout=30)
        hits = list(srv.hits)
    assert run.code == 2 and len(run.stderr.strip().splitlines()) == 1, run
    assert hits == [] and run.elapsed < 10 and run.peak_mb < LIMIT_MB, run


# -- bad rows in a batch --------------------------------------------------------------------------

def test_bad_rows_are_reported_by_line_and_the_others_go_on(tmp_path, capsys):
    with RouteServer({"/": html(page("好网站"))}) as srv:
        rows = [b"name,url", b"x,javascript:alert(1)", b"good," + srv.url.encode(), b"y,http://[::1",
                b"z,http://\x01\x02bad/", b"v," + bytes(range(32, 256)).replace(b'"', b"").replace(b",", b""),
                b"w,http://127.0.0.1:99999/"]
        (tmp_path / "sites.csv").write_bytes(b"\n".join(rows) + b"\n")
        code = main(["batch", str(tmp_path / "sites.csv"), "--out", str(tmp_path / "out"), "--quiet",
                     "--as-of", "2026-11-20", "--ignore-robots"])
    err = capsys.readouterr().err
    assert code == 0, err
    for line in (2, 4, 5, 6, 7):
        assert f"第 {line} 行" in err, err
    assert list((tmp_path / "out" / "sites").iterdir())[0].name.startswith("0003-")


def test_a_binary_site_list_is_refused_with_one_line(tmp_path, capsys):
    (tmp_path / "sites.csv").write_bytes(bytes(range(256)) * 40)
    assert main(["batch", str(tmp_path / "sites.csv"), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
