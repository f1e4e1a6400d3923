"""Profiles (SPEC §6): YAML files, ``extends:`` chains, selection, rule overrides.

Policy lives here as data: thresholds, points, caps, column names and synonyms, exceptions. This
module knows no rule: the caller hands it the folder of shipped profiles and the rule catalogue (each
code with the settings it declares: name -> ``Setting``) that a profile is checked against
(``auditor.app.profiles``). A setting no rule declares, or a value not of its declared type, is an
error naming the file and line, in ``settings:`` and in per-rule overrides alike.
"""
from __future__ import annotations

import copy

import datetime as dt
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor.core.errors import ConfigError
from auditor.core.results import Kind, Level, Setting


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
    kind: Kind | None = None
    points: float | None = None
    cap: float | None = None
    veto_at: int | None = None

    def settings(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


# 国办秘函〔2019〕19号 has two grades only: 合格 (60 or more, no veto) and 不合格. A profile may add a
# scale (优秀 90, 良好 80 …) as provincial and municipal 考评 schemes do.
DEFAULT_GRADES = [Grade(min=60, name="合格"), Grade(min=0, name="不合格")]


class Indicator(BaseModel):
    """一级指标 (SPEC §5): a name, a value, and the rule codes (or code prefixes) it holds; deductions
    within it never exceed its value."""
    model_config = ConfigDict(extra="forbid")
    name: str
    value: float = Field(gt=0)
    codes: list[str] = Field(default_factory=list)      # default: the indicator's own key as a prefix


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    title: str = ""
    extends: str | None = None
    level: Level = "department"
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    grades: list[Grade] = Field(default_factory=lambda: list(DEFAULT_GRADES))
    indicators: dict[str, Indicator] = Field(default_factory=dict)
    allowed_hosts: list[str] = Field(default_factory=list)
    holidays_file: str | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    exceptions: list[RuleException] = Field(default_factory=list)

    def indicator_of(self, code: str) -> str | None:
        """The key of the indicator a rule code belongs to: the longest code or prefix that names it."""
        best, length = None, -1
        for key, ind in self.indicators.items():
            for prefix in ind.codes or [key]:
                if code.startswith(prefix) and len(prefix) > length:
                    best, length = key, len(prefix)
        return best

    def grade_for(self, score: float, vetoed: bool) -> str:
        fail_name = min(self.grades, key=lambda g: g.min).name
        if vetoed:
            return fail_name
        for grade in sorted(self.grades, key=lambda g: g.min, reverse=True):
            if score >= grade.min:
                return grade.name
        return fail_name


MAX_CONFIG_BYTES = 1024 * 1024         # a profile or a holiday file: a few KB in practice


def read_config_file(path: str | Path, what: str, max_bytes: int = MAX_CONFIG_BYTES) -> bytes:
    """The bytes of a file the user names (a profile, its holiday file, a site list): a regular file
    of at most ``max_bytes``, else a ConfigError naming it. ``/dev/zero``, a FIFO or any endless
    stream is refused before a byte is read (read whole, it grew until MemoryError)."""
    path = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would wait for a writer; a regular file ignores it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ConfigError(f"无法读取{what} {path}：{exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{what} {path} 不是普通文件（设备、管道或目录），未读取")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes or info.st_size > max_bytes:
        raise ConfigError(f"{what} {path} 超过 {max_bytes // 1024} KB，未读取")
    return data


def config_text(path: str | Path, what: str, max_bytes: int = MAX_CONFIG_BYTES) -> str:
    """``read_config_file`` as UTF-8 text."""
    try:
        return read_config_file(path, what, max_bytes).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what} {path} 不是 UTF-8 文本（第 {exc.start} 字节）") from None


Catalogue = Mapping[str, Mapping[str, Setting]]      # rule code -> the settings the rule declares, by name


@dataclass(frozen=True)
class ProfileSource:
    """Where profiles come from and what they are checked against."""
    shipped: Path                        # the folder of shipped profiles (NAME.yaml)
    catalogue: Catalogue | None = None   # None: rule codes and settings are not checked

    def available(self) -> list[str]:
        return sorted(p.stem for p in self.shipped.glob("*.yaml"))

    def locate(self, name_or_path: str, near: Path | None) -> Path:
        """A YAML path as given; else ``NAME.yaml`` beside the extending file; else a shipped profile."""
        path = Path(name_or_path)
        if path.suffix in (".yaml", ".yml") and path.exists():
            return path
        if near is not None and (near / f"{name_or_path}.yaml").exists():
            return near / f"{name_or_path}.yaml"
        return self.shipped / f"{name_or_path}.yaml"


_READ: dict[tuple, dict] = {}     # (path, mtime, size) -> checked data: a batch loads one profile per site


def _read(source: ProfileSource, name_or_path: str, near: Path | None = None) -> tuple[dict, Path]:
    path = source.locate(name_or_path, near)
    if not path.exists():
        raise ConfigError(f"未知的配置方案（profile）：{name_or_path}；可选：{', '.join(source.available())}")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, id(source.catalogue))
    if key not in _READ:
        _READ[key] = _parse(path, source)
    return copy.deepcopy(_READ[key]), path


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)     # libyaml when present: ~10x faster


