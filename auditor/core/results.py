"""What a rule is and what it returns: the types the registry, the judge, scoring and the report share.

Rules (``rules/``) fill a registry of ``Rule`` objects, each declaring the settings its check reads
(``Setting``); the profile loader (``auditor.core.profile``) checks profile values against those
declarations; the judge (``auditor.app.judge``) configures each rule from the profile (``RuleConfig``)
and keeps its ``Result`` (``Judged``); scoring and the report model read those. The rule families are
listed here once, in the order reports show them, with the Chinese names reports use.
"""
from __future__ import annotations

import datetime as dt
import inspect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Callable, Literal

from pydantic import AfterValidator, ConfigDict, Field, TypeAdapter
from typing_extensions import TypedDict

from auditor.core.legal import Citation, basis_line, in_force_on

Kind = Literal["veto", "deduct", "info", "warn"]
Status = Literal["pass", "fail", "warn", "na", "error"]
Level = Literal["department", "government"]          # 部门 or 人民政府
FindingStatus = Literal["fail", "warn"]               # a finding fails, or is for a person to confirm
# A rule's docstring: what it checks, why, how to fix. Its basis is data (rules/citations.yaml), not prose.
DOC_HEADINGS = ("## 检查内容", "## 为什么", "## 如何整改")
# The rule families, listed once: the order rules are registered and reports show them, and their
# Chinese names. Each family is one module of rules/ (rules.registry imports them in this order).
FAMILIES: dict[str, str] = {
    "column": "政府信息公开专栏", "catalogue": "公开目录与规范性文件", "guide": "政府信息公开指南", "annual_report": "政府信息公开年报",
    "interpretation": "政策解读", "penalty": "行政处罚公开", "privacy": "个人信息保护",
    "identity": "网站标识", "accessibility": "无障碍与适老化", "freshness": "内容更新",
    "links": "链接可用性", "availability": "站点可访问性", "interaction": "互动回应", "errors": "严重错误", "market": "市场监管专项",
}


# Keys the judge adds to every rule's settings at run time: no profile sets them, no rule declares them.
RUNTIME_SETTINGS = ("as_of", "level", "site_name", "calendar")


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


SCOPE_PREFIXES = (("地方做法", "local"), ("本项目约定", "project"), ("配置方案", "agency"),
                  ("市场监管部门政务公开工作要点", "sector"))
SCOPE_WORDS = {"national": "全国规定", "local": "地方做法，不是全国规定", "project": "本项目约定",
               "mixed": "部分为全国规定，部分为地方做法或本项目约定，见来源说明",
               "agency": "由本机关在配置方案中给出", "sector": "市场监管系统工作要点"}


@dataclass(frozen=True, kw_only=True, eq=False)
class Setting:
    """A value a rule's check reads from its settings, declared with the rule (``@rule(settings=...)``).

    ``type`` is a type expression (Python or pydantic) a profile's value must have, checked strictly:
    ``"7"`` is no number and an unquoted YAML date is no text. ``source`` names where the value comes
    from: the legal or local document (“国办发〔2018〕118号”), or “本项目约定” for a convention of
    this tool. ``default`` is the value when no profile sets it; ``NO_DEFAULT`` where the profiles
    carry the value (national.yaml is then its one source). A setting several rules read is one
    ``Setting`` object, declared in the module that reads it and included in each rule's declaration.
    """
    type: Any
    source: str
    description: str
    default: Any = NO_DEFAULT

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT

    @property
    def scope(self) -> str:
        """Whose rule the value is, read from how its source begins: a national text, a local practice
        (地方做法), the market-regulation work points, the agency's own profile, or this tool's convention.
        Never present a local rule as national: a test holds every source to one of these forms."""
        for prefix, scope in SCOPE_PREFIXES:
            if self.source.startswith(prefix):
                return scope
        if any(prefix in self.source for prefix, scope in SCOPE_PREFIXES if scope in ("local", "project")):
            return "mixed"          # a national text for part of the value, a local or own rule for the rest
        return "national"

    @property
    def sourced(self) -> str:
        """The source as reports print it, with whose rule it is where the source does not say so."""
        said = self.scope in ("project", "agency", "sector")     # the source begins with those words
        return self.source if said else f"{self.source}（{SCOPE_WORDS[self.scope]}）"

    def validate(self, value: Any) -> None:
        """Raise ``pydantic.ValidationError`` unless ``value`` has the declared type."""
        self._adapter.validate_python(value, strict=True)

    @cached_property
    def _adapter(self) -> TypeAdapter:
        return TypeAdapter(self.type)


