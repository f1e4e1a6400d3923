"""Batch audits: the site list, concurrency across sites, resume, and the ranking files."""
from __future__ import annotations

import json

import csv
import time

import pytest
from openpyxl import load_workbook

from auditor.app.batch.sites import read_sites
from auditor.app.cli import main

from tests.servers import RouteServer, html


def site_routes(title: str, pages: int = 10, delay: float = 0.0) -> dict:
    news = "".join(f'<li><a href="/n{i}.html">{title}动态{i}</a><span>2026-11-1{i % 9}</span></li>' for i in range(pages))
    routes = {"/": html(f'<html lang="zh-CN"><head><title>{title}</title></head><body><ul>{news}</ul>'
                        f'<div class="footer">主办单位：{title}</div></body></html>', delay=delay)}
    routes.update({f"/n{i}.html": html(f"<html><head><title>{title}{i}</title></head><body>正文</body></html>",
                                        delay=delay) for i in range(pages)})
    return routes


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_the_site_list_reads_every_encoding_excel_writes(tmp_path, encoding):
    path = tmp_path / "sites.csv"
    write_csv(path, [["名称", "网址", "方案", "层级"], ["榕江市市场监管局", "http://127.0.0.1:9/", "market-regulation", "部门"],
                     ["县政府", "county.example.gov.cn", "", "政府"]], encoding)
    sites, errors = read_sites(path)
    assert errors == []
    assert [(s.name, s.url, s.profile, s.level) for s in sites] == [
        ("榕江市市场监管局", "http://127.0.0.1:9/", "market-regulation", "department"),
        ("县政府", "http://county.example.gov.cn", "national", "government")]


def test_a_bad_row_is_reported_with_its_line_and_the_rest_go_on(tmp_path):
    path = tmp_path / "sites.csv"
    write_csv(path, [["name", "url", "profile", "level"], ["a", "http://a.gov.cn/", "national", ""],
                     ["b", "ftp://b.gov.cn/", "", ""], ["c", "http://c.gov.cn/", "nope", ""],
                     ["d", "http://d.gov.cn/", "", "county"], ["e", "http://a.gov.cn/", "", ""], []])
    sites, errors = read_sites(path)
    assert [s.name for s in sites] == ["a"]
    assert [e.line for e in errors] == [3, 4, 5, 6]


def test_a_list_without_a_url_column_is_a_usage_error(tmp_path):
    path = tmp_path / "sites.csv"
    write_csv(path, [["name", "address"], ["a", "http://a.gov.cn/"]])
    assert main(["batch", str(path), "--out", str(tmp_path / "out")]) == 2


@pytest.fixture(scope="module")
def four_sites():
    servers = [RouteServer(site_routes(f"站点{i}", pages=8, delay=0.25), host=f"127.0.0.{i + 2}") for i in range(4)]
    for s in servers:
        s.__enter__()
    yield servers
    for s in servers:
        s.__exit__(None, None, None)


def test_a_batch_takes_about_as_long_as_its_slowest_site(tmp_path, four_sites):
    started = time.monotonic()
    main(["audit", four_sites[0].url, "--out", str(tmp_path / "alone"), "--quiet", "--as-of", "2026-11-20",
          "--concurrency", "2"])
    alone = time.monotonic() - started
    path = tmp_path / "sites.csv"
    write_csv(path, [["name", "url"]] + [[f"站点{i}", s.url] for i, s in enumerate(four_sites)])
    started = time.monotonic()
    assert main(["batch", str(path), "--out", str(tmp_path / "batch"), "--quiet", "--as-of", "2026-11-20",
                 "--concurrency", "2"]) == 0
    batch = time.monotonic() - started
    print(f"one site alone {alone:.2f}s, four sites in a batch {batch:.2f}s, ratio {batch / alone:.2f}")
    assert batch < 1.5 * alone + 1.0        # one after another would take four times as long


