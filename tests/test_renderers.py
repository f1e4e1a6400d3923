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
