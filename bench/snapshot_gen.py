"""Build a large snapshot (``pages.jsonl.gz``) for the judging benchmark without crawling it.

A few hundred pages of a generated site are rendered and run through the real extractor
(``auditor.core.extract.extract_page``); every page of the site then gets a clone of an extracted
record of the same role and column, with its own URL, title, dates, links and list entries from the
site model, so the snapshot has a consistent link graph (every internal link has its record).
The clones' link lists are checked against the extractor on the template pages themselves.
"""
from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.core.extract import extract_page  # noqa: E402
from auditor.core.extract.links import canonical_url  # noqa: E402

from bench.sitegen import Page, Site, build_site, render  # noqa: E402

BASE = "http://127.0.0.1:8080"


def _abs(href: str) -> str:
    return canonical_url(href if href.startswith("http") else BASE + href)


# anchors the page template renders with other text than the model's (logo, footer badges)
_RENDERED_TEXT = {"/index.html": None, "https://beian.miit.gov.cn/": "闽ICP备16004231号-1",
                  "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=35070202000317":
                      "闽公网安备 35070202000317号"}


def model_links(p: Page, site: Site) -> list[dict]:
    seen: dict[str, dict] = {}
    for href, text in p.links:
        if href in _RENDERED_TEXT:
            text = _RENDERED_TEXT[href] or site.name
        url = _abs(href)
        if url not in seen:
            seen[url] = {"url": url, "text": text}
    return list(seen.values())


def model_items(p: Page, template: dict) -> list[dict]:
    if not template.get("items"):
        return []
    if p.role == "home":
        from bench.sitegen import _date_of
        return [{"title": t, "url": _abs(h), "date": _date_of(p, h) or None}
                for h, t in p.links if not h.startswith("http") and t not in ("公开指南", "更多>>")
                and _date_of(p, h)]
    return [{"title": t, "url": _abs(h), "date": d or None} for h, t, d in p.items]


def build_snapshot(n_records: int, out: Path, *, as_of: dt.date, templates_per_column: int = 14) -> dict:
    t0 = time.perf_counter()
    site: Site = build_site(n_records, as_of=as_of)
    # templates: the homepage, the first list pages and a dozen articles of every column
    picked: dict[tuple[str, int], list[Page]] = defaultdict(list)
    for p in site.pages:
        key = (p.role, p.column)
        limit = 1 if p.role == "home" else (3 if p.role == "list" else templates_per_column - 3)
        if len(picked[key]) < limit:
            picked[key].append(p)
    templates: dict[tuple[str, int], list[dict]] = {}
    n_templates = mismatched = gbk = 0
    t_extract = time.perf_counter()
    for key, pages in picked.items():
        recs = []
        for p in pages:
            body = render(site, p)
            rec = extract_page(BASE + p.path, body, "text/html", status=200, fetched_at=as_of.isoformat(),
                               depth=1, role="page").model_dump(mode="json")
            n_templates += 1
            gbk += rec.get("charset") == "gb2312"
            mine = model_links(p, site)
            if [(l["url"], l["text"]) for l in rec["links"]] != [(l["url"], l["text"]) for l in mine]:
                mismatched += 1
            recs.append(rec)
        templates[key] = recs
    t_extract = time.perf_counter() - t_extract
    out.parent.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, int] = defaultdict(int)
    raw = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=5) as fh:
        for i, p in enumerate(site.pages):
            choices = templates[(p.role, p.column)]
            rec = copy.deepcopy(choices[i % len(choices)])
            url = _abs(p.path)
            rec["url"] = rec["final_url"] = url
            rec["links"] = model_links(p, site)
            rec["items"] = model_items(p, rec)
            rec["depth"] = 0 if p.role == "home" else (1 if p.role == "list" and p.seq == 0 else 2)
            rec["warc_record_id"] = f"<urn:uuid:{uuid.UUID(int=i + 1)}>"
            if p.role == "article":
                rec["title"] = f"{p.title}_{site.name}"
                rec["headline"] = p.title
                meta = rec.get("meta") or {}
                meta["ArticleTitle"] = p.title
                meta["PubDate"] = f"{p.date} 10:20"
                rec["meta"] = meta
                if isinstance(rec.get("published"), str):      # keep the template's form (date [time])
                    rec["published"] = p.date.isoformat() + rec["published"][10:]
            kinds[rec.get("kind") or "?"] += 1
            line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
            raw += len(line.encode("utf-8")) + 1
            fh.write(line + "\n")
    n = len(site.pages)
    (out.parent / "crawl.json").write_text(json.dumps({
        "start_url": _abs("/index.html"), "started_at": f"{as_of}T09:00:00+08:00",
        "finished_at": f"{as_of}T10:00:00+08:00", "pages": n, "checks": 0, "errors": 0, "skipped": 0,
        "truncated": False, "truncated_reasons": [], "finish_reason": "finished", "refused_out_of_scope": 0,
        "hosts_added": [], "robots_forbidden": 0, "retries": 0}, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"records": n, "templates": n_templates, "template_link_mismatches": mismatched,
            "gbk_templates": gbk, "extract_seconds": t_extract, "kinds": dict(kinds),
            "jsonl_bytes": raw, "gz_bytes": out.stat().st_size, "seconds": time.perf_counter() - t0}


if __name__ == "__main__":     # python bench/snapshot_gen.py 50000 /tmp/run/pages.jsonl.gz
    print(json.dumps(build_snapshot(int(sys.argv[1]), Path(sys.argv[2]), as_of=dt.date.today()),
                     ensure_ascii=False))
