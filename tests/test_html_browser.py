"""report.html in a real headless Chromium: loads clean, makes no requests, runs no crawled script.

Needs Debian's chromium (installed by .ci/run). On a machine without it the test skips, except in
CI, where a missing browser is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from auditor.app.cli import main

from tests.conftest import ARTIFACTS
from tests.servers import RouteServer, html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium for the report test (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


def open_report(browser, path: Path, screenshot: str | None = None):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    seen = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    if screenshot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
    return page, seen


def test_the_demo_report_renders_with_every_failing_rule(browser, planted_audit):
    _, report, run_dir = planted_audit
    page, seen = open_report(browser, run_dir / "report.html", "report-planted.png")
    text = page.inner_text("body")
    assert report["score"]["grade"] in text and f"{report['score']['total']:g}" in text
    for r in report["results"]:
        if r["status"] == "fail":
            assert page.locator(f"#{r['code']}").count() == 1, r["code"]
            assert r["code"] in text
    for section in ("扣分汇总", "政府信息公开专栏", "网站标识"):
        assert section in text
    assert page.locator("svg").count() >= 1                       # the chart of points lost
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert [u for u in seen["requests"] if not u.startswith("file://")] == []
    page.close()


def test_hostile_page_content_never_runs_in_the_report(browser, tmp_path):
    links = (f'<a href="/a.html">{EVIL}</a><a href="/gone.html">坏"\'><svg onload=alert(1)></a>'
             '<a href="javascript:alert(3)">js</a>')
    routes = {"/": html(f'<html><head><title>{EVIL}</title><meta name="SiteIDCode" content="1&quot;><script>alert(4)</script>">'
                        f'</head><body>{links}<div class="footer">主办单位：{EVIL}</div></body></html>'),
              "/a.html": html(f'<html><head><title></title></head><body><h1>{EVIL}</h1></body></html>')}
    with RouteServer(routes) as srv:
        main(["audit", srv.url, "--out", str(tmp_path), "--quiet", "--as-of", "2026-11-20", "--name", EVIL])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert any("<script>" in json.dumps(r, ensure_ascii=False) for r in report["results"])   # it is in the data
    page, seen = open_report(browser, tmp_path / "report.html", "report-hostile.png")
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert [u for u in seen["requests"] if not u.startswith("file://")] == []
    assert "<script>window.__pwned=1</script>" in page.inner_text("body")      # shown as text
    assert page.locator("a[href^='javascript:']").count() == 0
    page.close()


def test_the_report_prints_on_a4(browser, planted_audit, tmp_path):
    _, _, run_dir = planted_audit
    page, _ = open_report(browser, run_dir / "report.html")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 20_000
    page.close()
