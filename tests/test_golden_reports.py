"""The demo's whole report.json, per sample-site variant, is what it was when the copy was saved.

Refactorings keep outputs as they are; a change that alters them on purpose regenerates the copies
(``.venv/bin/python -m tests.golden``, see tests/golden/__init__.py) and the diff is reviewed.
"""
from __future__ import annotations

import json

import pytest

from tests.golden import copy_path, dump, normalise


@pytest.mark.parametrize("variant", ["planted", "clean", "sparse"])
def test_demo_report_is_unchanged(variant, request):
    _, report, _ = request.getfixturevalue(f"{variant}_audit")
    saved = json.loads(copy_path(variant).read_text(encoding="utf-8"))
    got = normalise(report)
    if got != saved:        # a readable failure: the first differing lines of the two dumps
        import difflib
        diff = list(difflib.unified_diff(dump(saved).splitlines(), dump(got).splitlines(), "saved", "now", n=2))
        pytest.fail(f"{variant} report.json differs from {copy_path(variant).name}:\n" + "\n".join(diff[:80]))


def test_normalising_removes_what_differs_between_runs():
    report = {"generated_at": "2026-12-02T21:17:29+08:00", "tool": {"name": "gkaudit", "version": "9.9"},
              "site": {"url": "http://127.0.0.1:33117/"},
              "results": [{"findings": [{"url": "http://127.0.0.1:4242/a.html", "evidence":
                                         {"warc_record_id": "<urn:uuid:09ac763e-8dd8-4ed0-81d7-1ba943cd637f>"}}]}]}
    assert normalise(report) == {
        "generated_at": "<generated_at>", "tool": {"name": "gkaudit", "version": "<version>"},
        "site": {"url": "http://sample-site.test/"},
        "results": [{"findings": [{"url": "http://sample-site.test/a.html",
                                   "evidence": {"warc_record_id": "<warc-record>"}}]}]}


def test_the_demo_command_reports_what_the_saved_copy_says(tmp_path):
    """`gkaudit demo` itself (its own demo.yaml, not the test oracle) gives the saved planted report."""
    from auditor.app.cli import main
    from auditor.app.demo.server import demo_settings
    from tests.truth import ground_truth

    truth, demo = ground_truth(), demo_settings()
    assert (demo["name"], demo["level"], demo["profile"], str(demo["as_of"])) == (
        truth["site"]["name"], truth["site"]["level"], truth["site"]["profile"], str(truth["as_of"]))
    assert main(["demo", "--quiet", "--out", str(tmp_path / "demo"), "--format", "json"]) == 0
    report = json.loads((tmp_path / "demo" / "report.json").read_text(encoding="utf-8"))
    saved = json.loads(copy_path("planted").read_text(encoding="utf-8"))
    assert normalise(report) == saved
