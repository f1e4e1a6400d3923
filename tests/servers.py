"""A tiny real HTTP server for spider tests: routes are data (status, headers, body or a delay)."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0
    trickle: float = 0.0            # seconds between single bytes of the body
    reset: bool = False             # close the connection without answering
    dynamic: object = None          # callable(path, hits) -> Route, for pages that change per request


def html(text: str, encoding: str = "utf-8", **kw) -> Route:
    return Route(body=text.encode(encoding), **kw)


class RouteServer:
    """``with RouteServer({"/": html(...)}) as srv: srv.url`` — serves on 127.0.0.1:0."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1"):
        self.routes = routes
        self.hits: list[str] = []
        self.posted: list[tuple[str, str]] = []     # (path, form body) of each POST
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                outer.hits.append(self.path)
                route = outer.routes.get(self.path) or outer.routes.get(self.path.split("?")[0]) \
                    or next((r for prefix, r in outer.routes.items() if prefix.endswith("*")
                             and self.path.startswith(prefix[:-1])), None)
                if route is not None and route.dynamic:
                    route = route.dynamic(self.path, outer.hits)
                if route is not None and route.reset:
                    self.close_connection = True
                    self.connection.close()
                    return
                if route is None:
                    route = Route(b"<html><head><title>404</title></head><body>not found</body></html>", 404)
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v.replace("{port}", str(outer.port)))
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    if route.trickle:
                        for i in range(len(route.body)):
                            self.wfile.write(route.body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

            def do_POST(self):  # noqa: N802 - answered like a GET of the same path; the form is kept
                length = int(self.headers.get("Content-Length") or 0)
                outer.posted.append((self.path, self.rfile.read(length).decode("utf-8", "replace")))
                self.do_GET()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "RouteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class RawServer:
    """A loopback server that answers each request with what a function writes on the socket itself —
    for answers no well-behaved server gives (endless headers). ``handlers`` maps a path (or a prefix
    ending in ``*``) to ``callable(path, wfile)``; other paths get a 404."""

    def __init__(self, handlers: dict, host: str = "127.0.0.1"):
        import socketserver

        self.handlers = handlers
        self.hits: list[str] = []
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                line = self.rfile.readline(65536).decode("latin-1")
                while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
                    pass
                path = line.split(" ")[1] if line.count(" ") >= 2 else "/"
                outer.hits.append(path)
                found = outer.handlers.get(path) or next(
                    (h for prefix, h in outer.handlers.items() if prefix.endswith("*") and path.startswith(prefix[:-1])),
                    None)
                try:
                    if found is None:
                        respond(self.wfile, b"not found", status=404)
                    else:
                        found(path, self.wfile)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server((host, 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "RawServer":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def respond(wfile, body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> None:
    """A whole HTTP/1.1 answer that closes the connection (for RawServer handlers)."""
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Connection: close"]
    head += [f"{k}: {v}" for k, v in (headers or {"Content-Type": "text/html; charset=utf-8"}).items()]
    wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
    wfile.flush()
