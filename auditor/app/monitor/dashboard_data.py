"""What ``gkaudit dashboard`` reads from the history store: a few bulk queries for all sites at once.

- ``sites`` and ``runs`` (the runs up to the as-of date, oldest first per site);
- open findings per run (a count over the findings index) and the latest runs' findings;
- findings by identity (code + site-relative URL): one grouped query over findings JOIN runs gives, for
  every identity of a site, the runs it was found in as a bit mask over the site's runs (bit *k*: the
  site's *k*-th run, oldest first). From the masks come each identity's first appearance (its age) and,
  for every run, what was fixed and what is new since the run before — without a query per site.
  It is the one slow query (SQLite sorts every finding to group them: seconds for 2 million), so it
  runs split by site (site id modulo ``PARTS``) on connections of its own while the first reads the
  rest, and each part's sites are handed on as soon as their part is counted;
- probes of the 7 and 30 days up to the as-of date, counted in SQL.

The store writes each identity once per run (``store.finding_rows``), so summing one bit per row is an
OR. SQL integers carry 63 bits: the masks are grouped in chunks of ``CHUNK`` runs and joined here.
"""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import BigInteger, Connection, Integer, and_, case, cast, func, literal, select

from auditor.app.monitor.availability import bad_probe, china_midnight
from auditor.app.monitor.schema import findings, probes, runs, sites
from auditor.app.monitor.store import Store, utc
from auditor.core.probes import window

CHUNK = 63                      # runs per SQL bit mask (a signed 64-bit integer)
WINDOWS = (7, 30)               # availability windows, in days up to the as-of date
AGE_LIMITS = (30, 90)           # open findings by age: < 30 days, 30–90 days, > 90 days
LATEST_FINDINGS = 200           # the latest run's findings listed on a site's page
IN_LIST = 10_000                # run ids in one IN list (SQLite takes at most 32,766 parameters)
PARTS = max(2, min(4, os.cpu_count() or 1))   # the grouped query, split by site, on this many connections


@dataclass(slots=True)
class Run:
    id: int
    recorded_at: dt.datetime
    as_of: dt.date
    score: float | None
    grade: str
    vetoes: list[str]
    run_dir: str | None
    open: int = 0
    fixed: int | None = None    # since the run before; None for the site's first run
    new: int | None = None


@dataclass(slots=True)
class Finding:
    code: str
    url: str                    # site-relative ("/a.html"), whole when elsewhere, "" for the site
    status: str
    message: str | None


