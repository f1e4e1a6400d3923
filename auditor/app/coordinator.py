"""The coordinator of a distributed batch: puts the sites into Redis, gathers what the workers send
back, writes each site's snapshot and WARC, and judges the site once nothing of it is pending.

Nothing a killed worker had in flight is lost: every request stays in its site's pending hash until
its record arrives; when the queues are empty and no worker has reported for ``stall_seconds``,
the pending requests are put back on the start list for any worker to take (at most ``MAX_TRIES``
times, then they are recorded as failed).
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from auditor.core.atomic import AtomicFile, write_text
from auditor.app.batch.runner import NO_HISTORY, earlier_outcome, judge_site, prepare, site_options
from auditor.app.monitor.recording import HistoryOptions
from auditor.core.batch import Outcome
from auditor.app.batch.sites import Site
from auditor.app.crawl import CrawlOptions
from auditor.core.rundir import CRAWL_SUMMARY, PAGES, WARC
from auditor.core.errors import ConfigError
from auditor.core.extract.links import canonical_url
from spiders.redis_keys import Keys

MAX_TRIES = 3
DRAIN = 500


@dataclass
class Active:
    site: Site
    run_dir: Path
    sid: str
    pages: AtomicFile
    gz: gzip.GzipFile
    warc: AtomicFile
    started_at: str
    tries: dict[str, int] = field(default_factory=dict)
    records: int = 0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def connect(redis_url: str):
    import redis
    try:
        server = redis.Redis.from_url(redis_url)
        server.ping()
        return server
    except (redis.RedisError, ValueError) as exc:
        raise ConfigError(f"无法连接 Redis {redis_url}：{exc}") from exc


def _enqueue(server, keys: Keys, site: Site, sid: str, crawl: CrawlOptions) -> None:
    opts = site_options(site, crawl)
    start = canonical_url(site.url)
    config = {"start_url": start, "allowed_hosts": opts.allowed_hosts, "max_pages": opts.max_pages,
              "max_checks": max(opts.max_pages * 3, 100)}
    entry = {"site": sid, "url": start, "depth": 0, "role": "page", "start": True}
    with server.pipeline() as pipe:
        pipe.delete(*keys.of_site(sid))
        pipe.set(keys.site(sid), json.dumps(config, ensure_ascii=False))
        pipe.sadd(keys.seen(sid), start)
        pipe.hincrby(keys.counts(sid), "pages_scheduled", 1)
        pipe.hset(keys.pending(sid), start, json.dumps(entry))
        pipe.rpush(keys.start, json.dumps(entry))
        pipe.execute()


def _drain(server, keys: Keys, a: Active) -> None:
    for key, sink in ((keys.records(a.sid), "pages"), (keys.warc(a.sid), "warc")):
        while True:
            with server.pipeline() as pipe:
                pipe.lrange(key, 0, DRAIN - 1)
                pipe.ltrim(key, DRAIN, -1)
                items, _ = pipe.execute()
            if not items:
                break
            for item in items:
                if sink == "pages":
                    a.gz.write(item + b"\n")
                    a.records += 1
                else:
                    a.warc.fh.write(item)


def _queues_empty(server, keys: Keys) -> bool:
    queued = server.llen(keys.start)
    kind = server.type(keys.requests).decode()
    queued += {"zset": server.zcard, "list": server.llen}.get(kind, lambda k: 0)(keys.requests)
    return queued == 0


def _requeue(server, keys: Keys, a: Active) -> None:
    """Put a site's pending requests back on the start list; record those tried too often as failed."""
    for url, raw in server.hgetall(keys.pending(a.sid)).items():
        url = url.decode()
        tries = a.tries[url] = a.tries.get(url, 0) + 1
        entry = json.loads(raw)
        if tries > MAX_TRIES:
            record = {"url": url, "final_url": url, "status": None, "error": "抓取节点多次中断，未能完成",
                      "role": entry.get("role") or "page", "depth": entry.get("depth"), "fetched_at": _now(),
                      "kind": "attachment" if entry.get("role") == "check" else "other"}
            with server.pipeline() as pipe:
                pipe.rpush(keys.records(a.sid), json.dumps(record, ensure_ascii=False))
                pipe.hdel(keys.pending(a.sid), url)
                pipe.hincrby(keys.counts(a.sid), "errors", 1)
                pipe.execute()
        else:
            server.rpush(keys.start, json.dumps(entry, ensure_ascii=False))


