"""The rectification view of a diff: terminal table, JSON and a self-contained HTML page."""
from __future__ import annotations

import json

from tabulate import tabulate

from auditor.core.diff import ReportDiff
from auditor.core.rundir import DIFF_HTML, DIFF_JSON

from reports.html import environment
from reports.registry import renderer
from reports.table import STATUS_WORDS


def _score(value) -> str:
    return "—" if value is None else f"{value:g}"


@renderer("table", subject="diff")
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


@renderer("json", subject="diff", filename=DIFF_JSON)
def render_json(d: ReportDiff) -> str:
    return json.dumps(d.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@renderer("html", subject="diff", filename=DIFF_HTML)
def render_html(d: ReportDiff) -> str:
    return environment().get_template("diff.html.j2").render(diff=d, status_words=STATUS_WORDS)

