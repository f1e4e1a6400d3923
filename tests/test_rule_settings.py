"""Rule settings as a contract: each rule declares every setting its check reads (its helpers' reads
included) with a type, a source and a default; profiles are checked against those declarations.

Two views of "what a check reads": the source (every ``settings[...]``/``settings.get(...)`` in the
check and in the functions of rules/ it hands ``settings`` to) and a run (the keys a check asks for
on hand-built sites). The second keeps the first honest: a read the scan cannot see fails there.
"""
from __future__ import annotations

import ast
import datetime as dt

import pytest
import yaml

from auditor.app.judge import configure
from auditor.app.profiles import available_profiles, load_profile
from auditor.core.errors import ConfigError
from auditor.core.models import ListItem, PenaltyItem
from auditor.core.results import RUNTIME_SETTINGS, Setting
from rules.registry import PROFILE_DIR, load_rules, rule

from tests.conftest import HOME, REPO, page, snapshot

# Declared, but read before the checks run, not by them.
NOT_READ_BY_CHECKS = {
    "check_external_links",       # by the crawl (auditor.app.crawl): which links there are to judge
}
OPTIONAL = {"policy_columns"}     # no default and no shipped value: the check copes without it
_ACCESSORS = {"get", "__getitem__", "__contains__"}


class SettingReads:
    """The setting names each function of rules/ reads, following the calls that hand ``settings``
    on to another function of rules/. A use it cannot follow is a problem, never silently skipped."""

    def __init__(self, sources: dict[str, str]):
        self.functions: dict[tuple[str, str], ast.FunctionDef] = {}
        self.imports: dict[str, dict[str, tuple[str, str]]] = {}
        self.problems: list[str] = []
        self._done: dict[tuple[str, str], set[str]] = {}
        for module, text in sources.items():
            self.imports[module] = {}
            for node in ast.parse(text).body:
                if isinstance(node, ast.FunctionDef):
                    self.functions[(module, node.name)] = node
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rules."):
                    for alias in node.names:
                        self.imports[module][alias.asname or alias.name] = (node.module, alias.name)

    def reads(self, module: str, name: str) -> set[str]:
        if (module, name) in self._done:
            return self._done[(module, name)]
        found = self._done[(module, name)] = set()
        fn = self.functions[(module, name)]
        seen: set[int] = set()          # the ``settings`` names accounted for
        for node in ast.walk(fn):
            if isinstance(node, ast.Subscript) and _is_settings(node.value):
                seen.add(id(node.value))
                found.add(self._key(node.slice, module, fn))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and _is_settings(node.func.value) and node.func.attr in _ACCESSORS:
                seen.add(id(node.func.value))
                found.add(self._key(node.args[0] if node.args else node, module, fn))
            elif isinstance(node, ast.Compare) and isinstance(node.ops[-1], (ast.In, ast.NotIn)) \
                    and _is_settings(node.comparators[-1]):
                seen.add(id(node.comparators[-1]))
                found.add(self._key(node.left, module, fn))
            elif isinstance(node, ast.Call):
                passed = [a for a in [*node.args, *(k.value for k in node.keywords)] if _is_settings(a)]
                if passed:
                    seen.update(id(a) for a in passed)
                    callee = self._callee(node.func, module)
                    if callee is None:
                        self.problems.append(f"{module}.{fn.name}:{node.lineno}: hands settings to "
                                             f"{ast.unparse(node.func)}, which the scan cannot follow")
                    else:
                        found |= self.reads(*callee)
        self.problems += [f"{module}.{fn.name}:{node.lineno}: uses settings other than by a literal key"
                          for node in ast.walk(fn) if _is_settings(node) and id(node) not in seen]
        found.discard(None)
        return found

    def _key(self, node, module: str, fn) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        self.problems.append(f"{module}.{fn.name}:{node.lineno}: reads a setting by a computed key")
        return None

    def _callee(self, func, module: str) -> tuple[str, str] | None:
        if not isinstance(func, ast.Name):
            return None
        if (module, func.id) in self.functions:
            return module, func.id
        target = self.imports[module].get(func.id)
        return target if target in self.functions else None


def _is_settings(node) -> bool:
    return isinstance(node, ast.Name) and node.id == "settings" and isinstance(node.ctx, ast.Load)


