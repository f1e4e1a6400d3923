"""PEN — 行政处罚 decisions published on time and complete (行政处罚法 第四十八条; 国办发〔2018〕118号)."""
from __future__ import annotations

from urllib.parse import urlsplit

from auditor.core.extract.dates import to_date
from auditor.core.models import PageRecord, PenaltyItem
from auditor.core.results import Count
from auditor.core.snapshot import SiteSnapshot, normalise_name

from rules.in_force import PENALTY_LAW_2021
from rules.registry import Finding, Result, Setting, rule

FIELD_NAMES = {"doc_number": "决定书文号", "party": "当事人", "violation": "违法行为", "basis": "处罚依据",
               "decision": "处罚内容", "authority": "作出决定的机关", "decided": "决定日期"}


def penalty_items(snap: SiteSnapshot, detail_only: bool = False) -> list[tuple[PageRecord, PenaltyItem]]:
    """Each decision once: a 决定书 or 信息公开表 page wins over the row of a list that names it."""
    found: dict[str, tuple[PageRecord, PenaltyItem]] = {}
    for page in sorted(snap.pages(), key=lambda p: p.kind != "penalty"):
        if detail_only and page.kind != "penalty":
            continue
        for item in page.penalty:
            key = normalise_name(item.doc_number) + "|" + normalise_name(item.party)
            if key not in found:
                found[key] = (page, item)
    return list(found.values())


def _name(item: PenaltyItem) -> str:
    return item.doc_number or f"（无文号，当事人 {item.party or '不详'}）"


@rule(code="PEN001", title="行政处罚决定按时公开", failure_title="行政处罚决定公开超期",
      family="penalty", kind="deduct", each=True, points=1, cap=10,
      settings={"penalty_deadline_workdays": Setting(
          type=Count, source="国办发〔2015〕51号（双公示，7 个工作日）；国办发〔2018〕118号",
          description="作出处罚决定到公开的最多工作日数")})
