"""Distributed batches on a real redis-server: two workers and the coordinator give the reports a
single-process batch gives, and a worker killed mid-run loses nothing.

Needs Debian's redis-server (installed by .ci/run); skips without it, except in CI.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from auditor.app.cli import main
from auditor.app.demo.server import SampleSite
from tests.truth import ground_truth

from tests.servers import RouteServer, html

REDIS = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if not REDIS:
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's redis-server for the distributed test (.ci/run installs it)")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def start_worker(redis_url: str, log: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditor", "worker", "--redis", redis_url, "--log", str(log),
                             "--concurrency", "2", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(workers):
    for w in workers:
        if w.poll() is None:
            w.terminate()
    for w in workers:
        try:
            w.wait(10)
        except subprocess.TimeoutExpired:
            w.kill()


def write_sites(path: Path, urls: list[tuple[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["name", "url", "profile"]] + [[n, u, ground_truth()["site"]["profile"]] for n, u in urls])
    return path


def results(out: Path) -> dict:
    """Per site: every rule's status and its findings (site-relative URLs), the comparable part."""
    found = {}
    for report_path in sorted(out.glob("sites/*/report.json")):
        report = json.loads(report_path.read_text(encoding="utf-8"))
        origin = report["site"]["url"].rstrip("/")
        found[report_path.parent.name.split("-", 1)[0]] = {
            r["code"]: (r["status"], sorted((f["url"] or "").replace(origin, "") + "|" + f["message"] for f in r["findings"]))
            for r in report["results"]}
    return found


def test_two_workers_give_the_single_process_reports(redis_url, tmp_path):
    with SampleSite("planted") as planted, SampleSite("clean") as clean:
        sites = write_sites(tmp_path / "sites.csv", [("含问题", planted.url), ("整改后", clean.url)])
        args = ["--as-of", str(ground_truth()["as_of"]), "--quiet", "--concurrency", "2"]
        assert main(["batch", str(sites), "--out", str(tmp_path / "local"), *args]) == 0
        workers = [start_worker(redis_url, tmp_path / f"w{i}.log") for i in range(2)]
        try:
            assert main(["batch", str(sites), "--out", str(tmp_path / "dist"), "--redis", redis_url, *args]) == 0
        finally:
            stop(workers)
    local, dist = results(tmp_path / "local"), results(tmp_path / "dist")
    assert set(local) == set(dist) == {"0002", "0003"}
    for site in local:
        for code in local[site]:
            assert dist[site][code] == local[site][code], (site, code)
    for run in (tmp_path / "dist").glob("sites/*"):
        assert (run / "crawl.warc.gz").stat().st_size > 1000
        assert json.loads((run / "crawl.json").read_text(encoding="utf-8"))["distributed"] is True


def slow_site(pages: int) -> dict:
    links = "".join(f'<li><a href="/p{i}.html">第{i}篇</a><span>2026-11-1{i % 9}</span></li>' for i in range(pages))
    routes = {"/": html(f'<html lang="zh-CN"><head><title>首页</title></head><body><ul>{links}</ul></body></html>')}
    routes.update({f"/p{i}.html": html(f"<html><head><title>第{i}篇</title></head><body>正文</body></html>", delay=0.4)
                   for i in range(pages)})
    return routes


def test_a_worker_killed_mid_run_loses_nothing(redis_url, tmp_path, monkeypatch):
    monkeypatch.setenv("GKAUDIT_STALL_SECONDS", "3")
    with RouteServer(slow_site(24)) as srv:
        sites = write_sites(tmp_path / "sites.csv", [("慢站", srv.url)])
        victim = start_worker(redis_url, tmp_path / "victim.log")
        time.sleep(2)                               # the victim takes the start page and the first links
        keeper = start_worker(redis_url, tmp_path / "keeper.log")
        code = {}
        coordinator = threading.Thread(target=lambda: code.setdefault(
            "rc", main(["batch", str(sites), "--out", str(tmp_path / "out"), "--redis", redis_url, "--quiet",
                        "--as-of", "2026-11-20"])))
        coordinator.start()
        for _ in range(100):                        # wait until pages are being fetched, then kill
            if any(h.startswith("/p") for h in srv.hits):
                break
            time.sleep(0.1)
        time.sleep(0.8)
        victim.send_signal(signal.SIGKILL)
        coordinator.join(120)
        stop([keeper, victim])
    assert code.get("rc") == 0
    import gzip
    with gzip.open(next((tmp_path / "out").glob("sites/*/pages.jsonl.gz")), "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    urls = {r["url"].replace(srv.url, "/") for r in records}
    assert {f"/p{i}.html" for i in range(24)} <= urls and "/" in urls
    assert all(r["status"] == 200 for r in records if r["url"].endswith(".html"))
