"""Rectification: audit, fix some planted problems, add a new one, audit again; the diff says so."""
from __future__ import annotations

import functools
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from auditor.app.cli import main
from auditor.app.demo.server import site_dir
from tests.truth import ground_truth


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, out: Path, *extra: str) -> int:
    truth = ground_truth()
    return main(["audit", url, "--out", str(out), "--as-of", str(truth["as_of"]), "--profile",
                 truth["site"]["profile"], "--quiet", "--format", "json,html", *extra])


@pytest.fixture(scope="module")
def two_audits(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("diff")
    site = tmp / "site"
    shutil.copytree(site_dir() / "planted", site)
    server, url = serve(site)
    try:
        assert audit(url, tmp / "before") in (0, 1)
        home = site / "index.html"
        text = home.read_text(encoding="utf-8")
        text = text.replace('content="3599000021"', 'content="3599000012"')            # fixes ID002
        text = text.replace("t20261102_9999.html", "t20261119_2030.html")              # fixes LNK001
        home.write_text(text, encoding="utf-8")
        article = site / "xwzx/gzdt/202611/t20261119_2030.html"
        page = article.read_text(encoding="utf-8")
        start, end = page.index("<title>") + 7, page.index("</title>")
        article.write_text(page[:start] + page[end:], encoding="utf-8")               # a new A11Y005 finding
        code = audit(url, tmp / "after", "--baseline", str(tmp / "before"), "--fail-on-new")
    finally:
        server.shutdown()
    return tmp, code


def test_the_diff_names_what_was_fixed_and_what_is_new(two_audits, capsys):
    tmp, _ = two_audits
    assert main(["diff", str(tmp / "before"), str(tmp / "after"), "--format", "-"]) == 0
    diff = json.loads(capsys.readouterr().out)
    fixed = {(r["code"], f["url"].split("/", 3)[3]) for r in diff["rules"] for f in r["fixed"]}
    new = {(r["code"], f["url"].split("/", 3)[3]) for r in diff["rules"] for f in r["new"]}
    assert fixed == {("ID002", ""), ("LNK001", "xwzx/gzdt/202611/t20261102_9999.html")}
    assert new == {("A11Y005", "xwzx/gzdt/202611/t20261119_2030.html")}
    # ID002 2 and LNK001 1 back (A11Y005 was at its cap), scaled to 100 over the 110 points of the
    # indicators that apply to a market-regulation department (SPEC §5.3)
    assert diff["still"] > 10 and diff["score_change"] == pytest.approx(round(3.0 * 100 / 110, 2))


def test_the_audit_records_the_baseline_and_fails_only_on_new_findings(two_audits):
    tmp, code = two_audits
    report = json.loads((tmp / "after" / "report.json").read_text(encoding="utf-8"))
    assert report["baseline"]["fixed"] == 2 and report["baseline"]["new"] == 1
    assert report["baseline"]["new_findings"][0]["code"] == "A11Y005"
    assert code == 1
    assert (tmp / "after" / "diff.html").exists()


def test_every_format_of_an_audit_with_a_baseline_shows_the_comparison(two_audits):
    """One pipeline builds the whole report, the comparison included, before any format is rendered:
    report.html once lacked the 与上次检查 line because report.json was rewritten after it."""
    tmp, _ = two_audits
    report = json.loads((tmp / "after" / "report.json").read_text(encoding="utf-8"))
    html = (tmp / "after" / "report.html").read_text(encoding="utf-8")
    assert f"与上次检查（{report['baseline']['as_of']}）相比" in html
    assert "已整改 2 条" in html and "新发现 1 条" in html
    diff = json.loads((tmp / "after" / "diff.json").read_text(encoding="utf-8"))
    assert diff["fixed"] == report["baseline"]["fixed"] and diff["new"] == report["baseline"]["new"]


def test_no_new_findings_passes_the_regression_gate_even_with_old_vetoes(two_audits):
    tmp, _ = two_audits
    assert main(["diff", str(tmp / "after"), str(tmp / "after"), "--fail-on-new", "--format", "json",
                 "--out", str(tmp / "same")]) == 0


def test_diff_of_a_file_that_is_no_report_is_a_usage_error(tmp_path):
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    assert main(["diff", str(tmp_path / "x.json"), str(tmp_path / "x.json")]) == 2
    assert main(["audit", "http://127.0.0.1:9/", "--fail-on-new"]) == 2
