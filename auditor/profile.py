"""Profiles (SPEC §6): YAML under rules/profiles/, ``extends:`` chains, selection, rule overrides.

Policy lives here as data: thresholds, points, caps, column names and synonyms, exceptions.
"""
from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

Level = Literal["department", "government"]


class Grade(BaseModel):
    min: float
    name: str


class RuleException(BaseModel):
    """A finding the office has accepted: code + URL pattern + reason, until it expires."""
    code: str
    url: str = ".*"            # regular expression on the finding's URL
    reason: str
    expires: dt.date | None = None

    def matches(self, code: str, url: str | None) -> bool:
        return code.startswith(self.code) and re.search(self.url, url or "") is not None

    def expired(self, as_of: dt.date) -> bool:
        return self.expires is not None and self.expires < as_of


class RuleOverride(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: Literal["veto", "deduct", "info", "warn"] | None = None
    points: float | None = None
    cap: float | None = None
    veto_at: int | None = None

    def settings(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


DEFAULT_GRADES = [Grade(min=90, name="优秀"), Grade(min=80, name="良好"), Grade(min=60, name="合格"),
                  Grade(min=0, name="不合格")]


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    title: str = ""
    extends: str | None = None
    level: Level = "department"
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    grades: list[Grade] = Field(default_factory=lambda: list(DEFAULT_GRADES))
    allowed_hosts: list[str] = Field(default_factory=list)
    holidays_file: str | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    exceptions: list[RuleException] = Field(default_factory=list)

    def grade_for(self, score: float, vetoed: bool) -> str:
        fail_name = min(self.grades, key=lambda g: g.min).name
        if vetoed:
            return fail_name
        for grade in sorted(self.grades, key=lambda g: g.min, reverse=True):
            if score >= grade.min:
                return grade.name
        return fail_name


def profile_dir() -> Path:
    return Path(str(resources.files("rules").joinpath("profiles")))


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profile_dir().glob("*.yaml"))


def _locate(name_or_path: str, near: Path | None) -> Path:
    """A YAML path as given; else ``NAME.yaml`` beside the extending file; else a shipped profile."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return path
    if near is not None and (near / f"{name_or_path}.yaml").exists():
        return near / f"{name_or_path}.yaml"
    return profile_dir() / f"{name_or_path}.yaml"


def _read(name_or_path: str, near: Path | None = None) -> tuple[dict, Path]:
    path = _locate(name_or_path, near)
    if not path.exists():
        raise ConfigError(f"未知的配置方案（profile）：{name_or_path}；可选：{', '.join(available_profiles())}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"配置方案 {path} 不是合法的 YAML：{exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"配置方案 {path} 应为键值映射")
    data.setdefault("name", path.stem)
    return data, path


def _merge(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        if key in ("settings", "rules") and isinstance(value, dict):
            base = dict(parent.get(key) or {})
            for k, v in value.items():
                base[k] = {**base[k], **v} if isinstance(v, dict) and isinstance(base.get(k), dict) else v
            merged[key] = base
        elif key in ("exceptions", "allowed_hosts"):
            merged[key] = list(parent.get(key) or []) + list(value or [])
        else:
            merged[key] = value
    return merged


def load_profile(name_or_path: str, _seen: tuple[str, ...] = (), _near: Path | None = None) -> Profile:
    data, path = _read(name_or_path, _near)
    if data.get("holidays_file") and not Path(data["holidays_file"]).is_absolute():
        data["holidays_file"] = str(path.parent / data["holidays_file"])   # relative to the profile
    if data["name"] in _seen:
        raise ConfigError(f"配置方案继承出现循环：{' -> '.join(_seen + (data['name'],))}")
    parent_name = data.get("extends")
    if parent_name:
        parent = load_profile(parent_name, _seen + (data["name"],), path.parent).model_dump(exclude_none=False)
        parent.pop("extends", None)
        data = _merge(parent, data)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"配置方案 {path} 有误：{exc.errors()[0]['loc']} {exc.errors()[0]['msg']}") from exc
