"""Atomic file writes: a reader sees the old file or the complete new one, never half of one."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()
_PART_PREFIX, _PART_SUFFIX = ".{name}.", ".part"    # a file being written: .<name>.<random>.part


def _temporary(target: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=_PART_PREFIX.format(name=target.name), suffix=_PART_SUFFIX, dir=target.parent)


def partials(path: str | os.PathLike) -> list[Path]:
    """The temporary siblings of ``path`` that writers left unfinished (killed before publishing)."""
    target = Path(path)
    return sorted(target.parent.glob(_PART_PREFIX.format(name=target.name) + "*" + _PART_SUFFIX))


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary sibling of ``path``; on success fsync and rename it over ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(target)
    os.chmod(tmp, _FILE_MODE)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike, text: str) -> None:
    with atomic_open(path, "w") as fh:
        fh.write(text)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


class AtomicFile:
    """A file written over a long time (a crawl) and published under its name only by ``commit``."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = _temporary(self.path)
        os.chmod(self.tmp, _FILE_MODE)
        self.fh = os.fdopen(fd, "wb")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)
