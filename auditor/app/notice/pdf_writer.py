"""The 整改通知 as PDF: a self-contained HTML page (jinja2, autoescaped: crawled text stays text)
printed by the system's headless Chromium.

The page loads nothing (its Content-Security-Policy refuses every request, it has no script) and
carries its own print CSS: A4 portrait with page numbers in the margin box, the reply form on a
named landscape page. Chromium runs in its own session with a throwaway profile and is killed, with
every process it started, when it overruns ``TIMEOUT``.

Fonts: the Windows and WPS fonts a 公文 uses come first; on a Linux machine without them, WenQuanYi
Zen Hei (Debian fonts-wqy-zenhei) comes before Noto CJK. With the Noto/Source Han CJK fonts, Chromium's
PDF maps each glyph back to the lowest code point the font gives it, and those fonts share glyphs between
ideographs and the Kangxi radicals: the PDF looks right, but text copied or searched in it reads ⾸⻚
(U+2FB8 U+2EDA) for 首页. WenQuanYi's glyphs are its own, so the text comes back as written.
"""
from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

import jinja2

from auditor.app.notice.content import FORM_DATE, FORM_HEADERS, FORM_TITLE, Notice, cn_date
from auditor.core.errors import ConfigError, GkauditError

from spiders.render import chromium_path

TIMEOUT = 120                       # seconds for Chromium to print a notice, plus a second per 50 findings
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-pdf-header-footer", "--no-first-run", "--no-default-browser-check",
                  "--disable-extensions", "--disable-sync", "--disable-background-networking",
                  "--disable-component-update", "--generate-pdf-document-outline")

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("auditor.app.notice", "templates"),
                          autoescape=True, trim_blocks=True, lstrip_blocks=True,
                          undefined=jinja2.StrictUndefined)


def render_html(notice: Notice) -> str:
    return _ENV.get_template("notice.html.j2").render(
        n=notice, issued=cn_date(notice.issued), form_title=FORM_TITLE, form_date=FORM_DATE,
        headers=FORM_HEADERS)


def chromium() -> str:
    """The system Chromium; a ConfigError (exit 2) naming the way out when there is none."""
    try:
        return chromium_path()
    except ConfigError:
        raise ConfigError("生成 PDF 需要 Chromium 浏览器：请安装（Debian/Ubuntu：apt-get install chromium），"
                          "或用环境变量 GKAUDIT_CHROMIUM 指定其路径；也可以只生成 Word 文档：--format docx") from None


def print_pdf(html: str, timeout: float = TIMEOUT) -> bytes:
    """``html`` printed to PDF by headless Chromium; a GkauditError (exit 4) when it fails."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="gkaudit-notice-") as tmp:
        page, pdf, log = Path(tmp, "notice.html"), Path(tmp, "notice.pdf"), Path(tmp, "chromium.log")
        page.write_text(html, encoding="utf-8")
        argv = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp, 'profile')}",
                f"--print-to-pdf={pdf}", page.as_uri()]
        with open(log, "wb") as err:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                                    start_new_session=True, env={**os.environ, "HOME": tmp})
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise GkauditError(f"Chromium 在 {timeout:g} 秒内未能生成 PDF，已终止") from None
            finally:
                if proc.poll() is None:          # interrupted: take the browser down with us
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        data = pdf.read_bytes() if pdf.is_file() else b""
        if code != 0 or not data.startswith(b"%PDF"):
            lines = [ln for ln in log.read_text("utf-8", "replace").splitlines() if ln.strip()]
            raise GkauditError(f"Chromium 未能生成 PDF（退出码 {code}）" + (f"：{lines[-1][:200]}" if lines else ""))
        return data


def render(notice: Notice) -> bytes:
    return print_pdf(render_html(notice), timeout=TIMEOUT + len(notice.findings) / 50)
