"""gkaudit dashboard at office scale: build time and output size. Not a test.

    .venv/bin/python bench/dashboard.py                    # 1,000 sites x 50 runs x 40 findings, 7 x 20 probes
    .venv/bin/python bench/dashboard.py --sites 200 --keep

Fills a temporary SQLite history store through bulk inserts (SQLAlchemy ``insert`` with lists of rows):
each site has ``--runs`` runs a week apart, each run ``--findings`` findings whose identities drift (every
run fixes one and adds one, so ages spread over the <30 / 30–90 / >90 day buckets), and ``--days`` days of
``--probes`` probes (about 4 % of them failed or slow). Every run names a run directory; the last five
of each site exist (report.html, diff.html: links), the older ones are gone (their paths as text), so
the build checks 2 files for each of the 50,000 runs. Then it times ``auditor.app.monitor.dashboard.build``
twice (a first build, then a rebuild over it) and prints rows, seconds, CPU seconds and the output's
size, with a yardstick of the machine's speed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from auditor.app.monitor.availability import CHINA  # noqa: E402
from auditor.app.monitor.dashboard import build  # noqa: E402
from auditor.app.monitor.schema import findings, probes, runs, sites  # noqa: E402
from auditor.app.monitor.store import Store  # noqa: E402

TARGET_S = 10.0           # "builds in seconds" for 1,000 sites x 50 runs
CODES = ("COL001", "GDE002", "RPT003", "INT001", "PEN001", "A11Y002", "ID004", "UPD002", "LNK001", "ERR002")
GRADES = ((90, "优秀"), (80, "良好"), (60, "合格"), (0, "不合格"))
AS_OF = dt.date(2026, 11, 20)
CHUNK = 50_000
KEPT_RUNS = 5             # each site's last runs keep their run directory (report.html, diff.html)


def grade(score: float, veto: bool) -> str:
    return "不合格" if veto else next(name for low, name in GRADES if score >= low)


def fill(store: Store, n_sites: int, n_runs: int, n_findings: int, days: int, per_day: int, root: Path) -> dict:
    rng = random.Random(7)
    site_rows = [{"id": i + 1, "url": f"http://www{i}.dept{i % 37}.example.gov.cn/",
                  "name": f"测试市第{i}局<b>&amp;"} for i in range(n_sites)]
    run_rows, finding_rows, probe_rows = [], [], []
    run_id = 0
    start = dt.datetime(2026, 11, 20, 2, tzinfo=CHINA) - dt.timedelta(weeks=n_runs - 1)
    for site in site_rows:
        base = rng.uniform(50, 95)
        for k in range(n_runs):
            run_id += 1
            score = round(min(100, max(0, base + rng.uniform(-8, 8))), 1)
            veto = rng.random() < 0.03
            folder = root / "runs" / f"site{site['id']}" / f"run{k}"
            if k >= n_runs - KEPT_RUNS:                 # the older run directories were deleted since
                folder.mkdir(parents=True)
                (folder / "report.html").write_text("<p>report</p>", encoding="utf-8")
                if k:
                    (folder / "diff.html").write_text("<p>diff</p>", encoding="utf-8")
            run_dir = str(folder)
            at = start + dt.timedelta(weeks=k)
            run_rows.append({"id": run_id, "site_id": site["id"], "kind": "batch", "recorded_at": at,
                             "as_of": at.date(), "profile": "national", "score": score, "grade": grade(score, veto),
                             "vetoes": ["AVL001"] if veto else [], "indicators": [], "run_dir": run_dir,
                             "batch": f"2026-w{k}"})
            for j in range(k, k + n_findings):           # every run fixes one identity and adds one
                finding_rows.append({"run_id": run_id, "code": CODES[j % len(CODES)], "url": f"/col/{j}/art{j}.html",
                                     "status": "fail", "message": f"第 {j} 条<script>alert(1)</script>"})
        first = AS_OF - dt.timedelta(days=days - 1)
        for d in range(days):
            for p in range(per_day):
                at = dt.datetime.combine(first + dt.timedelta(days=d), dt.time(), CHINA) + \
                    dt.timedelta(minutes=p * 1440 // per_day)
                bad = rng.random() < 0.04
                probe_rows.append({"site_id": site["id"], "at": at, "ok": not bad or rng.random() < 0.5,
                                   "status": 200, "error": None, "seconds": 16.0 if bad else rng.uniform(0.1, 3),
                                   "newest": None})
    with store.engine.begin() as conn:
        conn.execute(insert(sites), site_rows)
        for table, rows in ((runs, run_rows), (findings, finding_rows), (probes, probe_rows)):
            for i in range(0, len(rows), CHUNK):
                conn.execute(insert(table), rows[i:i + CHUNK])
    return store.counts()


def calibrate() -> float:
    """A yardstick for the machine's speed, to compare figures measured on other machines."""
    t0 = time.perf_counter()
    sum(range(10**8))
    return time.perf_counter() - t0


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--findings", type=int, default=40)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--probes", type=int, default=20, help="probes a day")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="gkaudit-bench-dashboard-"))
    try:
        store = Store.open(root / "history.sqlite")
        t0 = time.perf_counter()
        counts = fill(store, args.sites, args.runs, args.findings, args.days, args.probes, root)
        fill_s = time.perf_counter() - t0
        print("rows: " + ", ".join(f"{name} {n:,}" for name, n in counts.items()) + f" (filled in {fill_s:.1f} s)")
        for attempt in ("first build", "rebuild"):
            t0, cpu0 = time.perf_counter(), time.process_time()
            result = build(store, root / "dashboard", as_of=AS_OF)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
            n_files, size = folder_size(root / "dashboard")
            index = (root / "dashboard" / "index.html").stat().st_size
            print(f"{attempt}: {seconds:.2f} s wall, {cpu:.2f} s CPU (target {TARGET_S:g} s: "
                  f"{'PASS' if seconds <= TARGET_S else 'MISS'}); {result.sites:,} sites, {n_files:,} files, "
                  f"{size / 1e6:.1f} MB (index.html {index / 1e6:.2f} MB); "
                  + ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items()))
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
              f"sum(range(10**8)) takes {calibrate():.1f} s here")
        store.close()
    finally:
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
