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
    written = registry.write_files("ranking", Ranking(rows=[], errors=[], title="排名"), tmp_path)
    assert sorted(p.name for p in written) == ["summary.csv", "summary.html", "summary.xlsx"]
    assert (tmp_path / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")      # Excel reads it as UTF-8


def test_the_html_chart_shows_what_each_indicator_lost_as_the_score_counts_it():
    """Capped at the indicator's value, like the indicator table and the score (not the rules' raw sum)."""
    from reports.html import family_losses
    report = sample_report()
    assert report.score.indicators
    assert family_losses(report) == [(i.name, round(i.lost, 2)) for i in report.score.indicators if i.lost > 0]
