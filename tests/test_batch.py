"""Batch audits: the site list, concurrency across sites, resume, and the ranking files."""
from __future__ import annotations

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
    assert main(["batch", str(path), "--out", str(out), "--quiet", "--as-of", "2026-11-20", "--timeout", "2"]) == 0
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
    assert main(["batch", str(path), "--out", str(out), "--quiet", "--as-of", "2026-11-20"]) == 0
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
