"""Property tests on the extractors: random and mutated pages never raise, dates are valid or
null, and nothing is invented."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.core.extract import extract_page
from auditor.core.extract.dates import find_dates, parse_date
from auditor.core.extract.docinfo import find_doc_number
from auditor.core.extract.pii import find_pii

from tests.conftest import SAMPLES

ISO = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


def valid_iso(value) -> bool:
    if value is None:
        return True
    dt.date.fromisoformat(value)
    return True


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_dates_from_any_text_are_valid_or_absent(text):
    assert all(valid_iso(d) for d in find_dates(text))
    assert valid_iso(parse_date(text))


@settings(max_examples=200, deadline=None)
@given(ISO, st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}年{m}月{d}日", "[{y}-{m:02d}-{d:02d}]",
                             "发布时间：{y}-{m:02d}-{d:02d} 10:20"]), TEXT, TEXT)
def test_a_written_date_is_read_back_exactly(day, form, before, after):
    text = form.format(y=day.year, m=day.month, d=day.day)
    assert day.isoformat() in find_dates(f"{before} {text} {after}")


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_doc_numbers_are_only_what_the_text_holds(text):
    found = find_doc_number(text)
    assert found is None or ("号" in found and "〔" in found or "令" in found)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_record_not_an_exception(body):
    record = extract_page("http://x.gov.cn/a.html", body, "text/html")
    assert valid_iso(record.published) and valid_iso(record.written)
    assert all(h.masked.count("*") >= 4 for h in record.pii)


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        op, i = rng.random(), rng.randrange(len(data))
        if op < 0.4:
            data[i] = rng.randrange(256)
        elif op < 0.7:
            del data[i:i + rng.randint(1, 400)]
        else:
            data[i:i] = data[rng.randrange(len(data)):][:rng.randint(1, 400)]
    return bytes(data)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.html")) if SAMPLES.is_dir() else [])
def test_mutated_real_pages_never_raise(name):
    original = (SAMPLES / name).read_bytes()
    base = extract_page("http://x.gov.cn/a.html", original, "text/html")
    rng = random.Random(name)
    for _ in range(25):
        record = extract_page("http://x.gov.cn/a.html", mutate(original, rng), "text/html")
        assert valid_iso(record.published) and valid_iso(record.written)
        if record.footer.site_id_code:               # a marker found must be one the page could hold
            assert len(record.footer.site_id_code) in (10,)  or record.footer.site_id_code.startswith("bm")
    assert base.error is None


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_pii_never_reports_a_number_it_did_not_mask(text):
    for hit in find_pii(text):
        assert "*" in hit.masked
