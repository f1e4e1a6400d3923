"""The ``jpage`` adapter (auditor/core/extract/platforms/jpage.py): Hanweb data islands and the data
proxy's answers."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import expand_page, looks_script_built, parse_data
from auditor.core.models import DataFetch
from tests.test_adapters import only


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
    exp, entries = only(expand_page(parse(jpage_page(RECORDS, PARAM_SCRIPT)), url), "jpage")
    assert [(i.title, i.url, i.date) for i in entries] == [
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
    exp, entries = only(expand_page(parse(jpage_page(records, script)), "http://www.example.gov.cn/col/col60096/index.html"),
               "jpage")
    assert len(entries) == 15 and entries[14].date == "2023-01-15"
    assert len(exp.data) == 1 and exp.data[0].page == 2
    assert parse_qs(urlsplit(exp.data[0].url).query) == {
        "startrecord": ["16"], "endrecord": ["30"], "perpage": ["5"]}
    # no param object on the page: the form comes from the nextgroup link's query
    form = parse_qs(exp.data[0].body)
    assert form["columnid"] == ["282"] and form["webname"] == ["江苏省"] and "page" not in form


def test_jpage_short_first_group_needs_no_request():
    script = "$('#423656').jpage({perPage:15, groupSize:3});"
    exp, entries = only(expand_page(parse(jpage_page(RECORDS, script)), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert len(entries) == 3 and exp.data == []


def test_jpage_huge_total_is_capped():
    script = PARAM_SCRIPT.replace("totalRecord:100", "totalRecord:100000000000000000000")
    exp, entries = only(expand_page(parse(jpage_page(RECORDS, script)), "http://www.example.gov.cn/col/col1/",
                           max_pages=5), "jpage")
    assert [d.page for d in exp.data] == [2, 3, 4, 5, 6] and exp.capped


@pytest.mark.parametrize("change", [
    ("totalRecord:100", "totalRecord:-100"),
    ("proxyUrl:'/module/web/jpage/dataproxy.jsp'", "proxyUrl:'javascript:alert(1)'"),
])
def test_jpage_hostile_config_yields_no_requests(change):
    html = jpage_page(RECORDS, PARAM_SCRIPT.replace(*change))
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert len(entries) == 3 and exp.data == []


def test_jpage_hostile_records_dropped():
    records = """<record><![CDATA[<li><a href="javascript:alert(1)" title="脚本">脚本</a></li>]]></record>
