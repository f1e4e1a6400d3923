"""Shared fixtures: hand-built snapshots, the sample site on loopback, audits of it."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from auditor.core.models import Footer, Link, PageRecord
from auditor.core.snapshot import SiteSnapshot

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
ARTIFACTS = REPO / "test-artifacts"

HOME = "http://site.example.gov.cn/"


def pytest_configure(config):
    """Tests never touch the user's history store: every audit, batch and probe of the session (and of
    the commands the tests start) records into a temporary one unless a test names its own."""
    folder = Path(tempfile.mkdtemp(prefix="gkaudit-test-history-"))
    os.environ["GKAUDIT_DB"] = str(folder / "history.sqlite")
    os.environ.pop("XDG_DATA_HOME", None)


def page(url: str, **fields) -> PageRecord:
    """A fetched HTML page record with sensible defaults; links given as (url, text) pairs."""
    links = [Link(url=u, text=t) for u, t in fields.pop("links", [])]
    footer = Footer(**fields.pop("footer", {}))
    fields.setdefault("status", 200)
    fields.setdefault("content_type", "text/html")
    fields.setdefault("title", "页面")
    fields.setdefault("kind", "article")
    return PageRecord(url=url, final_url=url, links=links, footer=footer, **fields)


def snapshot(*records: PageRecord, start_url: str = HOME) -> SiteSnapshot:
    return SiteSnapshot(list(records), start_url=start_url)


@pytest.fixture
def make_page():
    return page


@pytest.fixture
def make_snapshot():
    return snapshot


def run_audit(variant: str, out: Path, extra: list[str] | None = None) -> tuple[int, dict, Path]:
    """Serve the sample site and audit it through the real CLI, as `gkaudit demo` does (without the
    history store, like the demo: the history tests use a store of their own)."""
    from auditor.app.cli import main
    from auditor.app.demo.server import SampleSite
    from tests.truth import ground_truth

    truth = ground_truth()
    with SampleSite(variant) as site:
        code = main(["audit", site.url, "--out", str(out), "--as-of", str(truth["as_of"]),
                     "--profile", truth["site"].get("profile", "national"),
                     "--name", truth["site"]["name"], "--level", truth["site"].get("level", "department"),
                     "--format", "json,html,junit", "--quiet", "--concurrency", "8", "--no-history", *(extra or [])])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return code, report, out


@pytest.fixture(scope="session")
def planted_audit(tmp_path_factory):
    return run_audit("planted", tmp_path_factory.mktemp("planted"))


@pytest.fixture(scope="session")
def clean_audit(tmp_path_factory):
    return run_audit("clean", tmp_path_factory.mktemp("clean"))


@pytest.fixture(scope="session")
def sparse_audit(tmp_path_factory):
    return run_audit("sparse", tmp_path_factory.mktemp("sparse"))


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session (skipped where the package is not installed)."""
    from tests.pg_server import PostgresServer, binaries
    if binaries() is None:
        pytest.skip("PostgreSQL 未安装（CI 安装 postgresql 软件包）")
    server = PostgresServer().start()
    yield server
    server.stop()


_databases = iter(range(1, 10**6))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A new, empty history store on each engine: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "history.sqlite")
    server = request.getfixturevalue("postgres")
    return server.create_database(f"history_{os.getpid()}_{next(_databases)}")
