"""gkaudit notice: the 整改通知 from a run directory, as DOCX (read back with python-docx and printed by
LibreOffice) and as PDF (printed by headless Chromium). Crawled text stays text in both.

The LibreOffice and Chromium tests skip only where the binary is absent.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from auditor.app.commands import notice_cmd
from auditor.app.notice.content import FORM_HEADERS, build_notice, clean
from auditor.app.notice.pdf_writer import print_pdf, render_html
from auditor.core.errors import ConfigError, GkauditError
from auditor.core.report import Report
from auditor.core.rundir import NOTICE_DOCX, NOTICE_PDF, REPORT_JSON

from reports.wording import plain

GOLDEN = Path(__file__).parent / "golden"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = os.environ.get("GKAUDIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = "<script>alert(1)</script>{{7*7}}"
SITE = "榕江市市场监督管理局"


def args(*argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    notice_cmd.add_arguments(parser)
    return parser.parse_args([str(a) for a in argv])


def planted_report() -> dict:
    """The planted sample site's report, with a hostile page's text in one finding's excerpt and message."""
    data = json.loads((GOLDEN / "planted.report.json").read_text("utf-8"))
    finding = next(r for r in data["results"] if r["status"] == "fail")["findings"][0]
    finding["excerpt"] = HOSTILE
    finding["message"] += " <b>{% raw %}</b>"
    return data


def listed(data: dict) -> list[dict]:
    return [r for r in data["results"] if r["status"] in ("fail", "warn")]


