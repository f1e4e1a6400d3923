"""gkaudit dashboard (SPEC §9): a static site for a supervisory office, built from the history store.

``index.html`` lists every site (latest grade and score, score trend, availability, open findings by
age, links to the latest report and diff); ``sites/<slug>.html`` shows one site's runs. The pages are
self-contained (inline CSS, inline SVG, a little inline JS for sorting and filtering, no request of
any kind: the pages' Content-Security-Policy allows only their own inline style and script, by hash)
and work from a file share through ``file://``. Without JS the index is a plain, readable table.

Everything from the store (names, URLs, messages, paths) is escaped: by jinja2's autoescape in the
templates, by ``html.escape`` in the rows and charts built here for speed (a site page's runs and
findings: a thousand pages of fifty runs render several times faster than through the template). A
URL is a link only when it is http(s); a run's file only through a relative path computed here.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from auditor.core.atomic import write_bytes, write_text
from auditor.core.probes import PROBE_LIMIT_S, PROBES_A_DAY
from auditor.core.rundir import DIFF_HTML, REPORT_HTML

from auditor.app.monitor.availability import CHINA
from auditor.app.monitor.dashboard_data import AGE_LIMITS, WINDOWS, Run, SiteData, load
from auditor.app.monitor.store import Store

from reports.charts import ChartPoint, score_chart, sparkline
from reports.table import STATUS_WORDS

INDEX = "index.html"
SITES = "sites"                          # one page per site: sites/<slug>.html
DEFAULT_TITLE = "政府网站监测看板"
NOT_AUDITED = "未检查"                   # the grade column of a site that has probes only
WRITERS = 8                              # threads writing pages (each write is fsync'ed)
MESSAGE_CHARS = 300                      # a finding's message on the site page, at most

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("auditor.app.monitor", "templates"), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                          auto_reload=False)   # compiled once: no file check each time a page extends the index


def _http(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _pct(share: float | None) -> str:
    return "" if share is None else f"{share:.1%}"


def _score(score: float | None) -> str:
    return "—" if score is None else f"{score:g}"


def _num(value: int | None) -> str:
    return "—" if value is None else str(value)


def _e(text: str) -> str:
    """Escaped for HTML text and quoted attributes (the standard library's: faster than a Markup)."""
    return html.escape(text, quote=True)


_e_word = functools.lru_cache(maxsize=4096)(_e)      # grades, veto lists, rule codes: few distinct values


def unavailable_share() -> float:
    """AVL001's default: the share of failed or slow probes in a week that vetoes a site (19号)."""
    import rules.availability  # noqa: F401 - registers AVL001
    from rules.registry import REGISTRY
    return float(REGISTRY["AVL001"].settings["unavailable_share"].default)


# --- the pieces of a page --------------------------------------------------------------------------

@dataclass(frozen=True)
class FileLink:
    """A run's report or diff: ``href`` relative to the dashboard's folder when the file exists and a
    relative path reaches it; else its path, shown as text."""
    path: str
    href: str | None = None
    exists: bool = True
    folder: bool = False                 # the whole run directory is gone: ``path`` is the directory


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, root: str) -> str | None:
    """``folder`` relative to ``root`` as a URL path (one call per folder of run directories: the runs
    of a site share one); None on another drive (Windows)."""
    try:
        return quote(os.path.relpath(folder, root).replace(os.sep, "/"))
    except ValueError:
        return None


def run_files(run_dir: str | None, root: str) -> tuple[FileLink | None, FileLink | None]:
    """The run's report.html and diff.html, seen from the dashboard's folder ``root``."""
    if not run_dir:
        return None, None
    report = os.path.join(run_dir, REPORT_HTML)
    if not os.path.isfile(report) and not os.path.isdir(run_dir):
        gone = FileLink(run_dir, exists=False, folder=True)
        return gone, gone
    parent, name = os.path.split(run_dir)
    rel = _relative_folder(parent, root)
    rel = None if rel is None else f"{rel}/{quote(name)}"
    links = []
    for name in (REPORT_HTML, DIFF_HTML):
        path = os.path.join(run_dir, name)
        if not os.path.isfile(path):
            links.append(FileLink(path, exists=False))
        else:
            links.append(FileLink(path, href=None if rel is None else f"{rel}/{name}"))
    return links[0], links[1]


def _file_cell(link: FileLink | None, label: str, up: str) -> str:
    if link is None:
        return '<span class="muted">—</span>'
    if link.folder:
        return f'<span class="path gone" title="运行目录不存在">运行目录已不存在：{_e(link.path)}</span>'
    if link.href:
        return f'<a href="{_e(up + link.href)}">{label}</a>'
    if link.exists:
        return f'<span class="path" title="在另一个磁盘上，请复制路径打开">{_e(link.path)}</span>'
    return f'<span class="path gone" title="文件不存在">{label}（不存在）：{_e(link.path)}</span>'


