"""The national inspection model (SPEC §5): veto items, capped deductions, grade.

The only place that turns findings into points.
"""
from __future__ import annotations

from dataclasses import dataclass

from auditor.core.results import Judged
from auditor.core.profile import Profile


@dataclass
class RuleScore:
    points_lost: float
    veto: bool


@dataclass
class Score:
    total: float | None                # None: the site could not be rated
    grade: str
    veto: list[str]
    deductions: list[tuple[str, float]]
    by_code: dict[str, RuleScore]


def score_rule(j: Judged) -> RuleScore:
    cfg, result = j.config, j.result
    failing = [f for f in result.findings if f.status == "fail"]
    if result.status != "fail" or not failing:
        return RuleScore(0.0, False)
    if cfg.kind == "veto":
        return RuleScore(0.0, True)
    if cfg.kind != "deduct":
        return RuleScore(0.0, False)
    lost = cfg.points * len(failing)
    if cfg.cap is not None:
        lost = min(lost, cfg.cap)
    veto = cfg.veto_at is not None and sum(f.counts_toward_veto for f in failing) >= cfg.veto_at
    return RuleScore(round(lost, 2), veto)


def score(judged: list[Judged], profile: Profile) -> Score:
    by_code = {j.config.rule.code: score_rule(j) for j in judged}
    deductions = [(code, s.points_lost) for code, s in by_code.items() if s.points_lost > 0]
    veto = [code for code, s in by_code.items() if s.veto]
    total = round(max(0.0, 100.0 - sum(points for _, points in deductions)), 2)
    return Score(total=total, grade=profile.grade_for(total, bool(veto)), veto=veto,
                 deductions=deductions, by_code=by_code)
