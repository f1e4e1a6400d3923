"""Reading a 政府信息公开工作年度报告: its year, its six sections, its section-三 table."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:度|政府|信息公开|政务公开)")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NOT_REPORT = re.compile(r"(?:的说明|的通知|解读|公告|征求意见|工作要点|统计表)$")
_NUMERALS = "一二三四五六七八九十"
# 一、总体情况 | 一．… | 一 … | 一：… | （一）… | 第一部分 …  — the heading text runs to the first 。 or ：
_HEADING = re.compile(rf"^\s*(?:第([{_NUMERALS}]{{1,2}})部分|[（(]([{_NUMERALS}]{{1,2}})[）)]|([{_NUMERALS}]{{1,2}})\s*[、.．:：\s])"
                      r"\s*([^。：:]{2,40})")


def report_year(title: str | None) -> int | None:
    """2025 for "…2025年度政府信息公开工作年度报告" / "…2025年政府信息公开年报"; None for a
    notice about a report ("…年度报告的说明")."""
    title = (title or "").strip()
    if _NOT_REPORT.search(title):
        return None
    m = _YEAR.search(title) or _ANY_YEAR.search(title)
    return int(m.group(1)) if m else None


# a line of the site's footer (what the page template adds below the report)
_FOOTER_LINE = re.compile(r"网站标识码|ICP备|公网安备|主办单位|版权所有|Copyright|©")
_FOOTER_WITHIN = 15          # the footer sits among the page's last lines


_TEMPLATE_LINE_MAX = 60      # template lines (navigation, 相关链接, footer) are short; a report's prose is not


def template_lines(texts: Iterable[str]) -> set[str]:
    """Short lines that recur on two or more of a site's pages (reports included): its page template's.
    A copied report's short lines go too; its paragraphs, longer than that, stay and are compared."""
    seen: Counter = Counter()
    for text in texts:
        seen.update({line.strip() for line in (text or "").split("\n") if 0 < len(line.strip()) <= _TEMPLATE_LINE_MAX})
    return {line for line, n in seen.items() if n >= 2}


def report_body(text: str | None, headline: str | None, template: set[str] | frozenset = frozenset()) -> str:
    """The report itself, from a report page's kept text: after the line that shows its headline,
    before the site's footer, without the site's ``template`` lines — the page template's navigation,
    information table, related links and footer are the same on every report of a site and would make
    two honest years look alike."""
    lines = [line for line in (text or "").split("\n") if line.strip() not in template]
    title = (headline or "").strip()
    start = next((i for i, line in enumerate(lines) if title and line.strip() == title), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if title and title in line), -1)
    tail = max(start + 1, len(lines) - _FOOTER_WITHIN)
    end = next((j for j in range(tail, len(lines)) if _FOOTER_LINE.search(lines[j])), len(lines))
    return "\n".join(lines[start + 1:end])


def _headings_by_style(lines: list[str]) -> list[list[tuple[str, str]]]:
    """(numeral, heading text) per numbering style: 一、 / 第一部分 / （一）."""
    by_style: dict[int, list[tuple[str, str]]] = {3: [], 1: [], 2: []}
    for line in lines:
        m = _HEADING.match(line)
        if m:
            style = next(i for i in (1, 2, 3) if m.group(i))
            by_style[style].append((m.group(style), m.group(4)))
    return list(by_style.values())


def missing_sections(lines: list[str], sections: dict[str, list[str]]) -> list[str]:
    """Sections (numeral -> accepted keywords) with no matching heading, as "五、存在的主要问题…".

    Headings count in whichever numbering style the report uses for its top level (一、 （一）
    第一部分 一．) — the style under which the fewest sections are missing, never a mix — and when
    a heading shares its paragraph with the text that follows it."""
    best: list[str] | None = None
    for headings in _headings_by_style(lines):
        missing = [f"{numeral}、{words[0]}" for numeral, words in sections.items()
                   if not any(n == numeral and any(w in text for w in words) for n, text in headings)]
        if best is None or len(missing) < len(best):
            best = missing
    return best or []


# -- the section-三 table (国办公开办函〔2021〕30号 format) -------------------------------------
_NUMBER = re.compile(r"^\s*-?\d+\s*$")
_BLANK = re.compile(r"^\s*(?:[-—－/／]|无)?\s*$")


def find_application_table(tables: list[list[list[str]]]) -> list[list[str]] | None:
    for grid in tables:
        text = "".join("".join(r) for r in grid)
        if "本年新收" in text and "结转" in text and "办理结果" in text:
            return grid
    return None


@dataclass
class ApplicationTable:
    columns: list[str]                      # applicant columns, 总计 last
    new: list[int] | None = None            # 一、本年新收
    carried_in: list[int] | None = None     # 二、上年结转
    results: list[list[int]] = field(default_factory=list)   # the rows of 三 (（一）…（六）and their items)
    total: list[int] | None = None          # 三's （七）总计
    carried_out: list[int] | None = None    # 四、结转下年度继续办理


def _value(cell: str) -> int | None:
    """A count; a blank cell (or — / 无) is 0, any other text is no count."""
    if _NUMBER.match(cell):
        return int(cell)
    return 0 if _BLANK.match(cell) else None


def _columns(grid: list[list[str]]) -> tuple[int, int, list[str]] | None:
    """(first, last, names) of the applicant columns, from the header row naming 自然人."""
    for h, row in enumerate(grid[:6]):
        if "自然人" in row:
            first = row.index("自然人")
            last = max(i for i, c in enumerate(row) if "总计" in c) if any("总计" in c for c in row) else len(row) - 1
            names = []
            for col in range(first, last + 1):
                sub = next((r[col] for r in grid[h + 1:h + 3] if col < len(r) and r[col] and not _NUMBER.match(r[col])
                            and r[col] != row[col]), None)
                names.append(sub or row[col] if col < len(row) else str(col))
            return first, last, names
    return None


