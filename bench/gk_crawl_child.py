"""Run one full gkaudit crawl (``auditor.app.crawl.crawl_site``) and report its cost.

``python bench/gk_crawl_child.py URL OUT_DIR MAX_PAGES RESULT.json [delay concurrency autothrottle]``.
This process starts one crawl child (``python -m spiders.run``), which forks its extraction worker.
RUSAGE_CHILDREN after it gives their CPU time, and the peak RSS of the largest one only; the peak
of their sum (crawl + worker) is sampled from /proc every 0.2 s while they run.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.app.crawl import CrawlOptions, crawl_site  # noqa: E402


def tree_rss_kb(root: int) -> int:
    """Resident memory of every process below ``root`` (not root itself), summed."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip())
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    below, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in below}
        below |= frontier
    return sum(rss.get(pid, 0) for pid in below)


def main(url: str, out_dir: str, max_pages: str, result: str) -> None:
    opts = CrawlOptions(max_pages=int(max_pages), autothrottle=False, concurrency_per_host=8, max_depth=50)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_rss_kb(os.getpid()))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    summary = crawl_site(url, Path(out_dir), opts)
    wall = time.perf_counter() - t0
    done.set()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = dt.datetime.fromisoformat(summary["started_at"])
    finished = dt.datetime.fromisoformat(summary["finished_at"])
    Path(result).write_text(json.dumps({
        "wall_seconds": wall, "crawl_seconds": (finished - started).total_seconds(),
        "pages": summary["pages"], "errors": summary["errors"], "skipped": summary["skipped"],
        "truncated": summary["truncated"], "finish_reason": summary["finish_reason"],
        "maxrss_kb": ru.ru_maxrss, "tree_peak_rss_kb": peak[0], "cpu_seconds": ru.ru_utime + ru.ru_stime,
        "pages_bytes": (Path(out_dir) / "pages.jsonl.gz").stat().st_size,
        "warc_bytes": (Path(out_dir) / "crawl.warc.gz").stat().st_size,
    }), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:5])
