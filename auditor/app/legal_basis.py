"""docs/legal-basis.md, written from the rules' own metadata: per rule each cited text with its article,
a short quote, whether it is national or local, since when (and until when) it applied, and the address
of the text the quote was checked against; since when the rule applies; every number it reads with
that number's source. ``python tools/write_legal_basis.py`` rewrites it; a test fails when it is out of date."""
from __future__ import annotations

from rules.citations import TEXTS
from rules.registry import FAMILIES, load_rules

from auditor.core.legal import SCOPE_NAMES, LegalText

HEADER = """# 检查规则的依据

本文件由 `python tools/write_legal_basis.py` 根据各规则自身的元数据（`rules/citations.yaml` 和规则声明）
生成，请勿手工修改。每条规则列出所引文件的条款、原文摘录、性质（全国规定、地方规定、推荐性国家标准、部委技术规范）、
适用期间和核对摘录所用文本的地址；规则的施行日期（检查基准日早于此日时该规则不适用）；以及它读取的
每个参数的来源和性质。报告按检查基准日引用当日有效的文件：基准日在 2019 年 5 月 15 日以前的，
引用 2007 年《政府信息公开条例》（国务院令第492号）的条款。地方规定不作为全国规定适用；配置方案
可按本地要求调整。
"""


def _period(text: LegalText) -> str:
    return f"{text.in_force} 起施行" + (f"，{text.repealed} 起不再适用" if text.repealed else "")


def _text_entry(text: LegalText) -> list[str]:
    lines = [f"- **{text.full_name}**（{text.issuer}；{SCOPE_NAMES[text.scope]}；{_period(text)}）"]
    if text.address:
        lines.append(f"  - 原文：<{text.address}>")
    if text.checked_at != text.address:
        lines.append(f"  - 摘录核对文本：<{text.checked_at}>")
    if text.note:
        lines.append(f"  - 说明：{text.note}")
    return lines


def render() -> str:
    lines = [HEADER]
    rules = load_rules()
    for family, family_name in FAMILIES.items():
        members = [r for r in rules.values() if r.family == family]
        if not members:
            continue
        lines += [f"## {family_name}", ""]
        for r in members:
            lines += [f"### {r.code} {r.title}", "", f"- 依据（现行）：{r.basis}"]
            if r.in_force is not None:
                lines.append(f"- 施行日期：{r.in_force.since}（{r.in_force.source}）")
            for c in r.citations:
                lines.append(f"- {c.text.full_name}{c.article}：“{c.quote}”"
                             f"（{SCOPE_NAMES[c.text.scope]}；{_period(c.text)}；[核对文本]({c.checked})）")
                if c.note:
                    lines.append(f"  - 说明：{c.note}")
            for name, setting in r.settings.items():
                lines.append(f"- 参数 `{name}`（{setting.description}）：{setting.sourced}")
            lines.append("")
    lines += ["## 所引文件", ""]
    for text in sorted(TEXTS.values(), key=lambda t: (t.in_force, t.key)):
        lines += _text_entry(text)
    return "\n".join(lines).rstrip() + "\n"
