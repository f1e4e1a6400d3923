"""Profiles: extends chains, overrides, selection by prefix, exceptions with expiry."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.errors import ConfigError
from auditor.app.judge import judge, selected_rules
from auditor.app.profiles import load_profile
from auditor.core.report import build_report, crawl_from_snapshot
from auditor.core.scoring import score

from tests.conftest import HOME, page, snapshot


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_profile_file_extends_a_shipped_one_and_overrides_points(tmp_path):
    write(tmp_path, "base", "name: base\nextends: national\nrules:\n  A11Y005: {title_min_share: 0.9}\n")
    p = load_profile(write(tmp_path, "mine", "name: mine\nextends: base\nrules:\n  LNK001: {points: 2, cap: 4}\n"))
    assert p.rules["LNK001"].points == 2 and p.rules["LNK001"].cap == 4
    assert p.rules["A11Y005"].model_extra["title_min_share"] == 0.9    # inherited from the file beside it
    assert p.settings["column_name"] == "政府信息公开"                  # and from national


def test_select_and_ignore_work_by_prefix(tmp_path):
    p = load_profile(write(tmp_path, "sel", "name: sel\nextends: national\nselect: [COL00, LNK]\nignore: [COL002, COL003, COL004, COL005]\n"))
    assert [r.code for r in selected_rules(p)] == ["COL001", "COL006", "LNK001", "LNK002"]


@pytest.mark.parametrize("text, words", [
    ("name: a\nextends: a\n", "循环"),
    ("name: b\nrules: [\n", "YAML"),
    ("name: c\nlevel: county\n", "有误"),
    ("name: d\nunknown_key: 1\n", "有误"),
])
def test_broken_profiles_are_configuration_errors(tmp_path, text, words):
    with pytest.raises(ConfigError, match=words):
        load_profile(write(tmp_path, text.split()[1], text))


def test_an_unknown_profile_name_lists_the_shipped_ones():
    with pytest.raises(ConfigError, match="national"):
        load_profile("nope")


def _lnk_snapshot():
    home = page(HOME, kind="home", depth=0, links=[(HOME + "old/a.html", "旧"), (HOME + "b.html", "新")])
    return snapshot(home, page(HOME + "old/a.html", status=404), page(HOME + "b.html", status=404))


def _report(tmp_path, expires):
    p = load_profile(write(tmp_path, "exc", f"""name: exc
extends: national
select: [LNK001]
exceptions:
  - {{code: LNK001, url: "/old/", reason: 旧栏目已报备下线, expires: {expires}}}
"""))
    snap = _lnk_snapshot()
    as_of = dt.date(2026, 11, 20)
    judged = judge(snap, p, as_of)
    return build_report(snap=snap, judged=judged, score=score(judged, p), profile=p, as_of=as_of,
                        site_name=None, level="department", crawl=crawl_from_snapshot(snap, None))


def test_an_active_exception_sets_a_finding_aside_with_its_reason(tmp_path):
    report = _report(tmp_path, "2027-06-30")
    lnk = report.result("LNK001")
    assert [f.url for f in lnk.findings] == [HOME + "b.html"]
    assert lnk.excepted[0].url == HOME + "old/a.html" and lnk.excepted[0].reason == "旧栏目已报备下线"
    assert lnk.points_lost == 1


def test_an_expired_exception_stops_applying_and_the_report_says_so(tmp_path):
    report = _report(tmp_path, "2026-01-31")
    assert len(report.result("LNK001").findings) == 2
    assert any("已过期" in w for w in report.warnings)


def test_a_rule_that_crashes_is_an_error_never_a_pass(monkeypatch):
    from rules.registry import load_rules
    rule = load_rules()["COL001"]

    def boom(snap, settings):
        raise KeyError("x")
    import dataclasses
    broken = dataclasses.replace(rule, check=boom)
    monkeypatch.setitem(load_rules(), "COL001", broken)
    judged = judge(_lnk_snapshot(), load_profile("national"), dt.date(2026, 11, 20))
    col = next(j for j in judged if j.config.rule.code == "COL001")
    assert col.result.status == "error" and "KeyError" in col.result.message


@pytest.mark.parametrize("text, line, words", [
    ("name: t\nextends: national\nrules:\n  COL001: {points: 3}\n  COLL002: {points: 1}\n", 5, "未知的规则代码 COLL002"),
    ("name: t\nextends: national\nrules:\n  A11Y005:\n    title_min_shar: 0.9\n", 5, "没有参数“title_min_shar”"),
    ("name: t\nselect: [COL, XYZ]\n", 2, "XYZ"),
    ("name: t\nexceptions:\n  - {code: LNK009, url: x, reason: r}\n", 3, "LNK009"),
    ("name: t\nlevel: county\n", 2, "level"),
    ("name: t\nsetings: {}\n", 2, "setings"),
    ("name: t\nextends: national\nsettings:\n  column_name: 政务公开\n  colum_name_variants: []\n", 5,
     "未知的参数“colum_name_variants”"),
    ("name: t\nextends: national\nsettings:\n  penalty_deadline_workdays: 7.5\n", 4, "penalty_deadline_workdays"),
])
def test_a_typo_names_the_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, "typo", text)
    with pytest.raises(ConfigError) as err:
        load_profile(path)
    assert f"{path}:{line}:" in str(err.value) and words in str(err.value)


def test_a_typo_in_a_profile_is_exit_2_with_one_line(tmp_path, capsys):
    from auditor.app.cli import main
    path = write(tmp_path, "typo", "name: t\nrules:\n  COLL002: {points: 1}\n")
    assert main(["audit", "http://127.0.0.1:9/", "--profile", path]) == 2
    err = capsys.readouterr().err.strip()
    assert ":3:" in err and "\n" not in err


def test_the_readme_example_profile_loads(tmp_path):
    import re
    from tests.conftest import REPO
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\nname: fuzhou.*?```", readme, re.S).group(0)[8:-3]
    (tmp_path / "holidays.yaml").write_text("2027:\n  holidays: [2027-01-01]\n", encoding="utf-8")
    profile = load_profile(write(tmp_path, "mine", block))
    assert profile.settings["penalty_deadline_workdays"] == 7 and profile.rules["LNK002"].cap == 5
    assert [e.code for e in profile.exceptions] == ["LNK002"]
