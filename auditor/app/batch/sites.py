"""SITES.csv: name, url, profile, level — UTF-8 with or without BOM, or GBK as Excel writes it.

A bad row is reported with its line number and the others go on.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit
from pathlib import Path

from auditor.app.audit import validate_url
from auditor.core.batch import RowError, Site
from auditor.core.errors import ConfigError
from auditor.core.extract.charset import decode_text
from auditor.core.profile import read_config_file
from auditor.app.profiles import load_profile

HEADERS = {
    "name": ("name", "名称", "网站名称", "单位", "单位名称", "网站"),
    "url": ("url", "网址", "地址", "网站地址", "首页", "链接"),
    "profile": ("profile", "方案", "检查方案", "配置方案"),
    "level": ("level", "层级", "级别", "类型"),
}
MAX_LIST_BYTES = 16 * 1024 * 1024       # 100,000 sites is about 10 MB
LEVELS = {"department": "department", "government": "government", "部门": "department",
          "政府": "government", "人民政府": "government", "": None}


def _column(header: list[str]) -> dict[str, int]:
    found = {}
    for i, cell in enumerate(header):
        key = cell.strip().lower()
        for field, names in HEADERS.items():
            if key in names and field not in found:
                found[field] = i
    return found


def read_sites(path: str | Path, default_profile: str = "national") -> tuple[list[Site], list[RowError]]:
    path = Path(path)
    text = decode_text(read_config_file(path, "站点清单", MAX_LIST_BYTES))   # a regular file: not /dev/zero
    rows = _rows(text)
    if not rows:
        raise ConfigError(f"站点清单 {path} 是空的")
    header = rows[0]
    columns = _column(header) if isinstance(header, list) else {}
    if "url" not in columns:
        shown = ",".join(header) if isinstance(header, list) else header
        raise ConfigError(f"站点清单 {path} 第 1 行应为表头，至少含 url（或“网址”）列；读到：{shown[:200]}")
    sites, errors, seen = [], [], set()
    profiles: dict[str, str | None] = {}
    for line, row in enumerate(rows[1:], start=2):
        if isinstance(row, str):                      # a line the CSV reader could not read
            errors.append(RowError(line, "", f"无法读取该行：{row}"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        try:
            site = _site(line, row, columns, default_profile, profiles)
        except (ConfigError, ValueError) as exc:      # one bad row is that row's error, never the batch's
            errors.append(RowError(line, ",".join(row), str(exc)))
            continue
        if site.url in seen:
            errors.append(RowError(line, ",".join(row), f"与前面的行重复：{site.url}"))
            continue
        seen.add(site.url)
        sites.append(site)
    return sites, errors


def _rows(text: str) -> list[list[str] | str]:
    """The rows of the list; a row the CSV reader refuses is the reason why, in its place."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str] | str] = []
    while True:
        try:
            rows.append(next(reader))
        except StopIteration:
            return rows
        except csv.Error as exc:
            rows.append(str(exc))


def _site(line: int, row: list[str], columns: dict[str, int], default_profile: str,
          profiles: dict[str, str | None]) -> Site:
    def cell(field: str) -> str:
        return row[columns[field]].strip() if field in columns and columns[field] < len(row) else ""

    url = validate_url(cell("url"))
    parts = urlsplit(url)
    profile = cell("profile") or default_profile
    if profile not in profiles:
        try:
            load_profile(profile)
            profiles[profile] = None
        except ConfigError as exc:
            profiles[profile] = str(exc)
    if profiles[profile]:
        raise ConfigError(profiles[profile])
    level = cell("level")
    if level not in LEVELS:
        raise ConfigError(f"层级“{level}”无效（department/部门 或 government/政府）")
    site = Site(line, cell("name") or parts.hostname or url, url, profile, LEVELS[level])
    site.slug                                    # the run directory's name can be made from it
    return site
