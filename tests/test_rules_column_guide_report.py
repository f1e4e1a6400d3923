"""COL003–COL006, GDE001–GDE004, RPT001–RPT004 on hand-built snapshots: failing and passing cases."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.annual_report import parse_application_table, table_mismatches
from auditor.app.judge import configure
from auditor.core.models import ListItem
from auditor.app.profiles import load_profile
from rules.registry import load_rules

from tests.annual_report_table import application_table_html
from tests.conftest import HOME, page, snapshot

COL = HOME + "xxgk/"
FD = COL + "fdzdgknr/"
ZN = COL + "zn/"
NB = COL + "nb/"
GUIDE = ZN + "t20260302_1.html"
SECTIONS = [(ZN, "政府信息公开指南"), (COL + "zd/", "政府信息公开制度"), (FD, "法定主动公开内容"),
            (NB, "政府信息公开年报")]
DEPT_SUBCOLUMNS = ["政策文件", "机构职能", "规划计划", "行政许可", "行政处罚", "财政预决算",
                   "收费项目", "政府采购", "应急管理", "双随机一公开", "人事信息"]
GOOD_GUIDE = ("政府信息公开指南\n更新日期：2026年3月2日\n一、主动公开\n（一）公开的内容 分类与编排体系……\n"
              "（二）获取方式：查阅网站……\n二、依申请公开\n受理机构名称：榕江市市场监督管理局办公室\n"
              "办公地址：江滨北路88号\n办公时间：工作日\n联系电话：0599-8861235\n传 真：0599-8861236\n"
              "电子邮箱：gk@example.cn\n答复期限为20个工作日。依据《政府信息公开条例》（国务院令第711号）。")


def run(code, snap, as_of="2026-11-20", level="department", profile="national"):
    rule = load_rules()[code]
    cfg = configure(rule, load_profile(profile), dt.date.fromisoformat(as_of), level)
    return rule.check(snap, cfg.settings)


def site(*extra, column_links=SECTIONS, fd_links=None, guide_text=GOOD_GUIDE, guide_published="2026-03-02",
         search=True, reports=(), nb_items=()):
    """A department site: homepage, the column, its sections, a guide and optional reports."""
    fd_links = fd_links if fd_links is not None else [(FD + f"c{i}/", n) for i, n in enumerate(DEPT_SUBCOLUMNS)]
    home = page(HOME, kind="home", depth=0, links=[(COL, "政府信息公开")])
    column = page(COL, kind="column", column="政府信息公开", links=list(column_links),
                  stats={"has_search_form": search})
    pages = [home, column, page(FD, kind="column", links=fd_links),
             page(ZN, kind="column", links=[(GUIDE, "榕江市市场监督管理局政府信息公开指南")])]
    if guide_text is not None:
        pages.append(page(GUIDE, kind="guide", text=guide_text, published=guide_published,
                          headline="榕江市市场监督管理局政府信息公开指南"))
    pages.append(page(NB, kind="column", items=[ListItem(title=t, url=u, date=d) for t, u, d in nb_items]))
    for year, published, text, tables in reports:
        pages.append(page(NB + f"{year}.html", kind="annual_report", published=published, text=text,
                          tables=tables, headline=f"榕江市市场监督管理局{year}年度政府信息公开工作年度报告"))
    return snapshot(*pages, *extra)


def test_the_column_is_the_page_that_is_the_column_not_the_homepages_own_tab():
    """Issue 17 item 8: an older county portal's homepage links its 信息公开 tab to itself
    (index.html?link=…) before the link to the column page; the column is the page that is one."""
    base = site()
    tab = HOME + "index.html?link=xxgk"
    home = page(HOME, kind="home", depth=0, links=[(tab, "政府信息公开"), (COL, "政府信息公开")])
    again = page(tab, kind="home", links=[(tab, "政府信息公开"), (COL, "政府信息公开")])
    snap = snapshot(home, again, *[p for p in base.records if p.url != HOME])
    for code in ("COL001", "COL002", "COL005", "GDE001"):
        assert run(code, snap).status == run(code, base).status == "pass", code
    # a column served from the homepage's own script with a query (index.jsp?channelId=12) is the column
    jsp = HOME + "index.jsp?channelId=12"
    home = page(HOME, kind="home", depth=0, links=[(jsp, "政府信息公开")])
    column = page(jsp, kind="column", column="政府信息公开", links=list(SECTIONS), stats={"has_search_form": True})
    snap = snapshot(home, column, *[p for p in base.records if p.url not in (HOME, COL)])
    assert run("COL001", snap).status == "pass"
    variant = page(HOME, kind="home", depth=0, links=[(HOME + "index.html?tab=2", "信息公开"), (COL, "信息公开")])
    snap = snapshot(variant, *[p for p in base.records if p.url != HOME])
    assert run("COL001", snap).status == "warn" and run("GDE001", snap).status == "pass"


# -- COL003 ---------------------------------------------------------------------------------
def test_col003_passes_when_every_department_category_has_a_subcolumn():
    assert run("COL003", site()).status == "pass"


def test_col003_reports_each_missing_category_with_its_article_number():
    r = run("COL003", site(fd_links=[(FD + "a/", n) for n in DEPT_SUBCOLUMNS if n not in ("应急管理", "政府采购")]))
    assert r.status == "fail"
    assert sorted(f.evidence["category"] for f in r.findings) == ["九", "十二"]
    assert all(f.url == FD for f in r.findings)


def test_col003_asks_more_of_a_government_than_of_a_department():
    assert run("COL003", site(), level="government").status == "fail"      # 统计信息, 重大建设项目…


# -- COL004 ---------------------------------------------------------------------------------
def test_col004_flags_a_column_with_only_a_placeholder():
    blank = page(FD + "xwfb/", kind="column", placeholder=True, column="新闻发布")
    r = run("COL004", site(blank))
    assert r.status == "fail" and r.findings[0].url == FD + "xwfb/"


def test_col004_flags_an_empty_list_with_no_placeholder_text_too():
    blank = page(FD + "tjxx/", kind="column", empty_list=True, column="统计信息")
    r = run("COL004", site(blank))
    assert r.status == "fail" and r.findings[0].excerpt == "列表为空"
    assert run("COL004", site(page(FD + "tjxx/", kind="column", column="统计信息"))).status == "pass"


def test_col004_a_placeholder_on_one_page_of_a_paginated_column_with_entries_is_not_blank():
    first = page(FD + "xw/", kind="column", items=[ListItem(title="a", url=FD + "xw/1.html", date="2026-11-01")])
    second = page(FD + "xw/index_1.html", kind="column", placeholder=True)
    assert run("COL004", site(first, second)).status == "pass"


def test_col004_five_blank_columns_reach_the_veto_threshold():
    from auditor.app.judge import Judged, configure as cfg_of
    from auditor.core.scoring import score_rule
    blanks = [page(FD + f"b{i}/", kind="column", placeholder=True) for i in range(5)]
    rule = load_rules()["COL004"]
    cfg = cfg_of(rule, load_profile("national"), dt.date(2026, 11, 20), "department")
    result = rule.check(site(*blanks), cfg.settings)
    assert len(result.findings) == 5 and score_rule(Judged(cfg, result)).veto


# -- COL005 / COL006 ------------------------------------------------------------------------
def test_col005_passes_with_a_search_form_on_the_column():
    assert run("COL005", site()).status == "pass"


def test_col005_homepage_search_alone_does_not_count():
    snap = site(search=False)
    snap.home.stats.has_search_form = True
    r = run("COL005", snap)
    assert r.status == "fail" and r.findings[0].url == COL


def test_col006_passes_with_a_working_apply_entry():
    apply_page = page(COL + "ysqgk/", kind="column")
    assert run("COL006", site(apply_page, column_links=SECTIONS + [(COL + "ysqgk/", "依申请公开")])).status == "pass"


def test_col006_fails_without_an_entry_or_with_a_broken_one():
    assert run("COL006", site()).findings[0].message == "专栏中没有“依申请公开”入口"
    broken = page(COL + "ysqgk/", status=404)
    r = run("COL006", site(broken, column_links=SECTIONS + [(COL + "ysqgk/", "依申请公开")]))
    assert r.status == "fail" and "无法打开" in r.findings[0].message


def test_col006_a_document_title_mentioning_applications_is_not_an_entry():
    links = SECTIONS + [(COL + "zd/1.html", "榕江市市场监督管理局政府信息公开申请办理工作规程")]
    assert run("COL006", site(column_links=links)).status == "fail"


# -- GDE ------------------------------------------------------------------------------------
def test_gde001_to_004_pass_on_a_complete_current_guide():
    snap = site()
    assert {c: run(c, snap).status for c in ("GDE001", "GDE002", "GDE003", "GDE004")} == \
        dict.fromkeys(("GDE001", "GDE002", "GDE003", "GDE004"), "pass")


def test_gde001_fails_without_a_guide_and_the_others_are_not_applicable():
    snap = site(guide_text=None)
    assert run("GDE001", snap).status == "fail"
    assert {run(c, snap).status for c in ("GDE002", "GDE003", "GDE004")} == {"na"}


def test_gde001_fails_when_the_guide_is_not_reachable_from_the_column():
    orphan = page(HOME + "zn.html", kind="guide", text=GOOD_GUIDE, headline="政府信息公开指南")
    r = run("GDE001", site(orphan, guide_text=None))
    assert r.status == "fail" and r.findings[0].url == HOME + "zn.html"


@pytest.mark.parametrize("carried_by", ["data island", "data answer"])
def test_gde001_a_guide_listed_only_by_the_sections_script_is_reachable(carried_by):
    """Issue 17 item 3: entries a script puts on the 指南 section (its jpage data island, or the data
    answers of its list) are links of that section for every "reachable from" question."""
    entry = ListItem(title="榕江市市场监督管理局政府信息公开指南", url=GUIDE, date="2026-03-02")
    snap = site()
    pages = [p for p in snap.records if p.url != ZN]
    proxy = HOME + "module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15"
    if carried_by == "data island":
        section = [page(ZN, kind="column", items=[entry])]
    else:
        section = [page(ZN, kind="column"),
                   page(proxy + "#post:col=1&columnid=7", kind="column", list_of=ZN, items=[entry],
                        links=[(GUIDE, entry.title)]).model_copy(update={"final_url": proxy})]
    assert run("GDE001", snapshot(*pages, *section)).status == "pass"
    assert run("GDE001", snapshot(*pages, page(ZN, kind="column"))).status == "fail"      # listed nowhere


@pytest.mark.parametrize("text, expected", [
    ("更新日期：2026年3月2日", "2026-03-02"),
    ("修订日期：2025-12-01", "2025-12-01"),
    ("本指南于2025年6月1日更新。", "2025-06-01"),
    ("本指南自2025年6月1日起修订", "2025-06-01"),
])
def test_gde002_reads_the_ways_sites_state_an_update(text, expected):
    r = run("GDE002", site(guide_text=GOOD_GUIDE.replace("更新日期：2026年3月2日", text)))
    assert r.status == "pass" and r.metrics["updated"] == expected


def test_gde002_a_publish_date_alone_is_a_warning_and_is_named():
    """SPEC §8: an explicit 更新日期 is a local requirement (济南); a profile may make it a fail."""
    text = GOOD_GUIDE.replace("更新日期：2026年3月2日", "发布日期：2026年3月2日")
    r = run("GDE002", site(guide_text=text))
    assert r.status == "warn" and "2026-03-02" in r.findings[0].message
    rule = load_rules()["GDE002"]
    settings = {**configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department").settings,
                "guide_update_date_required": True}
    assert rule.check(site(guide_text=text), settings).status == "fail"


def test_gde002_reads_the_profiles_own_update_labels():
    """guide_update_labels: a site's own word for the update (最后更新于) is read; without it only the publish date."""
    text = GOOD_GUIDE.replace("更新日期：2026年3月2日", "本页最后更新于：2026年3月2日")
    assert run("GDE002", site(guide_text=text)).status == "warn"
    rule = load_rules()["GDE002"]
    settings = {**configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department").settings,
                "guide_update_labels": ["最后更新于"]}
    result = rule.check(site(guide_text=text), settings)
    assert result.status == "pass" and result.metrics["updated"] == "2026-03-02"