@pytest.fixture(scope="module")
def scan() -> SettingReads:
    return SettingReads({f"rules.{p.stem}": p.read_text(encoding="utf-8")
                         for p in sorted((REPO / "rules").glob("*.py"))})


def read_by(scan: SettingReads, r) -> set[str]:
    return scan.reads(r.check.__module__, r.check.__name__) - set(RUNTIME_SETTINGS)


# -- what the checks read, from their source -----------------------------------------------------
@pytest.mark.parametrize("code", sorted(load_rules()))
def test_a_rule_declares_exactly_the_settings_its_check_reads(scan, code):
    r = load_rules()[code]
    assert read_by(scan, r) - set(r.settings) == set(), f"{code} reads settings it does not declare"
    assert set(r.settings) - read_by(scan, r) <= NOT_READ_BY_CHECKS, f"{code} declares settings it never reads"


def test_the_scan_follows_every_use_of_settings_in_rules(scan):
    for r in load_rules().values():
        read_by(scan, r)
    assert scan.problems == []


FAKE = '''
from rules.other import imported

def helper(snap, settings):
    return settings.get("with_get", 1) + settings["in_helper"]

def check(snap, settings):
    text = f"{settings['in_fstring']}"
    return helper(snap, settings), settings["direct"], settings["as_of"], imported(snap, settings=settings)

def opaque(snap, settings):
    alias = settings
    snap.method(settings)
    return settings[alias]
'''


def test_the_scan_sees_reads_in_helpers_and_refuses_what_it_cannot_follow():
    scan = SettingReads({"rules.fake": FAKE, "rules.other": "def imported(snap, settings):\n    return settings['other']\n"})
    assert scan.reads("rules.fake", "check") == {"with_get", "in_helper", "in_fstring", "direct", "as_of", "other"}
    assert scan.problems == []
    scan.reads("rules.fake", "opaque")
    assert [p.split(": ", 1)[1] for p in scan.problems] == [
        "hands settings to snap.method, which the scan cannot follow", "reads a setting by a computed key",
        "uses settings other than by a literal key"]


# -- what the checks read, running -----------------------------------------------------------------
class Recording(dict):
    """Settings that remember which keys were asked for."""

    def __init__(self, data):
        super().__init__(data)
        self.asked: set[str] = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)


COL = HOME + "xxgk/"


def bare_site():
    return snapshot(page(HOME, kind="home", depth=0, links=[(HOME + "a.html", "新闻")]))


def full_site():
    """The column with its sections, an old guide, an annual report, a policy document and its
    interpretation, a penalty column and a news column."""
    item = ListItem(title="工作动态一则", url=HOME + "xw/1.html", date="2026-01-05")
    return snapshot(
        page(HOME, kind="home", depth=0, items=[item], links=[(COL, "政府信息公开"), (HOME + "xw/", "工作动态")],
             footer={"site_id_code": "3500000001"}),
        page(COL, kind="column", column="政府信息公开", links=[
            (COL + "zn/", "政府信息公开指南"), (COL + "zd/", "政府信息公开制度"), (COL + "fd/", "法定主动公开内容"),
            (COL + "nb/", "政府信息公开年报"), (COL + "ysq/", "依申请公开")]),
        page(COL + "zn/", kind="guide", headline="政府信息公开指南", published="2018-03-02",
             text="政府信息公开指南\n更新日期：2018年3月2日\n依据国务院令第492号，15个工作日内予以答复。"),
        page(COL + "nb/", kind="column", column="政府信息公开年报", items=[
            ListItem(title="2025年度政府信息公开工作年度报告", url=COL + "nb/2025.html", date="2026-01-20")]),
        page(COL + "nb/2025.html", kind="annual_report", headline="2025年度政府信息公开工作年度报告",
             published="2026-01-20", text="一、总体情况\n二、主动公开政府信息情况"),
        page(HOME + "xw/", kind="column", column="工作动态", items=[item]),
        page(HOME + "zc/1.html", kind="policy", headline="关于印发榕江市某某管理办法的通知", doc_number="榕市监〔2026〕1号",
             written="2026-01-02", published="2026-03-02"),
        page(HOME + "zc/2.html", kind="interpretation", headline="《榕江市某某管理办法》政策解读", published="2026-03-20"),
        page(HOME + "xzcf/", kind="column", column="行政处罚", penalty=[PenaltyItem(
            doc_number="榕市监罚〔2026〕1号", party="某公司", decided="2026-03-02", published="2026-04-20")]))


