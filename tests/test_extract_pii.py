"""居民身份证号 and mobile numbers: valid ones found and masked; lookalikes left alone."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.core.extract import extract_page
from auditor.core.extract.pii import check_digit, find_pii, is_valid_id, mask_id

VALID = "35070219860314151" + check_digit("35070219860314151")


def wrong_check(number: str) -> str:
    return number[:17] + next(c for c in "0123456789X" if c != number[17])


def test_a_valid_id_is_found_and_only_its_masked_form_is_kept():
    hits = find_pii(f"当事人：陈某，身份证号：{VALID}，住所：榕江市")
    assert [h.kind for h in hits] == ["id_number"]
    assert hits[0].masked == "350702********" + VALID[14:]
    assert VALID not in hits[0].context and hits[0].masked in hits[0].context


def test_lookalikes_are_not_ids():
    text = ("身份证号：350702********1513；350702198603141***；" + wrong_check(VALID) + "；"
            "统一社会信用代码：91350702MA2YXXXX1B；订单号 202611201234567890；"
            "99070219860314151" + check_digit("99070219860314151") + "；"            # no such province
            "35070219861314151" + check_digit("35070219861314151"))                # month 13
    assert find_pii(text) == []


def test_an_id_in_an_attribute_value_is_found_too():
    html = f'<html><head><title>t</title></head><body><input type="hidden" value="{VALID}"></body></html>'
    record = extract_page("http://x.gov.cn/a.html", html.encode(), "text/html")
    assert [(h.kind, h.where) for h in record.pii] == [("id_number", "source")]
    assert VALID not in record.model_dump_json()


def test_mobiles_are_found_masked_landlines_and_masked_numbers_are_not():
    hits = find_pii("当事人：张三，联系电话：13905997326；监督电话：0599-8861235；另 139****7326")
    assert [(h.kind, h.masked) for h in hits] == [("mobile", "139****7326")]
    assert "13905997326" not in hits[0].context


surround = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).filter(
    lambda s: not (s[-1:].isalnum() and s[-1:].isascii()))
after = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).filter(
    lambda s: not (s[:1].isalnum() and s[:1].isascii()))
ids = st.builds(lambda region, born, seq: f"{region}{born:%Y%m%d}{seq:03d}",
                st.sampled_from(["110101", "350702", "440305", "650102", "820000"]),
                st.dates(dt.date(1930, 1, 1), dt.date(2020, 12, 31)), st.integers(0, 999))


@settings(max_examples=300, deadline=None)
@given(body=ids, before=surround, tail=after)
def test_property_a_valid_id_is_always_flagged_whatever_surrounds_it(body, before, tail):
    number = body + check_digit(body)
    assert is_valid_id(number)
    assert mask_id(number) in [h.masked for h in find_pii(before + number + tail)]


@settings(max_examples=300, deadline=None)
@given(body=ids, before=surround, tail=after)
def test_property_a_wrong_check_digit_is_never_flagged(body, before, tail):
    number = wrong_check(body + check_digit(body))
    assert not any(h.kind == "id_number" and h.masked == mask_id(number)
                   for h in find_pii(before + number + tail))


def test_a_context_window_never_leaks_digits_of_a_number_it_cuts():
    hits = find_pii(f"身份证号码：{VALID}，住所地厦门市思明区某某路，手机：13905997326")
    for hit in hits:
        assert "1390599" not in hit.context and "3141513" not in hit.context


def test_penalty_pages_keep_no_personal_numbers_in_text_or_fields():
    body = ("<h1>行政处罚决定书</h1><p>某市监罚〔2026〕3号</p>"
            f"<p>当事人：李四（身份证号：{VALID}，电话13905997326）</p><p>经查，当事人无照经营。</p>"
            "<p>依据《无证无照经营查处办法》第十三条的规定，本局决定对当事人作出如下行政处罚：罚款1000元。</p>"
            "<p>某市市场监督管理局</p><p>2026年10月9日</p>")
    html = f"<html><head><title>行政处罚决定书</title></head><body>{body}</body></html>"
    record = extract_page("http://x.gov.cn/xzcf/1.html", html.encode(), "text/html")
    dumped = record.model_dump_json()
    assert record.kind == "penalty" and record.penalty
    assert VALID not in dumped and "13905997326" not in dumped
