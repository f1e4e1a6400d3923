"""The rule registry: one map from code to rule, filled by the ``@rule`` decorator.

A rule is a pure function ``check(snapshot, settings) -> Result``. Its metadata (code, title,
family, kind, points, cap, legal basis) is data next to it; its documentation is its docstring
under fixed Chinese headings. A rule never fetches, prints or scores itself.
"""
from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

Kind = Literal["veto", "deduct", "info", "warn"]
Status = Literal["pass", "fail", "warn", "na", "error"]
DOC_HEADINGS = ("## 检查内容", "## 为什么", "## 如何整改", "## 依据")
# families in the order reports show them
FAMILIES: dict[str, str] = {
    "column": "政府信息公开专栏", "guide": "政府信息公开指南", "annual_report": "政府信息公开年报",
    "interpretation": "政策解读", "penalty": "行政处罚公开", "privacy": "个人信息保护",
    "accessibility": "无障碍与适老化", "identity": "网站标识", "freshness": "内容更新",
    "links": "链接可用性", "market": "市场监管专项",
}
FAMILY_MODULES = ("column", "guide", "annual_report", "interpretation", "penalty", "privacy", "identity",
                  "accessibility", "freshness", "links", "market")
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}\d{3}$")


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


REGISTRY: dict[str, Rule] = {}


def rule(*, code: str, title: str, failure_title: str, family: str, kind: Kind,
         points: float = 0, cap: float | None = None, each: bool = False, veto_at: int | None = None,
         basis: str, settings: dict[str, Any] | None = None):
    """Register a rule. A ``deduct`` rule loses ``points`` once, however many findings it has,
    unless ``each`` is set (points per finding) — then ``cap`` bounds it, if given."""
    if not CODE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if family not in FAMILIES:
        raise ValueError(f"{code}: unknown family {family!r}")

    if kind == "deduct" and not each and cap is None:
        cap = points

    def register(check: Callable[..., Result]) -> Callable[..., Result]:
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(code=code, title=title, failure_title=failure_title, family=family,
                              kind=kind, points=points, cap=cap, each=each, veto_at=veto_at, basis=basis,
                              settings=dict(settings or {}), check=check)
        return check

    return register


def load_rules() -> dict[str, Rule]:
    """Import every family module (fixed order) and return the registry."""
    for name in FAMILY_MODULES:
        importlib.import_module(f"rules.{name}")
    return REGISTRY


def select(codes: list[str] | tuple[str, ...], select: list[str] | None,
           ignore: list[str] | None) -> list[str]:
    """ruff-style selection by code or prefix; ``ignore`` wins over ``select``."""
    def matches(code: str, patterns: list[str]) -> bool:
        return any(code.startswith(p) for p in patterns)
    chosen = [c for c in codes if not select or matches(c, select)]
    return [c for c in chosen if not ignore or not matches(c, ignore)]