def test_checks_running_ask_only_for_what_the_scan_found(scan):
    asked_by_any: set[str] = set()
    for code, r in load_rules().items():
        profile = load_profile("market-regulation" if code.startswith("MKT") else "national")
        for site in (bare_site, full_site):
            settings = Recording(configure(r, profile, dt.date(2026, 11, 20), "department").settings)
            r.check(site(), settings)
            asked = settings.asked - set(RUNTIME_SETTINGS)
            assert asked <= read_by(scan, r), (code, site.__name__, asked - read_by(scan, r))
            asked_by_any |= asked
    declared = {name for r in load_rules().values() for name in r.settings}
    assert declared - asked_by_any <= NOT_READ_BY_CHECKS         # the sites take the checks far enough


# -- the declarations ----------------------------------------------------------------------------
def declarations() -> dict[str, list[tuple[str, Setting]]]:
    found: dict[str, list[tuple[str, Setting]]] = {}
    for code, r in load_rules().items():
        for name, setting in r.settings.items():
            found.setdefault(name, []).append((code, setting))
    return found


@pytest.mark.parametrize("name", sorted(declarations()))
def test_a_declared_setting_has_a_source_a_description_and_a_usable_type(name):
    for code, setting in declarations()[name]:
        assert isinstance(setting, Setting), code
        assert setting.source.strip() and setting.description.strip(), (code, name)
        if setting.has_default:
            setting.validate(setting.default)


def test_a_setting_several_rules_read_is_declared_once():
    for name, owners in declarations().items():
        assert len({id(s) for _, s in owners}) == 1, f"{name} has several declarations: {[c for c, _ in owners]}"


def test_each_value_has_one_source_the_declaration_or_the_shipped_profiles():
    national = yaml.safe_load((PROFILE_DIR / "national.yaml").read_text(encoding="utf-8"))
    in_national = set(national.get("settings") or {}) | {k for o in (national.get("rules") or {}).values() for k in o}
    shipped = {k for n in available_profiles() for k in load_profile(n).settings}
    for name, owners in declarations().items():
        setting = owners[0][1]
        if setting.has_default:
            assert name not in in_national, f"{name}: a default in its declaration and a value in national.yaml"
        else:
            assert name in shipped or name in OPTIONAL, f"{name}: no default and no shipped profile sets it"


def test_the_registry_takes_only_setting_declarations():
    with pytest.raises(TypeError, match="Setting"):
        rule(code="ZZ999", title="t", failure_title="f", family="links", kind="info", settings={"x": 1})
    with pytest.raises(ValueError, match="run time"):
        rule(code="ZZ999", title="t", failure_title="f", family="links", kind="info",
             settings={"as_of": Setting(type=str, source="s", description="d")})
    assert "ZZ999" not in load_rules()


def test_a_rule_gets_its_declared_defaults_then_the_profile_then_its_override(tmp_path):
    a11y = load_rules()["A11Y003"]
    assert configure(a11y, load_profile("national"), dt.date(2026, 11, 20), "department").settings["lang_min_share"] == 1.0
    path = tmp_path / "p.yaml"
    path.write_text("name: p\nextends: national\nsettings:\n  lang_min_share: 0.9\nrules:\n  A11Y003: {lang_min_share: 0.8}\n",
                    encoding="utf-8")
    assert configure(a11y, load_profile(str(path)), dt.date(2026, 11, 20), "department").settings["lang_min_share"] == 0.8


