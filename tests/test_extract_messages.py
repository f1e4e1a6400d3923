"""政务咨询 / 互动回应 pages (auditor.core.extract.messages): message lists, detail pages, data
endpoints and channel names, for HDJ001–HDJ003.

Expected values were written by reading the pages (tests/real/messages/SOURCES.md says which are
real markup and which are reconstructions from crawler selectors), before the reader ran on them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.real_pages import MESSAGES as REAL_MESSAGES, PAGES, needs_real_messages, needs_real_pages
from auditor.core.extract.html import parse, visible_lines
from auditor.core.extract.links import base_url, extract_links
from auditor.core.extract.message_channels import is_message_channel
from auditor.core.extract.messages import (IN_PROGRESS, REPLIED, UNREPLIED, Message, read_message_detail,
                                           read_message_json, read_message_list, status_of)

REAL = Path(__file__).parent / "real"
MESSAGES = REAL / "messages"
SHARED = Path("/work/shared/samples")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="/work/shared is absent")

URL = "http://www.example.gov.cn/hdjl/list.html"


def page(html: str):
    root = parse(html)
    return root, visible_lines(root)


def listed(html: str, url: str = URL) -> list[Message]:
    root, lines = page(html)
    return read_message_list(root, lines, url)


def detail(html: str, url: str = URL) -> Message | None:
    root, lines = page(html)
    return read_message_detail(root, lines, url)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- real markup: the nfra.gov.cn 政务咨询 panel ----------------------------------------------------

NFRA_MESSAGES = [
    ("请问《经营保险业务许可证》还在使用吗？", "2025-04-27"),
    ("请问《关于加强万能型人身保险监管有关事项的通知》出台之前发生的业务是否受该通知影响？", "2025-04-27"),
    ("请问如何查询金融许可证？", "2025-04-16"),
    ("请问金融许可证有哪些公告方式？", "2025-03-18"),
]


def assert_nfra_panel(messages: list[Message]):
    assert [(m.title, m.asked) for m in messages] == NFRA_MESSAGES
    for m in messages:       # the panel prints no link, status, reply date or unit: none is made up
        assert (m.url, m.status, m.answered, m.answerer, m.has_reply) == (None, None, None, None, None)


@needs_real_pages
def test_real_nfra_consultation_panel_is_read_row_by_row():
    html = read(PAGES / "nfra_penalty_1.html")
    assert_nfra_panel(listed(html, "https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html"))


@needs_shared
def test_real_nfra_consultation_panel_on_a_second_page():
    html = read(SHARED / "penalty_detail_nfra_zhejiang_2024-52.html")
    assert_nfra_panel(listed(html, "https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html"))


@needs_real_pages
def test_real_page_with_a_message_panel_is_no_message_detail():
    """Four 留言时间 labels make a list, not one message: the penalty page is no detail page."""
    assert detail(read(PAGES / "nfra_penalty_1.html")) is None


@needs_real_pages
def test_real_guide_page_with_consultation_hours_is_no_message_detail():
    """平潭's 信息公开指南 prints 咨询时间：周一至周五… — an office hour, not a message."""
    assert detail(read(PAGES / "pingtan_guide_1.html")) is None


# --- real markup: channel links in site navigation --------------------------------------------------

def links_of(path: Path, url: str):
    root = parse(read(path))
    return {link.text: link.url for link in extract_links(root, base_url(root, url))}


@needs_real_pages
@pytest.mark.parametrize("path, url, text, expected", [
    (PAGES / "nfra_penalty_1.html", "https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html",
     "政务咨询", True),
    (PAGES / "nmg_article_1.html", "https://www.nmg.gov.cn/zwgk/zfxxgk/a/b/c.html", "主席信箱", True),
    (PAGES / "nmg_article_1.html", "https://www.nmg.gov.cn/zwgk/zfxxgk/a/b/c.html", "政民互动", True),
    (PAGES / "nmg_article_1.html", "https://www.nmg.gov.cn/zwgk/zfxxgk/a/b/c.html", "办事咨询", True),
    (PAGES / "cmse_article_1.html", "http://www.cmse.gov.cn/ztbd/xwfbh/201206/t20120624_43188.html",
     "在线留言", True),
    (PAGES / "kepu_article_1.html", "http://www.kepu.gov.cn/index.html", "咨询与建议", True),
    (PAGES / "pingtan_guide_1.html", "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgkzn/index.htm",
     "12345便民惠企服务平台", True),
])
def test_real_navigation_links_name_message_channels(path, url, text, expected):
    links = links_of(path, url)
    assert text in links
    assert is_message_channel(text, links[text]) is expected


