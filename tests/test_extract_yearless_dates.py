"""SPEC §7: dates printed without their year (07-27, 7月27日) or only in the entry's URL take the latest
year not after the crawl date, and are marked inferred. A real county portal whose homepage lists
dozens of `07-27` items was judged undated: a false UPD001 veto."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.dates import date_in_url, find_month_days, infer_year
from auditor.core.snapshot import SiteSnapshot
from auditor.app.judge import configure
from auditor.app.profiles import load_profile
from rules.registry import load_rules

HOME = "http://www.xian.gov.cn/"


def home_page(rows: str, fetched: str = "2026-11-20T08:00:00+00:00"):
    html = f"<html><head><title>某县人民政府</title></head><body><div class='news'><ul>{rows}</ul></div></body></html>"
    return extract_page(HOME, html.encode("utf-8"), "text/html; charset=utf-8", is_start=True, fetched_at=fetched)


@pytest.mark.parametrize("text, month_days", [
    ("07-27", [(7, 27)]), ("[07-27]", [(7, 27)]), ("（7月27日）", [(7, 27)]), ("发布于7月27日", [(7, 27)]),
    ("7/27", [(7, 27)]),
    ("2026-07-27", []),                      # a full date is no month-day
    ("2026年7月27日", []),
    ("0599-8861235", []), ("第3-5条", []), ("12:30", []), ("13-27", []), ("07-32", []),
])
def test_month_days_stand_alone_in_their_short_text(text, month_days):
    assert find_month_days(text) == month_days


@pytest.mark.parametrize("month, day, crawl, expected", [
    (7, 27, "2026-11-20", "2026-07-27"),
    (11, 20, "2026-11-20", "2026-11-20"),    # the crawl day itself
    (11, 21, "2026-11-20", "2025-11-21"),    # never after the crawl
    (12, 31, "2027-01-02", "2026-12-31"),    # a January crawl reads December as last year
    (2, 29, "2026-11-20", "2024-02-29"),     # the latest year that has the day
])
def test_the_year_is_the_latest_not_after_the_crawl(month, day, crawl, expected):
    assert infer_year(month, day, dt.date.fromisoformat(crawl)) == expected


@pytest.mark.parametrize("url, expected", [
    ("http://x.gov.cn/art/2018-07-27/10366.html", "2018-07-27"),
    ("http://x.gov.cn/xxgk/202607/t20260727_1.html", "2026-07-27"),
    ("http://x.gov.cn/art/2026/7/27/art_2857_1.html", "2026-07-27"),          # Hanweb
    ("http://127.0.0.1:20180/a.html", None),                                 # a port is no date
    ("http://x.gov.cn/col/col2857/index.html", None),
])
def test_dates_in_urls(url, expected):
    assert date_in_url(url) == expected


def test_a_homepage_listing_month_days_is_dated_with_inferred_years():
    rows = "".join(f'<li><a href="/xw/{i}.html">县政府召开第{i}次常务会议</a><span>{d}</span></li>'
                   for i, d in enumerate(["11-18", "11-02", "07-27"]))
    record = home_page(rows)
    assert [(i.date, i.date_inferred) for i in record.items] == \
        [("2026-11-18", True), ("2026-11-02", True), ("2026-07-27", True)]
    assert record.inferred == ["items"]


def test_a_list_that_prints_no_date_takes_the_dates_its_urls_carry():
    rows = "".join(f'<li><a href="/xxgk/2026{m:02d}/t2026{m:02d}15_{m}.html">第{m}号通知</a></li>' for m in (9, 10, 11))
    items = home_page(rows).items
    assert [(i.date, i.date_inferred, i.date_in_url) for i in items] == \
        [("2026-09-15", True, True), ("2026-10-15", True, True), ("2026-11-15", True, True)]


def test_links_to_other_sites_dated_pages_are_no_list():
    rows = "".join(f'<li><a href="http://paper{i}.com.cn/pc/202311/0{i}/node_1.html">日报{i}</a></li>' for i in (1, 2, 3))
    assert home_page(rows).items == []


def test_upd001_passes_a_homepage_whose_items_print_only_month_and_day():
    """The false veto: dozens of `07-27` items judged undated."""
    rows = "".join(f'<li><a href="/xw/{i}.html">动态{i}</a><span>{d}</span></li>' for i, d in enumerate(["11-18", "10-09"]))
    rule = load_rules()["UPD001"]
    settings = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "government").settings
    assert rule.check(SiteSnapshot([home_page(rows)], start_url=HOME), settings).status == "pass"
    stale = "".join(f'<li><a href="/xw/{i}.html">动态{i}</a><span>{d}</span></li>' for i, d in enumerate(["10-18", "09-09"]))
    assert rule.check(SiteSnapshot([home_page(stale)], start_url=HOME), settings).status == "fail"


def test_upd003_counts_a_date_read_from_the_url_as_not_shown():
    rows = "".join(f'<li><a href="/xxgk/2026{m:02d}/t2026{m:02d}15_{m}.html">第{m}号通知</a></li>' for m in (9, 10, 11))
    page = home_page(rows).model_copy(update={"url": HOME + "xxgk/", "final_url": HOME + "xxgk/", "kind": "column"})
    rule = load_rules()["UPD003"]
    settings = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "government").settings
    result = rule.check(SiteSnapshot([home_page(""), page], start_url=HOME), settings)
    assert result.status == "fail" and len(result.findings) == 3


def test_upd001_judges_a_navigation_only_homepage_by_its_second_level_columns():
    """SPEC §8 UPD001: a homepage that is only a navigation entry passes when a second-level column page
    has a dated item within 14 days (and fails when they are all older)."""
    from tests.conftest import page
    from auditor.core.models import ListItem

    def site(date: str) -> SiteSnapshot:
        nav = page(HOME, kind="home", depth=0, links=[(HOME + "xwzx/", "新闻中心"), (HOME + "xxgk/", "政府信息公开")])
        news = page(HOME + "xwzx/", kind="column", depth=1, column="新闻中心",
                    items=[ListItem(title="县政府召开常务会议", url=HOME + "xwzx/1.html", date=date)])
        return SiteSnapshot([nav, news], start_url=HOME)

    rule = load_rules()["UPD001"]
    settings = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "government").settings
    fresh = rule.check(site("2026-11-10"), settings)
    assert fresh.status == "pass" and "导航页" in fresh.message
    stale = rule.check(site("2026-10-01"), settings)
    assert stale.status == "fail" and "导航页" in stale.findings[0].message
    bare = SiteSnapshot([page(HOME, kind="home", depth=0)], start_url=HOME)
    assert rule.check(bare, settings).status == "fail"
