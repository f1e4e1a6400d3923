"""HDJ — 互动回应 (国办秘函〔2019〕19号 单项否决 "互动回应差"): the site's 政务咨询 channels, their
messages as the list and detail pages show them (auditor/core/extract/messages.py), and how long
each waited for its reply."""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from auditor.core.extract.dates import to_date
from auditor.core.extract.message_channels import is_message_channel
from auditor.core.models import IN_PROGRESS, REPLIED, UNREPLIED, Message, PageRecord
from auditor.core.results import Count
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import INDICATORS_19
from rules.locate import homepage_unread
from rules.registry import Finding, Result, Setting, rule

WAIT = {
    "reply_max_months": Setting(
        type=Count, default=3, source="国办秘函〔2019〕19号 单项否决“互动回应差”：存在超过 3 个月未回应有效留言的现象",
        description="留言等待答复的最长月数，超过即为未及时回应"),
    "reply_window_months": Setting(
        type=Count, default=12, source="国办秘函〔2019〕19号 单项否决“互动回应差”：监测时间点前 1 年内",
        description="检查多长时间内的留言（月）"),
    "reply_excluded_channels": Setting(
        type=list[str], default=["访谈", "调查", "征集", "信访", "纪检", "举报", "wsxf", "xinfang", "zjdc"],
        source="国办秘函〔2019〕19号 单项否决“互动回应差”：在线访谈、调查征集、网上信访、纪检举报类栏目除外",
        description="栏目名、路径、标题或网址含这些词的渠道不计入超期留言检查"),
}


@dataclass
class ChannelMessage:
    channel: str              # the channel's name (its list page's title)
    shown_on: str             # the page the message was read on
    message: Message
    described: str = ""       # what the page says it is: column, trail, title, URL (for the exclusions)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def channel_pages(snap: SiteSnapshot) -> list[PageRecord]:
    """Pages that carry messages (a channel's lists and detail pages), and the data answers a
    channel's list is fetched from."""
    return [p for p in snap.lists() if p.messages]


def channel_links(snap: SiteSnapshot) -> list[tuple[str, str]]:
    """(url, text) of links anywhere on the homepage or the pages read that name a channel."""
    found: dict[str, str] = {}
    for page in [snap.home] if snap.home is not None else []:
        for link in snap.links_of(page):
            if is_message_channel(link.text, link.url):
                found.setdefault(link.url, link.text)
    return list(found.items())


def _described(page: PageRecord | None, url: str) -> str:
    parts = [page.column, *page.breadcrumb, page.headline, page.title] if page is not None else []
    return " ".join(filter(None, parts + [url]))


def _channel_name(page: PageRecord) -> str:
    return page.column or (page.breadcrumb[-2] if len(page.breadcrumb) >= 2 else None) or page.headline \
        or page.title or page.url


def messages(snap: SiteSnapshot) -> list[ChannelMessage]:
    """Every message read, once: a list row and the detail page it leads to are one message (the
    detail page's fields first, the row's where the detail page is silent)."""
    cached = snap.cache.get("messages")
    if isinstance(cached, list):
        return cached
    details = {p.url: p.messages[0] for p in channel_pages(snap) if len(p.messages) == 1 and p.messages[0].url == p.url}
    found: dict[str, ChannelMessage] = {}
    listed: set[str] = set()
    for page in channel_pages(snap):
        if page.url in details and len(page.messages) == 1:
            continue
        for m in page.messages:
            detail = details.get(m.url) if m.url else None
            merged = _merge(detail, m) if detail else m
            if m.url:
                listed.add(m.url)
            key = m.url or f"{page.url}#{m.title}#{m.asked}"
            shown_on = page.list_of or page.url
            found.setdefault(key, ChannelMessage(_channel_name(page), shown_on, merged, _described(page, shown_on)))
    for url, m in details.items():
        if url not in listed:
            page = snap.get(url)
            found.setdefault(url, ChannelMessage(_channel_name(page) if page else url, url, m, _described(page, url)))
    result = list(found.values())
    snap.cache["messages"] = result
    return result


def _merge(first: Message, then: Message) -> Message:
    return Message(**{f: getattr(first, f) if getattr(first, f) is not None else getattr(then, f)
                      for f in Message.__slots__})


def replied(m: Message) -> bool:
    return m.status == REPLIED or bool(m.answered) or m.has_reply is True


def waiting(m: Message) -> bool:
    """Printed as not (yet) answered: 未回复 / 办理中, or an empty reply field — and nothing says it
    was answered (a script may fill the reply block of a page marked 已回复)."""
    return not replied(m) and (m.status in (UNREPLIED, IN_PROGRESS) or m.has_reply is False)


@rule(code="HDJ001", in_force=INDICATORS_19, title="提供政务咨询渠道并公开答复", failure_title="没有政务咨询渠道或未公开答复",
      family="interaction", kind="deduct", points=5)
