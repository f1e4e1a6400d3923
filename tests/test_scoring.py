"""Scoring arithmetic of the national model (SPEC §5): caps, vetoes, veto_at, grades."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.results import Judged, RuleConfig
from auditor.core.profile import Profile
from auditor.app.profiles import load_profile
from auditor.core.scoring import score, score_rule
from rules.registry import Finding, Result, Rule


def _rule(code="TST001", kind="deduct", points=1.0, cap=None, veto_at=None) -> Rule:
    return Rule(code=code, title="t", failure_title="t", family="links", kind=kind, points=points,
                cap=cap, each=True, veto_at=veto_at, settings={}, check=lambda s, c: Result("pass"))


def judged(n_fail: int, n_warn: int = 0, status: str | None = None, **rule_kw) -> Judged:
    rule = _rule(**rule_kw)
    findings = [Finding(f"f{i}") for i in range(n_fail)] + [Finding(f"w{i}", status="warn") for i in range(n_warn)]
    result = Result(status, findings) if status else Result.from_findings(findings)
    cfg = RuleConfig(rule=rule, kind=rule.kind, points=rule.points, cap=rule.cap, veto_at=rule.veto_at, settings={})
    return Judged(cfg, result)


@pytest.mark.parametrize("n, points, cap, lost", [
    (0, 1, None, 0),
    (1, 10, None, 10),        # COL001: one finding, ten points
    (3, 5, None, 15),         # COL002: five each, no cap
    (12, 1, 10, 10),          # LNK001: capped at 10
    (7, 0.5, 5, 3.5),         # halves add up exactly
    (40, 0.1, 3, 3),          # UPD003: 0.1 each, cap 3
    (29, 0.1, 3, 2.9),
])
def test_deductions_multiply_points_and_stop_at_the_cap(n, points, cap, lost):
    assert score_rule(judged(n, points=points, cap=cap)).points_lost == pytest.approx(lost)


def test_warn_findings_deduct_nothing():
    s = score_rule(judged(0, n_warn=3, points=10))
    assert s.points_lost == 0 and not s.veto


@pytest.mark.parametrize("status", ["na", "error", "pass"])
def test_only_failing_results_cost_points(status):
    assert score_rule(judged(0, status=status, points=5)).points_lost == 0


def test_a_veto_rule_hit_makes_the_grade_fail_whatever_the_points():
    prof = Profile(name="t")
    result = score([judged(1, kind="veto", code="PRV001"), judged(0, code="COL001")], prof)
    assert result.total == 100 and result.veto == ["PRV001"] and result.grade == "不合格" and result.reference


@pytest.mark.parametrize("n, vetoed", [(4, False), (5, True), (9, True)])
def test_veto_at_turns_many_findings_into_a_veto(n, vetoed):
    s = score_rule(judged(n, points=1, veto_at=5))
    assert s.veto is vetoed
    assert s.points_lost == n        # still deducted as usual


@pytest.mark.parametrize("lost, grade", [(0, "合格"), (20, "合格"), (40, "合格"), (40.5, "不合格"), (100, "不合格")])
def test_national_grades_are_pass_or_fail_at_60(lost, grade):
    """19号 has two grades: 合格 and 不合格 (a veto, or under 60); a profile may add a scale."""
    prof = Profile(name="t", grades=load_profile("national").grades)
    result = score([judged(1, points=lost)], prof)
    assert result.total == pytest.approx(100 - lost) and result.grade == grade
    assert [g.name for g in load_profile("market-regulation").grades] == ["合格", "不合格"]


def _indicators(**values) -> Profile:
    return Profile(name="t", indicators={k: {"name": k, "value": v} for k, v in values.items()})


def test_deductions_within_an_indicator_never_exceed_its_value():
    """19号: 单项指标扣分之和不超过本项指标总分值; each rule's own cap applies inside that."""
    result = score([judged(1, points=10, code="COL001"), judged(2, points=5, code="COL002"),
                    judged(3, points=1, code="LNK001")], _indicators(COL=12, LNK=6))
    by = {i.code: i for i in result.indicators}
    assert (by["COL"].lost, by["LNK"].lost) == (12, 3)
    assert dict(result.deductions) == {"COL001": 10, "COL002": 10, "LNK001": 3}   # the rules' own losses
    assert result.total == pytest.approx(round(100 * (18 - 15) / 18, 2))


