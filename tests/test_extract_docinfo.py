"""Document metadata: 文号, 索引号, 发布机构, 成文日期 (auditor.core.extract.docinfo, labels)."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.docinfo import find_doc_number, normalise_doc_number

URL = "http://www.example.gov.cn/xxgk/zcwj/202609/t20260916_1.html"


def record_of(body: str, head: str = "", title: str = "通知"):
    html = f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    return extract_page(URL, html.encode("utf-8"), "text/html; charset=utf-8")


def table(*rows: tuple[str, ...]) -> str:
    return "<table>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"


# --- 文号 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("榕市监规〔2026〕3号", "榕市监规〔2026〕3号"),
    ("国办发[2018]118号", "国办发〔2018〕118号"),
    ("国办发［2018］118号", "国办发〔2018〕118号"),
    ("浙金罚决字（2024）52号", "浙金罚决字〔2024〕52号"),
    ("浙金罚决字(2024)52号", "浙金罚决字〔2024〕52号"),
    ("冀政办字【2020】7号", "冀政办字〔2020〕7号"),
    ("冀政办字 〔 2020 〕 第 7 号", "冀政办字〔2020〕第7号"),
    ("国家市场监督管理总局令第45号", "国家市场监督管理总局令第45号"),
    ("总局令 第 45 号", "总局令第45号"),
    ("2026年第3号公告", None),
    ("无", None),
])
def test_find_doc_number_normalises_brackets(text, expected):
    assert find_doc_number(text) == expected


def test_normalise_doc_number_drops_spaces():
    assert normalise_doc_number("国办发 [2018] 118号") == "国办发〔2018〕118号"


@pytest.mark.parametrize("body, expected", [
    (table(("文号：", "榕市监规〔2026〕3号"), ("索引号：", "11350100MB0000000X/2026-00001")),
     "榕市监规〔2026〕3号"),
    (table(("发文字号", "国办发[2018]118号")), "国办发〔2018〕118号"),
    ("<p><strong>文号</strong>：冀教〔2020〕12号</p>", "冀教〔2020〕12号"),
    ("<p><b>文　　号：</b>冀教（2020）12号</p>", "冀教〔2020〕12号"),
    ("<p><strong>文号</strong>：无</p>", None),
    ("<p><strong>文号</strong>：</p><p><strong>发布机构</strong>：邯郸市教育局</p>", None),
    (table(("文号：", ""), ("发布机构：", "邯郸市教育局")), None),
    # a number cited deep in the body text is no 文号
    ("<p>一</p><p>二</p><p>三</p><p>四</p><p>五</p><p>六</p><p>七</p><p>八</p>"
     "<p>依据《市场监督管理行政处罚信息公示规定》（总局令第45号）</p>", None),
])
def test_labelled_doc_number(body, expected):
    assert record_of(f"<h1>关于印发办法的通知</h1>{body}").doc_number == expected


def test_doc_number_from_the_title():
    headline = "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）"
    record = record_of("<p>正文</p>", head=f'<meta name="ArticleTitle" content="{headline}">')
    assert record.doc_number == "浙金罚决字〔2024〕52号"


def test_doc_number_printed_under_the_headline():
    record = record_of("<h1>国家市场监督管理总局令</h1><p>第45号</p><p>总局令第45号</p><p>正文……</p>")
    assert record.doc_number == "总局令第45号"


def test_a_doc_number_cited_in_the_first_paragraph_is_not_the_page_own():
    record = record_of("<h1>某某市2025年政府信息公开工作年度报告</h1>"
                       "<p>本报告根据《政府信息公开条例》和国办公开办函〔2021〕30号要求编制。</p>")
    assert record.doc_number is None


# --- 索引号, 发布机构, 成文日期 -----------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("<p><strong>索引号</strong>：000014348/2020-35147</p>", "000014348/2020-35147"),
    (table(("索 引 号：", "11330000002482168R/2024-12345")), "11330000002482168R/2024-12345"),
    (table(("信息索引号", "000014348/2020-35147", "主题分类", "教育")), "000014348/2020-35147"),
    ("<p>索引号：</p><p>主题分类：教育</p>", None),
    ("<p>索引号：暂无</p>", None),
])
def test_index_number(body, expected):
    assert record_of(body).index_number == expected


@pytest.mark.parametrize("body, head, expected", [
    ("<p><strong>发布机构</strong>：邯郸市教育局</p>", "", "邯郸市教育局"),
    (table(("发布机构：", "邯郸市教育局"), ("成文日期：", "2020年08月02日")), "", "邯郸市教育局"),
    ("<p>发文机关：国务院办公厅</p>", "", "国务院办公厅"),
    ("<p>发布时间：2025-06-03 来源：浙江监管局</p>", "", "浙江监管局"),
    ("<p>正文</p>", '<meta name="ContentSource" content="生态环境部">', "生态环境部"),
    ("<p>发布机构：</p><p>成文日期：2020-08-02</p>", "", None),
])
def test_publisher(body, head, expected):
    assert record_of(body, head=head).publisher == expected


@pytest.mark.parametrize("body, expected", [
    (table(("成文日期：", "2020年08月02日")), "2020-08-02"),
    ("<p><strong>成文日期</strong>：二〇二〇年八月二日</p>", "2020-08-02"),
    ("<p>印发日期：2026/9/1</p>", "2026-09-01"),
    ("<p>成文日期：</p><p>发布日期：2026-09-16</p>", None),
    ("<!--<p><strong>成文日期</strong>：2020年08月02日</p>--><p>发布日期：2020年08月02日</p>", None),
])
def test_written_date(body, expected):
    assert record_of(body).written == expected


def test_an_empty_label_does_not_take_the_next_label_as_its_value():
    # the nfra header: every label's value cell is empty after rendering failed
    body = ("<div><span>索 引 号：<span></span></span><span>主题分类：<span></span></span></div>"
            "<div><span>办文部门：<span></span></span><span>发文日期：<span></span></span></div>"
            "<div><span>文  号：<span></span></span></div><p>正文</p>")
    record = record_of(body)
    assert record.index_number is None
    assert record.doc_number is None
    assert record.written is None
    assert record.publisher is None


def test_policy_detail_header_like_handan():
    body = ('<div class="top-l"><p><strong>索引号</strong>：000014348/2020-35147</p>'
            "<p><strong>发布机构</strong>：邯郸市教育局</p>"
            "<p><strong>名称</strong>：邯郸市教育局关于印发《实施方案》的通知</p>"
            "<p><strong>文号</strong>：无</p></div>"
            '<div class="top-r"><p><strong>主题分类</strong>：教育</p>'
            "<p><strong>发布日期</strong>：2020年08月02日</p></div>")
    record = record_of(body)
    assert (record.index_number, record.publisher, record.doc_number, record.published) == (
        "000014348/2020-35147", "邯郸市教育局", None, "2020-08-02")


# --- 行政处罚 tables ------------------------------------------------------------------------------

PENALTY_HEAD = ('<meta name="ArticleTitle" content="某某监管局行政处罚信息公开表（某金罚决字〔2026〕7号）">'
                '<meta name="PubDate" content="2026-09-20 10:00">')


def test_penalty_grid_with_rowspans_gives_one_item_per_party():
    body = ("<table><tr><td>序号</td><td>当事人名称</td><td>行政处罚决定书文号</td><td>主要违法违规行为</td>"
            "<td>行政处罚内容</td><td>作出决定机关</td></tr>"
            '<tr><td>1</td><td>某某保险公司某某分公司</td><td rowspan="2">某金罚决字（2026）7号</td>'
            '<td rowspan="2">编制虚假资料</td><td>罚款56万元</td><td rowspan="2">某某金融监管局</td></tr>'
            "<tr><td>2</td><td>张某（时任副总经理）</td><td>警告并罚款14万元</td></tr></table>"
            "<p>{{data.remark2}}</p>")
    items = [i.model_dump(exclude={"columns"}) for i in record_of(body, head=PENALTY_HEAD).penalty]
    assert items == [
        {"doc_number": "某金罚决字〔2026〕7号", "party": "某某保险公司某某分公司", "violation": "编制虚假资料",
         "basis": None, "decision": "罚款56万元", "authority": "某某金融监管局", "decided": None,
         "published": "2026-09-20"},
        {"doc_number": "某金罚决字〔2026〕7号", "party": "张某（时任副总经理）", "violation": "编制虚假资料",
         "basis": None, "decision": "警告并罚款14万元", "authority": "某某金融监管局", "decided": None,
         "published": "2026-09-20"},
    ]


def test_penalty_label_value_table_gives_one_item_with_its_decision_date():
    body = table(("行政处罚决定书文号", "某市监罚〔2026〕12号"),
                 ("被处罚当事人姓名或名称", "某某商贸有限公司"),
                 ("主要违法违规事实（案由）", "销售过期食品"),
                 ("行政处罚依据", "《中华人民共和国食品安全法》第一百二十四条"),
                 ("行政处罚决定", "没收违法所得并罚款5000元"),
                 ("作出处罚决定的机关名称", "某市市场监督管理局"),
                 ("作出处罚决定的日期", "2026年9月10日"))
    [item] = record_of(body, head=PENALTY_HEAD).penalty
    assert (item.doc_number, item.party, item.basis, item.authority, item.decided) == (
        "某市监罚〔2026〕12号", "某某商贸有限公司", "《中华人民共和国食品安全法》第一百二十四条",
        "某市市场监督管理局", "2026-09-10")


def test_template_residue_is_no_value():
    body = table(("行政处罚决定书文号", "某市监罚〔2026〕12号"), ("当事人", "某某公司"),
                 ("处罚决定日期", "{{data.decideDate}}"))
    [item] = record_of(body, head=PENALTY_HEAD).penalty
    assert item.decided is None


def test_non_penalty_pages_carry_no_penalty_items():
    body = table(("当事人", "某某公司"), ("文号", "某市监罚〔2026〕12号"), ("处罚内容", "罚款"))
    assert record_of(body, title="工作动态").penalty == []


@pytest.mark.parametrize("signed, expected", [
    ("2018年5月3日", "2018-05-03"),
    ("二〇一八年五月三日", "2018-05-03"),
])
def test_the_signing_date_at_the_end_of_a_document_is_its_written_date(signed, expected):
    """Issue 17 item 8: county documents print 成文日期 only under the signing body at the end, so
    UPD004's 20 working days judged nothing."""
    from auditor.core.extract import extract_page
    html = ("<html><head><title>关于进一步加强安全生产工作的实施意见</title>"
            '<meta name="PubDate" content="2018-05-10"></head><body>'
            "<h1>某县人民政府关于进一步加强安全生产工作的实施意见</h1><p>某政〔2018〕5号</p>"
            "<p>各乡镇人民政府，县直各单位：</p><p>为进一步加强安全生产工作，提出如下意见。</p>"
            f"<p>一、总体要求</p><p>……</p><p>某县人民政府</p><p>{signed}</p>"
            "<p>（此件公开发布）</p><div>相关链接</div><p>某县财政局</p><p>2026-11-02</p></body></html>")
    record = extract_page("http://www.mx.gov.cn/zwgk/zcwj/201805/t20180510_1.html", html.encode(), "text/html")
    assert record.doc_number == "某政〔2018〕5号" and record.written == expected


