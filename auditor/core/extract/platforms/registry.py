"""The adapter registry: one map from name to adapter, filled by the ``@adapter`` decorator.

An adapter is one module of this package (named in ``MODULES`` in ``__init__``). Its metadata is
data next to its code: the decorator on its ``expand`` function gives its name (what records carry
in ``Expansion.adapter``, ``DataFetch.adapter`` and ``via``), the Chinese label reports show, and
its place in the dispatch order; ``@data_parser`` on its ``parse_data`` registers how it reads its
data endpoints' answers, when it has any.

``expand(root, page_url, max_pages, scripts=...)`` is how the adapter detects its platform: it
returns a ``Found`` for a page of its own and None for any other page.
``parse_data(fetch, body, content_type)`` returns ``(entries, further DataFetch values)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from auditor.core.models import DataFetch, ListItem

from auditor.core.extract.platforms._base import Found

__all__ = ["Adapter", "REGISTRY", "adapter", "data_parser", "in_order", "label", "list_marker", "reads_lists"]

Expand = Callable[..., Found | None]
ParseData = Callable[[DataFetch, bytes, str | None], tuple[list[ListItem], list[DataFetch]]]
ListMarker = Callable[[list[str], list[str]], bool]      # (inline scripts, script srcs) -> its list is there
NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
RESERVED = ("render", "data")   # other ways to a page, as records name them in ``via``


@dataclass(frozen=True)
class Adapter:
    name: str                             # "trs", "jpage", …
    label: str                            # what reports call it (Chinese)
    order: int                            # dispatch order: lowest first
    expand: Expand                        # detects its platform on a page and reads it
    parse_data: ParseData | None = None   # reads its data endpoints' answers
    reads_lists: bool = True              # False: it only leads elsewhere (a redirect), reads no list
    list_marker: ListMarker | None = None  # its platform keeps this page's list in script


REGISTRY: dict[str, Adapter] = {}


def adapter(*, name: str, label: str, order: int, reads_lists: bool = True) -> Callable[[Expand], Expand]:
    """Register a module's ``expand`` function as the adapter ``name``."""
    if not isinstance(name, str) or not NAME.match(name) or name in RESERVED:
        raise ValueError(f"bad adapter name {name!r}")
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"adapter {name}: no label")
    if isinstance(order, bool) or not isinstance(order, int):
        raise ValueError(f"adapter {name}: order must be a whole number")

    def register(expand: Expand) -> Expand:
        if name in REGISTRY:
            raise ValueError(f"duplicate adapter name {name!r}")
        taken = next((a.name for a in REGISTRY.values() if a.order == order), None)
        if taken:
            raise ValueError(f"adapter {name}: order {order} is {taken}'s")
        REGISTRY[name] = Adapter(name=name, label=label, order=order, expand=expand, reads_lists=reads_lists)
        return expand

    return register


def data_parser(name: str) -> Callable[[ParseData], ParseData]:
    """Register how the adapter ``name`` (registered before) reads its data endpoints' answers."""
    def register(parse: ParseData) -> ParseData:
        found = REGISTRY.get(name)
        if found is None:
            raise ValueError(f"no adapter {name!r} to read data answers for")
        if found.parse_data is not None:
            raise ValueError(f"adapter {name}: a second data parser")
        REGISTRY[name] = replace(found, parse_data=parse)
        return parse

    return register


def list_marker(name: str) -> Callable[[ListMarker], ListMarker]:
    """Register how to tell, from a page's scripts alone, that the adapter ``name``'s platform keeps
    the page's list in script (for a list no adapter could read: its blank verdict is uncertain)."""
    def register(marker: ListMarker) -> ListMarker:
        found = REGISTRY.get(name)
        if found is None:
            raise ValueError(f"no adapter {name!r} to mark lists for")
        REGISTRY[name] = replace(found, list_marker=marker)
        return marker

    return register


def reads_lists(name: str) -> bool:
    """Whether what the adapter ``name`` found on a page is a list (a redirect is not)."""
    found = REGISTRY.get(name)
    return found.reads_lists if found else True


def in_order() -> list[Adapter]:
    """The registered adapters in dispatch order."""
    return sorted(REGISTRY.values(), key=lambda a: a.order)


def label(name: str) -> str:
    """The label reports show for an adapter; an unknown name is shown as it is."""
    found = REGISTRY.get(name)
    return found.label if found else name
