"""PEN001–PEN003 and PRV001–PRV002 on hand-built snapshots and on the real NFRA penalty page."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.extract import extract_page
from auditor.app.judge import configure
from auditor.core.models import PenaltyItem, PiiHit
from auditor.app.profiles import load_profile
from rules.registry import load_rules

from tests.conftest import HOME, SAMPLES, page, snapshot

XZCF = HOME + "xzcf/"
FULL = dict(doc_number="榕市监处罚〔2026〕12号", party="榕江市某某食品有限公司", violation="销售过期食品",
            basis="《食品安全法》第一百二十四条", decision="罚款5万元", authority="榕江市市场监督管理局")


def run(code, snap, profile="national"):
    rule = load_rules()[code]
    return rule.check(snap, configure(rule, load_profile(profile), dt.date(2026, 11, 20), "department").settings)


def decision(url=XZCF + "1.html", decided="2026-09-16", published="2026-09-22", **fields):
    item = PenaltyItem(**{**FULL, **fields, "decided": decided, "published": published})
    return page(url, kind="penalty", published=published, penalty=[item], headline="行政处罚决定书")


def home(**kw):
    return page(HOME, kind="home", depth=0, **kw)


@pytest.mark.parametrize("decided, published, profile, status, lag", [
    ("2026-09-16", "2026-09-22", "national", "pass", 4),
    ("2026-09-28", "2026-10-13", "national", "pass", 7),      # 国庆 off, 10/10 (Sat) worked: 7 working days
    ("2026-09-28", "2026-10-14", "national", "fail", 8),
    ("2026-09-28", "2026-11-03", "market-regulation", "fail", 22),
    ("2026-02-24", "2026-03-05", "market-regulation", "fail", 8),    # 2/28 (Sat) 调休: late only on the real calendar
    ("2026-02-24", "2026-03-04", "market-regulation", "pass", 7),    # 7 days in every shipped profile (SPEC §6)
    ("2026-09-28", "2026-10-09", "fujian-market-regulation", "pass", 4),
])
def test_pen001_counts_real_working_days_against_the_profile_deadline(decided, published, profile, status, lag):
    r = run("PEN001", snapshot(home(), decision(decided=decided, published=published)), profile)
    assert r.status == status
    if status == "fail":
        ev = r.findings[0].evidence
        assert ev["workdays"] == lag and decided in r.findings[0].message and published in r.findings[0].message


def test_pen001_the_same_decision_on_a_list_and_a_detail_page_is_judged_once():
    listing = page(XZCF, kind="column", penalty=[PenaltyItem(**FULL, decided="2026-09-28", published="2026-11-03")])
    r = run("PEN001", snapshot(home(), listing, decision(decided="2026-09-28", published="2026-11-03")))
    assert len(r.findings) == 1 and r.findings[0].url == XZCF + "1.html"


def test_pen001_without_decision_dates_cannot_judge():
    assert run("PEN001", snapshot(home(), decision(decided=None))).status == "na"


def test_pen002_names_the_missing_fields():
    r = run("PEN002", snapshot(home(), decision(basis=None, decided=None)))
    assert r.status == "fail" and r.findings[0].evidence["missing"] == ["处罚依据", "决定日期"]


def test_pen003_a_penalty_column_or_a_platform_link():
    column = page(XZCF, kind="column", column="行政处罚")
    assert run("PEN003", snapshot(home(), column)).status == "pass"
    linked = home(links=[("https://xzzf.fujian.gov.cn/gs/", "福建省行政执法公示平台")])
    assert "行政执法公示平台" in run("PEN003", snapshot(linked)).message
    friends = home(links=[("https://www.creditchina.gov.cn/", "信用中国"), ("https://zwfw.fujian.gov.cn/", "网上办事大厅")])
    assert run("PEN003", snapshot(friends)).status == "fail"
    assert run("PEN003", snapshot(home())).status == "fail"


def test_prv001_any_page_with_a_valid_id_is_a_finding_shown_masked():
    leak = page(XZCF + "2.html", pii=[PiiHit(kind="id_number", masked="350702********1513",
                                             context="经营者：林某明 身份证号码：350702********1513")])
    r = run("PRV001", snapshot(home(), leak))
    assert r.status == "fail" and r.findings[0].evidence["number"] == "350702********1513"
    # SPEC §8: a deduction in national (19号's veto list has no privacy item); a profile may make it a veto
    rule = load_rules()["PRV001"]
    assert (rule.kind, rule.points, rule.each, rule.cap) == ("deduct", 5, True, 5)     # capped at its indicator


@pytest.mark.parametrize("context, flagged", [
    ("经营者：陈某华（联系电话：139****7326）", True),
    ("当事人：张三 手机：139****7326", True),
    ("当事人：榕江市某某食品有限公司 联系电话：139****7326", False),     # an organisation's number
    ("举报电话：139****7326", False),                                   # no natural person next to it
    ("请与承办人王科员联系，联系电话：139****7326", False),                # the case officer, not the party
])
def test_prv002_a_mobile_next_to_a_natural_person(context, flagged):
    p = page(XZCF + "3.html", kind="penalty", headline="行政处罚信息公示表",
             pii=[PiiHit(kind="mobile", masked="139****7326", context=context)])
    assert (run("PRV002", snapshot(home(), p)).status == "fail") is flagged


def test_prv002_only_on_penalty_or_publication_pages():
    news = page(HOME + "news/1.html", kind="article", headline="我局开展食品安全宣传",
                pii=[PiiHit(kind="mobile", masked="139****7326", context="当事人：张三 电话 139****7326")])
    assert run("PRV002", snapshot(home(), news)).status == "na"


def test_a_text_decision_yields_its_fields_and_its_chinese_numeral_date():
    body = ("<h1>行政处罚决定书</h1><p>榕市监处罚〔2026〕12号</p><p>当事人：榕江市某某食品有限公司</p>"
            "<p>经查，当事人销售超过保质期的食品。</p>"
            "<p>依据《中华人民共和国食品安全法》第一百二十四条第一款的规定，本局决定对当事人作出如下行政处罚：罚款人民币5万元。</p>"
            "<p>榕江市市场监督管理局</p><p>二〇二六年九月二十八日</p>")
    html = f'<html><head><title>行政处罚决定书</title><meta name="PubDate" content="2026-10-09"></head><body>{body}</body></html>'
    record = extract_page(XZCF + "4.html", html.encode(), "text/html")
    item = record.penalty[0]
    assert record.kind == "penalty"
    assert (item.doc_number, item.party, item.decided, item.authority, item.published) == \
        ("榕市监处罚〔2026〕12号", "榕江市某某食品有限公司", "2026-09-28", "榕江市市场监督管理局", "2026-10-09")
    assert item.basis.startswith("《中华人民共和国食品安全法》") and item.decision == "罚款人民币5万元"


def test_a_service_notice_is_not_a_decision():
    html = ("<html><head><title>行政处罚决定书送达公告</title><meta name='PubDate' content='2026-10-16'></head>"
            "<body><h1>行政处罚决定书送达公告</h1><p>榕市监处罚〔2026〕37号</p><p>当事人：张三</p></body></html>")
    record = extract_page(XZCF + "5.html", html.encode(), "text/html")
    assert record.kind != "penalty" and record.penalty == []


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_the_real_nfra_table_gives_its_number_parties_authority_and_no_date():
    record = extract_page("https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html?docId=1",
                          (SAMPLES / "penalty_detail_nfra_zhejiang_2024-52.html").read_bytes(), "text/html")
    assert {i.doc_number for i in record.penalty} == {"浙金罚决字〔2024〕52号"}
    assert [i.party[:6] for i in record.penalty] == ["中国太平洋财", "陈首伟（时任"]
    assert {i.authority for i in record.penalty} == {"浙江金融监管局"}
    assert all(i.decided is None and i.basis is None for i in record.penalty)
    snap = snapshot(page("https://www.nfra.gov.cn/", kind="home", depth=0), record,
                    start_url="https://www.nfra.gov.cn/")
    r = run("PEN002", snap)
    assert [f.evidence["missing"] for f in r.findings] == [["处罚依据", "决定日期"]] * 2
    assert run("PEN001", snap).status == "na"


def test_a_labelled_date_in_a_decision_is_not_its_decision_date():
    body = ("<h1>行政处罚决定书</h1><p>榕市监处罚〔2026〕12号</p><p>当事人：张某（身份证号：略）</p>"
            "<p>出生日期：1986年3月14日</p><p>立案日期：2026年1月5日</p>"
            "<p>经查，当事人销售超过保质期的食品。</p>"
            "<p>依据《中华人民共和国食品安全法》第一百二十四条的规定，本局决定对当事人作出如下行政处罚：罚款2万元。</p>"
            "<p>榕江市市场监督管理局</p><p>2026年4月2日</p>")
    html = f"<html><head><title>行政处罚决定书</title></head><body>{body}</body></html>"
    item = extract_page(XZCF + "6.html", html.encode(), "text/html").penalty[0]
    assert (item.decided, item.party, item.authority) == ("2026-04-02", "张某", "榕江市市场监督管理局")
    assert item.violation and item.basis and item.decision == "罚款2万元"


@pytest.mark.parametrize("title", ["关于公告送达行政处罚决定书的公告", "行政处罚决定书公示送达"])
def test_notices_serving_a_decision_are_not_decisions(title):
    html = (f"<html><head><title>{title}</title><meta name='PubDate' content='2026-10-16'></head><body><h1>{title}</h1>"
            "<p>厦某市监公告〔2024〕9号</p><p>当事人：张三</p><p>依据《行政处罚法》第六十一条的规定公告送达。</p></body></html>")
    record = extract_page(XZCF + "7.html", html.encode(), "text/html")
    assert record.kind != "penalty" and record.penalty == []


# -- issue 17 item 4: the 45号-style 信息公示 in labelled paragraphs or <br> lines ------------------
LABELLED = ("<p>行政处罚决定书文号：某市监处罚〔2026〕12号</p><p>当事人：张三</p><p>联系电话：13812345678</p>"
            "<p>违法行为：销售过期食品</p><p>处罚依据：《中华人民共和国食品安全法》第一百二十四条</p>"
            "<p>处罚内容：罚款5000元</p><p>作出处罚决定的机关名称：某某市市场监督管理局</p>"
            "<p>作出处罚决定的日期：2026年10月28日</p>")


@pytest.mark.parametrize("layout", ["paragraphs", "br lines"])
def test_a_penalty_given_as_labelled_lines_is_read_and_judged(layout):
    """A 公示 page whose title does not say 处罚 (2026年第12期信息公示), its fields as label：value lines:
    read as one penalty item; PEN001 judges its dates, PRV002 finds the natural person's mobile number."""
    from auditor.core.extract import extract_page
    body = LABELLED if layout == "paragraphs" else \
        "<div>" + LABELLED.replace("</p><p>", "<br>").replace("<p>", "").replace("</p>", "") + "</div>"
    html = ('<html><head><title>信息公示</title><meta name="PubDate" content="2026-11-10"></head><body>'
            f"<h1>2026年第12期信息公示</h1>{body}</body></html>")
    record = extract_page(HOME + "gs/12.html", html.encode(), "text/html")
    assert record.kind == "penalty"
    [item] = record.penalty
    assert (item.doc_number, item.party, item.decided, item.authority) == \
        ("某市监处罚〔2026〕12号", "张三", "2026-10-28", "某某市市场监督管理局")
    assert item.basis and item.decision == "罚款5000元" and item.violation == "销售过期食品"
    snap = snapshot(page(HOME, kind="home", depth=0, links=[(record.url, "公示")]), record)
    assert run("PEN001", snap).status == "fail"            # 9 working days after the decision
    assert run("PEN002", snap).status == "pass"
    prv = run("PRV002", snap)
    assert prv.status == "fail" and "138****5678" in prv.findings[0].message


