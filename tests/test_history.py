"""The history store (SPEC §9) on both engines — SQLite and a real PostgreSQL server — and what reads
it: ``history``, AVL001 through the probe summary, and a killed or concurrent writer."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parsel import Selector

from auditor.app.commands.history_cmd import site_history
from auditor.app.monitor.dashboard import build as build_dashboard
from auditor.app.monitor.availability import availability_of, summarise
from auditor.app.monitor.store import Store, finding_rows, relative
from auditor.core.models import PageRecord
from auditor.core.report import Report
from auditor.core.snapshot import SiteSnapshot
from rules.availability import site_reachable

REPO = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((REPO / "tests" / "golden" / "planted.report.json").read_text(encoding="utf-8"))
SITE = "http://www.example.gov.cn/"
UTC = dt.timezone.utc
AS_OF = dt.date(2026, 11, 20)
DASHBOARD: dict = {}             # the first engine's dashboard figures, for the second to match


def report(site: str = SITE, *, as_of: dt.date = AS_OF, score: float | None = 60.0, grade: str = "合格",
           drop: int = 0, findings: int | None = None) -> Report:
    """The planted report moved to ``site``: its failing rules' findings, less the first ``drop`` rules."""
    data = json.loads(json.dumps(GOLDEN))
    data["site"]["url"], data["site"]["name"], data["as_of"] = site, "某市市场监督管理局", as_of.isoformat()
    data["score"]["total"], data["score"]["grade"] = score, grade
    failing = [r for r in data["results"] if r["status"] in ("fail", "warn")]
    for r in failing[:drop]:
        r["status"], r["findings"] = "pass", []
    for r in data["results"]:
        for f in r["findings"]:
            if f.get("url"):
                f["url"] = f["url"].replace("http://sample-site.test/", site)
    if findings is not None:             # one rule with this many findings, each its own URL
        data["results"][0].update(status="fail", findings=[
            {"message": f"问题 {i}", "url": f"{site}p/{i}.html", "status": "fail"} for i in range(findings)])
    return Report.model_validate(data)


