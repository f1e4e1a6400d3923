"""gkaudit notice RUN_DIR: the 整改通知 to the audited agency, as DOCX and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

from auditor.app.commands.common import parse_date
from auditor.app.notice.content import DEFAULT_DEADLINE_DAYS, DEFAULT_OFFICE, Notice, build_notice
from auditor.core import runlock
from auditor.core.atomic import write_bytes
from auditor.core.diff import load_report
from auditor.core.errors import ConfigError
from auditor.core.rundir import NOTICE_DOCX, NOTICE_PDF
from auditor.core.textsafe import terminal_safe

FILES = {"docx": NOTICE_DOCX, "pdf": NOTICE_PDF}      # --format -> the file written


def _render(fmt: str, notice: Notice) -> bytes:
    """The writers are imported when used: every gkaudit command builds this command's parser."""
    if fmt == "docx":
        from auditor.app.notice import docx_writer
        return docx_writer.render(notice)
    from auditor.app.notice import pdf_writer
    return pdf_writer.render(notice)


def add_arguments(p) -> None:
    p.add_argument("run_dir", type=Path, help="gkaudit audit 写出的运行目录（或其中的 report.json）")
    p.add_argument("--format", default="docx,pdf", help="docx、pdf 的组合，逗号分隔（默认两者都生成）")
    p.add_argument("--deadline", type=parse_date,
                   help=f"整改期限（YYYY-MM-DD）；默认为检查日期后 {DEFAULT_DEADLINE_DAYS} 日。"
                        "这是检查单位自行确定的期限，本工具的默认值不是法定期限")
    p.add_argument("--out", type=Path, help="通知写到哪里（默认：运行目录）")
    p.add_argument("--office", help=f"发文的检查单位（上级主管部门）名称，用于落款；默认“{DEFAULT_OFFICE}”")


def parse_notice_formats(raw: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip() for f in raw.replace(" ", ",").split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FILES]
    if unknown or not chosen:
        raise ConfigError(f"未知的通知格式：{', '.join(unknown) or '（空）'}（可选：{', '.join(FILES)}）")
    return chosen


def run(args) -> int:
    formats = parse_notice_formats(args.format)
    run_dir = Path(args.run_dir)
    if not run_dir.exists():
        raise ConfigError(f"找不到运行目录：{run_dir}")
    notice = build_notice(load_report(run_dir), deadline=args.deadline, office=args.office)
    if "pdf" in formats:
        from auditor.app.notice.pdf_writer import chromium
        chromium()                     # no browser: say so before writing anything
    out = args.out or (run_dir if run_dir.is_dir() else run_dir.parent)
    with runlock.hold(out):
        for fmt in formats:
            write_bytes(out / FILES[fmt], _render(fmt, notice))
            print(terminal_safe(f"已写出：{out / FILES[fmt]}"))
    if args.deadline is None:
        print(terminal_safe(f"整改期限未指定，按检查日期后 {DEFAULT_DEADLINE_DAYS} 日填写为 "
                            f"{notice.deadline.isoformat()}"
                            "；这是本工具的默认值，不是法定期限，可用 --deadline 指定"), file=sys.stderr)
    return 0