@dataclass
class SiteData:
    id: int
    url: str
    name: str | None
    runs: list[Run] = field(default_factory=list)                               # oldest first
    first_seen: dict[tuple[str, str], dt.date] = field(default_factory=dict)   # the latest run's identities
    latest_findings: list[Finding] = field(default_factory=list)
    availability: dict[int, tuple[int, int]] = field(default_factory=dict)     # days -> (probes, failed or slow)

    @property
    def latest(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    def ages(self, as_of: dt.date) -> tuple[int, int, int]:
        """The latest run's findings by how long their identity has been found: < 30, 30–90, > 90 days."""
        young = middle = old = 0
        for first in self.first_seen.values():
            days = (as_of - first).days
            if days < AGE_LIMITS[0]:
                young += 1
            elif days <= AGE_LIMITS[1]:
                middle += 1
            else:
                old += 1
        return young, middle, old


def load(store: Store, as_of: dt.date) -> Iterator[list[SiteData]]:
    """Every site with its runs up to ``as_of``, their findings' changes and ages, and availability; in
    ``PARTS`` batches of sites, each as soon as its identities are counted (so the pages of one batch
    are written while the next is counted). All connections read the runs up to the newest one when
    the build began; a site added since has no runs."""
    with store.engine.connect() as conn:
        last_id = conn.execute(select(func.max(runs.c.id))).scalar() or 0
    with ThreadPoolExecutor(PARTS) as pool:
        masks = [pool.submit(_identity_masks, store, as_of, last_id, part, PARTS) for part in range(PARTS)]
        with store.engine.connect() as conn, conn.begin():
            by_id = {i: SiteData(i, url, name) for i, url, name in conn.execute(select(sites.c.id, sites.c.url,
                                                                                        sites.c.name))}
            index = _runs(conn, by_id, as_of, last_id)
            if index:
                _open_counts(conn, index)
                _latest_findings(conn, by_id)
            _availability(conn, by_id, as_of)
        for done in as_completed(masks):
            part = done.result()
            _apply_masks(by_id, part)
            yield [site for site_id, site in by_id.items() if site_id % PARTS == part.part]


def _runs(conn: Connection, by_id: dict[int, SiteData], as_of: dt.date, last_id: int) -> dict[int, Run]:
    """The runs of every site, oldest first (as ``_sequence`` numbers them); run id -> run."""
    query = (select(runs.c.id, runs.c.site_id, runs.c.recorded_at, runs.c.as_of, runs.c.score, runs.c.grade,
                    runs.c.vetoes, runs.c.run_dir)
             .where(runs.c.as_of <= as_of, runs.c.id <= last_id)
             .order_by(runs.c.site_id, runs.c.recorded_at, runs.c.id))
    index: dict[int, Run] = {}
    for run_id, site_id, recorded_at, day, score, grade, vetoes, run_dir in conn.execute(query):
        site = by_id.get(site_id)
        if site is not None:                    # None: a site added after the sites were read
            run = index[run_id] = Run(run_id, recorded_at, day, score, grade, list(vetoes or []), run_dir)
            if site.runs:
                run.fixed = run.new = 0
            site.runs.append(run)
    return index


def _open_counts(conn: Connection, index: dict[int, Run]) -> None:
    for run_id, n in conn.execute(select(findings.c.run_id, func.count()).group_by(findings.c.run_id)):
        run = index.get(run_id)
        if run is not None:
            run.open = int(n)


def _sequence(as_of: dt.date, last_id: int, part: int, parts: int):
    """Each run's index among its site's runs (0: the oldest), in the order ``_runs`` reads them; the
    sites of one part (site id modulo ``parts``)."""
    return (select(runs.c.id, runs.c.site_id,
                   (func.row_number().over(partition_by=runs.c.site_id, order_by=(runs.c.recorded_at, runs.c.id))
                    - 1).label("seq"))
            .where(runs.c.as_of <= as_of, runs.c.id <= last_id, runs.c.site_id % parts == part)
            .subquery("seq_runs"))


class Masks(dict):
    """(site id, code, url) -> the bit mask of the site's runs that found it, for the sites of ``part``."""
    part: int = 0


def _identity_masks(store: Store, as_of: dt.date, last_id: int, part: int = 0, parts: int = 1) -> Masks:
    """The grouped query over findings JOIN runs: per site and identity, the bit mask of the site's runs
    that found it (for the sites of one part)."""
    r = _sequence(as_of, last_id, part, parts)
    chunk = (r.c.seq - r.c.seq % CHUNK).label("chunk")          # the chunk's first run (no division: portable)
    bit = cast(literal(1), BigInteger).op("<<")(cast(r.c.seq % CHUNK, Integer))
    query = (select(r.c.site_id, findings.c.code, findings.c.url, chunk, func.sum(bit))
             .select_from(findings.join(r, r.c.id == findings.c.run_id))
             .group_by(r.c.site_id, findings.c.url, findings.c.code, chunk))   # url first: sorts faster
    masks = Masks()
    masks.part = part
    with store.engine.connect() as conn:
        for site_id, code, url, first, bits in conn.execute(query):
            key = (site_id, code, url)
            masks[key] = masks.get(key, 0) | (int(bits) << int(first))
    return masks


def _apply_masks(by_id: dict[int, SiteData], masks: Masks) -> None:
    """Each run's fixed and new since the run before, and the first appearance of the latest run's
    identities, from the identities' masks."""
    for (site_id, code, url), mask in masks.items():
        site = by_id.get(site_id)
        if site is None or not site.runs:
            continue
        last = len(site.runs) - 1
        for k in _bits(mask & ~(mask << 1) & ~1):             # found in run k, not in run k-1: new in k
            if k <= last:
                site.runs[k].new += 1
        for k in _bits((mask << 1) & ~mask):                  # found in run k-1, not in run k: fixed in k
            if k <= last:
                site.runs[k].fixed += 1
        if mask >> last & 1:
            first = (mask & -mask).bit_length() - 1
            site.first_seen[(code, url)] = site.runs[first].as_of


def _bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _latest_findings(conn: Connection, by_id: dict[int, SiteData]) -> None:
    """The latest run's findings of every site (at most ``LATEST_FINDINGS`` each), for the sites' pages."""
    latest = {site.runs[-1].id: site for site in by_id.values() if site.runs}
    ids = list(latest)
    for start in range(0, len(ids), IN_LIST):
        query = (select(findings.c.run_id, findings.c.code, findings.c.url, findings.c.status, findings.c.message)
                 .where(findings.c.run_id.in_(ids[start:start + IN_LIST]))
                 .order_by(findings.c.run_id, findings.c.code, findings.c.url))
        for run_id, code, url, status, message in conn.execute(query):
            site = latest[run_id]
            if len(site.latest_findings) < LATEST_FINDINGS:
                site.latest_findings.append(Finding(code, url, status, message))


def _availability(conn: Connection, by_id: dict[int, SiteData], as_of: dt.date) -> None:
    """Probes and failed-or-slow probes of the 7 and 30 days up to ``as_of`` (China time), per site, in
    one query; the site id list lets SQLite and PostgreSQL read the (site, time) index, not every probe."""
    end = utc(china_midnight(as_of + dt.timedelta(days=1)))
    starts = {days: utc(china_midnight(window(as_of + dt.timedelta(days=1), days)[0])) for days in WINDOWS}
    bad = bad_probe()
    columns = []
    for days in WINDOWS:
        inside = probes.c.at >= starts[days]
        columns += [func.sum(case((inside, 1), else_=0)), func.sum(case((and_(inside, bad), 1), else_=0))]
    query = (select(probes.c.site_id, *columns)
             .where(probes.c.site_id.in_(select(sites.c.id)), probes.c.at >= min(starts.values()), probes.c.at < end)
             .group_by(probes.c.site_id))
    for site_id, *counts in conn.execute(query):
        site = by_id.get(site_id)
        if site is not None:
            site.availability = {days: (int(counts[2 * i] or 0), int(counts[2 * i + 1] or 0))
                                 for i, days in enumerate(WINDOWS)}