def test_a_notice_with_two_labelled_fields_is_no_penalty_page():
    from auditor.core.extract import extract_page
    html = ("<html><body><h1>关于召开座谈会的通知</h1><p>当事人：各有关单位</p><p>会议内容：座谈</p>"
            "<p>时间：2026年10月28日</p></body></html>")
    record = extract_page(HOME + "tz/1.html", html.encode(), "text/html")
    assert record.kind != "penalty" and record.penalty == []


def _gongshi(rows: list[tuple[str, str]], title: str = "2026年耕地地力保护补贴发放名单公示"):
    from auditor.core.extract import extract_page
    cells = "".join(f"<tr><td>{i}</td><td>{n}</td><td>某村</td><td>{m}</td></tr>" for i, (n, m) in enumerate(rows, 1))
    html = (f"<html><body><h1>{title}</h1><table><tr><th>序号</th><th>户主</th><th>所在村</th><th>联系电话</th></tr>"
            f"{cells}</table><p>监督电话：0591-12345678</p><p>联系人：王明 13900001111</p></body></html>")
    return extract_page(HOME + "gs/2.html", html.encode(), "text/html")


def test_prv002_a_gongshi_list_of_private_persons_with_their_mobile_numbers():
    """Issue 17 item 8: a 公示 page listing dozens of private persons' mobile numbers went unreported:
    each row's number is a finding; the agency's own 联系人 is not."""
    names = ["张三", "李四", "王五", "赵六", "陈七"]
    record = _gongshi([(n, f"138123456{i:02d}") for i, n in enumerate(names)])
    result = run("PRV002", snapshot(page(HOME, kind="home", depth=0), record))
    assert result.status == "fail" and len(result.findings) == len(names)
    assert all("13900001111" not in f.message and "139****1111" not in f.message for f in result.findings)