def test_the_score_is_scaled_over_the_indicators_that_apply():
    """A department without 办事服务: 19号 scores it out of 75 and multiplies by 4/3 — generalised."""
    result = score([judged(1, points=15, code="A001"), judged(0, status="na", code="B001")],
                   _indicators(A=75, B=25))
    assert [(i.code, i.applies) for i in result.indicators] == [("A", True), ("B", False)]
    assert result.total == pytest.approx((75 - 15) * 4 / 3)


def test_an_indicator_with_no_rule_run_does_not_apply():
    result = score([judged(1, points=6, code="COL001")], _indicators(COL=12, HDJ=5))
    assert [i.applies for i in result.indicators] == [True, False] and result.total == 50


def test_a_veto_makes_the_points_a_reference_score():
    result = score([judged(1, kind="veto", code="UPD001"), judged(1, points=3, code="COL001")],
                   _indicators(COL=12, UPD=15))
    assert result.grade == "不合格" and result.reference and result.veto == ["UPD001"]
    assert result.total == pytest.approx(round(100 * (27 - 3) / 27, 2))


def test_national_indicators_are_specs_and_every_scored_rule_belongs_to_one():
    """SPEC §5: COL 12, GDE 8, RPT 8, INT 10, PEN 10, PRV 5, A11Y 8, ID 8, UPD 15, LNK 6, HDJ 5, ERR 5
    (= 100); market-regulation adds MKT 10."""
    national = {k: i.value for k, i in load_profile("national").indicators.items()}
    assert national == {"COL": 12, "GDE": 8, "RPT": 8, "INT": 10, "PEN": 10, "PRV": 5, "A11Y": 8, "ID": 8,
                        "UPD": 15, "LNK": 6, "HDJ": 5, "ERR": 5} and sum(national.values()) == 100
    market = load_profile("market-regulation")
    assert market.indicators["MKT"].value == 10
    from rules.registry import load_rules
    assert all(market.indicator_of(code) for code in load_rules())


def test_a_profile_whose_indicators_miss_a_rule_is_refused(tmp_path):
    from auditor.core.errors import ConfigError
    path = tmp_path / "p.yaml"
    path.write_text("name: p\nextends: national\nindicators:\n  LNK: {name: 链接, value: 6, codes: [LNK001]}\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="LNK002"):
        load_profile(str(path))


def test_score_never_goes_below_zero():
    result = score([judged(30, points=5, code="A"), judged(30, points=5, code="B")], Profile(name="t"))
    assert result.total == 0


def test_every_deduction_is_listed_so_the_score_adds_up_by_hand():
    parts = [judged(2, points=5, code="COL002"), judged(3, points=1, cap=10, code="LNK001"),
             judged(0, code="ID002")]
    result = score(parts, Profile(name="t"))
    assert dict(result.deductions) == {"COL002": 10, "LNK001": 3}
    assert result.total == 100 - 13


def test_info_rules_report_but_deduct_nothing():
    assert score_rule(judged(4, kind="info", points=3)).points_lost == 0


def test_custom_grades_from_a_profile():
    prof = Profile(name="t", grades=[{"min": 95, "name": "A"}, {"min": 0, "name": "B"}])
    assert score([judged(1, points=6)], prof).grade == "B"
    assert score([judged(1, points=5, code="X")], prof).total == 95
    assert score([judged(1, points=5, code="X")], prof).grade == "A"


def test_dates_in_exception_expiry(tmp_path):
    from auditor.core.profile import RuleException
    e = RuleException(code="LNK", url="/old/", reason="r", expires=dt.date(2026, 1, 1))
    assert e.expired(dt.date(2026, 1, 2)) and not e.expired(dt.date(2026, 1, 1))
    assert e.matches("LNK001", "http://x/old/a.html") and not e.matches("COL001", "http://x/old/")


def test_a_once_only_rule_loses_its_points_once_however_many_findings():
    from rules.registry import load_rules
    id002 = load_rules()["ID002"]
    assert id002.cap == id002.points == 2 and not id002.each
    cfg = RuleConfig(rule=id002, kind="deduct", points=2, cap=id002.cap, veto_at=None, settings={})
    result = Result.from_findings([Finding(f"f{i}") for i in range(4)])
    assert score_rule(Judged(cfg, result)).points_lost == 2


def test_a_profile_raising_a_once_only_rule_raises_its_cap_with_it(tmp_path):
    from auditor.app.judge import configure
    from rules.registry import load_rules
    path = tmp_path / "p.yaml"
    path.write_text("name: p\nextends: national\nrules:\n  ID002: {points: 3}\n", encoding="utf-8")
    cfg = configure(load_rules()["ID002"], load_profile(str(path)), dt.date(2026, 11, 20), "department")
    assert cfg.points == 3 and cfg.cap == 3
