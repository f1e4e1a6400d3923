"""UPD001–UPD003, UPD005, LNK002 and MKT001–MKT006 on hand-built snapshots."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.app.judge import Judged, configure
from auditor.core.models import Link, ListItem
from auditor.app.profiles import load_profile
from auditor.core.scoring import score_rule
from rules.registry import load_rules

from tests.conftest import HOME, page, snapshot


def run(code, snap, profile="national"):
    rule = load_rules()[code]
    return rule.check(snap, configure(rule, load_profile(profile), dt.date(2026, 11, 20), "department").settings)


def items(*dated):
    return [ListItem(title=f"信息{i}", url=HOME + f"i/{i}.html", date=d) for i, d in enumerate(dated)]


def column(path, name, *dates, **kw):
    return page(HOME + path, kind="column", column=name, items=items(*dates), **kw)


def home(*dates, **kw):
    return page(HOME, kind="home", depth=0, items=items(*dates), **kw)


@pytest.mark.parametrize("dates, status", [(("2026-11-10",), "pass"), (("2026-11-06",), "pass"),
                                           (("2026-11-05", "2026-10-01"), "fail"), ((None,), "fail")])
def test_upd001_homepage_newest_item_within_14_days(dates, status):
    assert run("UPD001", snapshot(home(*dates))).status == status


def test_upd002_windows_by_column_name():
    snap = snapshot(home("2026-11-19"), column("gzdt/", "工作动态", "2026-11-01"),          # 19 days: stale
                    column("tzgg/", "通知公告", "2026-06-01"),                                  # 172 days: fresh
                    column("ghjh/", "规划计划", "2025-04-15"),                                  # 584 days: stale
                    column("rsxx/", "人事信息", None, None))                                    # undated: stale
    r = run("UPD002", snap)
    assert sorted(f.evidence["column"] for f in r.findings) == ["人事信息", "工作动态", "规划计划"]


def test_upd002_paginated_columns_use_their_newest_entry_and_blank_ones_are_left_to_col004():
    snap = snapshot(home("2026-11-19"), column("gzdt/", "工作动态", "2026-10-01"),
                    column("gzdt/index_1.html", "工作动态", "2026-11-18"),
                    column("xwfb/", "新闻发布", placeholder=True))
    assert run("UPD002", snap).status == "pass"


def test_upd002_only_news_and_notice_columns_count_toward_the_veto():
    stale = [column(f"gh{i}/", "规划计划", "2024-01-01") for i in range(5)]
    rule = load_rules()["UPD002"]
    cfg = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department")
    result = rule.check(snapshot(home("2026-11-19"), *stale), cfg.settings)
    assert len(result.findings) == 5 and not score_rule(Judged(cfg, result)).veto
    news = [column(f"dt{i}/", "工作动态", "2026-01-01") for i in range(5)]
    result = rule.check(snapshot(home("2026-11-19"), *news), cfg.settings)
    assert score_rule(Judged(cfg, result)).veto


def _veto(*columns) -> tuple[int, bool]:
    rule = load_rules()["UPD002"]
    cfg = configure(rule, load_profile("national"), dt.date(2026, 11, 20), "department")
    result = rule.check(snapshot(home("2026-11-19"), *columns), cfg.settings)
    return len(result.findings), score_rule(Judged(cfg, result)).veto


def test_upd002_stale_notice_columns_count_toward_the_veto_only_as_top_level_columns():
    """19号: 动态要闻 columns and 通知公告/政策文件 一级栏目, five or more. A stale sub-column of 通知公告
    kind (/xxgk/tzgg1/ under the 政府信息公开 column /xxgk/) does not count; a top-level one does."""
    parent = column("xxgk/", "政府信息公开", "2026-11-18")
    subs = [column(f"xxgk/tzgg{i}/", "通知公告", "2026-01-01") for i in range(5)]
    assert _veto(parent, *subs) == (5, False)
    tops = [column(f"tzgg{i}/", "通知公告", "2026-01-01") for i in range(4)]
    assert _veto(parent, subs[0], *tops) == (5, False)          # a stale top-level next to a stale sub-column
    assert _veto(parent, *tops, column("gzdt/", "工作动态", "2026-10-01")) == (5, True)
    crumbed = [column(f"a{i}/b/", "通知公告", "2026-01-01") for i in range(5)]
    for page_ in crumbed:                                       # the breadcrumb says where a column stands
        page_.breadcrumb = ["首页", "通知公告"]
    assert _veto(*crumbed) == (5, True)


def test_upd002_ten_stale_columns_of_any_kind_are_a_veto():
    plans = [column(f"gh{i}/", "规划计划", "2024-01-01") for i in range(9)]
    assert _veto(*plans) == (9, False)
    assert _veto(*plans, column("gh9/", "规划计划", "2024-01-01")) == (10, True)


def test_upd003_one_finding_per_undated_item():
    r = run("UPD003", snapshot(home(), column("rsxx/", "人事信息", "2026-11-01", None, None)))
    assert r.status == "fail" and len(r.findings) == 2


def test_upd005_future_and_before_written_dates_are_warnings():
    future = page(HOME + "a.html", published="2026-12-16", headline="通知")
    early = page(HOME + "b.html", published="2026-03-01", written="2026-03-10", headline="文件")
    r = run("UPD005", snapshot(home(), future, early))
    assert r.status == "warn" and len(r.findings) == 2
    assert run("UPD005", snapshot(home(), page(HOME + "c.html", published="2026-11-01"))).status == "pass"


def test_lnk002_names_the_page_holding_the_link_and_leaves_homepage_links_to_lnk001():
    article = page(HOME + "a.html", links=[(HOME + "f.doc", "报名表"), (HOME + "gone.html", "旧链接")])
    snap = snapshot(home(links=[(HOME + "gone.html", "旧链接"), (HOME + "a.html", "文章")]), article,
                    page(HOME + "f.doc", kind="attachment", role="check", status=404, depth=2),
                    page(HOME + "gone.html", status=404, depth=1))
    r = run("LNK002", snap)
    assert [f.url for f in r.findings] == [HOME + "f.doc"]
    assert "报名表" in r.findings[0].message and HOME + "a.html" in r.findings[0].message


def test_lnk002_leaves_a_failed_data_endpoint_to_coverage_and_names_the_list_page_for_its_links():
    listing = column("xw/", "新闻", "2026-11-01")
    answer = page(HOME + "dataproxy.jsp?p=2#post:a=1", kind="column", list_of=HOME + "xw/", depth=2,
                  links=[(HOME + "dead.html", "一条新闻")])
    failed = page(HOME + "dataproxy.jsp?p=3#post:a=1", status=500, list_of=HOME + "xw/", depth=2)
    snap = snapshot(home(), listing, answer, failed, page(HOME + "dead.html", status=404, depth=3))
    r = run("LNK002", snap)
    assert [f.url for f in r.findings] == [HOME + "dead.html"]
    assert r.findings[0].evidence["linked_from"] == [HOME + "xw/"]
    assert [p.url for p in snap.unreadable_lists()] == [HOME + "xw/"]


MARKET = dict(
    MKT001=["2026年度“双随机、一公开”抽查工作计划", "第三季度双随机抽查结果公示"],
    MKT002=["2026年第5期食品安全监督抽检信息公告"],
    MKT003=["榕江市市场监督管理局2026年部门预算", "榕江市市场监督管理局2025年部门决算"],
    MKT004=["关于市人大代表第12号建议的答复", "关于市政协委员第8号提案办理情况的答复"],
    MKT005=["权责清单", "行政执法公示"],
    MKT006=["12315投诉举报", "消费者投诉举报办事指南"],
)


def market_site(drop: str | None = None, terms=("三公经费",), dated="2026-10-10"):
    titles = [t for code, ts in MARKET.items() if code != drop for t in ts]
    listing = page(HOME + "list/", kind="column", items=[ListItem(title=t, url=HOME + f"m/{i}.html", date=dated)
                                                         for i, t in enumerate(titles)])
    budget = page(HOME + "m/budget.html", terms=list(terms), headline="部门预算")
    return snapshot(home("2026-11-19"), listing, budget)


def test_market_duties_pass_when_each_is_published():
    snap = market_site()
    assert {c: run(c, snap, "market-regulation").status for c in MARKET} == dict.fromkeys(MARKET, "pass")


@pytest.mark.parametrize("code", sorted(MARKET))
def test_each_market_duty_fails_when_missing(code):
    assert run(code, market_site(drop=code), "market-regulation").status == "fail"


def test_market_results_older_than_183_days_are_stale():
    r = run("MKT002", market_site(dated="2026-04-01"), "market-regulation")
    assert r.status == "fail" and "超过 183 天" in r.findings[0].message


def test_mkt003_needs_the_three_public_expenses():
    r = run("MKT003", market_site(terms=()), "market-regulation")
    assert [f.evidence["duty"] for f in r.findings] == ["三公经费"]


def _mkt_at(code: str, as_of: str, titles: list[str]):
    rule = load_rules()[code]
    cfg = configure(rule, load_profile("market-regulation"), dt.date.fromisoformat(as_of), "department")
    listing = page(HOME + "cz/", kind="column", column="财政预决算",
                   items=[ListItem(title=t, url=HOME + f"cz/{i}.html", date="2026-01-10") for i, t in enumerate(titles)])
    budget = page(HOME + "m/budget.html", terms=["三公经费"], headline="部门预算")
    return rule.check(snapshot(home("2026-11-19"), listing, budget), cfg.settings)


@pytest.mark.parametrize("as_of, titles, missing", [
    # before 04-30 this year's 预算 is not due yet: last year's is the one to find; before 09-30 the 决算 of the year before
    ("2026-04-10", ["2025年部门预算", "2024年部门决算"], []),
    ("2026-05-10", ["2025年部门预算", "2024年部门决算"], ["2026年部门预算"]),
    ("2026-05-10", ["2026年部门预算", "2024年部门决算"], []),
    ("2026-10-10", ["2026年部门预算", "2024年部门决算"], ["2025年部门决算"]),
    ("2026-10-10", ["2026年部门预算", "2025年部门决算"], []),
])
def test_mkt003_judges_budgets_and_final_accounts_by_when_they_are_due(as_of, titles, missing):
    r = _mkt_at("MKT003", as_of, titles)
    assert [f.evidence["duty"] for f in r.findings] == missing


@pytest.mark.parametrize("as_of, plan, status", [
    ("2026-02-10", "2025年度双随机抽查计划", "pass"),      # before 03-31: last year's plan
    ("2026-04-10", "2025年度双随机抽查计划", "fail"),      # after: this year's is due
    ("2026-04-10", "2026年度双随机抽查计划", "pass"),
])
def test_mkt001_wants_this_years_plan_once_it_is_due(as_of, plan, status):
    r = _mkt_at("MKT001", as_of, [plan, "第一季度双随机抽查结果公示"])
    assert r.status == status, [f.message for f in r.findings]


def test_the_national_profile_does_not_select_market_duties():
    from auditor.app.judge import selected_rules
    assert not any(r.code.startswith("MKT") for r in selected_rules(load_profile("national")))
    assert any(r.code.startswith("MKT") for r in selected_rules(load_profile("market-regulation")))


def test_a_procurement_notice_for_sampling_services_is_not_sampling_results():
    listing = page(HOME + "zfcg/", kind="column", items=[ListItem(
        title="榕江市市场监督管理局2026年食品安全抽检服务项目中标结果公告", url=HOME + "zfcg/1.html", date="2026-10-10")])
    assert run("MKT002", snapshot(home("2026-11-19"), listing), "market-regulation").status == "fail"


def test_a_dead_link_publishes_nothing():
    snap = market_site(drop="MKT006")
    snap.home.links.append(Link(url=HOME + "dead.html", text="投诉举报须知"))
    snap.records.append(page(HOME + "dead.html", status=500))
    snap._index(snap.records[-1])
    snap.cache.clear()
    assert any("投诉举报办理程序" in f.message for f in run("MKT006", snap, "market-regulation").findings)


def test_upd002_entries_from_a_data_endpoint_count_for_their_column():
    listing = column("gzdt/", "工作动态", "2026-09-01")                               # page itself: stale
    answer = page(HOME + "module/dataproxy.jsp?startrecord=16", kind="column", column="工作动态",
                  list_of=HOME + "gzdt/", via="jpage", items=items("2026-11-15"))      # fresh, from the proxy
    assert run("UPD002", snapshot(home("2026-11-19"), listing, answer)).status == "pass"
    assert run("UPD002", snapshot(home("2026-11-19"), listing)).status == "fail"


def test_upd002_a_column_whose_script_built_list_was_not_read_is_a_warning_to_verify():
    stale = column("gzdt/", "工作动态", "2026-09-01")
    unread = page(HOME + "gzdt/index_1.html", kind="column", column="工作动态", script_built=True)
    r = run("UPD002", snapshot(home("2026-11-19"), stale, unread))
    assert r.status == "warn" and r.findings[0].status == "warn" and "待人工核实" in r.findings[0].message
    assert r.findings[0].evidence["uncertain"] == "script_built"
