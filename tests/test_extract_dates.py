"""Dates as Chinese government pages write them (auditor.core.extract.dates)."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.dates import find_dates, parse_date, parse_year_month

URL = "http://www.example.gov.cn/xxgk/202609/t20260916_1.html"


@pytest.mark.parametrize("text, expected", [
    ("2026-09-16", "2026-09-16"),
    ("2026/9/16", "2026-09-16"),
    ("2026.9.16", "2026-09-16"),
    ("2026．09．16", "2026-09-16"),
    ("2026年9月16日", "2026-09-16"),
    ("2026年09月16日", "2026-09-16"),
    ("2026 年 9 月 16 日", "2026-09-16"),
    ("二〇二六年九月十六日", "2026-09-16"),
    ("二〇二六年九月二十八日", "2026-09-28"),
    ("二〇二六年十月三十一日", "2026-10-31"),
    ("二○二六年十二月一日", "2026-12-01"),          # ○ (U+25CB) stands in for 〇 on many pages
    ("[2026-09-16]", "2026-09-16"),
    ("【2026-09-16】", "2026-09-16"),
    ("发布时间：2026-09-16 10:20", "2026-09-16"),
    ("2026-09-16 10:20:00", "2026-09-16"),           # meta PubDate with a time
    ("2020年08月02日", "2020-08-02"),                # meta PubDate in Chinese form (Handan)
    ("20260916", "2026-09-16"),                      # compact form inside a meta value
])
def test_parse_date_reads_the_forms_pages_use(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "2026-02-30",          # no such day
    "2026-13-01",          # no such month
    "2026年2月29日",        # 2026 is no leap year
    "二〇二六年十三月一日",
    "",
    None,
    "发布时间：",
    "第2026号",
])
def test_parse_date_gives_none_for_invalid_or_missing_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", [
    "110101199003071234",            # 身份证号: a birth date sits inside, but it is no date
    "身份证号：11010119900307123X",
    "联系电话：13820260916",          # a mobile number holding 20260916
    "编号 320102202609161234",
])
def test_long_digit_runs_do_not_yield_dates(text):
    assert find_dates(text) == []


def test_trs_article_url_yields_its_date():
    # Documented behaviour: a TRS-style t20261118_123.html name is a compact date, not an id run,
    # so a URL string does give 2026-11-18. Nothing reads dates from URLs unasked.
    assert parse_date("http://www.example.gov.cn/xxgk/202611/t20261118_123.html") == "2026-11-18"


def test_find_dates_returns_every_date_in_order():
    assert find_dates("成文日期：2026年9月1日 发布日期：2026-09-16") == ["2026-09-01", "2026-09-16"]


def test_year_and_month_without_a_day():
    assert parse_year_month("2026-09") == (2026, 9)
    assert parse_year_month("2026年9月") == (2026, 9)
    assert parse_year_month("2026-13") is None


@pytest.mark.parametrize("meta_value, expected", [
    ("2026-09-16 10:20:00", "2026-09-16"),
    ("2020年08月02日", "2020-08-02"),
    ("2026-02-30", None),
])
def test_pubdate_meta_gives_published(meta_value, expected):
    html = (f'<html><head><meta name="PubDate" content="{meta_value}"><title>t</title></head>'
            '<body><p>正文</p></body></html>')
    record = extract_page(URL, html.encode("utf-8"), "text/html; charset=utf-8")
    assert record.published == expected


@pytest.mark.parametrize("line, expected", [
    ("发布时间：2026-09-16 10:20", "2026-09-16"),
    ("发布日期：二〇二六年九月十六日", "2026-09-16"),
    ("【发布日期】[2026-09-16]", "2026-09-16"),
    ("发布时间：2026-02-30", None),
])
def test_published_label_in_the_page_gives_published(line, expected):
    html = f"<html><body><h1>某某通知</h1><div>{line}</div><p>正文</p></body></html>"
    record = extract_page(URL, html.encode("utf-8"), "text/html")
    assert record.published == expected
