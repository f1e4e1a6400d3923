"""What a rule is and what it returns: the types the registry, the judge, scoring and the report share.

Rules (``rules/``) fill a registry of ``Rule`` objects; the judge (``auditor.app.judge``) configures
each one from the profile (``RuleConfig``) and keeps its ``Result`` (``Judged``); scoring and the report
model read those. The rule families are listed here once, in the order reports show them, with the
Chinese names reports use.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

Kind = Literal["veto", "deduct", "info", "warn"]
Status = Literal["pass", "fail", "warn", "na", "error"]
DOC_HEADINGS = ("## 检查内容", "## 为什么", "## 如何整改", "## 依据")
# The rule families, listed once: the order rules are registered and reports show them, and their
# Chinese names. Each family is one module of rules/ (rules.registry imports them in this order).
FAMILIES: dict[str, str] = {
    "column": "政府信息公开专栏", "guide": "政府信息公开指南", "annual_report": "政府信息公开年报",
    "interpretation": "政策解读", "penalty": "行政处罚公开", "privacy": "个人信息保护",
    "identity": "网站标识", "accessibility": "无障碍与适老化", "freshness": "内容更新",
    "links": "链接可用性", "market": "市场监管专项",
}


@dataclass
class Finding:
    message: str
    url: str | None = None
    excerpt: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    status: Literal["fail", "warn"] = "fail"
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
    basis: str
    settings: dict[str, Any]
    check: Callable[..., Result]

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