def parse_application_table(grid: list[list[str]]) -> ApplicationTable | None:
    found = _columns(grid)
    if found is None:
        return None
    first, last, names = found
    table = ApplicationTable(columns=names)
    in_results = False
    for row in grid:
        if len(row) <= last:
            continue
        values = [_value(c) for c in row[first:last + 1]]
        if any(v is None for v in values):
            continue                                     # a header or label row
        label = "".join(dict.fromkeys(row[:first]))      # merged label cells repeat: keep each once
        if "本年新收" in label:
            table.new = values
        elif "上年结转" in label:
            table.carried_in = values
        elif "结转下年度" in label or "结转下年" in label:
            table.carried_out = values
        elif "总计" in label and in_results:
            table.total = values
            in_results = False
        elif "办理结果" in label or in_results:
            in_results = True
            table.results.append(values)
    return table


def table_mismatches(grid: list[list[str]]) -> list[str]:
    """Sums that do not hold, in words: per applicant column 一 + 二 = 三（七）总计 + 四; the 总计 of 三
    equals the sum of its rows; each row's 总计 column equals the applicant columns."""
    t = parse_application_table(grid)
    if t is None or None in (t.new, t.carried_in, t.total, t.carried_out):
        return []
    problems: list[str] = []
    for i, name in enumerate(t.columns):
        left, right = t.new[i] + t.carried_in[i], t.total[i] + t.carried_out[i]
        if left != right:
            problems.append(f"“{name}”列：本年新收 {t.new[i]} + 上年结转 {t.carried_in[i]} = {left}，"
                            f"而办理结果总计 {t.total[i]} + 结转下年度 {t.carried_out[i]} = {right}")
        if t.results:
            parts = sum(r[i] for r in t.results)
            if parts != t.total[i]:
                problems.append(f"“{name}”列：办理结果各项之和 {parts}，与（七）总计 {t.total[i]} 不符")
    for label, values in (("本年新收", t.new), ("上年结转", t.carried_in), ("办理结果总计", t.total),
                          ("结转下年度", t.carried_out)):
        if len(values) >= 3 and sum(values[:-1]) != values[-1]:
            problems.append(f"“{label}”行：各类申请人合计 {sum(values[:-1])}，与总计 {values[-1]} 不符")
    return problems


# -- tables 二 and 四 (国办公开办函〔2021〕30号 format) -----------------------------------------
# 表四's three groups, five columns each: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
REVIEW_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
REVIEW_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def find_review_table(tables: list[list[list[str]]]) -> list[list[str]] | None:
    for grid in tables:
        text = "".join("".join(r) for r in grid)
        if "行政复议" in text and "行政诉讼" in text and "维持" in text:
            return grid
    return None


def review_counts(grid: list[list[str]]) -> list[list[int]] | None:
    """表四's counts as three groups of five; None when the table is not laid out as the format's
    one row of fifteen counts (a transposed or image-only table is not guessed at)."""
    rows = []
    for row in grid:
        values = [_value(c) for c in row]
        if values and all(v is not None for v in values) and any(_NUMBER.match(c) for c in row):
            rows.append(values)
    if len(rows) != 1 or len(rows[0]) != len(REVIEW_GROUPS) * len(REVIEW_COLUMNS):
        return None
    width = len(REVIEW_COLUMNS)
    return [rows[0][i:i + width] for i in range(0, len(rows[0]), width)]


def review_mismatches(groups: list[list[int]]) -> list[str]:
    """表四: in each group, 维持 + 纠正 + 其他 + 尚未审结 = 总计."""
    problems = []
    for name, values in zip(REVIEW_GROUPS, groups):
        parts, total = values[:-1], values[-1]
        if sum(parts) != total:
            terms = " + ".join(f"{label} {v}" for label, v in zip(REVIEW_COLUMNS, parts))
            problems.append(f"表四“{name}”：{terms} = {sum(parts)}，而总计为 {total}")
    return problems


def find_documents_table(tables: list[list[list[str]]]) -> list[list[str]] | None:
    for grid in tables:
        text = "".join("".join(r) for r in grid)
        if "本年制发件数" in text and "现行有效件数" in text:
            return grid
    return None


def document_counts(grid: list[list[str]]) -> dict[str, tuple[int, int, int]]:
    """表二 第二十条第（一）项: {规章 | 行政规范性文件: (本年制发, 本年废止, 现行有效)} for the rows read."""
    found = {}
    for row in grid:
        if not row:
            continue
        label = row[0].replace(" ", "")
        values = [_value(c) for c in row[1:]]
        if label in ("规章", "行政规范性文件", "规范性文件") and len(values) >= 3 and None not in values[:3]:
            found[label] = tuple(values[:3])
    return found


def document_mismatches(counts: dict[str, tuple[int, int, int]]) -> list[str]:
    """表二: what is in force now is at least what was made this year less what was repealed this
    year (现行有效 = 上年现行有效 + 本年制发 − 本年废止, and 上年现行有效 ≥ 0)."""
    problems = []
    for label, (issued, repealed, in_force) in counts.items():
        if in_force < issued - repealed:
            problems.append(f"表二“{label}”：本年制发 {issued} 件、本年废止 {repealed} 件，"
                            f"现行有效却只有 {in_force} 件（至少应为 {issued - repealed} 件）")
    return problems
