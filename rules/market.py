"""MKT — market-regulation duties from the bureaus' 政务公开 work plans (profile market-regulation).

Each duty is data (`market_duties` in the profile): word groups a title, link text or column name
must hold, terms the page text must contain, hosts a link may point to, and a freshness window.
"""
from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from typing_extensions import NotRequired

from auditor.core.extract.dates import to_date
from auditor.core.results import Count, MonthDay, Record
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import COMPLAINTS_20
from rules.registry import Finding, Result, Setting, rule


class Duty(Record):
    """How one duty is recognised (``market_duties``); {year} and {last_year} are filled in."""
    name: str
    all: NotRequired[list[list[str]]]     # word groups a title must each hold (one word of each)
    none: NotRequired[list[str]]          # words that rule a title out
    terms: NotRequired[list[str]]         # found in any page's text: the duty is met
    hosts: NotRequired[list[str]]         # a link to such a host: the duty is met
    fresh_days: NotRequired[Count]        # the newest entry must be this recent
    where: NotRequired[list[str]]         # the column a missing item belongs in
    due: NotRequired[str]                 # the setting (MM-DD) from which {year} is this year, not last year


# Every MKT rule reads its own entry of this one setting (_duty_rule).
DUTY_SETTINGS = {
    "market_duties": Setting(
        type=dict[str, list[Duty]], source="市场监管部门政务公开工作要点（market-regulation 配置方案整理）",
        description="MKT001–MKT006 各项公开事项的识别方式，按规则代码"),
}


# When a yearly item is due (SPEC §8 MKT001, MKT003): before that day, last year's item is the one to find.
PLAN_DUE = {"inspection_plan_due": Setting(
    type=MonthDay, default="03-31",
    source="本项目约定（各地“双随机、一公开”年度抽查计划多在一季度制定并公开）",
    description="本年度抽查计划应公开的日期（月-日）；此前查找上年度计划")}
BUDGET_DUE = {
    "budget_due": Setting(
        type=MonthDay, default="04-30",
        source="《预算法》第十四条：部门预算经批复后二十日内公开；具体日期为本项目约定（批复多在三、四月）",
        description="本年度部门预算应公开的日期（月-日）；此前查找上年度预算"),
    "final_accounts_due": Setting(
        type=MonthDay, default="09-30",
        source="《预算法》第十四条：部门决算经批复后二十日内公开；日期为本项目约定（决算批复多在年中）",
        description="上年度部门决算应公开的日期（月-日）；此前查找前年度决算"),
}


class Entry(NamedTuple):
    text: str
    url: str | None
    date: str | None


def site_entries(snap: SiteSnapshot) -> list[Entry]:
    """Everything a duty can be recognised by: list items, link texts, headlines, column names.
    Each distinct entry once, in the order first met (navigation links repeat on every page)."""
    cached = snap.cache.get("market_entries")
    if isinstance(cached, list):
        return cached
    entries: dict[Entry, None] = {}
    seen_links: set[int] = set()        # the loader shares a link repeated on many pages: judge it once
    for page in snap.lists():
        entries.update((Entry(i.title, i.url, i.date), None) for i in page.items if i.title)
        if page.list_of:
            continue                  # a data answer: its entries are all it shows
        for link in page.links:
            if not link.text or id(link) in seen_links:
                continue
            seen_links.add(id(link))
            target = snap.get(link.url)
            if target is None or target.ok or target.skipped:   # a dead link publishes nothing
                entries[Entry(link.text, link.url, target.published if target else None)] = None
        if page.headline:
            entries[Entry(page.headline, page.url, page.published)] = None
        if page.column:
            entries[Entry(page.column, page.url, None)] = None
    snap.cache["market_entries"] = result = list(entries)
    return result


def link_hosts(snap: SiteSnapshot) -> set[str]:
    """The host names the site's pages link to."""
    cached = snap.cache.get("link_hosts")
    if isinstance(cached, set):
        return cached
    urls = {link.url for page in snap.pages() for link in page.links}
    snap.cache["link_hosts"] = hosts = {urlsplit(url).hostname or "" for url in urls}
    return hosts


def _fill(word: str, year: int) -> str:
    return word.replace("{year}", str(year)).replace("{last_year}", str(year - 1))


