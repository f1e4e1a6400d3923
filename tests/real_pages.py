"""Where the real government pages and annual reports of tests/real/SOURCES.md and
bench/data/annual_reports/SOURCES.md live.

They were taken from public repositories (fetched snapshots, the code index, a PyPI sdist), and the
tool library's rules keep such material out of this repository's commits. So the files stay outside
it — by default in ``real-pages/`` beside the project directory (``../real-pages/pages`` and
``../real-pages/annual_reports``), or wherever ``GKAUDIT_REAL_PAGES`` points — and the tests that read
them skip when they are absent, like the tests on ``../shared/samples``. The SOURCES files name the
repository, commit and path of every file, so the directory can be rebuilt (tools/gather_real_pages.py
does it for the fetched ones).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("GKAUDIT_REAL_PAGES") or Path(__file__).resolve().parents[2] / "real-pages")
PAGES = ROOT / "pages"
ANNUAL_REPORTS = ROOT / "annual_reports"
MESSAGES = ROOT / "messages"

needs_real_pages = pytest.mark.skipif(not PAGES.is_dir(), reason=f"the real pages are not at {PAGES} (see tests/real_pages.py)")
needs_real_reports = pytest.mark.skipif(not ANNUAL_REPORTS.is_dir(),
                                        reason=f"the real annual reports are not at {ANNUAL_REPORTS} (see tests/real_pages.py)")
needs_real_messages = pytest.mark.skipif(not MESSAGES.is_dir(),
                                         reason=f"the real message lists are not at {MESSAGES} (see tests/real_pages.py)")
