"""The message_api adapter: 政务咨询 list pages whose messages a script fetches from a data endpoint
(auditor/core/extract/platforms/message_api.py), on hand-built pages and on the sample site's 局长信箱."""
from __future__ import annotations

import json
from pathlib import Path

from auditor.core.extract.html import parse
from auditor.core.extract.platforms._base import page_scripts
from auditor.core.extract.platforms.message_api import NAME, answer_messages, expand, parse_data
from auditor.core.extract.platforms.reading import read_answer_messages
from auditor.core.models import REPLIED, UNREPLIED, DataFetch

URL = "http://www.example.gov.cn/hdjl/ldxx/index.html"
MESSAGES = Path(__file__).parent / "real" / "messages"


def frame(script: str, title: str = "领导信箱_某市人民政府") -> str:
    return f"<html><head><title>{title}</title></head><body><ul id='list'></ul><script>{script}</script></body></html>"


def found(html: str, url: str = URL):
    root = parse(html)
    return expand(root, url, 200, scripts=page_scripts(root))


def test_ajax_post_with_literal_form_fields():
    f = found(frame('$.ajax({url: "/hdjl/letterListJson.action", type: "post", dataType: "json",'
                    ' data: {pageNo: 1, pageSize: 10, "letterType": "zx"}, success: function (res) { show(res); }});'))
    assert f.expansion.adapter == NAME
    assert f.expansion.data == [DataFetch(adapter=NAME, url="http://www.example.gov.cn/hdjl/letterListJson.action",
                                          method="POST", body="pageNo=1&pageSize=10&letterType=zx")]


def test_ajax_get_puts_the_fields_in_the_query_and_a_post_with_a_variable_field_is_not_made():
    f = found(frame('$.ajax({url: "list.do", data: {page: 1, size: 20}, success: draw});'
                    '$.ajax({url: "/api/mail/list", type: "POST", data: {page: current, size: 20}});'))
    assert [(d.url, d.method, d.body) for d in f.expansion.data] == [
        ("http://www.example.gov.cn/hdjl/ldxx/list.do?page=1&size=20", "GET", None)]


def test_calls_that_could_write_are_never_made():
    """A 我要写信 page: submitting, logging in or sending a code must not happen because a crawler read it."""
    html = frame('$.ajax({url: "/hdjl/letter/save.do", type: "post", data: {title: "", content: ""}});'
                 '$.post("/hdjl/submitLetter"); $.get("/sms/sendCode?phone=1"); fetch("/user/login");'
                 '$.ajax({url: "/hdjl/query.do", type: "post", data: {name: "张三", phone: "1"}});'
                 '$.ajax({url: "/hdjl/letterListJson.action", type: "post", data: {pageNo: 1, pageSize: 10}});')
    assert [(d.url.rsplit("/", 1)[-1], d.method) for d in found(html).expansion.data] == [
        ("letterListJson.action", "POST")]


def test_short_calls_fetch_getjson_and_axios():
    f = found(frame('$.getJSON("/consult/list.json?page=1", draw); fetch("/consult/count"); axios.get("/consult/q");'
                    'axios.post("/consult/list2");'))
    assert [(d.url.rsplit("/", 1)[-1], d.method) for d in f.expansion.data] == [
        ("list.json?page=1", "GET"), ("count", "GET"), ("q", "GET")]        # a POST without a literal body: not made


def test_scripts_styles_pages_and_other_hosts_are_no_endpoints():
    assert found(frame('$.get("/js/jquery.js"); $.get("/hdjl/detail.html"); fetch("https://evil.example.com/api/list");'
                       ' $.ajax({url: "javascript:alert(1)"});')) is None


def test_a_page_that_names_no_channel_is_left_alone():
    assert found(frame('$.getJSON("/api/news/list")', title="新闻动态_某市人民政府"),
                 "http://www.example.gov.cn/xwzx/index.html") is None
    # the URL alone may name the channel
    assert found(frame('$.getJSON("/api/list")', title="列表"), "http://www.example.gov.cn/ldxx/index.html") is not None


def test_at_most_three_endpoints_a_page():
    calls = "".join(f'$.getJSON("/api/list{i}");' for i in range(10))
    assert len(found(frame(calls)).expansion.data) == 3


def test_a_jsonp_answer_gives_messages_and_list_entries():
    fetch = DataFetch(adapter=NAME, url="http://www.example.gov.cn/api/list?callback=cb")
    body = ('cb({"total": 2, "rows": [{"title": "关于停车收费的咨询", "createTime": "2026-10-01", "replyTime": "2026-10-09",'
            ' "status": "已回复", "url": "/hdjl/1.html"}, {"title": "关于噪音扰民", "createTime": 1791907200000,'
            ' "isReply": false}]});').encode()
    messages = answer_messages(fetch, body, "application/javascript")
    assert [(m.title, m.asked, m.answered, m.status) for m in messages] == [
        ("关于停车收费的咨询", "2026-10-01", "2026-10-09", REPLIED), ("关于噪音扰民", "2026-10-14", None, UNREPLIED)]
    assert messages[0].url == "http://www.example.gov.cn/hdjl/1.html"
    items, further = parse_data(fetch, body, "application/javascript")
    assert [(i.title, i.date) for i in items] == [("关于停车收费的咨询", "2026-10-01"), ("关于噪音扰民", "2026-10-14")]
    assert further == []


def test_answers_that_are_no_json_or_hold_no_messages_give_nothing():
    fetch = DataFetch(adapter=NAME, url="http://www.example.gov.cn/api/list")
    for body in (b"", b"<html>login</html>", b"{not json", b'{"result": [{"name": "x"}]}', b"[" * 100_000,
                 b"\xff\xfe\x00garbage"):
        assert answer_messages(fetch, body, None) == []
    # only the message endpoints' answers are read for messages
    other = DataFetch(adapter="gkmlpt", url="http://www.example.gov.cn/gkmlpt/api/all/0")
    assert read_answer_messages(other, b'{"rows": [{"title": "t", "createTime": "2026-01-01"}]}', None) == []


def test_reconstructed_beijing_letter_list_through_the_adapter():
    fetch = DataFetch(adapter=NAME, url="http://www.beijing.gov.cn/hudong/bjah-index-hdjl!letterListJson.action")
    body = (MESSAGES / "beijing_letter_list.reconstructed.json").read_bytes()
    expected = json.loads(body)["result"]
    messages = read_answer_messages(fetch, body, "application/json")
    assert [m.title for m in messages] == [r["letterTitle"] for r in expected]
    assert sum(1 for m in messages if m.asked) == sum(1 for r in expected if r.get("writeDate"))


def test_the_sample_sites_mailbox_is_read_through_its_endpoint(clean_audit, planted_audit):
    """局长信箱 (/hdjl/jzxx/): its list is a script-filled frame; the letters come from letters.json."""
    _, clean, _ = clean_audit
    _, planted, _ = planted_audit
    for report in (clean, planted):
        assert report["crawl"]["coverage"]["fetched"].get(NAME) == 3     # the answer and two detail pages
        assert report["crawl"]["coverage"]["messages_unread"] == []
    hdj003 = next(r for r in clean["results"] if r["code"] == "HDJ003")
    assert hdj003["metrics"]["channels"]["局长信箱"] == {"messages": 2, "median_days": 9.5, "max_days": 10}
    hdj001 = next(r for r in planted["results"] if r["code"] == "HDJ001")
    assert hdj001["status"] == "fail" and hdj001["metrics"]["messages"] == 6
