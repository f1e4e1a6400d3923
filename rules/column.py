"""COL — the 政府信息公开 column: its unified name on the homepage, its sections and its contents."""
from __future__ import annotations

from typing_extensions import NotRequired

from auditor.core.results import Level, Record
from auditor.core.snapshot import SiteSnapshot, normalise_name

from rules.in_force import PLATFORM_NOTICE_61, REGULATION_2019
from rules.locate import COLUMN_SETTINGS, as_uncertain, column_groups, column_link_texts, locate_column, unjudgeable
from rules.registry import Finding, Result, Setting, rule


class Category(Record):
    """One category of 条例第二十条 (``disclosure_categories``)."""
    id: str                                  # 一, 二, …
    name: str
    levels: NotRequired[list[Level]]         # the agency levels it applies to; both if absent
    names: list[str]                         # sub-column names sites use for it


def _broken(snap: SiteSnapshot, url: str) -> str | None:
    """Why a fetched link target does not work, or None (working, or not fetched)."""
    target = snap.link_target(url)
    if target is None or target.skipped or target.ok:
        return None
    return target.error or f"HTTP {target.status}"


@rule(code="COL001", title="首页设置“政府信息公开”专栏", failure_title="首页未设置统一名称的“政府信息公开”专栏",
      family="column", kind="deduct", points=10, settings=COLUMN_SETTINGS,
      in_force=PLATFORM_NOTICE_61)
