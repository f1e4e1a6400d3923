"""The marker vocabulary (auditor/data/markers.yaml), loaded once."""
from __future__ import annotations

from importlib import resources

import yaml

MARKERS: dict[str, list[str]] = yaml.safe_load(
    resources.files("auditor.core").joinpath("data/markers.yaml").read_text(encoding="utf-8"))
