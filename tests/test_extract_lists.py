"""List pages: dated entries, pagination, empty-column placeholders, and page kinds."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page

COLUMN_URL = "http://www.example.gov.cn/xxgk/tzgg/index.html"


def record_of(body: str, url: str = COLUMN_URL, head: str = "", title: str = "通知公告", **kw):
    html = f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    return extract_page(url, html.encode("utf-8"), "text/html; charset=utf-8", **kw)


def items_of(body: str):
    return [(i.title, i.url.rsplit("/", 1)[-1] if i.url else None, i.date)
            for i in record_of(body).items]


# --- entries -------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ('<ul><li><a href="t1.html">关于开展检查的通知</a><span>2026-09-16</span></li>'
     '<li><a href="t2.html">关于调整收费的公告</a><span>2026-09-10</span></li></ul>',
     [("关于开展检查的通知", "t1.html", "2026-09-16"), ("关于调整收费的公告", "t2.html", "2026-09-10")]),
    ("<table><tr><th>名称</th><th>发布日期</th></tr>"
     '<tr><td><a href="t1.html">关于开展检查的通知</a></td><td>2026-09-16</td></tr>'
     '<tr><td><a href="t2.html">关于调整收费的公告</a></td><td>2026/9/10</td></tr></table>',
     [("关于开展检查的通知", "t1.html", "2026-09-16"), ("关于调整收费的公告", "t2.html", "2026-09-10")]),
    ('<dl><dd><a href="t1.html">关于开展检查的通知</a></dd><dd>2026-09-16</dd></dl>'
     '<dl><dd><a href="t2.html">关于调整收费的公告</a></dd><dd>2026-09-10</dd></dl>',
     [("关于开展检查的通知", "t1.html", "2026-09-16"), ("关于调整收费的公告", "t2.html", "2026-09-10")]),
    ('<ul><li><a href="t1.html">关于开展检查的通知</a> [2026-09-16]</li>'
     '<li><a href="t2.html">关于调整收费的公告</a> [2026-09-10]</li></ul>',
     [("关于开展检查的通知", "t1.html", "2026-09-16"), ("关于调整收费的公告", "t2.html", "2026-09-10")]),
    ('<ul><li><a href="t1.html">关于开展检查的通知</a><em>2026年9月16日</em></li>'
     '<li><a href="t2.html">关于调整收费的公告</a><em>2026年9月10日</em></li></ul>',
     [("关于开展检查的通知", "t1.html", "2026-09-16"), ("关于调整收费的公告", "t2.html", "2026-09-10")]),
])
def test_list_entries_carry_their_dates(body, expected):
    assert items_of(body) == expected


def test_an_undated_row_in_a_dated_list_gives_date_none():
    body = ('<ul><li><a href="t1.html">关于开展检查的通知</a><span>2026-09-16</span></li>'
            '<li><a href="t2.html">关于调整收费的公告</a></li>'
            '<li><a href="t3.html">关于征求意见的公告</a><span>2026-09-01</span></li></ul>')
    assert items_of(body) == [("关于开展检查的通知", "t1.html", "2026-09-16"),
                              ("关于征求意见的公告", "t3.html", "2026-09-01"),
                              ("关于调整收费的公告", "t2.html", None)]


def test_a_date_in_the_title_is_not_the_entry_date():
    body = ('<ul><li><a href="t1.html">2026年9月1日起施行的新规</a><span>2026-08-20</span></li>'
            '<li><a href="t2.html">关于调整收费的公告</a><span>2026-08-10</span></li></ul>')
    assert items_of(body)[0] == ("2026年9月1日起施行的新规", "t1.html", "2026-08-20")


def test_a_nav_menu_without_dates_gives_no_items():
    body = ('<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li>'
            '<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul>')
    record = record_of(body)
    assert record.items == []
    assert record.pagination is False


def test_a_hidden_duplicate_list_counts_each_entry_once():
    rows = ('<li><a href="t1.html">关于开展检查的通知</a><span>2026-09-16</span></li>'
            '<li><a href="t2.html">关于调整收费的公告</a><span>2026-09-10</span></li>')
    assert len(items_of(f"<ul>{rows}</ul><ul style='display:none'>{rows}</ul>")) == 2


# --- pagination ----------------------------------------------------------------------------------

LIST = ('<ul><li><a href="t1.html">关于开展检查的通知</a><span>2026-09-16</span></li>'
        '<li><a href="t2.html">关于调整收费的公告</a><span>2026-09-10</span></li></ul>')


@pytest.mark.parametrize("pager, expected", [
    ('<a href="index_1.html">下一页</a>', True),
    ('<a href="index_55.html">尾页</a>', True),
    ('<a href="index_1.html">2</a><a href="index_2.html">3</a>', True),
    ('<a href="list.jsp?page=2">2</a>', True),
    ('<script>createPageHTML(56, 0, "index", "html");</script>', True),
    ("<span>共56页 当前第1页</span>", True),
    ("<span>共 56 页</span>", True),
    ('<a href="/index.html">首页</a>', False),
    ('<a href="http://www.example.gov.cn/">首页</a><a href="/xxgk/">政府信息公开</a>', False),
    ("", False),
])
def test_pagination_is_recognised_but_a_home_link_is_not_a_pager(pager, expected):
    assert record_of(LIST + f'<div class="page">{pager}</div>').pagination is expected


# --- placeholder ---------------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ('<div class="list"><p>暂无信息</p></div>', True),
    ('<div class="list"><p>暂无数据！</p></div>', True),
    ('<div class="list"><p>本栏目暂无内容</p></div>', True),
    (LIST, False),
    ("<p>" + "各单位要认真落实，对暂无信息的栏目及时补充内容，确保政府信息公开工作规范有序开展。" + "</p>", False),
])
def test_placeholder_for_an_empty_column(body, expected):
    assert record_of(body).placeholder is expected


@pytest.mark.parametrize("line", [
    "对不起，本栏目暂时没有相关信息！", "该栏目下暂无符合条件的信息。", "没有找到符合条件的记录", "无记录",
    "当前栏目暂无内容发布", "尚无数据", "很抱歉，未查询到相关结果", "本栏目暂无更新", "暂无相关内容，敬请期待",
    "暂无2025年度信息",
])
def test_placeholder_wording_is_read_as_a_family(line):
    """Issue 17 item 8: a county portal's twenty blank columns said so at more length than 暂无信息."""
    record = record_of(f'<h2>通知公告</h2><div class="list"><p>{line}</p></div>')
    assert record.placeholder and record.kind == "column"


