"""ID001, ID003–ID009 and A11Y001–A11Y006 on hand-built snapshots: failing and passing cases."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.app.judge import configure
from auditor.app.profiles import load_profile
from rules.registry import load_rules

from auditor.core.models import Link
from tests.conftest import HOME, page, snapshot

FOOTER = dict(host_org="榕江市市场监督管理局", contact="0599-8861235", site_id_code="3599000012",
              icp="闽ICP备16004231号-1", psb="闽公网安备35070202000317号", psb_link_code="35070202000317",
              conac=True, jiucuo="current", jiucuo_sitecode="3599000012", a11y_toolbar=True, elder_mode=True)
META = {"SiteName": "榕江市市场监督管理局", "SiteDomain": "scjgj.rongjiang.gov.cn", "SiteIDCode": "3599000012"}
ARTICLE_META = {**META, "ArticleTitle": "标题", "PubDate": "2026-11-01", "ContentSource": "榕江市市场监督管理局"}


def run(code, snap):
    rule = load_rules()[code]
    return rule.check(snap, configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department").settings)


def site(home_footer=None, article_footer=None, home_meta=None, article_meta=None, **home_kw):
    home = page(HOME, kind="home", depth=0, footer={**FOOTER, **(home_footer or {})},
                meta=home_meta if home_meta is not None else dict(META), lang="zh-CN", **home_kw)
    article = page(HOME + "xwzx/1.html", kind="article", footer={**FOOTER, **(article_footer or {})},
                   meta=article_meta if article_meta is not None else dict(ARTICLE_META), lang="zh-CN")
    return snapshot(home, article)


IDENTITY = ["ID001", "ID002", "ID003", "ID004", "ID005", "ID006", "ID007", "ID008"]


def test_a_complete_footer_and_metadata_pass_every_identity_rule():
    snap = site()
    assert {c: run(c, snap).status for c in IDENTITY} == dict.fromkeys(IDENTITY, "pass")


@pytest.mark.parametrize("code, footer, words", [
    ("ID001", {"host_org": None}, "主办单位"),
    ("ID001", {"contact": None}, "联系方式"),
    ("ID003", {"icp": None}, "未标注 ICP"),
    ("ID003", {"icp": "闽ICP16004231"}, "格式不规范"),
    ("ID004", {"psb": None}, "未标注公安机关备案号"),
    ("ID004", {"psb": "公安备案号35012899001-19002"}, "格式不规范"),
    ("ID004", {"psb_link_code": "35070202000999"}, "不一致"),
    ("ID005", {"conac": False}, "党政机关网站标识"),
    ("ID006", {"jiucuo": None}, "未设置"),
])
def test_identity_rules_fail_on_the_homepage(code, footer, words):
    r = run(code, site(home_footer=footer))
    assert r.status == "fail" and any(words in f.message for f in r.findings), r.findings


def test_a_marker_missing_from_one_template_is_a_finding_on_that_template():
    r = run("ID005", site(article_footer={"conac": False}))
    assert r.status == "fail" and r.findings[0].url == HOME + "xwzx/1.html"


@pytest.mark.parametrize("url", [HOME + "uploadfiles/2018/05/abc.html", HOME + "zwgk/word.html"])
def test_a_file_uploaded_as_html_is_no_page_template(url):
    """Issue 17 item 8: a Word document saved as HTML (under the CMS's upload folder, or with no link
    and no footer at all) was sampled as a page template, failing ID001, ID003–ID005 on a site whose
    every page shows them."""
    uploaded = page(url, kind="article", headline="附件：申请表")
    if "uploadfiles" in url:
        uploaded = uploaded.model_copy(update={"links": [Link(url=HOME, text="返回")]})
    snap = snapshot(*site().records, uploaded)
    for code in ("ID001", "ID003", "ID004", "ID005"):
        assert run(code, snap).status == run(code, site()).status == "pass", code


def test_id006_the_retired_kaipuyun_link_is_a_warning():
    assert run("ID006", site(home_footer={"jiucuo": "legacy"})).status == "warn"


def test_id006_an_empty_container_without_the_script_is_for_a_person_to_check():
    """Real pages (tests/real: pingtan) carry <span id="_span_jiucuo"> and no jiucuo.js in the HTML: the
    site's own script may load it, or nothing does — a warning to verify, neither a pass nor a fail."""
    r = run("ID006", site(home_footer={"jiucuo": None, "jiucuo_container": True}))
    assert r.status == "warn" and "人工核实" in r.findings[0].message
    assert run("ID006", site(home_footer={"jiucuo": None})).status == "fail"


def test_id007_id008_report_the_share_of_pages_missing_each_tag():
    r = run("ID007", site(article_meta={"ArticleTitle": "t", "PubDate": "2026-11-01", "ContentSource": "x"}))
    assert r.status == "fail" and {f.evidence["tag"] for f in r.findings} == {"SiteName", "SiteDomain", "SiteIDCode"}
    assert r.metrics["SiteName"] == 0.5
    r = run("ID008", site(article_meta={**META, "ArticleTitle": "t"}))
    assert {f.evidence["tag"] for f in r.findings} == {"PubDate", "ContentSource"}


def test_id009_deducts_for_a_domain_outside_gov_cn():
    assert run("ID009", snapshot(page("http://www.example.com/", kind="home", depth=0),
                                 start_url="http://www.example.com/")).status == "fail"
    assert (load_rules()["ID009"].kind, load_rules()["ID009"].points) == ("deduct", 1)     # SPEC §8
    assert run("ID009", snapshot(page("http://scjgj.rongjiang.gov.cn/", kind="home", depth=0),
                                 start_url="http://scjgj.rongjiang.gov.cn/")).status == "pass"
    assert run("ID009", snapshot(page("http://www.rongjiang.政务/", kind="home", depth=0),
                                 start_url="http://www.rongjiang.政务/")).status == "pass"
    for ip in ("http://10.1.2.3/", "http://127.0.0.1:8000/", "http://[::1]/"):     # an address is no domain
        assert run("ID009", snapshot(page(ip, kind="home", depth=0), start_url=ip)).status == "na", ip


@pytest.mark.parametrize("code, footer", [("A11Y001", {"a11y_toolbar": False}), ("A11Y002", {"elder_mode": False})])
def test_a11y_homepage_services(code, footer):
    assert run(code, site()).status == "pass"
    assert run(code, site(home_footer=footer)).status == "fail"


def test_a11y003_lists_pages_without_a_language():
    snap = site()
    snap.records[1].lang = None
    r = run("A11Y003", snap)
    assert r.status == "fail" and r.findings[0].url == HOME + "xwzx/1.html" and r.metrics["share"] == 0.5


def test_a11y004_counts_content_images_only():
    snap = site()
    snap.records[1].stats.images, snap.records[1].stats.images_decorative = 5, 2
    snap.records[1].stats.images_with_alt = 3
    assert run("A11Y004", snap).status == "pass"
    snap.records[1].stats.images_with_alt = 2
    r = run("A11Y004", snap)
    assert r.status == "fail" and r.findings[0].evidence["missing"] == 1


def test_a11y006_labels_on_form_controls():
    snap = site()
    snap.home.stats.form_controls, snap.home.stats.form_controls_labelled = 3, 3
    assert run("A11Y006", snap).status == "pass"
    snap.home.stats.form_controls_labelled = 1
    assert run("A11Y006", snap).findings[0].message == "2 个表单控件没有标签（共 3 个）"
    assert run("A11Y006", site()).status == "na"
