"""The history store (SPEC §9): every audit, batch run and probe, in SQLite by default or PostgreSQL.

``Store.open(db)`` picks the database: ``--db`` (a SQLAlchemy URL or a file path), else ``GKAUDIT_DB``,
else ``history.sqlite`` in the user's data directory. Opening brings the schema to the newest
migration (Alembic, ``migrations/``), under a lock so that two processes opening a new store at
once do not both create it.

Every record is one transaction: a killed process leaves a run recorded whole or not at all. SQLite
runs in WAL mode and takes its write lock when a transaction begins (``BEGIN IMMEDIATE``), waiting up
to ``BUSY_SECONDS`` for another writer, so a batch and a probe round can write at once.
"""
from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, create_engine, event, func, insert, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from auditor.core.errors import ConfigError
from auditor.core.extract.links import canonical_url
from auditor.core.report import Report

from auditor.app.monitor import schema
from auditor.app.monitor.schema import findings, probes, runs, sites

ENV = "GKAUDIT_DB"
BUSY_SECONDS = 120
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_LOCK = 7_406_512_019          # the advisory lock that serialises migrations on PostgreSQL


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "gkaudit" / "history.sqlite"


def database_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL for ``db`` (a URL or a file path), else ``GKAUDIT_DB``, else the default file."""
    chosen = str(db) if db else os.environ.get(ENV) or ""
    if "://" in chosen:
        return chosen
    path = Path(chosen) if chosen else default_path()
    path.expanduser().parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.expanduser()}"


def utc(value: dt.datetime) -> dt.datetime:
    """A stored timestamp as an aware UTC datetime (SQLite gives them back naive)."""
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def site_key(url: str) -> str:
    """The site a start URL names, as the store keys it."""
    return canonical_url(url)


def relative(url: str | None, site: str) -> str:
    """A finding's URL relative to the site ("/a/b.html"), or whole when it is elsewhere."""
    if not url:
        return ""
    base = site_key(site).split("/", 3)
    full = canonical_url(url)
    parts = full.split("/", 3)
    return "/" + (parts[3] if len(parts) > 3 else "") if parts[:3] == base[:3] else full


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, db: str | os.PathLike | None = None) -> Store:
        url = database_url(db)
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ConfigError(f"历史库地址无效：{url}") from None
        if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs = {"connect_args": {"options": "-c timezone=utc"}} if parsed.get_backend_name() == "postgresql" else \
            {"connect_args": {"timeout": BUSY_SECONDS}}
        try:
            engine = create_engine(parsed, pool_pre_ping=True, **kwargs)
        except Exception as exc:         # a missing driver, a bad option
            raise ConfigError(f"无法打开历史库 {parsed.render_as_string(hide_password=True)}：{exc}") from None
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        store = cls(engine)
        try:
            store._migrate()
        except OperationalError as exc:
            raise ConfigError(f"无法连接历史库 {parsed.render_as_string(hide_password=True)}："
                              f"{str(exc.orig).strip().splitlines()[0] if exc.orig else exc}") from None
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema ------------------------------------------------------------------------------------

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # --- writing -----------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction (on SQLite it takes the write lock at once: BEGIN IMMEDIATE)."""
        with self.engine.connect() as conn:
            conn.execution_options(immediate=True)
            with conn.begin():
                yield conn

    def _site_id(self, conn: Connection, url: str, name: str | None = None) -> int:
        key = site_key(url)
        found = conn.execute(select(sites.c.id, sites.c.name).where(sites.c.url == key)).first()
        if found is None:
            try:
                with conn.begin_nested():
                    return conn.execute(insert(sites).values(url=key, name=name)).inserted_primary_key[0]
            except IntegrityError:          # another writer added it between the two statements
                found = conn.execute(select(sites.c.id, sites.c.name).where(sites.c.url == key)).first()
        if name and found.name != name:
            conn.execute(sites.update().where(sites.c.id == found.id).values(name=name))
        return found.id

    def record_run(self, report: Report, run_dir: Path | None = None, kind: str = "audit",
                   batch: str | None = None, at: dt.datetime | None = None) -> int:
        """One audit: its site, score, grade, vetoes, indicators and findings, in one transaction."""
        site = report.site.url
        with self._write() as conn:
            site_id = self._site_id(conn, site, report.site.name)
            run_id = conn.execute(insert(runs).values(
                site_id=site_id, kind=kind, recorded_at=utc(at or now()), as_of=dt.date.fromisoformat(report.as_of),
                profile=report.profile, score=report.score.total, grade=report.score.grade,
                vetoes=list(report.score.veto),
                indicators=[{"code": i.code, "name": i.name, "value": i.value, "lost": i.lost}
                            for i in report.score.indicators if i.applies],
                run_dir=str(Path(run_dir).resolve()) if run_dir else None, batch=batch)).inserted_primary_key[0]
            rows = finding_rows(report, run_id)
            if rows:
                conn.execute(insert(findings), rows)
        return run_id

    def record_probes(self, results: list[dict]) -> int:
        """Probe results (``url``, ``at``, ``ok``, ``status``, ``error``, ``seconds``, ``newest``), in
        one transaction."""
        if not results:
            return 0
        with self._write() as conn:
            ids: dict[str, int] = {}
            rows = []
            for r in results:
                key = site_key(r["url"])
                if key not in ids:
                    ids[key] = self._site_id(conn, key, r.get("name"))
                rows.append({"site_id": ids[key], "at": utc(r["at"]), "ok": bool(r["ok"]), "status": r.get("status"),
                             "error": (r.get("error") or None) and str(r["error"])[:500], "seconds": r.get("seconds"),
                             "newest": r.get("newest")})
            conn.execute(insert(probes), rows)
        return len(rows)

    # --- reading -----------------------------------------------------------------------------------

    def site(self, url: str):
        with self.engine.connect() as conn:
            return conn.execute(select(sites).where(sites.c.url == site_key(url))).first()

    def all_sites(self) -> list:
        with self.engine.connect() as conn:
            return list(conn.execute(select(sites).order_by(sites.c.url)))

    def runs_of(self, url: str, limit: int | None = None) -> list:
        """The site's runs, newest first."""
        query = (select(runs).join(sites, sites.c.id == runs.c.site_id).where(sites.c.url == site_key(url))
                 .order_by(runs.c.recorded_at.desc(), runs.c.id.desc()))
        with self.engine.connect() as conn:
            return list(conn.execute(query.limit(limit) if limit else query))

    def findings_of(self, run_id: int) -> list:
        with self.engine.connect() as conn:
            return list(conn.execute(select(findings).where(findings.c.run_id == run_id)
                                     .order_by(findings.c.code, findings.c.url)))

    def probes_of(self, url: str, since: dt.datetime, until: dt.datetime) -> list:
        query = (select(probes).join(sites, sites.c.id == probes.c.site_id)
                 .where(sites.c.url == site_key(url), probes.c.at >= utc(since), probes.c.at < utc(until))
                 .order_by(probes.c.at))
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in schema.metadata.sorted_tables}


def finding_rows(report: Report, run_id: int) -> list[dict]:
    """A run's findings by identity: a failed or warned rule's findings, or the rule itself ("")."""
    rows = []
    for result in report.results:
        if result.status not in ("fail", "warn"):
            continue
        seen = set()
        for f in result.findings or [None]:
            url = relative(f.url if f else None, report.site.url)
            if url in seen:
                continue
            seen.add(url)
            rows.append({"run_id": run_id, "code": result.code, "url": url,
                         "status": (f.status if f and f.status in ("fail", "warn") else result.status),
                         "message": (f.message if f else result.message or result.failure_title)[:1000]})
    return rows


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None          # the driver's own BEGIN off: ours below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")