def _finish(server, keys: Keys, a: Active, as_of: dt.date, history: HistoryOptions = NO_HISTORY) -> Outcome:
    _drain(server, keys, a)
    a.gz.close()
    a.pages.commit()
    a.warc.commit()
    counts = {k.decode(): int(v) for k, v in server.hgetall(keys.counts(a.sid)).items()}
    truncated = sorted(t.decode() for t in server.smembers(keys.truncated(a.sid)))
    summary = {"start_url": canonical_url(a.site.url), "started_at": a.started_at, "finished_at": _now(),
               "pages": counts.get("pages", 0), "checks": counts.get("checks", 0),
               "errors": counts.get("errors", 0), "skipped": counts.get("skipped", 0),
               "cut_not_recorded": counts.get("cut_not_recorded", 0),
               "links_not_read": counts.get("links_not_read", 0),
               "truncated": bool(truncated), "truncated_reasons": truncated, "finish_reason": "finished",
               "hosts_added": sorted(h.decode() for h in server.smembers(keys.hosts(a.sid))),
               "distributed": True}
    write_text(a.run_dir / CRAWL_SUMMARY, json.dumps(summary, ensure_ascii=False, indent=2))
    server.delete(*keys.of_site(a.sid))
    return judge_site(a.site, a.run_dir, as_of, ("json", "html"), history)


def run_distributed(sites: list[Site], out: Path, crawl: CrawlOptions, as_of: dt.date, *, redis_url: str,
                    rerun: bool = False, prefix: str = "gkaudit", stall_seconds: float | None = None,
                    timeout: float | None = None, history: HistoryOptions = NO_HISTORY) -> list[Outcome]:
    server = connect(redis_url)
    keys = Keys(prefix)
    stall = stall_seconds or float(os.environ.get("GKAUDIT_STALL_SECONDS", 2 * crawl.timeout + 10))
    batch = uuid.uuid4().hex[:8]
    outcomes: dict[int, Outcome] = {}
    active: list[Active] = []
    for site in sites:
        earlier = None if rerun else earlier_outcome(site, out)
        if earlier is not None:
            outcomes[site.line] = earlier
            continue
        run_dir = prepare(site, out, as_of)
        pages, warc = AtomicFile(run_dir / PAGES), AtomicFile(run_dir / WARC)
        active.append(Active(site, run_dir, f"{batch}:{site.slug}", pages,
                             gzip.GzipFile(fileobj=pages.fh, mode="wb", compresslevel=5), warc, _now()))
        _enqueue(server, keys, site, active[-1].sid, crawl)
    last_activity, last_change = server.get(keys.activity), time.monotonic()
    started = time.monotonic()
    while active:
        time.sleep(0.3)
        for a in list(active):
            _drain(server, keys, a)
            if server.hlen(keys.pending(a.sid)) == 0:
                outcomes[a.site.line] = _finish(server, keys, a, as_of, history)
                active.remove(a)
        activity = server.get(keys.activity)
        if activity != last_activity:
            last_activity, last_change = activity, time.monotonic()
        elif active and _queues_empty(server, keys) and time.monotonic() - last_change > stall:
            for a in active:
                _requeue(server, keys, a)
            last_change = time.monotonic()
        if crawl.progress:
            done = len(sites) - len(active)
            sys.stderr.write(f"\r分布式抓取：网站 {done}/{len(sites)} 已完成，页面记录 {sum(a.records for a in active)}".ljust(60))
            sys.stderr.flush()
        if timeout and time.monotonic() - started > timeout:
            break
    for a in active:                       # timed out: what arrived is kept, the site is not judged
        a.gz.close()
        a.pages.discard()
        a.warc.discard()
        outcomes[a.site.line] = Outcome(a.site, a.run_dir, reason="分布式抓取超时，未完成")
    if crawl.progress:
        sys.stderr.write("\n")
    return [outcomes[s.line] for s in sites]