def column_on_homepage(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    门户网站首页是否设置名称为“政府信息公开”的专栏入口。以“政务公开”“信息公开”等其他名称设置的，
    列为警告并给出实际名称；首页找不到任何此类入口的，判为不合格。

    ## 为什么
    国办公开办函〔2019〕61号要求各级行政机关在门户网站统一设置“政府信息公开”专栏，名称统一，
    便于公众查找。栏目名称不统一是历次政府网站检查中的常见扣分项。

    ## 如何整改
    在网站首页显著位置设置名称为“政府信息公开”的专栏入口，指向本机关的政府信息公开平台；
    原“政务公开”等栏目可保留，但须另设统一名称的入口。
    """
    if (error := unjudgeable(snap, settings, need_column=False)) is not None:
        return error
    home, column = snap.home, locate_column(snap, settings)
    expected = settings["column_name"]
    if column.link is not None and (why := _broken(snap, column.link.url)):
        return Result.from_findings([Finding(
            message=f"首页“{column.link.text}”入口无法打开（{why}），等同于未设置专栏",
            url=column.link.url, excerpt=column.link.text, evidence={"linked_from": home.url})])
    if column.how == "exact":
        return Result.from_findings([], message=f"首页链接“{column.link.text}”指向 {column.link.url}",
                                    column_url=column.link.url)
    if column.how in ("variant", "self"):
        return Result.from_findings([Finding(
            message=f"首页专栏名称为“{column.link.text}”，应统一为“{expected}”",
            url=home.url, excerpt=column.link.text, status="warn",
            evidence={"name_found": column.link.text, "target": column.link.url})],
            column_url=column.link.url)
    return Result.from_findings([Finding(message=f"首页未找到“{expected}”专栏入口", url=home.url,
                                         evidence={"links_on_homepage": len(home.links)})])


@rule(code="COL002", title="专栏设置四个统一的子栏目", failure_title="政府信息公开专栏缺少统一子栏目",
      family="column", kind="deduct", each=True, points=5, settings=COLUMN_SETTINGS,
      in_force=PLATFORM_NOTICE_61)
def column_sections(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    “政府信息公开”专栏是否包含“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”
    “政府信息公开年报”（或“政府信息公开工作年度报告”）四个子栏目，名称须与规定一致。
    每缺少一个子栏目计一条问题。

    ## 为什么
    国办公开办函〔2019〕61号统一规定了政府信息公开平台的栏目体系，公众在任何机关的网站上都应能在
    相同位置找到指南、制度、法定主动公开内容和年报。

    ## 如何整改
    在专栏首页设置上述四个子栏目，名称与规定完全一致，并在各子栏目中发布相应内容。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    column = locate_column(snap, settings)
    where = column.home.url if column.home else snap.home.url
    findings = []
    for section, names in settings["column_sections"].items():
        link = column.sections.get(section) or column.loose.get(section)
        if link is not None and (why := _broken(snap, link.url)):
            findings.append(Finding(message=f"“{section}”子栏目链接无法打开（{why}）", url=link.url,
                                    excerpt=link.text, evidence={"section": section, "linked_from": where}))
            continue
        if section in column.sections:
            continue
        if section in column.loose:
            link = column.loose[section]
            findings.append(Finding(message=f"子栏目名称为“{link.text}”，应统一为“{section}”", url=where,
                                    excerpt=link.text, status="warn",
                                    evidence={"section": section, "name_found": link.text, "target": link.url}))
        else:
            findings.append(Finding(message=f"专栏缺少“{section}”子栏目", url=where,
                                    evidence={"section": section, "accepted_names": names}))
    note = f"专栏页面 {where}" if column.home else "未找到政府信息公开专栏，按首页判断"
    return Result.from_findings(findings, message=note,
                                sections_found={k: v.url for k, v in column.sections.items()})


@rule(code="COL003", title="法定主动公开内容覆盖条例第二十条", failure_title="法定主动公开内容缺少应设栏目",
      family="column", kind="deduct", each=True, points=1, cap=10, in_force=REGULATION_2019, settings={
          **COLUMN_SETTINGS,
          "disclosure_categories": Setting(
              type=list[Category], source="《政府信息公开条例》第二十条（各类的栏目名称为本项目约定）",
              description="第二十条列举的主动公开类别：适用的机关层级和网站常用的栏目名称")})
def disclosure_categories(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    “法定主动公开内容”是否为《政府信息公开条例》第二十条列举、且适用于本机关层级（部门或政府）的
    每一类信息设置了栏目。各类信息对应的常见栏目名称在配置方案 `disclosure_categories` 中列出；
    每缺少一类计一条问题。

    ## 为什么
    条例第二十条规定行政机关应当主动公开的十五类政府信息；法定主动公开内容栏目按类别设置，
    是公众查找这些信息的固定位置，缺类即意味着法定公开事项没有落实。

    ## 如何整改
    在“法定主动公开内容”下补设所列类别的子栏目（名称可参照配置方案中的常见名称），并发布相应信息；
    确无此类信息的，应在栏目中说明。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    column = locate_column(snap, settings)
    if column.home is None:
        return Result.from_findings([Finding(message="未找到政府信息公开专栏，无法核对法定主动公开内容",
                                             url=snap.home.url)])
    section = column.section_page(snap, "法定主动公开内容")
    scope = [section] if section else []
    names = [normalise_name(n) for n in column_link_texts(column, snap) +
             column_link_texts(column, snap, within=scope)]
    where = section.url if section else column.home.url
    level = settings["level"]
    findings, covered = [], {}
    for category in settings["disclosure_categories"]:
        if level not in category.get("levels", ["department", "government"]):
            continue
        match = next((n for n in names for w in category["names"] if normalise_name(w) in n), None)
        if match:
            covered[category["id"]] = match
        else:
            findings.append(Finding(
                message=f"未设置第二十条（{category['id']}）“{category['name']}”相关栏目", url=where,
                evidence={"category": category["id"], "names_accepted": category["names"]}))
    return Result.from_findings(findings, covered=covered)


@rule(code="COL004", title="不存在空白栏目", failure_title="存在空白栏目",
      family="column", kind="deduct", each=True, points=1, veto_at=5,
      settings=COLUMN_SETTINGS)
def blank_columns(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站中没有任何条目的列表栏目（空白栏目）：只显示“暂无信息”之类提示的，和列表为空、连提示也没有
    的（列表元素里没有条目，或分页显示“共0条”）一样算空白。同一栏目的分页合并判断：
    任何一页有条目即不算空白；由脚本分页或数据接口取得的条目（TRS 分页、大汉 jpage、广东政务公开
    平台接口等）与该栏目合并计算。每个空白栏目计一条问题，达到 5 个即单项否决。栏目列表由脚本生成
    而未能读取的，该栏目的结论只作警告、标明“待人工核实”，不扣分。

    ## 为什么
    国办秘函〔2019〕19号将空白栏目数量达到 5 个列为单项否决；栏目开设后长期无内容，说明信息公开
    工作没有落实。

    ## 如何整改
    为空白栏目补充应公开的信息；确无信息可发布的栏目应予撤并，或在栏目中说明原因。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    groups = column_groups(snap)
    findings = []
    for prefix, pages in groups.items():
        if any(p.items for p in pages) or not any(p.placeholder or p.empty_list for p in pages):
            continue
        first = min(pages, key=lambda p: len(p.url))
        shown = "暂无信息" if any(p.placeholder for p in pages) else "列表为空"
        findings.append(as_uncertain(Finding(
            message=f"栏目“{first.column or first.headline or prefix}”没有任何信息", url=first.url,
            excerpt=shown, evidence={"list_pages": len(pages), "column": first.column}), snap, pages))
    return Result.from_findings(findings, list_columns=len(groups))


@rule(code="COL005", title="信息公开平台提供检索功能", failure_title="信息公开平台缺少检索功能",
      family="column", kind="deduct", points=2,
      in_force=REGULATION_2019,
      settings={**COLUMN_SETTINGS, "search_link_text": Setting(
          type=list[str], source="本项目约定", description="专栏页面上算作检索入口的链接文字")})
def column_search(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    政府信息公开专栏（平台）自身的页面上是否提供检索：含检索输入框的表单，或“搜索”“检索”
    “高级检索”等入口。网站首页的全站搜索不计入。

    ## 为什么
    条例第二十四条要求政府信息公开平台具备信息检索、查阅、下载等功能，方便公众获取信息。

    ## 如何整改
    在专栏页面模板中加入检索框，支持按标题、文号、发布机构、时间等检索专栏内的信息。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    column = locate_column(snap, settings)
    if column.home is None:
        return Result.from_findings([Finding(message="未找到政府信息公开专栏，无法确认平台检索功能",
                                             url=snap.home.url)])
    words = settings["search_link_text"]
    listing = column.nav_pages(snap)
    for page in listing:
        if page.stats.has_search_form:
            return Result.from_findings([], message=f"检索框：{page.url}")
        link = next((l for l in snap.links_of(page) if normalise_name(l.text) in words), None)
        if link is not None:
            return Result.from_findings([], message=f"检索入口“{link.text}”：{link.url}")
    return Result.from_findings([Finding(message="政府信息公开专栏页面未提供检索框或检索入口",
                                         url=column.home.url, evidence={"pages_checked": len(listing)})])


@rule(code="COL006", title="提供依申请公开渠道", failure_title="专栏未提供依申请公开渠道",
      family="column", kind="deduct", points=3,
      settings={**COLUMN_SETTINGS, "apply_link_text": Setting(
          type=list[str], source="本项目约定", description="专栏页面上算作依申请公开入口的链接文字")})
def apply_channel(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    从政府信息公开专栏能否进入“依申请公开”页面（在线申请表单或申请须知），且该页面可以正常打开。

    ## 为什么
    条例第二十七条至第二十九条赋予公民、法人和其他组织申请获取政府信息的权利；专栏中应提供
    申请渠道和办理说明，不能只公布主动公开的信息。

    ## 如何整改
    在专栏中设置“依申请公开”入口，提供在线申请表单或申请方式、受理机构、联系方式等说明，
    并确保链接有效。
    """
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    column = locate_column(snap, settings)
    if column.home is None:
        return Result.from_findings([Finding(message="未找到政府信息公开专栏，无法确认依申请公开渠道",
                                             url=snap.home.url)])
    words = settings["apply_link_text"]
    for page in column.nav_pages(snap):
        for link in snap.links_of(page):
            text = normalise_name(link.text)
            if len(text) <= 12 and any(w in text for w in words):   # an entry, not a document title
                if why := _broken(snap, link.url):
                    return Result.from_findings([Finding(
                        message=f"“{link.text}”入口无法打开（{why}）",
                        url=link.url, excerpt=link.text, evidence={"linked_from": page.url})])
                return Result.from_findings([], message=f"“{link.text}”：{link.url}")
    return Result.from_findings([Finding(message="专栏中没有“依申请公开”入口", url=column.home.url)])