def test_gde002_a_guide_with_no_date_at_all_fails():
    text = GOOD_GUIDE.replace("更新日期：2026年3月2日", "")
    assert run("GDE002", site(guide_text=text, guide_published=None)).status == "fail"


@pytest.mark.parametrize("replace, count", [
    (("更新日期：2026年3月2日", "更新日期：2018年1月5日"), 1),           # before 2019-05-15
    (("国务院令第711号", "国务院令第492号"), 1),                          # old decree only
    (("20个工作日", "15个工作日"), 1),                                   # old reply period
    (("答复期限为20个工作日。", ""), 1),                                 # no reply period of the 2019 条例
])
def test_gde003_finds_each_sign_of_an_outdated_guide(replace, count):
    r = run("GDE003", site(guide_text=GOOD_GUIDE.replace(*replace)))
    assert r.status == "fail" and len(r.findings) == count


def test_gde003_has_no_age_limit_in_national_but_a_profile_may_set_one():
    """SPEC §8: the age limit (guide_max_age_days) is a profile option, off in national."""
    old = GOOD_GUIDE.replace("更新日期：2026年3月2日", "更新日期：2023年12月28日")
    assert run("GDE003", site(guide_text=old)).status == "pass"
    rule = load_rules()["GDE003"]
    settings = {**configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department").settings,
                "guide_max_age_days": 730}
    assert rule.check(site(guide_text=old), settings).status == "fail"


