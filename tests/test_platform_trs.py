"""The ``trs`` adapter (auditor/core/extract/platforms/trs.py): TRS WCM ``createPageHTML`` pagers."""
from __future__ import annotations

import time

import pytest

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import expand_page, looks_script_built
from tests.test_adapters import only


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
    exp, entries = only(expand_page(parse(TRS_LITERAL), url), "trs")
    assert exp.pages == [f"http://www.example.gov.cn/xxgk/tzgg/index_{n}.html" for n in range(1, 10)]
    assert not exp.capped and not entries and not exp.data and exp.redirect is None


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
    exp, entries = only(expand_page(parse(TRS_VARIABLES), url), "trs")
    assert exp.pages == ["http://www.example.gov.cn/zwgk/zcwj/index.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_1.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_3.htm",
                         "http://www.example.gov.cn/zwgk/zcwj/index_4.htm"]


def test_trs_variables_in_an_earlier_script_block():
    html = """<html><body><ul class="list"><li><a href="a.html">条目</a></li></ul>
    <script>var countPage = 3; var currentPage = 0;</script>
    <script>createPageHTML(countPage, currentPage, "index", "shtml");</script></body></html>"""
    exp, entries = only(expand_page(parse(html), "https://www.example.gov.cn/col/"), "trs")
    assert exp.pages == ["https://www.example.gov.cn/col/index_1.shtml",
                         "https://www.example.gov.cn/col/index_2.shtml"]


def test_trs_element_first_form_counts_from_one():
    # central-government template: createPageHTML(element, count, current, prefix, suffix, records)
    html = """<html><body><table><tr><td class="info"><a class="list" href="./c7123/content.shtml">规章</a></td></tr></table>
    <div id="page_div"></div>
    <script>createPageHTML('page_div',10, 1,'fg','shtml',150);</script></body></html>"""
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/csrc/c106256/fg.shtml"), "trs")
    assert exp.pages == [f"http://www.example.gov.cn/csrc/c106256/fg_{n}.shtml" for n in range(2, 11)]


def test_trs_base_href_is_respected():
    html = """<html><head><base href="http://www.example.gov.cn/xxgk/"></head><body>
    <script>createPageHTML(3, 0, "index", "html");</script></body></html>"""
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/some/other/path.html"), "trs")
    assert exp.pages[-1] == "http://www.example.gov.cn/xxgk/index_2.html"


@pytest.mark.parametrize("count", ["1000000000", "99999999999999999999999999", "countPage"])
def test_trs_huge_page_count_is_capped(count):
    html = f"""<html><body><script>var countPage = 1000000000;
    createPageHTML({count}, 0, "index", "html");</script></body></html>"""
    started = time.perf_counter()
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/a/", max_pages=200), "trs")
    assert len(exp.pages) == 200 and exp.capped
    assert exp.pages[-1] == "http://www.example.gov.cn/a/index_200.html"
    small, _ = only(expand_page(parse(html), "http://www.example.gov.cn/a/", max_pages=3), "trs")
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


def test_trs_pager_box_is_no_script_built_list():
    # an empty pager box beside a TRS pager script is no script-built list
    trs = TRS_LITERAL.replace('<div class="page">', '<div class="page" id="page_div">')
    assert looks_script_built(parse(trs)) is False
