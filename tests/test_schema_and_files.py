"""The published report schema, atomic writes and the renderers' outputs."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from auditor.core.atomic import atomic_open, write_text
from reports import html as html_report
from reports import junit, table
from reports.json_report import generated_schema, schema, to_json, validate

from tests.test_render_fixture import sample_report


def test_the_published_schema_is_the_one_the_model_defines():
    assert schema() == json.loads(json.dumps(generated_schema())), \
        "run: python tools/write_schema.py"


def test_a_report_validates_and_a_broken_one_does_not():
    data = json.loads(to_json(sample_report()))
    validate(data)
    bad = json.loads(json.dumps(data))
    bad["results"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)
    del data["score"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "report.json"
    write_text(target, '{"old": true}')
    with pytest.raises(RuntimeError):
        with atomic_open(target) as fh:
            fh.write('{"new": ')
            raise RuntimeError("killed")
    assert target.read_text() == '{"old": true}'
    assert list(tmp_path.iterdir()) == [target]


def test_junit_has_one_case_per_rule_with_failures_and_skips():
    report = sample_report()
    root = ET.fromstring(junit.render(report))
    cases = root.findall("testcase")
    assert len(cases) == len(report.results)
    assert int(root.get("failures")) == sum(r.status == "fail" for r in report.results)
    lnk = next(c for c in cases if c.get("name").startswith("LNK001"))
    assert "http://site.example.gov.cn/gone.html" in lnk.find("failure").text
    col = next(c for c in cases if c.get("name").startswith("COL001"))
    assert col.find("failure") is None and "政务公开" in col.find("system-out").text   # a warn


def test_the_table_names_grade_score_and_failing_rules():
    text = table.render(sample_report())
    assert "得分：" in text and "等级：" in text and "LNK001" in text and "不合格" in text


def test_html_is_self_contained_and_escapes_crawled_text():
    page = html_report.render(sample_report(hostile=True))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'onerror=' not in page.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert 'href="javascript:' not in page
    for external in ('src="http', "src='http", 'href="http://cdn', "@import", "<link "):
        assert external not in page
    assert "政府网站信息公开检查报告" in page and "整改建议" in page
