"""docs/legal-basis.md, written from the rules' own metadata: per rule its basis, since when it applies,
and every number it reads with that number's source and whether it is national or local.
``python tools/write_legal_basis.py`` rewrites it; a test fails when it is out of date."""
from __future__ import annotations

from rules.registry import FAMILIES, load_rules

HEADER = """# 检查规则的依据

本文件由 `python tools/write_legal_basis.py` 根据各规则自身的元数据生成，请勿手工修改。每条规则列出
依据、施行日期（检查基准日早于此日时该规则不适用），以及它读取的每个参数的来源和性质（全国规定、
地方做法、本项目约定等）。地方做法不作为全国规定适用；配置方案可按本地要求调整。

尚待补充（见 issue 16）：各依据条文的原文摘录和核对所用文本的地址。
"""


def render() -> str:
    lines = [HEADER]
    rules = load_rules()
    for family, family_name in FAMILIES.items():
        members = [r for r in rules.values() if r.family == family]
        if not members:
            continue
        lines += [f"## {family_name}", ""]
        for r in members:
            lines += [f"### {r.code} {r.title}", "", f"- 依据：{r.basis}"]
            if r.in_force is not None:
                lines.append(f"- 施行日期：{r.in_force.since}（{r.in_force.source}）")
            for name, setting in r.settings.items():
                lines.append(f"- 参数 `{name}`（{setting.description}）：{setting.sourced}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
