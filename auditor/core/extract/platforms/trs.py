"""TRS WCM (拓尔思) and its kin: list pages whose pager is drawn by ``createPageHTML(...)``.

The list itself is static HTML; only the pager is script, so the further pages exist as files that
no ``<a href>`` points to. Two signatures are in use:

* TRS WCM's classic ``createPageHTML(countPage, currentPage, prefixName, suffixName)``, pages
  numbered from 0: page 0 is ``index.html``, page n is ``index_n.html`` (n < countPage). The
  arguments are often variables set just before (``var countPage = 5//共多少页``).
* The six-argument form with the pager element first, common on central-government sites
  (``createPageHTML('page_div', 10, 1, 'fg', 'shtml', 189)``: element, page count, current page,
  prefix, suffix, record count), pages numbered from 1: page 1 is ``fg.shtml``, page n is
  ``fg_n.shtml`` (n <= count) — the pager script links ``_sPageName + "_" + n``, 尾页 ``_count``.

Page URLs resolve against the page URL (or its ``<base href>``), as the links the script writes do.
"""
from __future__ import annotations

import re

from auditor.core.extract.platforms._base import (
    Found,
    canonical,
    js_assignments,
    js_value,
    page_base,
    page_scripts,
    split_args,
    to_int,
)
from auditor.core.extract.platforms.registry import adapter

NAME = "trs"
MARK = "createPageHTML"
_CALL = re.compile(r"(?<![\w$.])createPageHTML\s*\(([^()]{0,400})\)")
_FUNCTION_BEFORE = re.compile(r"function\s*$")
_PREFIX = re.compile(r"^[A-Za-z0-9_\-.]{1,80}$")
_SUFFIX = re.compile(r"^[A-Za-z0-9]{1,10}$")


def _spec(args: list[str], variables: dict):
    """(count, current, prefix, suffix, first_page_number) or None."""
    values = [js_value(a, variables) for a in args]
    if not values:
        return None
    first = values[0]
    if isinstance(first, str) and to_int(first) is None or first is None and len(values) >= 6:
        # the pager element first: (element, count, current, prefix, suffix[, records])
        if len(values) < 5:
            return None
        count, current, prefix, suffix = values[1:5]
        first_page = 1
    else:
        if len(values) < 4:
            return None
        count, current, prefix, suffix = values[:4]
        first_page = 0
    count, current = to_int(count), to_int(current)
    if count is None or count < 1:
        return None
    if current is None:
        current = first_page
    prefix = prefix if isinstance(prefix, str) and prefix else "index"
    suffix = suffix.lstrip(".") if isinstance(suffix, str) and suffix else "html"
    if not _PREFIX.match(prefix) or not _SUFFIX.match(suffix) or ".." in prefix:
        return None
    return count, current, prefix, suffix, first_page


MAX_CALLS = 50      # pager calls read on one page: a real page has one or two


def _calls(scripts):
    """Each call's arguments with the literal variables assigned before it, in page order. Each
    script's assignments are read once, so a page of many calls costs no more than it is long."""
    earlier: dict = {}                  # assigned in the scripts before this one
    calls = 0
    for _el, text in scripts:
        if MARK in text:
            for m in _CALL.finditer(text):
                if _FUNCTION_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                    continue  # the definition, not a call
                calls += 1
                if calls > MAX_CALLS:
                    return
                args = split_args(m.group(1))
                variables: dict = {}
                if any(js_value(a) is None for a in args):
                    variables = {**earlier, **js_assignments(text, m.start())}
                yield args, variables
        if "=" in text:
            earlier.update(js_assignments(text))


@adapter(name=NAME, label="TRS 脚本分页", order=20)
def expand(root, page_url: str, max_pages: int = 200, scripts=None) -> Found | None:
    """Further list pages of a page with a ``createPageHTML`` pager."""
    scripts = page_scripts(root) if scripts is None else scripts
    if not any(MARK in text for _el, text in scripts):
        return None
    base = page_base(root, page_url)
    here = canonical(page_url, page_url)
    pages: list[str] = []
    seen: set[str] = set()
    capped = False
    found = False
    for args, variables in _calls(scripts):
        spec = _spec(args, variables)
        if spec is None:
            continue
        found = True
        count, current, prefix, suffix, first_page = spec
        for number in range(first_page, first_page + count):
            if number == current:
                continue
            if len(pages) >= max(0, max_pages):
                capped = True
                break
            name = f"{prefix}.{suffix}" if number == first_page else f"{prefix}_{number}.{suffix}"
            url = canonical(base, name)
            if url and url != here and url not in seen:
                seen.add(url)
                pages.append(url)
    if not found:
        return None
    return Found.of(NAME, pages=pages, capped=capped)
