"""SiteSnapshot: the crawl as rules see it, indexed by URL, kind, column and link.

Loaded from ``pages.jsonl.gz`` (streamed line by line) or built from records in tests.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from auditor.core.errors import ConfigError
from auditor.core.extract.links import canonical_url, record_key
from auditor.core.extract.message_channels import in_message_channel
from auditor.core.extract.platforms.registry import reads_lists
from auditor.core.models import Link, PageRecord
from auditor.core.probes import ProbeSummary
from auditor.core.record_loader import RecordReader, read_file


def normalise_name(text: str | None) -> str:
    """Names compared the way a reader compares them: no spaces, full-width colons alike."""
    if not text:
        return ""
    return "".join(text.split()).replace("：", ":")


class SiteSnapshot:
    def __init__(self, records: Iterable[PageRecord], start_url: str | None = None):
        # in URL order: rules then see the same snapshot whatever order the crawl (or crawlers) met the pages
        self.records: list[PageRecord] = sorted(records, key=lambda r: r.url)
        self.by_url: dict[str, PageRecord] = {}
        self.by_kind: dict[str, list[PageRecord]] = defaultdict(list)
        self.by_column: dict[str, list[PageRecord]] = defaultdict(list)
        self.probes: ProbeSummary | None = None     # the history store's probes, when the run had them
        self.bad_lines = 0
        self.cache: dict[str, object] = {}     # derived views rules share (e.g. the located column)
        for record in self.records:
            self._index(record)
        fetched = [r for r in self.records if r.kind != "attachment" and r.error is None
                   and r.status is not None and r.status < 400 and r.skipped is None]
        # a data endpoint's answer (a script-built list's further entries) is no page of its own
        self._pages = [r for r in fetched if r.list_of is None]
        self._answers = [r for r in fetched if r.list_of is not None]
        self._answers_of: dict[str, list[PageRecord]] = defaultdict(list)      # list page -> its data answers
        for answer in self._answers:
            self._answers_of[record_key(answer.list_of)].append(answer)
        self._links_of: dict[str, list[Link]] = {}
        self.start_url = canonical_url(start_url) if start_url else self._guess_start()

    def _index(self, record: PageRecord) -> None:
        # a data answer is known by its own key only (URL + method + body): its final URL is the data
        # proxy every list of the site shares, and would give one list's entries to another
        urls = {record.url} if record.list_of is not None else {record.url, record.final_url}
        for url in urls:
            if url:
                self.by_url.setdefault(record_key(url), record)
        if (record.is_html or record.kind != "attachment") and record.list_of is None:
            self.by_kind[record.kind].append(record)
        if record.column:
            self.by_column[normalise_name(record.column)].append(record)

    def _guess_start(self) -> str | None:
        for record in self.records:
            if record.depth == 0:
                return record.url
        return self.records[0].url if self.records else None

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path, start_url: str | None = None) -> "SiteSnapshot":
        path = Path(path)
        if not path.exists():
            raise ConfigError(f"找不到抓取快照：{path}")
        reader = RecordReader()

        def records() -> Iterator[PageRecord]:
            try:
                yield from read_file(path, reader)
            except (OSError, EOFError) as exc:
                raise ConfigError(f"抓取快照已损坏：{path}（{exc}）") from exc

        snap = cls(records(), start_url=start_url)
        snap.bad_lines = reader.bad
        return snap

    # -- queries ---------------------------------------------------------------------------
    @property
    def home(self) -> PageRecord | None:
        if self.start_url and self.start_url in self.by_url:
            return self.by_url[self.start_url]
        homes = self.by_kind.get("home")
        return homes[0] if homes else None

    def unreachable_reason(self) -> str | None:
        """Why the site could not be crawled at all (no usable homepage), or None."""
        home = self.home
        if home is None:
            return "没有抓取到任何页面"
        if home.skipped == "robots":
            return "robots.txt 禁止抓取首页（有权检查的单位可加 --ignore-robots）"
        if home.skipped == "private":
            return f"首页跳转到内网或本机地址：{home.final_url}（有权检查的单位可加 --allow-private）"
        if home.skipped == "scope":
            return f"首页跳转到检查范围以外：{home.final_url}（可用 --allow-host 加入范围）"
        if home.error:
            return home.error
        if home.status is None or home.status >= 400:
            return f"首页返回 HTTP {home.status}"
        if home.kind == "attachment" or not home.is_html:
            return f"首页不是 HTML 页面（{home.content_type or '未知类型'}）"
        return None

    def get(self, url: str | None) -> PageRecord | None:
        if not url:
            return None
        found = self.by_url.get(url)           # links are stored canonical: most lookups end here
        return found if found is not None else self.by_url.get(record_key(url))

    def pages(self) -> Iterator[PageRecord]:
        """Fetched HTML pages (role page, parsed, no fetch error)."""
        return iter(self._pages)

    def lists(self) -> Iterator[PageRecord]:
        """Everything that shows list entries to a reader: the pages, and the data answers whose
        entries a script puts on their list page (``record.shown_on`` is where they appear)."""
        yield from self._pages
        yield from self._answers

    def of_kind(self, kind: str) -> list[PageRecord]:
        return [r for r in self.by_kind.get(kind, []) if r.error is None and (r.status or 0) < 400]

    def linked_from(self, urls: set[str]) -> dict[str, list[str]]:
        """For each of ``urls``, the pages that link to it (where a reader sees the link), in the
        snapshot's order."""
        found: dict[str, list[str]] = defaultdict(list)
        if urls:
            for record in self.records:
                for link in record.links:
                    if link.url in urls:
                        found[link.url].append(record.shown_on)
        return found

    def links_of(self, page: PageRecord) -> list[Link]:
        """What a reader can follow from ``page``: its own links, and the list entries scripts put on
        it — read from the page's data island, and from the data answers of its lists. A guide listed
        only in a jpage 指南 column is reachable from that column."""
        key = record_key(page.url)
        cached = self._links_of.get(key)
        if cached is not None:
            return cached
        links = list(page.links)
        seen = {link.url for link in links}
        carried = [Link(url=i.url, text=i.title) for i in page.items if i.url]
        carried += [link for answer in self._answers_of.get(key, []) for link in answer.links]
        for link in carried:
            if link.url not in seen:
                seen.add(link.url)
                links.append(link)
        self._links_of[key] = links
        return links

    def unread_message_channels(self) -> list[PageRecord]:
        """政务咨询 channel pages (see ``in_message_channel``) where no message could be read, neither
        from the page nor from the data answers of its list: HDJ cannot judge what they hold."""
        cached = self.cache.get("unread_message_channels")
        if cached is None:
            cached = [p for p in self._pages if p.kind != "home" and not p.messages and in_message_channel(p)
                      and not any(a.messages for a in self._answers_of.get(record_key(p.url), []))]
            self.cache["unread_message_channels"] = cached
        return cached

    def unreadable_lists(self) -> list[PageRecord]:
        """Pages whose list is built by script and that no adapter and no browser could read:
        a blank or stale verdict about their column is not certain."""
        cached = self.cache.get("unreadable_lists")
        if cached is None:
            # still empty after the adapters (and after the browser, if it was used)
            cached = [r for r in self._pages
                      if r.script_built and not r.items
                      and not any(reads_lists(e.adapter) for e in r.expansions)]
            # a list whose data endpoint failed, was refused or was cut by a limit was read only in part
            failed = {r.list_of for r in self.records if r.list_of
                      and (r.skipped or r.error or r.status is None or r.status >= 400)}
            cached += [page for url in sorted(failed) if (page := self.get(url)) is not None and page not in cached]
            self.cache["unreadable_lists"] = cached
        return cached

    def link_target(self, url: str) -> PageRecord | None:
        """The record of a link's target, following the crawl's redirects."""
        return self.get(url)
