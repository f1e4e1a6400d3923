"""The ``gkmlpt`` adapter (auditor/core/extract/platforms/gkmlpt.py): Guangdong's disclosure directory
and its JSON API's answers."""
from __future__ import annotations

import json

import pytest

from auditor.core.extract.html import parse
from auditor.core.extract.platforms import expand_page, looks_script_built, parse_data
from auditor.core.models import DataFetch
from tests.test_adapters import only


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
    exp, entries = only(expand_page(parse(GKMLPT_INDEX), "http://www.yangjiang.gov.cn/yjzjj/gkmlpt/index#721"), "gkmlpt")
    assert exp.data == [DataFetch(adapter="gkmlpt", method="GET", page=1,
                                    url="http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=1&sid=662021")]
    assert entries == () and exp.pages == []


def test_gkmlpt_whole_directory_without_fragment():
    exp, entries = only(expand_page(parse(GKMLPT_INDEX), "https://www.example.gov.cn/gkmlpt/index"), "gkmlpt")
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


GK_REQUEST = DataFetch(adapter="gkmlpt", page=1,
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
    page2 = DataFetch(adapter="gkmlpt", page=2, url=more[0].url)
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


def test_gkmlpt_index_looks_script_built():
    assert looks_script_built(parse(GKMLPT_INDEX)) is True
