"""GDE — the 政府信息公开指南: present, reachable, visibly updated, current, complete."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from auditor.core.extract.dates import to_date
from auditor.core.extract.guide import compact, missing_items, update_date
from auditor.core.extract.links import is_attachment_url
from auditor.core.models import Link, PageRecord
from auditor.core.results import Count, IsoDate, Record, Regex
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import REGULATION_2019
from rules.locate import COLUMN_SETTINGS, locate_column, unjudgeable
from rules.registry import Finding, Result, Setting, rule


class Marker(Record):
    """Wording of the 2007 条例 (``guide_obsolete_markers``)."""
    pattern: Regex            # matched on the text with white space removed
    message: str              # what the finding says after “指南”


UPDATE_LABELS = {             # GDE002, GDE003
    "guide_update_labels": Setting(
        type=list[str], source="本项目约定（可按本地指南的写法增补）",
        description="指南中标注更新日期的用语，先于通常写法（更新日期、修订日期、本指南于……更新）识别"),
}
CURRENT_SETTINGS = {          # GDE003
    **UPDATE_LABELS,
    "guide_min_date": Setting(
        type=IsoDate, source="《政府信息公开条例》（国务院令第711号）2019年5月15日施行",
        description="指南的更新（或发布）日期不得早于此日"),
    "guide_max_age_days": Setting(
        type=Count | None, default=None, source="地方做法（部分考评方案要求指南定期更新）；全国方案不设（None）",
        description="指南的更新（或发布）日期距检查日的最多天数；不设则不检查"),
    "guide_reply_period": Setting(
        type=Regex, default=r"(?:20|二十)个工作日",
        source="《政府信息公开条例》（国务院令第711号）第三十三条：20个工作日内予以答复",
        description="现行条例答复期限的写法（正则表达式，在去掉空白的正文上匹配）；指南应写明"),
    "guide_old_decree": Setting(
        type=str, source="国务院令第492号（2007年《政府信息公开条例》）",
        description="只引用它、不引用新条例的指南未按新条例修订"),
    "guide_new_decree": Setting(
        type=str, source="国务院令第711号（2019年修订的《政府信息公开条例》）", description="现行条例的令号"),
    "guide_obsolete_markers": Setting(
        type=list[Marker], source="国务院令第492号的答复期限（15个工作日）；现行条例第三十三条为20个工作日",
        description="旧条例的写法（正则表达式），出现即说明指南未按新条例修订"),
}


@dataclass
class Guide:
    page: PageRecord | None
    reachable: bool
    attachment: Link | None = None     # the guide exists only as a file (PDF, Word) in the section


def locate_guide(snap: SiteSnapshot, settings: dict) -> Guide:
    """The guide: the 指南 section itself, or a guide page it links to; else any guide page."""
    cached = snap.cache.get("guide")
    if isinstance(cached, Guide):
        return cached
    column = locate_column(snap, settings)
    section = column.section_page(snap, "政府信息公开指南")
    found: Guide | None = None
    if section is not None:
        if section.kind == "guide":
            found = Guide(section, True)
        else:
            for link in snap.links_of(section):
                target = snap.link_target(link.url)
                if target is not None and target.ok and target.kind == "guide":
                    found = Guide(target, True)
                    break
    if found is None and section is not None:
        found = next((Guide(None, True, link) for link in snap.links_of(section)
                      if "指南" in link.text and is_attachment_url(link.url)), None)
    if found is None:
        elsewhere = snap.of_kind("guide")
        found = Guide(elsewhere[0] if elsewhere else None, False)
    snap.cache["guide"] = found
    return found


def _lines(page: PageRecord) -> list[str]:
    return (page.text or "").split("\n")


@rule(code="GDE001", title="公开指南在专栏中可找到", failure_title="缺少政府信息公开指南或专栏中无入口",
      family="guide", kind="deduct", points=5, settings=COLUMN_SETTINGS)
def guide_present(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站是否发布了政府信息公开指南，且从“政府信息公开”专栏的“政府信息公开指南”子栏目能够找到它
    （子栏目本身即指南，或子栏目中列出指南全文）。

    ## 为什么
    条例第十二条要求行政机关编制、公布政府信息公开指南，并及时更新；指南告诉公众信息如何分类、
    如何获取、向谁申请，是依申请公开的入口。

    ## 如何整改
    编制符合条例第十二条要求的指南，在“政府信息公开指南”子栏目中发布全文（网页正文，而不仅是附件）。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    guide = locate_guide(snap, settings)
    if guide.attachment is not None:
        return Result.from_findings([Finding(
            message=f"指南仅以附件“{guide.attachment.text}”发布，没有网页正文，无法核对其内容",
            url=guide.attachment.url, excerpt=guide.attachment.text, status="warn")])
    if guide.page is None:
        return Result.from_findings([Finding(message="未找到政府信息公开指南", url=snap.home.url)])
    if not guide.reachable:
        column = locate_column(snap, settings)
        return Result.from_findings([Finding(
            message="网站有政府信息公开指南，但从专栏的“政府信息公开指南”子栏目找不到它", url=guide.page.url,
            excerpt=guide.page.headline,
            evidence={"section": column.sections["政府信息公开指南"].url if "政府信息公开指南" in column.sections else None})])
    return Result.from_findings([], message=f"指南：{guide.page.url}")


def _no_guide(guide: Guide) -> Result:
    if guide.attachment is not None:
        return Result.error(f"指南仅以附件发布（{guide.attachment.url}），无法读取其内容")
    return Result.na("未找到政府信息公开指南（见 GDE001）")


@rule(code="GDE002", title="公开指南可判断日期", failure_title="公开指南没有日期",
      family="guide", kind="deduct", points=3,
      settings={**COLUMN_SETTINGS, **UPDATE_LABELS,
          "guide_update_date_required": Setting(
          type=bool, default=False,
          source="地方做法（如济南市的工作方案要求指南注明更新日期）；全国规定只要求“及时更新”（条例第十二条）",
          description="只有发布日期、没有更新日期时判为不合格（默认只作警告）")})
def guide_update_date(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    指南能否判断日期：写明更新日期（“更新日期”“更新时间”“修订日期”或“本指南于……更新”）的通过；
    只有页面发布日期的给出警告（写明更新日期是部分地方的要求，如济南市，配置方案可将其设为不合格：
    `guide_update_date_required`）；没有任何日期的不合格。

    ## 为什么
    条例第十二条要求指南“及时更新”；有了日期，公众和检查人员才能判断指南是否为现行版本。

    ## 如何整改
    在指南正文开头或末尾注明“更新日期：YYYY年M月D日”，每次修订后同步修改。
    """
    found = locate_guide(snap, settings)
    guide = found.page
    if guide is None:
        return _no_guide(found)
    required = settings["guide_update_date_required"]
    date, text = update_date(_lines(guide), settings["guide_update_labels"])
    if date:
        return Result.from_findings([], message=f"更新日期 {date}（“{text}”）", updated=date)
    found = {"发布日期": guide.published} if guide.published else {}
    said = f"只找到发布日期 {guide.published}" if guide.published else "未找到任何日期"
    status = "fail" if not guide.published or required else "warn"
    return Result.from_findings([Finding(message=f"指南未标注更新日期，{said}", url=guide.url, status=status,
                                         excerpt=guide.headline, evidence={"dates_found": found})])


