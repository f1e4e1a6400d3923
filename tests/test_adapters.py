"""The platform adapters as the dispatcher runs them (``expand_page``, ``parse_data``), and that
none of them fires on an ordinary static list page. Each adapter's own cases are in
tests/test_platform_<name>.py."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import Found, expand_page, looks_script_built, parse_data
from auditor.core.models import DataFetch, Expansion, ListItem


def only(found: list[Found], adapter: str) -> tuple[Expansion, tuple[ListItem, ...]]:
    """The one adapter's record of the page, and the entries it read; ``items`` counts them."""
    assert [f.expansion.adapter for f in found] == [adapter]
    expansion, entries = found[0]
    assert expansion.items == len(entries)
    return expansion, entries


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
    found = [f.expansion for f in expand_page(parse(html), "http://www.example.gov.cn/old/")]
    assert [e.adapter for e in found] == ["redirect", "trs"]
    assert found[0].redirect == "http://www.example.gov.cn/new/index.html"
    assert found[1].pages == ["http://www.example.gov.cn/old/index_1.html"]
    request = DataFetch(adapter="gkmlpt", url="http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1")
    assert len({request, DataFetch(adapter="gkmlpt", url="http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1")}) == 1
    with pytest.raises(ValidationError):
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


def test_parse_data_unknown_adapter_or_body():
    assert parse_data(DataFetch(adapter="nope", url="http://x.gov.cn/"), b"{}", None) == ([], [])
    assert parse_data(DataFetch(adapter="gkmlpt", url="http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1"), None, None) == ([], [])
