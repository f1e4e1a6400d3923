"""The page record: what the crawler stores for every fetched URL (SPEC §4).

One record per line of ``pages.jsonl.gz``; ``gkaudit inspect --json`` prints the same shape.
Fields are ``None`` where the page does not say.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PageKind = Literal[
    "home", "column", "article", "guide", "annual_report", "policy",
    "interpretation", "penalty", "attachment", "other",
]
PAGE_KINDS: tuple[str, ...] = PageKind.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


@dataclass(slots=True)
class Link:
    """A link of a page. A slotted dataclass, not a model: a snapshot holds hundreds of thousands
    (a pydantic model costs about five times the memory)."""
    url: str
    text: str = ""


class TextError(_Model):
    """A listed 严重表述错误 (level severe) or 错别字 (common) in a page's text (auditor/core/data/errors.yaml)."""
    level: Literal["severe", "common"]
    wrong: str
    right: str
    kind: str | None = None          # severe: leader_name, body_name, title, political_term
    sources: list[str] = Field(default_factory=list)
    context: str = ""


REPLIED, UNREPLIED, IN_PROGRESS = "replied", "unreplied", "in_progress"


@dataclass(slots=True)
class Message:
    """One 政务咨询 message as a page shows it (auditor/core/extract/messages.py); dates are ISO
    ``YYYY-MM-DD``, any field may be None: nothing is guessed."""
    title: str | None = None
    url: str | None = None
    asked: str | None = None             # 留言 / 来信 / 提交时间
    answered: str | None = None          # 答复 / 回复 / 办结时间
    status: str | None = None            # REPLIED, UNREPLIED or IN_PROGRESS, as printed
    answerer: str | None = None          # 答复单位 / 回复部门 / 承办单位
    unlabelled_date: str | None = None   # the one date a list row prints without saying whose it is
    has_reply: bool | None = None        # a reply text is shown (True), its field is empty (False)


class ListItem(_Model):
    title: str
    url: str | None = None
    date: str | None = None
    date_inferred: bool = False      # SPEC §7: the year (07-27) or the whole date (URL only) was inferred
    date_in_url: bool = False        # the list printed no date; it was read from the entry's URL


class PenaltyItem(_Model):
    doc_number: str | None = None
    party: str | None = None
    violation: str | None = None
    basis: str | None = None
    decision: str | None = None
    authority: str | None = None
    decided: str | None = None
    published: str | None = None
    columns: list[str] | None = None    # a row of a list table: the fields the table has a column for


class PiiHit(_Model):
    """Personal data seen on a page, stored masked only."""
    kind: Literal["id_number", "mobile"]
    masked: str
    context: str = ""                # the surrounding text, every number in it masked
    where: Literal["text", "source"] = "text"


class Footer(_Model):
    host_org: str | None = None
    contact: str | None = None
    site_id_code: str | None = None
    icp: str | None = None
    psb: str | None = None
    psb_link_code: str | None = None
    conac: bool | None = None
    jiucuo: Literal["current", "legacy"] | None = None
    jiucuo_sitecode: str | None = None
    jiucuo_container: bool | None = None   # the <span id="_span_jiucuo"> the 找错 script fills is on the page
    a11y_toolbar: bool | None = None
    elder_mode: bool | None = None


class PageStats(_Model):
    """Counts the accessibility rules read (one parse, no HTML kept)."""
    images: int = 0
    images_with_alt: int = 0
    images_decorative: int = 0
    form_controls: int = 0
    form_controls_labelled: int = 0
    has_search_form: bool = False


class DataFetch(_Model):
    """A data endpoint a platform adapter found (a list's further pages behind a script); what the
    adapters produce and read back (``auditor.core.extract.platforms``). A value: frozen and
    hashable, so a repeated fetch is recognised."""
    model_config = ConfigDict(extra="ignore", frozen=True)

    adapter: str
    url: str
    method: Literal["GET", "POST"] = "GET"
    body: str | None = None
    page: int = 1


class Expansion(_Model):
    """What a platform adapter (``auditor.core.extract.platforms``) read from a page that builds its
    list by script: the record's note of it. The entries themselves go to ``PageRecord.items``."""
    adapter: str                     # a registered adapter's name: trs | jpage | gkmlpt | redirect
    pages: list[str] = Field(default_factory=list)        # further list pages no link points to
    data: list[DataFetch] = Field(default_factory=list)   # data endpoints to fetch
    redirect: str | None = None      # where the page sends the reader
    items: int = 0                   # list entries found inside the page itself
    capped: bool = False             # more pages exist than were enumerated


class PageRecord(_Model):
    url: str
    final_url: str | None = None
    status: int | None = None
    error: str | None = None
    skipped: str | None = None       # not fetched by policy: "robots", "scope", "limit"
    cut: str | None = None           # skipped "limit": which limit (max_pages, pattern, deep_path, …)
    role: Literal["page", "check"] = "page"
    content_type: str | None = None
    charset: str | None = None
    fetched_at: str | None = None
    depth: int | None = None
    referer: str | None = None
    size: int | None = None
    truncated: bool = False
    warc_record_id: str | None = None

    kind: PageKind = "other"
    lang: str | None = None
    title: str | None = None
    headline: str | None = None
    column: str | None = None
    breadcrumb: list[str] = Field(default_factory=list)
    published: str | None = None
    written: str | None = None
    inferred: list[str] = Field(default_factory=list)   # SPEC §7: fields whose date was inferred (items)
    doc_number: str | None = None
    index_number: str | None = None
    publisher: str | None = None
    overview: str | None = None      # 内容概述 / 主题分类 of the page's information table (公开目录 entry)
    meta: dict[str, str] = Field(default_factory=dict)
    footer: Footer = Field(default_factory=Footer)
    links: list[Link] = Field(default_factory=list)
    links_dropped: int = 0           # links past MAX_LINKS_KEPT, not kept (neither followed nor judged)
    items: list[ListItem] = Field(default_factory=list)
    placeholder: bool = False
    empty_list: bool = False       # an empty list without placeholder text (COL004)
    pagination: bool = False
    penalty: list[PenaltyItem] = Field(default_factory=list)
    tables: list[list[list[str]]] = Field(default_factory=list)   # annual reports' data tables
    pii: list[PiiHit] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)   # markers.yaml text_terms the page's text contains
    errors: list[TextError] = Field(default_factory=list)   # listed 严重错误 and 错别字 in the text
    messages: list[Message] = Field(default_factory=list)   # a 政务咨询 channel's messages (list or detail page)
    stats: PageStats = Field(default_factory=PageStats)
    text: str | None = None
    expansions: list[Expansion] = Field(default_factory=list)
    script_built: bool = False       # the list looks filled by script (see auditor.core.extract.platforms.looks_script_built)
    via: str | None = None           # reached through a platform adapter (trs, jpage, …) or rendered ("render")
    list_of: str | None = None       # a data endpoint's answer: the list page whose entries it holds

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    @property
    def shown_on(self) -> str:
        """The page a reader sees this record's entries on (a data answer's: its list page)."""
        return self.list_of or self.url

    @property
    def is_html(self) -> bool:
        return self.kind != "attachment" and (self.content_type or "").find("html") >= 0