# -- profiles checked against the declarations -------------------------------------------------------
def write(tmp_path, text: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nextends: national\n" + text, encoding="utf-8")
    return str(path)


UNKNOWN_SETTINGS = [
    ("settings:\n  penalty_deadline_workday: 7\n", 4, "未知的参数“penalty_deadline_workday”"),
    ("settings:\n  as_of: 2026-01-01\n", 4, "未知的参数“as_of”"),
    ("rules:\n  A11Y005: {lang_min_share: 0.9}\n", 4, "规则 A11Y005 没有参数“lang_min_share”（声明它的规则：A11Y003）"),
]

WRONG_TYPES = [
    ("settings:\n  penalty_deadline_workdays: \"7\"\n", 4, "“penalty_deadline_workdays”"),
    ("settings:\n  penalty_deadline_workdays: -1\n", 4, "greater than or equal to 0"),
    ("settings:\n  guide_min_date: 2019-05-15\n", 4, "“guide_min_date”"),           # unquoted: a date, not text
    ("settings:\n  column_name_variants: 政务公开\n", 4, "valid list"),
    ("settings:\n  check_external_links: 1\n", 4, "valid boolean"),
    ("settings:\n  annual_report_deadline: {county: \"01-31\"}\n", 4, "“annual_report_deadline.county”"),
    ("settings:\n  annual_report_deadline:\n    department: \"13-31\"\n", 5, "annual_report_deadline.department"),
    ("settings:\n  guide_items: {传真: [\"传真[\"]}\n", 4, "正则表达式"),
    ("settings:\n  column_windows:\n    - {category: 动态, days: 14, veto: true, names: [动态]}\n"
     "    - {category: 通知, days: 183, names: [通知]}\n", 6, "column_windows[1].veto"),
    ("settings:\n  column_windows:\n    - category: 动态\n      days: 14\n      veto: true\n      names: [动态]\n"
     "      dayz: 3\n", 9, "Extra inputs"),
    ("settings:\n  market_duties:\n    MKT001:\n      - {name: 抽查, fresh_days: \"183\"}\n", 6, "fresh_days"),
    ("rules:\n  A11Y003: {lang_min_share: 1.5}\n", 4, "“lang_min_share”"),
]


@pytest.mark.parametrize("text, line, words", UNKNOWN_SETTINGS + WRONG_TYPES)
def test_an_unknown_setting_or_a_wrong_type_is_refused_with_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_profile(path)
    assert f"{path}:{line}:" in str(err.value) and words in str(err.value), str(err.value)


def test_a_child_profile_may_give_part_of_a_mapping(tmp_path):
    p = load_profile(write(tmp_path, "settings:\n  annual_report_deadline: {department: \"02-28\"}\n"))
    assert p.settings["annual_report_deadline"] == {"department": "02-28", "government": "03-31"}


def test_explain_shows_each_setting_with_its_default_and_source(capsys):
    from auditor.app.cli import main
    assert main(["explain", "A11Y003"]) == 0
    out = capsys.readouterr().out
    assert "- lang_min_share：" in out and "默认：1.0（规则声明）" in out and "来源：本项目约定" in out
    assert main(["explain", "PEN001"]) == 0
    out = capsys.readouterr().out
    assert "默认：7（配置方案 national）" in out and "国办发〔2018〕118号" in out
    assert main(["explain", "MKT001"]) == 0
    assert "（配置方案 market-regulation）" in capsys.readouterr().out


def test_every_number_says_whether_it_is_national_or_local():
    """No local rule is presented as national: a national source names its national text; the local
    conventions the catalogue knows of say 地方做法; explain shows which."""
    from auditor.core.results import SCOPE_WORDS
    for code, r in load_rules().items():
        for name, setting in r.settings.items():
            assert setting.scope in SCOPE_WORDS, (code, name)
            if setting.scope == "national":
                assert any(mark in setting.source for mark in ("《", "〔", "国务院令", "条例")), (code, name, setting.source)
            if setting.scope == "national":      # a convention named anywhere in the source is no national rule
                assert "本项目约定" not in setting.source and "地方做法" not in setting.source, (code, name)
    local = {name for r in load_rules().values() for name, s in r.settings.items() if s.scope == "local"}
    assert {"interpretation_max_lag_workdays", "guide_max_age_days", "guide_update_date_required"} <= local
    mixed = {name for r in load_rules().values() for name, s in r.settings.items() if s.scope == "mixed"}
    assert {"column_windows", "budget_due", "final_accounts_due"} <= mixed


def test_explain_says_national_or_local(capsys):
    from auditor.app.cli import main
    assert main(["explain", "INT002"]) == 0
    out = capsys.readouterr().out
    assert "地方做法，不是全国规定" in out and "同步" in out
