"""probe, audit, recheck and history through the real CLI against a small site on loopback, with a
history store of the test's own (SPEC §3, §9)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from auditor.app.cli import main
from auditor.app.monitor.store import Store
from auditor.core.rundir import PROBES
from tests.servers import Route, RouteServer, html
from tests.test_history import probes_for

AS_OF = dt.date(2026, 11, 20)
HOME = ("<html><head><meta charset='utf-8'><title>某县市场监督管理局</title></head><body>"
        "<ul class='news'>" + "".join(f"<li><a href='/xw/{i}.html'>工作动态{i}</a><span>2026-11-{10 + i}</span></li>"
                                      for i in range(5)) + "</ul></body></html>")


@pytest.fixture
def site():
    routes = {"/": html(HOME), **{f"/xw/{i}.html": html(f"<html><body><h1>工作动态{i}</h1><p>正文</p></body></html>")
                                 for i in range(5)},
              "/moved/": Route(status=302, headers={"Location": "http://h:99999/"})}     # a broken redirect
    with RouteServer(routes) as server:
        yield server.url


def audit(url: str, db, out, *extra: str) -> dict:
    code = main(["audit", url, "--db", str(db), "--out", str(out), "--as-of", AS_OF.isoformat(), "--quiet",
                 "--format", "json,html", "--allow-private", *extra])
    assert code in (0, 1)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def result(report: dict, code: str) -> dict:
    return next(r for r in report["results"] if r["code"] == code)


def test_probe_records_every_site_and_tells_failures_apart(site, tmp_path, capsys):
    db = tmp_path / "h.sqlite"
    code = main(["probe", site, site + "missing/", "http://nonexistent.invalid/", site + "moved/", "--db", str(db),
                 "--format", "json"])
    assert code == 1                                     # a site could not be opened
    rows = {r["url"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[site]["ok"] and rows[site]["status"] == 200 and rows[site]["newest"] == "2026-11-14"
    assert rows[site + "missing/"]["error"].startswith("http:") and rows[site + "missing/"]["status"] == 404
    assert rows["http://nonexistent.invalid/"]["error"].startswith("dns:")
    assert rows[site + "moved/"]["error"].startswith("redirect:")        # one broken site does not stop the round
    assert Store.open(db).counts()["probes"] == 4
    assert main(["probe", site, "--db", str(db), "--limit", "5"]) == 2   # 19号 counts 15 s: no shorter limit


def test_probe_reads_a_sites_csv_and_refuses_an_empty_round(site, tmp_path):
    sites = tmp_path / "sites.csv"
    sites.write_text(f"name,url\n某县市场监督管理局,{site}\n", encoding="utf-8")
    assert main(["probe", "--sites", str(sites), "--db", str(tmp_path / "h.sqlite"), "--quiet"]) == 0
    store = Store.open(tmp_path / "h.sqlite")
    assert store.site(site).name == "某县市场监督管理局"
    assert main(["probe", "--db", str(tmp_path / "h.sqlite")]) == 2


def test_an_audit_judges_availability_from_the_store_recheck_agrees_and_history_lists_it(site, tmp_path, capsys):
    db = tmp_path / "h.sqlite"
    store = Store.open(db)
    store.record_probes(probes_for(site, 7, 20, bad_every=10, end=AS_OF))      # 10 % failed: a veto
    store.close()
    first = audit(site, db, tmp_path / "r1")
    avl = result(first, "AVL001")
    assert avl["status"] == "fail" and avl["veto_hit"] and "AVL001" in first["score"]["veto"]
    assert (tmp_path / "r1" / PROBES).is_file()
    assert first["history"]["runs"] == [] and first["history"]["availability"]["7"] == \
        {"probes": 140, "bad": 14, "share": 0.1}
    # recheck reads the run directory's probe summary, not the store
    assert main(["recheck", str(tmp_path / "r1"), "--out", str(tmp_path / "re"), "--format", "json",
                 "--quiet"]) in (0, 1)
    again = json.loads((tmp_path / "re" / "report.json").read_text(encoding="utf-8"))
    assert result(again, "AVL001")["status"] == "fail" and result(again, "AVL001")["findings"] == avl["findings"]

    second = audit(site, db, tmp_path / "r2")
    assert len(second["history"]["runs"]) == 1 and second["history"]["since"] == AS_OF.isoformat()
    assert second["history"]["fixed"] == [] and second["history"]["new"] == []
    page = (tmp_path / "r2" / "report.html").read_text(encoding="utf-8")
    assert "历次检查与可用性" in page and "近 7 天 140 次" in page

    capsys.readouterr()
    assert main(["history", site, "--db", str(db), "--format", "json", "--as-of", "2026-11-19"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["runs"]) == 2 and data["runs"][0]["as_of"] == AS_OF.isoformat()
    assert data["availability"]["7"] == {"probes": 140, "bad": 14, "share": 0.1}
    assert main(["history", "--db", str(db)]) == 0
    assert site in capsys.readouterr().out


def test_no_history_records_and_reads_nothing(site, tmp_path):
    db = tmp_path / "h.sqlite"
    report = audit(site, db, tmp_path / "r1", "--no-history")
    assert report["history"] is None and not (tmp_path / "r1" / PROBES).exists()
    assert result(report, "AVL001")["status"] == "na"
    assert Store.open(db).counts()["runs"] == 0


def test_an_unreachable_store_costs_the_audit_nothing(site, tmp_path):
    report = audit(site, "postgresql://nobody@127.0.0.1:1/none", tmp_path / "r1")
    assert any("历史库不可用" in w for w in report["warnings"])
    assert result(report, "AVL001")["status"] == "na" and report["score"]["total"] is not None
