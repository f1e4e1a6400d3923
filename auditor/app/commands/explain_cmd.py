"""gkaudit explain CODE: a rule's documentation, like ``ruff rule F401``."""
from __future__ import annotations

from rules.registry import FAMILIES, load_rules

from auditor.core.errors import ConfigError
from auditor.app.commands.rules_cmd import KIND_WORDS


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
             f"不合格时显示：{r.failure_title}", f"依据：{r.basis}", "", r.doc]
    if r.settings:
        lines += ["", "## 可在配置方案中调整的参数"]
        lines += [f"- {k}: {v}" for k, v in r.settings.items()]
    print("\n".join(lines))
    return 0