def test_gde003_without_update_date_judges_the_publish_date():
    text = GOOD_GUIDE.replace("更新日期：2026年3月2日", "")
    assert run("GDE003", site(guide_text=text, guide_published="2026-01-01")).status == "pass"
    assert run("GDE003", site(guide_text=text, guide_published="2018-01-01")).status == "fail"


def test_gde004_names_each_missing_item_and_tolerates_spaces():
    text = GOOD_GUIDE.replace("传 真：0599-8861236\n", "").replace("办公地址", "地　址")
    r = run("GDE004", site(guide_text=text))
    assert [f.evidence["item"] for f in r.findings] == ["传真"]


@pytest.mark.parametrize("wording", ["（一）受理机构\n榕江市市场监督管理局办公室",
                                     "本机关政府信息公开工作机构为榕江市市场监督管理局办公室"])
def test_gde004_reads_the_2008_style_guides_name_for_the_office(wording):
    """Issue 17 item 8: a 2008-style guide names its office 受理机构 (no colon), not 机构名称."""
    text = GOOD_GUIDE.replace("受理机构名称：榕江市市场监督管理局办公室", wording)
    assert run("GDE004", site(guide_text=text)).status == "pass"
    assert run("GDE004", site(guide_text=text.replace(wording, ""))).status == "fail"