def test_a_page_without_a_number_gets_no_written_date_from_a_signature():
    from auditor.core.extract import extract_page
    html = ("<html><body><h1>我县召开安全生产会议</h1><p>会议要求……</p><p>某县应急管理局</p><p>2018年5月3日</p>"
            "</body></html>")
    assert extract_page("http://www.mx.gov.cn/a.html", html.encode(), "text/html").written is None


def test_the_date_the_page_shows_wins_over_a_regenerated_pubdate_tag():
    """Real pages (tests/real: wanzai, fzgg.gansu): the CMS rewrote PubDate when it regenerated the page
    (2022 for an article shown as 发布日期：2017-05-15, URL /201705/); the shown date is the publication."""
    from auditor.core.extract import extract_page
    html = ('<html><head><meta name="PubDate" content="2022-04-24 10:00:43"></head><body><h1>某县2015年统计公报</h1>'
            "<p>发布日期：2017-05-15 10:49:00 来源：</p><p>正文</p></body></html>")
    record = extract_page("http://www.wanzai.gov.cn/201705/t20170515_1.html", html.encode(), "text/html")
    assert record.published == "2017-05-15"
    only_meta = html.replace("<p>发布日期：2017-05-15 10:49:00 来源：</p>", "")
    assert extract_page("http://www.wanzai.gov.cn/a.html", only_meta.encode(), "text/html").published == "2022-04-24"


