"""The run directory (SPEC §4): every file name in it, in one place.

``gkaudit audit`` writes one run directory per site and run; ``batch`` writes one per site under its
own folder, beside the ranking files. Writes go through ``auditor.core.atomic`` (a temporary sibling
renamed into place).
"""
from __future__ import annotations

RUNS_ROOT = "gkaudit-runs"           # where run directories go without --out: RUNS_ROOT/<host>/<time>/,
BATCH_RUNS = "batch"                 # RUNS_ROOT/batch/<time>/ for a batch,
DEMO_RUNS = "demo"                   # RUNS_ROOT/demo/<time>-<variant>/ for the demo
BATCH_SITES = "sites"                # a batch's per-site run directories: <batch>/sites/<line>-<host>/

REPORT_JSON = "report.json"          # the report, valid against reports/schema/report.schema.json
REPORT_HTML = "report.html"          # the self-contained Chinese page
JUNIT_XML = "junit.xml"              # one test case per rule, for CI
PAGES = "pages.jsonl.gz"             # the crawl snapshot: one page record per line
WARC = "crawl.warc.gz"               # the raw responses: the evidence behind every finding
CRAWL_SUMMARY = "crawl.json"         # pages, checks, errors, truncation and why
RUN_META = "run.json"                # what was asked: URL, profile, level, as-of date
PROBES = "probes.json"               # the history store's availability probes the run was judged with (SPEC §9)
CRAWL_LOG = "crawl.log"              # Scrapy's log
RESUME_DIR = ".resume"               # what a killed crawl had stored, gathered for --resume
LOCK = ".gkaudit.lock"               # held (flock) by the process writing the run directory
RECHECK_DIR = "recheck"              # recheck's reports: RUN_DIR/recheck/<timestamp>/
PROGRESS_FILES = "progress-*.json"   # the crawl children's progress (in a temporary folder), summed


def progress_file(n: int) -> str:
    return PROGRESS_FILES.replace("*", str(n))
DIFF_JSON = "diff.json"              # the rectification view beside the newer report
DIFF_HTML = "diff.html"
COPIES_JSON = "copies.json"          # a batch's annual reports copied between sites (RPT006 across the batch)
SUMMARY_CSV = "summary.csv"          # a batch's ranking
SUMMARY_XLSX = "summary.xlsx"
SUMMARY_HTML = "summary.html"
NOTICE_DOCX = "notice.docx"          # gkaudit notice: the 整改通知 to the audited agency, as Word
NOTICE_PDF = "notice.pdf"            # and as PDF
