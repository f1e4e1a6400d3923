"""Issue 17: real government pages (outside the repository, see tests/real_pages.py; provenance in tests/real/SOURCES.md) with
expectations written by hand from each page before any extractor ran on it (tests/real/expectations.yaml).
A page the extractor still reads wrong stays here with its expectation, marked xfail (strict), so the
gap is visible and the test turns red when a fix makes it pass."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.core.extract import extract_page
from auditor.core.extract.docinfo import normalise_doc_number
from tests.real_pages import PAGES, needs_real_pages

REAL = Path(__file__).resolve().parent / "real"
pytestmark = needs_real_pages
EXPECTED = yaml.safe_load((REAL / "expectations.yaml").read_text(encoding="utf-8"))
# the corpus's words for kinds the tool names otherwise: a list page is a column, a notice (人事任免) an
# article, a page that only redirects (meta refresh) other
KIND = {"list": "column", "notice": "article", "redirect": "other"}
JIUCUO = {"current": "current", "kaipuyun": "legacy", "none": None}
# (file, field): why the extractor does not read it yet (none at present; a new gap goes here with its reason)
KNOWN_GAPS: dict[tuple[str, str], str] = {}
_cache: dict[str, object] = {}


def record(entry: dict):
    path = PAGES / Path(entry["file"]).name
    if path.name not in _cache:
        _cache[path.name] = extract_page(f"http://{entry['site']}/{path.name}", path.read_bytes(), "text/html")
    return _cache[path.name]


def cases():
    for entry in EXPECTED:
        name = Path(entry["file"]).name
        fields = {"kind": KIND.get(entry["kind"], entry["kind"])}
        for field in ("published", "written", "doc_number"):
            if entry.get(field) is not None:
                fields[field] = normalise_doc_number(entry[field]) if field == "doc_number" else str(entry[field])
        for field, value in (entry.get("penalty") or {}).items():
            if field in ("doc_number", "party", "decided", "authority") and value is not None:
                fields[f"penalty.{field}"] = normalise_doc_number(value) if field == "doc_number" else str(value)
        footer = entry.get("footer") or {}
        for field in ("host_org", "icp", "site_id_code", "conac"):
            if footer.get(field) is not None:
                fields[f"footer.{field}"] = footer[field]
        jiucuo = (entry.get("footer") or {}).get("jiucuo")
        if jiucuo in JIUCUO:
            fields["jiucuo"] = JIUCUO[jiucuo]
        for field, value in fields.items():
            gap = KNOWN_GAPS.get((name, field))
            marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
            yield pytest.param(entry, field, value, id=f"{name}:{field}", marks=marks)


def test_the_corpus_is_what_its_sources_say():
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    files = {p.name for p in PAGES.iterdir()}
    assert files == {Path(e["file"]).name for e in EXPECTED}
    assert all(name in sources for name in files)
    assert len(EXPECTED) >= 30 and len({e["site"] for e in EXPECTED}) >= 8
    assert {"trs", "hanweb"} <= {e["platform"] for e in EXPECTED}


@pytest.mark.parametrize("entry, field, expected", list(cases()))
def test_the_extractor_reads_what_the_page_shows(entry, field, expected):
    rec = record(entry)
    if field.startswith("footer."):
        got = getattr(rec.footer, field.split(".", 1)[1])
        assert (got == expected) if isinstance(expected, bool) else (got or "").replace(" ", "") == str(expected).replace(" ", "")
        return
    if field.startswith("penalty."):
        got = [getattr(item, field.split(".", 1)[1]) for item in rec.penalty]
        assert expected in got
        return
    got = rec.footer.jiucuo if field == "jiucuo" else getattr(rec, field)
    assert got == expected
