"""gkaudit performance benchmarks: print figures, targets and PASS/MISS. Not tests.

    make bench                                  # full size
    make bench BENCH_PAGES=2000 BENCH_RECORDS=10000
    .venv/bin/python bench/run_bench.py --only crawl,judge --pages 2000

1. crawl overhead   nginx-served generated site: server capacity, bare Scrapy vs full gkaudit crawl
2. judging          judge_run on a 50,000-record snapshot, national and market-regulation profiles
3. crawl memory     peak RSS of the gkaudit crawl child of benchmark 1
4. batch            20 sites x 300 pages on 127.0.0.2-21, --delay 0.1 --concurrency 1, vs politeness bound
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from bench.nginx import Nginx, ensure_nginx  # noqa: E402
from bench.sitegen import build_site, write_site  # noqa: E402

PY = sys.executable
ROWS: list[tuple[str, str, str, str, str]] = []     # (bench, figure, value, target, verdict)


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def say(text: str = "") -> None:
    print(text, flush=True)


def table(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(_w(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    say(f"\n{title}")
    say(line)
    for j, r in enumerate([header, *rows]):
        say("| " + " | ".join(str(c) + " " * (w - _w(str(c))) for c, w in zip(r, widths)) + " |")
        if j == 0:
            say(line)
    say(line)


def _w(s: str) -> int:      # display width: CJK characters take two columns
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def record(bench: str, figure: str, value: str, target: str, ok: bool | None) -> tuple[str, ...]:
    ROWS.append((bench, figure, value, target, verdict(ok)))
    return (figure, value, target, verdict(ok))


# -- machine -------------------------------------------------------------------------------------
def machine() -> dict:
    cpu = "?"
    mem_kb = 0
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
        mem_kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
    except (OSError, StopIteration):
        pass
    import scrapy
    nginx = subprocess.run([ensure_nginx(), "-v"], capture_output=True, text=True).stderr.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 1024 / 1024, 1),
            "kernel": platform.release(), "python": platform.python_version(), "scrapy": scrapy.__version__,
            "nginx": nginx.replace("nginx version: ", ""), "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


# -- server capacity ---------------------------------------------------------------------------
def fetch_loop(host: str, port: int, paths: list[str], conns: int = 8, seconds: float = 6.0) -> dict:
    """Keep-alive GETs over the site's pages from ``conns`` threads: a lower bound of nginx's rate."""
    done = [0] * conns
    nbytes = [0] * conns
    stop = time.monotonic() + seconds

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        i = k
        while time.monotonic() < stop:
            conn.request("GET", paths[i % len(paths)])
            resp = conn.getresponse()
            body = resp.read()
            if resp.status == 200:
                done[k] += 1
                nbytes[k] += len(body)
            i += conns
        conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    return {"pages_per_s": sum(done) / elapsed, "mb_per_s": sum(nbytes) / elapsed / 1e6}


def wrk_rate(url: str) -> float | None:
    wrk = shutil.which("wrk")
    if not wrk:
        return None
    out = subprocess.run([wrk, "-t2", "-c8", "-d5s", url], capture_output=True, text=True).stdout
    m = re.search(r"Requests/sec:\s*([\d.]+)", out)
    return float(m.group(1)) if m else None


def wait_child(cmd: list[str], timeout: float, cwd: Path = ROOT) -> tuple[float, int, object]:
    """Run ``cmd``; return (wall seconds, exit status, its own rusage)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL)
    deadline = t0 + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - t0, proc.returncode, ru
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, ru = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return time.perf_counter() - t0, -9, ru
        time.sleep(0.05)