<record><![CDATA[<li><a href="data:text/html,hi">数据</a></li>]]></record>
<record><![CDATA[<li><a href="/art/ok.html" title="正常条目">正常</a><span>2023-13-45</span></li>]]></record>
<record><![CDATA[<li><a href="http://[::1">坏地址</a></li>]]></record>
<record><![CDATA[ unclosed <li><a href="/art/tail.html">未闭合"""
    exp, entries = only(expand_page(parse(jpage_page(records, "")), "http://www.example.gov.cn/col/col1/"), "jpage")
    assert [(i.title, i.url, i.date) for i in entries] == [
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
    exp, entries = only(expand_page(parse(html), "http://zfcg.example.gov.cn/col/col30067/index.html"), "jpage")
    assert [(i.title, i.date) for i in entries] == [
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


def proxy_request(start: int, end: int, per_page: int = 15, page: int = 2) -> DataFetch:
    return DataFetch(adapter="jpage", method="POST", page=page,
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
    request = DataFetch(adapter="jpage", page=2, url=(
        "http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?page=2&webid=73&columnid=103585&unitid=764752"))
    answer = (PROXY_ANSWER.replace("<recordset>", "<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp"
                                   "?page=3&amp;webid=73&amp;columnid=103585&amp;unitid=764752\"></a>]]></nextgroup>"
                                   "<recordset>"))
    items, more = parse_data(request, answer.encode(), "text/xml")
    assert items[1].url == "http://www.example.gov.cn/art/2023/5/30/art_282_2.html"
    assert more == [DataFetch(adapter="jpage", page=3, url=(
        "http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?page=3&webid=73&columnid=103585&unitid=764752"))]
    # a link back to itself leads nowhere
    assert parse_data(more[0], answer.encode(), None)[1] == []


def test_jpage_bad_windows_yield_nothing_further():
    for start, end in ((0, 10), (50, 40), (1, 100000)):
        assert parse_data(proxy_request(start, end), PROXY_ANSWER.encode(), None)[1] == []


def test_jpage_page_looks_script_built():
    assert looks_script_built(parse(jpage_page(RECORDS, PARAM_SCRIPT))) is True


def test_two_lists_posting_to_one_data_proxy_keep_their_own_answers():
    """Issue 17 item 1: every list of a Hanweb site POSTs to the same dataproxy.jsp and differs only in
    the form body. A data answer's identity is URL + method + body in the snapshot too: looked up by its
    key, each list's answer is its own, and the shared proxy URL names neither."""
    from auditor.core.extract.platforms.reading import data_key
    from auditor.core.models import DataFetch, ListItem
    from tests.conftest import HOME, page, snapshot
    proxy = HOME + "module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15"
    answers = []
    for column, columnid, title in (("政策解读", "282", "关于《办法》的解读"), ("规范性文件", "300", "某某管理办法")):
        fetch = DataFetch(adapter="jpage", url=proxy, method="POST", body=f"col=1&columnid={columnid}&unitid=4")
        answers.append(page(data_key(fetch), kind="column", column=column, list_of=HOME + f"col{columnid}/",
                            items=[ListItem(title=title, url=HOME + f"art/{columnid}.html", date="2026-10-01")]
                            ).model_copy(update={"final_url": proxy}))
    snap = snapshot(page(HOME, kind="home", depth=0), *answers)
    for answer in answers:
        assert snap.get(answer.url) is answer
    assert snap.get(proxy) is None          # the shared proxy URL is no answer's identity
    lists = {p.column: [i.title for i in p.items] for p in snap.lists() if p.list_of}
    assert lists == {"政策解读": ["关于《办法》的解读"], "规范性文件": ["某某管理办法"]}


INIT_SCRIPT = """jpage.init({unitid: "423656", proxyUrl: "/module/web/jpage/dataproxy.jsp", perPage: 15, groupSize: 1,
  totalRecord: 40, param: "col=1&appid=1&webid=3&path=/&columnid=299&sourceContentType=1&unitid=423656&permissiontype=0"});"""


def test_jpage_init_call_shape_gives_its_window_and_form_body():
    """Issue 17 item 2: ``jpage.init({unitid, proxyUrl, perPage, groupSize, totalRecord, param: "…"})``
    is read as the list's options: a 15-per-page window (not one guessed from the 3 records shown)
    and the form body from the param string (its columnid, not the nextgroup link's)."""
    url = "https://fzggw.example.gov.cn/col/col299/index.html"
    exp, entries = only(expand_page(parse(jpage_page(RECORDS, INIT_SCRIPT)), url), "jpage")
    assert len(entries) == 3
    # 40 records in groups of 15 x 1: the page holds group 1, the proxy serves groups 2 and 3
    assert [d.page for d in exp.data] == [2, 3]
    assert parse_qs(urlsplit(exp.data[0].url).query) == {"startrecord": ["16"], "endrecord": ["30"], "perpage": ["15"]}
    form = parse_qs(exp.data[0].body)
    assert form["columnid"] == ["299"] and form["unitid"] == ["423656"] and form["sourceContentType"] == ["1"]


def test_jpage_init_without_a_data_island_still_asks_the_proxy():
    html = ('<html><body><div id="500100"></div><script src="/module/web/jpage/jpage.js"></script><script>'
            + INIT_SCRIPT.replace("423656", "500100") + "</script></body></html>")
    exp, entries = only(expand_page(parse(html), "https://www.example.gov.cn/col/col299/index.html"), "jpage")
    assert not entries and [d.page for d in exp.data] == [1, 2, 3]
    assert parse_qs(exp.data[0].body)["unitid"] == ["500100"]
