"""docs/legal-basis.md is what the rules' metadata says, and covers every registered code."""
from __future__ import annotations

from pathlib import Path

from auditor.app.legal_basis import render
from rules.registry import load_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "legal-basis.md"


def test_the_legal_basis_document_is_current():
    assert DOC.read_text(encoding="utf-8") == render(), "run: python tools/write_legal_basis.py"


def test_it_covers_every_code_with_its_basis_and_says_which_numbers_are_local():
    text = render()
    for code, rule in load_rules().items():
        assert f"### {code} " in text and rule.basis in text, code
    assert "interpretation_max_lag_workdays" in text and "地方做法，不是全国规定" in text