def test_prv002_one_contact_number_on_a_notice_is_no_list_of_people():
    record = _gongshi([("张三", "13812345600")], title="关于开展补贴申报工作的公示")
    result = run("PRV002", snapshot(page(HOME, kind="home", depth=0), record))
    assert len(result.findings) <= 1       # one row: judged only by its label, never the 联系人
    assert all("139****1111" not in f.message for f in result.findings)


def _penalty_list(header: list[str], rows: list[list[str]]):
    from auditor.core.extract import extract_page
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    html = (f"<html><head><title>行政处罚</title></head><body><h2>行政处罚</h2><table>"
            f"<tr>{head}</tr>{body}</table><div class='page'>共1页</div></body></html>")
    return extract_page(XZCF, html.encode(), "text/html")


def test_pen002_a_list_table_with_a_column_for_a_field_and_an_empty_cell_is_a_finding():
    """SPEC §8 PEN002 (issue 17 item 5): a list row answers for the columns its table has."""
    header = ["决定书文号", "当事人", "违法行为", "处罚依据", "处罚内容", "处罚机关", "决定日期"]
    full = ["榕市监处罚〔2026〕50号", "某某商行", "销售过期食品", "《食品安全法》第一百二十四条", "罚款5000元",
            "榕江市市场监督管理局", "2026-10-20"]
    empty_basis = ["榕市监处罚〔2026〕51号", "某某超市", "未明码标价", "", "警告", "榕江市市场监督管理局", "2026-10-21"]
    listing = _penalty_list(header, [full, empty_basis, full[:0] + ["榕市监处罚〔2026〕52号"] + full[1:]])
    assert listing.kind == "column" and len(listing.penalty) == 3
    r = run("PEN002", snapshot(page(HOME, kind="home", depth=0), listing))
    assert [f.evidence["missing"] for f in r.findings] == [["处罚依据"]]
    assert "51号" in r.findings[0].message and "列表中该行" in r.findings[0].message


