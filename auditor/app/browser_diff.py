"""Browser differential: does the crawl reach every link a browser shows on a page?

For each page, two views of the same URL:

- the browser's: the page opened in headless Chromium (the system's, as ``--render`` drives it,
  fenced the same way: the browser fetches only from the page's own hosts, no images, media or
  fonts), its scripts run until the network is quiet, and the links of the rendered DOM read
  by the crawl's own link extraction (``extract_links``; ``<noscript>`` content left out, which
  a browser with scripts does not show);
- the crawl's: the raw HTML read by ``extract_page`` with the platform adapters (``read_platform``),
  as the spider reads it, and what the spider then follows from that page: its links, the adapters'
  further list pages, redirects and script-carried entries (``further_urls``), and the entries of
  the data endpoints the adapters name (``data_fetches``), fetched over HTTP and read with
  ``read_answer`` as ``DisclosureSpider.parse_data`` does, further fetches included. A data
  endpoint on another origin is refused, as the spider refuses it. An adapter redirect is followed
  (the browser lands there too) and the target's view joins the page's.

Only in-scope links count: http(s), on the host and port of the page (as asked, or where it
landed). Every in-scope link the browser shows must be reachable by the crawl; one that is not is
*missing*, classed as a list entry when it is an entry of the rendered page's lists
(``extract_items`` on the rendered DOM) and as elsewhere otherwise (navigation, pagers, forms).
``gkaudit browser-diff URL`` prints the numbers; ``tests/test_browser_differential.py`` holds the
sample site and the platform fixtures to no gap.
"""
from __future__ import annotations

import asyncio
import http.client
import urllib.error
import urllib.request
from typing import NamedTuple
from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from auditor.core.errors import ConfigError
from auditor.core.extract import extract_page
from auditor.core.extract.html import ParseError, parse
from auditor.core.extract.links import base_url, canonical_url, extract_items, extract_links
from auditor.core.extract.platforms.reading import data_fetches, data_key, further_urls, read_answer, read_platform

from spiders import render
from spiders.scope import Scope, same_origin

USER_AGENT = "Mozilla/5.0 (compatible; gkaudit-browser-diff)"
MAX_BYTES = 10 * 1024 * 1024
MAX_DATA_FETCHES = 500      # data answers read for one page (an adapter enumerates 200 pages of a list at most)
MAX_REDIRECTS = 3           # adapter redirects (meta refresh, script) followed from one page
_PORTS = {"http": 80, "https": 443}
_FETCH_ERRORS = (OSError, http.client.HTTPException)      # urllib's: refused, reset, timed out, cut short


class PageDiff(BaseModel):
    """One page compared: what the browser shows and what the crawl reaches, in scope."""
    url: str
    final_url: str | None = None                    # where the browser landed
    browser: list[str] = Field(default_factory=list)       # in-scope links of the rendered DOM
    crawl: list[str] = Field(default_factory=list)         # in-scope URLs the crawl reaches from the page
    missing_in_list: list[str] = Field(default_factory=list)   # browser-only links that are list entries
    missing_elsewhere: list[str] = Field(default_factory=list)
    data_fetches: int = 0                           # data answers the crawl side read
    refused: list[str] = Field(default_factory=list)       # data endpoints on another origin (not fetched)
    error: str | None = None

    @property
    def missing(self) -> list[str]:
        return self.missing_in_list + self.missing_elsewhere

    def line(self) -> str:
        """``browser reaches N in-scope links, crawl M, missing: …``"""
        if self.error:
            return f"error: {self.error}"
        missing = len(self.missing)
        said = "none" if not missing else \
            f"{missing} ({len(self.missing_in_list)} list entries, {len(self.missing_elsewhere)} elsewhere)"
        return f"browser reaches {len(self.browser)} in-scope links, crawl {len(self.crawl)}, missing: {said}"


# --- the crawl's view ----------------------------------------------------------------------------

def fetch(url: str, method: str = "GET", body: str | None = None, headers: dict[str, str] | None = None,
          timeout: float = 20.0) -> tuple[bytes, str | None, int, str]:
    """(body, content type, status, final URL) of one request; an HTTP error status is an answer too."""
    data = body.encode("utf-8") if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 (http/https checked)
            return resp.read(MAX_BYTES), resp.headers.get("Content-Type"), resp.status, resp.geturl()
    except urllib.error.HTTPError as exc:
        return exc.read(MAX_BYTES), exc.headers.get("Content-Type"), exc.code, url


class CrawlView(NamedTuple):
    """What the crawl reaches from one page."""
    final_url: str                  # where the page's own request landed
    reached: set[str]               # every URL the crawl follows from it (canonical)
    pages: set[str]                 # the pages read: the page and its adapter redirects' targets
    data_fetches: int               # data answers asked for
    refused: list[str]              # data endpoints on another origin, not asked