# -- RPT ------------------------------------------------------------------------------------
SIX = ("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
       "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项")
BALANCED = dict(new=[12, 3, 0, 0, 1, 0], carried_in=[1, 0, 0, 0, 0, 0], carried_out=[2, 0, 0, 0, 0, 0],
                results={"（一）予以公开": [6, 2, 0, 0, 1, 0], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [2, 0, 0, 0, 0, 0],
                         "1.本机关不掌握相关政府信息": [3, 1, 0, 0, 0, 0]})


def grid_of(html):
    record = extract_page("http://x.gov.cn/nb/2025.html",
                          f"<html><head><title>2025年度政府信息公开工作年度报告</title></head><body>{html}</body></html>"
                          .encode(), "text/html")
    return record.tables[0]


GOOD_TABLE = grid_of(application_table_html(**BALANCED))
BAD_TABLE = grid_of(application_table_html(**{**BALANCED, "carried_in": [2, 0, 0, 0, 0, 0]}))
THREE = [(2025, "2026-01-20", SIX, [GOOD_TABLE]), (2024, "2025-01-22", SIX, [GOOD_TABLE]),
         (2023, "2024-01-25", SIX, [GOOD_TABLE])]


def test_rpt_all_pass_for_three_complete_reports_on_time():
    snap = site(reports=THREE)
    assert {c: run(c, snap).status for c in ("RPT001", "RPT002", "RPT003", "RPT004")} == \
        dict.fromkeys(("RPT001", "RPT002", "RPT003", "RPT004"), "pass")