def test_pen002_a_list_without_a_column_for_a_field_does_not_judge_it():
    listing = _penalty_list(["处罚决定书文号", "当事人", "处罚决定日期"],
                            [["榕市监处罚〔2026〕50号", "某某商行", "2026-10-20"],
                             ["榕市监处罚〔2026〕51号", "某某超市", "2026-10-21"],
                             ["榕市监处罚〔2026〕52号", "某某药房", "2026-10-22"]])
    assert run("PEN002", snapshot(page(HOME, kind="home", depth=0), listing)).status == "pass"



@pytest.mark.parametrize("header, row", [
    (["行政许可决定文书号", "行政相对人名称", "设定依据", "许可决定日期"],
     ["某市监许〔2026〕2号", "某某商行", "《食品安全法》第三十五条", "2026-10-20"]),
    (["抽查事项", "检查对象", "文号", "检查结果"], ["食品经营", "某某超市", "某市监抽〔2026〕1号", "未发现问题"]),
])
def test_pen002_permit_and_inspection_tables_are_no_penalty_lists(header, row):
    """Review of issue 17: a 行政许可 or 抽查 list has 文号, 相对人 and 依据 columns too."""
    listing = _penalty_list(header, [row, row, row])
    assert listing.penalty == []


@pytest.mark.parametrize("lines", [
    ["行政许可决定书文号：某市监许〔2026〕2号", "行政相对人名称：某某商行", "许可内容：食品经营许可",
     "许可决定日期：2026年10月20日", "许可机关：某某市市场监督管理局", "设定依据：《食品安全法》"],
    ["文号：某政规〔2026〕1号", "发布日期：2026-10-20", "制定依据：《某某条例》", "发布机构：某某市人民政府",
     "主题分类：综合政务"],
    ["招聘单位：某某中心", "报名时间：2026年10月20日", "违规处理：取消资格", "依据：《事业单位公开招聘规定》"],
])
def test_labelled_lines_that_are_not_a_penalty_do_not_make_a_penalty_page(lines):
    from auditor.core.extract import extract_page
    html = "<html><body><h1>公示</h1>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    record = extract_page(HOME + "gs/9.html", html.encode(), "text/html")
    assert record.kind != "penalty" and record.penalty == []