def _parse(path: Path, source: ProfileSource) -> dict:
    text = config_text(path, "配置方案")
    try:
        data = yaml.load(text, Loader=_LOADER) or {}
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(f"配置方案 {path} 不是合法的 YAML：{exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"配置方案 {path} 应为键值映射")
    if source.catalogue is not None:
        _check_codes(data, path, node, source.catalogue)
        _check_settings(data, path, node, source.catalogue)
    data.setdefault("name", path.stem)
    return data


def _line(node, *keys) -> int | None:
    """The 1-based line of the value at ``keys`` in a composed YAML node (a key's line for a dict key)."""
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if found is None:
                return node.start_mark.line + 1
            key_node, node = found
            if key is keys[-1]:
                return key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None


def _where(path: Path, node, *keys) -> str:
    line = _line(node, *keys) if node is not None else None
    return f"{path}:{line}" if line else str(path)


def _check_codes(data: dict, path: Path, node, registry: Catalogue) -> None:
    """Rule codes must exist: a typo is an error naming the file and line."""
    for key in ("select", "ignore"):
        for i, prefix in enumerate(data.get(key) or []):
            if not any(code.startswith(str(prefix)) for code in registry):
                raise ConfigError(f"{_where(path, node, key, i)}: {key} 中的“{prefix}”不是任何规则的代码或前缀")
    for code in (data.get("rules") or {}):
        if code not in registry:
            raise ConfigError(f"{_where(path, node, 'rules', code)}: 未知的规则代码 {code}")
    for i, exc in enumerate(data.get("exceptions") or []):
        code = (exc or {}).get("code", "") if isinstance(exc, dict) else ""
        if not any(c.startswith(str(code)) for c in registry) or not code:
            raise ConfigError(f"{_where(path, node, 'exceptions', i)}: 例外中的规则代码“{code}”不存在")


_OVERRIDE_KEYS = ("kind", "points", "cap", "veto_at")


def _check_settings(data: dict, path: Path, node, registry: Catalogue) -> None:
    """Every setting is one a rule declares, with a value of its declared type: in ``settings:``
    (any rule's) and in a per-rule override (that rule's)."""
    declared: dict[str, list[tuple[str, Setting]]] = {}
    for code, settings in registry.items():
        for name, setting in settings.items():
            declared.setdefault(name, []).append((code, setting))
    block = data.get("settings")
    for key, value in (block.items() if isinstance(block, dict) else ()):
        if key not in declared:
            raise ConfigError(f"{_where(path, node, 'settings', key)}: 未知的参数“{key}”：没有规则声明它"
                              f"（用 gkaudit explain 规则代码 查看各规则的参数）")
        for setting in {id(s): s for _, s in declared[key]}.values():
            _check_value(setting, value, path, node, ("settings", key))
    rules = data.get("rules")
    for code, override in (rules.items() if isinstance(rules, dict) else ()):
        for key, value in (override.items() if isinstance(override, dict) else ()):
            if key in _OVERRIDE_KEYS:
                continue
            if key not in registry[code]:
                owners = "、".join(c for c, _ in declared.get(key, []))
                raise ConfigError(f"{_where(path, node, 'rules', code, key)}: 规则 {code} 没有参数“{key}”"
                                  + (f"（声明它的规则：{owners}）" if owners else ""))
            _check_value(registry[code][key], value, path, node, ("rules", code, key))


def _check_value(setting: Setting, value: Any, path: Path, node, keys: tuple) -> None:
    try:
        setting.validate(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(k for k in error["loc"] if isinstance(k, int) or not str(k).startswith(("[", "function-")))
        inside = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in loc)
        got = error.get("input")
        shown = f"（现为 {got}，{type(got).__name__}）" if isinstance(got, (str, int, float, dt.date)) else ""
        raise ConfigError(f"{_where(path, node, *keys, *loc)}: 参数“{keys[-1]}{inside}”的值不合要求："
                          f"{error['msg']}{shown}") from exc


def _merge(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        if key in ("settings", "rules", "indicators") and isinstance(value, dict):
            base = dict(parent.get(key) or {})
            for k, v in value.items():
                base[k] = {**base[k], **v} if isinstance(v, dict) and isinstance(base.get(k), dict) else v
            merged[key] = base
        elif key in ("exceptions", "allowed_hosts"):
            merged[key] = list(parent.get(key) or []) + list(value or [])
        else:
            merged[key] = value
    return merged


def load_profile(source: ProfileSource, name_or_path: str, _seen: tuple[str, ...] = (),
                 _near: Path | None = None) -> Profile:
    data, path = _read(source, name_or_path, _near)
    if data.get("holidays_file") and not Path(data["holidays_file"]).is_absolute():
        data["holidays_file"] = str(path.parent / data["holidays_file"])   # relative to the profile
    if data["name"] in _seen:
        raise ConfigError(f"配置方案继承出现循环：{' -> '.join(_seen + (data['name'],))}")
    parent_name = data.get("extends")
    if parent_name:
        parent = load_profile(source, parent_name, _seen + (data["name"],), path.parent).model_dump(exclude_none=False)
        parent.pop("extends", None)
        data = _merge(parent, data)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [k for k in error["loc"] if not (isinstance(k, str) and k in ("function-after",))]
        node = yaml.compose(config_text(path, "配置方案"))
        raise ConfigError(f"{_where(path, node, *loc)}: 配置方案有误：{'.'.join(map(str, loc))} — {error['msg']}") from exc
