"""The history store options every recording command shares: --db and --no-history (SPEC §3)."""
from __future__ import annotations

from auditor.app.monitor.recording import HistoryOptions
from auditor.app.monitor.store import ENV


def add_db_argument(p) -> None:
    p.add_argument("--db", metavar="DB",
                   help=f"历史库：SQLAlchemy 地址（如 postgresql://user@host/gkaudit）或 SQLite 文件路径；"
                        f"默认读环境变量 {ENV}，否则为用户数据目录下的 gkaudit/history.sqlite")


def add_history_arguments(p) -> None:
    add_db_argument(p)
    p.add_argument("--no-history", action="store_true", help="不写入历史库（也不读取可用性探测记录）")


def history_options(args, batch: str | None = None) -> HistoryOptions:
    return HistoryOptions(enabled=not getattr(args, "no_history", False), db=getattr(args, "db", None), batch=batch)
