"""Judge one stored snapshot with one profile and report time and peak memory.

``python bench/judge_child.py RUN_DIR PROFILE AS_OF RESULT.json [--profile-out FILE.prof]``.
Run in a fresh process so VmHWM (peak RSS) belongs to this judging alone.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.app.audit import judge_run  # noqa: E402
from auditor.app.profiles import load_profile  # noqa: E402


def status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main(run_dir: str, profile_name: str, as_of: str, result: str, prof_out: str | None = None) -> None:
    profile = load_profile(profile_name)
    before = status_kb("VmRSS")
    summary_path = Path(run_dir) / "crawl.json"       # as the crawl writes it (see snapshot_gen)
    summary = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.exists() else None
    t0 = time.perf_counter()
    if prof_out:
        import cProfile
        cProfile.runctx("report = judge_run(Path(run_dir), profile, dt.date.fromisoformat(as_of), "
                        "site_name='bench', level=profile.level, summary=summary)",
                        globals(), locals() | {"Path": Path, "dt": dt}, prof_out)
        report = None
    else:
        report = judge_run(Path(run_dir), profile, dt.date.fromisoformat(as_of), site_name="bench",
                           level=profile.level, summary=summary)
    seconds = time.perf_counter() - t0
    out = {"profile": profile_name, "seconds": seconds, "rss_before_kb": before,
           "vmhwm_kb": status_kb("VmHWM")}
    if report is not None:
        out["score"] = report.score.total
        out["grade"] = report.score.grade
        out["results"] = len(report.results)
        out["findings"] = sum(len(r.findings) for r in report.results)
    Path(result).write_text(json.dumps(out, ensure_ascii=False, default=str), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    prof = None
    if "--profile-out" in args:
        i = args.index("--profile-out")
        prof = args[i + 1]
        del args[i:i + 2]
    main(*args, prof_out=prof)
