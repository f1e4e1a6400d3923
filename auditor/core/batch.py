"""A batch's parts: the sites read from SITES.csv, the rows refused, and what each site's audit gave."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from auditor.core.report import Report, is_unreachable


@dataclass
class Site:
    line: int
    name: str
    url: str
    profile: str
    level: str | None

    @property
    def slug(self) -> str:
        parts = urlsplit(self.url)
        host = re.sub(r"[^A-Za-z0-9.\-]", "_", parts.hostname or "site")
        return f"{self.line:04d}-{host}" + (f"_{parts.port}" if parts.port else "")


@dataclass
class RowError:
    line: int
    text: str
    reason: str


@dataclass
class Outcome:
    site: Site
    run_dir: Path
    report: Report | None = None
    reason: str | None = None          # why there is no usable report
    reused: bool = False

    @property
    def rated(self) -> bool:
        return self.report is not None and not is_unreachable(self.report)
