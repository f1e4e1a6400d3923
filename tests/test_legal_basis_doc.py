"""docs/legal-basis.md is what the rules' metadata says, and covers every registered code: each rule cites
at least one text, each citation has an article and a short quote, each text its title, dates, scope
and the address of the text its quotes were checked against; a rule has a basis on every day it applies."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from auditor.app.legal_basis import render
from auditor.core.errors import ConfigError
from rules.citations import CITATIONS, CITATIONS_FILE, TEXTS, load
from rules.registry import load_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "legal-basis.md"
EARLIEST_AS_OF = dt.date(2016, 1, 1)      # the earliest --as-of a recheck is expected to judge


def test_the_legal_basis_document_is_current():
    assert DOC.read_text(encoding="utf-8") == render(), "run: python tools/write_legal_basis.py"


def test_every_registered_rule_cites_an_article_with_a_quote():
    rules = load_rules()
    missing = [code for code, r in rules.items() if not r.citations]
    assert not missing, f"rules without a legal basis in rules/citations.yaml: {missing}"
    assert set(CITATIONS) <= set(rules), f"citations for unknown codes: {set(CITATIONS) - set(rules)}"
    for code, r in rules.items():
        for c in r.citations:
            assert c.article.strip() and c.quote.strip() and c.text.checked_at, code


def test_the_document_shows_each_rules_citations_and_says_which_are_local():
    text = render()
    for code, rule in load_rules().items():
        assert f"### {code} " in text and rule.basis in text, code
        for c in rule.citations:
            assert f"{c.text.full_name}{c.article}：“{c.quote}”" in text, code
            assert str(c.checked) in text
    assert "interpretation_max_lag_workdays" in text and "地方做法，不是全国规定" in text


def test_a_rule_has_a_basis_on_every_day_it_applies():
    """From its in-force date (or the earliest as-of judged) to today, some cited text was in force."""
    today = dt.date.today()
    for code, r in load_rules().items():
        day = max(EARLIEST_AS_OF, r.in_force.since if r.in_force else EARLIEST_AS_OF)
        changes = sorted({day, today} | {d for c in r.citations for d in (c.text.in_force, c.text.repealed)
                                         if d and day <= d <= today})
        for d in changes:
            assert any(c.text.in_force_on(d) for c in r.citations), f"{code} has no basis in force on {d}"


def test_a_recheck_cites_the_text_in_force_at_its_as_of_date():
    rule = load_rules()["GDE004"]
    assert "国务院令第492号" in rule.basis_at(dt.date(2018, 7, 27))
    assert "国务院令第492号" not in rule.basis and "《政府信息公开条例》" in rule.basis


def test_no_local_text_is_cited_as_a_rules_national_basis():
    """A local rule is never presented as national: every cited text says which it is, and no rule
    of the national profile rests on local texts alone."""
    for code, r in load_rules().items():
        assert any(c.text.scope != "local" for c in r.citations), code


@pytest.mark.parametrize("breakage, message", [
    (lambda d: d["citations"].update(COL001=[{"doc": "nowhere", "article": "第一条", "quote": "一二三四五六七"}]),
     "unknown documents"),
    (lambda d: d["documents"]["ogi-2019"].pop("checked_at"), "checked_at"),
    (lambda d: d["citations"]["COL001"][0].update(quote=""), "quote"),
])
def test_a_broken_citations_file_is_refused_with_its_name(tmp_path, breakage, message):
    data = yaml.safe_load(CITATIONS_FILE.read_text(encoding="utf-8"))
    breakage(data)
    path = tmp_path / "citations.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as err:
        load(path)
    assert str(path) in str(err.value)


def test_every_text_is_cited():
    cited = {c.text.key for cs in CITATIONS.values() for c in cs}
    assert not set(TEXTS) - cited, f"texts no rule cites: {set(TEXTS) - cited}"
