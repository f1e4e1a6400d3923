"""What audit, recheck and demo share: options, printing the result, the exit code."""
from __future__ import annotations

import sys
from pathlib import Path

from reports import table
from reports.json_report import to_json

from ..audit import is_unreachable
from ..report import Report

FORMATS = ("table", "json", "html", "junit", "-")


def add_judging_arguments(p) -> None:
    from ..cli import parse_date
    p.add_argument("--profile", help="检查方案：national、market-regulation、fujian-market-regulation 或 YAML 文件路径")
    p.add_argument("--as-of", type=parse_date, help="以哪一天为“今天”（YYYY-MM-DD），用于可复现的检查；默认今天")
    p.add_argument("--format", nargs="+", default=["table,json,html"],
                   help="输出：table（终端表格）、json、html、junit 的组合，逗号或空格分隔；report.json 总会写出；"
                        "“-”表示把完整报告 JSON 打印到标准输出（标准输出不再有其他内容）")
    p.add_argument("--print", choices=("table", "json", "none"), default=None,
                   help="标准输出打印什么：table（默认）、json（完整报告）或 none")
    p.add_argument("--fail-under", type=float, default=None, help="得分低于此值时退出码为 1")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度和表格")


def formats_of(args) -> tuple[str, ...]:
    raw = args.format if isinstance(args.format, list) else [args.format or ""]
    chosen = tuple(f.strip() for part in raw for f in part.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        from ..errors import ConfigError
        raise ConfigError(f"未知的输出格式：{', '.join(unknown)}（可选：{', '.join(FORMATS)}）")
    return chosen


def print_mode(args) -> str:
    if "-" in formats_of(args):
        return "json"
    if args.print:
        return args.print
    if args.quiet or "table" not in formats_of(args):
        return "none"
    return "table"


def emit(report: Report, run_dir: Path, args) -> None:
    mode = print_mode(args)
    if mode == "json":
        sys.stdout.write(to_json(report) + "\n")
    elif mode == "table":
        print(table.render(report))
        print(f"\n报告：{(run_dir / 'report.html').resolve() if (run_dir / 'report.html').exists() else (run_dir / 'report.json').resolve()}")


def exit_code(report: Report, args) -> int:
    if is_unreachable(report):
        return 3
    if report.score.veto:
        return 1
    if args.fail_under is not None and (report.score.total or 0) < args.fail_under:
        return 1
    return 0

