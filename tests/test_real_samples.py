"""Real pages from government sites (../shared/samples, see its README): the extractor must read
the values they actually carry. Skipped in a plain clone, where ../shared is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.core.extract import extract_page

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
if not SAMPLES.is_dir():
    pytest.skip("../shared/samples is absent", allow_module_level=True)

# file -> the URL it was served from (or the realistic one for its site's layout)
URLS = {
    "xxgk_home_handan_hdzfxxgk.savedpage.jsp.html": "http://hdzfxxgk.hd.gov.cn/",
    "xxgk_list_handan.savedpage.jsp.html": "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/",
    "guide_handan_zfxxgkzn.savedpage.jsp.html": "http://hdzfxxgk.hd.gov.cn/zfxxgkzn/",
    "policy_detail_handan_jyj.savedpage.jsp.html":
        "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html",
    "article_detail_mee_ywdt_974894.html": "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml",
    "procurement_detail_ccgp_hebei_chengde.html":
        "http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/202110/t20211011_1485252.html",
    "query_page_cbirc_licence_jr.html": "https://xkz.cbirc.gov.cn/jr/",
    "penalty_detail_nfra_zhejiang_2024-52.html":
        "https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html?docId=1212155&itemId=4115&generaltype=9",
    "annual_report_list_pingtan_zfxxgknb.html": "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/",
}

_cache: dict[str, object] = {}


def sample(name: str):
    if name not in _cache:
        path = SAMPLES / name
        if not path.is_file():
            pytest.skip(f"{name} is not in ../shared/samples")
        _cache[name] = extract_page(URLS[name], path.read_bytes(), "text/html")
    return _cache[name]


def test_every_sample_file_is_covered():
    assert {p.name for p in SAMPLES.glob("*.html")} <= set(URLS)


HANDAN_FOOTER = {
    "host_org": "邯郸市人民政府办公室", "site_id_code": "1304000009", "icp": "冀ICP备05029117号-1",
    "psb": "冀公网安备13042002000523号", "psb_link_code": "13042002000523", "conac": True,
    "jiucuo": "current", "jiucuo_sitecode": "1304000009", "a11y_toolbar": False, "elder_mode": False,
}
NFRA_FOOTER = {
    "site_id_code": "bm55000001", "icp": "京ICP备19014889号", "psb": "京公网安备11010202008000号",
    "psb_link_code": "11010202008000", "conac": True, "jiucuo": "current", "jiucuo_sitecode": "bm55000001",
}

# file -> every footer value the page shows
FOOTERS = {
    "xxgk_home_handan_hdzfxxgk.savedpage.jsp.html": HANDAN_FOOTER,
    "xxgk_list_handan.savedpage.jsp.html": HANDAN_FOOTER,
    "guide_handan_zfxxgkzn.savedpage.jsp.html": HANDAN_FOOTER,
    "policy_detail_handan_jyj.savedpage.jsp.html": HANDAN_FOOTER,
    # no 主办单位 line (only 版权所有); the dcs.conac.cn script is commented out but the bszs.conac.cn
    # badge link is live; the govwza assist.js toolbar and a 无障碍客户端 link
    "article_detail_mee_ywdt_974894.html": {
        "host_org": None, "site_id_code": "bm17000009", "icp": "京ICP备05009132号",
        "psb": "京公网安备11040102700072号", "psb_link_code": "11040102700072", "conac": True,
        "jiucuo": "current", "jiucuo_sitecode": "bm17000009", "a11y_toolbar": True, "elder_mode": False},
    # "冀公网安备 <a>13010402001602</a>" prints no 号
    "procurement_detail_ccgp_hebei_chengde.html": {
        "host_org": "河北省财政厅", "site_id_code": "1300000065", "icp": "冀ICP备13016076号-2",
        "psb": "冀公网安备13010402001602", "psb_link_code": "13010402001602", "conac": True,
        "jiucuo": "current", "jiucuo_sitecode": "1300000065", "a11y_toolbar": False, "elder_mode": False},
    "query_page_cbirc_licence_jr.html": {
        **NFRA_FOOTER, "host_org": "中国银行保险监督管理委员会", "a11y_toolbar": False, "elder_mode": False},
    # 无障碍浏览 is a javascript: switch (esdToolsInit.js)
    "penalty_detail_nfra_zhejiang_2024-52.html": {
        **NFRA_FOOTER, "host_org": "国家金融监督管理总局", "a11y_toolbar": True, "elder_mode": False},
    # 公安备案号：35012899001-19002 is non-standard and kept as printed; 长者模式 and 无障碍浏览 are
    # javascript: switches plus barrier.free.min.js; _span_jiucuo is there, but no jiucuo.js in the page
    # (the site's own bundle may load it): the container is recorded, ID006 asks a person
    "annual_report_list_pingtan_zfxxgknb.html": {
        "host_org": "福建省平潭综合实验区管理委员会办公室", "site_id_code": "3590000001",
        "icp": "闽ICP备09032658号", "psb": "35012899001-19002", "psb_link_code": "35012899001-19002",
        "conac": True, "jiucuo": None, "jiucuo_container": True, "jiucuo_sitecode": None, "a11y_toolbar": True,
        "elder_mode": True},
}


@pytest.mark.parametrize("name", sorted(FOOTERS))
def test_footer_markers_of_real_pages(name):
    footer = sample(name).footer.model_dump()
    expected = FOOTERS[name]
    assert {k: footer[k] for k in expected} == expected


# file -> kind, published, written, doc_number, index_number, publisher
DOCS = {
    "xxgk_home_handan_hdzfxxgk.savedpage.jsp.html": ("home", None, None, None, None, None),
    "xxgk_list_handan.savedpage.jsp.html": ("column", None, None, None, None, None),
    # a column index with no guide text: a column, not the guide itself
    "guide_handan_zfxxgkzn.savedpage.jsp.html": ("column", None, None, None, None, None),
    # meta PubDate "2020年08月02日"; 文号：无; 成文日期 is commented out
    "policy_detail_handan_jyj.savedpage.jsp.html":
        ("policy", "2020-08-02", None, None, "000014348/2020-35147", "邯郸市教育局"),
    "article_detail_mee_ywdt_974894.html": ("article", "2022-04-17", None, None, None, "生态环境部"),
    "procurement_detail_ccgp_hebei_chengde.html":
        ("article", "2021-10-11", None, None, None, "中国河北政府采购网"),
    "query_page_cbirc_licence_jr.html": ("other", None, None, None, None, None),
    # the 索引号/发文日期/文号 header cells were left empty by the renderer; 来源：浙江监管局
    "penalty_detail_nfra_zhejiang_2024-52.html":
        ("penalty", "2025-06-03", None, "浙金罚决字〔2024〕52号", None, "浙江监管局"),
    "annual_report_list_pingtan_zfxxgknb.html": ("column", None, None, None, None, None),
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_kind_and_document_metadata_of_real_pages(name):
    r = sample(name)
    assert (r.kind, r.published, r.written, r.doc_number, r.index_number, r.publisher) == DOCS[name]


@pytest.mark.parametrize("name, count, pagination, first, last", [
    ("xxgk_home_handan_hdzfxxgk.savedpage.jsp.html", 54, False,
     ("邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知", "2020-08-02"),
     None),
    # a saved first page: one row in the table, 56 pages behind the pager
    ("xxgk_list_handan.savedpage.jsp.html", 1, True,
     ("邯郸市教育局关于印发《邯郸市学校安全工作目标管理考核办法》的通知", "2020-08-05"), None),
    ("annual_report_list_pingtan_zfxxgknb.html", 10, True,
     ("平潭综合实验区2025年度政府信息公开工作年度报告", "2026-03-10"),
     ("平潭综合实验区2016年度政府信息公开工作年度报告", "2017-01-18")),
    ("guide_handan_zfxxgkzn.savedpage.jsp.html", 0, False, None, None),
    # the weekly digest's paragraphs mention dates and end in 更多内容 links: no list entries
    ("article_detail_mee_ywdt_974894.html", 0, False, None, None),
    ("procurement_detail_ccgp_hebei_chengde.html", 0, False, None, None),   # an iframe index_651.html is no pager
    ("policy_detail_handan_jyj.savedpage.jsp.html", 0, False, None, None),
])
def test_list_entries_of_real_pages(name, count, pagination, first, last):
    r = sample(name)
    assert len(r.items) == count
    assert r.pagination is pagination
    assert all(item.date for item in r.items)
    if first:
        assert (r.items[0].title, r.items[0].date) == first
    if last:
        assert (r.items[-1].title, r.items[-1].date) == last


def test_handan_home_items_resolve_to_absolute_urls():
    items = sample("xxgk_home_handan_hdzfxxgk.savedpage.jsp.html").items
    assert items[0].url == "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html"
    assert len({i.url for i in items}) == len(items)


def test_pingtan_report_urls_are_relative_to_the_column():
    items = sample("annual_report_list_pingtan_zfxxgknb.html").items
    assert items[0].url == "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm"


def test_nfra_penalty_table_gives_both_parties_and_no_decision_date():
    r = sample("penalty_detail_nfra_zhejiang_2024-52.html")
    assert [(p.party, p.decision) for p in r.penalty] == [
        ("中国太平洋财产保险股份有限公司温州分公司", "罚款56万元"),
        ("陈首伟（时任中国太平洋财产保险股份有限公司温州分公司副总经理）", "警告并罚款14万元"),
    ]
    for p in r.penalty:
        assert p.doc_number == "浙金罚决字〔2024〕52号"
        assert p.authority == "浙江金融监管局"
        assert p.violation.startswith("给予投保人保险合同约定以外的其他利益")
        assert p.basis is None and p.decided is None       # the table has neither column
        assert p.published == "2025-06-03"


def test_nfra_penalty_page_keeps_no_template_residue():
    r = sample("penalty_detail_nfra_zhejiang_2024-52.html")
    assert "{{" not in (r.text or "")
    assert all("{{" not in (v or "") for p in r.penalty for v in p.model_dump().values())


@pytest.mark.parametrize("name, column, headline", [
    ("article_detail_mee_ywdt_974894.html", "环境要闻", "生态环境部一周要闻（4.10-4.16）"),
    ("policy_detail_handan_jyj.savedpage.jsp.html", "部门信息公开",
     "邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知"),
    ("annual_report_list_pingtan_zfxxgknb.html", "政府信息公开年报", "政府信息公开年报"),
    ("guide_handan_zfxxgkzn.savedpage.jsp.html", "政府信息公开指南", None),
])
def test_column_and_headline_of_real_pages(name, column, headline):
    r = sample(name)
    assert r.column == column
    if headline:
        assert r.headline == headline


def test_meta_tags_are_kept_by_name():
    r = sample("article_detail_mee_ywdt_974894.html")
    assert r.meta["SiteIDCode"] == "bm17000009"
    assert r.meta["PubDate"] == "2022-04-17 14:46:00"
    assert r.meta["ContentSource"] == "生态环境部"
    assert sample("query_page_cbirc_licence_jr.html").meta.get("SiteIDCode") is None


def test_jsp_residue_of_saved_pages_does_not_leak_into_the_text():
    r = sample("guide_handan_zfxxgkzn.savedpage.jsp.html")
    assert r.title == "邯郸市人民政府-政府信息公开指南"
    assert r.charset == "utf-8"
