"""Adapters for script-built lists: TRS WCM pagers, Hanweb jpage data islands, Guangdong gkmlpt,
redirect stubs — and that none of them fires on an ordinary static list page."""
from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import (
    DataRequest,
    Expansion,
    expand_page,
    looks_script_built,
    parse_data,
)


def only(expansions: list[Expansion], adapter: str) -> Expansion:
    assert [e.adapter for e in expansions] == [adapter]
    return expansions[0]


# --- TRS WCM -------------------------------------------------------------------------------------

TRS_LITERAL = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>通知公告_某某市人民政府</title>
<script type="text/javascript" src="../../images/jquery-1.8.3.min.js"></script></head>
<body>
<div class="main-list">
  <ul class="list">
    <li><a href="./202309/t20230915_123456.html" target="_blank" title="关于开展2023年度政务公开工作考核的通知">关于开展2023年度政务公开工作考核的通知</a><span>2023-09-15</span></li>
    <li><a href="./202309/t20230901_123400.html" target="_blank" title="某某市人民政府办公室关于印发工作要点的通知">某某市人民政府办公室关于印发工作要点的通知</a><span>2023-09-01</span></li>
  </ul>
  <div class="page">
    <script type="text/javascript">
      createPageHTML(10, 0, "index", "html");
    </script>
  </div>
