"""The history store's tables (SQLAlchemy Core). A change here needs a migration in migrations/versions/.

- ``sites``: one row per audited start URL (canonical), with the name the last run gave it.
- ``runs``: one row per audit (or a batch's per-site audit): profile, as-of, score, grade, vetoes,
  the indicators' points, and where its run directory is.
- ``findings``: a run's findings by identity — rule code and site-relative URL — for "fixed / new".
- ``probes``: one row per availability probe: when, HTTP status, failure kind, seconds, and the
  homepage's newest item date when the page could be read.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text)

metadata = MetaData()

sites = Table(
    "sites", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("name", String(500)),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),              # audit | batch
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("profile", String(100), nullable=False),
    Column("score", Float),                                  # None: not rated (site unreachable)
    Column("grade", String(20), nullable=False),
    Column("vetoes", JSON, nullable=False),                  # veto codes hit
    Column("indicators", JSON, nullable=False),              # [{code, title, lost, max}]
    Column("run_dir", Text),
    Column("batch", String(200)),                            # the batch's folder name, for a batch run
    Index("ix_runs_site_recorded", "site_id", "recorded_at"),
)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("url", String(2048), nullable=False),             # site-relative ("/" for the homepage, "" for none)
    Column("status", String(10), nullable=False),            # fail | warn
    Column("message", Text),
    Index("ix_findings_run", "run_id"),
)

probes = Table(
    "probes", metadata,
    Column("id", Integer, primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("ok", Boolean, nullable=False),                   # answered below 400 within the limit
    Column("status", Integer),
    Column("error", String(500)),                            # dns | connect | tls | timeout | http | redirect | other: detail
    Column("seconds", Float),
    Column("newest", Date),                                  # the homepage's newest item date, when read
    Index("ix_probes_site_at", "site_id", "at"),
)