def channel_with_replies(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站是否提供政务咨询类渠道（领导信箱、在线咨询、网上留言、12345 等），并公开网民留言及其答复：
    首页有指向这类栏目的链接，且读到的留言中至少有一条已答复（标注“已回复”“已办结”，或有答复日期、
    答复内容）。首页找不到这类链接的，计为没有渠道；有渠道但读到的留言都标注未答复或办理中的，计为
    未公开答复；读到的留言既没有办理状态也没有答复（如只列标题和留言时间），或有渠道但读不到留言
    （列表由脚本生成或需要登录）的，列为待核实。

    ## 为什么
    19号检查指标把“未提供网上有效咨询建言渠道”和政务咨询类栏目长期不回应留言列为“互动回应差”；
    公开留言和答复是政府网站回应关切的基本功能。

    ## 如何整改
    开设政务咨询栏目（或接入本地政务服务便民热线的网上渠道），在首页显著位置提供入口，对网民留言及时
    答复，并公开留言及答复内容。
    """
    if (error := homepage_unread(snap)) is not None:
        return error
    links = channel_links(snap)
    read = messages(snap)
    if not links and not read:
        return Result.from_findings([Finding(message="首页未找到政务咨询类渠道（领导信箱、在线咨询、网上留言等）的入口",
                                             url=snap.home.url)])
    if not read:
        url, text = links[0]
        return Result.from_findings([Finding(
            message=f"有政务咨询渠道“{text}”，但未能读到留言和答复（可能由脚本生成或需要登录），请人工核实",
            url=url, status="warn", evidence={"linked_from": snap.home.url})], channels=len(links))
    answered = [c for c in read if replied(c.message)]
    if not answered:
        first = read[0]
        if not any(waiting(c.message) for c in read):       # the list says nothing of replies either way
            return Result.from_findings([Finding(
                message=f"读到 {len(read)} 条留言，页面没有标注办理状态或答复，无法判断是否公开了答复，请人工核实",
                url=first.shown_on, excerpt=first.message.title, status="warn")], messages=len(read))
        return Result.from_findings([Finding(message=f"读到 {len(read)} 条留言，没有一条公开了答复",
                                             url=first.shown_on, excerpt=first.message.title)], messages=len(read))
    return Result.from_findings([], message=f"读到 {len(read)} 条留言，其中 {len(answered)} 条已公开答复",
                                messages=len(read), replied=len(answered))


@rule(code="HDJ002", in_force=INDICATORS_19, title="留言在 3 个月内得到答复", failure_title="留言超过 3 个月未回应",
      family="interaction", kind="veto", settings=WAIT)
def replies_in_time(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    检查日前 12 个月内（配置 `reply_window_months`）的政务咨询留言，是否有等待答复超过 3 个月
    （`reply_max_months`）的：已答复的，按答复日期与留言日期相比；标注“未回复”“办理中”或答复为空的，
    按检查日与留言日期相比；标注“已回复”的不算等待（答复内容可能由脚本填入）。每条超期留言计一条问题。在线访谈、调查征集、网上信访、纪检举报类渠道
    （配置 `reply_excluded_channels`）不计。只用页面标明的留言日期和答复日期，读不出留言日期
    的留言不作判断（计入 undated）；没有读到留言的，结果为“不适用”。能否认定为“有效留言”需要人工判断，
    网站只公开已答复留言的，未答复的留言无从检查。

    ## 为什么
    19号检查指标规定，监测时间点前 1 年内，对网民留言应及时答复处理的政务咨询类栏目存在超过 3 个月
    未回应有效留言的现象，即为“互动回应差”，单项否决。

    ## 如何整改
    立即答复超期留言并公开答复；建立留言办理台账和催办机制，明确各环节的答复时限。
    """
    as_of: dt.date = settings["as_of"]
    limit, window = settings["reply_max_months"], settings["reply_window_months"]
    excluded = settings["reply_excluded_channels"]
    read = [c for c in messages(snap) if not any(word in c.described for word in excluded)]
    if not read:
        return Result.na("没有读到政务咨询留言")
    since = add_months(as_of, -window)
    findings, undated, judged = [], 0, 0
    for c in read:
        m = c.message
        asked = to_date(m.asked)
        if asked is None:
            undated += 1
            continue
        if not since <= asked <= as_of:
            continue
        judged += 1
        due = add_months(asked, limit)
        answered = to_date(m.answered)
        if answered is not None and answered > due:
            findings.append(Finding(
                message=f"留言 {asked} 提交，{answered} 才答复，超过 {limit} 个月（{(answered - asked).days} 天）",
                url=m.url or c.shown_on, excerpt=m.title,
                evidence={"asked": asked, "answered": answered, "channel": c.channel}))
        elif answered is None and waiting(m) and as_of > due:
            findings.append(Finding(
                message=f"留言 {asked} 提交，至检查日仍{'在办理中' if m.status == IN_PROGRESS else '未答复'}，"
                        f"已超过 {limit} 个月（{(as_of - asked).days} 天）",
                url=m.url or c.shown_on, excerpt=m.title, evidence={"asked": asked, "channel": c.channel}))
    if not judged and not findings:
        return Result.na(f"近 {window} 个月没有读到标明日期的留言", undated=undated)
    return Result.from_findings(findings, judged=judged, undated=undated)


@rule(code="HDJ003", in_force=INDICATORS_19, title="留言答复用时", failure_title="留言答复用时统计",
      family="interaction", kind="info")
def reply_times(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    按政务咨询渠道统计留言答复用时（答复日期减留言日期，自然日）：中位数和最长用时，以及统计的留言数。
    只统计同时标明留言日期和答复日期的留言；只作提示，不扣分。

    ## 为什么
    答复用时反映互动回应的实际水平，便于与本地规定的答复时限对照，也便于跟踪整改效果。

    ## 如何整改
    对用时较长的渠道，梳理转办、交办环节，明确各环节时限并加强催办。
    """
    by_channel: dict[str, list[int]] = {}
    for c in messages(snap):
        asked, answered = to_date(c.message.asked), to_date(c.message.answered)
        if asked and answered and answered >= asked:
            by_channel.setdefault(c.channel, []).append((answered - asked).days)
    if not by_channel:
        return Result.na("没有同时标明留言日期和答复日期的留言")
    stats = {name: {"messages": len(days), "median_days": statistics.median(days), "max_days": max(days)}
             for name, days in by_channel.items()}
    summary = "；".join(f"{name}：{s['messages']} 条，中位 {s['median_days']:g} 天，最长 {s['max_days']} 天"
                        for name, s in stats.items())
    return Result.from_findings([], message=summary, channels=stats)
