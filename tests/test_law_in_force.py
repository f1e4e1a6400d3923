"""SPEC §7: a requirement applies from the day it took effect, judged at --as-of. A stored crawl rechecked
at a 2018 date is not failed on 61号's column name and four sections (2019-12-20) or on the 2019 条例;
the requirements the 2008 条例 already made are judged by it, and cited from it."""
from __future__ import annotations

import json

import pytest

from auditor.app.cli import main
from rules.registry import load_rules

NOT_YET_IN_2018 = ("COL001", "COL002", "COL003", "COL005", "GDE003")


def test_rules_declare_when_their_requirement_took_effect():
    rules = load_rules()
    assert str(rules["COL001"].in_force.since) == "2019-12-20" and "61号" in rules["COL001"].in_force.source
    assert str(rules["COL003"].in_force.since) == "2019-05-15" and "711号" in rules["COL003"].in_force.source
    assert rules["PEN001"].in_force is None


@pytest.mark.parametrize("as_of, in_force", [("2018-07-27", False), ("2026-11-20", True)])
def test_a_stored_crawl_rechecked_at_an_earlier_date_is_judged_by_the_law_then(planted_audit, tmp_path, as_of, in_force):
    _, _, run_dir = planted_audit
    out = tmp_path / as_of
    main(["recheck", str(run_dir), "--as-of", as_of, "--out", str(out), "--format", "json"])
    results = {r["code"]: r for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["results"]}
    for code in NOT_YET_IN_2018:
        if in_force:
            assert "尚未施行" not in results[code]["message"], code
        else:
            assert results[code]["status"] == "na" and "尚未施行" in results[code]["message"], code
    assert results["COL002"]["status"] == ("fail" if in_force else "na")     # the planted missing section
    # the rules the 2008 条例 already had are applied, citing it, with its deadlines
    old = "国务院令第492号"
    assert (old in results["GDE004"]["basis"]) is not in_force and results["GDE004"]["status"] != "na"
    if not in_force:
        rpt = results["RPT001"]
        assert rpt["status"] == "fail" and "2018-03-31" in rpt["findings"][0]["message"], rpt


def test_explain_shows_the_date_a_rule_took_effect(capsys):
    assert main(["explain", "COL002"]) == 0
    assert "施行日期：2019-12-20" in capsys.readouterr().out
