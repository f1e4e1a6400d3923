"""End to end: the sample site served on loopback, audited through the CLI, against ground truth.

Only rules that are registered are compared; the ground truth covers the whole catalogue so that
each new rule is held to it as soon as it lands.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from auditor.app.cli import main
from tests.truth import ground_truth
from reports.json_report import validate
from rules.registry import load_rules

TRUTH = ground_truth()


def implemented(variant: str) -> list[str]:
    return sorted(code for code in TRUTH[variant] if code in load_rules())


def result(report: dict, code: str) -> dict:
    return next(r for r in report["results"] if r["code"] == code)


def paths(res: dict) -> set[str]:
    return {urlsplit(f["url"]).path for f in res["findings"] if f.get("url")}


def assert_as_planted(report: dict, variant: str, code: str) -> None:
    want, got = TRUTH[variant][code], result(report, code)
    assert got["status"] == want["status"], (code, got["message"], got["findings"][:3])
    if "findings" in want:
        assert len(got["findings"]) == want["findings"], got["findings"]
    assert set(want.get("urls", [])) <= paths(got), (code, paths(got))


@pytest.mark.parametrize("code", implemented("planted"))
def test_demo_finds_every_planted_problem(planted_audit, code):
    assert_as_planted(planted_audit[1], "planted", code)


@pytest.mark.parametrize("code", implemented("sparse"))
def test_the_sparse_variant_finds_what_cannot_coexist_with_planted(sparse_audit, code):
    assert_as_planted(sparse_audit[1], "sparse", code)


@pytest.mark.parametrize("code", implemented("clean"))
def test_the_clean_variant_passes(clean_audit, code):
    _, report, _ = clean_audit
    got = result(report, code)
    assert got["status"] == TRUTH["clean"][code]["status"], (code, got["findings"][:3])


def test_every_profile_rule_appears_exactly_once(planted_audit):
    _, report, _ = planted_audit
    codes = [r["code"] for r in report["results"]]
    assert sorted(codes) == sorted(load_rules()) and len(codes) == len(set(codes))


def test_report_json_is_valid_against_the_published_schema(planted_audit, clean_audit):
    for _, report, _ in (planted_audit, clean_audit):
        validate(report)


def test_the_score_can_be_checked_by_hand_from_the_indicators(planted_audit):
    """SPEC §5: each indicator loses its rules' deductions up to its value; the score is 100 × (values −
    deductions) / values over the indicators that apply; every rule's deduction is listed."""
    _, report, _ = planted_audit
    score = report["score"]
    assert {d["code"]: d["points"] for d in score["deductions"]} == \
        {r["code"]: r["points_lost"] for r in report["results"] if r["points_lost"]}
    from auditor.app.profiles import load_profile
    profile = load_profile(report["profile"])
    keys = {i["code"] for i in score["indicators"]}
    for ind in score["indicators"]:      # an indicator holds the codes it names (COL: COL, POL, DIR), else its prefix
        members = [r for r in report["results"] if profile.indicator_of(r["code"]) == ind["code"]]
        assert ind["lost"] == pytest.approx(min(ind["value"], sum(r["points_lost"] for r in members)))
        assert ind["applies"] == any(r["status"] != "na" for r in members)
    assert all(profile.indicator_of(r["code"]) in keys for r in report["results"])
    assert {"POL001", "DIR001"} <= {r["code"] for r in report["results"] if profile.indicator_of(r["code"]) == "COL"}
    applying = [i for i in score["indicators"] if i["applies"]]
    value = sum(i["value"] for i in applying)
    assert score["total"] == pytest.approx(round(100 * (value - sum(i["lost"] for i in applying)) / value, 2))
    assert all(i["applies"] for i in score["indicators"] if i["code"] in ("HDJ", "ERR"))


def test_findings_point_at_their_warc_evidence(planted_audit):
    from warcio.archiveiterator import ArchiveIterator
    _, report, run_dir = planted_audit
    with open(run_dir / "crawl.warc.gz", "rb") as fh:
        warc = {r.rec_headers.get_header("WARC-Record-ID"): r.rec_headers.get_header("WARC-Target-URI")
                for r in ArchiveIterator(fh) if r.rec_type == "response"}
    pointed = [f for r in report["results"] for f in r["findings"] if f["evidence"].get("warc_record_id")]
    assert len(pointed) >= 5
    for f in pointed:
        assert warc[f["evidence"]["warc_record_id"]] == f["url"], f


def test_the_crawl_reads_gbk_bom_and_lying_charsets(planted_audit):
    import gzip
    _, _, run_dir = planted_audit
    with gzip.open(run_dir / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        recs = {urlsplit(r["url"]).path: r for r in map(json.loads, fh)}
    enc = TRUTH["encodings"]
    for path in enc["gbk_meta_gb2312"]:
        assert recs[path]["charset"] in ("gb2312", "gbk", "gb18030") and "\ufffd" not in (recs[path]["title"] or "")
    for path in enc["gbk_meta_lies_utf8"]:
        assert recs[path]["charset"] == "gb18030" and "\ufffd" not in (recs[path]["title"] or "")
    for path in enc["utf8_bom"]:
        assert recs[path]["charset"] == "utf-8" and recs[path]["title"]
    assert recs["/admin/login.html"]["skipped"] == "robots"
    assert recs["/loop/a.html"]["error"].startswith("重定向次数过多")
    assert recs["/xwzx/gzdt/error500.html"]["status"] == 500


def test_recheck_reproduces_the_report_offline(planted_audit, tmp_path, monkeypatch):
    import socket
    _, report, run_dir = planted_audit

    def no_network(*args, **kwargs):
        raise AssertionError("recheck opened a network connection")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    out = tmp_path / "again"
    assert main(["recheck", str(run_dir), "--quiet", "--out", str(out), "--format", "json,junit"]) in (0, 1)
    again = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "junit.xml").exists()
    assert json.loads((run_dir / "report.json").read_text(encoding="utf-8")) == report   # untouched
    for key in ("score", "results", "crawl", "site", "profile", "as_of"):
        assert again[key] == report[key], key


def test_the_audit_writes_every_run_file(planted_audit):
    _, _, run_dir = planted_audit
    for name in ("report.json", "report.html", "pages.jsonl.gz", "crawl.warc.gz", "junit.xml"):
        assert (run_dir / name).stat().st_size > 0, name
    assert not list(run_dir.glob(".*.part"))