def _matcher(duty: dict, year: int):
    """A test for one duty, its word groups filled in once."""
    groups = [[_fill(w, year) for w in group] for group in duty.get("all", [])]
    none = [_fill(w, year) for w in duty.get("none", [])]

    def matches(text: str) -> bool:
        return bool(groups) and all(any(w in text for w in group) for group in groups) \
            and not any(w in text for w in none)
    return matches


def _duty_year(duty: dict, as_of, dues: dict[str, str]) -> int:
    """The year a yearly duty is judged for: this year once its due day has passed, else last year."""
    if "due" not in duty:
        return as_of.year
    if duty["due"] not in dues:
        raise ValueError(f"market_duties: “{duty['name']}”的 due 为 {duty['due']}，该规则没有这个日期参数")
    due = dues[duty["due"]]
    month, day = (int(x) for x in due.split("-"))
    return as_of.year if (as_of.month, as_of.day) >= (month, day) else as_of.year - 1


def _check_duty(snap: SiteSnapshot, duty: dict, as_of, dues: dict[str, str]) -> tuple[Finding | None, str]:
    year = _duty_year(duty, as_of, dues)
    name = _fill(duty["name"], year)
    matches = _matcher(duty, year)
    verdicts: dict[str, bool] = {}               # many entries share a text (navigation on every page)
    hits = []
    for entry in site_entries(snap):
        if entry.text not in verdicts:
            verdicts[entry.text] = matches(entry.text)
        if verdicts[entry.text]:
            hits.append(entry)
    terms = duty.get("terms", [])
    if terms and any(t in page.terms for page in snap.pages() for t in terms):
        return None, f"{name}：页面正文中有“{'、'.join(terms)}”"
    hosts = duty.get("hosts", [])
    if hosts and any(h in host for host in link_hosts(snap) for h in hosts):
        return None, f"{name}：链接到 {'、'.join(hosts)}"
    if not hits:
        return Finding(message=f"未找到“{name}”", url=_where(snap, duty), evidence={"duty": name}), ""
    if "fresh_days" in duty:
        dated = sorted((e for e in hits if e.date), key=lambda e: e.date, reverse=True)
        if not dated:
            return Finding(message=f"“{name}”相关信息均未标注日期，无法确认是否在 {duty['fresh_days']} 天内更新",
                           url=hits[0].url, excerpt=hits[0].text, evidence={"duty": name}), ""
        age = (as_of - to_date(dated[0].date)).days
        if age > duty["fresh_days"]:
            return Finding(message=f"“{name}”最新一条发布于 {dated[0].date}，已 {age} 天，超过 {duty['fresh_days']} 天",
                           url=dated[0].url, excerpt=dated[0].text,
                           evidence={"duty": name, "newest": dated[0].date, "age_days": age}), ""
        return None, f"{name}：{dated[0].text}（{dated[0].date}）"
    return None, f"{name}：{hits[0].text}"


def _where(snap: SiteSnapshot, duty: dict) -> str:
    """The column where the missing item belongs (duty ``where``: column names), else the homepage."""
    words = duty.get("where", [])
    column = next((p for p in snap.pages() if p.kind == "column" and words
                   and any(w in (p.column or p.headline or "") for w in words)), None)
    return (column or snap.home).url


def _duty_rule(code: str, snap: SiteSnapshot, settings: dict, dues: dict[str, str] | None = None) -> Result:
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    duties = settings.get("market_duties", {}).get(code)
    if not duties:
        return Result.error(f"配置方案没有给出 {code} 的识别规则（market_duties.{code}）")
    findings, found = [], []
    for duty in duties:
        finding, note = _check_duty(snap, duty, settings["as_of"], dues or {})
        if finding:
            findings.append(finding)
        else:
            found.append(note)
    return Result.from_findings(findings, message="；".join(found))


@rule(code="MKT001", title="公开“双随机、一公开”抽查计划和结果", failure_title="“双随机、一公开”信息缺失或未及时更新",
      family="market", kind="deduct", points=2, settings={**DUTY_SETTINGS, **PLAN_DUE})
