"""Reading a 政府信息公开工作年度报告: its year, its six sections, its section-三 table."""
from __future__ import annotations

import re

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NUMERALS = "一二三四五六七八九十"
_HEADING = re.compile(rf"^\s*([{_NUMERALS}]{{1,2}})\s*[、.．,，]\s*(.{{2,40}})")


def report_year(title: str | None) -> int | None:
    """2025 for "…2025年度政府信息公开工作年度报告" / "…2025年政府信息公开年报"."""
    m = _YEAR.search(title or "")
    return int(m.group(1)) if m else None


def section_headings(lines: list[str]) -> dict[str, str]:
    """Top-level headings "一、总体情况" … by their numeral (first occurrence of each)."""
    found: dict[str, str] = {}
    for line in lines:
        m = _HEADING.match(line)
        if m and len(line) <= 60 and m.group(1) not in found:
            found[m.group(1)] = line.strip()
    return found


def missing_sections(lines: list[str], sections: dict[str, list[str]]) -> list[str]:
    """Sections (numeral -> accepted keywords) with no matching heading, as "五、存在的主要问题…"."""
    headings = [line for line in lines if _HEADING.match(line) and len(line) <= 60]
    missing = []
    for numeral, words in sections.items():
        if not any(_HEADING.match(h).group(1) == numeral and any(w in h for w in words) for h in headings):
            missing.append(f"{numeral}、{words[0]}")
    return missing


# -- the section-三 table (国办公开办函〔2021〕30号 format) -------------------------------------
_NUMBER = re.compile(r"^\s*-?\d+\s*$")
ROW_KEYS = {
    "new": ("本年新收",),
    "carried_in": ("上年结转",),
    "total": ("总计",),
    "carried_out": ("结转下年度", "结转下年"),
}


def _numbers(row: list[str]) -> list[int]:
    return [int(c) for c in row if _NUMBER.match(c)]


def find_application_table(tables: list[list[list[str]]]) -> list[list[str]] | None:
    for grid in tables:
        text = "".join("".join(r) for r in grid)
        if "本年新收" in text and "结转" in text and "办理结果" in text:
            return grid
    return None


def application_rows(grid: list[list[str]]) -> dict[str, list[int]]:
    """Key rows of the table as their numeric cells (applicant columns then 总计)."""
    rows: dict[str, list[int]] = {}
    seen_results = False
    for row in grid:
        label = "".join(c for c in row if not _NUMBER.match(c))
        if "办理结果" in label:
            seen_results = True
        for key, words in ROW_KEYS.items():
            if key in rows or not any(w in label for w in words):
                continue
            if key == "total" and not seen_results:
                continue
            numbers = _numbers(row)
            if numbers:
                rows[key] = numbers
    return rows


def table_mismatches(grid: list[list[str]]) -> list[str]:
    """Sums that do not hold, in words: per column 一 + 二 = 三(总计) + 四; each row's 总计 = its parts."""
    rows = application_rows(grid)
    problems: list[str] = []
    if len(rows) < 4:
        return problems
    width = min(len(v) for v in rows.values())
    new, carried_in, total, carried_out = (rows[k][-width:] for k in ("new", "carried_in", "total", "carried_out"))
    for i in range(width):
        left, right = new[i] + carried_in[i], total[i] + carried_out[i]
        if left != right:
            problems.append(f"第 {i + 1} 列：本年新收 {new[i]} + 上年结转 {carried_in[i]} = {left}，"
                            f"而办理结果总计 {total[i]} + 结转下年度 {carried_out[i]} = {right}")
    for key, label in (("new", "本年新收"), ("carried_in", "上年结转"), ("total", "办理结果总计"),
                       ("carried_out", "结转下年度")):
        values = rows[key][-width:]
        if width >= 3 and sum(values[:-1]) != values[-1]:
            problems.append(f"“{label}”行：各类申请人合计 {sum(values[:-1])}，与总计 {values[-1]} 不符")
    return problems