def test_rpt001_late_report_gives_both_dates():
    r = run("RPT001", site(reports=[(2025, "2026-02-16", SIX, [])]))
    assert r.status == "fail" and "2026-02-16" in r.findings[0].message and "2026-01-31" in r.findings[0].message


def test_rpt001_government_deadline_is_march_31():
    snap = site(reports=[(2025, "2026-03-20", SIX, [])])
    assert run("RPT001", snap, level="government").status == "pass"
    assert run("RPT001", snap, level="department").status == "fail"


@pytest.mark.parametrize("year, published, as_of, status", [
    (2017, "2018-03-20", "2018-07-27", "pass"),     # 2008 条例 第三十一条: every agency by 3月31日
    (2017, "2018-04-02", "2018-07-27", "fail"),
    (2018, "2019-03-20", "2019-07-01", "pass"),     # due 2019-03-31: the revised 条例 came into force later
    (2019, "2020-03-20", "2020-07-01", "fail"),     # the revised 条例: a department's by 1月31日
])
def test_rpt001_judges_a_report_by_the_deadline_of_the_law_in_force_when_it_was_due(year, published, as_of, status):
    r = run("RPT001", site(reports=[(year, published, SIX, [])]), as_of=as_of, level="department")
    assert r.status == status, r.message
    if status == "fail":
        assert str(year + 1) + ("-03-31" if year < 2018 else "-01-31") in r.findings[0].message


def test_rpt001_is_not_applicable_before_the_deadline_and_fails_after_it():
    assert run("RPT001", site(), as_of="2026-01-15").status == "na"
    assert run("RPT001", site(), as_of="2026-02-01").status == "fail"


def test_rpt001_uses_the_list_date_when_the_report_is_an_attachment():
    items = [("榕江市市场监督管理局2025年度政府信息公开工作年度报告", NB + "2025.pdf", "2026-01-28")]
    assert run("RPT001", site(nb_items=items)).status == "pass"


def test_rpt002_names_the_missing_sections():
    text = SIX.replace("五、存在的主要问题及改进情况\n", "")
    r = run("RPT002", site(reports=[(2025, "2026-01-20", text, [])]))
    assert r.status == "fail" and r.findings[0].evidence["missing"] == ["五、存在的主要问题及改进情况"]


def test_rpt002_ignores_reports_before_the_2021_format():
    assert run("RPT002", site(reports=[(2020, "2021-01-20", "一、总体情况", [])])).status == "na"


def test_rpt003_finds_a_column_that_does_not_add_up():
    r = run("RPT003", site(reports=[(2024, "2025-01-22", SIX, [BAD_TABLE])]))
    assert r.status == "fail" and r.findings[0].evidence["problems"][0].startswith("“自然人”列")


def test_rpt003_is_not_applicable_when_tables_are_not_html():
    assert run("RPT003", site(reports=[(2025, "2026-01-20", SIX, [])])).status == "na"


def test_rpt004_one_finding_per_missing_year():
    r = run("RPT004", site(reports=THREE[:1]))
    assert sorted(f.evidence["year"] for f in r.findings) == [2023, 2024]


# -- missing or dead data is never a pass, and never a made-up fail ------------------------------
def test_col001_a_dead_entry_link_is_no_column():
    snap = site()
    snap.by_url[COL].status = 404
    r = run("COL001", snap)
    assert r.status == "fail" and "无法打开" in r.findings[0].message and r.findings[0].url == COL


