"""gkaudit diff OLD NEW: the rectification view between two audits."""
from __future__ import annotations

import sys
from pathlib import Path

from reports import registry

from auditor.app.commands.common import PRINT_JSON, format_help, parse_formats
from auditor.core.diff import check_same_site, diff_reports, load_report
from auditor.core.textsafe import terminal_safe


def add_arguments(p) -> None:
    p.add_argument("old", help="上次检查的 report.json 或运行目录")
    p.add_argument("new", help="本次检查的 report.json 或运行目录")
    p.add_argument("--format", default="table,json,html",
                   help=f"{format_help('diff')} 的组合（table 为终端表格）；“-”表示只把 JSON 打印到标准输出")
    p.add_argument("--out", type=Path, help="diff.json / diff.html 写到哪里（默认：本次报告所在目录）")
    p.add_argument("--fail-on-new", action="store_true", help="有新发现的问题时退出码为 1")
    p.add_argument("--different-sites", action="store_true",
                   help="两份报告的网站不同（如更换了域名）时仍然对比")


def run(args) -> int:
    formats = parse_formats(args.format, "diff")
    old, new = load_report(args.old), load_report(args.new)
    check_same_site(old.site.url, new.site.url, args.different_sites)
    d = diff_reports(old, new)
    new_path = Path(args.new)
    out = args.out or (new_path if new_path.is_dir() else new_path.parent)
    if PRINT_JSON in formats:
        sys.stdout.write(registry.get("diff", "json").render(d))
    else:
        registry.write_files("diff", d, out, formats)
        if "table" in formats:
            print(terminal_safe(registry.get("diff", "table").render(d)))
    return 1 if args.fail_on_new and d.new_findings else 0