@pytest.mark.parametrize("line", [
    "无障碍浏览", "没有问题的企业名单公示", "关于开展无证无照经营专项整治的通知", "无锡市政府信息公开",
    "我市无新增确诊病例信息发布", "目前没有发现违规信息的企业名单如下", "无线电管理信息公开", "暂停营业公告",
    "无发布会", "无信息化建设", "无更新日期", "没有信息公开年报",
])
def test_lines_that_only_contain_a_none_word_are_no_placeholder(line):
    assert record_of(f"<p>{line}</p>").placeholder is False


@pytest.mark.parametrize("body, expected", [
    ('<ul class="news-list"></ul><div class="page">共0条</div>', True),              # an empty list, its pager says 0
    ('<ul class="list"></ul>', True),                                               # an empty list element
    ('<table class="list-table"><tr><th>标题</th><th>发布日期</th></tr></table>', True),   # a header row alone
    ('<div class="list"><p>暂无信息</p></div>', False),                              # a placeholder: that flag
    (LIST, False),                                                                  # entries
    ('<ul class="nav"></ul><ul class="menu"><li><a href="/a/">机构</a></li></ul>', False),   # navigation, not a list
    ('<p>共0条意见，征集期已结束，感谢关注。本次征集面向全体市民。</p>', False),    # prose, not a pager
])
def test_an_empty_list_without_placeholder_text(body, expected):
    """SPEC §8 COL004: an empty list with no placeholder text is blank too."""
    assert record_of(body).empty_list is expected


# --- page kinds ----------------------------------------------------------------------------------

ARTICLE_URL = "http://www.example.gov.cn/xxgk/tzgg/202609/t20260916_1.html"
LONG_GUIDE = ("<p>一、公开的主体和范围</p><p>二、主动公开 获取方式</p><p>三、依申请公开</p>"
              "<p>受理机构：某某局办公室 办公地址：某某路1号 办公时间：工作日 联系电话：0310-1234567 传真：0310-1234568</p>"
              "<p>更新日期：2026-01-05</p>")


def art(title: str, extra: str = "", column: str = "通知公告") -> tuple[str, str]:
    head = (f'<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2026-09-16 10:00">'
            f'<meta name="ColumnName" content="{column}">')
    return head, f"<h1>{title}</h1>{extra}<p>正文内容。</p>"


@pytest.mark.parametrize("url, is_start", [
    ("http://www.example.gov.cn/", False),
    ("http://www.example.gov.cn/index.html", False),
    ("http://www.example.gov.cn/index.shtml", False),
    ("http://www.example.gov.cn/xxgk/", True),
])
def test_kind_home_for_the_start_page_or_the_root(url, is_start):
    assert record_of(LIST, url=url, is_start=is_start).kind == "home"


def test_kind_column_for_a_list_page():
    assert record_of(LIST * 2 + '<a href="index_1.html">下一页</a>').kind == "column"


def test_kind_column_for_an_empty_column_with_placeholder():
    assert record_of("<h2>通知公告</h2><p>暂无信息</p>").kind == "column"


def test_kind_column_for_a_column_index_of_plain_links():
    head = '<meta name="ColumnName" content="政府信息公开指南">'
    body = ('<ul><li><a href="/a/">市教育局</a></li><li><a href="/b/">市财政局</a></li>'
            '<li><a href="/c/">市民政局</a></li></ul>')
    assert record_of(body, head=head, title="某某市人民政府-政府信息公开指南").kind == "column"


