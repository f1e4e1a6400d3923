"""A site's trend from the history store: its runs over time and what changed since the last one."""
from __future__ import annotations

import datetime as dt

from auditor.core.report import HistoryOut, HistoryRun, Report

from auditor.app.monitor.availability import availability_of
from auditor.app.monitor.store import Store, finding_rows, utc

MAX_RUNS = 50


def identities(rows) -> set[tuple[str, str]]:
    return {(r["code"] if isinstance(r, dict) else r.code, r["url"] if isinstance(r, dict) else r.url) for r in rows}


def history_run(row) -> HistoryRun:
    return HistoryRun(recorded_at=utc(row.recorded_at).isoformat(timespec="seconds"), as_of=row.as_of.isoformat(),
                      score=row.score, grade=row.grade, vetoes=list(row.vetoes or []), run_dir=row.run_dir)


def report_history(store: Store, report: Report) -> HistoryOut | None:
    """For a report about to be recorded: the site's earlier runs (newest first) and, against the last
    of them, which findings were fixed and which are new. None when the store has no earlier run."""
    earlier = store.runs_of(report.site.url, limit=MAX_RUNS)
    if not earlier:
        return _with_availability(store, report, HistoryOut())
    last = earlier[0]
    before = identities(store.findings_of(last.id))
    now = identities(finding_rows(report, 0))
    return _with_availability(store, report, HistoryOut(
        runs=[history_run(r) for r in earlier], since=last.as_of.isoformat(),
        fixed=[{"code": c, "url": u} for c, u in sorted(before - now)],
        new=[{"code": c, "url": u} for c, u in sorted(now - before)]))


def _with_availability(store: Store, report: Report, history: HistoryOut) -> HistoryOut | None:
    as_of = dt.date.fromisoformat(report.as_of)
    history.availability = {str(days): availability_of(store, report.site.url, as_of, days) for days in (7, 30)}
    if not history.runs and not any(a["probes"] for a in history.availability.values()):
        return None
    return history


def changes(store: Store, newer, older) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(fixed, new) between two stored runs."""
    a, b = identities(store.findings_of(older.id)), identities(store.findings_of(newer.id))
    return sorted(a - b), sorted(b - a)