@needs_shared
@pytest.mark.parametrize("text, expected", [("我要留言", True), ("留言统计", False)])
def test_real_handan_navigation(text, expected):
    links = links_of(SHARED / "xxgk_home_handan_hdzfxxgk.savedpage.jsp.html", "http://hdzfxxgk.hd.gov.cn/")
    assert is_message_channel(text, links[text]) is expected


# --- reconstructed from crawler selectors (tests/real/messages/SOURCES.md) ----------------------------

def test_reconstructed_beijing_letter_detail():
    """Dates labelled 时间 (in the letter part, after 来信人) and 答复时间; the unit stands in an
    unlabelled <strong> and the reply text in an unlabelled div: both stay unread."""
    url = "https://www.beijing.gov.cn/hudong/hdjl/com.web.consult.consultDetail.flow?originalId=AH20030200001"
    m = detail(read(MESSAGES / "beijing_letter_detail.reconstructed.html"), url)
    assert m is not None
    assert (m.asked, m.answered) == ("2020-03-02", "2020-03-09")
    assert (m.status, m.answerer, m.has_reply, m.title) == (None, None, None, None)
    assert m.url == url


def test_reconstructed_beijing_letter_detail_is_no_list():
    assert listed(read(MESSAGES / "beijing_letter_detail.reconstructed.html")) == []


def test_reconstructed_sun0769_list_without_header_row():
    messages = listed(read(MESSAGES / "sun0769_list.reconstructed.html"),
                      "http://wz.sun0769.com/index.php/question/questionType?type=4")
    assert [(m.title, m.url, m.status, m.unlabelled_date, m.asked) for m in messages] == [
        ("东城某路口红绿灯时间过短，行人来不及通过", "http://wz.sun0769.com/html/question/201809/235001.shtml",
         REPLIED, "2018-09-12", None),
        ("小区旁工地夜间施工噪音扰民", "http://wz.sun0769.com/html/question/201809/235002.shtml",
         IN_PROGRESS, "2018-09-13", None),
        ("学位申请材料咨询", "http://wz.sun0769.com/html/question/201809/235003.shtml",
         UNREPLIED, "2018-09-14", None),
    ]


def test_reconstructed_beijing_letter_list_json():
    data = json.loads(read(MESSAGES / "beijing_letter_list.reconstructed.json"))
    assert [(m.title, m.asked, m.answerer, m.status) for m in read_message_json(data)] == [
        ("低风险工程申报咨询", "2020-03-02", "市住房城乡建设委", None),
        ("第三方校准机构申请计量标准考核的咨询", "2020-03-03", "市市场监督管理局", None),
        ("食品经营许可证延续办理", "2020-03-05", "市市场监督管理局", None),
        ("公交线路调整建议", None, "公交集团公司", None),
    ]


def test_reconstructed_beijing_mail_search_json():
    """isReply true / false is the site saying replied / not replied; org_id is a code, no unit name."""
    data = json.loads(read(MESSAGES / "beijing_mail_list.reconstructed.json"))
    assert [(m.title, m.asked, m.status, m.answerer) for m in read_message_json(data)] == [
        ("低风险工程申报咨询", "2020-03-02", REPLIED, None),
        ("第三方校准机构申请计量标准考核的咨询", "2020-03-03", UNREPLIED, None),
        ("公交线路调整建议", "2020-03-11", REPLIED, None),
    ]


# --- layout 1: a table with a header row -------------------------------------------------------------

TABLE = """<html><body><table class="list">
<tr><th>标题</th><th>留言时间</th><th>答复时间</th><th>办理状态</th><th>答复单位</th></tr>
<tr><td><a href="/hdjl/1.html">关于小区停车位的咨询</a></td><td>2024-05-06 10:20:30</td>
    <td>2024/5/8 9:00</td><td>已回复</td><td>市住建局</td></tr>
<tr><td><a href="/hdjl/2.html">学校周边交通拥堵</a></td><td>2024年5月6日</td><td></td><td>未回复</td><td></td></tr>
<tr><td><a href="/hdjl/3.html">社保转移办理</a></td><td>2024.05.07</td><td>--</td><td>办理中</td><td>市人社局</td></tr>
<tr><td><a href="/hdjl/4.html">路灯不亮</a></td><td>05-06</td><td>5月8日</td><td>已办结</td><td>城管局</td></tr>
</table></body></html>"""


