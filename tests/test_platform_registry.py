"""The platform adapter registry: each adapter module registers itself (name, label, order, how it
detects its platform, how it reads data answers); the dispatcher and the reports read it from there."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from auditor.app.commands.inspect_cmd import describe
from auditor.core.extract.html import parse
from auditor.core.extract.platforms import MODULES, Found, expand_page, parse_data
from auditor.core.extract.platforms.registry import REGISTRY, adapter, data_parser, in_order, label
from auditor.core.models import DataFetch, Expansion, ListItem, PageRecord
from reports.wording import coverage, platform_name

PACKAGE = Path(__file__).resolve().parents[1] / "auditor" / "core" / "extract" / "platforms"
NOT_ADAPTERS = {"__init__", "_base", "registry", "reading"}       # the package's own machinery
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def scratch():
    """The registry as it is, restored after the test (which may register adapters of its own)."""
    saved = dict(REGISTRY)
    yield REGISTRY
    REGISTRY.clear()
    REGISTRY.update(saved)


def test_the_five_adapters_in_dispatch_order_with_chinese_labels():
    adapters = in_order()
    assert [a.name for a in adapters] == ["redirect", "trs", "jpage", "gkmlpt", "message_api"]
    for a in adapters:
        assert a.label.strip() and CHINESE.search(a.label), a
        assert callable(a.expand)
    assert {a.name for a in adapters if a.parse_data is not None} == {"jpage", "gkmlpt", "message_api"}


def test_every_adapter_module_is_imported_and_registers_one_adapter():
    on_disk = {p.stem for p in PACKAGE.glob("*.py")} - NOT_ADAPTERS
    assert set(MODULES) == on_disk
    registered_by = sorted(a.expand.__module__.rsplit(".", 1)[1] for a in REGISTRY.values())
    assert registered_by == sorted(MODULES)
    for a in REGISTRY.values():
        if a.parse_data is not None:
            assert a.parse_data.__module__ == a.expand.__module__


def test_a_duplicate_name_is_refused(scratch):
    before = dict(scratch)
    with pytest.raises(ValueError, match="duplicate"):
        adapter(name="trs", label="另一个", order=99)(lambda *a, **k: None)
    with pytest.raises(ValueError, match="order"):
        adapter(name="other", label="另一个", order=REGISTRY["trs"].order)(lambda *a, **k: None)
    for bad in ("", "Trs", "a b", "render", "data"):
        with pytest.raises(ValueError):
            adapter(name=bad, label="标签", order=99)
    with pytest.raises(ValueError):
        adapter(name="other", label=" ", order=99)
    with pytest.raises(ValueError, match="second"):
        data_parser("jpage")(lambda *a: ([], []))
    with pytest.raises(ValueError, match="no adapter"):
        data_parser("nope")(lambda *a: ([], []))
    assert scratch == before


def test_the_dispatcher_runs_what_is_registered(scratch):
    seen = []

    @adapter(name="fake", label="测试平台", order=25)               # between trs and jpage
    def expand(root, page_url, max_pages=200, scripts=None):
        seen.append(max_pages)
        return Found.of("fake", [ListItem(title="条目", url="http://x.gov.cn/a.html")], pages=["http://x.gov.cn/2"])

    @data_parser("fake")
    def read(fetch, body, content_type):
        return [ListItem(title=body.decode())], [DataFetch(adapter="fake", url=fetch.url, page=fetch.page + 1)]

    html = '<html><body><script>createPageHTML(2, 0, "index", "html");</script></body></html>'
    found = expand_page(parse(html), "http://x.gov.cn/", max_pages=7)
    assert [f.expansion.adapter for f in found] == ["trs", "fake"] and seen == [7]
    assert found[1].expansion.items == 1 and found[1].entries[0].title == "条目"
    items, further = parse_data(DataFetch(adapter="fake", url="http://x.gov.cn/api"), b"answer", None)
    assert [i.title for i in items] == ["answer"] and further[0].page == 2
    # an adapter that fails is left out; the others still run
    REGISTRY["fake"] = REGISTRY["fake"].__class__(name="fake", label="测试平台", order=25,
                                                  expand=lambda *a, **k: 1 / 0, parse_data=lambda *a: 1 / 0)
    assert [f.expansion.adapter for f in expand_page(parse(html), "http://x.gov.cn/")] == ["trs"]
    assert parse_data(DataFetch(adapter="fake", url="http://x.gov.cn/api"), b"", None) == ([], [])


def test_reports_take_the_labels_from_the_registry(scratch):
    for a in in_order():
        assert platform_name(a.name) == label(a.name) == a.label
    assert platform_name("render") == "浏览器读取" and platform_name("data") == "数据接口"
    assert platform_name("unknown") == "unknown"
    adapter(name="fake", label="测试平台", order=99)(lambda *a, **k: None)
    assert platform_name("fake") == "测试平台"
    cov = SimpleNamespace(platforms={"fake": 2, "jpage": 1}, fetched={"fake": 5}, rendered=0, unexpanded_count=0)
    assert coverage(cov) == f"脚本生成的列表：测试平台 2 页（由此抓取 5 页），{REGISTRY['jpage'].label} 1 页"
    record = PageRecord(url="http://x.gov.cn/", expansions=[Expansion(adapter="fake", items=3)])
    assert "平台适配（测试平台）：页内条目 3 条" in describe(record)


def test_a_record_keeps_its_json_shape():
    """An adapter's result goes into the record as it is: ``items`` stays the count, a data fetch
    keeps its fields (and is a hashable value)."""
    root = parse('<html><body><script>window._CONFIG = {SID: "1"};</script></body></html>')
    (found,) = expand_page(root, "http://x.gov.cn/gkmlpt/index")
    record = PageRecord(url="http://x.gov.cn/gkmlpt/index", expansions=[found.expansion])
    assert record.model_dump(mode="json")["expansions"] == [{
        "adapter": "gkmlpt", "pages": [], "redirect": None, "items": 0, "capped": False,
        "data": [{"adapter": "gkmlpt", "url": "http://x.gov.cn/gkmlpt/api/all/0?page=1&sid=1",
                  "method": "GET", "body": None, "page": 1}]}]
    assert list(record.model_dump()["expansions"][0]) == ["adapter", "pages", "data", "redirect", "items", "capped"]
    fetch = found.expansion.data[0]
    assert fetch in {DataFetch.model_validate(fetch.model_dump())}


def test_each_adapter_says_whether_it_reads_lists_and_how_its_platform_shows():
    """Knowledge of a platform stays in its module: the snapshot asks whether an expansion read a
    list, looks_script_built asks each platform's list marker."""
    from auditor.core.extract.platforms.registry import REGISTRY, reads_lists
    assert not reads_lists("redirect") and reads_lists("trs") and reads_lists("jpage")
    marked = {name for name, a in REGISTRY.items() if a.list_marker is not None}
    assert marked == {"jpage", "gkmlpt"}
    assert REGISTRY["jpage"].list_marker(["var x = '<datastore>';"], [])
    assert REGISTRY["gkmlpt"].list_marker(["window._CONFIG = {SID: '1'}"], ["/gkmlpt/gkml/pc/js/app.js"])
    assert not REGISTRY["gkmlpt"].list_marker(["window._CONFIG = {SID: '1'}"], ["/js/app.js"])
