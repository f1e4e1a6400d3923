"""Run one full gkaudit crawl (``auditor.crawl.crawl_site``) and report its cost.

``python bench/gk_crawl_child.py URL OUT_DIR MAX_PAGES RESULT.json [delay concurrency autothrottle]``.
This process starts exactly one child (``python -m spiders.run``), so RUSAGE_CHILDREN after it is
that crawl's peak RSS and CPU time.
"""
from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.crawl import CrawlOptions, crawl_site  # noqa: E402


def main(url: str, out_dir: str, max_pages: str, result: str) -> None:
    opts = CrawlOptions(max_pages=int(max_pages), autothrottle=False, concurrency_per_host=8, max_depth=50)
    t0 = time.perf_counter()
    summary = crawl_site(url, Path(out_dir), opts)
    wall = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = dt.datetime.fromisoformat(summary["started_at"])
    finished = dt.datetime.fromisoformat(summary["finished_at"])
    Path(result).write_text(json.dumps({
        "wall_seconds": wall, "crawl_seconds": (finished - started).total_seconds(),
        "pages": summary["pages"], "errors": summary["errors"], "skipped": summary["skipped"],
        "truncated": summary["truncated"], "finish_reason": summary["finish_reason"],
        "maxrss_kb": ru.ru_maxrss, "cpu_seconds": ru.ru_utime + ru.ru_stime,
        "pages_bytes": (Path(out_dir) / "pages.jsonl.gz").stat().st_size,
        "warc_bytes": (Path(out_dir) / "crawl.warc.gz").stat().st_size,
    }), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:5])
