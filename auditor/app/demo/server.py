"""Serve the bundled sample site (``site.tar.xz`` beside this module) on loopback.

    with SampleSite("planted") as site:      # or "clean", "sparse"
        crawl(site.url)                      # "http://127.0.0.1:PORT/"

Standard library only. The archive is unpacked once per process into a private temporary folder
(``site_dir()``), removed at exit. ``planted/`` holds the whole site; the other variants are overlays
(``OVERLAYS``): a path is looked up in the variant's overlay directories first, then in
``planted/``; a marker file ``<path>.deleted`` in an overlay makes the path 404.
``clean`` has every planted problem fixed; ``sparse`` is the planted site after a careless
redesign (the failures that cannot coexist with planted's).

``.html`` files go out as ``Content-Type: text/html`` with no charset, so that the client has to
detect the encoding itself (some pages are GBK, one lies in its meta tag, one has a BOM).
Special paths: ``/xwzx/gzdt/error500.html`` answers 500; ``/loop/a.html`` and ``/loop/b.html``
redirect to each other. A file without a suffix (``/xxgk/gkmlpt/index``) is HTML.

Data endpoints of the script-built columns (issue 11), answered from JSON data files under the
variant's ``_data/`` (never served themselves), looked up through the overlays like any file:

* ``/module/web/jpage/dataproxy.jsp`` — Hanweb's jpage data proxy. POST (or GET) with
  ``startrecord``/``endrecord``/``perpage`` in the query or the form and the column's ``columnid``
  (the ``ajaxParam`` form the page gives the pager); GET ``?page=N&columnid=…`` works too. The answer
  is the ``<datastore>`` XML of that slice of ``_data/jpage/<columnid>.json``'s records, with
  ``<totalrecord>`` and ``<totalpage>``.
* ``…/gkmlpt/api/all/<classify>?page=N&sid=…`` — Guangdong gkmlpt's JSON list API, from
  ``_data…/gkmlpt/articles.json`` (``{"sid", "page_size", "classify": [{"id", "name", "articles"}]}``):
  ``{"classify": …, "total": …, "articles": [page N]}``; classify 0 is the whole directory; a wrong
  ``sid`` or an unknown classify answers 404.
"""
from __future__ import annotations

import atexit
import functools
import json
import math
import re
import shutil
import tarfile
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import yaml

__all__ = ["SampleSite", "site_dir", "demo_settings", "VARIANTS", "OVERLAYS"]

ARCHIVE = "site.tar.xz"            # the generated site (tests/demo_archive.py writes it)
SETTINGS = "demo.yaml"             # who the fictional agency is and the audit date the demo uses


@functools.lru_cache(maxsize=1)
def site_dir() -> Path:
    """The sample site's files, unpacked from the package's archive into a private temporary
    folder (once per process; removed when the process exits)."""
    target = Path(tempfile.mkdtemp(prefix="gkaudit-demo-site-"))
    atexit.register(shutil.rmtree, target, True)
    with resources.files(__package__).joinpath(ARCHIVE).open("rb") as fh, tarfile.open(fileobj=fh, mode="r:xz") as tar:
        if hasattr(tarfile, "data_filter"):           # Python 3.11.4+: refuse links and paths outside
            tar.extractall(target, filter="data")
        else:                                          # pragma: no cover - our own archive, plain files
            tar.extractall(target, members=[m for m in tar.getmembers() if m.isfile() and ".." not in m.name])
    return target


def demo_settings() -> dict:
    """The demo audit's settings: the agency's name, level and profile, and the audit date."""
    return yaml.safe_load(resources.files(__package__).joinpath(SETTINGS).read_text(encoding="utf-8"))


VARIANTS = ("planted", "clean", "sparse")
# variant -> overlay directories (under site_dir()) searched before planted/, first match wins
OVERLAYS: dict[str, tuple[str, ...]] = {"planted": (), "clean": ("clean",), "sparse": ("sparse",)}

CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html",
    ".css": "text/css", ".js": "application/javascript", ".txt": "text/plain",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".pdf": "application/pdf", ".doc": "application/msword", ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xml": "application/xml", ".json": "application/json",
}

