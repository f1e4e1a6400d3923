"""gkaudit rules: the rule catalogue as a table."""
from __future__ import annotations

from tabulate import tabulate

from rules.registry import FAMILIES, load_rules

KIND_WORDS = {"veto": "单项否决", "deduct": "扣分", "info": "提示", "warn": "警告"}


def add_arguments(p) -> None:
    p.add_argument("--select", help="只列出这些代码或前缀，逗号分隔（如 COL,ID002）")


def run(args) -> int:
    prefixes = [s.strip() for s in (args.select or "").split(",") if s.strip()]
    rows = []
    for code, r in load_rules().items():
        if prefixes and not any(code.startswith(p) for p in prefixes):
            continue
        points = f"{r.points:g}" + (f"（上限 {r.cap:g}）" if r.cap is not None else "")
        if r.veto_at:
            points += f"，{r.veto_at} 条以上否决"
        rows.append([code, FAMILIES[r.family], KIND_WORDS[r.kind], points if r.kind == "deduct" else "", r.title])
    print(tabulate(rows, headers=["代码", "类别", "类型", "扣分", "检查项"], tablefmt="simple"))
    return 0
