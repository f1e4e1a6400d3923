"""Column, guide and annual-report rules on real disclosure pages (../shared/samples)."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.extract import extract_page
from auditor.app.judge import configure
from auditor.app.profiles import load_profile
from rules.reports_found import collect_reports
from rules.registry import load_rules

from tests.conftest import SAMPLES, page, snapshot

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
MAIN = "http://www.hd.gov.cn/"
PLATFORM = "http://hdzfxxgk.hd.gov.cn/"


def real(name: str, url: str):
    return extract_page(url, (SAMPLES / name).read_bytes(), "text/html")


def run(code, snap, level="department"):
    rule = load_rules()[code]
    return rule.check(snap, configure(rule, load_profile("national"), dt.date(2026, 11, 20), level).settings)


@pytest.fixture(scope="module")
def handan():
    """Handan's portal home (hand-built) linking to its real disclosure platform home and guide index."""
    home = page(MAIN, kind="home", depth=0, links=[(PLATFORM, "政府信息公开")])
    platform = real("xxgk_home_handan_hdzfxxgk.savedpage.jsp.html", PLATFORM)
    guide_index = real("guide_handan_zfxxgkzn.savedpage.jsp.html", PLATFORM + "zfxxgkzn/")
    return snapshot(home, platform, guide_index, start_url=MAIN)


def test_handan_platform_is_found_as_the_column(handan):
    assert run("COL001", handan).status == "pass"


def test_handan_home_shows_one_section_under_a_longer_name():
    home = page(MAIN, kind="home", depth=0, links=[(PLATFORM, "政府信息公开")])
    platform = real("xxgk_home_handan_hdzfxxgk.savedpage.jsp.html", PLATFORM)
    r = run("COL002", snapshot(home, platform, start_url=MAIN))
    assert r.status == "warn"
    assert [(f.evidence["section"], f.evidence["name_found"]) for f in r.findings] == \
        [("政府信息公开制度", "政府信息公开制度文件")]


def test_handan_sections_all_present_by_exact_name_in_the_platform_nav(handan):
    assert run("COL002", handan).status == "pass"      # the guide index's nav has 政府信息公开制度


def test_handan_platform_offers_search_and_an_apply_entry(handan):
    assert run("COL005", handan).status == "pass"
    assert run("COL006", handan).status == "pass"


def test_handan_guide_index_is_not_a_guide(handan):
    r = run("GDE001", handan)
    assert r.status == "fail" and r.findings[0].message == "未找到政府信息公开指南"


def test_pingtan_annual_report_list_gives_ten_years_with_their_dates():
    listing = real("annual_report_list_pingtan_zfxxgknb.html", "https://www.pingtan.gov.cn/zfxxgk/zfxxgknb/")
    home = page("https://www.pingtan.gov.cn/", kind="home", depth=0)
    reports = collect_reports(snapshot(home, listing, start_url="https://www.pingtan.gov.cn/"), {"site_name": None})
    assert sorted(reports) == list(range(2016, 2026))
    assert reports[2025].published == "2026-03-10" and reports[2024].published == "2025-03-10"
    assert reports[2023].published == "2024-03-08"
    snap = snapshot(home, listing, start_url="https://www.pingtan.gov.cn/")
    # a 区 government: due 3月31日, so on time; as a department it would be late
    assert run("RPT001", snap, level="government").status == "pass"
    assert run("RPT001", snap, level="department").status == "fail"
    assert run("RPT004", snap, level="government").status == "pass"
