"""The ``redirect`` adapter (auditor/core/extract/platforms/redirect.py): meta refresh and top-level
script redirects."""
from __future__ import annotations

import pytest

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import expand_page
from tests.test_adapters import only


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
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/"), "redirect")
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
    exp, entries = only(expand_page(parse(html), "http://www.example.gov.cn/site/index.html"), "redirect")
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