def test_an_unlabelled_date_in_the_article_header_is_its_publication_date():
    """Real page (tests/real/kepu_article_1): 来源：新华社 / 作者： / 2023-12-01 14:43 under the headline."""
    from auditor.core.extract import extract_page
    html = ("<html><head><title>深入推进区域一体化发展座谈会召开-中国科普网</title></head><body><div>首页 &gt; 时政</div>"
            "<div class='t'><div>深入推进区域一体化发展座谈会召开</div><ul><li>来源：新华社</li><li>作者：</li><li>2023-12-01 14:43</li>"
            "</ul></div><p>正文第一段。</p></body></html>")
    record = extract_page("http://www.kepu.gov.cn/a/content_1.html", html.encode(), "text/html")
    assert record.published == "2023-12-01" and record.kind == "article"
    listing = ("<html><body><h2>通知公告</h2><ul><li><a href='1.html'>关于某事的通知</a></li><li>2023-12-01</li>"
               "<li><a href='2.html'>关于另一事的通知</a></li><li>2023-11-30</li></ul></body></html>")
    assert extract_page("http://www.kepu.gov.cn/tzgg/", listing.encode(), "text/html").published is None


@pytest.mark.parametrize("shown, expected", [
    ("<p>时间：2026年3月1日 上午9:00</p><p>地点：三楼会议室</p>", "2026-02-20"),   # a meeting's time, not the page's
    ("<p>更新时间：2026-12-01</p>", "2026-02-20"),
    ("<p>发布日期：2026-03-05</p>", "2026-02-20"),       # later than the tag: the tag stands
    ("<p>发布日期：2026-02-10</p>", "2026-02-10"),       # earlier: the page was regenerated
])
def test_the_pubdate_tag_gives_way_only_to_an_earlier_shown_publication_date(shown, expected):
    from auditor.core.extract import extract_page
    html = ('<html><head><meta name="PubDate" content="2026-02-20 10:00"></head><body>'
            f"<h1>关于召开全市工作会议的通知</h1>{shown}<p>正文</p></body></html>")
    assert extract_page("http://www.example.gov.cn/a.html", html.encode(), "text/html").published == expected


def test_an_empty_source_label_does_not_take_the_view_count_as_its_value():
    """Review of issue 17 (real page tests/real/wanzai_article_2): 来源： empty, then 访问量：199."""
    from auditor.core.extract import extract_page
    html = ("<html><body><h1>某县统计公报</h1><p>发布日期：2017-05-15</p><p>来源：</p><p>访问量：199</p>"
            "<p>正文</p></body></html>")
    assert extract_page("http://www.wanzai.gov.cn/a.html", html.encode(), "text/html").publisher is None
