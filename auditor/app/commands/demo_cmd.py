"""gkaudit demo: serve the bundled sample site on loopback and audit it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditor.app.monitor.recording import HistoryOptions
from auditor.app.audit import AuditOptions, audit_site
from auditor.app.crawl import CrawlOptions
from auditor.app.commands.common import emit, exit_code, formats_of, progress_wanted
from auditor.app.demo.server import SampleSite, demo_settings
from auditor.core.rundir import DEMO_RUNS, RUNS_ROOT


VARIANT_WORDS = {"planted": "含预置问题", "clean": "整改后", "sparse": "改版后缺项"}


def add_arguments(p) -> None:
    p.add_argument("--clean", action="store_true", help="检查没有问题的“整改后”版本")
    p.add_argument("--variant", choices=("planted", "clean", "sparse"), help="示例网站的版本（默认 planted）")
    p.add_argument("--out", type=Path, help="运行目录（默认 ./gkaudit-runs/demo/<时间>/）")
    p.add_argument("--print", choices=("table", "json", "none"), default=None)
    p.add_argument("--quiet", "-q", action="store_true")
    p.add_argument("--format", nargs="+", default=["table,json,html,junit"])
    p.add_argument("--fail-under", type=float, default=None)


def run(args) -> int:
    demo = demo_settings()
    variant = args.variant or ("clean" if args.clean else "planted")
    out = args.out or Path(RUNS_ROOT) / DEMO_RUNS / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{variant}"
    with SampleSite(variant) as site:
        if not args.quiet and args.print != "json":
            print(f"示例网站（{VARIANT_WORDS[variant]}）：{site.url}")
        opts = AuditOptions(
            profile=demo["profile"], as_of=dt.date.fromisoformat(str(demo["as_of"])), out_dir=out,
            formats=formats_of(args), site_name=demo["name"], level=demo["level"],
            crawl=CrawlOptions(max_pages=1000, progress=progress_wanted(args), autothrottle=False,
                               concurrency_per_host=8),
            history=HistoryOptions(enabled=False))     # a loopback site on a new port each time: not one to watch
        report, run_dir = audit_site(site.url, opts)
    emit(report, run_dir, args)
    # the demo is a showcase: its planted problems are expected, so only --fail-under or a
    # crawl failure changes the exit code
    code = exit_code(report, args)
    return 0 if code == 1 and args.fail_under is None else code
