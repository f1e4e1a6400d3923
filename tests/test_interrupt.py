"""Issue 18: Ctrl-C. The first stops the crawl within seconds, writes a report marked interrupted that
``--resume`` continues, and exits 130; a second exits at once. Both while a large page is being
read and slow pages are on their way — the moment an audit used to hang forever."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import Route, RouteServer, html

BIG_LINKS = 60_000          # a page the extractor needs a few seconds for


def _page(title: str, body: str = "") -> str:
    return f'<html lang="zh-CN"><head><title>{title}</title></head><body>{body}</body></html>'


def _site(state: dict) -> dict:
    """``state["slow"]``: the slow pages take a minute (until the test turns that off to resume)."""
    slow = "".join(f'<a href="/slow/{i}.html">慢{i}</a>' for i in range(8))
    big = "".join(f'<a href="/item/{i}.html">条目{i}</a>' for i in range(BIG_LINKS))
    return {
        "/": html(_page("首页", '<a href="/big.html">大页面</a><a href="/n/1.html">一</a>' + slow)),
        "/big.html": html(_page("大页面", big)),
        "/n/*": html(_page("普通页面")),
        "/item/*": html(_page("条目")),
        "/slow/*": Route(dynamic=lambda path, hits: html(_page("慢页面"), delay=60 if state["slow"] else 0)),
    }


def _start(url: str, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditor", "audit", url, "--out", str(out), "--quiet",
                             "--format", "json", "--as-of", "2026-11-20", "--ignore-robots", "--timeout", "60",
                             "--max-pages", "60", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _when_served(srv: RouteServer, path: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while path not in srv.hits:
        assert time.monotonic() < deadline, srv.hits
        time.sleep(0.05)


def _session_gone(sid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not subprocess.run(["pgrep", "-s", str(sid)], capture_output=True, text=True).stdout.split():
            return True
        time.sleep(0.1)
    return False


def _urls(out: Path) -> list[str]:
    if not (out / "pages.jsonl.gz").exists():
        return []
    with gzip.open(out / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["url"] for line in fh if line.strip()]


def _interrupt(proc: subprocess.Popen, group: bool, times: int = 1, gap: float = 0.2) -> float:
    """Ctrl-C: to the whole process group as a terminal sends it, or to gkaudit alone (kill -INT)."""
    started = time.monotonic()
    for i in range(times):
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        time.sleep(gap if i + 1 < times else 0)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return float("inf")
    return time.monotonic() - started


@pytest.fixture(scope="module", params=["group", "alone"])
def interrupted(request, tmp_path_factory):
    """An audit interrupted once while the big page is read and eight slow pages are on their way,
    then resumed."""
    out = tmp_path_factory.mktemp(f"interrupted-{request.param}")
    state = {"slow": True}
    with RouteServer(_site(state)) as srv:
        proc = _start(srv.url, out)
        _when_served(srv, "/big.html")
        time.sleep(1.0)                                  # the big page is being read
        took = _interrupt(proc, group=request.param == "group")
        stderr = proc.stderr.read().decode("utf-8", "replace")
        gone = _session_gone(proc.pid)
        report = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").exists() else None
        first = _urls(out)
        resumable = (out / ".resume" / "pages.jsonl.gz").exists()
        state["slow"] = False
        resumed = _start(srv.url, out, "--resume")
        try:
            resumed_code = resumed.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(resumed.pid, signal.SIGKILL)
            resumed_code = resumed.wait()
        after = _urls(out)
    return {"code": proc.returncode, "took": took, "stderr": stderr, "gone": gone, "report": report,
            "first": first, "resumable": resumable, "resumed_code": resumed_code, "after": after, "out": out}


def test_the_first_ctrl_c_stops_the_crawl_within_seconds(interrupted):
    assert interrupted["took"] < 10, interrupted["stderr"]
    assert interrupted["gone"]                           # no crawl child, no extraction worker left


def test_the_report_of_an_interrupted_audit_says_so(interrupted):
    report = interrupted["report"]
    assert report is not None, interrupted["stderr"]
    assert report["crawl"]["finish_reason"] == "shutdown"
    assert any("被中断" in w for w in report["warnings"]), report["warnings"]
    assert any(urlsplit(u).path == "/" for u in interrupted["first"])     # fetched before the Ctrl-C: kept
    assert report["crawl"]["pages"] >= 1
    assert interrupted["resumable"]                      # kept in .resume/ for --resume


def test_an_interrupted_audit_resumes(interrupted):
    assert interrupted["resumed_code"] in (0, 1)
    assert not (interrupted["out"] / ".resume").exists()
    after = interrupted["after"]
    assert len(after) == len(set(after))                 # every page once
    assert set(interrupted["first"]) <= set(after)
    assert sum(1 for u in after if "/slow/" in u) == 8   # what the interrupted run had not fetched
    assert any(u.endswith("/big.html") for u in after)


def test_the_first_ctrl_c_exits_130(interrupted):
    # the crawl returns, the audit writes its report, and the exit code of an interrupted report is
    # 130 (auditor.app.commands.common.exit_code)
    assert interrupted["code"] == 130, interrupted["stderr"]


def test_a_second_ctrl_c_exits_at_once(tmp_path):
    with RouteServer(_site({"slow": True})) as srv:
        proc = _start(srv.url, tmp_path)
        _when_served(srv, "/big.html")
        time.sleep(1.0)
        took = _interrupt(proc, group=False, times=2, gap=0.02)
        stderr = proc.stderr.read().decode("utf-8", "replace")
    assert took < 3 and proc.returncode == 130, (took, proc.returncode, stderr)
    assert _session_gone(proc.pid)


def test_a_second_ctrl_c_does_not_wait_for_a_crawl_that_will_not_stop():
    """The first Ctrl-C gives the crawl a few seconds to close its files; a second one while it is
    given them kills it and ends now."""
    from auditor.app.crawl import CrawlInterrupted, _wait
    stubborn = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, "
                                 "signal.SIG_IGN); signal.signal(signal.SIGINT, signal.SIG_IGN); time.sleep(60)"])
    time.sleep(0.5)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, 0.2, 0.2)       # Ctrl-C, then Ctrl-C again 0.2 s later
    previous = signal.signal(signal.SIGALRM, lambda *a: os.kill(os.getpid(), signal.SIGINT))
    try:
        with pytest.raises(KeyboardInterrupt) as raised:
            _wait([stubborn], None)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not isinstance(raised.value, CrawlInterrupted)
    assert time.monotonic() - started < 1.5 and stubborn.poll() is not None
