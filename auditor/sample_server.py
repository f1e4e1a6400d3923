"""Serve the bundled sample site (auditor/sample_site/) on loopback.

    with SampleSite("planted") as site:      # or "clean", "sparse"
        crawl(site.url)                      # "http://127.0.0.1:PORT/"

Standard library only. ``planted/`` holds the whole site; the other variants are overlays
(``OVERLAYS``): a path is looked up in the variant's overlay directories first, then in
``planted/``; a marker file ``<path>.deleted`` in an overlay makes the path 404.
``clean`` has every planted problem fixed; ``sparse`` is the planted site after a careless
redesign (the failures that cannot coexist with planted's).

``.html`` files go out as ``Content-Type: text/html`` with no charset, so that the client has to
detect the encoding itself (some pages are GBK, one lies in its meta tag, one has a BOM).
Special paths: ``/xwzx/gzdt/error500.html`` answers 500; ``/loop/a.html`` and ``/loop/b.html``
redirect to each other.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["SampleSite", "ground_truth", "SITE_DIR", "VARIANTS", "OVERLAYS"]


def _site_dir() -> Path:
    try:
        from importlib.resources import files
        p = Path(str(files("auditor") / "sample_site"))
        if p.is_dir():
            return p
    except Exception:       # pragma: no cover - namespace/zip edge cases
        pass
    return Path(__file__).resolve().parent / "sample_site"


SITE_DIR = _site_dir()
VARIANTS = ("planted", "clean", "sparse")
# variant -> overlay directories (under SITE_DIR) searched before planted/, first match wins
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


def _make_handler(variant: str):
    layers = [SITE_DIR / d for d in OVERLAYS[variant]] + [SITE_DIR / "planted"]

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
                self.wfile.write(body)

        def _not_found(self):
            self._send(404, _NOT_FOUND, "text/html; charset=utf-8")

        def _handle(self):
            raw_path = urlsplit(self.path).path or "/"
            path = unquote(raw_path)
            if "\\" in path or "\x00" in path:
                return self._not_found()
            parts = [p for p in path.split("/") if p not in ("", ".")]
            if any(p == ".." for p in parts) or any(p.endswith(".deleted") for p in parts):
                return self._not_found()
            norm = "/" + "/".join(parts) + ("/" if path.endswith("/") and parts else "")
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
            ctype = CONTENT_TYPES.get(f.suffix.lower(), "application/octet-stream")
            self._send(200, f.read_bytes(), ctype)

        def do_GET(self):
            self._handle()

        def do_HEAD(self):
            self._handle()

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


def ground_truth() -> dict:
    """The parsed ground_truth.yaml: what an audit of each variant must report."""
    import yaml
    return yaml.safe_load((SITE_DIR / "ground_truth.yaml").read_text(encoding="utf-8"))


if __name__ == "__main__":      # python -m auditor.sample_server [planted|clean|sparse] [port]
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