def file_cell(link: FileLink | None, label: str, up: str = "") -> Markup:
    """A run's file as a link (``up``: the page's way back to the dashboard's folder), or its path as
    text. ``label`` is this module's own word, not data."""
    return Markup(_file_cell(link, str(escape(label)), up))


def avail_cell(a: Availability) -> Markup:
    """Failed or slow probes: the share, and how many of how many."""
    if not a.probes:
        return Markup('<span class="muted">无探测</span>')
    return Markup(f'<span{" class=alarm" if a.alarm else ""}>{_pct(a.share)}</span> '
                  f'<span class="small muted">{a.bad}/{a.probes} 次</span>')


@dataclass(frozen=True)
class Availability:
    probes: int
    bad: int
    alarm: bool

    @property
    def share(self) -> float | None:
        return self.bad / self.probes if self.probes else None


@dataclass
class SiteView:
    slug: str
    name: str
    url: str
    runs: list[Run]                      # newest first
    files: list[tuple[FileLink | None, FileLink | None]]     # each run's report and diff, beside ``runs``
    availability: dict[int, Availability]
    ages: tuple[int, int, int] | None    # the latest run's findings: < 30, 30–90, > 90 days
    spark: Markup
    findings: list[dict] = field(default_factory=list)      # the latest run's

    @property
    def latest(self) -> Run | None:
        return self.runs[0] if self.runs else None

    @property
    def grade(self) -> str:
        return self.latest.grade if self.latest else NOT_AUDITED

    @property
    def search(self) -> str:
        return f"{self.name} {self.url}".lower()


def slug(url: str) -> str:
    """A file name for the site's page: its host and path in safe characters, and a hash of the URL."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "-", url.split("://", 1)[-1]).strip("-.")[:60] or "site"
    return f"{readable}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


_CHINA_OFFSET = CHINA.utcoffset(None)


def china_time(value: dt.datetime) -> str:
    """A stored time in China time, to the minute (SQLite gives back naive UTC, PostgreSQL aware)."""
    naive = value if value.tzinfo is None else value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return (naive + _CHINA_OFFSET).isoformat(" ", "minutes")


def run_chart(runs: list[Run]) -> Markup:
    """One site's scores over its runs (``runs`` newest first), a veto marked in red."""
    return score_chart([ChartPoint(r.as_of, r.score, f"{r.grade}（否决：{'、'.join(r.vetoes)}）" if r.vetoes else r.grade,
                                   bool(r.vetoes)) for r in runs[::-1]])


# --- the site page's long tables: one row per run and per finding ----------------------------------

def _run_row(r: Run, files: tuple[FileLink | None, FileLink | None], up: str) -> str:
    low = ' class="low"' if r.score is not None and r.score < 60 else ""
    report, diff = files
    return (f'<tr><td>{china_time(r.recorded_at)}</td><td>{r.as_of}</td>'
            f'<td class="num"><span{low}>{_score(r.score)}</span></td>'
            f'<td{" class=veto" if r.vetoes else ""}>{_e_word(r.grade)}</td>'
            f'<td class="veto">{_e_word("、".join(r.vetoes))}</td><td class="num">{r.open}</td>'
            f'<td class="num">{_num(r.fixed)}</td><td class="num">{_num(r.new)}</td>'
            + (f'<td colspan="2">{_file_cell(report, "", up)}</td></tr>\n' if report and report.folder else
               f'<td>{_file_cell(report, "报告", up)}</td><td>{_file_cell(diff, "对比", up)}</td></tr>\n'))


def _finding_row(f: dict, old_days: int) -> str:
    url = (f'<a href="{_e(f["href"])}" rel="noopener noreferrer">{_e(f["url"])}</a>' if f["href"]
           else _e(f["url"] or "（整站）"))
    message = f["message"] if len(f["message"]) <= MESSAGE_CHARS else f["message"][:MESSAGE_CHARS] + "…"
    days = f["days"]
    return (f'<tr><td>{_e_word(f["code"])}</td><td class="url">{url}</td>'
            f'<td>{_e_word(STATUS_WORDS.get(f["status"], f["status"]))}</td><td>{_e(message)}</td>'
            f'<td>{f["first"] or ""}</td><td class="num{" alarm" if days is not None and days > old_days else ""}">'
            f'{"" if days is None else f"{days} 天"}</td></tr>\n')


def run_rows(runs: list[Run], files: list[tuple], up: str) -> Markup:
    return Markup("".join(_run_row(r, f, up) for r, f in zip(runs, files)))


def finding_rows(findings: list[dict], old_days: int) -> Markup:
    return Markup("".join(_finding_row(f, old_days) for f in findings))


# --- from the store's data to the pages' -------------------------------------------------------------

_ENV.filters.update(http=_http, pct=_pct, score=_score, china_time=china_time)
_ENV.globals.update(file_cell=file_cell, avail_cell=avail_cell, run_rows=run_rows, finding_rows=finding_rows)


