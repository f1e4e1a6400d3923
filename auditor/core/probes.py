"""The availability probes an audit was judged with (SPEC §9): a summary of the history store's probes
of one site over the window before the as-of date, kept in the run directory (``rundir.PROBES``) so
``recheck`` judges AVL001 and UPD001 from the same evidence without the store.

The store (``auditor.app.monitor``) writes it; the rules read it from ``SiteSnapshot.probes``.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, Field

from auditor.core.atomic import write_text

# 国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》单项否决“站点无法访问”：监测 1 周，每天间隔性访问
# 20 次以上，超过（含）15 秒网站仍打不开的次数累计占比超过（含）5%。The probe limit, the window and the
# daily count are the monitoring method's, so they live here; the share is AVL001's setting.
PROBE_LIMIT_S = 15.0
WINDOW_DAYS = 7
PROBES_A_DAY = 20
# 同一指标“首页不更新”：监测 2 周，首页无信息更新 — how far back the probes' homepage dates are kept
HOMEPAGE_WINDOW_DAYS = 14


class ProbeDay(BaseModel):
    day: str                       # ISO date (China time)
    probes: int = 0
    failed: int = 0                # no answer, an error, or an HTTP status >= 400
    slow: int = 0                  # answered, but in PROBE_LIMIT_S or more


class ProbeMiss(BaseModel):
    """One probe that failed or was slow: the evidence behind an AVL001 finding."""
    at: str                        # ISO timestamp
    url: str
    status: int | None = None
    error: str | None = None       # dns | connect | tls | timeout | http | redirect | other, with the detail
    seconds: float | None = None


class HomepageDate(BaseModel):
    """The homepage's newest item date as one probe read it."""
    at: str
    newest: str                    # ISO date


class ProbeSummary(BaseModel):
    site: str
    window_from: str               # ISO dates, both inclusive
    window_to: str
    days: list[ProbeDay] = Field(default_factory=list)
    misses: list[ProbeMiss] = Field(default_factory=list)        # at most MAX_MISSES, newest first
    misses_total: int = 0
    homepage_dates: list[HomepageDate] = Field(default_factory=list)   # the last HOMEPAGE_WINDOW_DAYS

    @property
    def probes(self) -> int:
        return sum(d.probes for d in self.days)

    @property
    def bad(self) -> int:
        return sum(d.failed + d.slow for d in self.days)


MAX_MISSES = 200


def window(as_of: dt.date, days: int = WINDOW_DAYS) -> tuple[dt.date, dt.date]:
    """The ``days`` days that end the day before ``as_of`` (the as-of day itself is not over yet)."""
    return as_of - dt.timedelta(days=days), as_of - dt.timedelta(days=1)


def save(summary: ProbeSummary, path: Path) -> None:
    write_text(path, summary.model_dump_json(indent=1))


def load(path: Path) -> ProbeSummary | None:
    """The run's probe summary; None when the run has none (recorded without a history store)."""
    try:
        return ProbeSummary.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        from auditor.core.errors import ConfigError
        raise ConfigError(f"{path} 无法读取：{exc}") from None
