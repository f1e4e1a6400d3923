"""The batch summary: a ranking of all sites as terminal table, CSV, XLSX and a sortable HTML page,
each a renderer of the ``ranking`` subject (``reports.registry``)."""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from tabulate import tabulate
from wcwidth import wcswidth

from auditor.core.batch import Outcome, RowError
from auditor.core.rundir import REPORT_HTML, SUMMARY_CSV, SUMMARY_HTML, SUMMARY_XLSX
from auditor.core.textsafe import cell_safe

from reports.html import environment
from reports.registry import renderer

LEVEL_WORDS = {"department": "部门", "government": "政府", None: ""}


@dataclass
class Row:
    rank: int | None
    name: str
    url: str
    level: str
    score: float | None
    grade: str
    veto: str
    losses: dict[str, float]
    pages: int | None
    errors: int | None
    report: str | None
    note: str


@dataclass
class Ranking:
    """What the ranking renderers render: one row per site, the CSV rows refused, the page title."""
    rows: list[Row]
    errors: list[RowError]
    title: str
    columns: list[str]          # the indicators (一级指标) whose points each site lost, as the score counts them
    copies: list = field(default_factory=list)     # RPT006 across sites: auditor.app.batch.copies.CopyPair

    @property
    def headers(self) -> list[str]:
        return HEAD + [f"{c}扣分" for c in self.columns] + TAIL


HEAD = ["排名", "网站名称", "网址", "层级", "得分", "等级", "单项否决"]
TAIL = ["抓取页面", "抓取错误", "报告", "说明"]


def rows_of(outcomes: list[Outcome], out: Path) -> list[Row]:
    def key(o: Outcome):        # SPEC §5.4: a vetoed site ranks below every site without a veto
        return (not o.rated, bool(o.report.score.veto) if o.rated else True,
                -(o.report.score.total or 0) if o.rated else 0, o.site.line)
    rows, rank = [], 0
    for o in sorted(outcomes, key=key):
        r = o.report
        # each indicator's loss as the score counts it: capped at the indicator's value (SPEC §5)
        losses = {i.name: i.lost for i in r.score.indicators} if r is not None else {}
        if o.rated:
            rank += 1
        report_file = o.run_dir / REPORT_HTML
        rows.append(Row(
            rank=rank if o.rated else None, name=o.site.name, url=o.site.url,
            level=LEVEL_WORDS.get((r.site.level if r else o.site.level), ""),
            score=r.score.total if o.rated else None, grade=r.score.grade if r else "无法评定",
            veto="、".join(r.score.veto) if r else "", losses=losses,
            pages=r.crawl.pages if r else None, errors=r.crawl.errors if r else None,
            report=os.path.relpath(report_file, out) if report_file.exists() else None,
            note=o.reason or ("沿用上次结果" if o.reused else "")))
    return rows


def _cells(row: Row, columns: list[str]) -> list:
    """One row's cells, every text neutralised as a formula and cleaned for XML (site names, URLs and
    notes come from the user's list and from crawled sites)."""
    cells = [row.rank or "", row.name, row.url, row.level, "" if row.score is None else row.score, row.grade,
             row.veto] + [row.losses.get(c) or "" for c in columns] + \
        [row.pages if row.pages is not None else "", row.errors if row.errors is not None else "",
         row.report or "", row.note]
    return [cell_safe(c) for c in cells]


def ranking(outcomes: list[Outcome], errors: list[RowError], out: Path, title: str, copies=()) -> Ranking:
    columns = list(dict.fromkeys(i.name for o in outcomes if o.report is not None for i in o.report.score.indicators))
    return Ranking(rows_of(outcomes, out), errors, title, columns, list(copies))


def copy_lines(r: Ranking) -> list[str]:
    """RPT006 across sites, in words: one line a pair."""
    return [f"年报雷同：{c.site_a}（{c.url_a}）与 {c.site_b}（{c.url_b}），正文相似度 {c.score:.0%}" for c in r.copies]


@renderer("table", subject="ranking")
def render_table(r: Ranking) -> str:
    table = tabulate([[row.rank or "—", row.name, "—" if row.score is None else f"{row.score:g}", row.grade,
                       row.veto, row.pages if row.pages is not None else "—", row.note[:40]] for row in r.rows],
                     headers=["排名", "网站", "得分", "等级", "否决", "页面", "说明"], tablefmt="simple")
    bad = [f"第 {e.line} 行未检查：{e.reason}" for e in r.errors]
    return "\n".join([table] + bad + copy_lines(r))


@renderer("csv", subject="ranking", filename=SUMMARY_CSV)
def render_csv(r: Ranking) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(r.headers)
    writer.writerows(_cells(row, r.columns) for row in r.rows)
    return "\ufeff" + buffer.getvalue()                 # a BOM so Excel reads it as UTF-8


@renderer("xlsx", subject="ranking", filename=SUMMARY_XLSX)
def render_xlsx(r: Ranking) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = "排名"
    ws.append(r.headers)
    for row in r.rows:
        ws.append(_cells(row, r.columns))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"          # text, never a formula, whatever it begins with
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(vertical="center", wrap_text=False)
    ws.freeze_panes = "A2"
    for col in ws.columns:
        width = max(wcswidth(str(c.value)) if c.value is not None else 0 for c in col)
        ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 6), 60)
    data = io.BytesIO()
    wb.save(data)
    return data.getvalue()


@renderer("html", subject="ranking", filename=SUMMARY_HTML)
def render_html(r: Ranking) -> str:
    return environment().get_template("summary.html.j2").render(
        rows=r.rows, errors=r.errors, families=r.columns, title=r.title, copies=r.copies)
