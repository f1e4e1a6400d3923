"""gkaudit recheck RUN_DIR: judge a stored crawl again, offline."""
from __future__ import annotations

from pathlib import Path

from auditor.app.audit import recheck
from auditor.app.commands.common import add_judging_arguments, emit, exit_code, formats_of


def add_arguments(p) -> None:
    p.add_argument("run_dir", type=Path, help="gkaudit audit 写出的运行目录")
    add_judging_arguments(p)
    p.add_argument("--out", type=Path, help="报告写到哪里（默认 RUN_DIR/recheck/<时间>/，原报告保持不变）")


def run(args) -> int:
    report, out_dir = recheck(args.run_dir, profile_name=args.profile, as_of=args.as_of,
                              formats=formats_of(args), debug=args.debug, out_dir=args.out)
    emit(report, out_dir, args)
    return exit_code(report, args)
