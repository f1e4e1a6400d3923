"""Kill -9 a crawl mid-way, start it again with --resume: every page exactly once, nothing lost."""
from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from auditor.core.resume import prepare, read_records
from auditor.app.demo.server import SampleSite

SLOW = ["--delay", "0.03", "--concurrency", "1", "--quiet", "--format", "json"]


def _audit(url: str, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditor", "audit", url, "--out", str(out), *SLOW, *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _partial_records(out: Path) -> int:
    return max((sum(1 for _ in read_records(p)) for p in out.glob(".pages.jsonl.gz.*.part")), default=0)


def _wait_session_gone(sid: int) -> None:
    """No process of the killed gkaudit's session is left (the crawl child, the extraction worker)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = subprocess.run(["pgrep", "-s", str(sid)], capture_output=True, text=True).stdout.split()
        if not left:
            return
        time.sleep(0.1)
    raise AssertionError(f"processes outlived the killed gkaudit: {left}")


def _urls(run_dir: Path) -> Counter:
    with gzip.open(run_dir / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return Counter(json.loads(line)["url"] for line in fh if line.strip())


def _warc_ids(run_dir: Path) -> set[str]:
    with open(run_dir / "crawl.warc.gz", "rb") as fh:
        return {r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh)}


def test_a_crawl_killed_twice_resumes_to_the_same_pages_each_once(tmp_path):
    with SampleSite("planted") as site:
        whole = tmp_path / "whole"
        assert _audit(site.url, whole).wait(timeout=300) in (0, 1)
        expected = _urls(whole)

        out = tmp_path / "killed"
        for kill_at in (20, 60):                    # killed twice, the second time while resuming
            proc = _audit(site.url, out, *(["--resume"] if kill_at == 60 else []))
            deadline = time.monotonic() + 120
            while _partial_records(out) < kill_at and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert proc.poll() is None, f"the crawl ended before it could be killed ({kill_at}: {_partial_records(out)})"
            proc.send_signal(signal.SIGKILL)          # gkaudit itself: its crawl child and worker follow
            proc.wait()
            _wait_session_gone(proc.pid)
            assert not (out / "report.json").exists()

        assert _audit(site.url, out, "--resume").wait(timeout=300) in (0, 1)

    got = _urls(out)
    assert max(got.values()) == 1, [u for u, n in got.items() if n > 1]
    assert set(got) == set(expected)
    summary = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    assert summary["resumed_records"] >= 60
    assert summary["pages"] == json.loads((whole / "crawl.json").read_text(encoding="utf-8"))["pages"]
    # the evidence: one readable WARC holding every record the snapshot points to
    with gzip.open(out / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        pointed = {json.loads(line).get("warc_record_id") for line in fh} - {None}
    assert pointed and pointed <= _warc_ids(out)
    assert not (out / ".resume").exists() and not list(out.glob(".*.part"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["crawl"]["pages"] == summary["pages"]


def test_resume_reads_a_torn_snapshot_up_to_its_last_whole_line(tmp_path):
    lines = [json.dumps({"url": f"http://gov.test/{i}.html", "status": 200}).encode() + b"\n" for i in range(50)]
    whole = gzip.compress(b"".join(lines))
    torn = tmp_path / ".pages.jsonl.gz.abc.part"
    torn.write_bytes(whole[: len(whole) * 2 // 3])
    got = list(read_records(torn))
    assert 0 < len(got) < 50 and [r["url"] for r in got] == [f"http://gov.test/{i}.html" for i in range(len(got))]
    settings = prepare(tmp_path)
    assert settings and Path(settings["GKAUDIT_RESUME_PAGES"]).exists() and not torn.exists()
    assert [r["url"] for r in read_records(Path(settings["GKAUDIT_RESUME_PAGES"]))] == [r["url"] for r in got]


def test_nothing_to_resume_means_a_fresh_crawl(tmp_path):
    assert prepare(tmp_path) is None


def test_a_torn_warc_keeps_only_whole_records_and_drops_records_without_evidence(tmp_path):
    from io import BytesIO

    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    writer = WARCWriter(buf, gzip=True)
    ids = []
    for i in range(3):
        rec = writer.create_warc_record(f"http://gov.test/{i}.html", "resource", payload=BytesIO(b"x" * 5000),
                                        warc_content_type="text/html")
        writer.write_record(rec)
        ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
    whole = buf.getvalue()
    (tmp_path / ".crawl.warc.gz.a.part").write_bytes(whole[:-40])        # the third member torn
    lines = [json.dumps({"url": f"http://gov.test/{i}.html", "status": 200, "warc_record_id": ids[i]})
             for i in range(3)]
    (tmp_path / ".pages.jsonl.gz.a.part").write_bytes(gzip.compress("\n".join(lines).encode() + b"\n"))
    settings = prepare(tmp_path)
    kept = [r["url"] for r in read_records(Path(settings["GKAUDIT_RESUME_PAGES"]))]
    assert kept == ["http://gov.test/0.html", "http://gov.test/1.html"]      # 2's evidence was torn
    with open(settings["GKAUDIT_RESUME_WARC"], "rb") as fh:
        assert {r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh)} == set(ids[:2])


def _as_if_killed(run_dir: Path) -> None:
    """Turn a finished run back into what a kill -9 just before the end leaves."""
    (run_dir / "pages.jsonl.gz").rename(run_dir / ".pages.jsonl.gz.killed.part")
    (run_dir / "crawl.warc.gz").rename(run_dir / ".crawl.warc.gz.killed.part")
    for name in ("crawl.json", "report.json"):
        (run_dir / name).unlink(missing_ok=True)


def test_resume_keeps_the_crawl_cut_and_the_host_the_start_url_moved_to(tmp_path):
    from tests.servers import Route, RouteServer, html

    pages = {f"/p{i}.html": html(f'<html><head><title>第{i}页</title></head><body><a href="/p{i + 1}.html">下一页</a>'
                                 f'<a href="/q{i}.html">另一页</a></body></html>') for i in range(40)}
    with RouteServer(pages, host="127.0.0.2") as portal:
        moved = {"/": Route(status=302, headers={"Location": f"http://127.0.0.2:{portal.port}/p0.html"})}
        with RouteServer(moved) as start:
            out = tmp_path / "run"
            args = ["--max-pages", "12", "--allow-private"]     # the portal is another loopback address
            assert _audit(start.url, out, *args).wait(timeout=120) in (0, 1)
            first = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
            assert first["truncated"] and "max_pages" in first["truncated_reasons"] and first["hosts_added"]
            expected = _urls(out)
            _as_if_killed(out)
            assert _audit(start.url, out, "--resume", *args).wait(timeout=120) in (0, 1)
    again = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    assert again["resumed_records"] == sum(expected.values())
    assert again["truncated"] and "max_pages" in again["truncated_reasons"]
    assert again["hosts_added"] == first["hosts_added"] and again["pages"] == first["pages"]
    assert _urls(out) == expected
