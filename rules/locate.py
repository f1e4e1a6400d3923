"""Finding the 政府信息公开 column, its sections and the pages under it — shared by COL, GDE, RPT.

Computed once per snapshot (cached on it): every rule sees the same column. Every rule that calls
``locate_column`` (or ``unjudgeable``) declares ``COLUMN_SETTINGS``, the settings it reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from auditor.core.models import Link, PageRecord
from auditor.core.snapshot import SiteSnapshot, normalise_name

from rules.registry import Result, Setting

COLUMN_SETTINGS = {
    "column_name": Setting(
        type=str, source="国办公开办函〔2019〕61号（统一设置“政府信息公开”专栏）",
        description="首页上政府信息公开专栏的统一名称"),
    "column_name_variants": Setting(
        type=list[str], source="本项目约定（各地网站实际使用的名称）",
        description="没有统一名称时，也认作专栏入口的其他名称（COL001 列为警告）"),
    "column_sections": Setting(
        type=dict[str, list[str]], source="国办公开办函〔2019〕61号（专栏的四个统一子栏目）",
        description="专栏的子栏目，及各自认可的名称"),
}


@dataclass
class Column:
    link: Link | None                 # the homepage link to it
    how: str                          # exact | variant | self | none
    home: PageRecord | None           # the column's own page
    prefix: str | None                # URL prefix of the pages under it
    pages: list[PageRecord] = field(default_factory=list)      # its fetched pages (home first)
    sections: dict[str, Link] = field(default_factory=dict)    # section name -> link found
    loose: dict[str, Link] = field(default_factory=dict)       # found only under a longer name

    unreadable: str | None = None     # the column exists but its page could not be read: why

    def section_page(self, snap: SiteSnapshot, section: str) -> PageRecord | None:
        link = self.sections.get(section) or self.loose.get(section)
        target = snap.link_target(link.url) if link else None
        return target if target is not None and target.ok else None

    def nav_pages(self, snap: SiteSnapshot) -> list[PageRecord]:
        """The column home and its section pages: what "reachable from the column" means."""
        pages = [self.home] if self.home else []
        for section in set(self.sections) | set(self.loose):
            page = self.section_page(snap, section)
            if page is not None and page not in pages:
                pages.append(page)
        return pages


def _calls_itself(page: PageRecord, name: str) -> bool:
    own = [page.meta.get("ColumnName"), page.column, page.headline,
           page.breadcrumb[-1] if page.breadcrumb else None]
    return any(normalise_name(v) == name for v in own if v)


def _homepage_link(snap: SiteSnapshot, settings: dict) -> tuple[Link | None, str]:
    """The homepage's link to the column: by its exact name, else a variant name, else a page that
    calls itself the column. A link back to the homepage itself (a tab: index.html?link=…) is not the
    column; among several links of one name, the one to a page that is the column (it calls itself
    so in its breadcrumb or ColumnName, or is a list page) wins."""
    home = snap.home
    if home is None:
        return None, "none"
    name = normalise_name(settings["column_name"])
    variants = {normalise_name(v) for v in settings["column_name_variants"]}
    for how, names in (("exact", {name}), ("variant", variants)):
        links = [l for l in home.links if normalise_name(l.text) in names and not _is_homepage(snap, l.url)]
        if links:
            return next((l for l in links if _is_the_column(snap, l.url, names)), links[0]), how
    for link in home.links:
        target = snap.link_target(link.url)
        if target is not None and target is not home and _calls_itself(target, name):
            return link, "self"
    return None, "none"


def _is_homepage(snap: SiteSnapshot, url: str) -> bool:
    """The homepage again: its own record, or a page of its host read as a homepage. Where the link
    was not fetched, its URL decides: the homepage's path with a query (index.html?link=…)."""
    home, target = snap.home, snap.link_target(url)
    parts, own = urlsplit(url), urlsplit(home.final_url or home.url)
    if target is not None:
        return target is home or (target.kind == "home" and parts.netloc == own.netloc)
    return (parts.netloc, parts.path.rsplit("/", 1)[0]) == (own.netloc, own.path.rsplit("/", 1)[0]) \
        and parts.path.rsplit("/", 1)[-1] in ("", "index.html", "index.htm", "index.shtml", "index.jsp",
                                              own.path.rsplit("/", 1)[-1]) and bool(parts.query)


def _is_the_column(snap: SiteSnapshot, url: str, names: set[str]) -> bool:
    target = snap.link_target(url)
    return target is not None and target.ok and (
        target.kind == "column" or any(_calls_itself(target, n) for n in names))


def _why_unreadable(page: PageRecord) -> str | None:
    if page.skipped == "robots":
        return "robots.txt 禁止抓取专栏页面（有权检查的单位可加 --ignore-robots）"
    if page.skipped:
        return f"专栏页面未抓取（{page.skipped}）"
    return None                        # fetched, or a dead link: then the column is missing


