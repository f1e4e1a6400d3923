"""Keep every request, redirects included, on the audited hosts and on http(s)."""
from __future__ import annotations

import functools
import ipaddress
import socket
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


class Scope:
    """The start host, its www/bare twin, and the hosts the profile or the user allow — each on one
    port: the start URL's (or the scheme's default, 80 or 443, when it names none); an allowed entry
    ``host:port`` names its own. Another port of the start host is another site (an admin console,
    a test server on loopback) and is out of scope.

    An allowed entry starting with a dot (".example.gov.cn") admits its subdomains, on default ports.
    """

    def __init__(self, start_url: str, allowed: list[str] | tuple[str, ...] = ()):
        start = host_of(start_url)
        twin = start[4:] if start.startswith("www.") else f"www.{start}"
        port = urlsplit(start_url).port
        self.ports: dict[str, int | None] = {start: port, twin: port}     # None: the scheme's default
        for entry in allowed:
            if not entry.startswith("."):
                host, entry_port = _host_port(entry)
                self.ports[host] = entry_port
        self.hosts = set(self.ports)
        self.suffixes = tuple(h.lower() for h in allowed if h.startswith("."))

    def adopt(self, url: str) -> str:
        """Take a host into scope (where the start URL itself redirects to), on that URL's port."""
        host = host_of(url)
        self.hosts.add(host)
        self.ports[host] = urlsplit(url).port
        return host

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host = (parts.hostname or "").lower().rstrip(".")
        if host in self.hosts:
            return _port_fits(parts, self.ports.get(host))
        return any(host.endswith(s) for s in self.suffixes) and _port_fits(parts, None)


def _host_port(entry: str) -> tuple[str, int | None]:
    """``host`` or ``host:port`` (``[::1]:8000`` too) as (host, port or None)."""
    parts = urlsplit("//" + entry.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or entry).lower().rstrip("."), port


def _port_fits(parts, expected: int | None) -> bool:
    """The URL's port is the one in scope: ``expected``, or the scheme's default where none is named."""
    try:
        actual = parts.port
    except ValueError:
        return False
    default = _PORTS.get(parts.scheme)
    if expected is None:
        return actual is None or actual == default
    return (actual or default) == expected


_PORTS = {"http": 80, "https": 443}


def same_origin(url: str, other: str) -> bool:
    """Same scheme, host and port."""
    a, b = urlsplit(url), urlsplit(other)
    return (a.scheme, a.hostname, a.port or _PORTS.get(a.scheme)) == \
        (b.scheme, b.hostname, b.port or _PORTS.get(b.scheme))


@functools.lru_cache(maxsize=4096)
def private_address(host: str) -> bool:
    """Whether a host is, or resolves to, a private, loopback, link-local or reserved address."""
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(info[4][0].split("%")[0])
                         for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)]
        except (socket.gaierror, UnicodeError, ValueError):
            return False                       # unresolvable: the download fails and says so
    return any(a.is_private or a.is_loopback or a.is_link_local or a.is_reserved or a.is_multicast
               for a in addresses)


class PrivateAddress(IgnoreRequest):
    """A redirect or outside link leading to a private address nobody named."""


class OutOfScope(IgnoreRequest):
    """A request (often a redirect target) outside the audited hosts."""


class ScopeMiddleware:
    """Downloader middleware: refuses out-of-scope requests (redirect targets included)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        spider = self.crawler.spider
        ledger = spider.ledger_for(request.meta) if hasattr(spider, "ledger_for") else None
        scope = ledger.scope if ledger is not None else None
        first = (request.meta.get("redirect_urls") or [request.url])[0]
        if request.meta.get("gk_data") and not same_origin(request.url, first):
            # a data endpoint redirecting elsewhere would re-send its POST there: never
            self.crawler.stats.inc_value("gkaudit/refused_out_of_scope")
            raise OutOfScope(f"数据接口跳转到其他来源，已拒绝：{request.url}")
        if scope is None or scope.allows(request.url):
            return None
        outside_ok = (request.meta.get("gk_external") and request.meta.get("gk_role") == "check") or \
            (request.meta.get("gk_start") and urlsplit(request.url).scheme in ("http", "https"))
        if outside_ok and not self.crawler.settings.getbool("GKAUDIT_ALLOW_PRIVATE") \
                and private_address(host_of(request.url)):
            self.crawler.stats.inc_value("gkaudit/refused_private")
            raise PrivateAddress(f"指向内网或本机地址，已拒绝（可用 --allow-private 放行）：{request.url}")
        if request.meta.get("gk_external") and request.meta.get("gk_role") == "check":
            return None                    # the profile asked for outside links to be checked
        if request.meta.get("gk_start") and urlsplit(request.url).scheme in ("http", "https"):
            # the start URL redirects elsewhere (a department domain into the government portal):
            # where it lands is the site being audited
            spider.redirected_hosts.append(scope.adopt(request.url))
            return None
        self.crawler.stats.inc_value("gkaudit/refused_out_of_scope")
        raise OutOfScope(f"超出检查范围：{request.url}")
