"""Renderers register by format name; every command that writes or prints reports asks that one
registry (SPEC §2, DESIGN: "renderers register by format name")."""
from __future__ import annotations

import argparse
import json

import pytest

from auditor.app.audit import write_outputs
from auditor.app.commands.common import formats_of, report_formats
from auditor.core.errors import ConfigError
from reports import registry
from reports.registry import RENDERERS, renderer

from tests.test_render_fixture import sample_report


def test_the_shipped_formats_are_registered_once():
    assert sorted(registry.formats("report")) == ["html", "json", "junit", "table"]
    assert sorted(registry.formats("diff")) == ["html", "json", "table"]
    assert report_formats()[-1] == "-" and len(set(report_formats())) == 5


def test_a_second_renderer_under_a_taken_name_is_refused():
    registry.load_renderers()
    with pytest.raises(ValueError, match="duplicate"):
        renderer("html")(lambda report: "")


def test_report_json_is_always_written_and_the_others_only_when_chosen(tmp_path):
    write_outputs(sample_report(), tmp_path, ("junit",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junit.xml", "report.json"]
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["schema_version"]


@pytest.fixture
def markdown():
    """A new format, registered the way a renderer module registers itself."""
    @renderer("md", filename="report.md")
    def render(report) -> str:
        return f"# {report.site.url}\n\n{report.score.grade}\n"
    yield render
    del RENDERERS[("report", "md")]


def test_a_newly_registered_format_reaches_every_command_that_writes_reports(markdown, tmp_path):
    """--format accepts it and the pipeline writes it, with no other change."""
    args = argparse.Namespace(format=["json,md"])
    assert formats_of(args) == ("json", "md")
    report = sample_report()
    write_outputs(report, tmp_path, formats_of(args))
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith(f"# {report.site.url}")


def test_an_unregistered_format_is_a_usage_error():
    with pytest.raises(ConfigError, match="未知的输出格式"):
        formats_of(argparse.Namespace(format=["json,pdf"]))


def test_every_module_that_registers_a_renderer_is_loaded_by_the_registry():
    from pathlib import Path
    folder = Path(registry.__file__).parent
    registering = {p.stem for p in folder.glob("*.py") if "@renderer(" in p.read_text(encoding="utf-8")}
    assert registering == set(registry.RENDERER_MODULES)


def test_the_batch_ranking_is_rendered_through_the_registry(tmp_path):
    from reports.summary import Ranking
    written = registry.write_files("ranking", Ranking(rows=[], errors=[], title="排名", columns=[]), tmp_path)
    assert sorted(p.name for p in written) == ["summary.csv", "summary.html", "summary.xlsx"]
    assert (tmp_path / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")      # Excel reads it as UTF-8


def test_the_html_chart_shows_what_each_indicator_lost_as_the_score_counts_it():
    """Capped at the indicator's value, like the indicator table and the score (not the rules' raw sum)."""
    from reports.html import family_losses
    report = sample_report()
    assert report.score.indicators
    assert family_losses(report) == [(i.name, round(i.lost, 2)) for i in report.score.indicators if i.lost > 0]


def test_the_html_and_the_terminal_table_show_each_indicator_and_a_vetoed_score_as_reference():
    """SPEC §5: the report shows 一级指标 with value and loss; on a veto the points are a reference score."""
    from reports.html import render as render_html
    from reports.table import render as render_table
    report = sample_report()
    html, table = render_html(report), render_table(report)
    assert "一级指标" in html and "一级指标：" in table
    for i in report.score.indicators:
        assert f"{i.name}（{i.code}）" in html
        if i.applies:
            assert f"{i.name} {i.value - i.lost:g}/{i.value:g}" in table
    vetoed = report.model_copy(update={"score": report.score.model_copy(
        update={"veto": ["UPD001"], "reference": True, "grade": "不合格"})})
    assert "参考得分" in render_html(vetoed) and "分数仅供参考" in render_html(vetoed)
    assert "参考得分" in render_table(vetoed) and "单项否决：UPD001" in render_table(vetoed)


def test_the_ranking_puts_vetoed_sites_last_and_counts_each_indicator_as_the_score_does(tmp_path):
    """A vetoed site ranks below every site without a veto, whatever its points; the loss columns are
    the indicators' capped losses, not the rules' raw sums."""
    import csv
    from auditor.core.batch import Outcome, Site
    from reports.summary import ranking
    report = sample_report()
    high_veto = report.model_copy(update={"score": report.score.model_copy(
        update={"veto": ["UPD001"], "reference": True, "grade": "不合格", "total": 99.0})})
    low = report.model_copy(update={"score": report.score.model_copy(
        update={"veto": [], "reference": False, "grade": "合格", "total": 61.0})})
    outcomes = [Outcome(site=Site(line=2, name="否决但高分", url="http://a.gov.cn/", profile="national", level=None), run_dir=tmp_path / "a",
                        report=high_veto),
                Outcome(site=Site(line=3, name="低分无否决", url="http://b.gov.cn/", profile="national", level=None), run_dir=tmp_path / "b",
                        report=low)]
    r = ranking(outcomes, [], tmp_path, "排名")
    assert [row.name for row in r.rows] == ["低分无否决", "否决但高分"]
    assert r.columns == [i.name for i in report.score.indicators]
    assert r.rows[0].losses == {i.name: i.lost for i in report.score.indicators}
    registry.write_files("ranking", r, tmp_path)
    with open(tmp_path / "summary.csv", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))
    assert [f"{i.name}扣分" for i in report.score.indicators] == header[7:7 + len(r.columns)]


HOSTILE_NAMES = ['=HYPERLINK("http://evil.example/","点击查看")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0",
                 "\tTAB", "\rCR", "名\x00称\x1b]0;owned\x07", "正常名称"]


def test_the_ranking_files_neutralise_formulas_and_control_characters(tmp_path):
    """Issue 18 (injection): a site name =HYPERLINK(…) became a live formula in summary.csv/xlsx, and one
    control character made openpyxl raise after every audit ran. Cells that begin with = + - @, a tab or
    a CR get an apostrophe (OWASP); XLSX cells are text; characters XML forbids are dropped."""
    import csv
    from openpyxl import load_workbook
    from auditor.core.batch import Outcome, Site
    from reports.summary import ranking
    report = sample_report()
    outcomes = [Outcome(site=Site(line=i + 2, name=name, url=f"http://s{i}.gov.cn/", profile="national", level=None),
                        run_dir=tmp_path / f"s{i}", report=report) for i, name in enumerate(HOSTILE_NAMES)]
    registry.write_files("ranking", ranking(outcomes, [], tmp_path, "排名"), tmp_path)
    with open(tmp_path / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        names = [row[1] for row in list(csv.reader(fh))[1:]]
    from auditor.core.textsafe import xml_safe
    assert set(names) == {"'" + n if n[0] in "=+-@\t\r" else xml_safe(n) for n in HOSTILE_NAMES}
    assert all(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in names)
    sheet = load_workbook(tmp_path / "summary.xlsx").active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" and not str(c.value).startswith("=") for c in cells)
    assert any("HYPERLINK" in str(c.value) for c in cells) and not any("\x00" in str(c.value) for c in cells)


def test_junit_is_well_formed_whatever_the_crawled_text_holds():
    import xml.etree.ElementTree as ET
    from reports.junit import render
    report = sample_report()
    failing = next(r for r in report.results if r.findings)
    failing.findings[0].message = "坏\x00字符\x1b[2J\x0b\ud800页"
    failing.message = "\x07铃"
    root = ET.fromstring(render(report))
    assert "坏字符" in ET.tostring(root, encoding="unicode")