def test_table_with_header_mixes_replied_unreplied_and_in_progress():
    assert [(m.title, m.url, m.asked, m.answered, m.status, m.answerer) for m in listed(TABLE)] == [
        ("关于小区停车位的咨询", "http://www.example.gov.cn/hdjl/1.html", "2024-05-06", "2024-05-08", REPLIED, "市住建局"),
        ("学校周边交通拥堵", "http://www.example.gov.cn/hdjl/2.html", "2024-05-06", None, UNREPLIED, None),
        ("社保转移办理", "http://www.example.gov.cn/hdjl/3.html", "2024-05-07", None, IN_PROGRESS, "市人社局"),
        # dates printed without a year are not guessed
        ("路灯不亮", "http://www.example.gov.cn/hdjl/4.html", None, None, REPLIED, "城管局"),
    ]


def test_table_column_that_says_only_time_is_an_unlabelled_date():
    html = """<table><thead><tr><th>来信主题</th><th>状态</th><th>时间</th><th>受理单位</th></tr></thead>
    <tbody><tr><td><a href="m?id=7">噪音扰民</a></td><td>已答复</td><td>2023-11-02 08:00:00</td><td>生态环境局</td></tr>
    </tbody></table>"""
    [m] = listed(html)
    assert (m.title, m.status, m.asked, m.unlabelled_date, m.answerer) == (
        "噪音扰民", REPLIED, None, "2023-11-02", "生态环境局")


def test_news_table_is_not_a_message_table():
    html = """<table><tr><th>标题</th><th>发布时间</th></tr>
    <tr><td><a href="/a.html">关于规范网上留言办理工作的通知</a></td><td>2024-05-06</td></tr>
    <tr><td><a href="/b.html">市长信箱留言办理情况通报</a></td><td>2024-05-07</td></tr></table>"""
    assert listed(html) == []


def test_survey_table_whose_status_is_no_message_status():
    html = """<table><tr><th>主题</th><th>开始时间</th><th>状态</th></tr>
    <tr><td><a href="/dc/1.html">2024年政府网站满意度调查</a></td><td>2024-05-01</td><td>进行中</td></tr>
    <tr><td><a href="/dc/2.html">公交线网优化意见征集</a></td><td>2024-03-01</td><td>已结束</td></tr></table>"""
    assert listed(html) == []


# --- layout 2: rows of a ul/li or div list -------------------------------------------------------------

LI_LIST = """<html><body><ul class="ly-list">
<li><span class="zt">[已回复]</span><a href="/ly/101.html">关于公交线路调整的建议</a><span class="time">2024-03-01</span></li>
<li><span class="zt">[未回复]</span><a href="/ly/102.html">幼儿园入园政策咨询</a><span class="time">2024-03-02</span></li>
<li><a href="/ly/103.html">【办理中】老旧小区加装电梯进度</a><span class="time">2024-03-03 16:45</span></li>
<li><a href="/ly/104.html">垃圾清运不及时</a><span class="time">03-04</span><span>已处理</span></li>
</ul></body></html>"""


def test_li_rows_with_status_and_date():
    assert [(m.title, m.url, m.status, m.unlabelled_date, m.asked) for m in listed(LI_LIST)] == [
        ("关于公交线路调整的建议", "http://www.example.gov.cn/ly/101.html", REPLIED, "2024-03-01", None),
        ("幼儿园入园政策咨询", "http://www.example.gov.cn/ly/102.html", UNREPLIED, "2024-03-02", None),
        ("老旧小区加装电梯进度", "http://www.example.gov.cn/ly/103.html", IN_PROGRESS, "2024-03-03", None),
        ("垃圾清运不及时", "http://www.example.gov.cn/ly/104.html", REPLIED, None, None),   # 03-04: no year
    ]


def test_div_rows_with_labelled_dates():
    html = """<div class="list">
      <div class="item"><a href="x/1">医保报销比例咨询</a><p>留言时间：2024-01-05 回复时间：2024-01-09</p></div>
      <div class="item"><a href="x/2">社区卫生站开放时间</a><p>留言时间：2024-01-06</p><p>状态：处理中</p></div>
    </div>"""
    assert [(m.title, m.asked, m.answered, m.status) for m in listed(html)] == [
        ("医保报销比例咨询", "2024-01-05", "2024-01-09", None),
        ("社区卫生站开放时间", "2024-01-06", None, IN_PROGRESS),
    ]


