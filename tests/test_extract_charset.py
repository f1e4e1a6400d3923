"""Decoding HTML bytes the way Chinese government sites serve them (auditor.core.extract.charset)."""
from __future__ import annotations

import codecs

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.charset import decode_html

TEXT = "邯郸市人民政府信息公开：政府信息公开指南（二零二六年）"


def _page(head: str = "", body: str = TEXT) -> str:
    return f"<html><head>{head}<title>{body}</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("name, body, content_type, charset", [
    ("gbk page with no charset anywhere",
     _page().encode("gbk"), "text/html", "gb18030"),
    ("gb2312 declared in meta",
     _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gb2312"),
     "text/html", "gb2312"),
    ("html5 meta charset=gbk",
     _page('<meta charset="GBK">').encode("gbk"), None, "gbk"),
    ("meta says utf-8, bytes are gbk",
     _page('<meta charset="utf-8">').encode("gbk"), "text/html", "gb18030"),
    ("header says gbk, bytes are utf-8",
     _page().encode("utf-8"), "text/html; charset=GBK", "utf-8"),
    ("header says gb2312, meta says utf-8, bytes are gbk",
     _page('<meta charset="utf-8">').encode("gbk"), "text/html; charset=gb2312", "gb2312"),
    ("utf-8 with a BOM",
     codecs.BOM_UTF8 + _page().encode("utf-8"), "text/html; charset=gbk", "utf-8"),
    ("utf-16 little-endian with a BOM",
     codecs.BOM_UTF16_LE + _page().encode("utf-16-le"), "text/html", "utf-16-le"),
    ("utf-16 big-endian with a BOM",
     codecs.BOM_UTF16_BE + _page().encode("utf-16-be"), "text/html", "utf-16-be"),
])
def test_decode_html_reads_the_text_and_names_the_charset(name, body, content_type, charset):
    text, used = decode_html(body, content_type)
    assert TEXT in text, name
    assert used == charset, name


def test_invalid_bytes_never_raise_and_become_replacement_characters():
    body = _page().encode("gbk")[:-30] + b"\xff\xfe\x80\x81\xfe" + b"</p></body></html>"
    text, used = decode_html(body, "text/html; charset=utf-8")
    assert "邯郸市人民政府" in text
    assert "\ufffd" in text
    assert used  # some charset is named


def test_utf8_with_a_broken_tail_is_still_read_as_utf8_text():
    body = _page().encode("utf-8") + b"\xe9\x82"   # a truncated multi-byte character
    text, _ = decode_html(body, "text/html")
    assert "\ufffd" in text or TEXT in text
    assert isinstance(text, str)


@pytest.mark.parametrize("content_type, charset", [
    ("text/html", "ascii"),
    ("text/html; charset=iso-8859-1", "cp1252"),
    ("text/html; charset=utf-8", "utf-8"),
])
def test_pure_ascii_decodes_as_is(content_type, charset):
    body = b"<html><head><title>Site</title></head><body>hello</body></html>"
    text, used = decode_html(body, content_type)
    assert text == body.decode("ascii")
    assert used == charset


def test_empty_body_does_not_raise():
    assert decode_html(b"", None) == ("", "ascii")


def test_extract_page_on_a_lying_gbk_page_reads_chinese_labels():
    html = ('<html><head><meta charset="utf-8"><title>关于开展检查的通知</title></head><body>'
            '<p>发布日期：2026年9月16日</p><div class="footer">主办单位：某某市人民政府办公室</div>'
            '</body></html>')
    record = extract_page("http://www.example.gov.cn/a/t20260916_1.html", html.encode("gbk"),
                          "text/html; charset=utf-8")
    assert record.title == "关于开展检查的通知"
    assert record.published == "2026-09-16"
    assert record.footer.host_org == "某某市人民政府办公室"
    assert record.charset == "gb18030"


@pytest.mark.parametrize("damage", ["stray byte", "cut inside a character"])
def test_a_utf8_page_with_a_few_bad_bytes_stays_utf8(damage):
    """Issue 18 (extraction): one stray byte (or a size cap cutting a character) made the whole page
    decode as GB18030 — 乱码, footer markers lost."""
    from auditor.core.extract import extract_page
    html = ("<html><head><title>某某市人民政府</title></head><body><p>" + "政府信息公开工作年度报告。" * 40 +
            "</p><div class='footer'>主办单位：某某市人民政府办公室 网站标识码：3501000001 闽ICP备05000001号</div>"
            "</body></html>").encode("utf-8")
    body = html[:300] + b"\xff" + html[300:] if damage == "stray byte" else html + "尾".encode("utf-8")[:2]
    record = extract_page("http://www.example.gov.cn/", body, "text/html")
    assert record.charset == "utf-8" and record.title == "某某市人民政府"
    assert record.footer.site_id_code == "3501000001"


def test_a_gbk_page_is_still_read_as_gbk():
    from auditor.core.extract import extract_page
    html = ("<html><head><title>某某市人民政府</title></head><body><p>" + "政府信息公开工作年度报告。" * 40 +
            "</p></body></html>").encode("gbk")
    record = extract_page("http://www.example.gov.cn/", html, "text/html")
    assert record.charset in ("gb18030", "gbk") and record.title == "某某市人民政府"


@pytest.mark.parametrize("opening, closing", [("<div>", "</div>"), ("<div><span>", "</span></div>"),
                                              ("<div><font><b>", "</b></font></div>")])
def test_a_page_nested_absurdly_deep_keeps_its_footer(opening, closing):
    """Issue 18 (extraction): 50,000 levels of alternating tags defeated the flattening of the one
    commonest tag; libxml2 dropped the rest of the page and the footer was lost."""
    import time
    from auditor.core.extract import extract_page
    depth = 50_000 // opening.count("<")
    html = ("<html><head><title>深</title></head><body>" + opening * depth + "正文" + closing * depth +
            "<div class='footer'>网站标识码：3501000001 闽ICP备05000001号</div></body></html>").encode()
    started = time.monotonic()
    record = extract_page("http://www.example.gov.cn/", html, "text/html")
    assert record.footer.site_id_code == "3501000001" and record.footer.icp
    assert time.monotonic() - started < 20