def url_prefix(url: str) -> str:
    """The directory a column page stands for: /xxgk/index.html -> /xxgk/."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# query parameters that page through one list (list.jsp?columnid=7&page=2 is list 7's second page)
_PAGING = {"page", "pageno", "pagenum", "pageindex", "pagesize", "p", "pn", "start", "startrecord", "endrecord",
           "perpage", "curpage", "currentpage", "cur", "offset", "limit", "index", "num"}


def list_key(url: str) -> str:
    """What one list is: the directory it stands for, plus the query parameters that name it
    (list.jsp?columnid=1 and ?columnid=2 are two columns; their page numbers are not)."""
    parts = urlsplit(url)
    named = sorted(p for p in parts.query.split("&") if p and p.split("=", 1)[0].lower() not in _PAGING)
    return url_prefix(url) + ("?" + "&".join(named) if named else "")


def column_groups(snap: SiteSnapshot) -> dict[str, list]:
    """The site's list columns: column pages grouped by the directory they stand for, so a
    column's paginated pages and the data answers of a script-built list (``list_of``) count as one."""
    cached = snap.cache.get("column_groups")
    if cached is None:
        cached = snap.cache["column_groups"] = {}
        for page in snap.lists():
            if page.kind == "column":
                cached.setdefault(list_key(page.list_of or page.final_url or page.url), []).append(page)
    return cached


UNCERTAIN = "（该栏目列表由脚本生成，未能全部读取，结论待人工核实）"


def as_uncertain(finding, snap: SiteSnapshot, pages: list):
    """A finding about a column part of whose list no adapter or browser could read: a warning
    to verify, not a failure (``crawl.coverage`` in the report lists such pages)."""
    unreadable = {id(p) for p in snap.unreadable_lists()}
    if any(id(p) in unreadable for p in pages):
        finding.status = "warn"
        finding.message += UNCERTAIN
        finding.evidence["uncertain"] = "script_built"
    return finding


def locate_column(snap: SiteSnapshot, settings: dict) -> Column:
    cached = snap.cache.get("column")
    if isinstance(cached, Column):
        return cached
    link, how = _homepage_link(snap, settings)
    home = snap.link_target(link.url) if link else None
    unreadable = _why_unreadable(home) if home is not None else None
    if home is None or not home.ok:
        name = normalise_name(settings["column_name"])
        home = next((p for p in snap.pages() if p.kind != "home" and _calls_itself(p, name)), None)
    prefix = url_prefix(home.final_url or home.url) if home else None
    if home is not None and snap.home is not None and prefix == url_prefix(snap.home.url) \
            and urlsplit(prefix).netloc == urlsplit(snap.home.url).netloc and home is not snap.home:
        prefix = home.final_url or home.url        # a column page at the site root: itself only
    pages = []
    if home is not None:
        pages = [home] + [p for p in snap.pages() if p is not home and prefix and p.url.startswith(prefix)]
    column = Column(link=link, how=how, home=home, prefix=prefix, pages=pages,
                    unreadable=unreadable if home is None else None)
    column.sections, column.loose = _sections(snap, column, settings)
    snap.cache["column"] = column
    return column


def _sections(snap: SiteSnapshot, column: Column, settings: dict) -> tuple[dict[str, Link], dict[str, Link]]:
    """Sections by exact name; failing that, a short link text that contains the name
    (政府信息公开制度文件): the section is there under a non-standard name. Entries a script puts on
    the column page count as its links (a column menu drawn from a data island)."""
    exact: dict[str, Link] = {}
    loose: dict[str, Link] = {}
    listing = [p for p in column.pages if p.kind in ("column", "home", "guide")] or column.pages
    for section, names in settings["column_sections"].items():
        wanted = [normalise_name(n) for n in names]
        for page in listing:
            links = snap.links_of(page)
            link = next((l for l in links if normalise_name(l.text) in wanted), None)
            if link is not None:
                exact[section] = link
                break
            if section not in loose:
                link = next((l for l in links if len(normalise_name(l.text)) <= len(wanted[0]) + 4
                             and any(w in normalise_name(l.text) for w in wanted)), None)
                if link is not None:
                    loose[section] = link
    return exact, {k: v for k, v in loose.items() if k not in exact}


_CONTENT_KINDS = {"article", "policy", "interpretation", "penalty", "guide", "annual_report", "attachment"}


def column_link_texts(column: Column, snap: SiteSnapshot, within: list[PageRecord] | None = None) -> list[str]:
    """Names of the sub-columns: navigation links on the column's list pages (not links to
    documents, which would let an article title stand in for a column) and the ColumnNames of its
    list pages."""
    pages = within if within is not None else [p for p in column.pages if p.kind in ("column", "home")]
    names = []
    for page in pages:
        for link in snap.links_of(page):
            text = link.text.strip()
            if not text or len(text) > 12 or any(c.isdigit() for c in text):
                continue
            target = snap.link_target(link.url)
            if target is not None and target.kind in _CONTENT_KINDS:
                continue
            names.append(text)
    names += [p.column for p in column.pages if p.column and p.kind == "column"]
    return names


def homepage_unread(snap: SiteSnapshot) -> Result | None:
    """An ``error`` result when the homepage could not be read, else None."""
    home = snap.home
    if home is None or not home.ok or home.kind == "attachment":
        return Result.error("首页未能抓取，无法判断")
    return None


def unjudgeable(snap: SiteSnapshot, settings: dict, need_column: bool = True) -> Result | None:
    """An ``error`` result when the homepage (or the column page) could not be read, else None."""
    if (error := homepage_unread(snap)) is not None or not need_column:
        return error
    column = locate_column(snap, settings)
    if column.unreadable:
        return Result.error(f"{column.unreadable}，无法判断")
    return None
