"""What audit, recheck and demo share: options, printing the result, the exit code."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from reports import registry

from auditor.core.errors import ConfigError
from auditor.core.report import Report, is_unreachable
from auditor.core.rundir import REPORT_HTML, REPORT_JSON
from auditor.core.textsafe import terminal_safe

PRINT_JSON = "-"                     # --format … -: the report JSON alone on stdout


def report_formats(subject: registry.Subject = "report") -> tuple[str, ...]:
    """What --format accepts: every registered renderer of the subject, and "-"."""
    return registry.formats(subject) + (PRINT_JSON,)


def parse_formats(raw: str | list[str] | None, subject: registry.Subject = "report") -> tuple[str, ...]:
    """``--format`` as given (commas or spaces), each name checked against the registry."""
    parts = raw if isinstance(raw, list) else [raw or ""]
    chosen = tuple(f.strip() for part in parts for f in part.replace(" ", ",").split(",") if f.strip())
    unknown = [f for f in chosen if f not in report_formats(subject)]
    if unknown:
        raise ConfigError(f"未知的输出格式：{', '.join(unknown)}（可选：{', '.join(report_formats(subject))}）")
    return chosen


def format_help(subject: registry.Subject = "report") -> str:
    return "、".join(registry.formats(subject))


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def progress_wanted(args) -> bool:
    """A progress line only for a person at a terminal: not --quiet, not CI, not JSON on stdout."""
    if getattr(args, "quiet", False) or os.environ.get("CI"):
        return False
    if hasattr(args, "format") and print_mode(args) == "json":
        return False
    return sys.stderr.isatty()


def add_judging_arguments(p) -> None:
    p.add_argument("--profile", help="检查方案：national、market-regulation、fujian-market-regulation 或 YAML 文件路径")
    p.add_argument("--as-of", type=parse_date, help="以哪一天为“今天”（YYYY-MM-DD），用于可复现的检查；默认今天")
    p.add_argument("--format", nargs="+", default=["table,json,html"],
                   help=f"输出：{format_help()} 的组合（table 为终端表格），逗号或空格分隔；report.json 总会写出；"
                        "“-”表示把完整报告 JSON 打印到标准输出（标准输出不再有其他内容）")
    p.add_argument("--print", choices=("table", "json", "none"), default=None,
                   help="标准输出打印什么：table（默认）、json（完整报告）或 none")
    p.add_argument("--fail-under", type=float, default=None, help="得分低于此值时退出码为 1")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度和表格")


def formats_of(args) -> tuple[str, ...]:
    return parse_formats(args.format)


def print_mode(args) -> str:
    if PRINT_JSON in formats_of(args):
        return "json"
    if args.print:
        return args.print
    if args.quiet or "table" not in formats_of(args):
        return "none"
    return "table"


def emit(report: Report, run_dir: Path, args) -> None:
    mode = print_mode(args)
    if mode == "json":
        sys.stdout.write(registry.get("report", "json").render(report))
    elif mode == "table":
        print(terminal_safe(registry.get("report", "table").render(report)))
        shown = run_dir / REPORT_HTML if (run_dir / REPORT_HTML).exists() else run_dir / REPORT_JSON
        print(f"\n报告：{shown.resolve()}")


INTERRUPTED = 130        # the shell's code for Ctrl-C: the crawl was stopped, the report is marked so


def exit_code(report: Report, args) -> int:
    if report.crawl.finish_reason == "shutdown":
        return INTERRUPTED           # stopped by Ctrl-C: the report was written, marked interrupted
    if is_unreachable(report):
        return 3
    if report.score.veto:
        return 1
    if args.fail_under is not None and (report.score.total or 0) < args.fail_under:
        return 1
    return 0