def test_col002_a_dead_section_link_is_a_finding():
    dead = page(COL + "zd/", status=404)
    r = run("COL002", site(dead))
    assert r.status == "fail"
    assert [f.evidence["section"] for f in r.findings] == ["政府信息公开制度"] and "HTTP 404" in r.findings[0].message


def test_a_column_robots_kept_us_from_is_an_error_not_a_fail():
    home = page(HOME, kind="home", depth=0, links=[(COL, "政府信息公开")])
    blocked = page(COL, status=None, skipped="robots")
    snap = snapshot(home, blocked)
    assert run("COL001", snap).status == "pass"                 # the name on the homepage is judged
    for code in ("COL002", "COL003", "COL005", "COL006", "GDE001"):
        r = run(code, snap)
        assert r.status == "error" and "robots" in r.message, code


def test_col005_col006_look_at_the_column_and_its_sections_only():
    apply_page = page(COL + "ysqgk/", kind="column", links=[(COL + "ysqgk/form.html", "依申请公开在线申请")],
                      stats={"has_search_form": True})
    snap = site(apply_page, search=False)          # the 依申请公开 page itself is not linked from the column
    assert run("COL006", snap).status == "fail"
    assert run("COL005", snap).status == "fail"


# -- wording real guides use (review of issue 3) ------------------------------------------------
def test_gde003_the_current_15_day_third_party_period_is_not_an_old_reply_period():
    text = GOOD_GUIDE + "\n第三方应当自收到征求意见书之日起15个工作日内提出意见。"
    assert run("GDE003", site(guide_text=text)).status == "pass"
    old = GOOD_GUIDE.replace("答复期限为20个工作日。", "行政机关应当在15个工作日内予以答复。")
    assert run("GDE003", site(guide_text=old)).status == "fail"


def test_gde004_naming_fax_as_a_channel_or_a_website_address_is_not_the_item():
    text = GOOD_GUIDE.replace("传 真：0599-8861236\n", "可通过信函、传真、电子邮件等方式提出申请。\n") \
        .replace("办公地址：江滨北路88号\n", "网站地址：http://scjgj.example.gov.cn\n")
    r = run("GDE004", site(guide_text=text))
    assert sorted(f.evidence["item"] for f in r.findings) == ["传真", "办公地址"]


@pytest.mark.parametrize("text, expected", [
    ("更新日期：2024年3月", "2024-03-31"),                # a month alone: its last day
    ("（2024年3月修订）", "2024-03-31"),
    ("本指南于2024年3月更新", "2024-03-31"),
    ("更 新 日 期：2026年3月2日", "2026-03-02"),
])
def test_gde002_update_dates_given_to_the_month_or_with_spaces(text, expected):
    r = run("GDE002", site(guide_text=GOOD_GUIDE.replace("更新日期：2026年3月2日", text)))
    assert r.status == "pass" and r.metrics["updated"] == expected




# -- the real 2021 table (review of issue 3) ------------------------------------------------------
@pytest.mark.parametrize("blank_zero", [False, True])
def test_rpt003_reads_the_real_merged_header_table_with_or_without_zeros(blank_zero):
    grid = grid_of(application_table_html(**BALANCED, blank_zero=blank_zero))
    table = parse_application_table(grid)
    assert table.columns == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert table.new == [12, 3, 0, 0, 1, 0, 16] and table.total == [11, 3, 0, 0, 1, 0, 15]
    assert len(table.results) == 21
    assert table_mismatches(grid) == []


def test_rpt003_names_the_applicant_column_that_does_not_balance():
    grid = grid_of(application_table_html(**{**BALANCED, "carried_out": [1, 0, 0, 0, 0, 0]}, blank_zero=True))
    problems = table_mismatches(grid)
    assert problems and problems[0].startswith("“自然人”列")


def test_rpt003_a_total_that_is_not_the_sum_of_its_rows():
    grid = grid_of(application_table_html(**{**BALANCED, "carried_out": [3, 0, 0, 0, 0, 0]},
                                          total=[10, 3, 0, 0, 1, 0]))
    assert any("各项之和 11，与（七）总计 10 不符" in p for p in table_mismatches(grid))


