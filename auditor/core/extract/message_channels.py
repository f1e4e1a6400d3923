"""Which link texts, page titles and URLs name a 政务咨询 channel (领导信箱, 在线咨询, 留言, 12345 …), for
the extractor (which pages to read messages from), the message adapter and HDJ001. The words are data
(``auditor/core/data/messages.yaml``, ``channel``)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.core.extract.messages import GENERIC_TEXTS, VOCAB

_CHANNEL = VOCAB["channel"]
_CHANNEL_WORD = re.compile("|".join(rf"(?<!\d){re.escape(str(w))}(?!\d)" if str(w).isdigit() else re.escape(str(w))
                                    for w in _CHANNEL["words"]))
_URL_WORDS = {str(w).lower() for w in _CHANNEL["url_words"]}


def is_message_channel(title_or_link_text: str | None, url: str | None) -> bool:
    """Whether a link text or page title names a message channel (领导信箱, 咨询, 留言, 12345, 政民互动,
    网上信访 …). A text that names nothing (更多>>, empty, 我要写信) leaves it to the URL: a host or path
    segment that names one (ldxx, wyly, 12345 …)."""
    bare = re.sub(r"\s+", "", title_or_link_text or "")
    if bare and bare.lower() not in GENERIC_TEXTS:
        if len(bare) > _CHANNEL["max_chars"] or any(w in bare for w in _CHANNEL["not_words"]):
            return False
        if _CHANNEL_WORD.search(bare):
            return True
    parts = urlsplit(url or "")
    tokens = re.split(r"[/._\-?=&]+", f"{parts.hostname or ''}/{parts.path}?{parts.query}".lower())
    return bool(_URL_WORDS & set(tokens))


def in_message_channel(record) -> bool:
    """A page (a ``PageRecord``) of a 政务咨询 channel: its title, column or trail names one (领导信箱,
    在线咨询 …), or its URL does."""
    names = [record.headline, record.title, record.column, *record.breadcrumb[-3:]]
    return any(is_message_channel(name, None) for name in names if name) or is_message_channel(None, record.url)
