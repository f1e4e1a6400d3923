"""gkaudit batch SITES.csv: audit many sites at once and rank them."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from auditor.app.batch.runner import run_batch
from auditor.app.batch.sites import read_sites
from auditor.core.errors import ConfigError
from auditor.core.rundir import BATCH_RUNS, RUNS_ROOT, SUMMARY_HTML
from auditor.app.commands.audit_cmd import add_crawl_arguments, crawl_options
from auditor.app.commands.history_args import add_history_arguments, history_options
from auditor.core.textsafe import terminal_safe


def add_arguments(p) -> None:
    from auditor.app.commands.common import parse_date
    p.add_argument("sites", type=Path, help="站点清单 CSV：name,url,profile,level（UTF-8 或 GBK）")
    p.add_argument("--profile", default="national", help="清单未写方案的行使用的检查方案（默认 national）")
    p.add_argument("--as-of", type=parse_date, help="检查基准日期（默认今天）")
    p.add_argument("--rerun", action="store_true", help="已完成的网站也重新抓取（默认沿用上次结果，便于中断后续跑）")
    p.add_argument("--redis", help="分布式模式：Redis 地址，如 redis://10.0.0.5:6379/0；抓取由 gkaudit worker 完成")
    p.add_argument("--title", default="政府网站信息公开检查排名", help="汇总表标题")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度和表格")
    add_crawl_arguments(p)
    add_history_arguments(p)


def run(args) -> int:
    from reports import registry, summary
    from auditor.app.commands.common import progress_wanted
    sites, errors = read_sites(args.sites, default_profile=args.profile)
    for e in errors:
        print(terminal_safe(f"gkaudit: {args.sites} 第 {e.line} 行：{e.reason}"), file=sys.stderr)
    if not sites:
        raise ConfigError(f"{args.sites} 中没有可检查的网站")
    out = args.out or Path(RUNS_ROOT) / BATCH_RUNS / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    as_of = args.as_of or dt.date.today()
    crawl = crawl_options(args, progress_wanted(args))
    if args.redis:
        if crawl.render:
            raise ConfigError("--render 只用于本机抓取，分布式（--redis）模式不支持；去掉其一再试")
        from auditor.app.coordinator import run_distributed
        outcomes = run_distributed(sites, out, crawl, as_of, redis_url=args.redis, rerun=args.rerun,
                                   history=history_options(args, batch=out.name))
    else:
        outcomes = run_batch(sites, out, crawl, as_of, rerun=args.rerun, history=history_options(args, batch=out.name))
    from auditor.app.batch.copies import cross_site_copies, save_copies
    copies = cross_site_copies(outcomes)
    save_copies(copies, out)
    ranking = summary.ranking(outcomes, errors, out, args.title, copies=copies)
    registry.write_files("ranking", ranking, out)
    if not args.quiet:
        print(terminal_safe(registry.get("ranking", "table").render(ranking)))
        print(f"\n汇总：{(out / SUMMARY_HTML).resolve()}")
    return 0 if all(o.report is not None for o in outcomes) else 3
