"""gkaudit probe: one round of availability probes into the history store (SPEC §3, §9)."""
from __future__ import annotations

import json
import os
import sys
import time

from tabulate import tabulate

from auditor.app.audit import validate_url
from auditor.app.batch.sites import read_sites
from auditor.app.commands.history_args import add_db_argument
from auditor.app.monitor.probe import CONCURRENCY, LAG_WARNING, Prober, Target
from auditor.app.monitor.store import Store
from auditor.core.errors import ConfigError
from auditor.core.probes import PROBE_LIMIT_S
from auditor.core.textsafe import terminal_safe

FLUSH_EVERY = 100          # results written to the store in transactions of this many (a killed round keeps them)


def add_arguments(p) -> None:
    p.add_argument("urls", nargs="*", metavar="URL", help="要探测的网站首页地址")
    p.add_argument("--sites", help="网站清单 CSV（与 batch 相同：name, url, …）")
    add_db_argument(p)
    p.add_argument("--limit", type=float, default=PROBE_LIMIT_S,
                   help=f"单次探测时限（秒，默认 {PROBE_LIMIT_S:g}：国办秘函〔2019〕19号“超过（含）15 秒网站仍打不开”）")
    p.add_argument("--allow-private", action="store_true", help="允许跳转到内网地址")
    p.add_argument("--concurrency", type=int, default=CONCURRENCY,
                   help=f"同时探测的网站数（默认 {CONCURRENCY}）；本机负载过高时调小或分批探测")
    p.add_argument("--format", choices=("table", "json"), default="table", help="输出格式（默认 table）")
    p.add_argument("--quiet", action="store_true", help="不显示进度和结果表")


def targets(args) -> list[Target]:
    found = [Target(validate_url(u)) for u in args.urls]
    if args.sites:
        sites, errors = read_sites(args.sites)
        for error in errors:
            print(terminal_safe(f"gkaudit: {args.sites} 第 {error.line} 行：{error.reason}"), file=sys.stderr)
        found += [Target(s.url, s.name) for s in sites]
    if not found:
        raise ConfigError("没有要探测的网站：请给出网址或 --sites 清单")
    unique = {t.url: t for t in found}
    return list(unique.values())


def run(args) -> int:
    if not PROBE_LIMIT_S <= args.limit <= 300:
        raise ConfigError(f"--limit 应在 {PROBE_LIMIT_S:g} 到 300 秒之间（19号以 {PROBE_LIMIT_S:g} 秒为界：更短的时限会把"
                          "尚能打开的网站记为打不开）")
    if args.concurrency < 1:
        raise ConfigError("--concurrency 至少为 1")
    todo = targets(args)
    store = Store.open(args.db)
    pending: list[dict] = []
    done = {"n": 0, "bad": 0}
    show = args.format == "table" and not args.quiet and not os.environ.get("CI") and sys.stderr.isatty()
    started = time.monotonic()

    def finished(result: dict) -> None:
        pending.append(result)
        done["n"] += 1
        done["bad"] += 0 if result["ok"] else 1
        if len(pending) >= FLUSH_EVERY:
            store.record_probes(pending)
            pending.clear()
        if show:
            rate = done["n"] / max(time.monotonic() - started, 1e-6)
            print(f"\r已探测 {done['n']}/{len(todo)}，失败 {done['bad']}，{rate:.0f} 个/秒", end="", file=sys.stderr)

    prober = Prober(limit=args.limit, allow_private=args.allow_private, concurrency=args.concurrency)
    try:
        results = prober.run(todo, finished)
    finally:
        store.record_probes(pending)
        store.close()
        if show:
            print(file=sys.stderr)
    if prober.max_lag > LAG_WARNING:
        print(terminal_safe(f"gkaudit: 警告：探测期间本机负载过高（计时最多延迟 {prober.max_lag:.1f} 秒），"
                            "用时和超时可能偏长；请用 --concurrency 调小并发或把网站分批探测"), file=sys.stderr)
    results.sort(key=lambda r: r["url"])
    if args.format == "json":
        json.dump([{**r, "at": r["at"].isoformat(timespec="seconds"), "newest": r["newest"] and r["newest"].isoformat()}
                   for r in results], sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not args.quiet:
        rows = [[r["name"] or "", r["url"], r["status"] or "", f"{r['seconds']:.2f}", "正常" if r["ok"] else r["error"],
                 r["newest"] or ""] for r in results]
        print(terminal_safe(tabulate(rows, headers=["网站", "网址", "状态码", "用时(秒)", "结果", "首页最新信息"])))
        print(terminal_safe(f"共探测 {len(results)} 个网站，{sum(not r['ok'] for r in results)} 个无法访问，"
                            f"{sum(r['ok'] and r['seconds'] >= PROBE_LIMIT_S for r in results)} 个超过 {PROBE_LIMIT_S:g} 秒"))
    return 1 if any(not r["ok"] for r in results) else 0