def test_news_list_that_mentions_messages_in_titles_is_not_read():
    html = """<ul class="news-list">
      <li><a href="/n/1.html">我市召开网上留言办理工作推进会</a><span>2024-05-06</span></li>
      <li><a href="/n/2.html">关于市长信箱已办结留言的情况通报</a><span>2024-05-07</span></li>
      <li><a href="/n/3.html">12345热线一季度回复率达98%</a><span>2024-04-01</span></li>
    </ul>"""
    assert listed(html) == []


def test_row_titled_in_a_span_with_a_details_link():
    html = """<ul><li><span class="bt">城区停车难问题</span><span>[已答复]</span><a href="d?id=1">查看详情</a></li>
    <li><span class="bt">农村道路维修</span><span>[待回复]</span><a href="d?id=2">查看详情</a></li></ul>"""
    assert [(m.title, m.url, m.status) for m in listed(html)] == [
        ("城区停车难问题", "http://www.example.gov.cn/hdjl/d?id=1", REPLIED),
        ("农村道路维修", "http://www.example.gov.cn/hdjl/d?id=2", UNREPLIED)]


def test_filter_tabs_are_no_messages():
    html = """<ul class="tabs"><li><a href="?s=1">已回复</a></li><li><a href="?s=0">未回复</a></li>
    <li><a href="?s=2">办理中</a></li></ul>"""
    assert listed(html) == []


# --- layout 3: detail pages ------------------------------------------------------------------------------

def test_detail_with_labelled_lines():
    html = """<div class="detail">
      <p>留言标题：关于小区停车位的咨询</p><p>留言人：王**</p>
      <p>留言时间：2024-05-06 10:20:30</p><p>留言内容：小区停车位紧张，何时能增加车位？</p>
      <p>答复单位：市住建局</p><p>答复时间：2024年5月20日</p>
      <p>答复内容：您好，来信收悉。经核实……</p></div>"""
    m = detail(html)
    assert (m.title, m.asked, m.answered, m.answerer, m.has_reply, m.status, m.url) == (
        "关于小区停车位的咨询", "2024-05-06", "2024-05-20", "市住建局", True, None, URL)


def test_detail_in_table_rows():
    html = """<table class="detail">
      <tr><th>来信标题</th><td>路灯不亮</td></tr>
      <tr><th>来信时间</th><td>2024/3/1 08:12</td><th>办理状态</th><td>已办结</td></tr>
      <tr><th>来信内容</th><td>某路段路灯已坏一周。</td></tr>
      <tr><th>承办单位</th><td>市城管局</td><th>办结时间</th><td>2024.03.05</td></tr>
      <tr><th>办理结果</th><td>已安排维修。</td></tr></table>"""
    m = detail(html)
    assert (m.title, m.asked, m.answered, m.answerer, m.status, m.has_reply) == (
        "路灯不亮", "2024-03-01", "2024-03-05", "市城管局", REPLIED, True)


def test_detail_with_question_but_no_reply():
    html = """<div><p>来信标题：学区划分咨询</p><p>来信时间：2024-06-01</p>
    <p>来信内容：请问今年学区如何划分？</p></div>"""
    m = detail(html)
    assert (m.asked, m.answered, m.status, m.has_reply, m.answerer) == ("2024-06-01", None, None, None, None)


def test_detail_whose_reply_field_says_none_yet():
    html = """<div><p>留言时间：2024-06-01</p><p>留言内容：请问今年学区如何划分？</p>
    <p>回复内容：暂无回复</p></div>"""
    m = detail(html)
    assert (m.asked, m.has_reply, m.status) == ("2024-06-01", False, UNREPLIED)


def test_detail_dates_without_year_are_none():
    html = """<div><p>留言时间：6月1日</p><p>留言内容：问题</p><p>答复时间：06-08</p>
    <p>答复内容：已答复。</p></div>"""
    m = detail(html)
    assert (m.asked, m.answered, m.has_reply) == (None, None, True)


def test_article_page_is_no_message_detail():
    html = """<div class="article"><h1>我市召开网上留言办理工作推进会</h1><p>发布时间：2024-05-06</p>
    <p>会议要求，对群众留言要及时答复，答复内容要具体。</p></div>"""
    assert detail(html) is None


# --- data endpoints ------------------------------------------------------------------------------------

