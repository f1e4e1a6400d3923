"""Shared fixtures: hand-built snapshots, the sample site on loopback, audits of it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.core.models import Footer, Link, PageRecord
from auditor.core.snapshot import SiteSnapshot

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
ARTIFACTS = REPO / "test-artifacts"

HOME = "http://site.example.gov.cn/"


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
    """Serve the sample site and audit it through the real CLI, as `gkaudit demo` does."""
    from auditor.app.cli import main
    from auditor.app.demo.server import SampleSite
    from tests.truth import ground_truth

    truth = ground_truth()
    with SampleSite(variant) as site:
        code = main(["audit", site.url, "--out", str(out), "--as-of", str(truth["as_of"]),
                     "--profile", truth["site"].get("profile", "national"),
                     "--name", truth["site"]["name"], "--level", truth["site"].get("level", "department"),
                     "--format", "json,html,junit", "--quiet", "--concurrency", "8", *(extra or [])])
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