def test_the_ranking_files_and_resuming(tmp_path, four_sites):
    path = tmp_path / "sites.csv"
    write_csv(path, [["名称", "网址"], ["<b>站点</b>", four_sites[0].url], ["站点1", four_sites[1].url],
                     ["关闭的", "http://127.0.0.1:9/"]])
    out = tmp_path / "out"
    db = tmp_path / "history.sqlite"
    assert main(["batch", str(path), "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--timeout", "2",
                 "--db", str(db)]) == 0
    from auditor.app.monitor.store import Store
    store = Store.open(db)                            # every judged site recorded, as a run of this batch
    recorded = [store.runs_of(url) for url in (four_sites[0].url, four_sites[1].url, "http://127.0.0.1:9/")]
    assert [[(r.kind, r.batch) for r in runs] for runs in recorded] == [[("batch", "out")]] * 3
    with open(out / "summary.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:6] == ["排名", "网站名称", "网址", "层级", "得分", "等级"] and len(rows) == 4
    assert rows[-1][5] == "无法评定" and "网站无法访问" in rows[-1][-1]          # not dropped, with the reason
    ws = load_workbook(out / "summary.xlsx").active
    assert ws.freeze_panes == "A2" and ws["B1"].value == "网站名称" and ws.column_dimensions["B"].width >= 8
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;站点&lt;/b&gt;" in page and "<b>站点</b>" not in page and 'href="sites/' in page
    before = (out / "sites").stat().st_mtime_ns
    reports = sorted(out.glob("sites/*/report.json"))
    stamps = [r.stat().st_mtime_ns for r in reports]
    assert main(["batch", str(path), "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--db", str(db)]) == 0
    assert len(store.runs_of(four_sites[0].url)) == 1            # a result reused is not recorded twice
    assert [r.stat().st_mtime_ns for r in reports] == stamps and before == (out / "sites").stat().st_mtime_ns
    with open(out / "summary.csv", encoding="utf-8-sig") as fh:
        assert all("沿用上次结果" in row[-1] or "无法访问" in row[-1] for row in list(csv.reader(fh))[1:])


def test_site_names_and_urls_cannot_escape_the_output_directory(tmp_path):
    path = tmp_path / "sites.csv"
    write_csv(path, [["name", "url"], ["../../etc/passwd", "http://a.gov.cn/../../x"], ["CON", "http://b.gov.cn:8080/"]])
    sites, errors = read_sites(path)
    assert errors == []
    for site in sites:
        slug_path = (tmp_path / "out" / "sites" / site.slug).resolve()
        assert slug_path.parent == (tmp_path / "out" / "sites").resolve() and "/" not in site.slug
        assert ".." not in site.slug


COPIED_PROSE = ("2025年，本局以个体工商户分型分类精准帮扶和电动自行车安全隐患整治为重点推进政务公开，集中公开帮扶政策清单、"
                "产品质量抽查结果和经营主体信用修复办理流程，新开设轻微违法不予处罚清单专题，并完成政府信息公开平台改版。"
                "一是政策解读的针对性和可读性有待增强；二是政府信息公开指南更新不够及时。下一步将推行图解、视频解读。")
HONEST_PROSE = ("2025年，本县围绕乡村振兴和营商环境优化开展政务公开，重点公开涉农补贴发放、农村集体“三资”管理和"
                "工程建设项目审批信息，在各乡镇便民服务中心设立政府信息查阅点。存在的问题是基层公开标准目录"
                "落实不到位，下一步将组织乡镇逐项对照目录开展自查，并纳入年度绩效考核。")


def report_site(name: str, prose: str) -> dict:
    title = f"{name}2025年度政府信息公开工作年度报告"
    body = (f"<h1>{title}</h1><h3>一、总体情况</h3><p>{prose}</p><h3>五、存在的主要问题及改进情况</h3>"
            f"<p>见上。</p><h3>六、其他需要报告的事项</h3><p>无。</p>")
    return {"/": html(f'<html lang="zh-CN"><head><title>{name}</title></head><body>'
                      f'<a href="/nb/2025.html">{title}</a><div class="footer">主办单位：{name}</div></body></html>'),
            "/nb/2025.html": html(f"<html><head><title>{title}</title></head><body>{body}"
                                  f'<div class="footer">主办单位：{name}</div></body></html>')}


def test_a_batch_lists_annual_reports_copied_between_sites(tmp_path):
    """RPT006 across sites: B's report is A's with B's name; C wrote its own."""
    a = RouteServer(report_site("甲市市场监督管理局", COPIED_PROSE))
    b = RouteServer(report_site("乙县市场监督管理局", COPIED_PROSE.replace("本局", "我局")))
    c = RouteServer(report_site("丙县人民政府", HONEST_PROSE))
    with a, b, c:
        path = tmp_path / "sites.csv"
        write_csv(path, [["名称", "网址"], ["甲市市场监督管理局", a.url], ["乙县市场监督管理局", b.url],
                         ["丙县人民政府", c.url]])
        out = tmp_path / "out"
        assert main(["batch", str(path), "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--timeout", "5"]) == 0
    page = (out / "summary.html").read_text(encoding="utf-8")
    section = page.split("年报内容雷同", 1)[1].split("</table>", 1)[0]
    assert "甲市市场监督管理局" in section and "乙县市场监督管理局" in section and "丙县人民政府" not in section
    assert section.count("<tr>") == 2                 # the header and one pair
    kept = json.loads((out / "copies.json").read_text(encoding="utf-8"))     # kept for a later check
    assert [(p["site_a"], p["site_b"]) for p in kept["pairs"]] in ([("甲市市场监督管理局", "乙县市场监督管理局")],
                                                                   [("乙县市场监督管理局", "甲市市场监督管理局")])
    assert kept["threshold"] > 0