# -- 1 + 3: crawl overhead and crawl memory ------------------------------------------------------
def bench_crawl(n_pages: int, work: Path, timeout: float) -> None:
    say(f"\n== 1. crawl overhead: {n_pages} pages ==")
    site = build_site(n_pages)
    t0 = time.perf_counter()
    info = write_site(site, work / "site")
    say(f"site: {info['pages']} pages, {info['bytes'] / 1e6:.1f} MB, mean {info['bytes'] / info['pages'] / 1024:.1f} KB/page, "
        f"{sum(len(p.links) for p in site.pages) / len(site.pages):.1f} links/page, "
        f"{info['gbk'] / info['pages']:.0%} GBK; written in {time.perf_counter() - t0:.1f} s")
    host = "127.0.0.1"
    with Nginx([(host, work / "site")], work / "nginx") as srv:
        start = srv.url(host, "/index.html")
        paths = [p.path for p in site.pages]
        server = fetch_loop(host, srv.port, paths)
        wrk = wrk_rate(srv.url(host, paths[len(paths) // 2]))
        say(f"server: {server['pages_per_s']:.0f} pages/s ({server['mb_per_s']:.0f} MB/s) from 8 keep-alive Python "
            f"clients" + (f"; wrk -c8: {wrk:.0f} req/s" if wrk else "; wrk not installed"))

        bare_out = work / "bare.json"
        bare_wall, rc, bare_ru = wait_child([PY, str(BENCH / "bare_spider.py"), start, str(bare_out)], timeout)
        bare = json.loads(bare_out.read_text()) if rc == 0 and bare_out.exists() else None
        if bare:
            say(f"bare scrapy: {bare['pages']} pages in {bare_wall:.1f} s wall ({bare['crawl_seconds']:.1f} s in crawl), "
                f"cpu {bare_ru.ru_utime + bare_ru.ru_stime:.1f} s, maxrss {bare_ru.ru_maxrss / 1024:.0f} MB")
        else:
            say(f"bare scrapy failed (exit {rc})")

        gk_res = work / "gk.json"
        gk_wall, rc, _ = wait_child([PY, str(BENCH / "gk_crawl_child.py"), start, str(work / "gk-run"),
                                     str(n_pages + 100), str(gk_res)], timeout)
        gk = json.loads(gk_res.read_text()) if rc == 0 and gk_res.exists() else None
        if gk:
            say(f"gkaudit: {gk['pages']} pages in {gk['wall_seconds']:.1f} s wall ({gk['crawl_seconds']:.0f} s in crawl, "
                f"1 s resolution), cpu {gk['cpu_seconds']:.1f} s, maxrss {gk['maxrss_kb'] / 1024:.0f} MB, "
                f"errors {gk['errors']}, finish {gk['finish_reason']}, pages.jsonl.gz {gk['pages_bytes'] / 1e6:.1f} MB, "
                f"WARC {gk['warc_bytes'] / 1e6:.1f} MB")
        else:
            say(f"gkaudit crawl failed (exit {rc})")

    rows = []
    bare_rate = bare["pages"] / bare_wall if bare else None
    gk_rate = gk["pages"] / gk["wall_seconds"] if gk else None
    top = max(r for r in (bare_rate, gk_rate, 1.0) if r)
    rows.append(record("crawl", "nginx capacity (8 Python clients)", f"{server['pages_per_s']:.0f} pages/s",
                       "≥ 2× fastest crawl", server["pages_per_s"] >= 2 * top))
    if wrk:
        rows.append(record("crawl", "nginx capacity (wrk -c8, one page)", f"{wrk:.0f} req/s", "info", None))
    rows.append(record("crawl", "bare Scrapy pages fetched", f"{bare['pages'] if bare else 'failed'}",
                       f"{n_pages}", bool(bare) and bare["pages"] >= n_pages))
    rows.append(record("crawl", "gkaudit pages fetched", f"{gk['pages'] if gk else 'failed'}",
                       f"{n_pages}", bool(gk) and gk["pages"] >= n_pages))
    if bare:
        rows.append(record("crawl", "bare Scrapy rate (wall, incl. start-up)", f"{bare_rate:.0f} pages/s", "info", None))
        rows.append(record("crawl", "bare Scrapy CPU per page", f"{(bare_ru.ru_utime + bare_ru.ru_stime) / bare['pages'] * 1000:.2f} ms",
                           "info", None))
    if gk:
        rows.append(record("crawl", "gkaudit rate (wall, incl. start-up)", f"{gk_rate:.0f} pages/s", "info", None))
        rows.append(record("crawl", "gkaudit CPU per page", f"{gk['cpu_seconds'] / gk['pages'] * 1000:.2f} ms", "info", None))
    if bare and gk:
        ratio = gk_rate / bare_rate
        rows.append(record("crawl", "gkaudit / bare Scrapy (pages/s)", f"{ratio:.2f}×", "≥ 0.80×", ratio >= 0.8))
    table("Benchmark 1 — crawl overhead", rows, ("figure", "value", "target", "result"))

    say("\n== 3. crawl memory ==")
    rows = [record("memory", "gkaudit crawl peak RSS, crawl + extraction worker summed",
                   f"{gk['tree_peak_rss_kb'] / 1024:.0f} MB" if gk else "failed",
                   "≤ 300 MB", bool(gk) and gk["tree_peak_rss_kb"] / 1024 <= 300),
            record("memory", "largest single process of it (RUSAGE_CHILDREN)",
                   f"{gk['maxrss_kb'] / 1024:.0f} MB" if gk else "failed", "info", None)]
    if bare:
        rows.append(record("memory", "bare Scrapy child peak RSS", f"{bare_ru.ru_maxrss / 1024:.0f} MB", "info", None))
    table(f"Benchmark 3 — crawl memory ({n_pages} pages)", rows, ("figure", "value", "target", "result"))


# -- 2: judging ----------------------------------------------------------------------------------
def bench_judge(n_records: int, work: Path, timeout: float) -> None:
    from bench.snapshot_gen import build_snapshot
    say(f"\n== 2. judging: {n_records} records ==")
    as_of = dt.date.today()
    run_dir = work / "judge-run"
    info = build_snapshot(n_records, run_dir / "pages.jsonl.gz", as_of=as_of)
    say(f"snapshot: {info['records']} records cloned from {info['templates']} extracted pages "
        f"({info['gbk_templates']} GBK; link lists differing from the extractor's: {info['template_link_mismatches']}); "
        f"kinds {info['kinds']}; {info['jsonl_bytes'] / 1e6:.0f} MB JSON, {info['gz_bytes'] / 1e6:.1f} MB gz; "
        f"built in {info['seconds']:.1f} s")
    rows = []
    for profile in ("national", "market-regulation"):
        res = work / f"judge-{profile}.json"
        wall, rc, _ = wait_child([PY, str(BENCH / "judge_child.py"), str(run_dir), profile, as_of.isoformat(),
                                  str(res)], timeout)
        if rc != 0 or not res.exists():
            why = f"timed out after {timeout:.0f} s" if rc == -9 else f"failed (exit {rc})"
            say(f"{profile}: {why}")
            rows.append(record("judge", f"{profile}: judge_run rate", f"< {n_records / timeout:.0f} pages/s ({why})",
                               "≥ 5000 pages/s", False))
            rows.append(record("judge", f"{profile}: peak RSS", "n/a", "≤ 400 MB", None))
            continue
        r = json.loads(res.read_text())
        rate = n_records / r["seconds"]
        say(f"{profile}: {r['seconds']:.1f} s, grade {r['grade']} ({r['score']}), {r['findings']} findings, "
            f"RSS after imports {r['rss_before_kb'] / 1024:.0f} MB, peak {r['vmhwm_kb'] / 1024:.0f} MB")
        rows.append(record("judge", f"{profile}: judge_run time", f"{r['seconds']:.1f} s", "info", None))
        rows.append(record("judge", f"{profile}: judge_run rate", f"{rate:.0f} pages/s", "≥ 5000 pages/s", rate >= 5000))
        rows.append(record("judge", f"{profile}: peak RSS (VmHWM)", f"{r['vmhwm_kb'] / 1024:.0f} MB", "≤ 400 MB",
                           r["vmhwm_kb"] / 1024 <= 400))
    table(f"Benchmark 2 — judging ({n_records} records)", rows, ("figure", "value", "target", "result"))


# -- 4: batch ------------------------------------------------------------------------------------
def bench_batch(n_sites: int, n_pages: int, delay: float, work: Path, timeout: float) -> None:
    say(f"\n== 4. batch: {n_sites} sites × {n_pages} pages, --delay {delay} --concurrency 1 ==")
    hosts = [f"127.0.0.{i}" for i in range(2, 2 + n_sites)]
    sites = []
    for k, host in enumerate(hosts):
        site = build_site(n_pages, name=f"第{k + 1}区市场监督管理局", seed=100 + k)
        write_site(site, work / "batch-sites" / host)
        sites.append(site)
    with Nginx([(h, work / "batch-sites" / h) for h in hosts], work / "nginx-batch") as srv:
        csv = work / "sites.csv"
        csv.write_text("name,url,profile,level\n" + "".join(
            f"{s.name},{srv.url(h, '/index.html')},national,department\n" for s, h in zip(sites, hosts)),
            encoding="utf-8")
        out = work / "batch-out"
        cmd = [str(Path(PY).parent / "gkaudit"), "batch", str(csv), "--delay", str(delay), "--concurrency", "1",
               "--max-pages", str(n_pages + 100), "--out", str(out), "--quiet", "--rerun"]
        say("command: " + " ".join(cmd))
        wall, rc, ru = wait_child(cmd, timeout)
    summaries = []
    for d in sorted((out / "sites").iterdir()) if (out / "sites").exists() else []:
        try:
            summaries.append(json.loads((d / "crawl.json").read_text(encoding="utf-8")))
        except OSError:
            pass
    pages = [s["pages"] for s in summaries]
    bound = max(pages) * delay if pages else float("nan")
    starts = [dt.datetime.fromisoformat(s["started_at"]) for s in summaries]
    ends = [dt.datetime.fromisoformat(s["finished_at"]) for s in summaries]
    crawl_span = (max(ends) - min(starts)).total_seconds() if summaries else float("nan")
    say(f"exit {rc}; {len(summaries)} sites crawled, pages per site {min(pages) if pages else 0}–{max(pages) if pages else 0}; "
        f"wall {wall:.1f} s (crawl phase {crawl_span:.0f} s, 1 s resolution); CPU {ru.ru_utime + ru.ru_stime:.1f} s; "
        f"peak RSS of the batch process tree {ru.ru_maxrss / 1024:.0f} MB")
    rows = [record("batch", "sites crawled", f"{len(summaries)} (exit {rc})", f"{n_sites}",
                   len(summaries) == n_sites and all(p >= n_pages for p in pages)),
            record("batch", "politeness bound (max pages × delay)", f"{bound:.1f} s", "info", None),
            record("batch", "batch wall time", f"{wall:.1f} s", "info", None),
            record("batch", "crawl phase (first start → last finish)", f"{crawl_span:.0f} s", "info", None),
            record("batch", "wall / politeness bound", f"{wall / bound:.2f}×", "≤ 1.30×", wall / bound <= 1.3)]
    table(f"Benchmark 4 — batch ({n_sites} × {n_pages} pages)", rows, ("figure", "value", "target", "result"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=env_int("BENCH_PAGES", 10_000), help="crawl benchmark site size (BENCH_PAGES)")
    ap.add_argument("--records", type=int, default=env_int("BENCH_RECORDS", 50_000), help="judging snapshot size (BENCH_RECORDS)")
    ap.add_argument("--batch-sites", type=int, default=env_int("BENCH_BATCH_SITES", 20))
    ap.add_argument("--batch-pages", type=int, default=env_int("BENCH_BATCH_PAGES", 300))
    ap.add_argument("--delay", type=float, default=0.1)
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY", "crawl,judge,batch"),
                    help="comma list of crawl (1 and 3), judge (2), batch (4)")
    ap.add_argument("--timeout", type=float, default=env_int("BENCH_TIMEOUT", 1200), help="limit per child, seconds")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    args = ap.parse_args()
    only = {x.strip() for x in args.only.split(",") if x.strip()}

    m = machine()
    table("Machine", [(k, str(v)) for k, v in m.items()], ("item", "value"))
    work = Path(tempfile.mkdtemp(prefix="gkaudit-bench-"))
    os.chmod(work, 0o755)
    say(f"work directory: {work}")
    t0 = time.perf_counter()
    try:
        if "crawl" in only:
            bench_crawl(args.pages, work, args.timeout)
        if "judge" in only:
            bench_judge(args.records, work, args.timeout)
        if "batch" in only:
            if args.batch_sites > 20:
                raise SystemExit("bench: at most 20 batch sites (127.0.0.2-127.0.0.21)")
            bench_batch(args.batch_sites, args.batch_pages, args.delay, work, args.timeout)
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    table(f"Summary (total {time.perf_counter() - t0:.0f} s; pages={args.pages}, records={args.records}, "
          f"batch={args.batch_sites}×{args.batch_pages})", ROWS, ("bench", "figure", "value", "target", "result"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
