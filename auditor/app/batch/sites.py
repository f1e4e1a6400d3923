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
from auditor.app.profiles import load_profile

HEADERS = {
    "name": ("name", "名称", "网站名称", "单位", "单位名称", "网站"),
    "url": ("url", "网址", "地址", "网站地址", "首页", "链接"),
    "profile": ("profile", "方案", "检查方案", "配置方案"),
    "level": ("level", "层级", "级别", "类型"),
}
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
    try:
        text = decode_text(path.read_bytes())
    except OSError as exc:
        raise ConfigError(f"无法读取站点清单 {path}：{exc}") from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ConfigError(f"站点清单 {path} 是空的")
    columns = _column(rows[0])
    if "url" not in columns:
        raise ConfigError(f"站点清单 {path} 第 1 行应为表头，至少含 url（或“网址”）列；读到：{','.join(rows[0])}")
    sites, errors, seen = [], [], set()
    profiles: dict[str, str | None] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = lambda f: row[columns[f]].strip() if f in columns and columns[f] < len(row) else ""  # noqa: E731
        try:
            url = validate_url(cell("url"))
        except ConfigError as exc:
            errors.append(RowError(line, ",".join(row), str(exc)))
            continue
        profile = cell("profile") or default_profile
        if profile not in profiles:
            try:
                load_profile(profile)
                profiles[profile] = None
            except ConfigError as exc:
                profiles[profile] = str(exc)
        if profiles[profile]:
            errors.append(RowError(line, ",".join(row), profiles[profile]))
            continue
        level = cell("level")
        if level not in LEVELS:
            errors.append(RowError(line, ",".join(row), f"层级“{level}”无效（department/部门 或 government/政府）"))
            continue
        if url in seen:
            errors.append(RowError(line, ",".join(row), f"与前面的行重复：{url}"))
            continue
        seen.add(url)
        sites.append(Site(line, cell("name") or urlsplit(url).hostname or url, url, profile, LEVELS[level]))
    return sites, errors
