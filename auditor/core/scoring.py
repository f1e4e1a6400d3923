"""The national inspection model (SPEC §5, 国办秘函〔2019〕19号): veto items, indicators with capped
deductions, the score scaled to 100 over the indicators that apply, grade.

The only place that turns findings into points.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from auditor.core.results import Judged
from auditor.core.profile import Profile


@dataclass
class RuleScore:
    points_lost: float
    veto: bool


@dataclass
class IndicatorScore:
    code: str                          # the profile's key (COL, GDE …)
    name: str                          # 一级指标 in Chinese
    value: float
    lost: float                        # the members' deductions, never more than the value
    applies: bool                      # False when every member rule is na (or none was run)


@dataclass
class Score:
    total: float | None                # None: the site could not be rated
    grade: str
    veto: list[str]
    deductions: list[tuple[str, float]]
    by_code: dict[str, RuleScore]
    indicators: list[IndicatorScore] = field(default_factory=list)
    reference: bool = False            # a veto: the points are a reference, not the site's score


WHOLE = "总分"                          # the one indicator of a profile that defines none


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


def score_indicators(judged: list[Judged], by_code: dict[str, RuleScore], profile: Profile
                     ) -> list[IndicatorScore]:
    """Each indicator's deductions, capped at its value (19号: 单项指标扣分之和不超过本项指标总分值),
    and whether it applies (SPEC §5.3: not when all its rules are na for this agency)."""
    if not profile.indicators:
        members = {WHOLE: judged}
        defined = {WHOLE: (WHOLE, 100.0)}
    else:
        members = {key: [] for key in profile.indicators}
        defined = {key: (ind.name, ind.value) for key, ind in profile.indicators.items()}
        for j in judged:
            key = profile.indicator_of(j.config.rule.code)
            if key is None:
                raise ValueError(f"rule {j.config.rule.code} belongs to no indicator of profile {profile.name}")
            members[key].append(j)
    out = []
    for key, (name, value) in defined.items():
        lost = sum(by_code[j.config.rule.code].points_lost for j in members[key])
        applies = any(j.result.status != "na" for j in members[key])
        out.append(IndicatorScore(code=key, name=name, value=value, lost=round(min(lost, value), 2),
                                  applies=applies))
    return out


def score(judged: list[Judged], profile: Profile) -> Score:
    by_code = {j.config.rule.code: score_rule(j) for j in judged}
    deductions = [(code, s.points_lost) for code, s in by_code.items() if s.points_lost > 0]
    veto = [code for code, s in by_code.items() if s.veto]
    indicators = score_indicators(judged, by_code, profile)
    applying = [i for i in indicators if i.applies]
    value = sum(i.value for i in applying)
    # SPEC §5.3: 100 × (values − deductions) / values over the indicators that apply — 19号's
    # "75 × 4/3" for a department without 办事服务, generalised
    total = round(100.0 * (value - sum(i.lost for i in applying)) / value, 2) if value else 100.0
    return Score(total=total, grade=profile.grade_for(total, bool(veto)), veto=veto, deductions=deductions,
                 by_code=by_code, indicators=indicators, reference=bool(veto))
