"""gkaudit audit URL: crawl one site, judge it, write the run directory, print a summary."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditor.app.audit import AuditOptions, audit_site, unfinished_run_dir
from auditor.app.commands.common import add_judging_arguments, emit, exit_code, formats_of, progress_wanted
from auditor.app.commands.history_args import add_history_arguments, history_options
from auditor.app.crawl import CrawlOptions
from auditor.core.errors import ConfigError
from auditor.core.report import is_unreachable


def add_arguments(p) -> None:
    p.add_argument("url", help="要检查的网站首页地址")
    add_judging_arguments(p)
    add_crawl_arguments(p)
    add_history_arguments(p)
    p.add_argument("--name", help="网站名称（写入报告）")
    p.add_argument("--baseline", type=Path, help="上次检查的 report.json 或运行目录：报告中记录已整改、仍存在、新发现")
    p.add_argument("--fail-on-new", action="store_true",
                   help="与 --baseline 一起用：只有新发现的问题才使退出码为 1，原有问题不影响")
    p.add_argument("--level", choices=("department", "government"), help="机关层级：部门或政府")
    p.add_argument("--resume", action="store_true",
                   help="继续上次中断（如被强行终止）的抓取：已抓到的页面不再抓取；与 --out 同用，"
                        "不给 --out 时取该网站最近一次未完成的运行目录")


def add_crawl_arguments(p) -> None:
    p.add_argument("--out", type=Path, help="运行目录（默认 ./gkaudit-runs/<主机>/<时间>/）")
    p.add_argument("--max-pages", type=int, default=2000, help="最多抓取的页面数（默认 2000）")
    p.add_argument("--max-depth", type=int, default=8, help="最大链接深度（默认 8）")
    p.add_argument("--ignore-robots", action="store_true", help="不遵守 robots.txt（仅限有检查权限的单位）")
    p.add_argument("--allow-host", action="append", default=[], metavar="HOST[:PORT]",
                   help="允许抓取的其他主机（可多次使用；.example.gov.cn 表示含子域名；起始主机的其他端口须写成 主机:端口）")
    p.add_argument("--timeout", type=float, default=20.0, help="单个请求超时秒数（默认 20）")
    p.add_argument("--concurrency", type=int, default=4, help="每个主机的并发连接数（默认 4）")
    p.add_argument("--delay", type=float, default=0.0, help="同一主机两次请求的最小间隔秒数")
    p.add_argument("--render", action="store_true",
                   help="列表由脚本生成、其他办法读不出的页面，用无头 Chromium 浏览器打开后再读取（会运行该页面的脚本，"
                        "只允许访问被检查网站本身）")
    p.add_argument("--allow-private", action="store_true",
                   help="允许跳转或站外链接检查访问内网、本机地址（起始网址所在主机总是允许的）")


def crawl_options(args, progress: bool) -> CrawlOptions:
    if args.max_pages < 1 or args.max_depth < 0 or args.timeout <= 0 or args.concurrency < 1:
        raise ConfigError("--max-pages、--concurrency 须为正整数，--timeout 须大于 0")
    return CrawlOptions(max_pages=args.max_pages, max_depth=args.max_depth,
                        obey_robots=not args.ignore_robots, allowed_hosts=list(args.allow_host),
                        progress=progress, timeout=args.timeout,
                        concurrency_per_host=args.concurrency, delay=args.delay,
                        allow_private=args.allow_private, render=args.render)


def run(args) -> int:
    if args.fail_on_new and not args.baseline:
        raise ConfigError("--fail-on-new 需要同时给出 --baseline")
    crawl = crawl_options(args, progress_wanted(args))
    out = args.out
    if args.resume:
        crawl.resume = True
        out = out or unfinished_run_dir(args.url)
    opts = AuditOptions(profile=args.profile or "national", as_of=args.as_of or dt.date.today(),
                        out_dir=out, formats=formats_of(args), site_name=args.name,
                        level=args.level, crawl=crawl, debug=args.debug, baseline=args.baseline,
                        history=history_options(args))
    report, run_dir = audit_site(args.url, opts)
    emit(report, run_dir, args)
    if args.fail_on_new and not is_unreachable(report):
        return 1 if report.baseline["new"] else 0
    return exit_code(report, args)
