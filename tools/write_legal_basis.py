"""Regenerate docs/legal-basis.md from the rules' metadata: python tools/write_legal_basis.py"""
from pathlib import Path

from auditor.app.legal_basis import render

target = Path(__file__).resolve().parent.parent / "docs" / "legal-basis.md"
target.write_text(render(), encoding="utf-8")
print(target)
