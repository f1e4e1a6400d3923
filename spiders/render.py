"""Browser mode (``--render``): pages whose list is still empty after the adapters are loaded in
headless Chromium (scrapy-playwright, driving the system's ``chromium``; nothing is downloaded)
and read again.

Off by default: it is the only place where a crawled site's scripts run. The browser may fetch
only from the audited hosts (the crawl's scope); every other request it makes — another host, a
private address, an image, a font — is aborted, so a hostile page cannot use the browser to reach
anything the crawler itself would refuse.
"""
from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

from auditor.errors import ConfigError

from .scope import Scope

_SCOPES: list[Scope] = []            # the scopes of the crawls in this process
_SKIPPED_RESOURCES = {"image", "media", "font"}


def chromium_path() -> str:
    """The system Chromium (GKAUDIT_CHROMIUM overrides)."""
    for candidate in (os.environ.get("GKAUDIT_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise ConfigError("--render 需要 Chromium 浏览器：请安装（Debian/Ubuntu：apt-get install chromium），"
                      "或用环境变量 GKAUDIT_CHROMIUM 指定其路径")


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
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": chromium_path(), "headless": True,
                                      "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]},
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(timeout * 1000),
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_ABORT_REQUEST": "spiders.render.abort_request",
    }


def admit(scope: Scope) -> None:
    """Let the browser fetch within this crawl's scope."""
    _SCOPES.append(scope)


def abort_request(request) -> bool:
    """scrapy-playwright's PLAYWRIGHT_ABORT_REQUEST: True for every request the browser must not make."""
    scheme = urlsplit(request.url).scheme
    if scheme in ("data", "blob"):
        return False                                  # inside the page, nothing leaves the machine
    if scheme not in ("http", "https") or request.resource_type in _SKIPPED_RESOURCES:
        return True
    return not any(scope.allows(request.url) for scope in _SCOPES)


def wait_for_list():
    """What the browser waits for before the page is read: the network quiet, lists filled."""
    from scrapy_playwright.page import PageMethod
    return [PageMethod("wait_for_load_state", "networkidle")]
