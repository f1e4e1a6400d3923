"""UPD — timeliness of content (条例 第二十六条; 国办秘函〔2019〕19号)."""
from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import urlsplit

from auditor.core.extract.dates import to_date
from auditor.core.results import Count, Record
from auditor.core.snapshot import SiteSnapshot

from rules.agency import AGENCY_SETTINGS, agency_of, ownership
from rules.locate import as_uncertain, column_groups
from rules.in_force import INDICATORS_19
from rules.registry import Finding, Result, Setting, rule


class Window(Record):
    """How long a category of column may go without a new entry (``column_windows``)."""
    category: str
    days: int
    veto: bool | Literal["top_level"]   # its stale columns count toward UPD002's veto (top_level: 一级栏目 only)
    names: list[str]         # column names of the category


@rule(code="UPD004", title="文件在成文后 20 个工作日内公开", failure_title="政府信息公开不及时",
      family="freshness", kind="deduct", each=True, points=0.5, cap=5, settings={**AGENCY_SETTINGS, "publish_max_lag_workdays": Setting(
          type=Count, default=20, source="《政府信息公开条例》第二十六条（20 个工作日）",
          description="发布日期晚于成文日期的最多工作日数")})
def published_after_written(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    本机关的文件（页面同时标明成文日期和发布日期的），发布日期是否在成文日期后 `publish_max_lag_workdays`
    （默认 20）个工作日内。转发、转载的其他机关文件不检查（它们的成文日期是原机关的）；本机关的名称和
    文号前缀同 INT001，无法确定是否本机关文件的，结论只作警告。工作日按法定节假日和调休计算，成文当日
    不计入。每个超期页面计一条问题。

    ## 为什么
    条例第二十六条规定，属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起
    20 个工作日内及时公开。

    ## 如何整改
    建立公文公开属性源头认定和发布流程，文件印发后及时在网站公开；对历史文件逐一核对补发。
    """
    calendar, limit = settings["calendar"], settings["publish_max_lag_workdays"]
    agency = agency_of(snap, settings)
    findings, judged = [], 0
    for page in snap.pages():
        written, published = to_date(page.written), to_date(page.published)
        if written is None or published is None or published < written:
            continue                                  # a date before 成文 is UPD005's business
        whose = ownership(page, agency)
        if whose == "other":
            continue                                  # another agency's document: its dates are not ours
        judged += 1
        lag = calendar.workdays_between(written, published)
        if lag > limit:
            findings.append(Finding(
                message=f"成文 {written}，{published} 才公开，相隔 {lag} 个工作日，超过 {limit} 个工作日"
                + ("（无法确定是否本机关文件，请人工确认）" if whose == "unknown" else ""),
                url=page.url, excerpt=page.headline, status="fail" if whose == "own" else "warn",
                evidence={"written": written, "published": published, "workdays": lag, "limit": limit}))
    if judged == 0:
        return Result.na(f"没有同时标明成文日期和发布日期的本机关文件（{agency.describe()}）")
    return Result.from_findings(findings, message=agency.describe(), judged=judged,
                                agency_names=agency.names, doc_prefixes=agency.prefixes)


def _newest(pages) -> tuple[str | None, object | None]:
    dated = [(item.date, item) for page in pages for item in page.items if item.date]
    return max(dated, key=lambda d: d[0]) if dated else (None, None)


@rule(code="UPD001", title="首页及时更新", failure_title="首页长期未更新",
      family="freshness", kind="veto", settings={"homepage_max_age_days": Setting(
          type=Count, source="国办秘函〔2019〕19号（首页栏目信息超过 2 周未更新，单项否决）",
          description="首页最新信息距检查日的最多天数")})
def homepage_updated(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页上是否有发布日期在检查日前 `homepage_max_age_days`（默认 14）天以内的信息。首页只是导航
    入口、自身没有带日期的信息的，按首页直接链接的二级栏目页判断：其中有 14 天内的信息即通过。
    首页和二级栏目页都没有任何带日期的信息，无法证明已更新，不合格。只标月日的日期按检查日推断年份。
    检查使用了历史库的可用性探测记录时（`gkaudit probe` 每次探测都读取首页最新信息的日期），也计入
    检查日前 14 天内各次探测在首页读到的最新信息：19号按 2 周的监测判断，抓取当天首页未能打开或改版的，
    以探测记录为准。

    ## 为什么
    检查指标将“首页栏目信息超过2周未更新”列为单项否决：首页长期不更新的网站即为“僵尸网站”。

    ## 如何整改
    保持首页要闻、动态、通知公告等栏目每周更新，并在列表中显示发布日期。
    """
    home = snap.home
    as_of, limit = settings["as_of"], settings["homepage_max_age_days"]
    probed = _probed_newest(snap, as_of, limit)
    if home is None or not home.ok:
        if probed is None:
            return Result.error("首页未能抓取，无法判断")
        newest, item, where = probed[1], None, f"首页未能抓取；可用性探测（{probed[0]}）读到首页"
    else:
        newest, item = _newest([home])
        where = "首页"
        if newest is None:                     # a navigation-only homepage: judged by its second-level columns
            newest, item = _newest(_second_level(snap, home))
            where = "首页为导航页，其二级栏目页"
        if probed is not None and (newest is None or probed[1] > newest):
            newest, item, where = probed[1], None, f"可用性探测（{probed[0]}）读到首页"
    url = home.url if home is not None else snap.start_url
    if newest is None:
        return Result.from_findings([Finding(message="首页及其二级栏目页都没有带发布日期的信息，无法确认是否更新",
                                             url=url)])
    age = (as_of - to_date(newest)).days
    if age > limit:
        return Result.from_findings([Finding(
            message=f"{where}最新信息发布于 {newest}，距检查日 {age} 天，超过 {limit} 天", url=url,
            excerpt=item.title if item else None, evidence={"newest": newest, "age_days": age, "limit_days": limit})])
    return Result.from_findings([], message=f"{where}最新信息 {newest}" + (f"（{item.title}）" if item else ""),
                                newest=newest)


def _probed_newest(snap: SiteSnapshot, as_of, limit: int) -> tuple[str, str] | None:
    """(when, date): the newest homepage item the history store's probes read in the ``limit`` days
    before ``as_of`` (19号: 首页不更新 is judged over two weeks of monitoring, not one visit)."""
    if snap.probes is None:
        return None
    since = (as_of - dt.timedelta(days=limit)).isoformat()
    seen = [(h.newest, h.at) for h in snap.probes.homepage_dates if h.at[:10] >= since and h.newest <= as_of.isoformat()]
    if not seen:
        return None
    newest, at = max(seen)
    return at[:16].replace("T", " "), newest


def _second_level(snap: SiteSnapshot, home) -> list:
    """The list pages the homepage links to directly."""
    pages = (snap.link_target(link.url) for link in snap.links_of(home))
    return [p for p in pages if p is not None and p is not home and p.kind == "column" and p.items]


def _window(name: str, windows: list[dict]) -> dict | None:
    return next((w for w in windows if any(n in name for n in w["names"])), None)


@rule(code="UPD002", title="栏目及时更新", failure_title="栏目长期未更新",
      family="freshness", kind="deduct", each=True, points=3, veto_at=5,
      settings={"column_windows": Setting(
          type=list[Window], source="国办秘函〔2019〕19号“栏目不更新”（动态要闻 2 周、通知公告和政策文件一级栏目 6 个月）；"
                 "人事和规划计划类 1 年为各地检查中“应更新但长期未更新”栏目的通行口径（本项目约定，未见于19号原文）",
          description="按栏目名称归类的更新期限；veto 类超期栏目计入单项否决（top_level：只计一级栏目）"),
          "stale_columns_veto_at": Setting(
          type=Count, default=10,
          source="国办秘函〔2019〕19号“栏目不更新”：应更新但长期未更新的栏目累计 10 个及以上（沿用 2015 年全国政府网站普查，国办发〔2015〕15号）",
          description="任何类别的超期栏目达到此数即单项否决")})
def columns_updated(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    按栏目名称归类（见配置方案 `column_windows`）：动态、要闻类栏目 14 天内、通知公告和政策文件类
    183 天内、人事和规划计划类 365 天内应有新信息。取栏目各分页中最新的带日期条目与检查日比较；
    条目都没有日期的视为未更新；由脚本分页或数据接口取得的条目与该栏目合并计算。每个超期栏目计一条
    问题。单项否决：动态要闻类栏目和通知公告/政策文件类**一级栏目**中超期的合计 5 个及以上，或任何
    类别的超期栏目合计 `stale_columns_veto_at`（10）个及以上。一级栏目按网站的栏目树判断：面包屑
    在“首页”之下只有一层，或（没有面包屑时）网站中没有包含它的上级栏目。只有“暂无信息”的空白
    栏目由 COL004 检查，这里不重复计算。栏目列表由脚本生成而未能读取的，结论只作警告、标明
    “待人工核实”，不扣分。

    ## 为什么
    检查指标（19号）“栏目不更新”：动态、要闻类栏目 2 周内、通知公告和政策文件类一级栏目 6 个月内
    未更新的累计 5 个及以上，或应更新但长期未更新的栏目累计 10 个及以上，单项否决。人事和规划计划
    类栏目 1 年的期限是各地检查的通行口径，不是 19 号的原文。

    ## 如何整改
    建立栏目更新责任制和保障机制；确实无内容可更新的栏目应予整合或关闭。
    """
    as_of, windows, any_kind_at = settings["as_of"], settings["column_windows"], settings["stale_columns_veto_at"]
    findings, judged = [], 0
    groups = column_groups(snap)
    for prefix, pages in groups.items():
        first = min(pages, key=lambda p: len(p.url))
        name = first.column or first.headline or ""
        window = _window(name, windows)
        if window is None or not any(p.items for p in pages):
            continue                      # not a classified column, or blank (COL004's business)
        judged += 1
        newest, item = _newest(pages)
        age = (as_of - to_date(newest)).days if newest else None
        if age is None or age > window["days"]:
            said = f"最新信息发布于 {newest}，距检查日 {age} 天" if newest else "条目均未标注日期"
            top = _top_level(prefix, first, groups)
            counts = window["veto"] is True or (window["veto"] == "top_level" and top)
            findings.append(as_uncertain(Finding(
                message=f"“{name}”栏目（{window['category']}类，{'一级栏目，' if top else ''}{window['days']} 天内应更新）{said}",
                url=first.url, excerpt=item.title if item else None, counts_toward_veto=counts,
                evidence={"column": name, "category": window["category"], "newest": newest, "top_level": top,
                          "age_days": age, "limit_days": window["days"]}), snap, pages))
    if judged == 0:
        return Result.na("没有可归类判断更新情况的栏目")
    stale = [f for f in findings if f.status == "fail"]
    if len(stale) >= any_kind_at:            # ten stale columns of any kind: all of them count
        for f in stale:
            f.counts_toward_veto = True
    return Result.from_findings(findings, columns_judged=judged, stale=len(stale))


_HOME_CRUMBS = ("首页", "网站首页", "门户首页", "主页")


def _top_level(prefix: str, first, groups: dict) -> bool:
    """一级栏目: one level under 首页 in the breadcrumb; without a breadcrumb, no other column of the
    site contains it."""
    crumbs = [c for c in first.breadcrumb if c and not any(h in c for h in _HOME_CRUMBS)]
    if first.breadcrumb:
        return len(crumbs) <= 1
    own = prefix.split("?", 1)[0]                  # a list's directory (list_key adds the naming query)
    return not any(d != own and own.startswith(d) and urlsplit(d).path not in ("", "/")
                   for d in {other.split("?", 1)[0] for other in groups})


@rule(code="UPD003", title="列表信息标注发布日期", failure_title="列表信息未标注发布日期",
      family="freshness", kind="deduct", each=True, points=0.1, cap=3)
def items_dated(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    栏目列表中的每条信息是否标注发布日期。每条未标日期的信息计一条问题（未标日期的信息在更新
    检查中视为未更新）。只标月日（07-27、7月27日）的算已标注（年份按检查日推断）；列表上没有日期、
    只能从链接地址里看出日期的，仍算未标注。

    ## 为什么
    发布日期是公众判断信息时效、检查人员判断栏目是否更新的依据。

    ## 如何整改
    在列表模板中为每条信息显示发布日期（YYYY-MM-DD）。
    """
    lists = [p for p in snap.lists() if p.kind == "column" and p.items]
    if not lists:
        return Result.na("没有栏目列表")
    findings = [Finding(message=f"列表条目“{item.title}”未标注发布日期", url=page.shown_on, excerpt=item.title,
                        evidence={"item_url": item.url})
                for page in lists for item in page.items if not item.date or item.date_in_url]
    return Result.from_findings(findings, items=sum(len(p.items) for p in lists))


@rule(code="UPD005", in_force=INDICATORS_19, title="发布日期真实可信", failure_title="发布日期可疑，需人工核实",
      family="freshness", kind="warn")
def plausible_dates(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    页面或列表条目的发布日期晚于检查日，或页面的发布日期早于其成文日期的，列为警告，请人工核实。

    ## 为什么
    检查指标把伪造发稿日期（把旧信息改成新日期以冒充更新）列为单项否决；日期异常不一定是伪造，
    但需要核实。

    ## 如何整改
    核对所列信息的真实发布时间，更正录入错误；不得为应付检查修改发布日期。
    """
    as_of = settings["as_of"]
    findings = []
    for page in snap.pages():
        published, written = to_date(page.published), to_date(page.written)
        if published and published > as_of:
            findings.append(Finding(message=f"发布日期 {published} 晚于检查日 {as_of}", url=page.url,
                                    excerpt=page.headline, status="warn", evidence={"published": published}))
        elif published and written and published < written:
            findings.append(Finding(message=f"发布日期 {published} 早于成文日期 {written}", url=page.url,
                                    excerpt=page.headline, status="warn",
                                    evidence={"published": published, "written": written}))
    for page in snap.lists():
        for item in page.items:
            date = to_date(item.date)
            if date and date > as_of and (item.url is None or item.url != page.url):
                target = snap.get(item.url)
                if target is None or to_date(target.published) != date:    # said once, on the page itself
                    findings.append(Finding(message=f"列表条目“{item.title}”的日期 {date} 晚于检查日",
                                            url=page.shown_on, excerpt=item.title, status="warn",
                                            evidence={"item_url": item.url, "date": date}))
    return Result.from_findings(findings)