def random_inspections(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否公开“双随机、一公开”抽查计划和抽查结果：本年度抽查计划自 `inspection_plan_due`（默认 3 月 31 日）
    起应已公开，此前查找上年度计划；抽查结果最近一条在 183 天内（配置方案 `market_duties`）。

    ## 为什么
    “双随机、一公开”要求随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。

    ## 如何整改
    在“双随机一公开”栏目按年度公开抽查计划，每次抽查结束后 20 个工作日内公开抽查结果。
    """
    return _duty_rule("MKT001", snap, settings, {"inspection_plan_due": settings["inspection_plan_due"]})


@rule(code="MKT002", title="公开食品和产品质量抽检结果", failure_title="抽检结果未公开或未及时更新",
      family="market", kind="deduct", points=2, settings=DUTY_SETTINGS)
def sampling_results(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否公开食品安全监督抽检、产品质量监督抽查结果，且最近一条在 183 天内。

    ## 为什么
    《食品安全抽样检验管理办法》和产品质量监督抽查管理规定要求依法公布抽检结果，回应公众关切。

    ## 如何整改
    设置“抽检信息”栏目，按批次公开抽检结果和不合格产品核查处置情况。
    """
    return _duty_rule("MKT002", snap, settings)


@rule(code="MKT003", title="公开部门预算、决算及三公经费", failure_title="预算、决算或三公经费未公开",
      family="market", kind="deduct", points=2,
      settings={**DUTY_SETTINGS, **BUDGET_DUE})
def budgets(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否按应公开的时间公开部门预算、决算和“三公”经费：本年度预算自 `budget_due`（默认 4 月 30 日）起
    应已公开，此前查找上年度预算；上年度决算自 `final_accounts_due`（默认 9 月 30 日）起应已公开，
    此前查找前年度决算。

    ## 为什么
    《预算法》第十四条：各部门预算、决算及报表应当在本级政府财政部门批复后二十日内由各部门向社会
    公开，并对机关运行经费的安排、使用情况等重要事项作出说明（“三公”经费在其中）。

    ## 如何整改
    在“财政预决算”栏目按年度公开部门预算和决算，包括“三公”经费安排和使用情况说明。
    """
    return _duty_rule("MKT003", snap, settings, {"budget_due": settings["budget_due"],
                                                 "final_accounts_due": settings["final_accounts_due"]})


@rule(code="MKT004", title="公开建议提案办理结果", failure_title="建议提案办理结果未公开",
      family="market", kind="deduct", points=1, settings=DUTY_SETTINGS)
def proposals(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否公开人大代表建议和政协委员提案的办理结果（答复全文或办理情况）。

    ## 为什么
    国办要求涉及公共利益、社会关切的建议提案办理复文原则上全文公开。

    ## 如何整改
    设置“建议提案办理”栏目，公开办理复文和年度办理情况总体报告。
    """
    return _duty_rule("MKT004", snap, settings)


@rule(code="MKT005", title="公开权责清单和行政执法公示", failure_title="权责清单或行政执法公示缺失",
      family="market", kind="deduct", points=1,
      settings=DUTY_SETTINGS)
def powers_and_enforcement(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否公开权责清单（权力清单、责任清单），并设置行政执法公示（执法主体、依据、程序、结果）。

    ## 为什么
    权责清单明确部门能做什么、该做什么；行政执法公示制度要求事前、事中、事后公开执法信息。

    ## 如何整改
    公开经审核的权责清单并动态调整；设置“行政执法公示”栏目，公开执法主体、人员、职责、依据、
    程序、救济渠道和执法结果。
    """
    return _duty_rule("MKT005", snap, settings)


@rule(code="MKT006", in_force=COMPLAINTS_20, title="公开 12315 投诉举报渠道和程序", failure_title="12315 投诉举报渠道或程序未公开",
      family="market", kind="deduct", points=1, settings=DUTY_SETTINGS)
def complaints(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    是否公开 12315 投诉举报渠道（热线、平台链接），以及投诉举报的办理程序（指南、流程或须知）。

    ## 为什么
    《市场监督管理投诉举报处理暂行办法》要求公开投诉举报渠道和处理程序，方便消费者维权。

    ## 如何整改
    在首页显著位置标注 12315 热线并链接全国 12315 平台，发布投诉举报办事指南。
    """
    return _duty_rule("MKT006", snap, settings)