@pytest.mark.parametrize("title, extra, column, kind", [
    ("我市召开安全生产工作会议", "", "工作动态", "article"),
    ("某某市人民政府政府信息公开指南", LONG_GUIDE, "政府信息公开指南", "guide"),
    ("某某市2025年政府信息公开工作年度报告", "", "政府信息公开年报", "annual_report"),
    ("某某市人民政府关于印发《某某市行政规范性文件管理办法》的通知",
     '<p>文号：某政规〔2026〕3号</p>', "规范性文件", "policy"),
    ("关于《某某市行政规范性文件管理办法》的解读", "", "政策解读", "interpretation"),
    ("一图读懂《某某市行政规范性文件管理办法》", "", "工作动态", "interpretation"),
    ("某某市市场监督管理局行政处罚决定书", '<p>某市监罚〔2026〕12号</p>', "行政处罚", "penalty"),
    ("行政处罚信息公开表（浙金罚决字〔2024〕52号）", "", "监管局本级", "penalty"),
    ("某某市市场监督管理局行政处罚决定书送达公告", "", "行政处罚", "article"),
    # 行政执法公示 (事前公示: 执法主体, 依据, 流程) is a different duty from penalty decisions
    ("某某市市场监督管理局行政执法事前公示（执法主体、执法人员、执法依据）", "", "行政执法公示", "article"),
])
def test_kind_from_the_headline_and_column(title, extra, column, kind):
    head, body = art(title, extra, column)
    assert record_of(body, url=ARTICLE_URL, head=head, title=title).kind == kind


def test_kind_guide_needs_guide_text_not_only_the_title():
    head = '<meta name="ColumnName" content="政府信息公开指南">'
    body = "<h1>政府信息公开指南</h1><p>请选择部门</p>"
    assert record_of(body, url=ARTICLE_URL, head=head, title="政府信息公开指南").kind != "guide"


def test_kind_attachment_for_non_html_content():
    record = extract_page("http://www.example.gov.cn/xxgk/P020260916.pdf", b"%PDF-1.7 ...",
                          "application/pdf")
    assert record.kind == "attachment"
    assert record.items == [] and record.title is None


def test_kind_other_for_a_page_with_nothing_to_go_on():
    assert record_of("<form><input name='q'></form>", url="http://www.example.gov.cn/cx/query.jsp",
                     title="查询").kind == "other"


@pytest.mark.parametrize("title, number, kind", [
    ("某县人民政府关于进一步加强安全生产工作的实施意见", "某政〔2018〕5号", "policy"),      # no 规 in its 文号
    ("某县人民政府关于印发《某县“十四五”交通发展规划》的通知", "某政〔2021〕12号", "policy"),   # a 规划 document
    ("某县人民政府办公室关于印发某县农村公路管理办法的通知", "某政办〔2019〕7号", "policy"),
    ("某县人民政府办公室关于召开2026年全县工作会议的通知", "某政办〔2026〕3号", "article"),  # a notice with a 文号
    ("某省人民政府关于禁止在某某工程征占地范围内新增建设项目的通告", "某政明电〔2022〕1号", "policy"),   # real: jl
    # review: titles that only mention a genre are no policy documents
    ("某县人民政府关于同意某镇控制性详细规划的批复", "某政函〔2026〕3号", "article"),
    ("关于做好2026年城乡规划督查工作的通知", "某政办〔2026〕4号", "article"),
    ("关于报送《某某行动方案》实施情况的函", "某政办函〔2026〕5号", "article"),
    ("关于某某管理办法执行情况的通报", "某政办〔2026〕6号", "article"),
    ("某县人民政府关于促进民营经济发展的若干意见", "某政〔2026〕7号", "policy"),
])
def test_kind_policy_for_a_county_document_whose_number_has_no_gui(title, number, kind):
    """Issue 17 items 7 and 8: county 规范性文件 and 规划 carry X政〔2018〕N号 and sit in 通知公告."""
    head, body = art(title, extra=f"<p>{number}</p>")
    assert record_of(body, url=ARTICLE_URL, head=head, title=title).kind == kind


@pytest.mark.parametrize("content_type", ["text/plain", "application/octet-stream", None])
def test_a_list_page_that_only_forwards_by_script_is_a_page_not_an_attachment(content_type):
    """Issue 17 item 7: a list page whose body is only a forwarding script, served unlabelled or as
    text/plain, was read as an attachment; the body decides for generic types."""
    body = b"<script language='javascript'>window.location.href='list_1.html';</script>"
    record = extract_page("http://www.example.gov.cn/xxgk/tzgg/index.html", body, content_type)
    assert record.kind != "attachment"
    assert extract_page("http://www.example.gov.cn/a.pdf", b"%PDF-1.4 ...", "application/octet-stream").kind == "attachment"
    assert extract_page("http://www.example.gov.cn/a.txt", "通知全文".encode(), "text/plain").kind == "attachment"
