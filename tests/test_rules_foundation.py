"""COL001, COL002, ID002, LNK001, A11Y005 on hand-built snapshots: failing and passing cases."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.app.judge import configure
from auditor.app.profiles import load_profile
from rules.registry import load_rules

from tests.conftest import HOME, page, snapshot

COLUMN = HOME + "xxgk/"


def run(code, snap):
    rule = load_rules()[code]
    cfg = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department")
    return rule.check(snap, cfg.settings)


def home(links=(), **kw):
    return page(HOME, kind="home", depth=0, links=list(links), **kw)


# -- COL001 ---------------------------------------------------------------------------------
def test_col001_passes_with_the_exact_column_name():
    r = run("COL001", snapshot(home([(COLUMN, "政府信息公开")])))
    assert r.status == "pass"


def test_col001_accepts_the_name_split_by_spaces_or_line_breaks():
    assert run("COL001", snapshot(home([(COLUMN, "政府信息 公开")]))).status == "pass"


@pytest.mark.parametrize("name", ["政务公开", "信息公开", "政府信息公开目录"])
def test_col001_warns_on_a_non_standard_name_and_says_which(name):
    r = run("COL001", snapshot(home([(COLUMN, name)])))
    assert r.status == "warn"
    assert r.findings[0].evidence["name_found"] == name and name in r.findings[0].message


def test_col001_warns_when_the_target_page_calls_itself_the_column():
    target = page(COLUMN, kind="column", meta={"ColumnName": "政府信息公开"}, column="政府信息公开")
    r = run("COL001", snapshot(home([(COLUMN, "公开")]), target))
    assert r.status == "warn"


def test_col001_fails_without_any_entry():
    r = run("COL001", snapshot(home([(HOME + "news/", "新闻中心")])))
    assert r.status == "fail" and r.findings[0].url == HOME


def test_col001_is_an_error_not_a_pass_when_the_homepage_failed():
    r = run("COL001", snapshot(page(HOME, status=None, error="请求超时", depth=0)))
    assert r.status == "error"


# -- COL002 ---------------------------------------------------------------------------------
SECTIONS = [(COLUMN + "zn/", "政府信息公开指南"), (COLUMN + "zd/", "政府信息公开制度"),
            (COLUMN + "fd/", "法定主动公开内容"), (COLUMN + "nb/", "政府信息公开工作年度报告")]


def test_col002_passes_with_all_four_sections_either_annual_report_spelling():
    column = page(COLUMN, kind="column", links=SECTIONS)
    assert run("COL002", snapshot(home([(COLUMN, "政府信息公开")]), column)).status == "pass"


def test_col002_lists_each_missing_section():
    column = page(COLUMN, kind="column", links=SECTIONS[:1] + SECTIONS[2:3])
    r = run("COL002", snapshot(home([(COLUMN, "政府信息公开")]), column))
    assert r.status == "fail"
    assert sorted(f.evidence["section"] for f in r.findings) == ["政府信息公开制度", "政府信息公开年报"]
    assert all(f.url == COLUMN for f in r.findings)


def test_col002_without_a_column_reports_all_four_against_the_homepage():
    r = run("COL002", snapshot(home([(HOME + "news/", "新闻")])))
    assert len(r.findings) == 4 and r.findings[0].url == HOME


# -- ID002 ----------------------------------------------------------------------------------
def test_id002_passes_when_footer_meta_and_jiucuo_agree():
    h = home(footer={"site_id_code": "3599000012", "jiucuo_sitecode": "3599000012"},
             meta={"SiteIDCode": "3599000012"})
    assert run("ID002", snapshot(h)).status == "pass"


def test_id002_accepts_the_bm_form():
    assert run("ID002", snapshot(home(footer={"site_id_code": "bm17000009"}))).status == "pass"


@pytest.mark.parametrize("footer, meta, jiucuo, expected", [
    (None, None, None, "首页底部未标注网站标识码"),
    ("35990000", None, None, "格式不规范"),
    ("3599000012", "3599000021", None, "meta SiteIDCode"),
    ("3599000012", None, "3599000099", "纠错脚本 sitecode"),
])
def test_id002_fails_on_missing_malformed_or_mismatched_codes(footer, meta, jiucuo, expected):
    h = home(footer={"site_id_code": footer, "jiucuo_sitecode": jiucuo},
             meta={"SiteIDCode": meta} if meta else {})
    r = run("ID002", snapshot(h))
    assert r.status == "fail" and expected in r.findings[0].message


def test_id002_reports_inner_pages_whose_meta_disagrees_once_per_value():
    h = home(footer={"site_id_code": "3599000012"}, meta={"SiteIDCode": "3599000012"})
    others = [page(HOME + f"a{i}.html", meta={"SiteIDCode": "3599000013"}) for i in range(3)]
    r = run("ID002", snapshot(h, *others))
    assert len(r.findings) == 1 and r.findings[0].evidence["pages"] == 3


# -- LNK001 ---------------------------------------------------------------------------------
def test_lnk001_lists_every_broken_homepage_link_with_its_target_url():
    h = home([(HOME + "ok.html", "好"), (HOME + "gone.html", "坏"), (HOME + "slow.html", "慢"),
              (HOME + "f.pdf", "附件")])
    snap = snapshot(h, page(HOME + "ok.html"), page(HOME + "gone.html", status=404),
                    page(HOME + "slow.html", status=None, error="请求超时"),
                    page(HOME + "f.pdf", kind="attachment", role="check", content_type="application/pdf"))
    r = run("LNK001", snap)
    assert r.status == "fail"
    assert sorted(f.url for f in r.findings) == [HOME + "gone.html", HOME + "slow.html"]
    assert r.metrics["checked"] == 4


def test_lnk001_does_not_count_links_robots_kept_us_from():
    h = home([(HOME + "admin/", "后台")])
    r = run("LNK001", snapshot(h, page(HOME + "admin/", status=None, skipped="robots")))
    assert r.status == "na"


def test_lnk001_passes_when_all_links_work():
    h = home([(HOME + "ok.html", "好")])
    assert run("LNK001", snapshot(h, page(HOME + "ok.html"))).status == "pass"


# -- A11Y005 --------------------------------------------------------------------------------
def test_a11y005_lists_pages_with_an_empty_title_and_gives_the_share():
    snap = snapshot(home(), page(HOME + "a.html", title=""), page(HOME + "b.html", title=None),
                    page(HOME + "c.html", title="有标题"))
    r = run("A11Y005", snap)
    assert r.status == "fail"
    assert sorted(f.url for f in r.findings) == [HOME + "a.html", HOME + "b.html"]
    assert r.metrics["share"] == 0.5


def test_a11y005_passes_when_every_page_has_a_title():
    assert run("A11Y005", snapshot(home(), page(HOME + "a.html"))).status == "pass"


def test_a11y005_ignores_failed_fetches():
    snap = snapshot(home(), page(HOME + "x.html", title=None, status=404))
    assert run("A11Y005", snap).status == "pass"
