"""The rule registry: one map from code to rule, filled by the ``@rule`` decorator.

A rule is a pure function ``check(snapshot, settings) -> Result``. Its metadata (code, title,
family, kind, points, cap) is data next to it, and so are the settings its check reads
(``Setting``: type, source, default), helpers included; its documentation is its docstring under
fixed Chinese headings. A rule never fetches, prints or scores itself.
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Callable, Mapping

from auditor.core.results import (DOC_HEADINGS, FAMILIES, RUNTIME_SETTINGS, Finding, InForce, Kind, Result, Rule,
                                  Setting)

from rules.citations import CITATIONS

__all__ = ["DOC_HEADINGS", "FAMILIES", "Finding", "InForce", "Result", "Rule", "Setting", "REGISTRY", "rule", "load_rules",
           "select"]
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}\d{3}$")
PROFILE_DIR = Path(__file__).resolve().parent / "profiles"     # the shipped profiles (YAML)
FAMILY_MODULES = tuple(FAMILIES)       # one module per family, imported in the order reports show them


REGISTRY: dict[str, Rule] = {}


def rule(*, code: str, title: str, failure_title: str, family: str, kind: Kind,
         points: float = 0, cap: float | None = None, each: bool = False, veto_at: int | None = None,
         settings: Mapping[str, Setting] | None = None, in_force: InForce | None = None):
    """Register a rule. A ``deduct`` rule loses ``points`` once, however many findings it has,
    unless ``each`` is set (points per finding) — then ``cap`` bounds it, if given. ``settings``
    declares every setting the check reads (through its helpers too), by name."""
    if not CODE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if family not in FAMILIES:
        raise ValueError(f"{code}: unknown family {family!r}")
    for name, declared in (settings or {}).items():
        if not isinstance(declared, Setting):
            raise TypeError(f"{code}: setting {name!r} is not declared as a Setting")
        if name in RUNTIME_SETTINGS:
            raise ValueError(f"{code}: {name!r} is added by the judge at run time, not a profile setting")

    if kind == "deduct" and not each and cap is None:
        cap = points

    def register(check: Callable[..., Result]) -> Callable[..., Result]:
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(code=code, title=title, failure_title=failure_title, family=family,
                              kind=kind, points=points, cap=cap, each=each, veto_at=veto_at,
                              settings=dict(settings or {}), check=check, in_force=in_force,
                              citations=CITATIONS.get(code, ()))
        return check

    return register


def load_rules() -> dict[str, Rule]:
    """Import every family module and return the registry in the families' order (rules of one family
    in the order their module declares them), whatever module some other import loaded first."""
    for name in FAMILY_MODULES:
        importlib.import_module(f"rules.{name}")
    rank = {family: i for i, family in enumerate(FAMILIES)}
    ordered = sorted(REGISTRY.values(), key=lambda r: rank[r.family])     # stable: declaration order kept
    if list(REGISTRY) != [r.code for r in ordered]:
        REGISTRY.clear()
        REGISTRY.update((r.code, r) for r in ordered)
    return REGISTRY


def select(codes: list[str] | tuple[str, ...], select: list[str] | None,
           ignore: list[str] | None) -> list[str]:
    """ruff-style selection by code or prefix; ``ignore`` wins over ``select``."""
    def matches(code: str, patterns: list[str]) -> bool:
        return any(code.startswith(p) for p in patterns)
    chosen = [c for c in codes if not select or matches(c, select)]
    return [c for c in chosen if not ignore or not matches(c, ignore)]