def test_prv002_a_roster_of_officials_is_no_list_of_private_persons():
    """Review of issue 17: a 防汛责任人 table (乡镇, 责任人, 职务, 手机) publishes officials' numbers on purpose."""
    from auditor.core.extract import extract_page
    rows = "".join(f"<tr><td>{town}</td><td>{name}</td><td>副镇长</td><td>1381234560{i}</td></tr>"
                   for i, (town, name) in enumerate([("城关镇", "张三"), ("东山镇", "李四"), ("西河乡", "王五")]))
    html = ("<html><body><h1>2026年防汛责任人名单公示</h1><table><tr><th>乡镇</th><th>责任人</th><th>职务</th>"
            f"<th>手机</th></tr>{rows}</table></body></html>")
    record = extract_page(HOME + "gs/7.html", html.encode(), "text/html")
    assert run("PRV002", snapshot(page(HOME, kind="home", depth=0), record)).findings == []


def test_a_labelled_gongshi_of_several_decisions_gives_each_of_them():
    """Review of issue 17: the usual 45号-style 公示 lists a period's decisions one after another."""
    from auditor.core.extract import extract_page
    second = LABELLED.replace("12号", "13号").replace("张三", "李四").replace("2026年10月28日", "")
    html = ('<html><head><meta name="PubDate" content="2026-11-10"></head><body><h1>2026年第12期信息公示</h1>'
            f"{LABELLED}{second}</body></html>")
    record = extract_page(HOME + "gs/13.html", html.encode(), "text/html")
    assert [(i.doc_number, i.party, i.decided) for i in record.penalty] == [
        ("某市监处罚〔2026〕12号", "张三", "2026-10-28"), ("某市监处罚〔2026〕13号", "李四", None)]
    r = run("PEN002", snapshot(page(HOME, kind="home", depth=0), record))
    assert [f.evidence["missing"] for f in r.findings] == [["决定日期"]]
