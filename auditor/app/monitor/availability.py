"""From the store's probes to the summary an audit is judged with (``auditor.core.probes``)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, or_, select

from auditor.core.probes import (HOMEPAGE_WINDOW_DAYS, MAX_MISSES, PROBE_LIMIT_S, HomepageDate, ProbeDay, ProbeMiss,
                                 ProbeSummary, window)

from auditor.app.monitor.schema import probes, sites
from auditor.app.monitor.store import Store, site_key, utc

CHINA = dt.timezone(dt.timedelta(hours=8))


def china_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CHINA)


def is_bad(ok: bool, seconds: float | None) -> bool:
    """A probe that counts against the site: it failed, or the page took the limit or longer."""
    return not ok or (seconds is not None and seconds >= PROBE_LIMIT_S)


def bad_probe():
    """``is_bad`` as a SQL condition on the probes table, for counting in the database."""
    return or_(probes.c.ok.is_(False), and_(probes.c.seconds.is_not(None), probes.c.seconds >= PROBE_LIMIT_S))


def summarise(store: Store, url: str, as_of: dt.date) -> ProbeSummary:
    """The probes of the week before ``as_of``, day by day (China time), the failed or slow ones, and
    the homepage dates the probes of the two weeks before it read."""
    first, last = window(as_of)
    home_first, _ = window(as_of, HOMEPAGE_WINDOW_DAYS)
    since = china_midnight(min(first, home_first))
    rows = store.probes_of(url, since, china_midnight(last + dt.timedelta(days=1)))
    days: dict[str, ProbeDay] = {}
    day = first
    while day <= last:
        days[day.isoformat()] = ProbeDay(day=day.isoformat())
        day += dt.timedelta(days=1)
    misses: list[ProbeMiss] = []
    total_misses = 0
    homepage: list[HomepageDate] = []
    for row in rows:
        at = utc(row.at).astimezone(CHINA)
        if row.newest is not None:
            homepage.append(HomepageDate(at=at.isoformat(timespec="seconds"), newest=row.newest.isoformat()))
        bucket = days.get(at.date().isoformat())
        if bucket is None:
            continue
        bucket.probes += 1
        if not row.ok:
            bucket.failed += 1
        elif is_bad(row.ok, row.seconds):
            bucket.slow += 1
        else:
            continue
        total_misses += 1
        misses.append(ProbeMiss(at=at.isoformat(timespec="seconds"), url=url, status=row.status, error=row.error,
                                seconds=row.seconds))
    misses.sort(key=lambda m: m.at, reverse=True)
    return ProbeSummary(site=site_key(url), window_from=first.isoformat(), window_to=last.isoformat(),
                        days=list(days.values()), misses=misses[:MAX_MISSES], misses_total=total_misses,
                        homepage_dates=homepage[-500:])


def availability_of(store: Store, url: str, as_of: dt.date, days: int) -> dict:
    """One site's probes over the ``days`` days before ``as_of``: how many, how many failed or slow."""
    first, last = window(as_of, days)
    bad = case((bad_probe(), 1), else_=0)
    query = (select(func.count(), func.sum(bad)).select_from(probes.join(sites, sites.c.id == probes.c.site_id))
             .where(sites.c.url == site_key(url), probes.c.at >= utc(china_midnight(first)),
                    probes.c.at < utc(china_midnight(last + dt.timedelta(days=1)))))
    with store.engine.connect() as conn:
        n, n_bad = conn.execute(query).one()
    n, n_bad = int(n or 0), int(n_bad or 0)
    return {"probes": n, "bad": n_bad, "share": round(n_bad / n, 4) if n else None}