ERROR_500 = "/xwzx/gzdt/error500.html"
REDIRECTS = {"/loop/a.html": "/loop/b.html", "/loop/b.html": "/loop/a.html"}
DATA_DIR = "_data"                                   # data files of the endpoints below; never served
JPAGE_PROXY = "/module/web/jpage/dataproxy.jsp"
GKMLPT_API = re.compile(r"^((?:/[^/]+)*/gkmlpt)/api/all/(\d{1,12})$")
MAX_FORM = 65536                                     # bytes of a POST body read at most

_NOT_FOUND = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404 页面不存在</title>"
              "</head><body><h1>404</h1><p>您访问的页面不存在或已被删除。</p><p><a href=\"/\">返回首页</a></p>"
              "</body></html>").encode("utf-8")
_SERVER_ERROR = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>500 服务器错误</title>"
                 "</head><body><h1>500 Internal Server Error</h1></body></html>").encode("utf-8")


def _resolve(layers: list[Path], rel_parts: list[str]) -> Path | None:
    """Return the file for the relative path parts, honouring the overlays; None when absent.

    *layers* is the overlay directories followed by planted/; in each overlay a ``.deleted`` marker
    hides the path from the layers below it.
    """
    rel = "/".join(rel_parts)
    for i, base in enumerate(layers):
        if i < len(layers) - 1 and rel and (base / (rel + ".deleted")).is_file():
            return None
        f = base.joinpath(*rel_parts) if rel_parts else base
        if f.is_file():
            return f
    return None


def _is_dir(layers: list[Path], rel_parts: list[str]) -> bool:
    return any((base.joinpath(*rel_parts) if rel_parts else base).is_dir() for base in layers)


def _load_data(layers: list[Path], rel_parts: list[str]):
    """A data file's JSON (through the overlays), or None when it is absent or unreadable."""
    f = _resolve(layers, [DATA_DIR, *rel_parts])
    if f is None:
        return None
    try:
        return json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _int(value, default: int | None = None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def jpage_answer(layers: list[Path], fields: dict[str, str]) -> bytes | None:
    """The data proxy's ``<datastore>`` for a slice of one column's records; None: no such column."""
    column = fields.get("columnid", "")
    if not re.fullmatch(r"\d{1,12}", column):
        return None
    data = _load_data(layers, ["jpage", f"{column}.json"])
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        return None
    records = data["records"]
    per_page = _int(fields.get("perpage"), 0) or _int(data.get("perpage"), 15) or 15
    per_page = max(1, min(per_page, 1000))
    start, end = _int(fields.get("startrecord")), _int(fields.get("endrecord"))
    if start is None or end is None:                 # GET ?page=N: one page
        page = max(1, _int(fields.get("page"), 1) or 1)
        start, end = (page - 1) * per_page + 1, page * per_page
    start, end = max(1, start), min(end, start + 4999)
    chosen = records[start - 1:end] if end >= start else []
    body = "".join(f"<record>{_cdata(chr(10) + str(r) + chr(10))}</record>\n" for r in chosen)
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n'
           f"<totalrecord>{len(records)}</totalrecord>\n<totalpage>{math.ceil(len(records) / per_page)}</totalpage>\n"
           f"<recordset>\n{body}</recordset>\n</datastore>\n")
    return xml.encode("utf-8")


def gkmlpt_answer(layers: list[Path], root: str, classify: str, query: dict[str, str]) -> bytes | None:
    """One page of the gkmlpt list API as JSON; None: no such directory, classify or sid."""
    data = _load_data(layers, [p for p in root.split("/") if p] + ["articles.json"])
    if not isinstance(data, dict) or str(data.get("sid")) != query.get("sid"):
        return None
    groups = [g for g in data.get("classify", []) if isinstance(g, dict)]
    wanted = int(classify)
    if wanted:
        groups = [g for g in groups if g.get("id") == wanted]
        if not groups:
            return None
    articles = [a for g in groups for a in g.get("articles", [])]
    size = max(1, _int(data.get("page_size"), 100) or 100)
    page = max(1, _int(query.get("page"), 1) or 1)
    info = ({"id": wanted, "name": groups[0].get("name", ""), "post_count": len(articles)} if wanted
            else {"id": 0, "name": "全部", "post_count": len(articles)})
    answer = {"classify": info, "total": len(articles), "page": page, "page_size": size,
              "articles": articles[(page - 1) * size:page * size]}
    return json.dumps(answer, ensure_ascii=False).encode("utf-8")


