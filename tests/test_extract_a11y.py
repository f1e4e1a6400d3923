"""What the accessibility rules read from a page: images, form controls, language, search forms."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page


def record(body: str, html_attrs: str = ""):
    html = f"<html{html_attrs}><head><title>t</title></head><body>{body}</body></html>"
    return extract_page("http://x.gov.cn/a.html", html.encode(), "text/html")


@pytest.mark.parametrize("img, counted, with_alt, decorative", [
    ('<img src="/p/photo.jpg" alt="市场监管局开展检查">', 1, 1, 0),
    ('<img src="/p/photo.jpg">', 1, 0, 0),                              # no alt at all
    ('<img src="/p/photo.jpg" alt="   ">', 1, 0, 1),                    # empty alt: marked decorative
    ('<img src="/images/spacer.gif">', 1, 0, 1),
    ('<img src="/p/x.png" width="1" height="1">', 1, 0, 1),            # tracking pixel
    ('<img src="/p/icon.png" role="presentation">', 1, 0, 1),
    ('<img src="/p/icon.png" aria-hidden="true">', 1, 0, 1),
])
def test_images_with_alt_and_decorative_ones(img, counted, with_alt, decorative):
    stats = record(img).stats
    assert (stats.images, stats.images_with_alt, stats.images_decorative) == (counted, with_alt, decorative)


@pytest.mark.parametrize("body, controls, labelled", [
    ('<label for="q">搜索</label><input id="q" name="q">', 1, 1),
    ('<label>姓名 <input name="n"></label>', 1, 1),
    ('<input name="q" aria-label="站内搜索">', 1, 1),
    ('<input name="q" title="请输入关键词">', 1, 1),
    ('<input name="q" placeholder="请输入">', 1, 0),                  # a placeholder is no label
    ('<input type="hidden" name="t"><input type="submit" value="搜索">', 0, 0),
    ('<select name="s"><option>全部</option></select><textarea name="c"></textarea>', 2, 0),
])
def test_form_controls_and_their_labels(body, controls, labelled):
    stats = record(f"<form>{body}</form>").stats
    assert (stats.form_controls, stats.form_controls_labelled) == (controls, labelled)


@pytest.mark.parametrize("form, search", [
    ('<form action="/search/"><input name="kw"></form>', True),
    ('<form action="/jsearch/index.jsp"><input name="x"></form>', True),
    ('<form><input name="searchword"></form>', True),
    ('<form><input name="n" placeholder="请输入检索内容"></form>', True),
    ('<form action="/ysqgk/submit"><input name="name"><input name="phone"></form>', False),
])
def test_search_forms(form, search):
    assert record(form).stats.has_search_form is search


@pytest.mark.parametrize("attrs, lang", [(' lang="zh-CN"', "zh-CN"), (' xml:lang="zh"', "zh"), ("", None), (' lang=""', None)])
def test_html_lang(attrs, lang):
    assert record("x", attrs).lang == lang


def test_terms_are_found_through_quotation_marks():
    assert "三公经费" in record("<p>2026年部门预算（含“三公”经费）</p>").terms
    assert "12315" in record("<div>投诉举报电话：12315</div>").terms
