"""Hanweb (大汉) jcms column pages: lists drawn by the ``jpage`` pager from an XML data island.

The page carries its first group of entries as CDATA records::

    <div id="423656"><script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/
        &columnid=282&unitid=423656&webname=…&permissiontype=0"></a>]]></nextgroup>
      <recordset>
        <record><![CDATA[<li><a href="/art/2023/1/1/art_282_456.html" title="…">…</a>
          <span>2023-01-01</span></li>]]></record> …
      </recordset></datastore></script></div>

and a script sets the pager up: ``var param_423656 = {col:1,appid:1,webid:3,path:'/',
columnid:282,sourceContentType:1,unitid:'423656',webname:'…',permissiontype:0};`` and
``$('#423656').jpage({… totalRecord:1928, perPage:15, groupSize:3, proxyUrl:
'/module/web/jpage/dataproxy.jsp', ajaxParam: …})``. Further groups come from the data proxy by
POST: ``dataproxy.jsp?startrecord=46&endrecord=90&perpage=15`` with the param object as the form
body; the answer is the same ``<datastore>`` (often with ``<totalrecord>`` and ``<totalpage>``).
Older jcms keeps the first group in a JavaScript array (``dataStore: InitData49468``) and the
proxy under ``/module/jslib/jquery/jpage/dataproxy.jsp``; both are read.

A request's ``page`` is the group number (the page's own group is 1).
"""
from __future__ import annotations

import math
import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

from auditor.core.extract.charset import decode_html
from auditor.core.models import DataFetch, ListItem

from auditor.core.extract.platforms._base import (
    MAX_DATA_PAGES,
    MAX_ITEMS,
    Found,
    absolute,
    balanced,
    entries_from_fragments,
    js_object,
    js_unquote,
    page_base,
    page_scripts,
    to_int,
    uncdata,
)
from auditor.core.extract.platforms.registry import adapter, data_parser, list_marker

NAME = "jpage"
DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
_DATASTORE = re.compile(r"<datastore\b[^>]*>(.*?)(?:</datastore\s*>|$)", re.IGNORECASE | re.DOTALL)
_RECORD = re.compile(r"<record\b[^>]*>(.*?)(?:</record\s*>|(?=<record\b)|$)", re.IGNORECASE | re.DOTALL)
_NEXTGROUP = re.compile(r"<nextgroup\b[^>]*>(.*?)</nextgroup\s*>", re.IGNORECASE | re.DOTALL)
_HREF = re.compile(r"""href\s*=\s*(["'])(.{1,4000}?)\1""", re.IGNORECASE | re.DOTALL)
_TOTALRECORD = re.compile(r"<totalrecord>\s*([+-]?\d{1,30})\s*</totalrecord>", re.IGNORECASE)
# $('#id').jpage({…}) and jpage.init({unitid: …, …}), the two call shapes Hanweb pages use
_CALL = re.compile(r"""(?:\.\s*jpage|(?<![\w$.])jpage\s*\.\s*init)\s*\(\s*(?=\{)""")
_PARAM_STRING = re.compile(r"""(?<![\w$])["']?param["']?\s*:\s*(["'])([^"'\n]{1,2000})\1""")
_CALL_TARGET = re.compile(r"""(?:\$|jQuery)\s*\(\s*["']#([\w\-]{1,80})["']\s*\)\s*$""")
_OPTION_NUM = r"""["']?{name}["']?\s*:\s*["']?([+-]?\d{{1,30}})\b"""
_OPTION_STR = r"""["']?{name}["']?\s*:\s*(["'])([^"'\n]{{1,500}})\1"""
_OPTION_NAME = r"""["']?{name}["']?\s*:\s*([A-Za-z_$][\w$]{{0,80}})"""
_STRINGS = re.compile(r"""\"(?:[^\"\\]|\\.){0,20000}\"|'(?:[^'\\]|\\.){0,20000}'""", re.DOTALL)
_PRECHECK = ("datastore", "DATASTORE", "jpage", "dataproxy")


def _option_int(config: str, name: str) -> int | None:
    m = re.search(_OPTION_NUM.format(name=name), config, re.IGNORECASE)
    return to_int(m.group(1)) if m else None


def _option_str(config: str, name: str) -> str | None:
    m = re.search(_OPTION_STR.format(name=name), config, re.IGNORECASE)
    return m.group(2).strip() if m else None


def _option_name(config: str, name: str) -> str | None:
    m = re.search(_OPTION_NAME.format(name=name), config)
    return m.group(1) if m and m.group(1) not in ("true", "false", "null") else None


def _var_block(scripts, name: str, opener: str) -> str | None:
    """The literal assigned to ``var name =`` (an object or an array)."""
    pattern = re.compile(r"(?<![\w$.])" + re.escape(name) + r"\s*=\s*(?=" + re.escape(opener) + ")")
    for _el, text in scripts:
        if name not in text:
            continue
        m = pattern.search(text)
        if m:
            return balanced(text, m.end(), limit=1_000_000)
    return None