</div>
</body></html>"""


def test_trs_literal_call_enumerates_unlinked_pages():
    url = "http://www.example.gov.cn/xxgk/tzgg/index.html"
    exp = only(expand_page(parse(TRS_LITERAL), url), "trs")
    assert exp.pages == [f"http://www.example.gov.cn/xxgk/tzgg/index_{n}.html" for n in range(1, 10)]
    assert not exp.capped and not exp.items and not exp.data and exp.redirect is None


TRS_VARIABLES = """<html><head><title>政策文件</title></head><body>
<table class="list"><tr><td><a href="./202401/t20240102_1.html">关于某事项的通知</a></td><td>2024-01-02</td></tr></table>
<div id="pager"><script language="javascript">
var currentPage = 2;//所在页从0开始
var prefixName = "index"//默认页面名称
var suffixName = "htm"//默认页面扩展名
var countPage = 5//共多少页
createPageHTML(countPage, currentPage, prefixName, suffixName);
</script></div></body></html>"""


def test_trs_variables_resolved_and_current_page_left_out():
    url = "http://www.example.gov.cn/zwgk/zcwj/index_2.htm"
    exp = only(expand_page(parse(TRS_VARIABLES), url), "trs")
    assert exp.pages == ["http://www.example.gov.cn/zwgk/zcwj/index.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_1.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_3.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_4.htm"]


def test_trs_variables_in_an_earlier_script_block():
    html = """<html><body><ul class="list"><li><a href="a.html">条目</a></li></ul>
    <script>var countPage = 3; var currentPage = 0;</script>
    <script>createPageHTML(countPage, currentPage, "index", "shtml");</script></body></html>"""
    exp = only(expand_page(parse(html), "https://www.example.gov.cn/col/"), "trs")
    assert exp.pages == ["https://www.example.gov.cn/col/index_1.shtml",
                         "https://www.example.gov.cn/col/index_2.shtml"]


def test_trs_element_first_form_counts_from_one():
    # central-government template: createPageHTML(element, count, current, prefix, suffix, records)
    html = """<html><body><table><tr><td class="info"><a class="list" href="./c7123/content.shtml">规章</a></td></tr></table>
    <div id="page_div"></div>
    <script>createPageHTML('page_div',10, 1,'fg','shtml',150);</script></body></html>"""
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/csrc/c106256/fg.shtml"), "trs")
    assert exp.pages == [f"http://www.example.gov.cn/csrc/c106256/fg_{n}.shtml" for n in range(2, 11)]


def test_trs_base_href_is_respected():
    html = """<html><head><base href="http://www.example.gov.cn/xxgk/"></head><body>
    <script>createPageHTML(3, 0, "index", "html");</script></body></html>"""
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/some/other/path.html"), "trs")
    assert exp.pages[-1] == "http://www.example.gov.cn/xxgk/index_2.html"


@pytest.mark.parametrize("count", ["1000000000", "99999999999999999999999999", "countPage"])
def test_trs_huge_page_count_is_capped(count):
    html = f"""<html><body><script>var countPage = 1000000000;
    createPageHTML({count}, 0, "index", "html");</script></body></html>"""
    started = time.perf_counter()
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/a/", max_pages=200), "trs")
    assert len(exp.pages) == 200 and exp.capped
    assert exp.pages[-1] == "http://www.example.gov.cn/a/index_200.html"
    small = only(expand_page(parse(html), "http://www.example.gov.cn/a/", max_pages=3), "trs")
    assert len(small.pages) == 3 and small.capped
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("call", [
    'createPageHTML(-5, 0, "index", "html")',
    'createPageHTML(0, 0, "index", "html")',
    'createPageHTML(unknownVariable, 0, "index", "html")',
    'createPageHTML(3, 0, "javascript:alert(1)//", "html")',
    'createPageHTML(3, 0, "../../../etc/passwd", "html")',
    'createPageHTML(3, 0, "index", "html?x=<script>")',
    'createPageHTML(3, 0',
    'createPageHTML("page_div")',
])
def test_trs_malformed_calls_are_ignored(call):
    html = f"<html><body><ul><li><a href='a.html'>x</a></li></ul><script>{call};</script></body></html>"
    assert expand_page(parse(html), "http://www.example.gov.cn/a/index.html") == []


def test_trs_function_definition_is_not_a_call():
    html = """<html><head><script>
    function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
      if (_nPageCount == null || _nPageCount <= 1) { return; }
      var result = /createPageHTML\\([^\\)]*\\)/.exec(document.body.innerHTML);
    }</script></head><body><p>内容</p></body></html>"""
    assert expand_page(parse(html), "http://www.example.gov.cn/a/index.html") == []


# --- redirects -----------------------------------------------------------------------------------

@pytest.mark.parametrize("head, target", [
    ('<meta http-equiv="refresh" content="0;url=http://www.example.gov.cn/index.shtml">',
     "http://www.example.gov.cn/index.shtml"),
    ("<META HTTP-EQUIV='Refresh' CONTENT=\"0; URL='/col/col1/index.html'\">",
     "http://www.example.gov.cn/col/col1/index.html"),
    ('<meta http-equiv="REFRESH" content="3 ;  url = portal/index.htm">',
     "http://www.example.gov.cn/portal/index.htm"),
    ('<meta http-equiv="refresh" content="0, URL=https://www.example.gov.cn/new/">',
     "https://www.example.gov.cn/new/"),
])
def test_meta_refresh(head, target):
    html = f"<html><head>{head}<title>跳转</title></head><body></body></html>"
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/"), "redirect")
    assert exp.redirect == target and not exp.pages and not exp.data


@pytest.mark.parametrize("script, target", [
    ('window.location.href = "/index.shtml";', "http://www.example.gov.cn/index.shtml"),
    ("location.href='col/col12/index.html'", "http://www.example.gov.cn/site/col/col12/index.html"),
    ('window.location = "http://www.example.gov.cn/zwgk/";', "http://www.example.gov.cn/zwgk/"),
    ('window.location.replace("https://www.example.gov.cn/portal/");', "https://www.example.gov.cn/portal/"),
    ("top.location.href='/main.htm';", "http://www.example.gov.cn/main.htm"),
    ('  // 跳转到新版\n  location.assign("../new/index.html");', "http://www.example.gov.cn/new/index.html"),
    ("document.location.href = '/a.html'\n", "http://www.example.gov.cn/a.html"),
])
def test_script_redirect(script, target):
    html = f"<html><head><script>{script}</script></head><body><p>正在跳转……</p></body></html>"
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/site/index.html"), "redirect")
    assert exp.redirect == target


@pytest.mark.parametrize("script", [
    # the usual phone-site switch is conditional: not everyone is sent
    "if (/Android|iPhone/i.test(navigator.userAgent)) { window.location.href = 'http://m.example.gov.cn/'; }",
    "if (screen.width < 800) location.href = 'http://m.example.gov.cn/';",
    "var m = isMobile() ? 1 : 0; m && (location.href = 'http://m.example.gov.cn/');",
    "function go() { location.href = '/other.html'; }",
    "$('#btn').click(function(){ window.location.href = '/search.html'; });",
    "var u = '/x.html'; location.href = u;",
    "location.href = base + '/x.html';",
    "if (location.href == 'http://www.example.gov.cn/') { track(); }",
    "var s = \"location.href='/x.html'\";",
    "location.href = 'javascript:void(0)';",
    "location.href = 'data:text/html,<script>alert(1)</script>';",
    "/* location.href = '/old.html'; */",
])
def test_script_redirect_not_taken(script):
    html = f"<html><head><script>{script}</script></head><body><p>首页</p></body></html>"
    assert expand_page(parse(html), "http://www.example.gov.cn/index.html") == []


@pytest.mark.parametrize("content", [
    "300", "0", "0;url=javascript:alert(1)", "0;url=data:text/html;base64,PHNjcmlwdD4=",
    "0;url=http://www.example.gov.cn/index.html", "0;url=", "garbage;;;", "0; url=''",
])
def test_meta_refresh_not_taken(content):
    html = f'<html><head><meta http-equiv="refresh" content="{content}"></head><body><a href="/a">a</a></body></html>'
    assert expand_page(parse(html), "http://www.example.gov.cn/index.html") == []


# --- Hanweb jpage --------------------------------------------------------------------------------

def jpage_page(records: str, script: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>通知公告 江苏省发展和改革委员会</title>
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script></head>
<body><div class="bt-list">
<div id="423656"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid=282&unitid=423656&webname=%E6%B1%9F%E8%8B%8F%E7%9C%81&permissiontype=0"></a>]]></nextgroup>
<recordset>
{records}
</recordset></datastore></script></div>
<script>{script}</script>
</div></body></html>"""


