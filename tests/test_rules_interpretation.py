"""INT001–INT003 and UPD004 on hand-built snapshots: pairing by links, copies, titles, 文号; timing."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.app.judge import configure
from auditor.app.profiles import load_profile
from rules.pairing import norm, pair_documents
from rules.registry import load_rules

from tests.conftest import HOME, page, snapshot

ZCWJ, ZCJD, TZGG = HOME + "zcwj/", HOME + "zcjd/", HOME + "tzgg/"
NAME = "榕江市食品小作坊登记管理办法"


def run(code, snap):
    rule = load_rules()[code]
    cfg = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department")
    return rule.check(snap, cfg.settings)


def doc(url=ZCWJ + "1.html", name=NAME, number="榕市监规〔2026〕2号", published="2026-05-20", links=(), **kw):
    return page(url, kind="policy", headline=f"榕江市市场监督管理局关于印发《{name}》的通知",
                doc_number=number, published=published, links=list(links), column="政策文件", **kw)


def interp(url=ZCJD + "1.html", title=f"关于《{NAME}》的解读", published="2026-05-21", links=(), text="", **kw):
    return page(url, kind="interpretation", headline=title, published=published, links=list(links),
                text=text, column="政策解读", **kw)


AGENCY = "榕江市市场监督管理局"


def home(host_org=AGENCY):
    """The homepage, its footer naming the agency (主办单位): whose documents are its own."""
    return page(HOME, kind="home", depth=0, footer={"host_org": host_org} if host_org else {})


def test_a_same_day_pair_linked_both_ways_passes_everything():
    snap = snapshot(home(), doc(links=[(ZCJD + "1.html", "相关解读")]),
                    interp(published="2026-05-20", links=[(ZCWJ + "1.html", "相关文件")]))
    assert [run(c, snap).status for c in ("INT001", "INT002", "INT003")] == ["pass", "pass", "pass"]


def test_an_unpaired_document_is_named_with_its_number_and_date():
    r = run("INT001", snapshot(home(), doc()))
    assert r.status == "fail"
    assert "榕市监规〔2026〕2号" in r.findings[0].message and "2026-05-20" in r.findings[0].message
    assert r.findings[0].url == ZCWJ + "1.html"


@pytest.mark.parametrize("title", [
    f"关于《{NAME}》的解读", f"一图读懂《{NAME}》", f"图解《{NAME}》", f"《{NAME}》政策解读",
    "一图读懂《榕江市 食品小作坊登记管理办法》",                        # spaces do not matter
])
def test_pairing_by_the_quoted_title(title):
    pairing = pair_documents(snapshot(home(), doc(), interp(title=title)), {})
    assert len(pairing.pairs) == 1 and pairing.pairs[0].how == "title"


def test_pairing_by_the_doc_number_in_the_interpretation_text():
    it = interp(title="市场监管局就小作坊登记答记者问", text="近日，我局印发了榕市监规〔2026〕2号文件……")
    pairing = pair_documents(snapshot(home(), doc(), it), {})
    assert pairing.pairs[0].how == "doc_number"


def test_links_to_other_copies_count_both_ways_and_a_copy_is_one_document():
    doc_a, doc_b = doc(links=[(HOME + "gzdt/9.html", "相关解读")]), doc(url=TZGG + "7.html")
    int_a = interp(links=[(TZGG + "7.html", "原文链接")])
    int_b = interp(url=HOME + "gzdt/9.html")
    snap = snapshot(home(), doc_a, doc_b, int_a, int_b)
    pairing = pair_documents(snap, {})
    assert len(pairing.docs) == 1 and len(pairing.pairs) == 1
    pair = pairing.pairs[0]
    assert pair.how == "link" and pair.doc_links_interp and pair.interp_links_doc
    assert run("INT001", snap).status == "pass" and run("INT003", snap).status == "pass"


def test_a_page_pointing_at_the_document_as_its_source_is_an_interpretation():
    qa = page(HOME + "hd/3.html", kind="article", headline="市场监管局负责人就小作坊登记管理答问",
              published="2026-05-21", links=[(ZCWJ + "1.html", "相关文件")])
    assert run("INT001", snapshot(home(), doc(), qa)).status == "pass"


@pytest.mark.parametrize("doc_date, interp_date, status, lag", [
    ("2026-05-20", "2026-05-25", "pass", 3),     # Wed -> Mon: 3 working days
    ("2026-05-20", "2026-05-26", "fail", 4),
    ("2026-09-18", "2026-09-23", "fail", 4),     # Sun 9/20 is a 调休 working day: late only on the real calendar
    ("2026-09-30", "2026-10-08", "pass", 1),     # 国庆 in between: on time only on the real calendar
    ("2026-05-21", "2026-05-20", "pass", -1),    # interpretation first
])
def test_int002_counts_real_working_days(doc_date, interp_date, status, lag):
    snap = snapshot(home(), doc(published=doc_date), interp(published=interp_date))
    r = run("INT002", snap)
    assert r.status == status
    if status == "fail":
        assert r.findings[0].evidence["workdays"] == lag
        assert doc_date in r.findings[0].message and interp_date in r.findings[0].message


def test_int002_an_undated_interpretation_is_flagged_not_passed():
    r = run("INT002", snapshot(home(), doc(), interp(published=None)))
    assert r.status == "warn"


@pytest.mark.parametrize("doc_links, interp_links, url, words", [
    (False, True, ZCWJ + "1.html", "文件页面没有链接到解读"),
    (True, False, ZCJD + "1.html", "解读页面没有链接回文件"),
    (False, False, ZCWJ + "1.html", "没有任何链接"),
])
def test_int003_says_which_direction_is_missing(doc_links, interp_links, url, words):
    d = doc(links=[(ZCJD + "1.html", "解读")] if doc_links else [])
    i = interp(links=[(ZCWJ + "1.html", "原文")] if interp_links else [])
    r = run("INT003", snapshot(home(), d, i))
    assert r.status == "fail" and r.findings[0].url == url and words in r.findings[0].message


def test_int_rules_are_not_applicable_without_documents():
    assert {run(c, snapshot(home())).status for c in ("INT001", "INT002", "INT003")} == {"na"}


@pytest.mark.parametrize("written, published, status", [
    ("2026-09-01", "2026-09-29", "pass"),        # 20 working days
    ("2026-09-01", "2026-09-30", "fail"),        # 21
    ("2026-09-15", "2026-10-19", "pass"),        # 国庆 in the window: 20 working days (24 by weekdays)
    ("2026-09-15", "2026-10-20", "fail"),        # 21
])
def test_upd004_twenty_working_days_from_written_to_published(written, published, status):
    r = run("UPD004", snapshot(home(), doc(written=written, published=published)))
    assert r.status == status


@pytest.mark.parametrize("headline, number, judged", [
    (f"{AGENCY}关于印发《{NAME}》的通知", "榕市监规〔2026〕2号", True),                        # its own
    ("榕江市人民政府关于印发《榕江市优化营商环境若干措施》的通知", "榕政规〔2026〕1号", False),   # another agency's
    ("关于转发《福建省市场监督管理局行政处罚裁量权适用规则》的通知", "榕市监〔2026〕9号", False),  # forwarded
    (f"{AGENCY}关于召开全市食品安全工作会议的通知", "榕市监〔2026〕12号", False),               # a meeting notice
])
def test_int001_judges_only_documents_the_agency_drafted(headline, number, judged):
    """SPEC §8 INT001: 谁起草谁解读 — a reposted 上级 document without interpretation is no finding."""
    own = page(ZCWJ + "0.html", kind="policy", headline=f"{AGENCY}关于印发《榕江市某办法》的通知",
               doc_number="榕市监规〔2026〕1号", published="2026-03-02", column="政策文件")
    own_interp = interp(url=ZCJD + "0.html", title="关于《榕江市某办法》的解读", published="2026-03-02")
    other = page(ZCWJ + "1.html", kind="policy", headline=headline, doc_number=number, published="2026-05-20",
                 column="政策文件")
    r = run("INT001", snapshot(home(), own, own_interp, other))
    assert (r.status == "fail") is judged and "榕市监规" in r.message
    assert "榕市监规" in r.metrics["doc_prefixes"] and r.metrics["agency_inferred"]


def test_int001_and_upd004_warn_when_the_agency_cannot_be_established():
    r = run("INT001", snapshot(home(host_org=None), doc()))
    assert r.status == "warn" and "人工确认" in r.findings[0].message
    late = doc(written="2026-09-01", published="2026-09-30")
    assert run("UPD004", snapshot(home(host_org=None), late)).status == "warn"


def test_upd004_does_not_judge_another_agencys_document():
    reposted = page(TZGG + "1.html", kind="policy", headline="关于转发省局文件的通知", doc_number="闽市监〔2026〕3号",
                    written="2026-01-05", published="2026-03-12")
    assert run("UPD004", snapshot(home(), reposted)).status == "na"


def test_upd004_is_not_applicable_without_both_dates():
    assert run("UPD004", snapshot(home(), doc(written=None))).status == "na"


def test_norm_removes_punctuation_spaces_and_quotes():
    assert norm("《榕江市 “食品”小作坊（登记）管理办法》") == "榕江市食品小作坊登记管理办法"


def test_links_found_on_any_copy_count_whichever_copy_stands_for_the_pair():
    # the copies met first carry no links; the links sit on the other copies
    doc_b, int_b = doc(url=TZGG + "7.html"), interp(url=HOME + "gzdt/9.html")
    doc_a = doc(links=[(HOME + "gzdt/9.html", "相关解读")])
    int_a = interp(links=[(TZGG + "7.html", "原文链接")])
    snap = snapshot(home(), doc_b, int_b, doc_a, int_a)
    pair = pair_documents(snap, {}).pairs[0]
    assert pair.doc_links_interp and pair.interp_links_doc


def test_a_similar_title_does_not_take_another_documents_interpretation():
    rules = doc(url=ZCWJ + "2.html", name=NAME + "实施细则", number="榕市监规〔2026〕9号")
    i_rules = interp(url=ZCJD + "2.html", title=f"关于《{NAME}实施细则》的解读")
    i_main = interp(url=ZCJD + "1.html", title=f"{NAME}解读", published="2026-05-22")     # no quoted title
    pairing = pair_documents(snapshot(home(), doc(), rules, i_rules, i_main), {})
    assert {(p.doc.url, p.interp.url) for p in pairing.pairs} == {
        (ZCWJ + "1.html", ZCJD + "1.html"), (ZCWJ + "2.html", ZCJD + "2.html")}


def test_an_exact_quoted_title_beats_a_doc_number_cited_as_basis():
    old = doc(url=ZCWJ + "old.html", name="旧办法", number="榕市监规〔2019〕1号", published="2019-03-01")
    it = interp(title=f"关于《{NAME}》的解读", text="根据榕市监规〔2019〕1号……")
    pairing = pair_documents(snapshot(home(), old, doc(), it), {})
    assert [(p.doc.url, p.how) for p in pairing.pairs] == [(ZCWJ + "1.html", "title")]


def test_a_copy_without_its_doc_number_is_still_one_document():
    copy = doc(url=TZGG + "7.html", number=None)
    assert len(pair_documents(snapshot(home(), doc(), copy), {}).docs) == 1