def test_json_rows_by_common_key_names():
    data = {"code": 0, "data": {"total": 3, "list": [
        {"title": "停车收费咨询", "createTime": "2024-05-06 10:00:00", "replyTime": "2024-05-09 16:30:00",
         "status": "已回复", "replyDept": "市发改委", "url": "/hd/1.html"},
        {"title": "夜间施工扰民", "addTime": "2024/05/07", "replyTime": "", "status": "办理中", "replyDept": None},
        {"title": "公积金提取", "createTime": 1715011200000, "status": 2},
    ]}}
    assert [(m.title, m.asked, m.answered, m.status, m.answerer, m.url) for m in read_message_json(data, URL)] == [
        ("停车收费咨询", "2024-05-06", "2024-05-09", REPLIED, "市发改委", "http://www.example.gov.cn/hd/1.html"),
        ("夜间施工扰民", "2024-05-07", None, IN_PROGRESS, None, None),
        ("公积金提取", "2024-05-07", None, None, None, None),   # epoch ms in China time; code 2 means nothing known
    ]


def test_json_without_message_rows():
    assert read_message_json({"code": 0, "data": {"list": [{"name": "a", "value": 1}]}}) == []
    assert read_message_json([1, 2, 3]) == []
    assert read_message_json(None) == []


# --- status words and channel names -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("已回复", REPLIED), ("[已答复]", REPLIED), ("状态：已办结", REPLIED), ("已处理", REPLIED),
    ("未回复", UNREPLIED), ("待回复", UNREPLIED), ("（未答复）", UNREPLIED), ("待处理", UNREPLIED),
    ("办理中", IN_PROGRESS), ("处理中", IN_PROGRESS), ("正在办理", IN_PROGRESS), ("已受理", IN_PROGRESS),
    ("转办", None),                 # handed on: neither waiting nor answered (review)
    ("未办结", None), ("", None), (None, None), ("已回复 未回复", None),
])
def test_status_words(text, expected):
    assert status_of(text) == expected


@pytest.mark.parametrize("text, url, expected", [
    ("领导信箱", "http://www.example.gov.cn/hdjl/ldxx/", True),
    ("市长信箱", "", True),
    ("网上信访", "", True),
    ("12345热线", "", True),
    ("咨询", "", True),
    ("更多>>", "http://www.example.gov.cn/hdjl/ldxx/", True),
    ("更多>>", "http://www.example.gov.cn/xwzx/", False),
    ("咨询电话", "", False),
    ("电子信箱：bgs@example.gov.cn", "", False),
    ("大鹏药品信息咨询（北京）有限公司", "", False),
    ("关于开展“我为群众办实事”网上留言征集活动的通知", "", False),
    ("领导信箱使用须知", "", False),
    ("在线访谈", "http://www.example.gov.cn/zmhd/zxft/", False),
    ("国家信访局", "http://www.gjxfj.gov.cn/", False),      # the agency's own site (real: nmg, gansu navigation)
    ("涉企政策不落实投诉平台", "https://www.nmg.gov.cn/jact/api/letters/login", True),   # Hanweb 互动平台 (real: nmg)
    ("", "", False),
])
def test_channel_names(text, url, expected):
    assert is_message_channel(text, url) is expected


# -- real data-endpoint answers (问政四川; tests/real/messages/SOURCES.md) --------------------------------

@needs_real_messages
@pytest.mark.parametrize("name, first_three, replied, total", [
    ("wzsc_thread_page_org1289.json",
     [("环城绿道茶马古道特色园", "2025-03-03", None, UNREPLIED),
      ("龙泉东麓驿境小区里开办技校", "2025-03-03", "2025-03-03", REPLIED),
      ("关于切实解决新购房入学困难的建议", "2025-03-03", None, UNREPLIED)], 6, 20),
    ("wzsc_thread_page_org1789.json",
     [("寿安隆盛小区农贸市场好久能开呀", "2025-03-03", None, UNREPLIED),
      ("请维护正常的秩序！", "2025-02-28", None, UNREPLIED),
      ("电信隐瞒合同，私加合约", "2025-02-25", "2025-02-26", REPLIED)], 18, 20),
])
def test_real_wenzheng_sichuan_answers(name, first_three, replied, total):
    """Values written from the files by reading them (created_at, reply_at, reply_status), before the reader ran."""
    messages = read_message_json(json.loads((REAL_MESSAGES / name).read_bytes()),
                                 "https://wz-api.chuanbaoguancha.cn/api/v1/thread/page")
    assert [(m.title, m.asked, m.answered, m.status) for m in messages[:3]] == first_three
    assert len(messages) == total and sum(m.status == REPLIED for m in messages) == replied
    assert all(m.url.startswith("https://ly.scol.com.cn/thread/details/") for m in messages)