RECORDS = """<record><![CDATA[
<li><a href="/art/2023/9/15/art_282_11830771.html" title="省发展改革委关于印发《某某实施方案》的通知" target="_blank">省发展改革委关于印发《某某实施方案》的通...</a><span>2023-09-15</span></li>]]></record>
<record><![CDATA[
<li><a href='/art/2023/9/1/art_282_11830001.html' title='关于公开征求意见的公告'>关于公开征求意见的公告</a><span>2023-09-01</span></li>]]></record>
<record><![CDATA[
<li><a href="https://fzggw.example.gov.cn/art/2023/8/20/art_282_11829000.html">2023年8月份价格监测报告</a><b>[2023-08-20]</b></li>]]></record>"""

PARAM_SCRIPT = """var param_423656 = {col:1,appid:1,webid:3,path:'/',columnid:282,sourceContentType:1,unitid:'423656',webname:'江苏省发展和改革委员会',permissiontype:0};
$(document).ready(function(){
  $('#423656').jpage({themeName:'default', showMode:'full', totalRecord:100, perPage:15, groupSize:3,
    barPosition:'bottom', proxyUrl:'/module/web/jpage/dataproxy.jsp', ajaxParam:param_423656});
});"""


def test_jpage_records_and_proxy_requests():
    url = "https://fzggw.example.gov.cn/col/col282/index.html"
    exp = only(expand_page(parse(jpage_page(RECORDS, PARAM_SCRIPT)), url), "jpage")
    assert [(i.title, i.url, i.date) for i in exp.items] == [
        ("省发展改革委关于印发《某某实施方案》的通知",
         "https://fzggw.example.gov.cn/art/2023/9/15/art_282_11830771.html", "2023-09-15"),
        ("关于公开征求意见的公告", "https://fzggw.example.gov.cn/art/2023/9/1/art_282_11830001.html",
         "2023-09-01"),
        ("2023年8月份价格监测报告", "https://fzggw.example.gov.cn/art/2023/8/20/art_282_11829000.html",
         "2023-08-20"),
    ]
    # 100 records in groups of 15 x 3: the page holds group 1, the proxy serves groups 2 and 3
    assert [(d.method, d.page) for d in exp.data] == [("POST", 2), ("POST", 3)]
    first = exp.data[0]
    parts = urlsplit(first.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == \
        "https://fzggw.example.gov.cn/module/web/jpage/dataproxy.jsp"
    assert parse_qs(parts.query) == {"startrecord": ["46"], "endrecord": ["90"], "perpage": ["15"]}
    assert parse_qs(urlsplit(exp.data[1].url).query)["startrecord"] == ["91"]
    form = parse_qs(first.body)
    assert form["columnid"] == ["282"] and form["unitid"] == ["423656"] and form["webid"] == ["3"]
    assert form["webname"] == ["江苏省发展和改革委员会"] and form["path"] == ["/"] and form["col"] == ["1"]
    assert first.adapter == "jpage" and not exp.capped and not exp.pages


def test_jpage_without_total_probes_the_next_group_from_the_nextgroup_link():
    records = "\n".join(
        f"<record><![CDATA[<li><a href='/art/2023/1/{n}/art_60096_{n}.html' title='标题{n}'>标题{n}</a>"
        f"<span>2023-01-{n:02d}</span></li>]]></record>" for n in range(1, 16))
    script = "$('#423656').jpage({perPage:5, groupSize:3, proxyUrl:'/module/web/jpage/dataproxy.jsp'});"
    exp = only(expand_page(parse(jpage_page(records, script)), "http://www.example.gov.cn/col/col60096/index.html"),
               "jpage")
    assert len(exp.items) == 15 and exp.items[14].date == "2023-01-15"
    assert len(exp.data) == 1 and exp.data[0].page == 2
    assert parse_qs(urlsplit(exp.data[0].url).query) == {
        "startrecord": ["16"], "endrecord": ["30"], "perpage": ["5"]}
    # no param object on the page: the form comes from the nextgroup link's query
    form = parse_qs(exp.data[0].body)
    assert form["columnid"] == ["282"] and form["webname"] == ["江苏省"] and "page" not in form


def test_jpage_short_first_group_needs_no_request():
    script = "$('#423656').jpage({perPage:15, groupSize:3});"
    exp = only(expand_page(parse(jpage_page(RECORDS, script)), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert len(exp.items) == 3 and exp.data == []


def test_jpage_huge_total_is_capped():
    script = PARAM_SCRIPT.replace("totalRecord:100", "totalRecord:100000000000000000000")
    exp = only(expand_page(parse(jpage_page(RECORDS, script)), "http://www.example.gov.cn/col/col1/",
                           max_pages=5), "jpage")
    assert [d.page for d in exp.data] == [2, 3, 4, 5, 6] and exp.capped


@pytest.mark.parametrize("change", [
    ("totalRecord:100", "totalRecord:-100"),
    ("proxyUrl:'/module/web/jpage/dataproxy.jsp'", "proxyUrl:'javascript:alert(1)'"),
])
def test_jpage_hostile_config_yields_no_requests(change):
    html = jpage_page(RECORDS, PARAM_SCRIPT.replace(*change))
    exp = only(expand_page(parse(html), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert len(exp.items) == 3 and exp.data == []


def test_jpage_hostile_records_dropped():
    records = """<record><![CDATA[<li><a href="javascript:alert(1)" title="脚本">脚本</a></li>]]></record>
<record><![CDATA[<li><a href="data:text/html,hi">数据</a></li>]]></record>
<record><![CDATA[<li><a href="/art/ok.html" title="正常条目">正常</a><span>2023-13-45</span></li>]]></record>
<record><![CDATA[<li><a href="http://[::1">坏地址</a></li>]]></record>
<record><![CDATA[ unclosed <li><a href="/art/tail.html">未闭合"""
    exp = only(expand_page(parse(jpage_page(records, "")), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert [(i.title, i.url, i.date) for i in exp.items] == [
        ("正常条目", "http://www.example.gov.cn/art/ok.html", None),
        ("未闭合", "http://www.example.gov.cn/art/tail.html", None)]


def test_jpage_older_jcms_javascript_array_store():
    html = """<html><head><meta charset="gb2312"><title>南通市政府采购网</title></head><body>
<div id="49468"></div>
<script>
var InitData49468 = ['<tr><td><a href="/art/2014/5/20/art_30067_1.html" title="南通市某中学设备采购招标公告" target="_blank">南通市某中学设备采购招标...</a></td><td>[2014-05-20]</td></tr>',
'<tr><td><a href=\\'/art/2014/5/19/art_30067_2.html\\' title=\\'南通市农产品检测中心仪器采购公告\\'>南通市农产品检测...</a></td><td>[2014-05-19]</td></tr>'];
$(function(){$('#49468').jpage({themeName:'default',showMode:'full',totalRecord:1418,openCookies:false,dataBefore:'',dataStore:InitData49468,dataAfter:'',groupSize:3,proxyUrl:'/module/jslib/jquery/jpage/dataproxy.jsp',perPage:25,barPosition:'bottom',ajaxParam:{col:1,appid:'1',webid:60,path:'/',columnid:30067,unitid:'49468',webname:'南通市政府采购网',permissiontype:0}});});
</script></body></html>"""
    exp = only(expand_page(parse(html), "http://zfcg.example.gov.cn/col/col30067/index.html"), "jpage")
    assert [(i.title, i.date) for i in exp.items] == [
        ("南通市某中学设备采购招标公告", "2014-05-20"), ("南通市农产品检测中心仪器采购公告", "2014-05-19")]
    # 1418 records, 75 a group: groups 2..19
    assert [d.page for d in exp.data] == list(range(2, 20))
    assert exp.data[0].url == ("http://zfcg.example.gov.cn/module/jslib/jquery/jpage/dataproxy.jsp"
                               "?startrecord=76&endrecord=150&perpage=25")
    assert parse_qs(exp.data[0].body)["webname"] == ["南通市政府采购网"]


PROXY_ANSWER = """<?xml version="1.0" encoding="UTF-8"?>
<datastore><totalrecord>100</totalrecord><totalpage>7</totalpage>
<recordset>
<record><![CDATA[<li class="cf"><a target="_blank" href="/art/2023/6/1/art_282_1.html" title="第46条：省发展改革委关于某事项的批复">第46条：省发展改革委关于某事...</a><span>2023-06-01</span></li>]]></record>
<record><![CDATA[<li class="cf"><a target="_blank" href="/art/2023/5/30/art_282_2.html" title="第47条">第47条</a><span>2023-05-30</span></li>]]></record>
</recordset></datastore>"""


def proxy_request(start: int, end: int, per_page: int = 15, page: int = 2) -> DataRequest:
    return DataRequest(adapter="jpage", method="POST", page=page,
                       url=("https://fzggw.example.gov.cn/module/web/jpage/dataproxy.jsp"
                            f"?startrecord={start}&endrecord={end}&perpage={per_page}"),
                       body="col=1&appid=1&webid=3&path=%2F&columnid=282&unitid=423656")


def test_jpage_answer_items_and_remaining_groups():
    items, more = parse_data(proxy_request(46, 90), PROXY_ANSWER.encode("utf-8"), "text/xml;charset=UTF-8")
    assert [(i.title, i.url, i.date) for i in items] == [
        ("第46条：省发展改革委关于某事项的批复", "https://fzggw.example.gov.cn/art/2023/6/1/art_282_1.html",
         "2023-06-01"),
        ("第47条", "https://fzggw.example.gov.cn/art/2023/5/30/art_282_2.html", "2023-05-30")]
    assert [(r.page, parse_qs(urlsplit(r.url).query)["startrecord"][0]) for r in more] == [(3, "91")]
    assert more[0].method == "POST" and more[0].body == proxy_request(46, 90).body
    # a later group does not enumerate again
    assert parse_data(proxy_request(91, 135, page=3), PROXY_ANSWER.encode(), None)[1] == []


def test_jpage_answer_gbk_and_without_total_chains_while_full():
    answer = PROXY_ANSWER.replace('encoding="UTF-8"', 'encoding="GBK"')
    answer = answer.replace("<totalrecord>100</totalrecord><totalpage>7</totalpage>", "")
    items, more = parse_data(proxy_request(3, 4, per_page=2), answer.encode("gb18030"), "text/xml")
    assert items[0].title == "第46条：省发展改革委关于某事项的批复"
    assert [(r.page, r.url.split("?")[1]) for r in more] == [(3, "startrecord=5&endrecord=6&perpage=2")]
    # a short group is the last
    assert parse_data(proxy_request(46, 90), answer.encode("gb18030"), "text/xml")[1] == []


@pytest.mark.parametrize("body", [
    b"", b"\xff\xfe\x00garbage", b"<html><body>403 Forbidden</body></html>",
    b"<datastore><totalrecord>999999999999999999999999</totalrecord><recordset></recordset></datastore>",
    b"<datastore><recordset><record><![CDATA[<li><a href='javascript:x'>x</a></li>]]></record>",
    b"<" * 100_000, b"<record>" * 20_000,
])
def test_jpage_hostile_answers(body):
    items, more = parse_data(proxy_request(46, 90), body, "text/xml")
    assert all(i.url and i.url.startswith("http") for i in items)
    assert len(more) <= 200


def test_jpage_huge_total_in_answer_is_capped():
    body = b"<datastore><totalrecord>999999999999999999999999</totalrecord></datastore>"
    items, more = parse_data(proxy_request(46, 90), body, None)
    assert items == [] and len(more) == 198 and more[-1].page == 200   # groups 3..200


def test_jpage_get_answer_follows_its_own_nextgroup():
    request = DataRequest(adapter="jpage", page=2, url=(
        "http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?page=2&webid=73&columnid=103585&unitid=764752"))
    answer = (PROXY_ANSWER.replace("<recordset>", "<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp"
                                   "?page=3&amp;webid=73&amp;columnid=103585&amp;unitid=764752\"></a>]]></nextgroup>"
                                   "<recordset>"))
    items, more = parse_data(request, answer.encode(), "text/xml")
    assert items[1].url == "http://www.example.gov.cn/art/2023/5/30/art_282_2.html"
    assert more == [DataRequest(adapter="jpage", page=3, url=(
        "http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?page=3&webid=73&columnid=103585&unitid=764752"))]
    # a link back to itself leads nowhere
    assert parse_data(more[0], answer.encode(), None)[1] == []


def test_jpage_bad_windows_yield_nothing_further():
    for start, end in ((0, 10), (50, 40), (1, 100000)):
        assert parse_data(proxy_request(start, end), PROXY_ANSWER.encode(), None)[1] == []


# --- Guangdong gkmlpt ----------------------------------------------------------------------------

GKMLPT_INDEX = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府信息公开目录</title>
<link href="/yjzjj/gkmlpt/gkml/pc/css/app.css" rel="stylesheet"></head>
<body><div id="app"></div>
<script>
  window._CONFIG = {
    SID: '662021',
    TREE: [{"id": 721, "name": "工程造价信息", "parent": 0, "jump_url": "", "children": []}],
    SERVICE_AREA_ID: 0,
    SITE_NAME: '阳江市住房和城乡建设局'
  };
</script>
<script src="/yjzjj/gkmlpt/gkml/pc/js/chunk-common.c1553651.js"></script>
<script src="/yjzjj/gkmlpt/gkml/pc/js/app.2f4e1b.js"></script>
</body></html>"""


def test_gkmlpt_column_from_fragment():
    exp = only(expand_page(parse(GKMLPT_INDEX), "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/index#721"), "gkmlpt")
    assert exp.data == [DataRequest(adapter="gkmlpt", method="GET", page=1,
                                    url="http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=1&sid=662021")]
    assert exp.items == [] and exp.pages == []


def test_gkmlpt_whole_directory_without_fragment():
    exp = only(expand_page(parse(GKMLPT_INDEX), "https://www.example.gov.cn/gkmlpt/index"), "gkmlpt")
    assert [d.url for d in exp.data] == ["https://www.example.gov.cn/gkmlpt/api/all/0?page=1&sid=662021"]


def test_gkmlpt_article_page_is_not_a_list():
    html = GKMLPT_INDEX.replace("SERVICE_AREA_ID: 0,", "SERVICE_AREA_ID: 0, DETAIL: {\"id\": 963149},")
    url = "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/content/0/963/post_963149.html"
    assert expand_page(parse(html), url) == []


def gk_article(n: int, **fields) -> dict:
    article = {"id": 963000 + n, "title": f"  2026年{n}月份阳江市工程造价信息\n",
               "url": f"http://www.yangjiang.gov.cn/yjzjj/gkmlpt/content/0/963/post_{963000 + n}.html",
               "created_at": "2026-06-18 16:25:04", "document_number": "", "identifier": f"1144-{n}"}
    article.update(fields)
    return article


GK_REQUEST = DataRequest(adapter="gkmlpt", page=1,
                         url="http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=1&sid=662021")


def test_gkmlpt_answer_items_dates_and_further_pages():
    articles = [gk_article(n) for n in range(100)]
    articles[1] = gk_article(1, created_at=None, display_publish_time=1600000000)        # epoch s
    articles[2] = gk_article(2, created_at="", date=1672502400000)                        # epoch ms
    articles[3] = gk_article(3, created_at="2023年1月5日", url="javascript:alert(1)",
                             post_url="/yjzjj/gkmlpt/content/0/963/post_3.html")
    articles[4] = gk_article(4, created_at="not a date")
    body = json.dumps({"classify": {"id": 721, "post_count": 250}, "total": 250,
                       "articles": articles}, ensure_ascii=False).encode("utf-8")
    items, more = parse_data(GK_REQUEST, body, "application/json; charset=utf-8")
    assert len(items) == 100
    assert items[0].title == "2026年0月份阳江市工程造价信息" and items[0].date == "2026-06-18"
    assert items[0].url == "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/content/0/963/post_963000.html"
    assert items[1].date == "2020-09-13"
    assert items[2].date == "2023-01-01"   # midnight in China, not the day before in UTC
    assert (items[3].url, items[3].date) == (
        "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/content/0/963/post_3.html", "2023-01-05")
    assert items[4].date is None
    assert [(r.page, r.url) for r in more] == [
        (2, "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=2&sid=662021"),
        (3, "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=3&sid=662021")]
    assert all(r.adapter == "gkmlpt" and r.method == "GET" for r in more)
    # page 2's answer enumerates nothing again
    page2 = DataRequest(adapter="gkmlpt", page=2, url=more[0].url)
    assert parse_data(page2, body, None)[1] == []


def test_gkmlpt_total_from_classify_and_huge_total_capped():
    body = json.dumps({"classify": {"post_count": "10000000000000000000000"},
                       "articles": [gk_article(1), gk_article(2)]}).encode()
    items, more = parse_data(GK_REQUEST, body, None)
    assert len(items) == 2 and len(more) == 199 and more[-1].page == 200


@pytest.mark.parametrize("body", [
    b"", b"not json", b"{", b"[]", b"null", b'"string"', b"[" * 200_000 + b"]" * 200_000,
    b'{"articles": "nope", "total": 5}', b'{"articles": [1, "x", null, []], "total": -4}',
    b'{"articles": [{"title": 5, "url": ["x"], "created_at": {"a": 1}}], "total": 1e400}',
    b'{"articles": [{"title": "x", "created_at": 99999999999999999999999}], "total": "NaN"}',
    "<html><body>访问受限</body></html>".encode(),
])
def test_gkmlpt_hostile_answers(body):
    items, more = parse_data(GK_REQUEST, body, "application/json")
    assert more == [] or len(more) <= 199
    assert all(i.url is None or i.url.startswith("http") for i in items)


def test_parse_data_unknown_adapter_or_body():
    assert parse_data(DataRequest(adapter="nope", url="http://x.gov.cn/"), b"{}", None) == ([], [])
    assert parse_data(GK_REQUEST, None, None) == ([], [])


# --- ordinary pages and the script-built guess ---------------------------------------------------

STATIC_LIST = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政策文件_某某县人民政府</title>
<script src="/js/jquery.min.js"></script>
<script>
  $(function () {
    $.ajax({ url: '/visit/count', type: 'POST', data: { id: 12 } });
    $('.nav li').hover(function () { $(this).addClass('on'); });
  });
  var _hmt = _hmt || [];
</script></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="list-box">
  <ul class="news-list">
    <li><a href="/zwgk/zcwj/202309/t20230915_1.html" title="关于印发某某办法的通知">关于印发某某办法的通知</a><span>2023-09-15</span></li>
    <li><a href="/zwgk/zcwj/202308/t20230801_2.html">某某县2023年政务公开工作要点</a><span>2023-08-01</span></li>
  </ul>
  <div class="page"><a href="index_1.html">下一页</a> <a href="index_5.html">尾页</a></div>
</div>
<div class="footer">主办：某某县人民政府办公室 <a href="/wzdt/">网站地图</a></div>
</body></html>"""


def test_static_page_is_left_alone():
    root = parse(STATIC_LIST)
    assert expand_page(root, "http://www.example.gov.cn/zwgk/zcwj/index.html") == []
    assert looks_script_built(root) is False


def test_script_built_markers():
    assert looks_script_built(parse(jpage_page(RECORDS, PARAM_SCRIPT))) is True
    assert looks_script_built(parse(GKMLPT_INDEX)) is True
    ajax_list = """<html><head><script src="/js/jquery.js"></script></head><body>
    <div class="nav"><a href="/">首页</a></div>
    <ul id="newsList" class="list"></ul>
    <script>$.getJSON('/api/news?col=12', function (d) { $('#newsList').html(render(d)); });</script>
    </body></html>"""
    assert looks_script_built(parse(ajax_list)) is True
    loading = """<html><body><a href="/">首页</a><div class="xxgk-list"><p>数据加载中……</p></div>
    <script>fetch('/api/list').then(r => r.json()).then(fill);</script></body></html>"""
    assert looks_script_built(parse(loading)) is True
    template = """<html><body><div class="wrap"><a href="/">首页</a></div>
    <script type="text/html" id="tpl">{{each list as item}}<li><a href="{{item.url}}">{{item.title}}</a></li>{{/each}}</script>
    </body></html>"""
    assert looks_script_built(parse(template)) is True
    spa = '<html><body><div id="app"></div><script src="/static/js/app.5f3a.js"></script></body></html>'
    assert looks_script_built(parse(spa)) is True
    # an empty pager box beside a TRS pager script is no script-built list
    trs = TRS_LITERAL.replace('<div class="page">', '<div class="page" id="page_div">')
    assert looks_script_built(parse(trs)) is False


def test_blank_column_rendered_by_the_server_is_not_script_built():
    # "暂无信息" comes from the server; the conac badge's document.write is on nearly every page
    html = """<html><head><script src="/js/common.js"></script><script src="/wza/govwza.js"></script></head>
    <body><div class="crumb">当前位置：<a href="/">首页</a> &gt; <span>新闻发布</span></div>
    <div class="gk-content"><div class="col-title"><h2>新闻发布</h2></div>
    <ul class="news-list"></ul><div class="no-data">暂无信息</div><div class="pages">共0条记录</div></div>
    <div class="footer"><span class="conac"><script type="text/javascript">document.write(unescape(
    "%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/14/371/0000/1.js'%3E%3C/script%3E"));
    </script></span></div></body></html>"""
    root = parse(html)
    assert expand_page(root, "http://www.example.gov.cn/xxgk/fdzdgknr/xwfb/") == []
    assert looks_script_built(root) is False


def test_redirect_comes_first_and_data_requests_are_values():
    html = """<html><head><meta http-equiv="refresh" content="0;url=/new/index.html"></head><body>
    <script>createPageHTML(2, 0, "index", "html");</script></body></html>"""
    found = expand_page(parse(html), "http://www.example.gov.cn/old/")
    assert [e.adapter for e in found] == ["redirect", "trs"]
    assert found[0].redirect == "http://www.example.gov.cn/new/index.html"
    assert found[1].pages == ["http://www.example.gov.cn/old/index_1.html"]
    request = DataRequest(adapter="gkmlpt", url="http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1")
    assert len({request, DataRequest(adapter="gkmlpt", url="http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1")}) == 1
    with pytest.raises(AttributeError):
        request.page = 2  # frozen


def test_expand_page_on_garbage_never_raises():
    for text in ("<html><body><script>" + "createPageHTML(" * 5000 + "</script></body></html>",
                 "<script>location.href='" + "a" * 100_000 + "';</script>",
                 "<script type='text/xml'><datastore>" + "<record>" * 5000 + "</script>",
                 "<script>$('#1').jpage({" + "{" * 10_000 + "</script>",
                 "<script>window._CONFIG = {SID: '1'}</script>"):
        root = parse(text)
        assert isinstance(expand_page(root, "http://www.example.gov.cn/gkmlpt/index"), list)
        assert looks_script_built(root) in (True, False)
    assert expand_page(parse("<p>x</p>"), "javascript:alert(1)") == []
