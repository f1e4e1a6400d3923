"""The platform adapters (``auditor.core.extract.platforms``) inside the crawl.

``read_platform`` runs while a page is extracted (in the extraction worker, on the tree already
parsed): it adds the list entries a page carries in script to the record and notes what each
adapter found (``record.expansions``). The spider then follows, besides the page's links, the
further list pages, redirects, entries and data endpoints noted there (``further_urls``,
``data_fetches``), and reads the data endpoints' answers with ``read_answer`` (and a 政务咨询
channel's with ``read_answer_messages``).
"""
from __future__ import annotations

from auditor.core.extract.links import POSTED

from auditor.core.models import DataFetch, ListItem, Message, PageRecord

from auditor.core.extract.platforms import expand_page, looks_script_built, message_api, parse_data

MAX_LIST_PAGES = 200      # pages one adapter may enumerate for one list (as GKAUDIT_MAX_PER_PATTERN)


def read_platform(root, record: PageRecord) -> None:
    """``extract_page``'s ``on_tree`` hook: what the platform adapters read from this page."""
    if record.kind == "attachment":
        return
    known = {item.url for item in record.items if item.url}
    for found in expand_page(root, record.final_url or record.url, MAX_LIST_PAGES):
        new = [item for item in found.entries if not item.url or item.url not in known]
        known.update(item.url for item in new if item.url)
        record.items.extend(new)
        record.expansions.append(found.expansion)
    if record.items and record.kind == "other" and any(e.items for e in record.expansions):
        record.kind = "column"                   # its list was in a script the classifier could not see
    if not record.items and record.kind in ("column", "home", "other"):     # an article is no list
        record.script_built = looks_script_built(root)


def further_urls(record: PageRecord) -> list[tuple[str, str]]:
    """(url, adapter) of the pages the adapters lead to: list pages no link points to, redirect
    targets, and the entries of lists carried in script."""
    found: list[tuple[str, str]] = []
    for expansion in record.expansions:
        found += [(url, expansion.adapter) for url in expansion.pages]
        if expansion.redirect:
            found.append((expansion.redirect, expansion.adapter))
    carried = next((e.adapter for e in record.expansions if e.items), None)
    if carried or record.list_of:
        via = carried or record.via or "data"
        found += [(item.url, via) for item in record.items if item.url]
    return found


def data_fetches(record: PageRecord) -> list[DataFetch]:
    return [fetch for expansion in record.expansions for fetch in expansion.data]


def data_key(fetch: DataFetch) -> str:
    """The identity of one data fetch: its URL, and for a POST its form body too. Every list of a Hanweb
    site POSTs to the same dataproxy.jsp and differs only in the body (columnid, unitid)."""
    return f"{fetch.url}{POSTED}{fetch.body}" if fetch.method == "POST" and fetch.body else fetch.url


def read_answer(fetch: DataFetch, body: bytes, content_type: str | None
                ) -> tuple[list[ListItem], list[DataFetch]]:
    """The entries of a data endpoint's answer and the further fetches it implies."""
    return parse_data(fetch, body, content_type)


def read_answer_messages(fetch: DataFetch, body: bytes, content_type: str | None) -> list[Message]:
    """The 政务咨询 messages in a message endpoint's answer (HDJ); other answers hold none."""
    return message_api.answer_messages(fetch, body, content_type) if fetch.adapter == message_api.NAME else []