class Record(TypedDict):
    """The shape of one structured item of a setting (a column window, a duty): subclass it, with
    ``typing_extensions.NotRequired`` for optional keys. A key it does not list is refused."""
    __pydantic_config__ = ConfigDict(extra="forbid")     # type: ignore[misc]


def _regex(text: str) -> str:
    try:
        re.compile(text)
    except re.error as exc:
        raise ValueError(f"不是合法的正则表达式：{exc}") from exc
    return text


def _iso_date(text: str) -> str:
    dt.date.fromisoformat(text)                 # ValueError names the problem
    return text


def _month_day(text: str) -> str:
    if not re.fullmatch(r"\d\d-\d\d", text):
        raise ValueError("应为“月-日”，如 01-31")
    dt.date(2000, *map(int, text.split("-")))    # a leap year: 02-29 is a day
    return text


# Value types settings share (type expressions for ``Setting.type``).
Share = Annotated[float, Field(ge=0, le=1)]                  # a proportion of pages, 0 to 1
Count = Annotated[int, Field(ge=0)]                          # days, working days, years, pages
Regex = Annotated[str, AfterValidator(_regex)]               # a regular expression
IsoDate = Annotated[str, AfterValidator(_iso_date)]          # "2019-05-15" (quoted in YAML)
MonthDay = Annotated[str, AfterValidator(_month_day)]        # "01-31"


@dataclass
class Finding:
    message: str
    url: str | None = None
    excerpt: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    status: FindingStatus = "fail"
    counts_toward_veto: bool = True      # for veto_at: UPD002 counts only news and notice columns


@dataclass
class Result:
    status: Status
    findings: list[Finding] = field(default_factory=list)
    message: str = ""
    metrics: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def na(cls, message: str, **metrics) -> "Result":
        return cls("na", message=message, metrics=metrics)

    @classmethod
    def error(cls, message: str, **metrics) -> "Result":
        return cls("error", message=message, metrics=metrics)

    @classmethod
    def from_findings(cls, findings: list[Finding], message: str = "", **metrics) -> "Result":
        """fail if any finding fails, warn if all only warn, pass if there are none."""
        if any(f.status == "fail" for f in findings):
            status: Status = "fail"
        elif findings:
            status = "warn"
        else:
            status = "pass"
        return cls(status, findings=findings, message=message, metrics=metrics)


@dataclass(frozen=True)
class InForce:
    """SPEC §7: the day a rule's requirement took effect, and the text that put it in force. Judged at
    an earlier as-of date, the rule is na (尚未施行)."""
    since: dt.date
    source: str


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    failure_title: str
    family: str
    kind: Kind
    points: float
    cap: float | None
    each: bool
    veto_at: int | None
    settings: dict[str, Setting]          # what its check reads, by name
    check: Callable[..., Result]
    in_force: InForce | None = None       # None: in force for any as-of date this tool judges
    citations: tuple[Citation, ...] = ()  # its legal basis: articles of texts, with quotes

    @property
    def basis(self) -> str:
        """The basis under the law today (texts not repealed)."""
        return basis_line(in_force_on(self.citations, None))

    def basis_at(self, day: dt.date) -> str:
        """The basis under the texts in force on ``day`` (a 2018 recheck cites the 2008 条例)."""
        return basis_line(in_force_on(self.citations, day))

    def defaults(self) -> dict[str, Any]:
        """The declared defaults: the settings its check gets where no profile sets them."""
        return {name: s.default for name, s in self.settings.items() if s.has_default}

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def doc_section(self, heading: str) -> str:
        """The text under one ``## heading`` of the docs."""
        text = self.doc
        start = text.find(heading)
        if start < 0:
            return ""
        start += len(heading)
        end = text.find("\n## ", start)
        return text[start:end if end >= 0 else None].strip()


@dataclass
class RuleConfig:
    """A rule as the profile sets it: kind, points, cap, veto_at and settings."""
    rule: Rule
    kind: str
    points: float
    cap: float | None
    veto_at: int | None
    settings: dict[str, Any]


@dataclass
class Judged:
    config: RuleConfig
    result: Result
    excepted: list[tuple[Finding, str]] = field(default_factory=list)