def test_rpt_another_bodys_report_on_the_list_is_not_the_agencys():
    items = [("某某县教育局2025年度政府信息公开工作年度报告", NB + "jyj2025.html", "2026-01-10"),
             ("榕江市市场监督管理局2025年度政府信息公开工作年度报告", NB + "own2025.html", "2026-02-10")]
    snap = site(nb_items=items)
    snap.home.meta["SiteName"] = "榕江市市场监督管理局"
    r = run("RPT001", snap)
    assert r.status == "fail" and r.findings[0].url == NB + "own2025.html"     # the agency's own, late
    only_other = site(nb_items=items[:1])
    only_other.home.meta["SiteName"] = "榕江市市场监督管理局"
    assert "未找到 2025 年度" in run("RPT001", only_other).findings[0].message


@pytest.mark.parametrize("published, level, status", [
    ("2026-01-31", "department", "pass"), ("2026-02-01", "department", "fail"),
    ("2026-03-31", "government", "pass"), ("2026-04-01", "government", "fail"),
])
def test_rpt001_the_deadline_day_itself_is_on_time(published, level, status):
    assert run("RPT001", site(reports=[(2025, published, SIX, [])]), level=level).status == status


def test_rpt001_a_report_dated_before_its_year_ended_is_questioned():
    r = run("RPT001", site(reports=[(2025, "2025-02-10", SIX, [])]))
    assert r.status == "warn" and "2025-02-10" in r.findings[0].message


def test_col003_document_titles_do_not_stand_in_for_sub_columns():
    titles = ["2026年行政事业性收费标准", "某某县政府采购意向公开", "县应急预案"]
    docs = [page(FD + f"c0/{i}.html", kind="article", headline=t) for i, t in enumerate(titles)]
    fd_links = [(FD + f"c{i}/", n) for i, n in enumerate(DEPT_SUBCOLUMNS) if n not in ("收费项目", "政府采购", "应急管理")]
    fd_links += [(d.url, t) for d, t in zip(docs, titles)]
    r = run("COL003", site(*docs, fd_links=fd_links))
    assert sorted(f.evidence["category"] for f in r.findings) == ["九", "八", "十二"]


def test_col004_a_blank_column_whose_script_built_list_was_not_read_is_a_warning_to_verify():
    blank = page(FD + "xw/", kind="column", placeholder=True)
    unread = page(FD + "xw/index_1.html", kind="column", script_built=True)
    r = run("COL004", site(blank, unread))
    assert r.status == "warn" and "待人工核实" in r.findings[0].message
    assert run("COL004", site(blank)).status == "fail"


def test_col004_entries_from_a_data_endpoint_make_the_column_not_blank():
    blank = page(FD + "xw/", kind="column", placeholder=True)
    answer = page(COL + "module/dataproxy.jsp?page=2", kind="column", list_of=FD + "xw/", via="jpage",
                  items=[ListItem(title="a", url=FD + "xw/1.html", date="2026-11-01")])
    assert run("COL004", site(blank, answer)).status == "pass"


def test_col004_lists_named_by_their_query_are_columns_of_their_own():
    """Review of issue 17: list.jsp?columnid=1 and ?columnid=2 in one directory were merged, so a blank
    column beside a full one was never seen; their page numbers still make one list."""
    from auditor.core.models import ListItem as Item
    full = [Item(title=f"通知{i}", url=HOME + f"art/{i}.html", date="2026-11-01") for i in range(3)]
    lists = [page(HOME + "list.jsp?columnid=1", kind="column", column="通知公告", items=full),
             page(HOME + "list.jsp?columnid=1&page=2", kind="column", column="通知公告", items=full),
             page(HOME + "list.jsp?columnid=2", kind="column", column="工作动态", placeholder=True)]
    r = run("COL004", snapshot(page(HOME, kind="home", depth=0), *lists))
    assert r.status == "fail" and [f.url for f in r.findings] == [HOME + "list.jsp?columnid=2"]
