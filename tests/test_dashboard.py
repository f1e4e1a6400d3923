"""gkaudit dashboard (SPEC §9): the static site built from the history store — its figures (grades,
scores, availability, open findings by age, fixed and new), its relative links, its escaping — and the
index in a real headless Chromium from file://: no request, no console error, sorting and filtering,
and a hostile site name that stays text."""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from parsel import Selector

from auditor.app.cli import main
from auditor.app.monitor.dashboard import build, slug
from auditor.app.monitor.dashboard_data import load
from auditor.app.monitor.store import Store
from auditor.app.monitor.trend import changes
from auditor.core.atomic import partials
from auditor.core.report import Report

from tests.test_html_browser import browser, open_report  # noqa: F401 - the Chromium fixture

REPO = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((REPO / "tests" / "golden" / "planted.report.json").read_text(encoding="utf-8"))
CHINA = dt.timezone(dt.timedelta(hours=8))
AS_OF = dt.date(2026, 11, 20)

A = "http://a.example.gov.cn/"
B = 'http://b.example.gov.cn/?q="<x>'
C = "http://c.example.gov.cn/"
JS = "javascript:alert(1)"
EVIL = "<img src=x onerror=alert(1)>"

# site A's findings by run: code -> paths. COL002 is there from the first run, INT001 from the second;
# PEN001 /p/2 goes away in the second run and comes back in the third.
A_RUNS = [
    (dt.date(2026, 7, 1), 55.0, "不合格", {"COL002": ["x/a"], "PEN001": ["p/1", "p/2"]}),
    (dt.date(2026, 10, 1), 70.0, "合格", {"COL002": ["x/a"], "PEN001": ["p/1"], "INT001": ["i/1"]}),
    (dt.date(2026, 11, 10), 82.5, "合格", {"COL002": ["x/a"], "PEN001": ["p/2"], "INT001": ["i/1"],
                                          "ERR002": ["e/1"], "LNK001": ["l/1"]}),
]


def report(site: str, name: str, as_of: dt.date, score: float, grade: str, found: dict[str, list[str]],
           veto: tuple[str, ...] = (), message: str = "问题") -> Report:
    """The planted report moved to ``site``, failing exactly the rules and pages of ``found``."""
    data = copy.deepcopy(GOLDEN)
    data["site"]["url"], data["site"]["name"], data["as_of"] = site, name, as_of.isoformat()
    data["score"].update(total=score, grade=grade, veto=list(veto))
    template = next(f for r in data["results"] for f in r["findings"])
    for r in data["results"]:
        if r["code"] in found:
            r["status"] = "fail"
            r["findings"] = [{**template, "message": f"{r['code']} {message}", "url": site.split("?")[0] + path,
                              "status": "fail"} for path in found[r["code"]]]
        elif r["status"] in ("fail", "warn"):
            r["status"], r["findings"] = "pass", []
    return Report.model_validate(data)


def probes(site: str, days: int, per_day: int, bad_every: int | None = None, end: dt.date = AS_OF,
           name: str | None = None) -> list[dict]:
    """``per_day`` probes a day (China time) on the ``days`` days up to ``end``; every ``bad_every``-th fails."""
    rows, n = [], 0
    for d in range(days):
        start = dt.datetime.combine(end - dt.timedelta(days=d), dt.time(0, 5), CHINA)
        for i in range(per_day):
            n += 1
            bad = bad_every is not None and n % bad_every == 0
            rows.append({"url": site, "name": name, "at": start + dt.timedelta(minutes=i * (1430 // per_day)),
                         "ok": not bad, "status": None if bad else 200, "error": "timeout: 15 秒内未能打开" if bad else None,
                         "seconds": 15.0 if bad else 0.4, "newest": None})
    return rows


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10, 0), CHINA)


