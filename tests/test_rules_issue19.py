"""Issue 19's rules in existing families on hand-built snapshots: RPT005 (政府网站工作年度报表),
RPT007 (tables 二 and 四 add up), POL001 (repealed 规范性文件 marked), DIR001 (catalogue fields)."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.annual_report import document_counts, find_documents_table, review_counts

from tests.conftest import HOME, page
from tests.test_rules_column_guide_report import GOOD_TABLE, NB, SIX, run, site
from tests.real_pages import PAGES, needs_real_pages

HEADS = "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 3


def review_html(values) -> str:
    return ('<table border="1"><tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>'
            '<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>'
            f'<tr>{HEADS}</tr><tr>{"".join(f"<td>{v}</td>" for v in values)}</tr></table>')


def documents_html(issued, repealed, in_force) -> str:
    return ('<table border="1"><tr><th colspan="4">第二十条第（一）项</th></tr>'
            '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>'
            '<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>'
            f'<tr><td>行政规范性文件</td><td>{issued}</td><td>{repealed}</td><td>{in_force}</td></tr>'
            '<tr><th colspan="4">第二十条第（五）项</th></tr>'
            '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
            '<tr><td>行政许可</td><td colspan="3">3862</td></tr></table>')


def tables_of(*html: str) -> list:
    record = extract_page("http://x.gov.cn/nb/2025.html",
                          ("<html><head><title>2025年度政府信息公开工作年度报告</title></head><body>"
                           + "".join(html) + "</body></html>").encode(), "text/html")
    return record.tables


BALANCED_REVIEW = [2, 0, 0, 0, 2, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]


# -- RPT007 ---------------------------------------------------------------------------------

def test_rpt007_reads_table_four_as_three_groups_of_five():
    grid = tables_of(review_html(BALANCED_REVIEW))[0]
    assert review_counts(grid) == [[2, 0, 0, 0, 2], [1, 0, 0, 1, 2], [0, 0, 0, 0, 0]]


def test_rpt007_passes_when_tables_two_and_four_add_up():
    tables = tables_of(documents_html(5, 1, 15), review_html(BALANCED_REVIEW)) + [GOOD_TABLE]
    r = run("RPT007", site(reports=[(2025, "2026-01-20", SIX, tables)]))
    assert r.status == "pass" and r.metrics["checked"] == [2025]


def test_rpt007_names_the_group_whose_total_is_wrong():
    wrong = list(BALANCED_REVIEW)
    wrong[9] = 3                                   # 未经复议直接起诉: 1 + 0 + 0 + 1 = 2, printed 3
    r = run("RPT007", site(reports=[(2025, "2026-01-20", SIX, tables_of(review_html(wrong)))]))
    assert r.status == "fail" and len(r.findings) == 1
    assert "未经复议直接起诉" in r.findings[0].message and "= 2，而总计为 3" in r.findings[0].message


def test_rpt007_in_force_documents_cannot_be_fewer_than_made_less_repealed():
    assert document_counts(find_documents_table(tables_of(documents_html(5, 1, 15)))) == {
        "规章": (0, 0, 0), "行政规范性文件": (5, 1, 15)}
    r = run("RPT007", site(reports=[(2025, "2026-01-20", SIX, tables_of(documents_html(9, 1, 3)))]))
    assert r.status == "fail" and "至少应为 8 件" in r.findings[0].message


def test_rpt007_a_transposed_or_missing_table_is_unreadable_not_passed():
    transposed = ('<table border="1"><tr><td>行政复议</td><td>结果维持</td><td>2</td></tr>'
                  '<tr><td>行政诉讼</td><td>结果维持</td><td>1</td></tr></table>')
    r = run("RPT007", site(reports=[(2025, "2026-01-20", SIX, tables_of(transposed))]))
    assert r.status == "na" and r.metrics["unreadable"] == [2025]
    assert run("RPT007", site(reports=[(2025, "2026-01-20", SIX, [])])).status == "na"


# -- RPT005 ---------------------------------------------------------------------------------

def _home_with(*links, items=()):
    from auditor.core.models import ListItem
    return page(HOME, kind="home", depth=0, links=list(links),
                items=[ListItem(title=t, url=u, date=d) for t, u, d in items])


def test_rpt005_passes_with_last_years_report_on_the_homepage():
    snap = site(_home_with((HOME + "bb/2025.html", "2025年度政府网站工作年度报表")))
    snap = _replace_home(snap)
    r = run("RPT005", snap)
    assert r.status == "pass", r


def _replace_home(snap):
    """site() builds its own homepage; the one given among ``extra`` replaces it."""
    from tests.conftest import snapshot
    homes = [p for p in snap.records if p.url == HOME]
    return snapshot(homes[-1], *[p for p in snap.records if p.url != HOME])


def test_rpt005_reads_the_year_from_the_page_an_icon_links_to():
    report = page(HOME + "bb/report.html", kind="article", headline="榕江市市场监督管理局2025年度政府网站工作年度报表",
                  published="2026-01-12")
    snap = _replace_home(site(_home_with((report.url, "政府网站工作年度报表")), report))
    assert run("RPT005", snap).status == "pass"


def test_rpt005_a_late_report_gives_both_dates():
    report = page(HOME + "bb/report.html", kind="article", headline="2025年度政府网站工作年度报表", published="2026-02-20")
    snap = _replace_home(site(_home_with((report.url, "2025年度政府网站工作年度报表")), report))
    r = run("RPT005", snap)
    assert r.status == "fail" and "2026-02-20" in r.findings[0].message and "2026-01-31" in r.findings[0].message


def test_rpt005_a_report_published_elsewhere_but_not_on_the_homepage_fails_and_says_so():
    from auditor.core.models import ListItem
    listing = page(HOME + "xxgk/bb/", kind="column",
                   items=[ListItem(title="2025年度政府网站工作年度报表", url=HOME + "bb/2025.html", date="2026-01-10")])
    r = run("RPT005", site(listing))
    assert r.status == "fail" and "首页没有展示" in r.findings[0].message
    assert r.findings[0].url == HOME + "bb/2025.html"


def test_rpt005_only_an_older_years_report_on_the_homepage_fails():
    snap = _replace_home(site(_home_with((HOME + "bb/2024.html", "2024年度政府网站工作年度报表"))))
    r = run("RPT005", snap)
    assert r.status == "fail" and "2025 年度" in r.findings[0].message


def test_rpt005_before_the_deadline_is_not_applicable_and_undated_links_are_for_a_person():
    assert run("RPT005", site(), as_of="2026-01-20").status == "na"
    assert run("RPT005", site(), as_of="2026-02-01").status == "fail"
    snap = _replace_home(site(_home_with((HOME + "bb/x.pdf", "政府网站工作年度报表"))))
    r = run("RPT005", snap)
    assert r.status == "warn" and "读不出年度" in r.findings[0].message


def test_rpt005_does_not_apply_before_the_2018_notice():
    import datetime as dt
    from rules.registry import load_rules
    assert load_rules()["RPT005"].in_force.since == dt.date(2018, 1, 15)      # the judge's SPEC §7 gate


def test_rpt005_the_information_disclosure_annual_report_is_not_the_website_report():
    snap = _replace_home(site(_home_with((NB + "2025.html", "2025年度政府信息公开工作年度报告"))))
    assert run("RPT005", snap).status == "fail"


# -- POL001 ---------------------------------------------------------------------------------
from auditor.core.extract.repeal import carries_mark, declarations  # noqa: E402

GK = HOME + "xxgk/fdzdgknr/zcwj/"


def policy(n, headline, number, published, text=""):
    return page(GK + f"t{n}.html", kind="policy", headline=headline, title=headline, doc_number=number,
                published=published, text=text or f"{headline}\n{number}\n正文。")


OLD = policy(1, "榕江市市场监督管理局行政处罚裁量权适用规则", "榕市监规〔2019〕3号", "2019-04-02")
NEW = policy(2, "榕江市市场监督管理局行政处罚裁量权适用规则（2026年修订）", "榕市监规〔2026〕1号", "2026-03-01",
             text="第三十条 本规则自2026年4月1日起施行，《榕江市市场监督管理局行政处罚裁量权适用规则》"
                  "（榕市监规〔2019〕3号）同时废止。")


def test_pol001_a_repealed_document_left_unmarked_is_a_finding():
    r = run("POL001", site(OLD, NEW))
    assert r.status == "fail" and len(r.findings) == 1
    f = r.findings[0]
    assert f.url == OLD.url and f.evidence["declared_by"] == NEW.url and "同时废止" in f.excerpt


@pytest.mark.parametrize("mark", ["索引号：x\n有效性：已废止\n", "【已废止】\n", "本规则已于2026年4月1日废止。"])
def test_pol001_a_marked_document_passes(mark):
    marked = OLD.model_copy(update={"text": mark + OLD.text})
    assert run("POL001", site(marked, NEW)).status == "pass"


def test_pol001_the_mark_in_the_title_counts():
    marked = OLD.model_copy(update={"headline": OLD.headline + "【已失效】"})
    assert run("POL001", site(marked, NEW)).status == "pass"


def test_pol001_a_document_not_on_the_site_or_none_declared_is_not_applicable():
    assert run("POL001", site(NEW)).status == "na"
    assert run("POL001", site(OLD)).status == "na"


def test_pol001_the_authority_a_repeal_cites_is_not_repealed():
    decls = declarations("根据《国务院关于取消一批行政许可事项的决定》（国发〔2025〕2号），决定废止《榕江市食品小作坊登记管理办法》。")
    assert [d.titles for d in decls] == [["榕江市食品小作坊登记管理办法"]] and decls[0].numbers == []


def test_pol001_amendments_are_read_and_an_earlier_document_cannot_repeal_a_later_one():
    amend = policy(3, "关于修改《榕江市市场监督管理局行政处罚裁量权适用规则》的决定", "榕市监规〔2026〕2号",
                   "2026-05-01", text="决定对《榕江市市场监督管理局行政处罚裁量权适用规则》作如下修改：……")
    r = run("POL001", site(OLD, amend))
    assert r.status == "fail" and r.findings[0].evidence["action"] == "修改"
    early = policy(4, "旧的通知", "榕市监〔2018〕9号", "2018-01-01",
                   text="《榕江市市场监督管理局行政处罚裁量权适用规则》（榕市监规〔2019〕3号）同时废止。")
    assert run("POL001", site(OLD, early)).status == "na"


def test_pol001_marks_are_read_strictly():
    assert carries_mark("x", "时效性：失效") and carries_mark("关于…的通知（已修改）", "")
    assert not carries_mark("x", "本办法自2020年1月1日起施行，原《甲乙丙丁戊己庚》同时废止。")


# -- DIR001 ---------------------------------------------------------------------------------

def entry(n, **fields):
    fields.setdefault("headline", f"榕江市市场监督管理局文件{n}")
    fields.setdefault("index_number", f"11350000MB0000000X/2026-{n:05d}")
    fields.setdefault("overview", "市场监管")
    fields.setdefault("written", "2026-03-01")
    return page(GK + f"d{n}.html", kind="policy", **fields)


def test_dir001_passes_when_nine_in_ten_entries_are_complete():
    entries = [entry(i) for i in range(9)] + [entry(9, overview=None)]
    r = run("DIR001", site(*entries, guide_text=None))
    assert r.status == "pass" and r.metrics["entries"] == 10 and r.metrics["complete"] == 9


def test_dir001_names_the_missing_fields_and_the_worst_pages():
    entries = [entry(i) for i in range(5)] + [entry(i, overview=None, index_number=None) for i in range(5, 10)]
    r = run("DIR001", site(*entries, guide_text=None))
    assert r.status == "fail" and "50%" in r.findings[0].message
    assert "索引号 5 条" in r.findings[0].message and "内容概述或主题分类 5 条" in r.findings[0].message
    assert r.findings[0].evidence["missing"] == ["索引号", "内容概述或主题分类"]


def test_dir001_too_few_entries_is_not_applicable_and_pages_off_the_column_do_not_count():
    assert run("DIR001", site(*[entry(i) for i in range(3)], guide_text=None)).status == "na"
    elsewhere = [page(HOME + f"xwzx/a{i}.html", kind="article", headline=f"新闻{i}") for i in range(10)]
    assert run("DIR001", site(*elsewhere, guide_text=None)).status == "na"


@needs_real_pages
def test_dir001_reads_real_information_tables():
    """Real pages (tests/real/SOURCES.md): a 分类 field stands for 主题分类; a page with none lacks 内容概述."""
    real = PAGES
    from tests.test_rules_column_guide_report import extract_page as extract
    jl = extract("http://x.gov.cn/a.html", (real / "jl_policy_1.html").read_bytes(), "text/html")
    wanzai = extract("http://x.gov.cn/b.html", (real / "wanzai_article_1.html").read_bytes(), "text/html")
    from rules.catalogue import catalogue_missing
    assert jl.overview == "环境监测、保护与治理;通告" and catalogue_missing(jl) == []
    assert catalogue_missing(wanzai) == ["内容概述或主题分类"]


# -- RPT006 ---------------------------------------------------------------------------------
PROSE_2024 = ("一、总体情况\n2024年，本局深入贯彻落实政府信息公开条例，围绕优化营商环境和食品安全监管重点，"
              "主动公开规范性文件和行政处罚信息，开展政务公开培训两次，推动基层市场监管所信息报送制度化。\n"
              "五、存在的主要问题及改进情况\n一是依申请公开答复规范化水平有待提高；二是基层市场监管所信息报送不够及时。"
              "下一步将加强业务培训，完善信息报送考核，建立答复文书范本库。\n六、其他需要报告的事项\n本局2024年度办理人大代表建议12件、政协提案9件。")
PROSE_2025 = ("一、总体情况\n2025年，本局以个体工商户分型分类帮扶和电动自行车安全整治为重点，集中公开帮扶政策清单、"
              "产品质量抽查结果和信用修复办理流程，新开设轻微违法不予处罚清单专栏，并对政务公开平台进行了改版。\n"
              "五、存在的主要问题及改进情况\n一是政策解读的针对性和可读性有待增强；二是政府信息公开指南更新不够及时。"
              "下一步将推行图解、视频解读，每年一月修订公开指南。\n六、其他需要报告的事项\n本局2025年度办理人大代表建议14件、政协提案10件。")


def test_rpt006_a_report_that_repeats_last_years_prose_with_new_numbers_is_a_copy():
    copied = PROSE_2024.replace("2024", "2025").replace("12件", "15件").replace("9件", "11件")
    r = run("RPT006", site(reports=[(2025, "2026-01-20", copied, []), (2024, "2025-01-22", PROSE_2024, [])]))
    assert r.status == "fail" and "2025 年度年报与 2024 年度年报雷同" in r.findings[0].message
    assert r.findings[0].evidence["similarity"] >= 0.9


def test_rpt006_honest_consecutive_reports_pass_and_a_single_one_is_not_applicable():
    r = run("RPT006", site(reports=[(2025, "2026-01-20", PROSE_2025, []), (2024, "2025-01-22", PROSE_2024, [])]))
    assert r.status == "pass" and r.metrics["compared"][0]["similarity"] < 0.35
    assert run("RPT006", site(reports=[(2025, "2026-01-20", PROSE_2025, [])])).status == "na"


def test_rpt005_reads_the_wording_a_real_homepage_uses():
    """Review: the Handan homepage links 政府网站年度工作报表 (no year in the link): found, for a person to
    confirm the year, not "not found"."""
    from tests.conftest import SAMPLES, snapshot
    sample = SAMPLES / "xxgk_home_handan_hdzfxxgk.savedpage.jsp.html"
    if not sample.exists():
        pytest.skip("../shared/samples is absent")
    home = extract_page(HOME, sample.read_bytes(), "text/html").model_copy(update={"kind": "home", "depth": 0})
    r = run("RPT005", snapshot(home))
    assert r.status == "warn" and "读不出年度" in r.findings[0].message and r.findings[0].url.endswith("/ztzl/ndgzbb")


RELATED = "\n".join(["相关链接", "榕江市人民政府", "福建省市场监督管理局", "国家市场监督管理总局", "中国政府网",
                     "12315投诉举报平台", "国家企业信用信息公示系统", "信用中国", "中国政府采购网", "福建省网上办事大厅"] * 3)


def test_rpt006_the_page_template_is_not_report_text():
    """Review: two years whose pages say only 全文见附件 above the same 相关链接 block scored 1.00."""
    policy_page = page(HOME + "zc/1.html", kind="policy", text="关于印发某办法的通知\n正文。\n" + RELATED)
    attached = "全文见附件。\n" + RELATED
    r = run("RPT006", site(policy_page, reports=[(2025, "2026-01-20", attached, []), (2024, "2025-01-22", attached, [])]))
    assert r.status == "na"
    honest = run("RPT006", site(policy_page, reports=[(2025, "2026-01-20", PROSE_2025 + "\n" + RELATED, []),
                                                      (2024, "2025-01-22", PROSE_2024 + "\n" + RELATED, [])]))
    assert honest.status == "pass" and honest.metrics["compared"][0]["similarity"] < 0.2


def test_pol001_reads_the_list_form_of_a_clean_up_and_a_partial_repeal_is_an_amendment():
    """Review: 决定废止以下规范性文件： then a list found nothing; 《…》第十条同时废止 read as the whole repealed."""
    decls = declarations("经清理，决定废止以下规范性文件：\n1.《榕江市食品小作坊登记管理办法》（榕市监规〔2018〕2号）\n"
                         "2.《榕江市广告监测工作规程》（榕市监〔2017〕5号）\n\n本决定自公布之日起施行。")
    assert [(d.action, d.numbers) for d in decls] == [("废止", ["榕市监规〔2018〕2号"]), ("废止", ["榕市监〔2017〕5号"])]
    assert [d.action for d in declarations("《榕江市市场监督管理局行政处罚裁量权适用规则》第十条同时废止。")] == ["修改"]


@pytest.mark.parametrize("mark", ["有效性：无效", "是否有效：否", "状态：已废止", "失效日期：2025-10-14"])
def test_pol001_reads_the_status_fields_sites_use(mark):
    assert carries_mark("x", mark)
