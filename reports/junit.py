"""JUnit XML for CI: one test case per rule; fail -> failure, error -> error, na -> skipped."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.core.report import Report
from auditor.core.rundir import JUNIT_XML
from auditor.core.textsafe import xml_safe

from reports.registry import renderer


@renderer("junit", filename=JUNIT_XML)
def render(report: Report) -> bytes:
    suite = ET.Element("testsuite", {
        "name": f"gkaudit {report.site.url}", "tests": str(len(report.results)),
        "failures": str(sum(r.status == "fail" for r in report.results)),
        "errors": str(sum(r.status == "error" for r in report.results)),
        "skipped": str(sum(r.status == "na" for r in report.results)),
        "timestamp": report.generated_at})
    props = ET.SubElement(suite, "properties")
    for name, value in (("score", "" if report.score.total is None else report.score.total),
                        ("grade", report.score.grade),
                        ("profile", report.profile), ("as_of", report.as_of)):
        ET.SubElement(props, "property", {"name": name, "value": str(value)})
    for r in report.results:
        case = ET.SubElement(suite, "testcase", {"classname": f"gkaudit.{r.family}", "name": f"{r.code} {r.title}"})
        lines = [f"{f.message} — {f.url or ''}" for f in r.findings]
        if r.status == "fail":
            el = ET.SubElement(case, "failure", {
                "message": f"{r.failure_title}（{len(r.findings)} 条，扣 {r.points_lost:g} 分）",
                "type": "veto" if r.veto_hit else r.kind})
            el.text = "\n".join(lines)
        elif r.status == "error":
            ET.SubElement(case, "error", {"message": r.message or "无法判断"})
        elif r.status == "na":
            ET.SubElement(case, "skipped", {"message": r.message or "不适用"})
        elif r.status == "warn":
            out = ET.SubElement(case, "system-out")
            out.text = "警告：\n" + "\n".join(lines)
    for el in suite.iter():                  # crawled text: nothing XML 1.0 forbids
        el.text = xml_safe(el.text) if el.text else el.text
        for key, value in el.attrib.items():
            el.attrib[key] = xml_safe(value)
    ET.indent(suite)
    return ET.tostring(suite, encoding="utf-8", xml_declaration=True)

