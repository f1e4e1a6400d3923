"""RPT006 across a batch: annual reports of different sites that are near-copies of each other
(国办公开办函〔2021〕30号 asks each report to say what the agency itself did; 雷同 across agencies is
what local 考评 tables name). Each site's own years are compared by RPT006 in its audit; here every
report page of every site's snapshot is compared with every other site's, with MinHashLSH
(auditor.core.similarity), and the pairs at or above the threshold are listed in the summary."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from auditor.core import similarity
from auditor.core.batch import Outcome
from auditor.core.extract.annual_report import report_body, report_year, template_lines
from auditor.core.errors import ConfigError
from auditor.core.record_loader import bounded_lines
from auditor.core.atomic import write_text
from auditor.core.rundir import COPIES_JSON, PAGES


@dataclass
class CopyPair:
    site_a: str
    url_a: str
    site_b: str
    url_b: str
    score: float


def _text_lines(path):
    """The snapshot's lines of pages whose text was kept (reports, policies, guides …)."""
    return (line for line in bounded_lines(path) if b'"text":"' in line)


def _reports(outcome: Outcome) -> dict[str, tuple[str, str]]:
    """The site's annual report pages with their text: {url: (year-title, body)}."""
    found: dict[str, tuple[str, str]] = {}
    path = outcome.run_dir / PAGES
    if not path.exists():
        return found
    records = []
    try:
        for line in _text_lines(path):
            try:
                records.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                continue
    except (ConfigError, OSError, EOFError):          # a damaged snapshot: its site's report is left out
        return found
    template = template_lines(r["text"] for r in records)
    for record in records:
        if record.get("kind") == "annual_report" and report_year(record.get("headline")):
            found[record["url"]] = (record.get("headline") or "",
                                    report_body(record["text"], record.get("headline"), template))
    return found


def cross_site_copies(outcomes: list[Outcome], threshold: float = similarity.THRESHOLD) -> list[CopyPair]:
    """Pairs of reports of two different sites whose prose is a near-copy, highest score first."""
    docs: dict[str, str] = {}
    owner: dict[str, tuple[Outcome, str]] = {}
    agencies: dict[str, list[str]] = {}
    for n, outcome in enumerate(o for o in outcomes if o.report is not None):
        for url, (_title, body) in _reports(outcome).items():
            key = f"{n}\t{url}"
            docs[key], owner[key], agencies[key] = body, (outcome, url), [outcome.site.name]
    pairs = []
    for a, b, score in similarity.near_copy_pairs(docs, threshold, agencies=agencies):
        (oa, ua), (ob, ub) = owner[a], owner[b]
        if oa is not ob:
            pairs.append(CopyPair(oa.site.name, ua, ob.site.name, ub, round(score, 3)))
    return pairs


def save_copies(pairs: list[CopyPair], out: Path, threshold: float = similarity.THRESHOLD) -> None:
    """The batch's comparison, kept beside its summary (``copies.json``): what the summary listed and at
    which threshold, so it can be checked later without comparing the snapshots again."""
    data = {"threshold": threshold, "pairs": [asdict(p) for p in pairs]}
    write_text(out / COPIES_JSON, orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
