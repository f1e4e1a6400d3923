"""What an audit or a batch does with the history store (SPEC §9): before judging, the probe summary
the rules read goes into the run directory; after judging, the report gets the site's history and the
run is recorded.

A store that cannot be opened or written costs the run nothing: the audit goes on, its report says the
history was not used, and nothing is recorded. Each process opens its own connection (a batch judges
sites in forked workers).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from auditor.core import probes
from auditor.core.errors import ConfigError
from auditor.core.report import Report
from auditor.core.rundir import PROBES

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HistoryOptions:
    enabled: bool = True
    db: str | None = None            # --db; None: GKAUDIT_DB or the default file
    batch: str | None = None         # the batch's folder name, for a batch's runs


def _store(options: HistoryOptions):
    from auditor.app.monitor.store import Store
    return Store.open(options.db)


def _failed(exc: Exception) -> str:
    text = str(exc) if isinstance(exc, ConfigError) else f"{type(exc).__name__}: {exc}"
    return text.splitlines()[0][:300] if text else type(exc).__name__


def save_probes(options: HistoryOptions, url: str, as_of: dt.date, run_dir: Path) -> str | None:
    """The probe summary of the week before ``as_of`` into the run directory; a warning when the store
    cannot be read."""
    if not options.enabled:
        return None
    from auditor.app.monitor.availability import summarise
    try:
        with _store(options) as store:
            probes.save(summarise(store, url, as_of), run_dir / PROBES)
    except Exception as exc:                       # noqa: BLE001 - the audit goes on without the store
        log.warning("history store: %s", exc)
        return f"历史库不可用（{_failed(exc)}），本次未读取可用性探测记录"
    return None


def annotate(options: HistoryOptions, report: Report) -> bool:
    """The report gets the site's history (earlier runs, fixed and new since the last, availability);
    call before writing it. False, with a warning in the report, when the store cannot be read."""
    if not options.enabled:
        return False
    from auditor.app.monitor.trend import report_history
    try:
        with _store(options) as store:
            report.history = report_history(store, report)
    except Exception as exc:                       # noqa: BLE001 - the audit goes on without the store
        log.warning("history store: %s", exc)
        report.warnings.append(f"历史库不可用（{_failed(exc)}），本次检查未记入历史")
        return False
    return True


def record(options: HistoryOptions, report: Report, run_dir: Path, kind: str = "audit") -> str | None:
    """The run into the store, in one transaction, once its reports are written; a warning (for the
    terminal: the report is already written) when it cannot be recorded."""
    try:
        with _store(options) as store:
            store.record_run(report, run_dir, kind=kind, batch=options.batch)
    except Exception as exc:                       # noqa: BLE001
        log.warning("history store: %s", exc)
        return f"历史库写入失败（{_failed(exc)}），本次检查未记入历史"
    return None
