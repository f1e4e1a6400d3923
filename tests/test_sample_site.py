"""Self-checks for the bundled sample site and its loopback server (auditor/sample_server.py)."""
from __future__ import annotations

import datetime as dt
import filecmp
import http.client
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from auditor.sample_server import SITE_DIR, SampleSite, ground_truth

ROOT = Path(__file__).resolve().parent.parent
PLANTED = SITE_DIR / "planted"
CLEAN = SITE_DIR / "clean"

ALL_CODES_FALLBACK = (
    [f"COL00{i}" for i in range(1, 7)] + [f"GDE00{i}" for i in range(1, 5)] + [f"RPT00{i}" for i in range(1, 5)]
    + [f"INT00{i}" for i in range(1, 4)] + [f"PEN00{i}" for i in range(1, 4)] + ["PRV001", "PRV002"]
    + [f"A11Y00{i}" for i in range(1, 7)] + [f"ID00{i}" for i in range(1, 10)] + [f"UPD00{i}" for i in range(1, 6)]
    + ["LNK001", "LNK002"] + [f"MKT00{i}" for i in range(1, 7)])


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def get(site: SampleSite, path: str, method: str = "GET"):
    conn = http.client.HTTPConnection(site.host, site.port, timeout=10)
    try:
        conn.request(method, path)
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def variant_files(variant: str) -> dict[str, Path]:
    """url path -> file, for the whole (overlaid) variant."""
    out = {}
    for f in PLANTED.rglob("*"):
        if f.is_file():
            out["/" + f.relative_to(PLANTED).as_posix()] = f
    if variant == "clean":
        for f in CLEAN.rglob("*"):
            if not f.is_file():
                continue
            rel = "/" + f.relative_to(CLEAN).as_posix()
            if rel.endswith(".deleted"):
                out.pop(rel[: -len(".deleted")], None)
            else:
                out[rel] = f
    return out


def page_url(file_path: str) -> str:
    return file_path[: -len("index.html")] if file_path.endswith("/index.html") or file_path == "/index.html" else file_path


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gbk")


def html_pages(variant: str) -> dict[str, str]:
    return {page_url(p): decode(f.read_bytes()) for p, f in variant_files(variant).items() if p.endswith(".html")}


def internal_links(url: str, text: str) -> list[str]:
    root = lxml_html.fromstring(text)
    out = []
    refs = [a.get("href") for a in root.iter("a") if a.get("href")]
    refs += [e.get("href") for e in root.iter("link") if e.get("href")]
    refs += [e.get("src") for e in root.iter("img", "script") if e.get("src")]
    for ref in refs:
        ref = ref.strip()
        if ref.startswith(("javascript:", "mailto:", "#", "tel:")):
            continue
        absu = urljoin("http://sample.local" + url, ref)
        parts = urlsplit(absu)
        if parts.netloc != "sample.local":
            continue
        out.append(parts.path)
    return out


def served_file(files: dict[str, Path], path: str) -> bool:
    if path.endswith("/"):
        return (path + "index.html") in files
    return path in files or (path + "/index.html") in files


# ---------------------------------------------------------------------------------------------
# the server
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def planted():
    with SampleSite("planted") as s:
        yield s


@pytest.fixture(scope="module")
def clean():
    with SampleSite("clean") as s:
        yield s


def test_server_basics(planted):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", planted.url) and planted.port > 0
    status, headers, body = get(planted, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html"          # no charset on purpose
    assert "榕江市市场监督管理局" in body.decode("utf-8")
    assert get(planted, "/", "HEAD")[0] == 200
    assert get(planted, "/xwzx/gzdt/")[0] == 200
    assert get(planted, "/xwzx/gzdt/index_2.html")[0] == 200
    assert get(planted, "/search/?q=%E9%A3%9F%E5%93%81")[0] == 200
    s, h, _ = get(planted, "/xwzx/gzdt")
    assert s == 301 and h["Location"] == "/xwzx/gzdt/"
    assert get(planted, "/robots.txt")[2].startswith(b"User-agent: *\nDisallow: /admin/")


def test_404_and_traversal(planted):
    assert get(planted, "/no/such/page.html")[0] == 404
    assert get(planted, "/xwzx/gzdt/202611/t20261102_9999.html")[0] == 404
    assert get(planted, "/xxgk/zd/")[0] == 404                       # COL002: no page in planted
    assert get(planted, "/css/")[0] == 404                           # no directory listings
    for p in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/xwzx/../../ground_truth.yaml",
              "/..%2f..%2fground_truth.yaml", "/ground_truth.yaml", "/xxgk/fdzdgknr/zcjd/202610/t20261013_4103.html.deleted"):
        status, _h, body = get(planted, p)
        assert status == 404, p
        assert b"planted:" not in body and b"root:" not in body