def site_view(site: SiteData, files: list[tuple], as_of: dt.date, alarm_share: float) -> SiteView:
    """The site's page and index row; ``files``: ``run_files`` of its runs, oldest first."""
    availability = {}
    for days in WINDOWS:
        n, bad = site.availability.get(days, (0, 0))
        availability[days] = Availability(n, bad, alarm=bool(n) and bad / n >= alarm_share)
    origin = "/".join(site.url.split("/", 3)[:3])
    findings = []
    for f in site.latest_findings:
        first = site.first_seen.get((f.code, f.url))
        findings.append({"code": f.code, "url": f.url, "status": f.status, "message": f.message or "",
                         "href": _http(origin + f.url if f.url.startswith("/") else f.url),
                         "first": first, "days": None if first is None else (as_of - first).days})
    return SiteView(slug=slug(site.url), name=site.name or site.url, url=site.url, runs=site.runs[::-1],
                    files=files[::-1], availability=availability, ages=site.ages(as_of) if site.runs else None,
                    spark=sparkline([r.score for r in site.runs]), findings=findings)


def summary(views: list[SiteView]) -> dict:
    """Sites by grade (best grade first: by the best score that earned it without a veto), with vetoes,
    unavailable, without probes."""
    grades: dict[str, list[float]] = {}
    for v in views:
        run = v.latest
        grades.setdefault(v.grade, []).append(run.score if run and run.score is not None and not run.vetoes else -1)
    order = sorted(grades, key=lambda g: (g == NOT_AUDITED, -max(grades[g]), g))
    return {"grades": [(g, len(grades[g])) for g in order],
            "vetoed": [v for v in views if v.latest and v.latest.vetoes],
            "unavailable": [v for v in views if v.availability[WINDOWS[0]].alarm],
            "unprobed": sum(1 for v in views if not v.availability[WINDOWS[0]].probes)}


def default_order(v: SiteView):
    """Worst first: the lowest score at the top, sites without a score last."""
    score = v.latest.score if v.latest else None
    return (score is None, score if score is not None else 0, v.name)


def _csp_hash(template: jinja2.Template, block: str) -> str:
    text = "".join(template.blocks[block](template.new_context()))
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp(base: jinja2.Template, script: bool) -> str:
    """Only the pages' own inline style (and the index's script) run; nothing is fetched. The style and
    the script are blocks of the index template, which the site template extends."""
    scripts = _csp_hash(base, "script") if script else "'none'"
    return (f"default-src 'none'; style-src {_csp_hash(base, 'style')}; script-src {scripts}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


@dataclass
class BuildResult:
    out: Path
    sites: int
    files: int
    bytes: int
    timings: dict[str, float]


def build(store: Store, out: str | os.PathLike, as_of: dt.date | None = None,
          title: str = DEFAULT_TITLE) -> BuildResult:
    """Write a page per site into ``out``/sites and then ``index.html``, each file atomically (the index
    never links to a page that is not there yet). Pages are written by threads while the next ones are
    rendered, and rendered while the next batch of sites is read."""
    as_of = as_of or dt.date.today()
    root = os.path.abspath(out)
    started = time.perf_counter()
    timings: dict[str, float] = {}
    alarm = unavailable_share()
    index_t, site_t = _ENV.get_template("dashboard_index.html.j2"), _ENV.get_template("dashboard_site.html.j2")
    common = {"title": title, "as_of": as_of.isoformat(), "generated": china_time(dt.datetime.now(dt.timezone.utc)),
              "windows": WINDOWS, "age_limits": AGE_LIMITS, "limit_s": PROBE_LIMIT_S, "alarm_share": alarm,
              "probes_a_day": PROBES_A_DAY, "index": INDEX}
    site_csp = csp(index_t, script=False)
    os.makedirs(os.path.join(root, SITES), exist_ok=True)
    views, size = [], 0
    with ThreadPoolExecutor(WRITERS) as pool:
        writes = []
        for batch in load(store, as_of):
            timings.setdefault("first sites read", time.perf_counter() - started)
            # which reports and diffs exist: many small file system calls, on a share slow ones, in parallel
            files = pool.map(lambda site: [run_files(run.run_dir, root) for run in site.runs], batch)
            for site, site_files in zip(batch, files):
                view = site_view(site, site_files, as_of, alarm)
                page = site_t.render(common, site=view, chart=run_chart(view.runs), csp=site_csp,
                                     up="../").encode("utf-8")
                size += len(page)
                writes.append(pool.submit(write_bytes, os.path.join(root, SITES, view.slug + ".html"), page))
                view.findings = []                              # the index does not need them
                views.append(view)
        for done in writes:
            done.result()
    timings["site pages"] = time.perf_counter() - started
    views.sort(key=default_order)
    index_html = index_t.render(common, sites=views, summary=summary(views), csp=csp(index_t, script=True),
                                site_dir=SITES, up="")
    write_text(os.path.join(root, INDEX), index_html)
    timings["total"] = time.perf_counter() - started
    return BuildResult(Path(root), len(views), len(views) + 1, size + len(index_html.encode("utf-8")), timings)