def published_on_time(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    每条行政处罚决定是否在作出决定之日起 `penalty_deadline_workdays` 个工作日内在网站公开（所有随附
    方案均为 7 个）。工作日按法定节假日和调休计算，决定当日不计入；公开日期取页面的发布日期，
    列表行有自己日期的取该日期。每条超期的决定计一条问题，写明两个日期、工作日数和期限。

    ## 为什么
    行政处罚法第四十八条要求具有一定社会影响的行政处罚决定依法公开；国办发〔2015〕51号（双公示）和
    国办发〔2018〕118号要求在作出决定之日起 7 个工作日内公开。总局令第45号的 20 个工作日是记录于
    国家企业信用信息公示系统的期限（第二条、第九条），不适用于本机关网站的公开。

    ## 如何整改
    建立处罚决定作出后的公示台账和时限提醒，在期限内公开；对已超期的，补充公开并说明原因。
    """
    items = penalty_items(snap)
    if not items:
        return Result.na("没有找到行政处罚决定信息")
    calendar, limit = settings["calendar"], settings["penalty_deadline_workdays"]
    findings, judged = [], 0
    for page, item in items:
        decided, published = to_date(item.decided), to_date(item.published)
        if decided is None or published is None:
            continue
        judged += 1
        lag = calendar.workdays_between(decided, published)
        if lag > limit:
            findings.append(Finding(
                message=f"{_name(item)} {decided} 作出决定，{published} 公开，用时 {lag} 个工作日，超过 {limit} 个工作日",
                url=page.url, excerpt=item.party,
                evidence={"decided": decided, "published": published, "workdays": lag, "deadline_workdays": limit,
                          "deadline": calendar.add_workdays(decided, limit)}))
    if judged == 0:
        return Result.na(f"{len(items)} 条处罚信息都没有同时写明决定日期和公开日期，无法判断是否按时公开",
                         items=len(items))
    return Result.from_findings(findings, items=len(items), judged=judged)


@rule(code="PEN002", in_force=PENALTY_LAW_2021, title="行政处罚公开要素齐全", failure_title="行政处罚公开要素不全",
      family="penalty", kind="deduct", each=True, points=0.5, cap=5)
def complete_items(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    每条公开的处罚决定（决定书、处罚信息公开表、以“文号：…”“当事人：…”逐行写明的信息公示页面，以及
    处罚信息列表的每一行）是否写明：决定书文号、当事人、违法行为、处罚依据、处罚内容、作出决定的
    机关、决定日期。列表只按它设有的列判断：设有某列而该行为空的计缺项；列表没有的列，按该决定
    自己的页面判断。每条缺项的决定计一条问题，列出所缺要素。

    ## 为什么
    处罚信息公开的目的是让公众知道谁因何违法、依据什么、受到什么处罚。行政处罚法（2021 年修订）
    第五十九条规定决定书载明当事人、违法事实、处罚的种类和依据、作出决定的机关名称和日期，
    第四十八条要求依法公开；总局令第45号第四条规定的信息摘要含决定书文号、当事人、违法行为类型、
    处罚内容、机关名称和日期。国办发〔2015〕51号（双公示）只规定公开期限，没有列出公示要素，
    因此本规则自 2021 年 7 月 15 日起适用。

    ## 如何整改
    按公示模板补齐所列要素，特别是处罚依据和作出决定的日期。
    """
    items = penalty_items(snap)
    if not items:
        return Result.na("没有找到行政处罚决定书、处罚信息公开表或处罚信息列表")
    findings = []
    for page, item in items:
        # a row of a list table answers only for the columns the table has; a field it has no column
        # for is judged on the item's own page (penalty_items prefers that page when it was crawled)
        listed = page.kind != "penalty" and item.columns is not None       # a row of a list, not a decision page
        fields = [f for f in FIELD_NAMES if not listed or f in item.columns]
        missing = [FIELD_NAMES[f] for f in fields if not getattr(item, f)]
        if missing:
            where = "（列表中该行）" if listed else ""
            findings.append(Finding(message=f"{_name(item)}{where} 缺少：{'、'.join(missing)}", url=page.url,
                                    excerpt=item.party, evidence={"missing": missing}))
    return Result.from_findings(findings, items=len(items))


@rule(code="PEN003", title="设置行政处罚公开栏目", failure_title="未公开行政处罚信息",
      family="penalty", kind="deduct", points=5, settings={
          "penalty_column_words": Setting(type=list[str], source="本项目约定",
                                          description="栏目名含这些词即为行政处罚公开栏目"),
          "penalty_platform_hosts": Setting(type=list[str], source="本项目约定",
                                            description="主机名含这些词的外站链接算作处罚信息公示平台"),
          "penalty_platform_text": Setting(type=list[str], source="本项目约定",
                                           description="链接文字含这些词的外站链接算作处罚信息公示平台")})
def penalty_column(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站是否设有行政处罚信息公开栏目（行政处罚、行政执法公示、双公示、处罚信息等），或者链接到
    集中公开处罚信息的平台（信用中国、行政执法公示平台等），结果中说明是哪一种。

    ## 为什么
    条例第二十条第（六）项要求主动公开行政处罚的依据、条件、程序以及有一定社会影响的处罚决定；
    没有公开渠道，公众无从查询。

    ## 如何整改
    在“法定主动公开内容”中设置“行政处罚”栏目，或在显著位置链接本机关处罚信息所在的公示平台。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    words = settings["penalty_column_words"]
    for page in snap.pages():
        name = f"{page.column or ''}{page.headline or ''}"
        if page.kind == "column" and any(w in name for w in words):
            return Result.from_findings([], message=f"处罚信息栏目“{page.column or page.headline}”：{page.url}")
    hosts, texts = settings["penalty_platform_hosts"], settings["penalty_platform_text"]
    start_host = urlsplit(home.url).hostname or ""
    for page in snap.pages():
        for link in page.links:
            host = urlsplit(link.url).hostname or ""
            if host != start_host and (any(h in host for h in hosts) or any(t in link.text for t in texts)):
                return Result.from_findings([], message=f"链接到处罚信息公示平台“{link.text or host}”：{link.url}")
    return Result.from_findings([Finding(message="网站没有行政处罚信息公开栏目，也没有链接到处罚信息公示平台",
                                         url=home.url)])
