"""Profiles as the commands load them: the shipped ones under ``rules/profiles/``, checked against the
rule catalogue (each registered code and the settings it declares, name -> ``Setting``: type, source,
default), and the holiday file a profile names read, so a bad one stops the run before the crawl
(it was read only when judging, after the whole crawl). Core's loader knows no rule; this is where
the two meet."""
from __future__ import annotations

from functools import lru_cache

from rules.registry import PROFILE_DIR, load_rules, select

from auditor.core.errors import ConfigError
from auditor.core.profile import Profile, ProfileSource
from auditor.core.profile import load_profile as _load
from auditor.core.workdays import load_holiday_file


@lru_cache(maxsize=1)
def source() -> ProfileSource:
    catalogue = {code: dict(rule.settings) for code, rule in load_rules().items()}
    return ProfileSource(shipped=PROFILE_DIR, catalogue=catalogue)


def load_profile(name_or_path: str) -> Profile:
    profile = _load(source(), name_or_path)
    if profile.indicators:                 # SPEC §5: every scored rule belongs to one indicator
        chosen = select(list(load_rules()), profile.select, profile.ignore)
        orphans = [code for code in chosen if profile.indicator_of(code) is None]
        if orphans:
            raise ConfigError(f"配置方案 {profile.name}：规则 {'、'.join(orphans)} 不属于任何一级指标（indicators）")
    if profile.holidays_file:
        load_holiday_file(profile.holidays_file)          # ConfigError (exit 2) before anything is crawled
    return profile


def available_profiles() -> list[str]:
    return source().available()
