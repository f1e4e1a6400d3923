"""gkaudit dashboard --out DIR: a static site of every site's grade, trend, availability and open
findings, for a supervisory office's file share (SPEC §3, §9)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditor.app.commands.common import parse_date
from auditor.app.commands.history_args import add_db_argument
from auditor.app.monitor.dashboard import DEFAULT_TITLE, INDEX, build
from auditor.app.monitor.store import Store, database_url
from auditor.core.errors import ConfigError
from auditor.core.textsafe import terminal_safe


def add_arguments(p) -> None:
    p.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help=f"看板写到哪个目录（{INDEX} 和 sites/ 下每个网站一页；可放在共享目录中直接打开）")
    add_db_argument(p)
    p.add_argument("--as-of", type=parse_date,
                   help="统计日期（含当天，默认今天）：可用性按此前 7 天和 30 天统计，问题的存在时长算到这一天，"
                        "基准日在此之后的检查不计入")
    p.add_argument("--title", default=DEFAULT_TITLE, help=f"看板标题（默认“{DEFAULT_TITLE}”）")


def _existing_store(db: str | None) -> str:
    """The store's URL; a SQLite file that is not there is an error (opening it would create it empty)."""
    url = database_url(db)
    prefix = "sqlite:///"
    if url.startswith(prefix) and not Path(url[len(prefix):]).is_file():
        raise ConfigError(f"历史库不存在：{url[len(prefix):]}（先用 gkaudit audit、batch 或 probe 记录，或用 --db 指定）")
    return url


def run(args) -> int:
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out 应是目录：{out}")
    with Store.open(_existing_store(args.db)) as store:
        try:
            result = build(store, out, as_of=args.as_of or dt.date.today(), title=args.title)
        except OSError as exc:
            raise ConfigError(f"无法写入看板目录 {out}：{exc.strerror or exc}") from None
    seconds = result.timings["total"]
    print(terminal_safe(f"看板已生成：{result.out / INDEX}（{result.sites} 个网站，{result.files} 个文件，"
                        f"{result.bytes / 1e6:.1f} MB，用时 {seconds:.1f} 秒）"))
    return 0
