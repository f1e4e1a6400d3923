"""gkaudit explain CODE: a rule's documentation, like ``ruff rule F401``."""
from __future__ import annotations

import json
from typing import Any

from rules.registry import FAMILIES, load_rules

from auditor.core.errors import ConfigError
from auditor.core.legal import SCOPE_NAMES, Citation
from auditor.core.results import Setting
from auditor.app.commands.rules_cmd import KIND_WORDS
from auditor.app.profiles import available_profiles, load_profile

SHOWN = 80        # characters of a profile's value shown


def add_arguments(p) -> None:
    p.add_argument("code", help="规则代码，如 COL001")


def run(args) -> int:
    registry = load_rules()
    code = args.code.strip().upper()
    if code not in registry:
        raise ConfigError(f"没有规则 {args.code}；用 gkaudit rules 查看全部规则")
    r = registry[code]
    lines = [f"# {r.code} {r.title}", "",
             f"类别：{FAMILIES[r.family]}　类型：{KIND_WORDS[r.kind]}"
             + (f"　每条扣 {r.points:g} 分" if r.kind == "deduct" else "")
             + (f"，上限 {r.cap:g} 分" if r.cap is not None else "")
             + (f"，{r.veto_at} 条及以上单项否决" if r.veto_at else ""),
             f"不合格时显示：{r.failure_title}", f"依据：{r.basis}"]
    if r.in_force is not None:
        lines.append(f"施行日期：{r.in_force.since}（{r.in_force.source}）；检查基准日早于此日时本规则不适用")
    lines += ["", r.doc, "", "## 依据"]
    lines += [citation_line(c) for c in r.citations]
    if r.settings:
        lines += ["", "## 可在配置方案中调整的参数"]
        for name, setting in r.settings.items():
            lines += [f"- {name}：{setting.description}",
                      f"  默认：{_default(name, setting)}",
                      f"  来源：{setting.sourced}"]
    print("\n".join(lines))
    return 0


def citation_line(c: Citation) -> str:
    """One cited article: text, article, quote, since when (and until when), whose rule, where to read it."""
    text = c.text
    period = f"{text.in_force} 起施行" + (f"，{text.repealed} 起不再适用" if text.repealed else "")
    return (f"- {text.full_name}{c.article}：“{c.quote}”（{SCOPE_NAMES[text.scope]}；{period}）\n"
            f"  核对文本：{c.checked}")


def _default(name: str, setting: Setting) -> str:
    """The declared default; else the value of the shipped profile that sets it (national first),
    not one that only inherits it."""
    if setting.has_default:
        return f"{_shown(setting.default)}（规则声明）"
    for name_ in sorted(available_profiles(), key=lambda n: n != "national"):
        profile = load_profile(name_)
        if name in profile.settings and not (profile.extends and name in load_profile(profile.extends).settings):
            return f"{_shown(profile.settings[name])}（配置方案 {name_}）"
    return "无（不设置）"


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"