def findings(data: dict) -> list[dict]:
    return [f for r in listed(data) for f in r["findings"]]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("run")
    (folder / REPORT_JSON).write_text(json.dumps(planted_report(), ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def docx_file(run_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    assert notice_cmd.run(args(run_dir, "--format", "docx", "--out", out)) == 0
    return out / NOTICE_DOCX


@pytest.fixture(scope="module")
def chromium_pdf(run_dir) -> Path:
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    assert notice_cmd.run(args(run_dir, "--format", "pdf", "--office", "福建省市场监督管理局")) == 0
    return run_dir / NOTICE_PDF


def pdf_text(path: Path) -> str:
    """The PDF's text, whitespace and page numbers ("— 3 —") dropped, compatibility forms folded."""
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"—\d+—", "", comparable(text))


def comparable(text: str) -> str:
    """NFKC (full-width punctuation, as PDF text extraction gives it either way), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def found(expected: str, text: str) -> bool:
    """Whether ``expected`` is in a PDF's ``text`` exactly: an official searches and copies from it (the
    template puts WenQuanYi Zen Hei before the Noto CJK fonts, whose glyphs Chromium writes back as
    Kangxi radicals, ⾸⻚ for 首页)."""
    return comparable(expected) in text


def docx_text(doc) -> str:
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_docx_is_a_notice_with_a_heading_per_family_and_rule(docx_file):
    data = planted_report()
    doc = Document(str(docx_file))
    paragraphs = doc.paragraphs
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == f"关于{SITE}网站政府信息公开问题的整改通知"
    assert paragraphs[1].text == f"{SITE}："
    assert "2026年11月20日" in paragraphs[2].text and "http://sample-site.test/" in paragraphs[2].text
    by_style = {name: [p.text for p in paragraphs if p.style.name == name]
                for name in ("Heading 1", "Heading 2", "Heading 3")}
    assert by_style["Heading 1"][:3] == ["一、检查总体情况", "二、存在的问题", "三、整改要求"]
    families = list(dict.fromkeys(r["family_title"] for r in listed(data)))
    assert [re.sub(r"^（.+?）", "", h) for h in by_style["Heading 2"]] == families
    rules = listed(data)
    assert len(by_style["Heading 3"]) == len(rules)
    for heading, r in zip(by_style["Heading 3"], rules):
        assert r["failure_title"] in heading and r["code"] in heading
        if r["points_lost"]:
            assert f"扣 {r['points_lost']:g} 分" in heading
    text = docx_text(doc)
    assert f"网站得分 {data['score']['total']:g} 分" in text and data["score"]["grade"] in text
    for f in findings(data):
        assert f"网址：{f['url']}" in text
    for r in rules:
        assert f"依据：{clean(plain(r['basis']))}" in text


def test_the_docx_reply_form_has_a_prefilled_row_per_finding(docx_file):
    expected = findings(planted_report())
    doc = Document(str(docx_file))
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert [c.text for c in rows[0].cells] == list(FORM_HEADERS)
    assert len(rows) == len(expected) + 1
    for number, (row, f) in enumerate(zip(rows[1:], expected), 1):
        cells = [c.text for c in row.cells]
        assert cells[0] == str(number)
        assert clean(f["message"]) in cells[1]
        assert cells[2] == f["url"]
        assert cells[3:] == ["", "", ""]
    portrait, landscape = doc.sections[0], doc.sections[-1]
    assert (round(portrait.page_width.cm, 1), round(portrait.page_height.cm, 1)) == (21.0, 29.7)
    assert landscape.page_width > landscape.page_height


def test_the_docx_names_an_east_asian_font_on_every_run(docx_file):
    doc = Document(str(docx_file))
    assert doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    runs = [r for p in doc.paragraphs for r in p.runs] + \
           [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r._r.rPr is not None and r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in runs)
    with zipfile.ZipFile(docx_file) as z:
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert 'w:name="仿宋"' in fonts and "SimSun" in fonts


def test_the_deadline_defaults_to_30_days_after_the_audit_and_can_be_set(docx_file, run_dir, tmp_path):
    assert "请于2026年12月20日前完成上述问题的整改" in docx_text(Document(str(docx_file)))
    assert "（检查单位）" in docx_text(Document(str(docx_file)))
    assert notice_cmd.run(args(run_dir, "--format", "docx", "--out", tmp_path, "--deadline", "2027-01-15",
                               "--office", "福建省市场监督管理局")) == 0
    text = docx_text(Document(str(tmp_path / NOTICE_DOCX)))
    assert "请于2027年1月15日前完成上述问题的整改" in text and "福建省市场监督管理局" in text


def test_crawled_text_stays_text_in_the_docx(docx_file):
    text = docx_text(Document(str(docx_file)))
    assert f"页面摘录：“{HOSTILE}”" in text and "<b>{% raw %}</b>" in text
    with zipfile.ZipFile(docx_file) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}" in xml


def test_crawled_text_is_escaped_in_the_html_for_the_pdf():
    page = render_html(build_notice(Report.model_validate(planted_report())))
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}" in page
    assert "&lt;b&gt;{% raw %}&lt;/b&gt;" in page
    assert "http://" not in re.sub(r">[^<]*<", "><", page)      # URLs only as text: nothing to fetch or follow


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_docx_with_every_finding(docx_file, tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_file)],
                          capture_output=True, timeout=120, env=env)
    pdf = tmp_path / "notice.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr.decode("utf-8", "replace")
    text = pdf_text(pdf)
    assert not re.search("[\u2e80-\u2fdf]", text)             # no Kangxi radicals for ideographs
    for f in findings(planted_report()):
        assert comparable(clean(f["message"])) in text and comparable(f["url"]) in text
    assert comparable(HOSTILE) in text


@pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed")
def test_chromium_prints_the_notice_with_every_finding(chromium_pdf):
    reader = PdfReader(chromium_pdf)
    first, last = reader.pages[0].mediabox, reader.pages[-1].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)       # A4 portrait
    assert (round(float(last.width)), round(float(last.height))) == (842, 595)         # the form: landscape
    text = pdf_text(chromium_pdf)
    assert not re.search("[\u2e80-\u2fdf]", text)             # searchable: ideographs, not radicals
    assert found(f"关于{SITE}网站政府信息公开问题的整改通知", text)
    for f in findings(planted_report()):
        assert found(clean(f["message"]), text) and found(f["url"], text)
    assert found(HOSTILE, text) and found("福建省市场监督管理局", text)


def test_a_veto_is_stated_and_a_missing_name_falls_back_to_the_host():
    data = json.loads((GOLDEN / "sparse.report.json").read_text("utf-8"))
    data["site"]["name"] = None
    notice = build_notice(Report.model_validate(data), issued=dt.date(2026, 12, 1))
    assert notice.title == "关于sample-site.test网站政府信息公开问题的整改通知"
    assert "单项否决" in notice.overview[0] and all(c in notice.overview[0] for c in data["score"]["veto"])
    assert [f.number for f in notice.findings] == list(range(1, len(findings(data)) + 1))
    data["site"]["name"] = "榕江市人民政府门户网站"
    assert build_notice(Report.model_validate(data)).title == "关于榕江市人民政府门户网站政府信息公开问题的整改通知"


def test_a_clean_site_gets_a_notice_without_a_reply_form(tmp_path):
    shutil.copy(GOLDEN / "clean.report.json", tmp_path / REPORT_JSON)
    assert notice_cmd.run(args(tmp_path, "--format", "docx")) == 0
    doc = Document(str(tmp_path / NOTICE_DOCX))
    assert doc.paragraphs[0].text == f"关于{SITE}网站政府信息公开检查情况的通知"
    assert not doc.tables and "本次检查未发现需要整改的问题" in docx_text(doc)


@pytest.mark.parametrize("setup, argv", [
    (None, []),                                                    # no run directory at all
    ("empty", []),                                                 # a folder without report.json
    ("garbage", []),                                               # report.json that is not a report
    ("report", ["--format", "docx,odt"]),                          # an unknown format
    ("report", ["--deadline", "2026-11-01"]),                      # a deadline before the audit
])
def test_bad_input_is_a_configuration_error_exit_2(tmp_path, setup, argv):
    folder = tmp_path / "run"
    if setup:
        folder.mkdir()
    if setup == "garbage":
        (folder / REPORT_JSON).write_text('{"not": "a report"}', encoding="utf-8")
    if setup == "report":
        shutil.copy(GOLDEN / "planted.report.json", folder / REPORT_JSON)
    with pytest.raises(ConfigError) as raised:
        notice_cmd.run(args(folder, *argv))
    assert raised.value.exit_code == 2 and "\n" not in str(raised.value)
    assert not list(tmp_path.rglob("notice.*"))


def test_without_chromium_a_pdf_is_refused_before_anything_is_written(run_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("GKAUDIT_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))                      # no browser on it
    with pytest.raises(ConfigError) as raised:
        notice_cmd.run(args(run_dir, "--out", tmp_path / "out"))
    assert raised.value.exit_code == 2 and "Chromium" in str(raised.value) and "--format docx" in str(raised.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed")
def test_a_chromium_that_overruns_is_killed_with_its_children():
    with pytest.raises(GkauditError, match="未能生成 PDF"):
        print_pdf("<p>整改通知</p>", timeout=0.2)
    time.sleep(0.5)
    left = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"gkaudit-notice-" in cmdline.read_bytes():
                left.append(cmdline.parent.name)
        except OSError:
            pass
    assert not left


def test_rules_that_could_not_be_judged_are_not_passed_off_as_no_problems():
    from auditor.app.notice.content import build_notice
    from auditor.core.report import Report
    data = planted_report()
    for r in data["results"]:
        if r["status"] in ("fail", "warn"):
            r["status"], r["findings"], r["points_lost"], r["veto_hit"] = "pass", [], 0, False
    data["results"][0]["status"] = "error"
    data["score"]["veto"] = []
    notice = build_notice(Report.model_validate(data))
    text = json.dumps(notice, default=lambda o: getattr(o, "__dict__", str(o)), ensure_ascii=False)
    assert "因检查出错未能判断" in text and data["results"][0]["code"] in text
