"""Run the profile's rules on a snapshot. A rule that raises gives ``error``, never a pass."""
from __future__ import annotations

import datetime as dt
import traceback
from rules.registry import load_rules, select

from auditor.core.profile import Profile
from auditor.core.results import Finding, Judged, Result, Rule, RuleConfig
from auditor.core.snapshot import SiteSnapshot
from auditor.core.workdays import WorkCalendar


def configure(rule: Rule, profile: Profile, as_of: dt.date, level: str,
              calendar: WorkCalendar | None = None, site_name: str | None = None) -> RuleConfig:
    """The rule as the profile sets it. Its settings: the declared defaults, then the profile's
    ``settings:`` block, the run's keys (``RUNTIME_SETTINGS``), then the profile's per-rule overrides."""
    override = profile.rules.get(rule.code)
    settings = {**rule.defaults(), **profile.settings, "as_of": as_of, "level": level, "site_name": site_name,
                "calendar": calendar or WorkCalendar.for_profile(profile.holidays_file)}
    if override is not None:
        settings.update(override.settings())
    points = override.points if override and override.points is not None else rule.points
    cap = override.cap if override and override.cap is not None else rule.cap
    if not rule.each and (override is None or override.cap is None) and rule.cap == rule.points:
        cap = points                   # a once-only deduction follows its points
    return RuleConfig(
        rule=rule,
        kind=(override.kind if override and override.kind else rule.kind),
        points=points,
        cap=cap,
        veto_at=(override.veto_at if override and override.veto_at is not None else rule.veto_at),
        settings=settings)


def selected_rules(profile: Profile) -> list[Rule]:
    registry = load_rules()
    return [registry[c] for c in select(list(registry), profile.select, profile.ignore)]


def run_rule(config: RuleConfig, snap: SiteSnapshot, debug: bool = False) -> Result:
    try:
        result = config.rule.check(snap, config.settings)
    except Exception as exc:  # a bug in one rule must not sink the audit or pass silently
        detail = traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"
        return Result.error(f"规则执行出错：{detail}")
    if not isinstance(result, Result):
        return Result.error("规则未返回结果")
    return result


def apply_exceptions(code: str, result: Result, profile: Profile, as_of: dt.date
                     ) -> tuple[Result, list[tuple[Finding, str]]]:
    """Drop findings an unexpired exception covers; keep them aside for the report."""
    active = [e for e in profile.exceptions if not e.expired(as_of)]
    if not active or not result.findings:
        return result, []
    kept, excepted = [], []
    for finding in result.findings:
        match = next((e for e in active if e.matches(code, finding.url)), None)
        if match:
            excepted.append((finding, match.reason))
        else:
            kept.append(finding)
    if not excepted:
        return result, []
    new = Result.from_findings(kept, message=result.message, **result.metrics)
    return new, excepted


def judge(snap: SiteSnapshot, profile: Profile, as_of: dt.date, level: str | None = None,
          debug: bool = False, calendar: WorkCalendar | None = None,
          site_name: str | None = None) -> list[Judged]:
    """Run every selected rule; one working-day calendar is shared by all of them."""
    level = level or profile.level
    calendar = calendar or WorkCalendar.for_profile(profile.holidays_file)
    unreachable = snap.unreachable_reason()
    judged = []
    for rule in selected_rules(profile):
        config = configure(rule, profile, as_of, level, calendar, site_name)
        if unreachable:                # nothing to judge: every rule says so, none passes or fails
            judged.append(Judged(config, Result.error(f"网站无法访问（{unreachable}），无法判断")))
            continue
        if rule.in_force is not None and as_of < rule.in_force.since:      # SPEC §7: the law at the as-of date
            judged.append(Judged(config, Result.na(
                f"尚未施行：{rule.in_force.source}自 {rule.in_force.since} 起施行，检查基准日 {as_of} 时不适用")))
            continue
        result = run_rule(config, snap, debug)
        result, excepted = apply_exceptions(rule.code, result, profile, as_of)
        judged.append(Judged(config, result, excepted))
    return judged