def _calls(scripts) -> list[tuple[str | None, str]]:
    """Each ``$('#id').jpage({...})`` or ``jpage.init({unitid: …})`` as (element id or None, option text)."""
    calls = []
    for _el, text in scripts:
        if "jpage" not in text:
            continue
        for m in _CALL.finditer(text):
            options = balanced(text, m.end())
            if options is None:
                continue
            if "init" in m.group(0):             # jpage.init names its list in the options
                unit = _option_str(options, "unitid") or _option_int(options, "unitid")
                calls.append((str(unit) if unit is not None else None, options))
            else:
                target = _CALL_TARGET.search(text, max(0, m.start() - 120), m.start())
                calls.append((target.group(1) if target else None, options))
            if len(calls) >= 50:
                return calls
    return calls


def _records(block: str) -> list[str]:
    """The HTML of each record in a datastore block (CDATA unwrapped)."""
    records = []
    for m in _RECORD.finditer(block):
        records.append(uncdata(m.group(1)))
        if len(records) >= MAX_ITEMS:
            break
    if not records:
        # <datastore><![CDATA[<li>…</li>…]]></datastore>, no record elements
        rest = _NEXTGROUP.sub("", block)
        if "<![CDATA[" in rest:
            records = [uncdata(rest)]
    return records


def _nextgroup(block: str, base: str) -> str | None:
    m = _NEXTGROUP.search(block)
    if not m:
        return None
    href = _HREF.search(uncdata(m.group(1)))
    if not href:
        return None
    return absolute(base, unescape(href.group(2)))


class _List:
    """One jpage list on a page: its records, its unit id and what its scripts say."""

    def __init__(self, unit: str | None, records: list[str], nextgroup: str | None):
        self.unit = unit
        self.records = records
        self.nextgroup = nextgroup


def _lists(scripts, base: str) -> list[_List]:
    lists = []
    for el, text in scripts:
        if "datastore" not in text and "DATASTORE" not in text:
            continue
        parent = el.getparent()
        unit = parent.get("id") if parent is not None else None
        for m in _DATASTORE.finditer(text):
            block = m.group(1)
            lists.append(_List(unit, _records(block), _nextgroup(block, base)))
            if len(lists) >= 20:
                return lists
    return lists


def _pick_call(calls, unit: str | None) -> str | None:
    for target, options in calls:
        if unit is not None and target == unit:
            return options
    if unit is None or len(calls) == 1:
        return calls[0][1] if calls else None
    return None


def _params(scripts, options: str | None, unit: str | None, nextgroup: str | None) -> dict[str, str]:
    """The form fields the proxy wants: the ajaxParam object, a ``param: "col=1&…"`` string
    (jpage.init), ``var param_<unit>``, else the nextgroup link's query."""
    text = None
    if options and (string := _PARAM_STRING.search(options)):
        params = dict(parse_qsl(unescape(string.group(2)), keep_blank_values=True))
        if params:
            return params
    if options:
        inline = re.search(r"""["']?ajaxParam["']?\s*:\s*(?=\{)""", options)
        if inline:
            text = balanced(options, inline.end())
        else:
            name = _option_name(options, "ajaxParam")
            if name:
                text = _var_block(scripts, name, "{")
    if text is None and unit:
        text = _var_block(scripts, f"param_{unit}", "{")
    params = js_object(text) if text else {}
    if not params and nextgroup:
        query = urlsplit(nextgroup).query
        params = {k: v for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() != "page"}
        if params:
            params.setdefault("col", "1")
    return params


def _old_store(scripts, options: str | None) -> list[str]:
    """The older jcms first group: ``dataStore: InitData123`` naming ``var InitData123 = [...]``."""
    name = _option_name(options or "", "dataStore")
    block = _var_block(scripts, name, "[") if name else None
    if not block:
        return []
    return [js_unquote(m.group(0)) for m in _STRINGS.finditer(block[:5_000_000])][:MAX_ITEMS]


def _window(group: int, size: int, per_page: int) -> str:
    start = (group - 1) * size + 1
    return f"startrecord={start}&endrecord={group * size}&perpage={per_page}"


def _request(proxy: str, group: int, size: int, per_page: int, body: str) -> DataFetch:
    joiner = "&" if "?" in proxy else "?"
    return DataFetch(adapter=NAME, url=f"{proxy}{joiner}{_window(group, size, per_page)}",
                     method="POST", body=body, page=group)


