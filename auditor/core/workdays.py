"""Working days on the official calendar, 调休 make-up days included (SPEC §7).

"N 个工作日内" counts the working days after the start day (民法典 第二百零一条: the start day is not
counted). Years come from ``chinesecalendar``; a year it does not know yet comes from a holiday file
the profile names; failing both, weekdays are used and the year is remembered so the report can
say so. Nothing here raises on a date.

Holiday file (YAML), one entry per year; dates or ``FIRST..LAST`` ranges:

    2027:
      holidays: [2027-01-01, 2027-02-06..2027-02-13, 2027-10-01..2027-10-07]
      workdays: [2027-02-14, 2027-10-09]     # make-up working days (调休) on a weekend
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar
import yaml

from auditor.core.errors import ConfigError
from auditor.core.profile import config_text


@dataclass
class YearDays:
    holidays: set[dt.date] = field(default_factory=set)
    workdays: set[dt.date] = field(default_factory=set)


def _dates(values, year: int, path: Path) -> set[dt.date]:
    out: set[dt.date] = set()
    for value in values or []:
        text = str(value)
        first, _, last = text.partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if last else start
        except ValueError as exc:
            raise ConfigError(f"节假日文件 {path} 中 {year} 年的日期无效：{text}") from exc
        if end < start or (end - start).days > 366:
            raise ConfigError(f"节假日文件 {path} 中的日期范围无效：{text}")
        out |= {start + dt.timedelta(days=i) for i in range((end - start).days + 1)}
    return out


def load_holiday_file(path: str | Path) -> dict[int, YearDays]:
    path = Path(path)
    text = config_text(path, "节假日文件")          # a regular file of bounded size: not /dev/zero
    try:
        data = yaml.safe_load(text) or {}
    except (yaml.YAMLError, ValueError) as exc:     # YAML parses dates itself: 2027-13-01 raises
        raise ConfigError(f"无法读取节假日文件 {path}：{exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"节假日文件 {path} 应按年份列出 holidays 和 workdays")
    years: dict[int, YearDays] = {}
    for year, entry in data.items():
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise ConfigError(f"节假日文件 {path} 中的年份无效：{year}") from None
        entry = entry or {}
        years[year] = YearDays(_dates(entry.get("holidays"), year, path), _dates(entry.get("workdays"), year, path))
    return years


class WorkCalendar:
    def __init__(self, extra_years: dict[int, YearDays] | None = None):
        self.extra = extra_years or {}
        self.uncovered: set[int] = set()
        self._cache: dict[dt.date, bool] = {}

    @classmethod
    def for_profile(cls, holidays_file: str | None, base: Path | None = None) -> "WorkCalendar":
        if not holidays_file:
            return cls()
        path = Path(holidays_file)
        if not path.is_absolute() and base is not None:
            path = base / path
        return cls(load_holiday_file(path))

    def is_workday(self, day: dt.date) -> bool:
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._decide(day)
        return cached

    def _decide(self, day: dt.date) -> bool:
        user = self.extra.get(day.year)
        if user is not None:           # the user's file wins: it may correct a year as well as add one
            if day in user.workdays:
                return True
            if day in user.holidays:
                return False
            return day.weekday() < 5
        try:
            return chinese_calendar.is_workday(day)
        except (NotImplementedError, ValueError, KeyError):
            self.uncovered.add(day.year)
            return day.weekday() < 5

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative if ``end`` is earlier."""
        if end == start:
            return 0
        if end < start:
            return -self.workdays_between(end, start)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The day on which the N-th working day after ``start`` falls (a deadline)."""
        day, left = start, n
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def warnings(self) -> list[str]:
        return [f"{year} 年的法定节假日和调休安排未知（chinesecalendar 未收录，配置方案也未提供节假日文件），"
                f"该年按周一至周五计算工作日" for year in sorted(self.uncovered)]


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Module-level shortcut on the official calendar."""
    return WorkCalendar().workdays_between(start, end)
