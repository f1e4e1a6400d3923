"""The fast record reader gives exactly what pydantic validation gives, and refuses what it refuses."""
from __future__ import annotations

import json

import pytest

from auditor.core.models import PageRecord
from auditor.core.record_loader import RecordReader


def _record(**over) -> dict:
    base = {
        "url": "http://gov.test/xxgk/a.html", "final_url": "http://gov.test/xxgk/a.html", "status": 200,
        "kind": "article", "title": "关于印发××办法的通知", "column": "政策文件",
        "breadcrumb": ["首页", "政府信息公开", "政策文件"], "meta": {"ColumnName": "政策文件"},
        "links": [{"url": "http://gov.test/", "text": "首页"}, {"url": "http://gov.test/xxgk/", "text": "政府信息公开"}],
        "items": [{"title": "条目", "url": "http://gov.test/1.html", "date": "2025-01-02"}],
        "footer": {"host_org": "××市人民政府办公室", "conac": True},
        "stats": {"images": 3, "images_with_alt": 2},
        "pii": [{"kind": "mobile", "masked": "138****0000", "context": "电话 138****0000"}],
        "tables": [[["项目", "数量"], ["申请", "3"]]],
        "penalty": [{"party": "某公司", "decided": "2025-01-01"}],
    }
    base.update(over)
    return base


def test_same_record_as_pydantic_for_sample_site_records(planted_audit):
    import gzip
    reader = RecordReader()
    _, _, run_dir = planted_audit
    with gzip.open(run_dir / "pages.jsonl.gz", "rb") as fh:
        lines = [line for line in fh if line.strip()]
    assert len(lines) > 50
    for line in lines:
        fast, slow = reader.read(line), PageRecord.model_validate_json(line)
        assert fast == slow
        assert fast.model_dump() == slow.model_dump()
        assert fast.model_fields_set == slow.model_fields_set
    assert reader.bad == 0


def test_same_record_for_every_field_type():
    line = json.dumps(_record(), ensure_ascii=False)
    fast = RecordReader().read(line)
    assert fast == PageRecord.model_validate_json(line)
    assert fast.footer.conac is True and fast.tables[0][1] == ["申请", "3"]


@pytest.mark.parametrize("over", [
    {"status": "200"},                      # pydantic's lax mode turns this into 200
    {"depth": 2.0},
    {"links": [{"url": "http://gov.test/", "text": "首页", "extra": 1}]},
])
def test_odd_but_valid_values_go_through_pydantic(over):
    line = json.dumps(_record(**over), ensure_ascii=False)
    assert RecordReader().read(line) == PageRecord.model_validate_json(line)


@pytest.mark.parametrize("over", [
    {"kind": "nonsense"}, {"links": [{"text": "no url"}]}, {"links": "x"}, {"status": [1]},
    {"footer": {"conac": "perhaps"}}, {"meta": {"a": ["b"]}}, {"url": None},
])
def test_invalid_records_are_refused_and_counted(over):
    reader = RecordReader()
    assert reader.read(json.dumps(_record(**over), ensure_ascii=False)) is None
    assert reader.read(b"{not json") is None
    assert reader.read(b"\xff\xfe{}") is None
    assert reader.bad == 3


def test_repeated_parts_are_shared_and_lists_are_not():
    reader = RecordReader()
    a = reader.read(json.dumps(_record(), ensure_ascii=False))
    b = reader.read(json.dumps(_record(url="http://gov.test/xxgk/b.html"), ensure_ascii=False))
    assert a.links[0] is b.links[0] and a.footer is b.footer
    assert a.links is not b.links and a.meta is not b.meta and a.breadcrumb is not b.breadcrumb
    c = reader.read(json.dumps(_record(footer={"host_org": "另一单位"}), ensure_ascii=False))
    assert c.footer is not a.footer and c.footer.host_org == "另一单位" and a.footer.host_org == "××市人民政府办公室"


# -- property: the fast reader agrees with pydantic on anything, well-formed or not -------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_ANY = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
                    | st.text(max_size=8) | st.sampled_from(["\ud800", "a\udfff"]),     # lone surrogates too
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
_LINK = st.fixed_dictionaries({}, optional={"url": st.text(max_size=5) | _ANY, "text": st.none() | st.text(max_size=5)})
_FIELDS = {
    "status": st.none() | st.integers(0, 999) | st.just(10**23) | _ANY, "kind": st.sampled_from(["column", "article", "bogus"]) | _ANY,
    "links": st.lists(_LINK, max_size=3) | _ANY, "meta": st.dictionaries(st.text(max_size=4), st.text(max_size=4)) | _ANY,
    "footer": st.fixed_dictionaries({}, optional={"conac": st.none() | st.booleans() | _ANY,
                                                   "host_org": st.none() | st.text(max_size=4)}) | _ANY,
    "items": st.lists(st.fixed_dictionaries({"title": st.text(max_size=4) | _ANY}, optional={"date": _ANY}),
                      max_size=2) | _ANY,
    "tables": _ANY, "breadcrumb": st.lists(st.text(max_size=3), max_size=2) | _ANY,
}
_RECORD = st.fixed_dictionaries({"url": st.just("http://gov.test/a.html") | _ANY}, optional=_FIELDS)


@settings(max_examples=400, deadline=None)
@given(st.lists(_RECORD, min_size=1, max_size=4))
def test_the_fast_reader_agrees_with_pydantic(records):
    reader = RecordReader()                  # one reader for all: shared parts must not leak between lines
    for data in records:
        line = json.dumps(data)
        try:
            expected = PageRecord.model_validate_json(line)
        except Exception:                    # noqa: BLE001 - pydantic refuses it: so must the reader
            expected = None
        got = reader.read(line)
        assert (got is None) == (expected is None), (data, got, expected)
        if expected is not None:
            assert got.model_dump() == expected.model_dump()
