"""行政处罚 entries of a penalty page (SPEC §4 ``penalty``).

Two table layouts carry them. The 信息公开表 of many regulators is a grid: a header row
(序号, 当事人名称, 行政处罚决定书文号, 主要违法违规行为, 行政处罚内容, 作出决定机关) and one row per
party, with shared cells spanning rows. The older form is a label/value table (行政处罚决定书文号 |
…, 被处罚当事人 | …, 作出处罚决定的日期 | …) holding one entry. The header words are data
(``penalty_columns`` in markers.yaml). A field the page leaves empty, or fills with unrendered
template residue (``{{data.remark2}}``), stays None: no date is invented.
"""
from __future__ import annotations

import re

from auditor.core.models import PenaltyItem
from auditor.core.extract.dates import parse_date
from auditor.core.extract.docinfo import DOC_NUMBER, SIGNING_BODY_ENDS, find_doc_number
from auditor.core.extract.markers import MARKERS
from auditor.core.extract.tables import table_grid

_COLUMNS: dict[str, list[str]] = MARKERS["penalty_columns"]
_RESIDUE = re.compile(r"\{\{.*?\}\}|\$\{.*?\}|<%.*?%>")
_EMPTY = {"", "无", "暂无", "-", "--", "/", "—", "——", "null", "none", "undefined"}
_MAX_CELL = 2000
_SIGNED = re.compile(r"\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s*$")


def field_of(header: str) -> str | None:
    """The PenaltyItem field a header or label cell names, or None."""
    bare = re.sub(r"\s+", "", header)
    if not bare or len(bare) > 30:
        return None
    for field, words in _COLUMNS.items():
        if any(w in bare for w in words):
            return field
    return None


def _value(text: str) -> str | None:
    text = _RESIDUE.sub("", text or "").strip()
    return None if text.lower() in _EMPTY else text[:_MAX_CELL]


def _item(values: dict[str, str | None]) -> PenaltyItem | None:
    values = {k: v for k, v in values.items() if v}
    if "doc_number" not in values:      # a column headed 行政处罚决定书 that holds the 文号 itself
        moved = next((k for k, v in values.items() if k != "basis" and DOC_NUMBER.fullmatch(v.strip())), None)
        if moved:
            values["doc_number"] = values.pop(moved)
    authority = values.get("authority")
    if authority and (signed := _SIGNED.search(authority)):    # 作出处罚的机关名称和日期 in one cell
        values.setdefault("decided", signed.group(1))
        values["authority"] = re.sub(r"\s+", "", authority[:signed.start()]) or authority
    if not values.keys() & {"doc_number", "party", "decision", "violation"}:
        return None
    for date_field in ("decided", "published"):
        if date_field in values:
            values[date_field] = parse_date(values[date_field])
    values = {k: v for k, v in values.items() if v}
    if "doc_number" in values:
        values["doc_number"] = find_doc_number(values["doc_number"]) or values["doc_number"]
    return PenaltyItem(**values)


def _grid_items(grid: list[list[str]]) -> list[PenaltyItem]:
    """Rows of a penalty table: a header naming three fields (文号 or 当事人 among them) and the
    penalty itself (a 处罚 or 违法 column) — a 行政许可 or 抽查 table has 文号, 相对人 and 依据 too."""
    for h, header in enumerate(grid[:3]):
        columns = {i: field_of(text) for i, text in enumerate(header)}
        fields = {f for f in columns.values() if f}
        said = "".join(header)
        if len(fields) >= 3 and fields & {"doc_number", "party"} and re.search(r"处罚|违法|案由", said) \
                and not any(word in said for word in _NOT_PENALTY_LABELS):
            break
    else:
        return []
    items = []
    for row in grid[h + 1:]:
        values: dict[str, str | None] = {}
        for i, text in enumerate(row):
            field = columns.get(i)
            if field and not values.get(field):
                values[field] = _value(text)
        item = _item(values)
        if item is not None:
            item.columns = sorted(fields)
            items.append(item)
    return items


def _label_items(grid: list[list[str]]) -> list[PenaltyItem]:
    values: dict[str, str | None] = {}
    for row in grid:
        cells = [c for c in row if c.strip()]
        if len(cells) >= 2:
            field = field_of(cells[0])
            if field and not values.get(field):
                values[field] = _value(cells[-1])
    if len([v for v in values.values() if v]) < 2:
        return []
    item = _item(values)
    return [item] if item else []


_NOT_PENALTY_LABELS = ("许可", "抽查", "检查结果", "招聘", "录用", "报名")
_LABEL_LINE = re.compile(r"^\s*([^：:\n]{2,20}?)\s*[：:]\s*(\S.*?)\s*$")