def crawl_view(url: str, timeout: float = 20.0) -> CrawlView:
    """What the crawl reaches from ``url`` (in the crawl's spelling, ``canonical_url``). Raises
    OSError (urllib's) when the page itself cannot be fetched; a data endpoint that cannot be is
    an answer with no entries, as in the crawl."""
    url = canonical_url(url)
    reached: set[str] = set()
    pages, read, refused, done = [url], set(), [], set()
    final = url
    while pages and len(read) <= MAX_REDIRECTS:
        page = pages.pop(0)
        if page in read:
            continue
        read.add(page)
        try:
            body, ctype, status, landed = fetch(page, timeout=timeout)
        except _FETCH_ERRORS:
            if page == url:
                raise
            continue
        if page == url:
            final = landed
        record = extract_page(page, body, ctype, status=status, final_url=landed, on_tree=read_platform)
        reached |= {link.url for link in record.links}
        reached |= {target for target, _adapter in further_urls(record)}
        pages += [e.redirect for e in record.expansions if e.redirect and same_host(e.redirect, landed)]
        queue = list(data_fetches(record))
        while queue and len(done) < MAX_DATA_FETCHES:
            data = queue.pop(0)
            key = data_key(data)
            if key in done:
                continue
            done.add(key)
            if not same_origin(data.url, landed):        # the spider sends no request to another origin
                refused.append(key)
                continue
            headers = {"Referer": landed, "X-Requested-With": "XMLHttpRequest"}
            if data.method == "POST":
                headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
            try:
                answer, answer_type, answer_status, _ = fetch(data.url, data.method, data.body or None, headers,
                                                              timeout)
            except _FETCH_ERRORS:
                continue
            items, further = read_answer(data, answer, answer_type) if answer_status < 400 else ([], [])
            reached |= {item.url for item in items if item.url}
            queue += further
    return CrawlView(final, {canonical_url(u) for u in reached}, read, len(done) - len(refused), refused)


# --- the browser's view --------------------------------------------------------------------------

def rendered_links(html: str, page_url: str) -> tuple[set[str], set[str]]:
    """(links, list entries' URLs) of a rendered DOM, read as the crawl reads a page."""
    try:
        root = parse(html)
    except ParseError:
        return set(), set()
    for el in list(root.iter("noscript")):         # a browser running scripts shows none of it
        el.drop_tree()
    base = base_url(root, page_url)
    links = {link.url for link in extract_links(root, base)}
    entries = {item.url for item in extract_items(root, base) if item.url}
    return links, entries


async def _render(browser, contexts: dict, url: str, timeout: float) -> tuple[str, str]:
    """(final URL, rendered HTML) of ``url`` in a context fenced to its hosts."""
    from playwright.async_api import Error as PlaywrightError

    scope = Scope(url)
    fence = render.context_for(scope)
    key = fence["playwright_context"]
    if key not in contexts:
        contexts[key] = asyncio.ensure_future(_new_context(browser, fence["playwright_context_kwargs"], scope))
    context = await contexts[key]
    page = await context.new_page()
    ms = int(timeout * 1000)
    try:
        try:
            await page.goto(url, wait_until="load", timeout=ms)
        except PlaywrightError as exc:                  # a client redirect interrupting the first load
            if "interrupted" not in str(exc).lower():
                raise
        for _ in range(2):
            try:
                await page.wait_for_load_state("networkidle", timeout=ms)
            except PlaywrightError:
                pass                                     # never quiet (polling): read the DOM as it is
            try:
                return page.url, await page.content()
            except PlaywrightError:                      # navigating right now (meta refresh): once more
                await page.wait_for_load_state("load", timeout=ms)
        return page.url, await page.content()
    finally:
        await page.close()


async def _new_context(browser, kwargs: dict, scope: Scope):
    context = await browser.new_context(**kwargs)

    async def guard(route):
        request = route.request
        if render.refuses(request.url, request.resource_type, [scope]):
            await route.abort()
        else:
            await route.continue_()

    await context.route("**/*", guard)
    return context


# --- the comparison ------------------------------------------------------------------------------

def same_host(url: str, other: str) -> bool:
    """Same host and port (either scheme)."""
    return _origin(url) == _origin(other)


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port or _PORTS.get(parts.scheme)
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), port


def in_scope(url: str, pages: list[str]) -> bool:
    return urlsplit(url).scheme in ("http", "https") and any(same_host(url, page) for page in pages)


def differ(url: str, final_url: str, html: str, crawl: CrawlView) -> PageDiff:
    """Compare the browser's rendered DOM of ``url`` (which landed on ``final_url``) with the crawl's view."""
    scope = [url, final_url, crawl.final_url]
    links, entries = rendered_links(html, final_url)
    browser = sorted(u for u in links if in_scope(u, scope))
    crawl_side = sorted(u for u in crawl.reached if in_scope(u, scope))
    known = set(crawl_side) | crawl.pages
    missing = [u for u in browser if u not in known]
    return PageDiff(url=url, final_url=final_url, browser=browser, crawl=crawl_side,
                    missing_in_list=[u for u in missing if u in entries],
                    missing_elsewhere=[u for u in missing if u not in entries],
                    data_fetches=crawl.data_fetches, refused=crawl.refused)


def compare(urls: list[str], timeout: float = 20.0, concurrency: int = 4) -> list[PageDiff]:
    """Each page of ``urls`` compared, in order, with one browser for all of them."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError as exc:
        raise ConfigError("browser-diff 需要 Playwright：pip install 'gkaudit[render]'") from exc
    options = render.launch_options()
    return asyncio.run(_compare(list(urls), options, timeout, max(1, concurrency)))


async def _compare(urls: list[str], options: dict, timeout: float, concurrency: int) -> list[PageDiff]:
    from playwright.async_api import Error as PlaywrightError, async_playwright

    gate = asyncio.Semaphore(concurrency)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**options)
        contexts: dict = {}

        async def one(url: str) -> PageDiff:
            async with gate:
                crawl = asyncio.create_task(asyncio.to_thread(crawl_view, url, timeout))
                try:
                    final_url, html = await _render(browser, contexts, url, timeout)
                except PlaywrightError as exc:
                    await asyncio.gather(crawl, return_exceptions=True)
                    return PageDiff(url=url, error=f"浏览器无法打开：{str(exc).splitlines()[0]}")
                try:
                    return differ(url, final_url, html, await crawl)
                except (*_FETCH_ERRORS, ValueError) as exc:
                    return PageDiff(url=url, final_url=final_url, error=f"无法获取：{getattr(exc, 'reason', exc)}")

        try:
            return list(await asyncio.gather(*(one(url) for url in urls)))
        finally:
            await browser.close()
