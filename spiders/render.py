"""Browser mode (``--render``): pages whose list is still empty after the adapters are loaded in
headless Chromium (scrapy-playwright, driving the system's ``chromium``; nothing is downloaded)
and read again.

Off by default: it is the only place where a crawled site's scripts run. The browser may fetch
only from the audited hosts (the crawl's scope), so a hostile page cannot use it to reach anything
the crawler itself would refuse. Two fences:
- each crawl's pages open in a browser context whose proxy is a closed port, bypassed only for the
  crawl's own hosts: every other connection — a redirect, an iframe, a WebSocket, another
  loopback or private address — goes to the dead proxy and fails (Playwright proxies loopback
  too); service workers are blocked and WebRTC may not leave the proxy;
- every request the page makes is checked again (``abort_request``): only http(s) within some
  crawl's scope, and no images, media or fonts.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from urllib.parse import urlsplit

from auditor.core.errors import ConfigError

from spiders.scope import Scope

_SCOPES: list[Scope] = []            # the scopes of the crawls in this process
# a page's script that sends the browser elsewhere (location.href = …): the refused target, by the
# URL of the page it left, so the crawl can put it on record (Chrome shows its own error page then)
_REFUSED_NAVIGATIONS: dict[str, str] = {}
_SKIPPED_RESOURCES = {"image", "media", "font"}


def chromium_path() -> str:
    """The system Chromium (GKAUDIT_CHROMIUM overrides)."""
    for candidate in (os.environ.get("GKAUDIT_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise ConfigError("--render 需要 Chromium 浏览器：请安装（Debian/Ubuntu：apt-get install chromium），"
                      "或用环境变量 GKAUDIT_CHROMIUM 指定其路径")


def launch_options() -> dict:
    """How Chromium is launched: the system's binary, headless, WebRTC kept behind the proxy."""
    return {"executable_path": chromium_path(), "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                     "--webrtc-ip-handling-policy=disable_non_proxied_udp"]}


def render_settings(timeout: float) -> dict:
    """Crawl settings that add the browser to the crawl (requests not marked for it go on as before)."""
    try:
        import scrapy_playwright  # noqa: F401
    except ImportError as exc:
        raise ConfigError("--render 需要 scrapy-playwright：pip install 'gkaudit[render]'") from exc
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        "GKAUDIT_RENDER": True,
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(timeout * 1000),
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_ABORT_REQUEST": "spiders.render.abort_request",
    }


DEAD_PROXY = "http://127.0.0.1:9"      # the discard port: nothing answers a proxy request there


def context_for(scope: Scope) -> dict:
    """Request meta that opens a page in a context fenced to ``scope`` (its hosts as they are now:
    a host taken in later, by the start URL's redirect, gets a context of its own)."""
    # "<-loopback>" first (order matters to Chromium): loopback addresses are proxied too, unless named
    bypass = ["<-loopback>"] + sorted(scope.hosts) + sorted(scope.suffixes)
    # one context per scope, ports included: two crawls of one host on two ports are two scopes
    ports = sorted(f"{host}:{port}" for host, port in scope.ports.items())
    return {"playwright_context": "gk-" + hashlib.sha1(",".join(bypass + ports).encode()).hexdigest()[:12],
            "playwright_context_kwargs": {"proxy": {"server": DEAD_PROXY, "bypass": ",".join(bypass)},
                                          "service_workers": "block"}}


def admit(scope: Scope) -> None:
    """Let the browser fetch within this crawl's scope."""
    _SCOPES.append(scope)


def abort_request(request) -> bool:
    """scrapy-playwright's PLAYWRIGHT_ABORT_REQUEST: True for every request the browser must not make."""
    if not refuses(request.url, request.resource_type, _SCOPES):
        return False
    try:
        frame = request.frame
        if request.is_navigation_request() and frame.parent_frame is None:
            _REFUSED_NAVIGATIONS[frame.url] = request.url
    except Exception:                       # noqa: BLE001 - a request with no frame (a worker's) navigates nothing
        pass
    return True


def refused_navigation(page_url: str) -> str | None:
    """Where the page at ``page_url`` tried to send the browser, if that was refused."""
    return _REFUSED_NAVIGATIONS.pop(page_url, None)


def left_the_page(rendered_url: str, scope: Scope) -> bool:
    """Whether the browser ended somewhere other than a page of the site: Chrome's own error page
    (chrome-error://chromewebdata/, after a refused navigation) or a host outside the scope."""
    return urlsplit(rendered_url).scheme not in ("http", "https") or not scope.allows(rendered_url)


def refuses(url: str, resource_type: str, scopes) -> bool:
    """Whether the browser must not fetch ``url``: outside every scope, not http(s), or an image,
    medium or font."""
    scheme = urlsplit(url).scheme
    if scheme in ("data", "blob"):
        return False                                  # inside the page, nothing leaves the machine
    if scheme not in ("http", "https") or resource_type in _SKIPPED_RESOURCES:
        return True
    return not any(scope.allows(url) for scope in scopes)


def wait_for_list():
    """What the browser waits for before the page is read: the network quiet, lists filled."""
    from scrapy_playwright.page import PageMethod
    return [PageMethod("wait_for_load_state", "networkidle")]
