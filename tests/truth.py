"""The sample site's ground truth (tests/ground_truth.yaml): what an audit of each variant must report."""
from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

TRUTH_FILE = Path(__file__).resolve().parent / "ground_truth.yaml"


@functools.lru_cache(maxsize=1)
def _parsed() -> dict:
    return yaml.safe_load(TRUTH_FILE.read_text(encoding="utf-8"))


def ground_truth() -> dict:
    """A fresh copy each call (callers may change it)."""
    return copy.deepcopy(_parsed())
