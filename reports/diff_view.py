"""The rectification view of a diff: terminal table, JSON and a self-contained HTML page."""
from __future__ import annotations

import json
from pathlib import Path

from tabulate import tabulate

from auditor.atomic import write_text
from auditor.diff import ReportDiff

from .html import environment
from .table import STATUS_WORDS


def _score(value) -> str:
    return "—" if value is None else f"{value:g}"


def render_table(d: ReportDiff) -> str:
    change = "" if d.score_change is None else f"（{d.score_change:+g}）"
    head = [f"网站：{d.site}",
            f"上次检查 {d.old_as_of}：{_score(d.old_score)} 分 {d.old_grade}　本次 {d.new_as_of}：{_score(d.new_score)} 分 "
            f"{d.new_grade}{change}",
            f"已整改 {d.fixed} 条　仍存在 {d.still} 条　新发现 {d.new} 条"]
    rows = []
    for r in d.rules:
        for label, findings in (("已整改", r.fixed), ("新发现", r.new), ("仍存在", r.still)):
            rows += [[r.code, label, f.url or "", _short(f.message)] for f in findings]
    body = tabulate(rows, headers=["规则", "变化", "网址", "问题"], tablefmt="simple") if rows else "两次检查结果相同。"
    return "\n".join(head + ["", body])


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_json(d: ReportDiff) -> str:
    return json.dumps(d.model_dump(mode="json"), ensure_ascii=False, indent=2)


def render_html(d: ReportDiff) -> str:
    return environment().get_template("diff.html.j2").render(diff=d, status_words=STATUS_WORDS)


def write(d: ReportDiff, out_dir: Path, formats=("json", "html")) -> None:
    if "json" in formats:
        write_text(out_dir / "diff.json", render_json(d) + "\n")
    if "html" in formats:
        write_text(out_dir / "diff.html", render_html(d))
