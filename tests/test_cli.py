"""The command line: exit codes of SPEC §3, one-line errors, rules/explain/inspect, recheck."""
from __future__ import annotations

import json
import socket

import pytest

from auditor.app.cli import main

from tests.servers import RouteServer, html


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url", ["ftp://example.gov.cn/", "http://", "http://exa mple.gov.cn/"])
def test_an_invalid_url_is_a_usage_error(url, capsys):
    assert main(["audit", url, "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gkaudit:") and "\n" not in err


def test_an_unknown_profile_exits_2_before_crawling(capsys, tmp_path):
    assert main(["audit", "http://127.0.0.1:9/", "--profile", "nope", "--out", str(tmp_path)]) == 2
    assert "未知的配置方案" in capsys.readouterr().err
    assert not (tmp_path / "pages.jsonl.gz").exists()


def test_bad_arguments_are_usage_errors(capsys):
    assert main(["audit"]) == 2
    assert main(["audit", "http://x.gov.cn/", "--as-of", "2026-13-01"]) == 2
    assert main(["audit", "http://x.gov.cn/", "--format", "pdf"]) == 2


def test_an_unreachable_site_exits_3_with_a_report_that_says_so(tmp_path, capsys):
    out = tmp_path / "run"
    code = main(["audit", f"http://127.0.0.1:{free_port()}/", "--out", str(out), "--quiet",
                 "--timeout", "2", "--as-of", "2026-11-20"])
    assert code == 3
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["score"]["grade"] == "无法评定"
    assert any("网站无法访问" in w for w in report["warnings"])
    assert all(r["status"] in ("error", "na") for r in report["results"])


def test_a_score_below_fail_under_exits_1(tmp_path):
    home = html('<html><head><title>首页</title></head><body><ul>'
                '<li><a href="/x.html">新闻一</a><span>2026-11-18</span></li>'
                '<li><a href="/y.html">新闻二</a><span>2026-11-17</span></li></ul></body></html>')
    with RouteServer({"/": home}) as srv:
        ok = main(["audit", srv.url, "--out", str(tmp_path / "a"), "--quiet", "--as-of", "2026-11-20"])
        low = main(["audit", srv.url, "--out", str(tmp_path / "b"), "--quiet", "--fail-under", "99",
                    "--as-of", "2026-11-20"])
    assert ok == 0 and low == 1


def test_a_veto_hit_exits_1_whatever_the_score(tmp_path):
    blank = ('<html><head><meta name="ColumnName" content="栏目{i}"><title>栏目{i}</title></head>'
             '<body><ul class="list"></ul><p>暂无信息</p></body></html>')
    links = "".join(f'<a href="/c{i}/">栏目{i}</a>' for i in range(5))
    news = '<ul><li><a href="/n1.html">动态</a><span>2026-11-18</span></li><li><a href="/n2.html">动态</a><span>2026-11-17</span></li></ul>'
    routes = {"/": html(f'<html><head><title>首页</title></head><body>{links}{news}</body></html>')}
    routes.update({f"/c{i}/": html(blank.format(i=i)) for i in range(5)})
    with RouteServer(routes) as srv:
        code = main(["audit", srv.url, "--out", str(tmp_path), "--quiet", "--as-of", "2026-11-20"])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["score"]["veto"] == ["COL004"] and report["score"]["grade"] == "不合格"
    assert code == 1


def test_an_internal_error_is_exit_4_with_one_line(monkeypatch, capsys):
    import auditor.app.commands.rules_cmd as rules_cmd

    def boom(args):
        raise RuntimeError("故障")
    monkeypatch.setattr(rules_cmd, "run", boom)
    assert main(["rules"]) == 4
    err = capsys.readouterr().err.strip()
    assert "内部错误" in err and "\n" not in err


def test_rules_lists_every_registered_code(capsys):
    from rules.registry import load_rules
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(code in out for code in load_rules())


def test_explain_reads_like_a_rule_page(capsys):
    assert main(["explain", "col001"]) == 0
    out = capsys.readouterr().out
    for part in ("COL001", "检查内容", "为什么", "如何整改", "依据", "国办公开办函〔2019〕61号"):
        assert part in out
    assert main(["explain", "XYZ999"]) == 2


def test_inspect_prints_the_page_record_as_json(tmp_path, capsys):
    f = tmp_path / "p.html"
    f.write_bytes('<html><head><title>关于印发《办法》的通知</title><meta name="PubDate" content="2026-09-16">'
                  '</head><body>文号：榕市监规〔2026〕3号</body></html>'.encode("gbk"))
    assert main(["inspect", str(f), "--url", "http://x.gov.cn/zcwj/1.html", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["published"] == "2026-09-16" and record["doc_number"] == "榕市监规〔2026〕3号"
    assert record["charset"] in ("gb18030", "gbk", "gb2312")
    assert main(["inspect", str(tmp_path / "missing.html")]) == 2


def test_recheck_of_a_directory_that_is_no_run_is_a_usage_error(tmp_path):
    assert main(["recheck", str(tmp_path)]) == 2


def test_a_non_html_start_url_is_unrated_and_no_rule_fails(tmp_path):
    from tests.servers import Route
    with RouteServer({"/": Route(b"%PDF-1.4 x", headers={"Content-Type": "application/pdf"})}) as srv:
        code = main(["audit", srv.url, "--out", str(tmp_path), "--quiet", "--as-of", "2026-11-20"])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert code == 3
    assert report["score"]["total"] is None and report["score"]["deductions"] == []
    assert {r["status"] for r in report["results"]} == {"error"}


def test_format_json_dash_puts_the_report_and_nothing_else_on_stdout(tmp_path, capsys):
    home = html('<html><head><title>首页</title></head><body><p>x</p></body></html>')
    with RouteServer({"/": home}) as srv:
        main(["audit", srv.url, "--out", str(tmp_path), "--as-of", "2026-11-20", "--format", "json", "-"])
    out = capsys.readouterr().out
    assert json.loads(out)["site"]["url"] == srv.url
