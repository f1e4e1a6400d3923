"""The rule catalogue as a contract: codes from SPEC §8, docs under fixed headings, profiles load."""
from __future__ import annotations

import re

import pytest

from auditor.app.profiles import available_profiles, load_profile
from rules.registry import DOC_HEADINGS, load_rules

from tests.conftest import SHARED

SPEC = SHARED / "SPEC.md"


ROW = re.compile(r"^\| ([A-Z][A-Z0-9]*\d{3})( \(planned\))? \|", flags=re.MULTILINE)


def spec_rows() -> dict[str, bool]:
    """Every code of the SPEC §8 catalogue -> whether it is written ``CODE (planned)``."""
    return {code: bool(planned) for code, planned in ROW.findall(SPEC.read_text(encoding="utf-8"))}


def spec_codes() -> set[str]:
    return set(spec_rows())


def spec_default(code: str) -> str:
    """The last cell (the national default) of a code's catalogue row, planned or not."""
    text = SPEC.read_text(encoding="utf-8")
    return re.search(rf"^\| {code}(?: \(planned\))? \|.*\| (.+?) \|$", text, flags=re.MULTILINE).group(1)


@pytest.mark.skipif(not SPEC.exists(), reason="../shared is absent")
def test_every_registered_code_is_a_spec_code():
    assert set(load_rules()) <= spec_codes()


@pytest.mark.skipif(not SPEC.exists(), reason="../shared is absent")
def test_every_code_not_planned_is_registered():
    required = {code for code, planned in spec_rows().items() if not planned}
    assert required - set(load_rules()) == set()


@pytest.mark.skipif(not SPEC.exists(), reason="../shared is absent")
def test_the_catalogue_reader_sees_planned_codes_as_codes():
    rows = spec_rows()
    assert rows["COL001"] is False and rows["HDJ002"] is True
    assert spec_default("HDJ002") == "veto"


def indicator_values() -> dict[str, float]:
    """SPEC §5's indicator values (COL 12, GDE 8, …): what "cap at the indicator" caps at."""
    text = SPEC.read_text(encoding="utf-8")
    listed = re.search(r"stated as such: (.+?) \(= 100\)", text, flags=re.DOTALL).group(1)
    return {code: float(value) for code, value in re.findall(r"([A-Z][A-Z0-9]*) (\d+)", listed)}


@pytest.mark.skipif(not SPEC.exists(), reason="../shared is absent")
def test_spec_defaults_match_the_registry():
    for code, rule in load_rules().items():
        row = spec_default(code)
        kind = row.split()[0]                          # veto | deduct | info | warn
        assert rule.kind == kind or (kind == "veto" and rule.veto_at), (code, rule.kind, row)
        if rule.kind == "veto" and not rule.veto_at:
            assert row.startswith("veto"), code
        elif rule.kind == "deduct":
            numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", row)]
            assert rule.points in numbers, (code, row)
            cap = re.search(r"cap (\d+(?:\.\d+)?)", row)
            if "each" not in row:          # "deduct 2": once, however many findings
                assert not rule.each and rule.cap == rule.points, (code, row)
            elif "cap at the indicator" in row:     # until indicators are scored, the rule caps at its value
                assert rule.each and rule.cap == indicator_values()[re.match(r"[A-Z]+", code).group()], (code, row)
            else:
                assert rule.each and rule.cap == (float(cap.group(1)) if cap else None), (code, row)


@pytest.mark.parametrize("code", sorted(load_rules()))
def test_every_rule_documents_what_why_fix_and_basis_in_chinese(code):
    rule = load_rules()[code]
    for heading in DOC_HEADINGS:
        assert rule.doc_section(heading), f"{code} lacks {heading}"
    assert re.search(r"[\u4e00-\u9fff]", rule.title) and rule.basis


@pytest.mark.parametrize("name", available_profiles())
def test_shipped_profiles_load_and_select_known_rules(name):
    profile = load_profile(name)
    for code in profile.rules:
        assert code in load_rules() or code in spec_codes(), code


def test_every_shipped_profile_keeps_the_7_day_penalty_deadline():
    """SPEC §6: 总局令第45号's 20 working days are for the 国家企业信用信息公示系统, not the website."""
    for name in available_profiles():
        assert load_profile(name).settings["penalty_deadline_workdays"] == 7, name
    fj = load_profile("fujian-market-regulation")
    assert fj.settings["column_name"] == "政府信息公开"     # inherited from national


def test_the_registry_is_in_family_order_whichever_rule_module_was_imported_first():
    """A test module importing rules.annual_report at collection put RPT before COL in every report."""
    import subprocess
    import sys
    code = ("import rules.annual_report, rules.identity\nfrom rules.registry import load_rules, FAMILIES\n"
            "fams = [r.family for r in load_rules().values()]\n"
            "assert fams == sorted(fams, key=list(FAMILIES).index), fams\nprint(list(load_rules())[:2])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['COL001', 'COL002']"