def test_special_paths(planted):
    assert get(planted, "/xwzx/gzdt/error500.html")[0] == 500
    s, h, _ = get(planted, "/loop/a.html")
    assert s == 302 and h["Location"] == "/loop/b.html"
    s, h, _ = get(planted, "/loop/b.html")
    assert s == 302 and h["Location"] == "/loop/a.html"


def test_content_types(planted):
    _s, h, body = get(planted, "/xxgk/fdzdgknr/czyjs/202602/P020260206_1.pdf")
    assert h["Content-Type"] == "application/pdf" and body.startswith(b"%PDF-")
    _s, h, body = get(planted, "/xxgk/ysqgk/P020250310_1.doc")
    assert h["Content-Type"] == "application/msword" and body.startswith(bytes.fromhex("D0CF11E0A1B11AE1"))
    _s, h, _b = get(planted, "/xxgk/fdzdgknr/cjxx/202611/P020261111_1.xls")
    assert h["Content-Type"] == "application/vnd.ms-excel"


def test_gbk_served_without_charset(planted):
    status, headers, body = get(planted, "/xxgk/fdzdgknr/xzcf/")
    assert status == 200 and headers["Content-Type"] == "text/html"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert 'charset=gb2312' in text and "行政处罚" in text
    # the page whose meta lies
    body = get(planted, "/xwzx/tzgg/202609/t20260910_5005.html")[2]
    assert b'<meta charset="utf-8">' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "中秋国庆" in body.decode("gbk")
    # the BOM page
    body = get(planted, "/xxgk/ysqgk/")[2]
    assert body.startswith(b"\xef\xbb\xbf") and "依申请公开" in body.decode("utf-8-sig")


def test_clean_overlay(planted, clean):
    p = get(planted, "/")[2].decode()
    c = get(clean, "/")[2].decode()
    assert '<a href="/xxgk/">政务公开</a>' in p and 'content="3599000021"' in p and "t20261102_9999" in p
    assert '<a href="/xxgk/">政府信息公开</a>' in c and 'content="3599000021"' not in c and "t20261102_9999" not in c
    assert get(clean, "/xxgk/zd/")[0] == 200                                   # added file
    assert get(clean, "/xxgk/fdzdgknr/zcjd/202610/t20261013_4103.html")[0] == 404  # .deleted marker
    assert get(planted, "/xxgk/fdzdgknr/zcjd/202610/t20261013_4103.html")[0] == 200
    assert get(clean, "/xwzx/tzgg/202611/P020261109_1.doc")[0] == 200
    # a file the overlay does not touch comes from planted/
    assert get(clean, "/xwzx/gzdt/index_1.html")[2] == get(planted, "/xwzx/gzdt/index_1.html")[2]
    # clean GBK pages are still GBK
    assert get(clean, "/xxgk/fdzdgknr/xzcf/")[2].decode("gbk")


def test_overlay_only_holds_differences():
    for f in CLEAN.rglob("*"):
        if f.is_file() and not f.name.endswith(".deleted"):
            twin = PLANTED / f.relative_to(CLEAN)
            assert not twin.exists() or twin.read_bytes() != f.read_bytes(), f
        elif f.is_file():
            assert (PLANTED / f.relative_to(CLEAN).as_posix()[: -len(".deleted")]).exists(), f


# ---------------------------------------------------------------------------------------------
# the static site
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["planted", "clean"])
def test_internal_links_resolve(variant):
    gt = ground_truth()
    sp = gt["special_paths"]
    files = variant_files(variant)
    allowed = set(sp["server_error"]) | set(sp["redirect_loop"])
    if variant == "planted":
        allowed |= set(sp["missing"])
    bad = []
    pages = html_pages(variant)
    assert 80 <= len(pages) <= 150
    for url, text in pages.items():
        for path in internal_links(url, text):
            if served_file(files, path) or any(path.startswith(p) for p in sp["robots_disallowed"]):
                continue
            if path in allowed:
                continue
            bad.append((url, path))
    assert not bad, bad[:20]
    if variant == "clean":   # the deliberately broken/special targets are linked only in planted
        linked = {p for url, t in pages.items() for p in internal_links(url, t)}
        still = {p for p in linked & (set(sp["missing"]) | allowed) if not served_file(files, p)}
        assert not still, still


@pytest.mark.parametrize("variant", ["planted", "clean"])
def test_every_page_links_home(variant):
    for url, text in html_pages(variant).items():
        if url == "/":
            continue
        assert "/" in internal_links(url, text), url


def _spec_codes() -> set[str]:
    for cand in (ROOT / "SPEC.md", ROOT / "docs" / "SPEC.md", ROOT.parent / "shared" / "SPEC.md"):
        if cand.exists():
            text = cand.read_text(encoding="utf-8")
            sec = text[text.index("## 8."):]
            return set(re.findall(r"^\| ([A-Z0-9]+\d{3}) \|", sec, flags=re.M))
    return set(ALL_CODES_FALLBACK)