def probes_for(site: str, days: int, per_day: int, bad_every: int | None, end: dt.date = AS_OF) -> list[dict]:
    """``per_day`` probes a day (China time) on the ``days`` days before ``end``; every ``bad_every``-th fails."""
    rows, n = [], 0
    for d in range(days, 0, -1):
        day = end - dt.timedelta(days=d)
        start = dt.datetime.combine(day, dt.time(0, 5), dt.timezone(dt.timedelta(hours=8)))
        for i in range(per_day):
            n += 1
            bad = bad_every is not None and n % bad_every == 0
            rows.append({"url": site, "at": start + dt.timedelta(minutes=i * (1430 // per_day)), "ok": not bad,
                         "status": None if bad else 200, "error": "timeout: 15 秒内未能打开" if bad else None,
                         "seconds": 15.0 if bad else 0.3, "newest": None if bad else day - dt.timedelta(days=2)})
    return rows


def avl001(store: Store, as_of: dt.date = AS_OF, site: str = SITE, judged_on: dt.date | None = None):
    snap = SiteSnapshot([PageRecord(url=site, status=200, kind="home")], start_url=site)
    snap.probes = summarise(store, site, as_of)
    return site_reachable(snap, {"unavailable_share": 0.05, "as_of": judged_on or as_of})


# -- the same answers on both engines ---------------------------------------------------------------

def answers(store_url: str, out: Path) -> dict:
    store = Store.open(store_url)
    start = dt.datetime(2026, 6, 1, 9, tzinfo=UTC)
    for i in range(50):             # 50 audits, one every third day; findings fixed one rule at a time
        store.record_run(report(as_of=dt.date(2026, 6, 1) + dt.timedelta(days=3 * i), score=40.0 + i,
                                drop=i // 2), at=start + dt.timedelta(days=3 * i))
    week = probes_for(SITE, 7, 1429, bad_every=20)         # 10,003 probes, every 20th failed: 5 %
    store.record_probes(week[:10_000])
    history = site_history(store, SITE, AS_OF, 50)
    result = avl001(store)
    got = {"runs": len(history["runs"]), "newest": history["runs"][0]["score"], "oldest": history["runs"][-1]["score"],
           "fixed": [r["fixed"] for r in history["runs"][:3]], "new": [r["new"] for r in history["runs"][:3]],
           "open": [r["open"] for r in history["runs"][:2]], "availability": availability_of(store, SITE, AS_OF, 7),
           "avl": (result.status, len(result.findings), result.metrics["probes"], result.metrics["bad"]),
           "counts": store.counts()}
    build_dashboard(store, out / "dashboard", as_of=AS_OF)
    row = Selector(text=(out / "dashboard" / "index.html").read_text(encoding="utf-8")).css("#sites tbody tr")
    got["dashboard"] = [{k: v for k, v in r.attrib.items() if k.startswith("data-")} for r in row]
    store.close()
    return got


def identities(r: Report) -> set:
    return {(row["code"], row["url"]) for row in finding_rows(r, 0)}


def test_fifty_audits_and_ten_thousand_probes_give_the_same_answers_on_both_engines(store_url, tmp_path):
    """The expected answers are worked out from the reports themselves, so both engines must give them."""
    got = answers(store_url, tmp_path)
    assert got["runs"] == 50 and got["newest"] == 89.0 and got["oldest"] == 40.0
    assert got["counts"]["runs"] == 50 and got["counts"]["probes"] == 10_000 and got["counts"]["sites"] == 1
    newest, before, earlier = (identities(report(drop=d)) for d in (24, 24, 23))
    assert got["fixed"] == [0, len(earlier - before), 0] and got["new"] == [0, 0, 0] and got["fixed"][1] > 0
    assert got["open"] == [len(newest), len(before)]
    assert got["availability"] == {"probes": 10_000, "bad": 500, "share": 0.05}
    assert got["avl"] == ("fail", 50, 10_000, 500)          # 5 % exactly is a veto (超过（含）5%)
    assert got["counts"]["findings"] == sum(len(identities(report(drop=i // 2))) for i in range(50))
    [row] = got["dashboard"]                                   # the dashboard's figures for the site
    assert row["data-name"] == "某市市场监督管理局" and float(row["data-score"]) == 89.0
    assert got["dashboard"] == DASHBOARD.setdefault("figures", got["dashboard"])   # the other engine's, when it ran


def test_avl001_is_not_applicable_until_a_week_of_twenty_probes_a_day(tmp_path):
    store = Store.open(tmp_path / "h.sqlite")
    assert avl001(store).status == "na"
    store.record_probes(probes_for(SITE, 7, 19, bad_every=None))        # 19 a day: one short
    r = avl001(store)
    assert r.status == "na" and "不足" in r.message
    store.record_probes(probes_for(SITE, 7, 1, bad_every=None))         # now 20 a day, none failed
    assert avl001(store).status == "pass"
    store.record_probes([{**p, "ok": False, "error": "connect: 连接被拒绝", "status": None}
                         for p in probes_for(SITE, 7, 1, bad_every=None)])   # 7 of 147 failed: 4.8 %
    assert avl001(store).status == "pass"
    store.record_probes([{**p, "ok": True, "seconds": 15.2} for p in probes_for(SITE, 1, 1, bad_every=None)])
    r = avl001(store)                                                    # 8 of 148: 5.4 %, one of them slow
    assert r.status == "fail" and any("超过 15 秒" in f.message for f in r.findings)
    assert all(f.url == SITE for f in r.findings)
    # a run's probes judged again on another as-of date (recheck --as-of) are not that date's week
    stale = avl001(store, judged_on=AS_OF + dt.timedelta(days=30))
    assert stale.status == "na" and "不符" in stale.message


def test_probes_older_than_the_week_or_of_the_as_of_day_do_not_count(tmp_path):
    store = Store.open(tmp_path / "h.sqlite")
    store.record_probes(probes_for(SITE, 8, 20, bad_every=2))            # the 8th day back is outside
    store.record_probes(probes_for(SITE, 0, 20, bad_every=1))
    summary = summarise(store, SITE, AS_OF)
    assert [d.day for d in summary.days] == [(AS_OF - dt.timedelta(days=d)).isoformat() for d in range(7, 0, -1)]
    assert summary.probes == 140


def test_finding_identity_is_code_and_site_relative_url():
    assert relative("http://www.example.gov.cn/a/b.html?x=1", SITE) == "/a/b.html?x=1"
    assert relative("http://www.example.gov.cn", SITE) == "/"
    assert relative("https://other.gov.cn/a.html", SITE) == "https://other.gov.cn/a.html"
    assert relative(None, SITE) == ""


# -- a killed writer, concurrent writers -----------------------------------------------------------

WRITER = """
import datetime as dt, json, sys
sys.path.insert(0, {repo!r})
from tests.test_history import report, probes_for
from auditor.app.monitor.store import Store
store = Store.open({url!r})
kind, n = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
for i in range(n):
    if kind == "runs":
        store.record_run(report(site="http://w{{}}.example.gov.cn/".format(i % 7), findings=300))
    else:
        store.record_probes(probes_for("http://p{{}}.example.gov.cn/".format(i % 5), 1, 100, bad_every=3))
"""


def writer(url: str, kind: str, n: int) -> subprocess.Popen:
    code = WRITER.format(repo=str(REPO), url=url)
    proc = subprocess.Popen([sys.executable, "-c", code, kind, str(n)], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout.readline().strip() == "ready"
    return proc


def consistent(url: str) -> dict:
    store = Store.open(url)
    counts = store.counts()
    from sqlalchemy import text
    with store.engine.connect() as conn:
        per_run = [n for (n,) in conn.execute(text("SELECT count(*) FROM findings GROUP BY run_id"))]
        if store.dialect == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    whole = len(identities(report(findings=300)))
    assert all(n == whole for n in per_run) and len(per_run) == counts["runs"]   # a run is there whole or not at all
    assert counts["probes"] % 100 == 0                                          # so is a batch of probes
    store.close()
    return counts


@pytest.mark.parametrize("kind", ["runs", "probes"])
def test_a_killed_writer_leaves_the_store_consistent(store_url, kind):
    Store.open(store_url).close()                      # created before the writer starts
    proc = writer(store_url, kind, 10_000)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.3)
        counts = Store.open(store_url).counts()
        if counts["runs" if kind == "runs" else "probes"] >= (3 if kind == "runs" else 500):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    before = consistent(store_url)
    assert before["runs" if kind == "runs" else "probes"] > 0
    store = Store.open(store_url)                      # and it takes the next record
    store.record_run(report(findings=300))
    assert store.counts()["runs"] == before["runs"] + 1


def test_a_batch_and_a_probe_round_writing_at_once_lose_nothing(store_url):
    Store.open(store_url).close()
    runs, rounds = writer(store_url, "runs", 15), writer(store_url, "probes", 40)
    assert runs.wait(180) == 0 and rounds.wait(180) == 0
    counts = consistent(store_url)
    assert counts["runs"] == 15 and counts["findings"] == 15 * len(identities(report(findings=300)))
    assert counts["probes"] == 40 * 100
    assert counts["sites"] == 7 + 5


def test_a_store_that_cannot_be_opened_is_a_clear_error(tmp_path):
    from auditor.core.errors import ConfigError
    with pytest.raises(ConfigError, match="历史库"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(ConfigError, match="历史库"):
        Store.open("nosuchdialect://x")


# -- UPD001 over two weeks of probes ---------------------------------------------------------------

def _upd001(home: PageRecord, store: Store | None) -> object:
    from auditor.app.profiles import load_profile
    from auditor.app.judge import configure
    from rules.registry import load_rules
    rule = load_rules()["UPD001"]
    snap = SiteSnapshot([home], start_url=SITE)
    snap.probes = summarise(store, SITE, AS_OF) if store is not None else None
    return rule.check(snap, configure(rule, load_profile("national"), AS_OF, "department").settings)


def test_upd001_counts_the_newest_homepage_date_the_probes_of_the_fortnight_read(tmp_path):
    from auditor.core.models import ListItem
    stale = PageRecord(url=SITE, status=200, kind="home", items=[ListItem(title="旧动态", url=SITE + "a.html",
                                                                          date="2026-10-01")])
    assert _upd001(stale, None).status == "fail"
    store = Store.open(tmp_path / "h.sqlite")
    store.record_probes(probes_for(SITE, 3, 2, bad_every=None))      # probes of the last 3 days read 2026-11-15..17
    passed = _upd001(stale, store)
    assert passed.status == "pass" and "可用性探测" in passed.message
    down = PageRecord(url=SITE, status=None, error="连接超时", kind="home")
    assert _upd001(down, store).status == "pass"                    # the homepage was down on the day: the fortnight counts
    assert _upd001(down, None).status == "error"
    old = Store.open(tmp_path / "old.sqlite")                        # probes older than 14 days do not count
    old.record_probes(probes_for(SITE, 2, 2, bad_every=None, end=AS_OF - dt.timedelta(days=20)))
    assert _upd001(stale, old).status == "fail"