def labelled_rows(lines: list[str]) -> list[list[str]]:
    """``label：value`` lines (paragraphs or ``<br>`` lines) whose label names a penalty field: the
    信息公示 layout of 总局令第45号 (行政处罚决定书文号：…, 当事人：…, 作出处罚决定的日期：…)."""
    rows = []
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and field_of(m.group(1)):
            rows.append([m.group(1), m.group(2)])
    return rows


def labelled_items(lines: list[str]) -> list[PenaltyItem]:
    """The decisions a page gives as labelled lines: a 公示 of one period lists several, each from its
    文号 (or 当事人) label to the next one's."""
    blocks: list[list[list[str]]] = [[]]
    seen: set[str | None] = set()
    for row in labelled_rows(lines):
        field = field_of(row[0])
        if field in ("doc_number", "party") and field in seen:
            blocks.append([])
            seen = set()
        seen.add(field)
        blocks[-1].append(row)
    return [item for block in blocks for item in _label_items(block)]


def labelled_fields(lines: list[str]) -> int:
    """How many distinct penalty fields the page gives as labelled lines (what marks a 公示 page):
    0 unless some label names the penalty itself (处罚…, 违法…), and for a 许可 or 抽查 公示 or a
    recruitment notice, whose labels look alike; 文号 and 发布日期 do not count (any document has them)."""
    labels = [label for label, _ in labelled_rows(lines[:200])]
    if not any(re.search(r"处罚|违法", label) for label in labels) or \
            any(word in label for label in labels for word in _NOT_PENALTY_LABELS):
        return 0
    return len({field_of(label) for label in labels} - {"doc_number", "published"})


def extract_penalties(root) -> list[PenaltyItem]:
    """Every penalty entry in the page's tables, each once (rendered pages repeat the table)."""
    items: list[PenaltyItem] = []
    seen: set[tuple] = set()
    for table in root.iter("table"):
        grid = table_grid(table)
        if not grid:
            continue
        for item in _grid_items(grid) or _label_items(grid):
            key = tuple(item.model_dump(exclude={"columns"}).values())
            if key not in seen:
                seen.add(key)
                items.append(item)
    return items


# -- a 行政处罚决定书 published as text -------------------------------------------------------
_BASIS = re.compile(r"(?:依据|根据|依照)\s*(《[^》]{2,60}》[^。；]{0,80}?(?:的规定|规定|条|款|项))")
_DECISION = re.compile(r"(?:如下(?:行政)?处罚|处罚如下)[：:，,]?\s*([^。]{2,200})"
                       r"|决定(?:对当事人)?(?:给予|处以)\s*([^。]{2,200})")
_FACT_WORDS = ("经查", "查明", "发现", "违法事实", "存在")


def text_decision(lines: list[str], doc_number: str | None) -> PenaltyItem | None:
    """The one decision a 决定书 page states in prose: party, facts, basis, decision, the signing
    authority and the date at the end (also in Chinese numerals)."""
    starts = [i for i, line in enumerate(lines)
              if any(w in line for w in ("处罚决定书", "行政处罚决定")) and len(line) <= 40]
    if not starts:
        return None
    start = starts[-1] if len(starts) > 1 else starts[0]
    window = lines[start + 1:start + 150]
    # the signing date stands alone on its line (no label: 立案日期：… or 出生日期：… are not it),
    # usually right under the authority; the last such line closes the decision
    dates = [i for i, line in enumerate(window) if len(line) <= 18 and not re.search(r"[:：]", line)
             and parse_date(line) and i >= 2]
    if not dates:
        return None
    signed = [i for i in dates if window[i - 1].endswith(SIGNING_BODY_ENDS) and len(window[i - 1]) <= 30]
    end = (signed or dates)[-1]
    decided = parse_date(window[end])
    authority = window[end - 1] if window[end - 1].endswith(SIGNING_BODY_ENDS) and len(window[end - 1]) <= 30 else None
    body = window[:end]
    text = "\n".join(body)
    values: dict[str, str | None] = {"doc_number": doc_number, "decided": decided, "authority": authority}
    m = re.search(r"(?:当事人|被处罚人)\s*[:：]\s*([^\s，,。；;（(]{2,40})", text)
    values["party"] = m.group(1) if m else None
    facts = next((l for l in body if any(w in l for w in _FACT_WORDS) and "依据《" not in l), None)
    values["violation"] = facts[:300] if facts else None
    m = _BASIS.search(text)
    values["basis"] = m.group(1) if m else None
    m = _DECISION.search(text)
    values["decision"] = (m.group(1) or m.group(2)).strip()[:300] if m else None
    if sum(1 for v in values.values() if v) < 3:
        return None
    return _item({k: v for k, v in values.items() if k != "decided"} | {"decided": decided})
