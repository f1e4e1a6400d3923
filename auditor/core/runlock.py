"""One writer per run directory. Two audits pointed at one ``--out`` would each discard the other's
unfinished files (``.part``), losing a whole crawl; the second one now stops at once with a clear
error and touches nothing. The lock is an advisory ``flock`` on ``RUN_DIR/.gkaudit.lock``: the kernel
releases it when its process ends, however it ends, so a killed run never leaves a stale lock and
``--resume`` works as before."""
from __future__ import annotations

import fcntl
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from auditor.core.errors import ConfigError
from auditor.core.rundir import LOCK


def _can_create_files(run_dir: Path) -> None:
    """Raise the OSError a run would meet at its first file (an earlier run's lock file opens
    in a directory that is read-only now, so opening the lock proves nothing)."""
    fd, probe = tempfile.mkstemp(dir=run_dir, prefix=".gkaudit-probe-")
    os.close(fd)
    os.unlink(probe)


@contextmanager
def hold(run_dir: Path) -> Iterator[None]:
    """Hold the run directory for writing; a ConfigError (exit 2) when another process holds it."""
    run_dir = Path(run_dir)
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        _can_create_files(run_dir)
        fd = os.open(run_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except (FileExistsError, NotADirectoryError):
        raise ConfigError(f"{run_dir} 已存在且不是目录；--out 须是一个目录（不存在时会新建）") from None
    except PermissionError:
        raise ConfigError(f"没有权限写入运行目录 {run_dir}") from None
    except OSError as exc:
        raise ConfigError(f"无法写入运行目录 {run_dir}：{exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            raise ConfigError(f"另一个 gkaudit 进程（pid {holder or '未知'}）正在写入运行目录 {run_dir}；"
                              "请等它结束，或用 --out 指定另一个目录") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        yield
    finally:
        os.close(fd)          # closing the descriptor releases the lock
