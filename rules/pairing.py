"""Policy documents and their interpretations (政策解读), paired the way a reader would pair them.

Explicit links first, in either direction, where a link to another copy of the counterpart (the
same document published in two columns, same title, different URL) counts as a link to it; then
the document's title quoted in the interpretation (关于《…》的解读, 一图读懂《…》), or its 文号 in the
interpretation's text. Titles and 文号 are compared with punctuation, spaces and quote marks removed.
Computed once per snapshot and cached on it. Every rule that pairs declares ``PAIRING_SETTINGS``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from auditor.core.extract.docinfo import normalise_doc_number
from auditor.core.extract.markers import MARKERS
from auditor.core.models import PageRecord
from auditor.core.results import Setting
from auditor.core.snapshot import SiteSnapshot

_PUNCT = re.compile(r"[\s《》〈〉“”\"'‘’「」『』（）()【】\[\]、，,。.：:；;！!？?·—\-_…]+")
_QUOTED = re.compile(r"《([^《》]{2,80})》")
_CONTEXT_SUFFIXES = ("的通知", "的决定", "的公告", "的通告", "的意见", "的批复")
PAIRING_SETTINGS = {
    "policy_columns": Setting(
        type=list[str], source="本项目约定",
        description="栏目名含这些词的文章也作为政策文件配对解读（不设置：只看识别为政策文件的页面）"),
}


def norm(text: str | None) -> str:
    return _PUNCT.sub("", text or "")


def doc_names(page: PageRecord) -> set[str]:
    """What an interpretation may call the document: its title, and the 《name》 it issues."""
    title = page.headline or page.title or ""
    names = {norm(title)}
    names |= {norm(q) for q in _QUOTED.findall(title)}
    for suffix in _CONTEXT_SUFFIXES:        # 关于印发…办法的通知 without 《》
        if title.endswith(suffix):
            names.add(norm(re.sub(r"^.*?关于(?:印发)?", "", title)[: -len(suffix)]))
    return {n for n in names if len(n) >= 4}


@dataclass
class Pair:
    doc: PageRecord
    interp: PageRecord
    how: str                                     # link | title | doc_number
    doc_links_interp: bool = False
    interp_links_doc: bool = False


@dataclass
class Pairing:
    docs: list[PageRecord]
    interps: list[PageRecord]
    pairs: list[Pair] = field(default_factory=list)

    def pair_of(self, doc: PageRecord) -> Pair | None:
        return next((p for p in self.pairs if p.doc is doc), None)


def _policy_docs(snap: SiteSnapshot, settings: dict) -> list[PageRecord]:
    extra = settings.get("policy_columns", [])
    docs = [p for p in snap.of_kind("policy")]
    docs += [p for p in snap.of_kind("article") if extra and any(w in (p.column or "") for w in extra)]
    return _one_per_copy(docs)


def _interpretations(snap: SiteSnapshot, docs: list[PageRecord]) -> list[PageRecord]:
    interps = list(snap.of_kind("interpretation"))
    if not docs:
        return interps
    doc_urls = {u for d in docs for u in (d.url, d.final_url)}
    words = MARKERS["interpretation_source_link"]
    for page in snap.pages():
        if page.kind in ("policy", "interpretation", "home", "column"):   # interpretations are already in
            continue
        if any(l.url in doc_urls and any(w in l.text for w in words) for l in snap.links_of(page)):
            interps.append(page)
    return interps


def _one_per_copy(pages: list[PageRecord]) -> list[PageRecord]:
    """A document published in two columns is one document (the first copy found stands for it)."""
    seen: set[str] = set()
    out = []
    for page in pages:
        title = norm(page.headline or page.title)
        key = title if len(title) >= 8 else title + "|" + (page.doc_number or "")   # a copy may drop its 文号
        if key not in seen:
            seen.add(key)
            out.append(page)
    return out


def _copies(snap: SiteSnapshot) -> dict[str, set[str]]:
    """Title -> every URL of a page with that title (copies of one document in several columns)."""
    by_title: dict[str, set[str]] = defaultdict(set)
    for page in snap.pages():
        if page.kind in ("home", "column"):
            continue
        key = norm(page.headline or page.title)
        if len(key) >= 6:
            by_title[key] |= {page.url, page.final_url or page.url}
    return by_title


def _copies_of(page: PageRecord, copies: dict[str, set[str]]) -> set[str]:
    return copies.get(norm(page.headline or page.title), set()) | {page.url, page.final_url or page.url}


def _links_to(snap: SiteSnapshot, page: PageRecord, target: PageRecord, copies: dict[str, set[str]]) -> bool:
    """Whether any copy of ``page`` links to any copy of ``target``."""
    targets = _copies_of(target, copies)
    sources = [snap.get(u) for u in _copies_of(page, copies)]
    return any(link.url in targets for source in sources if source is not None for link in snap.links_of(source))


def pair_documents(snap: SiteSnapshot, settings: dict) -> Pairing:
    cached = snap.cache.get("pairing")
    if isinstance(cached, Pairing):
        return cached
    docs = _policy_docs(snap, settings)
    interps = _interpretations(snap, docs)
    copies = _copies(snap)
    result = Pairing(docs=docs, interps=interps)
    # every possible pair with its strength, then the strongest first across all documents, so a
    # document cannot take another's interpretation on a weaker match
    candidates = []
    for d, doc in enumerate(docs):
        names, number = doc_names(doc), normalise_doc_number(doc.doc_number or "")
        for i, interp in enumerate(interps):
            rank = _strength(snap, doc, interp, names, number, copies)
            if rank is not None:
                candidates.append((rank[0], -rank[1], d, i, rank[2]))
    taken_docs, taken_interps = set(), set()
    for _, _, d, i, how in sorted(candidates):
        if d in taken_docs or i in taken_interps:
            continue
        taken_docs.add(d)
        taken_interps.add(i)
        doc, interp = docs[d], interps[i]
        result.pairs.append(Pair(doc, interp, how, _links_to(snap, doc, interp, copies),
                                 _links_to(snap, interp, doc, copies)))
    result.pairs.sort(key=lambda p: docs.index(p.doc))
    snap.cache["pairing"] = result
    return result


def _strength(snap: SiteSnapshot, doc: PageRecord, interp: PageRecord, names: set[str], number: str,
              copies: dict[str, set[str]]) -> tuple[int, int, str] | None:
    """(rank, specificity, how) of a candidate pair; lower rank is stronger; None: no pair.

    0 a link either way (copies count); 1 the interpretation quotes exactly the document's name;
    2 the name stands in an interpretation title that quotes no other name; 3 the 文号 in its text."""
    if _links_to(snap, doc, interp, copies) or _links_to(snap, interp, doc, copies):
        return 0, 0, "link"
    quoted = {norm(q) for q in _QUOTED.findall(interp.headline or interp.title or "")}
    if names & quoted:
        return 1, max(len(n) for n in names & quoted), "title"
    headline = norm(interp.headline)
    inside = [n for n in names if len(n) >= 8 and n in headline]
    if inside and not quoted:
        return 2, max(len(n) for n in inside), "title"
    if number and number in normalise_doc_number(interp.text or ""):
        return 3, len(number), "doc_number"
    return None
