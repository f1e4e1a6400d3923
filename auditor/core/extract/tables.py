"""HTML tables as grids of cell texts, with rowspan and colspan expanded.

Annual-report statistics tables and penalty disclosure tables both need the cell a number or a
label sits in, whatever merged cells the CMS produced. Nested tables are read as their own tables.
"""
from __future__ import annotations

from auditor.core.extract.html import element_text, tag_of

MAX_TABLES = 30
MAX_ROWS = 400
MAX_COLS = 40


def cell_span(cell, attr: str) -> int:
    try:
        return max(1, min(int((cell.get(attr) or "1").strip() or 1), 50))
    except ValueError:
        return 1


def own_rows(table):
    """The table's own rows (not those of tables nested inside it)."""
    for el in table.iter("tr"):
        owner = el.getparent()
        while owner is not None and tag_of(owner) != "table":
            owner = owner.getparent()
        if owner is table:
            yield el


def table_grid(table) -> list[list[str]]:
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}      # (row, col) -> text carried down by rowspan
    for r, tr in enumerate(own_rows(table)):
        if r >= MAX_ROWS:
            break
        row: list[str] = []
        col = 0
        cells = [c for c in tr if tag_of(c) in ("td", "th")]
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = element_text(cell)
            rowspan, colspan = cell_span(cell, "rowspan"), cell_span(cell, "colspan")
            for c in range(colspan):
                if col >= MAX_COLS:
                    break
                row.append(text)
                for extra in range(1, rowspan):
                    pending[(r + extra, col)] = text
                col += 1
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        if any(cell for cell in row):
            grid.append(row)
    return grid


def extract_tables(root) -> list[list[list[str]]]:
    """Every data table of the page (at least two rows), outermost first."""
    tables = []
    for table in root.iter("table"):
        grid = table_grid(table)
        if len(grid) >= 2:
            tables.append(grid)
        if len(tables) >= MAX_TABLES:
            break
    return tables
