"""Working days with 调休 (SPEC §7): table-driven across 春节, 国庆, make-up days, year ends."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.errors import ConfigError
from auditor.core.workdays import WorkCalendar, load_holiday_file, workdays_between

D = dt.date.fromisoformat


@pytest.mark.parametrize("start, end, expected", [
    ("2026-09-28", "2026-09-28", 0),          # same day
    ("2026-09-28", "2026-09-29", 1),          # the start day is not counted
    ("2026-09-25", "2026-09-28", 1),          # Fri -> Mon: the weekend is not counted
    ("2026-09-29", "2026-10-13", 6),          # 国庆 10/1–10/7 off; 10/10 (Sat) is a 调休 working day
    ("2026-09-19", "2026-09-20", 1),          # 9/20 (Sun) is a 调休 working day
    ("2026-09-28", "2026-10-09", 4),          # 9/29, 9/30, 10/8, 10/9
    ("2026-09-28", "2026-10-20", 12),
    ("2024-04-26", "2024-05-09", 7),          # 4/28 (Sun) 调休 counted, 5/1–5/5 not, 5/11 (Sat) not reached
    ("2024-02-08", "2024-02-19", 3),          # 春节 2/10–2/17 off; 2/9 (除夕) worked; 2/18 (Sun) 调休 counted
    ("2025-01-24", "2025-02-10", 7),          # 春节 1/28–2/4 off; 1/26 (Sun) and 2/8 (Sat) 调休 counted
    ("2025-12-30", "2026-01-05", 3),          # year boundary: 12/31, 1/4 (Sun 调休), 1/5; 1/1–1/3 off
    ("2026-10-20", "2026-09-28", -12),        # reversed: negative
])
def test_workdays_between_on_the_official_calendar(start, end, expected):
    assert workdays_between(D(start), D(end)) == expected


def test_add_workdays_gives_the_deadline():
    assert WorkCalendar().add_workdays(D("2026-09-28"), 7) == D("2026-10-13")


def test_an_uncovered_year_falls_back_to_weekdays_and_is_named(tmp_path):
    cal = WorkCalendar()
    assert cal.workdays_between(D("2031-02-07"), D("2031-02-14")) == 5
    assert cal.uncovered == {2031}
    assert "2031" in cal.warnings()[0]


def test_a_user_holiday_file_covers_a_later_year(tmp_path):
    path = tmp_path / "holidays.yaml"
    path.write_text("2027:\n  holidays: [2027-10-01..2027-10-07]\n  workdays: [2027-09-26, 2027-10-09]\n",
                    encoding="utf-8")
    cal = WorkCalendar(load_holiday_file(path))
    assert cal.is_workday(D("2027-09-26")) and not cal.is_workday(D("2027-10-04"))
    assert cal.workdays_between(D("2027-09-30"), D("2027-10-11")) == 3     # 10/8, 10/9 (Sat 调休), 10/11
    assert cal.uncovered == set()


@pytest.mark.parametrize("text", ["2027: {holidays: [2027-13-01]}", "2027: {holidays: [2027-10-07..2027-10-01]}",
                                  "- just a list", "x: {}"])
def test_a_broken_holiday_file_is_a_configuration_error(tmp_path, text):
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_holiday_file(path)


def test_a_profile_names_its_holiday_file_relative_to_itself(tmp_path):
    from auditor.app.profiles import load_profile
    (tmp_path / "h.yaml").write_text("2027:\n  holidays: [2027-01-01]\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("name: p\nextends: national\nholidays_file: h.yaml\n", encoding="utf-8")
    profile = load_profile(str(tmp_path / "p.yaml"))
    cal = WorkCalendar.for_profile(profile.holidays_file)
    assert not cal.is_workday(D("2027-01-01"))
