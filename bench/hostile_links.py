"""The outside tester's memory case (issue 18): an audit of a site whose every page carries 10,000
links, stopped at --max-pages. Prints the audit's peak memory (the high-water marks of all its
processes, summed, measured as tests/test_hostile_limits.py measures) and its time, per process.

    .venv/bin/python bench/hostile_links.py                 # 150 pages of 10,000 links
    .venv/bin/python bench/hostile_links.py --pages 12 --links 10000

Target: under 500 MB summed (issue 18). Only loopback is contacted.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import RouteServer  # noqa: E402
from tests.test_hostile_limits import LIMIT_MB, _linky_site, audit_args, run_measured  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--links", type=int, default=10_000, help="links on every page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gkaudit-bench-links-") as tmp, RouteServer(_linky_site(args.links)) as srv:
        out = Path(tmp) / "run"
        run = run_measured(audit_args(srv.url, out, "--max-pages", str(args.pages), "--ignore-robots"), timeout=1800)
    verdict = "PASS" if run.peak_mb < LIMIT_MB and not run.killed else "MISS"
    print(f"{args.pages} pages x {args.links} links: exit {run.code}, {run.elapsed:.1f} s, "
          f"peak {run.peak_mb:.0f} MB summed (target < {LIMIT_MB} MB) {verdict}")
    print("per process (MB):", ", ".join(f"{mb:.0f}" for mb in run.per_process_mb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
