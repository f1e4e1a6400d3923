"""Resume a crawl that was killed: keep what it stored, fetch only what it had not.

A crawl writes ``pages.jsonl.gz`` and ``crawl.warc.gz`` under temporary names and renames them
when it finishes (``auditor.core.atomic.AtomicFile``); both are flushed about once a second, so after a
kill -9 the temporary files hold every record up to the last second, then perhaps a torn tail.

Scrapy's own job directory (``JOBDIR``) is not used for this: its disk queue records where the
queue starts and ends only when the crawl closes cleanly, so after a kill -9 it comes back empty
or wrong. The page records are a better journal: each says what was fetched, and its links say
what was still to fetch. ``prepare`` gathers the complete records and WARC members of the killed
run (and of any earlier resume of it) into ``.resume/``; the crawl child then starts from them
(``DisclosureSpider.restore``): it writes them out again, claims their URLs, and follows their
links to what is missing, so the final snapshot has every page exactly once.
"""
from __future__ import annotations

import gzip
import os
import shutil
import zlib
from pathlib import Path
from typing import Iterator

import orjson

from auditor.core import atomic
from auditor.core.atomic import AtomicFile

from auditor.core.rundir import PAGES, RESUME_DIR, WARC


def read_records(path: Path) -> Iterator[dict]:
    """The complete records of a possibly torn ``pages.jsonl.gz``: a line cut off by the kill, or
    a gzip stream that stops mid-block, ends the reading without an error."""
    try:
        with gzip.open(path, "rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    return                        # the last line was being written
                try:
                    record = orjson.loads(line)
                except orjson.JSONDecodeError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("url"), str):
                    yield record
    except (EOFError, OSError, zlib.error):
        return


def complete_warc(path: Path) -> tuple[int, set[str]]:
    """Bytes of ``path`` up to the end of its last complete WARC record, and the ids of the records
    in them. Each record is its own gzip member; a member counts only if it decompresses to its
    end, so a member torn by the kill is never kept in the middle of the new WARC."""
    from warcio.archiveiterator import ArchiveIterator

    members: list[tuple[str, int, int]] = []
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                members.append((record.rec_headers.get_header("WARC-Record-ID"),
                                records.get_record_offset(), records.get_record_length()))
    except Exception:              # noqa: BLE001 - a torn tail can fail anywhere inside warcio
        pass
    end, ids = 0, set()
    with open(path, "rb") as fh:
        for record_id, offset, length in members:
            if offset != end:
                break
            inflater = zlib.decompressobj(31)
            try:
                inflater.decompress(fh.read(length))
            except zlib.error:
                break
            if not inflater.eof:
                break
            end = offset + length
            ids.add(record_id)
    return end, ids


def _partials(run_dir: Path, name: str) -> list[Path]:
    """Temporary files of ``name`` left by killed runs, newest first."""
    found = atomic.partials(Path(run_dir) / name)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def prepare(run_dir: Path) -> dict | None:
    """Gather what killed runs left in ``run_dir`` into ``.resume/``; the crawl settings that make
    the next crawl start from it, or None when there is nothing to resume."""
    run_dir = Path(run_dir)
    keep = run_dir / RESUME_DIR
    pages_sources = [keep / PAGES] + _partials(run_dir, PAGES)
    warc_sources = [keep / WARC] + _partials(run_dir, WARC)
    best, length, evidence = None, 0, set()
    for source in warc_sources:
        if source.exists():
            size, ids = complete_warc(source)
            if size > length:
                best, length, evidence = source, size, ids
    records: dict[str, bytes] = {}
    for source in pages_sources:
        if source.exists():
            for record in read_records(source):
                # a record whose evidence was still in a buffer when the crawl was killed is
                # dropped: its page is fetched again, so every record points into the WARC
                if record.get("warc_record_id") and record["warc_record_id"] not in evidence:
                    continue
                records.setdefault(record["url"], orjson.dumps(record))
    if not records:
        return None
    keep.mkdir(exist_ok=True)
    pages = AtomicFile(keep / PAGES)
    with gzip.GzipFile(fileobj=pages.fh, mode="wb", compresslevel=5) as gz:
        for line in records.values():
            gz.write(line + b"\n")
    pages.commit()
    if best is not None:
        warc = AtomicFile(keep / WARC)
        with open(best, "rb") as fh:
            _copy(fh, warc.fh, length)
        warc.commit()
    for partial in _partials(run_dir, PAGES) + _partials(run_dir, WARC):
        partial.unlink(missing_ok=True)
    settings = {"GKAUDIT_RESUME_PAGES": str(keep / PAGES)}
    if (keep / WARC).exists():
        settings["GKAUDIT_RESUME_WARC"] = str(keep / WARC)
    return settings


def discard(run_dir: Path) -> None:
    """A fresh crawl in ``run_dir``: what killed runs left there is abandoned."""
    for partial in _partials(run_dir, PAGES) + _partials(run_dir, WARC):
        partial.unlink(missing_ok=True)
    finish(run_dir)


def can_resume(run_dir: Path) -> bool:
    return bool(_partials(run_dir, PAGES)) or (Path(run_dir) / RESUME_DIR / PAGES).exists()


def finish(run_dir: Path) -> None:
    """The resumed crawl has published its files: what it started from is no longer needed."""
    shutil.rmtree(Path(run_dir) / RESUME_DIR, ignore_errors=True)


def copy_into(source: str | os.PathLike, target) -> None:
    """Copy a gathered file into the new crawl's output as its first bytes."""
    with open(source, "rb") as fh:
        shutil.copyfileobj(fh, target, 1 << 20)


def _copy(src, dst, length: int) -> None:
    left = length
    while left > 0:
        chunk = src.read(min(left, 1 << 20))
        if not chunk:
            break
        dst.write(chunk)
        left -= len(chunk)