def _make_handler(variant: str):
    root = site_dir()
    layers = [root / d for d in OVERLAYS[variant]] + [root / "planted"]

    class Handler(BaseHTTPRequestHandler):
        server_version = "SampleGovSite/1.0"
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):      # noqa: A002 - silence stderr
            pass

        def log_error(self, format, *args):        # noqa: A002
            pass

        def _send(self, code: int, body: bytes, ctype: str | None = None, headers: dict | None = None):
            self.send_response(code)
            if ctype:
                self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass        # the crawler stopped reading (a link check needs only the status): no traceback

        def _not_found(self):
            self._send(404, _NOT_FOUND, "text/html; charset=utf-8")

        def _handle(self, form: dict[str, str] | None = None):
            split = urlsplit(self.path)
            path = unquote(split.path or "/")
            if "\\" in path or "\x00" in path:
                return self._not_found()
            parts = [p for p in path.split("/") if p not in ("", ".")]
            if any(p == ".." for p in parts) or any(p.endswith(".deleted") for p in parts) \
                    or (parts and parts[0] == DATA_DIR):
                return self._not_found()
            norm = "/" + "/".join(parts) + ("/" if path.endswith("/") and parts else "")
            query = dict(parse_qsl(split.query, keep_blank_values=True))
            if norm == JPAGE_PROXY:
                answer = jpage_answer(layers, {**query, **(form or {})})
                if answer is None:
                    return self._not_found()
                return self._send(200, answer, "text/xml;charset=UTF-8")
            if form is not None:                         # only the data proxy takes a POST
                return self._send(405, b"", None, {"Allow": "GET, HEAD"})
            api = GKMLPT_API.match(norm)
            if api:
                answer = gkmlpt_answer(layers, api.group(1), api.group(2), query)
                if answer is None:
                    return self._send(404, b'{"error": "not found"}', "application/json; charset=utf-8")
                return self._send(200, answer, "application/json; charset=utf-8")
            if norm == ERROR_500:
                return self._send(500, _SERVER_ERROR, "text/html; charset=utf-8")
            if norm in REDIRECTS:
                return self._send(302, b"", None, {"Location": REDIRECTS[norm]})
            if not path.endswith("/") and parts and _is_dir(layers, parts) and _resolve(layers, parts) is None:
                return self._send(301, b"", None, {"Location": norm + "/"})
            target = parts + ["index.html"] if (not parts or path.endswith("/")) else parts
            f = _resolve(layers, target)
            if f is None:
                return self._not_found()
            ctype = CONTENT_TYPES.get(f.suffix.lower(), "application/octet-stream") if f.suffix else "text/html"
            self._send(200, f.read_bytes(), ctype)

        def do_GET(self):
            self._handle()

        def do_HEAD(self):
            self._handle()

        def do_POST(self):
            length = _int(self.headers.get("Content-Length"), 0) or 0
            if length < 0 or length > MAX_FORM:
                self.close_connection = True
                return self._send(413, b"")
            raw = self.rfile.read(length) if length else b""
            self._handle(dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)))

    return Handler


class SampleSite:
    """Context manager serving one variant of the sample site on loopback."""

    def __init__(self, variant: str = "planted", host: str = "127.0.0.1", port: int = 0):
        if variant not in VARIANTS:
            raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
        self.variant = variant
        self.host = host
        self.port = port
        self.url = ""
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "SampleSite":
        self._server = ThreadingHTTPServer((self.host, self.port), _make_handler(self.variant))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://{self.host}:{self.port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, name="sample-site", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None
        return False


if __name__ == "__main__":      # python -m auditor.app.demo.server [planted|clean|sparse] [port]
    import sys
    import time
    v = sys.argv[1] if len(sys.argv) > 1 else "planted"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    with SampleSite(v, port=port) as s:
        print(f"serving the {v} sample site at {s.url} (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
