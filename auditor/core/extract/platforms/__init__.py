"""Script-built lists on Chinese government CMS platforms, enumerated without running any script.

A crawler that follows ``<a href>`` alone misses most of these sites: TRS WCM draws its pager by
script (``trs``), Hanweb jcms carries its list in an XML data island and fetches the rest from a
data proxy (``jpage``), Guangdong's disclosure directory is a single-page application over a
JSON API (``gkmlpt``), 政务咨询 channels fetch their messages from a data endpoint
(``message_api``), and many home pages are stubs that forward the reader (``redirect``).
Each platform has its own small module, which registers itself (``registry``: name, the label
reports show, dispatch order, how it detects its platform and reads its data answers); this one
imports them (``MODULES``) and dispatches. Adding an adapter is adding its module (and naming it
in ``MODULES``) and its tests.

All input is hostile: nothing here raises on malformed pages, scripts, XML or JSON, numbers are
capped, and only http(s) URLs come out.
"""
from __future__ import annotations

import importlib
import logging
import re

from auditor.core.extract.list_markup import holds_nothing, named_as_list
from auditor.core.models import DataFetch, ListItem

from auditor.core.extract.platforms._base import Found, page_scripts, script_srcs
from auditor.core.extract.platforms.registry import REGISTRY, in_order

__all__ = ["MODULES", "Found", "expand_page", "looks_script_built", "parse_data"]

log = logging.getLogger(__name__)

# The adapter modules, each registering itself on import. Dispatch follows each one's registered
# order: where the page sends the reader, then its own further pages, then data endpoints.
MODULES = ("redirect", "trs", "jpage", "gkmlpt", "message_api")
for _module in MODULES:
    importlib.import_module(f"auditor.core.extract.platforms.{_module}")


def expand_page(root, page_url: str, max_pages: int = 200) -> list[Found]:
    """What every adapter that recognises this page read from it, in dispatch order. ``root`` is
    the lxml tree from auditor.core.extract.html.parse(text) (lxml.html document, comments removed;
    <script> text kept)."""
    if root is None or not isinstance(page_url, str):
        return []
    try:
        max_pages = max(0, int(max_pages))
    except (TypeError, ValueError):
        max_pages = 200
    try:
        scripts = page_scripts(root)
    except Exception:
        log.debug("adapters: cannot read scripts of %s", page_url, exc_info=True)
        return []
    found = []
    for adapter in in_order():
        try:
            result = adapter.expand(root, page_url, max_pages, scripts=scripts)
        except Exception:
            log.debug("adapter %s failed on %s", adapter.name, page_url, exc_info=True)
            continue
        if result is not None:
            found.append(result)
    return found


def parse_data(fetch: DataFetch, body: bytes, content_type: str | None
               ) -> tuple[list[ListItem], list[DataFetch]]:
    """Items in a data endpoint's answer, and any further fetches it implies (e.g. when the first
    page's answer reveals the total). Malformed/hostile input -> ([], []) never an exception.

    A further fetch may repeat one the expansion already listed (an equal ``DataFetch`` value; it
    is hashable): callers deduplicate, as Scrapy's request fingerprints do."""
    adapter = REGISTRY.get(getattr(fetch, "adapter", None))
    parser = adapter.parse_data if adapter is not None else None
    if parser is None or not isinstance(body, (bytes, bytearray)):
        return [], []
    try:
        items, further = parser(fetch, bytes(body), content_type)
    except Exception:
        log.debug("adapter %s: cannot read answer of %s", fetch.adapter, fetch.url, exc_info=True)
        return [], []
    return list(items), list(further)


# --- is the list area filled by script? ----------------------------------------------------------

# scripts that fetch or template a list (writing the DOM alone is no sign: the conac badge is a
# document.write on nearly every government page)
_LOADERS = re.compile(r"""\$\.(?:ajax|get|post|getJSON)\s*\(|jQuery\.ajax\s*\(|\)\.load\(\s*["']|\bfetch\s*\("""
                      r"""|XMLHttpRequest|\baxios\b|new\s+Vue\s*\(|createApp\s*\(|ReactDOM|\blaytpl\b"""
                      r"""|Handlebars\.compile|\btemplate\s*\(\s*["']|\.DataTable\s*\(|bootstrapTable\s*\(""")
_LOADER_HINTS = ("$.", "jQuery.", ").load(", "fetch", "XMLHttpRequest", "axios", "Vue", "createApp",
                 "ReactDOM", "laytpl", "Handlebars", "template", "DataTable", "bootstrapTable")
_TEMPLATE_TYPES = ("text/html", "text/template", "text/x-template", "text/x-handlebars-template",
                   "text/x-tmpl", "text/x-jquery-tmpl", "text/x-jsrender", "text/x-dot-template")
_TEMPLATE_MARKS = ("{{", "<%", "{#", "${", "{@")
_SPA_IDS = {"app", "root", "__next", "__nuxt", "q-app", "main-app"}
_LIST_TAGS = {"ul", "ol", "tbody", "table", "div", "dl", "section"}


def looks_script_built(root) -> bool:
    """The page's list area looks filled by script (a known platform marker, an empty list container
    next to a list-rendering script, etc.) — used to mark a blank-column finding uncertain when no
    adapter could expand it. Must be False for ordinary static pages with links in plain <a href>."""
    try:
        return _looks_script_built(root)
    except Exception:
        log.debug("adapters: looks_script_built failed", exc_info=True)
        return False


def _looks_script_built(root) -> bool:
    if root is None:
        return False
    scripts = page_scripts(root)
    code = [text for _el, text in scripts]
    # a platform whose list lives in script (each adapter says how its platform shows)
    srcs = script_srcs(root)
    if any(a.list_marker(code, srcs) for a in in_order() if a.list_marker is not None):
        return True
    # client-side templates
    for el, text in scripts:
        kind = (el.get("type") or "").strip().lower()
        if kind in _TEMPLATE_TYPES and any(mark in text for mark in _TEMPLATE_MARKS):
            return True
    body = root.find("body")
    if body is None:
        return False
    # a single-page application's empty mount point
    links = sum(1 for a in body.iter("a") if a.get("href"))
    for el in body.iter("div", "main", "section"):
        if (el.get("id") or "").strip().lower() in _SPA_IDS and holds_nothing(el) and (srcs or code) \
                and links < 10:
            return True
    # an empty list container next to a script that fetches or templates a list
    if not any(any(hint in text for hint in _LOADER_HINTS) and _LOADERS.search(text) for text in code) \
            and not any(
            re.search(r"list|ajax|render", src.rsplit("/", 1)[-1], re.IGNORECASE) for src in srcs):
        return False
    for el in body.iter(*_LIST_TAGS):
        if named_as_list(el) and holds_nothing(el):
            return True
    return False
