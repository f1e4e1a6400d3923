"""Saved copies of the demo's report.json for each sample-site variant, and how they are compared.

A refactoring must not change what the product reports. ``tests/test_golden_reports.py`` audits each
variant of the sample site and compares the whole report.json with the copy saved here, after
normalising what differs between two runs of the same audit: the loopback port, WARC record ids,
timestamps and the tool version.

When a change alters the reports on purpose, regenerate the copies and review their diff:

    .venv/bin/python -m tests.golden            # all variants
    .venv/bin/python -m tests.golden planted    # one
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
VARIANTS = ("planted", "clean", "sparse")
SITE = "http://sample-site.test"
_LOOPBACK = re.compile(r"https?://127\.0\.0\.1:\d+")
_WARC_ID = re.compile(r"<urn:uuid:[0-9a-f-]{36}>")
_VOLATILE = {"generated_at", "started_at", "finished_at", "duration_s", "elapsed_s", "rate"}


def copy_path(variant: str) -> Path:
    return HERE / f"{variant}.report.json"


def normalise(value: Any, key: str = "") -> Any:
    """The report with every run-specific value replaced by a fixed token."""
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if key in _VOLATILE and value is not None:
        return f"<{key}>"
    if key == "version" and isinstance(value, str):
        return "<version>"
    if isinstance(value, str):
        return _WARC_ID.sub("<warc-record>", _LOOPBACK.sub(SITE, value))
    return value


def audit_normalised(variant: str, out: Path) -> dict:
    from tests.conftest import run_audit
    _, report, _ = run_audit(variant, out)
    return normalise(report)


def dump(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    import sys
    import tempfile
    variants = (argv if argv is not None else sys.argv[1:]) or list(VARIANTS)
    with tempfile.TemporaryDirectory() as tmp:
        for variant in variants:
            report = audit_normalised(variant, Path(tmp) / variant)
            copy_path(variant).write_text(dump(report), encoding="utf-8")
            print(f"wrote {copy_path(variant).relative_to(HERE.parents[1])}")
    return 0