def test_ground_truth_codes_are_spec_codes():
    gt = ground_truth()
    codes = _spec_codes()
    assert len(codes) >= 50
    assert gt["as_of"] == "2026-11-20"
    assert gt["site"]["level"] == "department"
    assert set(gt["planted"]) <= codes, set(gt["planted"]) - codes
    assert set(gt["clean"]) <= codes, set(gt["clean"]) - codes
    assert set(gt["planted"]) <= set(gt["clean"])
    families = {re.match(r"[A-Z]+", c).group() for c in codes}
    assert families <= {re.match(r"[A-Z]+", c).group() for c in gt["planted"]}   # every family planted
    files = variant_files("planted")
    for code, entry in gt["planted"].items():
        assert entry["status"] in ("fail", "warn"), code
        assert entry.get("why"), code
        for u in entry.get("urls", []):
            assert u.startswith("/"), (code, u)
        if "findings" in entry and "urls" in entry and code not in ("LNK002",):
            assert entry["findings"] >= len(entry["urls"]) or code.startswith("A11Y")
    for code, entry in gt["clean"].items():
        assert entry["status"] in ("pass", "na"), code
    # the urls of page-level findings exist in planted (link findings point at broken targets)
    for code in ("COL001", "COL004", "GDE003", "RPT002", "INT001", "INT002", "INT003", "PEN001", "PEN002",
                 "PRV001", "PRV002", "UPD002", "UPD003", "UPD004", "UPD005", "A11Y003", "A11Y004", "A11Y005",
                 "ID002", "MKT003"):
        for u in gt["planted"][code]["urls"]:
            assert served_file(files, u), (code, u)


ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def _valid_id(s: str) -> bool:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17].upper()


@pytest.mark.parametrize("variant", ["planted", "clean"])
def test_personal_data_only_where_planted(variant):
    ids = {u for u, t in html_pages(variant).items() for m in ID_RE.findall(t) if _valid_id(m)}
    phones = {u for u, t in html_pages(variant).items() if MOBILE_RE.search(t)}
    if variant == "planted":
        gt = ground_truth()["planted"]
        assert ids == set(gt["PRV001"]["urls"])
        assert phones == set(gt["PRV002"]["urls"])
    else:
        assert not ids and not phones


@pytest.mark.parametrize("variant", ["planted", "clean"])
def test_titles_and_lang(variant):
    gt = ground_truth()["planted"]
    empty = {u for u, t in html_pages(variant).items() if re.search(r"<title>\s*</title>", t)}
    no_lang = {u for u, t in html_pages(variant).items() if not re.search(r"<html[^>]*\blang=", t)}
    if variant == "planted":
        assert empty == set(gt["A11Y005"]["urls"])
        assert no_lang == set(gt["A11Y003"]["urls"])
    else:
        assert not empty and not no_lang


def test_working_day_facts():
    cc = pytest.importorskip("chinese_calendar")

    def wd(a, b):
        a, b = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        n = 0
        while a < b:
            a += dt.timedelta(days=1)
            n += cc.is_workday(a)
        return n
    assert cc.is_workday(dt.date(2026, 10, 10)) and cc.is_workday(dt.date(2026, 9, 20))
    assert not cc.is_workday(dt.date(2026, 10, 7))
    assert wd("2026-09-29", "2026-10-13") == 6          # INT002
    assert wd("2026-09-28", "2026-11-03") == 22         # PEN001 (> 7 and > 20)
    assert wd("2026-01-05", "2026-03-12") > 20          # UPD004
    assert wd("2026-09-29", "2026-09-30") <= 3          # INT002 clean
    for a, b in [("2026-11-10", "2026-11-13"), ("2026-11-02", "2026-11-06"), ("2026-10-26", "2026-10-30"),
                 ("2026-10-09", "2026-10-16"), ("2026-09-16", "2026-09-22"), ("2026-08-24", "2026-08-28"),
                 ("2026-09-28", "2026-09-30")]:
        assert wd(a, b) <= 7                            # the other penalties are on time


def test_generator_output_is_current(tmp_path):
    script = ROOT / "tools" / "build_sample_site.py"
    if not script.exists():
        pytest.skip("generator not present")
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for variant in ("planted", "clean"):
        cmp = filecmp.dircmp(tmp_path / variant, SITE_DIR / variant)
        stack = [cmp]
        while stack:
            c = stack.pop()
            assert not c.left_only and not c.right_only, (c.left, c.left_only, c.right_only)
            _m, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
            assert not mismatch and not errors, (c.left, mismatch, errors)
            stack.extend(c.subdirs.values())
