"""Whose documents are these? INT001 and UPD004 judge only the documents the agency itself drafted
(谁起草谁解读; 条例 第十条): reposted or forwarded documents of other agencies and notices that merely
carry a 文号 are not its policy documents (SPEC §6, §8). The agency's names and 文号 prefixes come from
the profile (``agency_names``, ``doc_prefixes``) or are inferred from the site: its name, the footer's
主办单位, and the 文号 prefixes of the documents it issues in its own name. Every rule that asks
declares ``AGENCY_SETTINGS``."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from auditor.core.models import PageRecord
from auditor.core.results import Setting
from auditor.core.snapshot import SiteSnapshot

AGENCY_SETTINGS = {
    "agency_names": Setting(
        type=list[str], default=[], source="配置方案（本机关的全称和简称）；不设时从网站推断",
        description="本机关的名称；发布机构是这些名称的文件才是本机关的文件"),
    "doc_prefixes": Setting(
        type=list[str], default=[], source="配置方案（本机关发文字号的机关代字，如“榕市监”）；不设时从网站推断",
        description="本机关文号的前缀；其他前缀的文号是别的机关的文件"),
}

_PREFIX = re.compile(r"^\s*(.+?)\s*[〔\[［【(（]\s*(?:19|20)\d{2}")
_FORWARDED = re.compile(r"转发|转载|转印")
_MEETING = re.compile(r"召开|会议|培训|报名|座谈|举办|观摩")
Ownership = Literal["own", "other", "unknown"]


@dataclass
class Agency:
    names: list[str]
    prefixes: list[str]
    inferred: bool                          # not given by the profile

    @property
    def known(self) -> bool:
        return bool(self.names or self.prefixes)

    def describe(self) -> str:
        said = "、".join(self.names + [f"文号“{p}”" for p in self.prefixes]) or "无法确定"
        return f"本机关：{said}" + ("（从网站推断）" if self.inferred and self.known else "")


def doc_prefix(doc_number: str | None) -> str | None:
    m = _PREFIX.match(doc_number or "")
    return m.group(1) if m else None


def _named(text: str | None, names: list[str]) -> bool:
    text = (text or "").strip()
    return bool(text) and any(name in text or text in name for name in names if len(name) >= 2)


def agency_of(snap: SiteSnapshot, settings: dict) -> Agency:
    cached = snap.cache.get("agency")
    if isinstance(cached, Agency):
        return cached
    names, prefixes = list(settings["agency_names"]), list(settings["doc_prefixes"])
    inferred = not (names or prefixes)
    if not names:
        home = snap.home
        names = [n for n in (settings.get("site_name"), home.footer.host_org if home else None) if n]
        names = list(dict.fromkeys(names))
    if not prefixes:
        docs = list(snap.of_kind("policy"))
        own = [doc_prefix(d.doc_number) for d in docs
               if _named(d.publisher, names) or any((d.headline or "").startswith(n) for n in names)]
        prefixes = sorted({p for p in own if p})
        if not prefixes and not names:          # nothing says who the agency is: its most common prefix
            counted = Counter(p for d in docs if (p := doc_prefix(d.doc_number)))
            if counted:
                prefix, n = counted.most_common(1)[0]
                if n >= 2 and n * 2 > sum(counted.values()):
                    prefixes = [prefix]
    snap.cache["agency"] = agency = Agency(names=names, prefixes=prefixes, inferred=inferred)
    return agency


def ownership(page: PageRecord, agency: Agency) -> Ownership:
    """Whether the agency drafted this document: a forwarded document or another agency's 文号 or
    发布机构 is not its own; with nothing to tell, unknown."""
    title = page.headline or page.title or ""
    if _FORWARDED.search(title):
        return "other"
    prefix = doc_prefix(page.doc_number)
    if prefix and agency.prefixes:
        return "own" if any(prefix.startswith(p) or p.startswith(prefix) for p in agency.prefixes) else "other"
    if page.publisher and agency.names:
        return "own" if _named(page.publisher, agency.names) else "other"
    return "own" if agency.known and (prefix is None and not page.publisher) else "unknown"


def is_mere_notice(page: PageRecord) -> bool:
    """A notice that carries a 文号 but issues no policy (a meeting, a training, a sign-up)."""
    title = page.headline or page.title or ""
    return bool(_MEETING.search(title)) and "印发" not in title and "《" not in title