@rule(code="GDE003", title="公开指南为现行版本", failure_title="公开指南未及时更新",
      family="guide", kind="deduct", points=3,
      settings={**COLUMN_SETTINGS, **CURRENT_SETTINGS}, in_force=REGULATION_2019)
def guide_current(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    指南是否按 2019 年修订后的条例更新：更新日期（无更新日期时按发布日期）不早于 2019 年 5 月 15 日；
    正文仍只引用国务院令第492号、或仍写“15个工作日内予以答复”的，属于未按新条例修订；正文应写明
    现行条例的答复期限（20个工作日）。配置方案可另设指南的最长更新间隔 `guide_max_age_days`
    （地方做法；全国方案不设）。每个问题计一条。

    ## 为什么
    2019 年 5 月 15 日施行的新条例（国务院令第711号）将答复期限改为 20 个工作日，并调整了申请、
    收费等规定；沿用旧指南会误导申请人。

    ## 如何整改
    按现行条例重新修订指南（答复期限、申请方式、收费规定、救济途径等），注明修订日期，
    此后每年核对一次。
    """
    found = locate_guide(snap, settings)
    guide = found.page
    if guide is None:
        return _no_guide(found)
    as_of: dt.date = settings["as_of"]
    reply_period = settings["guide_reply_period"]
    updated, _ = update_date(_lines(guide), settings["guide_update_labels"])
    date_text = updated or guide.published
    findings = []
    date = to_date(date_text)
    if date is None:
        findings.append(Finding(message="指南没有可判断的更新或发布日期，无法确认为现行版本", url=guide.url))
    else:
        label = "更新日期" if updated else "发布日期"
        if date < dt.date.fromisoformat(settings["guide_min_date"]):
            findings.append(Finding(message=f"指南{label} {date_text} 早于新条例施行日 {settings['guide_min_date']}",
                                    url=guide.url, evidence={label: date_text}))
        age = (as_of - date).days
        if settings["guide_max_age_days"] is not None and age > settings["guide_max_age_days"]:
            findings.append(Finding(message=f"指南{label} {date_text}，距检查日已 {age} 天，超过 {settings['guide_max_age_days']} 天",
                                    url=guide.url, evidence={label: date_text, "age_days": age}))
    text = guide.text or ""
    if settings["guide_old_decree"] in text and settings["guide_new_decree"] not in text:
        findings.append(Finding(message=f"指南仍引用{settings['guide_old_decree']}（旧条例），未引用{settings['guide_new_decree']}",
                                url=guide.url, excerpt=settings["guide_old_decree"]))
    obsolete = False
    for marker in settings["guide_obsolete_markers"]:
        m = re.search(marker["pattern"], compact(text))
        if m:
            obsolete = True
            findings.append(Finding(message=f"指南{marker['message']}", url=guide.url, excerpt=m.group(0)))
    if text and not obsolete and not re.search(reply_period, compact(text)):
        findings.append(Finding(message="指南未写明现行条例的答复期限（20个工作日，条例第三十三条）", url=guide.url))
    return Result.from_findings(findings, date=date_text)


@rule(code="GDE004", title="公开指南内容完整", failure_title="公开指南缺少法定内容",
      family="guide", kind="deduct", each=True, points=0.5, cap=3,
      settings={**COLUMN_SETTINGS, "guide_items": Setting(
          type=dict[str, list[Regex]], source="《政府信息公开条例》第十二条（各项的识别写法为本项目约定）",
          description="指南应写明的各项，及识别各项的正则表达式（在去掉空白的正文上匹配）")})
def guide_complete(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    指南是否写明条例第十二条要求的事项：政府信息的分类、编排体系，获取方式，政府信息公开工作机构的
    名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式。每缺一项计一条问题。
    判断时忽略空格（“地 址”视同“地址”），各项可接受的写法见配置方案 `guide_items`。

    ## 为什么
    这些事项是公众申请政府信息所必需的联络和办理信息，条例第十二条逐项列明。

    ## 如何整改
    在指南中补写所列事项，特别是传真、电子邮箱等常被遗漏的联系方式。
    """
    found = locate_guide(snap, settings)
    guide = found.page
    if guide is None:
        return _no_guide(found)
    if not guide.text:
        return Result.error("指南页面没有可读的正文（可能仅以附件发布）")
    missing = missing_items(guide.text, settings["guide_items"])
    return Result.from_findings([Finding(message=f"指南未写明“{item}”", url=guide.url,
                                         evidence={"item": item, "keywords": settings["guide_items"][item]})
                                 for item in missing], items_checked=len(settings["guide_items"]))