def populate(store: Store, root: Path) -> None:
    """Three audited sites (one hostile), a probed-only site and a ``javascript:`` one."""
    run_dirs = [root / "runs" / "a1-gone", root / "runs" / "a2", root / "runs" / "甲 局#3"]
    run_dirs[1].mkdir(parents=True, exist_ok=True)
    (run_dirs[1] / "report.html").write_text("<p>2</p>", encoding="utf-8")
    run_dirs[2].mkdir(parents=True, exist_ok=True)
    for name in ("report.html", "diff.html"):
        (run_dirs[2] / name).write_text(f"<p>{name}</p>", encoding="utf-8")
    for (day, score, grade, found), run_dir in zip(A_RUNS, run_dirs):
        store.record_run(report(A, "甲市市场监督管理局", day, score, grade, found), run_dir=run_dir, at=at(day))
    store.record_run(report(A, "甲市市场监督管理局", dt.date(2026, 12, 1), 10.0, "不合格", {"COL001": ["later"]}),
                     at=at(dt.date(2026, 12, 1)))                                   # after the as-of date
    store.record_run(report(B, EVIL, dt.date(2026, 11, 18), 90.0, "不合格", {"HDJ001": ["hd/1"]}, veto=("AVL001",),
                            message="<script>alert(2)</script>"), at=at(dt.date(2026, 11, 18)))
    store.record_run(report("http://d.example.gov.cn/", "丁区人民政府", dt.date(2026, 11, 19), 64.0, "合格", {}),
                     at=at(dt.date(2026, 11, 19)))
    store.record_probes(probes(A, 7, 20) + probes(A, 1, 10, bad_every=1, end=AS_OF - dt.timedelta(days=20))
                        + probes(A, 1, 5, bad_every=1, end=AS_OF + dt.timedelta(days=1)))   # the day after: not counted
    store.record_probes(probes(B, 7, 20, bad_every=4))
    store.record_probes(probes(C, 3, 4, name="丙局"))
    store.record_probes(probes(JS, 1, 2, name="假网站"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The dashboard of ``populate``'s store (SQLite)."""
    root = tmp_path_factory.mktemp("dash")
    store = Store.open(root / "h.sqlite")
    populate(store, root)
    out = root / "dashboard"
    result = build(store, out, as_of=AS_OF, title="某市政府网站监测看板")
    yield {"root": root, "store": store, "out": out, "result": result}
    store.close()


def index(built) -> Selector:
    return Selector(text=(built["out"] / "index.html").read_text(encoding="utf-8"))


def row(page: Selector, name: str) -> Selector:
    rows = [r for r in page.css("#sites tbody tr") if r.attrib["data-name"] == name]
    assert len(rows) == 1, name
    return rows[0]


def site_page(built, url: str) -> Selector:
    return Selector(text=(built["out"] / "sites" / f"{slug(url)}.html").read_text(encoding="utf-8"))


def test_every_site_gets_a_row_and_a_page(built):
    page = index(built)
    assert built["result"].sites == 5 and built["result"].files == 6
    assert len(page.css("#sites tbody tr")) == 5
    assert sorted(p.name for p in (built["out"] / "sites").iterdir()) == sorted(
        f"{slug(u)}.html" for u in (A, B, C, JS, "http://d.example.gov.cn/"))
    assert partials(built["out"] / "index.html") == []
    assert page.css("title::text").get() == "某市政府网站监测看板"


def test_the_summary_counts_grades_vetoes_and_unavailable_sites(built):
    cards = {c.css("div:nth-child(2)::text").get(): c.css(".n::text").get() for c in index(built).css(".cards .card")}
    assert cards["网站"] == "5"
    assert cards["合格"] == "2" and cards["不合格"] == "1" and cards["未检查"] == "2"
    assert cards["有单项否决"] == "1" and cards["不可用"] == "1"


def test_latest_grade_score_and_veto(built):
    page = index(built)
    a = row(page, "甲市市场监督管理局")
    assert a.attrib["data-grade"] == "合格" and a.attrib["data-score"] == "82.5"      # the December run is later
    b = row(page, EVIL)
    assert b.attrib["data-grade"] == "不合格" and "否决：AVL001" in "".join(b.css("td *::text").getall())
    assert row(page, "丙局").attrib["data-grade"] == "未检查"


def test_the_trend_is_an_inline_svg_of_every_run(built):
    svg = row(index(built), "甲市市场监督管理局").css("svg.spark")
    points = svg.css("polyline::attr(points)").get().split()
    assert len(points) == 3
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[0] > ys[1] > ys[2]                                   # rising scores: y goes up the picture
    assert "3 次检查" in svg.attrib["aria-label"]


def test_availability_over_7_and_30_days(built):
    page = index(built)
    a, b = row(page, "甲市市场监督管理局"), row(page, EVIL)
    assert float(a.attrib["data-a7"]) == 0.0
    assert float(a.attrib["data-a30"]) == pytest.approx(10 / 150)            # the 20th day back counts in 30
    assert float(b.attrib["data-a7"]) == pytest.approx(35 / 140)
    b_cells = " ".join(b.css("td.num ::text").getall())
    assert "25.0%" in b_cells and "35/140 次" in b_cells
    assert row(page, "丁区人民政府").attrib["data-a7"] == "" and "无探测" in row(page, "丁区人民政府").get()
    assert "alarm" in b.css("td.num span::attr(class)").getall()


def test_open_findings_are_bucketed_by_first_appearance(built):
    a = row(index(built), "甲市市场监督管理局")
    # COL002 and PEN001 /p/2 since July (142 days), INT001 since October (50), ERR002 and LNK001 since 11-10
    assert (a.attrib["data-open"], a.attrib["data-young"], a.attrib["data-middle"], a.attrib["data-old"]) == \
        ("5", "2", "1", "2")
    page = site_page(built, A)
    ages = {tr.css("td:first-child::text").get() + tr.css("td.url ::text").get(): tr.css("td:last-child::text").get()
            for tr in page.xpath("//h2[starts-with(., '最近一次检查的问题')]/following-sibling::table[1]//tbody/tr")}
    assert ages == {"COL002/x/a": "142 天", "PEN001/p/2": "142 天", "INT001/i/1": "50 天", "ERR002/e/1": "10 天",
                    "LNK001/l/1": "10 天"}


def test_fixed_and_new_per_run_agree_with_the_trend_module(built):
    store = built["store"]
    stored = [r for r in reversed(store.runs_of(A)) if r.as_of <= AS_OF]
    expected = [None] + [tuple(len(x) for x in changes(store, newer, older))
                         for older, newer in zip(stored, stored[1:])]
    assert expected == [None, (1, 1), (1, 3)]
    page = site_page(built, A)
    table = page.xpath("//h2[starts-with(., '历次检查')]/following-sibling::table[1]//tbody/tr")
    got = [(tr.css("td:nth-child(6)::text").get(), tr.css("td:nth-child(7)::text").get(),
            tr.css("td:nth-child(8)::text").get()) for tr in reversed(table)]
    assert got == [("3", "—", "—"), ("3", "1", "1"), ("5", "1", "3")]          # open, fixed, new; oldest first
    assert "2026-12-01" not in page.get()                                       # after the as-of date


def test_links_to_reports_and_diffs_are_relative_and_only_when_the_files_exist(built):
    a = row(index(built), "甲市市场监督管理局")
    hrefs = a.css("td:last-child a::attr(href)").getall()
    assert hrefs == ["../runs/%E7%94%B2%20%E5%B1%80%233/report.html", "../runs/%E7%94%B2%20%E5%B1%80%233/diff.html"]
    for href in hrefs:
        assert not href.startswith(("/", "file:")) and (built["out"] / href.replace("%E7%94%B2%20%E5%B1%80%233",
                                                                                   "甲 局#3")).is_file()
    page = site_page(built, A)
    runs = page.xpath("//h2[starts-with(., '历次检查')]/following-sibling::table[1]//tbody/tr")
    newest, middle, oldest = runs
    assert newest.css("a::attr(href)").getall() == ["../" + h for h in hrefs]
    assert middle.css("a::attr(href)").getall() == ["../../runs/a2/report.html"]
    assert "diff.html" in " ".join(middle.css(".gone::text").getall())          # no diff: its path as text
    assert oldest.css("a").getall() == [] and oldest.css("td[colspan] .gone::text").get() == \
        f"运行目录已不存在：{built['root'] / 'runs' / 'a1-gone'}"          # one cell for the whole directory
    assert row(index(built), "丁区人民政府").css("td:last-child a").getall() == []   # no run directory
    site_link = a.css("td:first-child > a::attr(href)").get()
    assert site_link == f"sites/{slug(A)}.html" and (built["out"] / site_link).is_file()
    assert site_page(built, A).css("p.small a::attr(href)").get() == "../index.html"


def test_hostile_names_urls_and_messages_stay_text(built):
    text = (built["out"] / "index.html").read_text(encoding="utf-8")
    assert EVIL not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    page = index(built)
    assert page.css("img").getall() == []
    assert JS not in page.css("a::attr(href)").getall()
    assert row(page, "假网站").css(".url a").getall() == [] and JS in row(page, "假网站").css(".url::text").get()
    b_href = row(page, EVIL).css(".url a::attr(href)").get()
    assert b_href == B                                                           # an http URL: a link, escaped
    b_page = (built["out"] / "sites" / f"{slug(B)}.html").read_text(encoding="utf-8")
    assert "<script>alert(2)</script>" not in b_page and "&lt;script&gt;alert(2)&lt;/script&gt;" in b_page
    assert "<script" not in b_page                                               # the site pages run no script
    scripts = page.css("script").getall()
    assert len(scripts) == 1 and "alert" not in scripts[0]


def test_the_pages_fetch_nothing(built):
    for path in [built["out"] / "index.html", *(built["out"] / "sites").iterdir()]:
        text = path.read_text(encoding="utf-8")
        policy = Selector(text=text).css("meta[http-equiv=Content-Security-Policy]::attr(content)").get()
        assert policy.startswith("default-src 'none';") and "'unsafe-inline'" not in policy
        assert not re.search(r"""(?:src|srcset|data)\s*=\s*["']?(?:https?:|//)""", text, re.I), path
        assert "<link" not in text and "@import" not in text and "url(" not in text


def test_runs_past_the_63_bit_chunk_keep_their_changes_and_ages(tmp_path):
    """Masks are summed in chunks of 63 runs: an identity that spans the chunk boundary, goes away and
    comes back still gets the right fixed, new and first appearance."""
    site = "http://long.example.gov.cn/"
    day0 = dt.date(2026, 1, 1)
    with Store.open(tmp_path / "h.sqlite") as store:
        for k in range(70):
            found = {"COL002": ["always"]}
            if 60 <= k <= 66 and k != 64:
                found["PEN001"] = ["span"]
            if k % 2:
                found["INT001"] = ["odd"]
            store.record_run(report(site, "长", day0 + dt.timedelta(days=k), 70.0, "合格", found),
                             at=at(day0 + dt.timedelta(days=k)))
        stored = list(reversed(store.runs_of(site)))
        expected = [None] + [tuple(len(x) for x in changes(store, b, a)) for a, b in zip(stored, stored[1:])]
        (data,) = [s for batch in load(store, day0 + dt.timedelta(days=80)) for s in batch]
    assert [None if r.fixed is None else (r.fixed, r.new) for r in data.runs] == expected
    assert (data.runs[64].fixed, data.runs[65].new) == (2, 2)      # PEN001 (and INT001) gone in 64, back in 65
    assert data.first_seen == {("COL002", "/always"): day0, ("INT001", "/odd"): day0 + dt.timedelta(days=1)}


def figures(out: Path) -> dict[str, dict]:
    rows = Selector(text=(out / "index.html").read_text(encoding="utf-8")).css("#sites tbody tr")
    return {r.attrib["data-name"]: {k: v for k, v in r.attrib.items() if k.startswith("data-")} for r in rows}


def test_the_same_figures_on_sqlite_and_postgresql(built, store_url, tmp_path):
    with Store.open(store_url) as store:
        populate(store, built["root"])
        build(store, tmp_path / "d", as_of=AS_OF)
    assert figures(tmp_path / "d") == figures(built["out"])
    site = f"sites/{slug(A)}.html"
    runs = "//h2[starts-with(., '历次检查')]/following-sibling::table[1]//tbody/tr"
    assert [r.css("td::text").getall()[2:] for r in site_page(built, A).xpath(runs)] == \
        [r.css("td::text").getall()[2:] for r in Selector(text=(tmp_path / "d" / site).read_text("utf-8")).xpath(runs)]


def test_the_command_builds_the_dashboard(built, tmp_path, capsys):
    code = main(["dashboard", "--out", str(tmp_path / "d"), "--db", str(built["root"] / "h.sqlite"),
                 "--as-of", "2026-11-20", "--title", "看板"])
    assert code == 0 and "看板已生成" in capsys.readouterr().out
    assert (tmp_path / "d" / "index.html").is_file()
    assert main(["dashboard", "--out", str(tmp_path / "e"), "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert not (tmp_path / "missing.sqlite").exists()


def test_an_empty_store_builds_an_empty_dashboard(tmp_path):
    with Store.open(tmp_path / "empty.sqlite") as store:
        result = build(store, tmp_path / "d", as_of=AS_OF)
    assert result.sites == 0
    assert "历史库中还没有网站" in (tmp_path / "d" / "index.html").read_text(encoding="utf-8")


# -- in a real browser -------------------------------------------------------------------------------

def visible_scores(page) -> list[float | None]:
    scores = page.eval_on_selector_all("#sites tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.score)")
    return [float(s) if s else None for s in scores]


def test_the_index_in_chromium_sorts_filters_and_keeps_hostile_text(browser, built):  # noqa: F811
    path = built["out"] / "index.html"
    page, seen = open_report(browser, path, "dashboard-index.png")
    assert page.locator("#controls").is_visible()
    assert visible_scores(page) == [64, 82.5, 90, None, None]                 # worst first, unscored last
    page.click("#sites th[data-key=score] button")
    assert visible_scores(page) == [90, 82.5, 64, None, None]
    page.click("#sites th[data-key=score] button")
    assert visible_scores(page) == [64, 82.5, 90, None, None]
    page.click("#sites th[data-key=a7] button")
    assert page.eval_on_selector_all("#sites tbody tr", "rows => rows.map(r => r.dataset.a7)")[-1] == ""
    page.fill("#q", "甲市")
    assert page.locator("#sites tbody tr:not([hidden])").count() == 1 and page.inner_text("#shown") == "1"
    page.fill("#q", "")
    page.select_option("#grade", "未检查")
    assert page.locator("#sites tbody tr:not([hidden])").count() == 2
    page.select_option("#grade", "")
    assert page.locator("#sites tbody tr:not([hidden])").count() == 5
    assert EVIL in page.inner_text("#sites")                                    # shown as text
    assert page.locator("img").count() == 0
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["requests"] == [path.resolve().as_uri()]
    page.close()


def test_a_site_page_in_chromium(browser, built):  # noqa: F811
    path = built["out"] / "sites" / f"{slug(B)}.html"
    page, seen = open_report(browser, path, "dashboard-site.png")
    assert EVIL in page.inner_text("h1") and "<script>alert(2)</script>" in page.inner_text("body")
    assert page.locator("img").count() == 0 and page.locator("svg.chart").count() == 1
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["requests"] == [path.resolve().as_uri()]
    page.close()


def test_the_index_reads_without_javascript(browser, built):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built["out"] / "index.html").resolve().as_uri())
    assert not page.locator("#controls").is_visible()                          # the controls need JS
    assert page.locator("#sites tbody tr").count() == 5 and page.locator("svg.spark").count() == 3
    assert "82.5" in page.inner_text("#sites")
    context.close()