@adapter(name=NAME, label="大汉 jpage 数据岛", order=30)
def expand(root, page_url: str, max_pages: int = 200, scripts=None) -> Found | None:
    """The entries of a page's jpage data islands, and the proxy requests for the further groups."""
    scripts = page_scripts(root) if scripts is None else scripts
    if not any(word in text for _el, text in scripts for word in _PRECHECK):
        return None
    base = page_base(root, page_url)
    calls = _calls(scripts)
    lists = _lists(scripts, base)
    if not lists:
        if not calls:
            return None
        lists = [_List(target, [], None) for target, _options in calls[:20]]
    items: list[ListItem] = []
    data: list[DataFetch] = []
    seen_items: set[str] = set()
    seen_data: set[DataFetch] = set()
    capped = False
    budget = max(0, max_pages)
    for lst in lists:
        options = _pick_call(calls, lst.unit)
        records = lst.records or _old_store(scripts, options)
        for item in entries_from_fragments(records, base):
            if item.url not in seen_items and len(items) < MAX_ITEMS:
                seen_items.add(item.url)
                items.append(item)
        params = _params(scripts, options, lst.unit, lst.nextgroup)
        proxy_path = _option_str(options or "", "proxyUrl")
        if proxy_path is None and lst.nextgroup:
            proxy_path = urlsplit(lst.nextgroup).path
        if not params:
            continue  # nothing to ask the proxy with
        proxy = absolute(base, proxy_path or DEFAULT_PROXY)
        if proxy is None:
            continue
        total = _option_int(options or "", "totalRecord")
        per_page = _option_int(options or "", "perPage")
        group_size = _option_int(options or "", "groupSize")
        per_page = per_page if per_page and 0 < per_page <= 1000 else None
        group_size = group_size if group_size and 0 < group_size <= 100 else None
        if per_page and group_size:
            size = per_page * group_size
        elif len(records) > 0 and (total is None or total > len(records)):
            size = len(records)  # the page embeds exactly one full group
        else:
            size = (per_page or 15) * (group_size or 3)
        per_page = per_page or (size // 3 if size % 3 == 0 and size >= 3 else size)
        body = urlencode(params)
        first = 2 if records else 1
        if total is not None:
            last = math.ceil(max(total, 0) / size)
        elif not records or len(records) >= size:
            last = first  # the total is unknown: ask for the next group, its answer tells
        else:
            last = first - 1  # a short first group is the whole list
        for group in range(first, last + 1):
            if budget <= 0:
                capped = True
                break
            request = _request(proxy, group, size, per_page, body)
            if request not in seen_data:
                seen_data.add(request)
                data.append(request)
                budget -= 1
    return Found.of(NAME, items, data=data, capped=capped)


def _answer_lists(text: str) -> list[str]:
    blocks = [m.group(1) for m in _DATASTORE.finditer(text)]
    if not blocks and "<record" in text.lower():
        blocks = [text]
    records: list[str] = []
    for block in blocks:
        records += _records(block)
        if len(records) >= MAX_ITEMS:
            break
    return records[:MAX_ITEMS]


@data_parser(NAME)
def parse_data(request: DataFetch, body: bytes, content_type: str | None):
    """Entries in a proxy answer; from the answer to the first request of a list (group 1 or 2),
    the remaining groups when the answer states ``<totalrecord>``, else — while groups come back
    full — the next group. Repeats of requests the expansion listed are possible (identical
    ``DataFetch`` values; callers deduplicate)."""
    text, _encoding = decode_html(body or b"", content_type)
    records = _answer_lists(text)
    items = entries_from_fragments(records, request.url)
    if request.method.upper() != "POST":
        return items, _follow_link(request, text)
    query = dict(parse_qsl(urlsplit(request.url).query))
    start, end, per_page = (to_int(query.get(k, "")) for k in ("startrecord", "endrecord", "perpage"))
    if start is None or end is None or start < 1 or end < start or end - start >= 5000:
        return items, []
    size = end - start + 1
    group = (start - 1) // size + 1
    per_page = per_page if per_page and 0 < per_page <= size else size
    proxy = request.url.split("?", 1)[0]
    total_m = _TOTALRECORD.search(text)
    total = to_int(total_m.group(1)) if total_m else None
    further: list[DataFetch] = []
    if total is not None:
        if group <= 2:
            last = min(math.ceil(max(total, 0) / size), MAX_DATA_PAGES)
            further = [_request(proxy, g, size, per_page, request.body or "")
                       for g in range(group + 1, last + 1)]
    elif len(records) >= size and group < MAX_DATA_PAGES:
        further = [_request(proxy, group + 1, size, per_page, request.body or "")]
    return items, further


def _follow_link(request: DataFetch, text: str) -> list[DataFetch]:
    """A GET answer's own ``<nextgroup>`` link, when it leads on (bounded by MAX_DATA_PAGES)."""
    for m in _DATASTORE.finditer(text):
        url = _nextgroup(m.group(1), request.url)
        if url and url != request.url and request.page < MAX_DATA_PAGES:
            return [DataFetch(adapter=NAME, url=url, page=request.page + 1)]
        break
    return []


@list_marker(NAME)
def keeps_list_in_script(code: list[str], srcs: list[str]) -> bool:
    """Hanweb's data island or its pager call or data proxy, even where the adapter read nothing."""
    return any("<datastore" in t or ".jpage(" in t or "jpage.init(" in t or "dataproxy.jsp" in t for t in code)
