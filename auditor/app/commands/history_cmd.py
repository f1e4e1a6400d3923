"""gkaudit history [URL]: a site's audits and probes over time, or every site's latest (SPEC §3, §9)."""
from __future__ import annotations

import datetime as dt
import json
import sys

from tabulate import tabulate

from auditor.app.audit import validate_url
from auditor.app.commands.common import parse_date
from auditor.app.commands.history_args import add_db_argument
from auditor.app.monitor.availability import availability_of
from auditor.app.monitor.store import Store
from auditor.app.monitor.trend import history_run, identities
from auditor.core.errors import ConfigError
from auditor.core.textsafe import terminal_safe


def add_arguments(p) -> None:
    p.add_argument("url", nargs="?", help="网站首页地址（不给则列出历史库中的全部网站）")
    add_db_argument(p)
    p.add_argument("--format", choices=("table", "json"), default="table", help="输出格式（默认 table）")
    p.add_argument("--as-of", type=parse_date, help="可用性统计截至哪一天（含当天，默认今天）")
    p.add_argument("--runs", type=int, default=20, help="列出最近多少次检查（默认 20）")


def _share(a: dict) -> str:
    return "无探测" if not a["probes"] else f"{a['probes'] - a['bad']}/{a['probes']}（失败或超时 {a['share']:.1%}）"


def site_history(store: Store, url: str, as_of: dt.date, limit: int) -> dict:
    rows = store.runs_of(url, limit=limit + 1)
    found = [identities(store.findings_of(row.id)) for row in rows]      # each run's findings, read once
    runs = []
    for i, row in enumerate(rows[:limit]):
        older = found[i + 1] if i + 1 < len(rows) else found[i]
        runs.append({**history_run(row).model_dump(), "fixed": len(older - found[i]), "new": len(found[i] - older),
                     "open": len(found[i])})
    site = store.site(url)
    return {"site": url if site is None else site.url, "name": site.name if site else None, "runs": runs,
            "availability": {str(d): availability_of(store, url, as_of, d) for d in (7, 30)}}


def all_sites(store: Store, as_of: dt.date) -> list[dict]:
    out = []
    for site in store.all_sites():
        latest = store.runs_of(site.url, limit=1)
        out.append({"site": site.url, "name": site.name,
                    "latest": history_run(latest[0]).model_dump() if latest else None,
                    "availability": {"7": availability_of(store, site.url, as_of, 7)}})
    return out


def run(args) -> int:
    as_of = (args.as_of or dt.date.today()) + dt.timedelta(days=1)    # windows end the day before: include the day
    if args.runs < 1:
        raise ConfigError("--runs 至少为 1")
    url = validate_url(args.url) if args.url else None
    with Store.open(args.db) as store:
        data = site_history(store, url, as_of, args.runs) if url else all_sites(store, as_of)
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.url:
        if not data["runs"] and not data["availability"]["30"]["probes"]:
            print(terminal_safe(f"历史库中没有 {url} 的记录"))
            return 0
        print(terminal_safe(f"{data['name'] or ''} {data['site']}"))
        rows = [[r["recorded_at"][:16].replace("T", " "), r["as_of"], "" if r["score"] is None else f"{r['score']:g}",
                 r["grade"], "、".join(r["vetoes"]), r["open"], r["fixed"], r["new"]] for r in data["runs"]]
        print(terminal_safe(tabulate(rows, headers=["检查时间", "基准日", "得分", "等级", "否决项", "问题数", "已整改", "新发现"])))
        print(terminal_safe(f"可用性：近 7 天 {_share(data['availability']['7'])}；近 30 天 {_share(data['availability']['30'])}"))
        return 0
    rows = [[s["name"] or "", s["site"], s["latest"]["as_of"] if s["latest"] else "",
             "" if not s["latest"] or s["latest"]["score"] is None else f"{s['latest']['score']:g}",
             s["latest"]["grade"] if s["latest"] else "未检查", _share(s["availability"]["7"])] for s in data]
    print(terminal_safe(tabulate(rows, headers=["网站", "网址", "最近检查", "得分", "等级", "近 7 天可用性"])
                        if rows else "历史库中还没有记录"))
    return 0
