"""RPT — 政府信息公开工作年度报告 (on time, in the 2021 format, adding up, three years available, not a
copy of the last) and the 政府网站工作年度报表 on the homepage. Which reports the site has: rules.reports_found."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditor.core import similarity
from auditor.core.extract.annual_report import (document_counts, document_mismatches, find_application_table,
                                                find_documents_table, find_review_table, missing_sections,
                                                parse_application_table, report_body, report_year, review_counts,
                                                review_mismatches, table_mismatches, template_lines)
from auditor.core.extract.dates import to_date
from auditor.core.extract.markers import MARKERS
from auditor.core.models import PageRecord
from auditor.core.results import Count, Level, MonthDay, Share
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import ANNUAL_FORMAT_30, REGULATION_2019, WEBSITE_REPORT_12
from rules.locate import COLUMN_SETTINGS, locate_column, unjudgeable
from rules.reports_found import Report, agency_names, collect_reports
from rules.registry import Finding, Result, Setting, rule

DEADLINE = {             # read by deadline()
    "annual_report_deadline": Setting(
        type=dict[Level, MonthDay], source="《政府信息公开条例》第四十九条第一款（部门 1月31日）、第二款（政府 3月31日）",
        description="上一年度年报的公布期限（月-日），按机关层级"),
    "annual_report_deadline_2008": Setting(
        type=MonthDay, default="03-31",
        source="《政府信息公开条例》（国务院令第492号）第三十一条：每年3月31日前公布（2019年5月15日前适用）",
        description="旧条例下各级机关年报的公布期限（月-日）；按现行条例的期限早于新条例施行日的，适用此期限"),
}
FORMAT_FROM = {          # read by _format_reports()
    "annual_report_format_from": Setting(
        type=int, source="国办公开办函〔2021〕30号（自 2021 年度年报起施行）", description="采用新格式的第一个年度"),
}


def deadline(year: int, settings: dict) -> dt.date:
    """The day by which the report for ``year - 1`` is due, for the agency's level, under the 条例 in
    force on that day: a department's 1月31日 of 2019 came before the revised 条例 (2019-05-15), so its
    2018 report was due by the old 条例's 3月31日 like every agency's."""
    old = settings["annual_report_deadline_2008"]
    month, day = (int(x) for x in settings["annual_report_deadline"][settings["level"]].split("-"))
    due = dt.date(year, month, day)
    if due < REGULATION_2019.since:
        month, day = (int(x) for x in old.split("-"))
        due = dt.date(year, month, day)
    return due


def _where(snap: SiteSnapshot, settings: dict) -> str:
    column = locate_column(snap, settings)
    section = column.section_page(snap, "政府信息公开年报")
    return (section or column.home or snap.home).url


def _format_reports(snap: SiteSnapshot, settings: dict) -> list[Report]:
    return [r for y, r in sorted(collect_reports(snap, settings).items())
            if y >= settings["annual_report_format_from"] and r.page is not None and r.page.text]


@rule(code="RPT001", title="按时公布上一年度年报", failure_title="上一年度政府信息公开年报未按时公布",
      family="annual_report", kind="deduct", points=5, settings={**COLUMN_SETTINGS, **DEADLINE})
def report_on_time(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    上一年度的政府信息公开工作年度报告是否已公布，且公布日期不晚于期限：政府部门（level: department）
    为每年 1 月 31 日，县级以上人民政府（level: government）为 3 月 31 日。这一期限早于新条例施行日
    （2019 年 5 月 15 日）的（2018 年度及以前的年报），按旧条例第三十一条，各级机关均为 3 月 31 日。
    检查日期在期限之前的，结果为“不适用”。

    ## 为什么
    条例第四十九条规定了年度报告的公布期限（第一款部门 1 月 31 日，第二款政府 3 月 31 日），第五十条规定其内容；按时公布年报是检查指标中的必查项。

    ## 如何整改
    在期限前于“政府信息公开年报”子栏目发布上一年度年报（网页正文，附表格），并保留历年年报。
    """
    as_of: dt.date = settings["as_of"]
    year, due = as_of.year - 1, deadline(as_of.year, settings)
    report = collect_reports(snap, settings).get(year)
    if report is None:
        if as_of <= due:
            return Result.na(f"{year} 年度年报的公布期限为 {due}，尚未到期")
        if (error := unjudgeable(snap, settings)) is not None:
            return error
        return Result.from_findings([Finding(message=f"未找到 {year} 年度政府信息公开工作年度报告（期限 {due}）",
                                             url=_where(snap, settings), evidence={"year": year, "deadline": due})])
    published = to_date(report.published)
    if published is None:
        return Result.from_findings([Finding(message=f"{year} 年度年报未标注发布日期，无法判断是否按时公布",
                                             url=report.url, excerpt=report.title, status="warn")])
    if published.year <= year:
        return Result.from_findings([Finding(
            message=f"{year} 年度年报标注的发布日期 {published} 早于该年度结束，日期可能有误，请核实",
            url=report.url, excerpt=report.title, status="warn")])
    if published > due:
        return Result.from_findings([Finding(
            message=f"{year} 年度年报 {published} 公布，晚于期限 {due}（迟 {(published - due).days} 天）",
            url=report.url, excerpt=report.title,
            evidence={"year": year, "published": published, "deadline": due})])
    return Result.from_findings([], message=f"{year} 年度年报 {published} 公布（期限 {due}）")


@rule(code="RPT002", in_force=ANNUAL_FORMAT_30, title="年报采用 2021 年新格式", failure_title="年报缺少新格式规定的组成部分",
      family="annual_report", kind="deduct", points=2, settings={
          **FORMAT_FROM,
          "annual_report_sections": Setting(
              type=dict[str, list[str]], source="国办公开办函〔2021〕30号《政府信息公开工作年度报告格式》",
              description="新格式的六个部分，及各部分标题认可的写法")})
def report_format(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    2021 年度及以后的年报（网页正文）是否包含新格式的六个部分：一、总体情况；二、主动公开政府信息
    情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的
    主要问题及改进情况；六、其他需要报告的事项。每份缺项的年报计一条问题，列出所缺部分。

    ## 为什么
    国办公开办函〔2021〕30号统一了年报格式，便于汇总统计和横向比较；缺少组成部分即不符合格式要求。

    ## 如何整改
    按国办公开办函〔2021〕30号的格式补齐所缺部分并重新发布（可在原链接更新）。
    """
    reports = _format_reports(snap, settings)
    if not reports:
        return Result.na("没有可读正文的 2021 年度及以后年报（可能仅以附件发布）")
    findings = []
    for report in reports:
        missing = missing_sections(report.page.text.split("\n"), settings["annual_report_sections"])
        if missing:
            findings.append(Finding(message=f"{report.year} 年度年报缺少：{'；'.join(missing)}",
                                    url=report.url, excerpt=report.title,
                                    evidence={"year": report.year, "missing": missing}))
    return Result.from_findings(findings, reports_checked=[r.year for r in reports])


@rule(code="RPT003", in_force=REGULATION_2019, title="年报统计表数据相互吻合", failure_title="年报统计表数据不吻合",
      family="annual_report", kind="info", settings=FORMAT_FROM)
def report_tables(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    年报第三部分“收到和处理政府信息公开申请情况”的网页表格是否自洽：每一类申请人，
    本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理；每一行的“总计”等于各类申请人之和。
    只作提示，不扣分；表格只以图片或附件发布的，无法核对。

    ## 为什么
    年报数据由各地汇总上报，表内数字不平衡通常意味着统计或填报错误，需要核实更正。

    ## 如何整改
    核对台账，更正表格数字后重新发布年报。
    """
    def problems(report: Report) -> list[str] | None:
        grid = find_application_table(report.page.tables)
        parsed = parse_application_table(grid) if grid else None
        if parsed is None or None in (parsed.new, parsed.carried_in, parsed.total, parsed.carried_out):
            return None
        return table_mismatches(grid)
    return _check_tables(_format_reports(snap, settings), problems, "申请办理情况表不平衡", "年报中没有可核对的网页表格（可能以图片或附件发布）")


def _check_tables(reports: list[Report], problems_of, what: str, none_readable: str) -> Result:
    """A finding for each report whose tables do not add up (``problems_of``: the sums that do not
    hold, or None when its tables cannot be read); ``na`` when no report's could be."""
    findings, checked, unreadable = [], [], []
    for report in reports:
        problems = problems_of(report)
        if problems is None:
            unreadable.append(report.year)
            continue
        checked.append(report.year)
        if problems:
            findings.append(Finding(message=f"{report.year} 年度年报{what}：{problems[0]}",
                                    url=report.url, excerpt=report.title,
                                    evidence={"year": report.year, "problems": problems}))
    if not checked:
        return Result.na(none_readable, unreadable=unreadable)
    return Result.from_findings(findings, checked=checked, unreadable=unreadable)


@rule(code="RPT004", title="近三年年报均可查阅", failure_title="缺少近年的政府信息公开年报",
      family="annual_report", kind="deduct", each=True, points=1, settings={
          **COLUMN_SETTINGS, **DEADLINE,
          "annual_report_years": Setting(type=Count, source="本项目约定（近三年）", description="应可查阅的最近年度数")})
def report_history(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    最近三个已过公布期限的年度（配置 `annual_report_years`）的年报是否都能在网站上找到
    （网页或附件均可）。每缺一年计一条问题。

    ## 为什么
    年报是公众了解机关信息公开工作的连续记录；历年年报应在“政府信息公开年报”子栏目中集中保留。

    ## 如何整改
    补充发布所缺年度的年报，并在年报子栏目中按年度排列历年年报。
    """
    as_of: dt.date = settings["as_of"]
    last = as_of.year - 1 if as_of > deadline(as_of.year, settings) else as_of.year - 2
    years = list(range(last, last - settings["annual_report_years"], -1))
    reports = collect_reports(snap, settings)
    if any(y not in reports for y in years) and (error := unjudgeable(snap, settings)) is not None:
        return error
    where = _where(snap, settings)
    findings = [Finding(message=f"未找到 {year} 年度政府信息公开工作年度报告", url=where, evidence={"year": year})
                for year in years if year not in reports]
    return Result.from_findings(findings, years=years, found=sorted(y for y in reports if y in years))


# -- RPT006: 雷同 (a near-copy of the agency's previous report) -------------------------------------
COPY = {
    "report_copy_threshold": Setting(
        type=Share, default=similarity.THRESHOLD,
        source="本项目约定：bench/report_similarity.py 在真实年报上实测（诚实的相邻年度最高 0.17，真实照抄最低 0.53）",
        description="两份年报正文（去掉统一格式的表格、固定用语、数字和机关名称后）相似度达到此值即视为雷同"),
}


@rule(code="RPT006", in_force=ANNUAL_FORMAT_30, title="年报不与上一年度雷同", failure_title="年报与上一年度内容雷同",
      family="annual_report", kind="deduct", points=2, settings={**FORMAT_FROM, **COPY})
def report_not_copied(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    每份 2021 年度及以后的年报（网页正文）与本机关上一年度年报相比，是否基本照搬：比较前去掉页面模板
    （导航、相关链接、页脚等在本站多个页面重复出现的短行）、统一格式规定的表格和固定用语、所有数字和
    年份、机关名称，只比较各机关自己写的文字（总体情况、存在的主要问题及改进情况、其他需要报告的
    事项），按六字片段计算相似度，达到 0.35（配置 `report_copy_threshold`）即为雷同，计一条问题并给出
    相似度。只有附件（网页上只写“全文见附件”）、正文不足以比较的年份跳过。批量检查（`gkaudit batch`）
    另在汇总中列出不同网站之间相似度达到阈值的年报。

    ## 为什么
    国办公开办函〔2021〕30号要求年报内容严格按条例第五十条确定，不能遗漏，也不宜泛化；照搬上一年度的
    文字，说明年报没有如实反映本年度的工作，各地考评把“内容雷同”列为问题（如怀化市的年报编制通知）。

    ## 如何整改
    按本年度实际情况重新撰写总体情况、存在的主要问题及改进情况等部分，如实反映本年度工作和上一年度
    问题的整改情况，重新发布年报。
    """
    threshold = settings["report_copy_threshold"]
    reports = {r.year: r for r in _format_reports(snap, settings)}
    previous = collect_reports(snap, settings)
    agencies = agency_names(snap, settings)
    template = template_lines(p.text for p in snap.pages() if p.text)
    findings, compared = [], []
    for year, report in sorted(reports.items()):
        before = previous.get(year - 1)
        if before is None or before.page is None or not before.page.text:
            continue
        texts = [report_body(r.page.text, r.page.headline, template) for r in (report, before)]
        if not all(similarity.judgeable(t, agencies) for t in texts):
            continue                          # 全文见附件: too little prose on the page to compare
        score = similarity.similarity(*texts, agency_a=agencies, agency_b=agencies)
        compared.append({"year": year, "with": year - 1, "similarity": round(score, 3)})
        if score >= threshold:
            findings.append(Finding(
                message=f"{year} 年度年报与 {year - 1} 年度年报雷同（正文相似度 {score:.0%}，阈值 {threshold:.0%}）",
                url=report.url, excerpt=report.title,
                evidence={"year": year, "compared_with": before.url, "similarity": round(score, 3)}))
    if not compared:
        return Result.na("没有可比较正文的相邻年度年报（可能以附件发布，或只有一年）")
    return Result.from_findings(findings, compared=compared)


# -- RPT005: 政府网站工作年度报表 (国办函〔2018〕12号) -------------------------------------------------
WEBSITE_REPORT = {
    "website_report_deadline": Setting(
        type=MonthDay, default="01-31",
        source="国办函〔2018〕12号 二、方式和时间：《政府网站工作年度报表》于每年1月31日前在本网站首页显著位置发布",
        description="上一年度政府网站工作年度报表在首页发布的期限（月-日）"),
}
_WEBSITE_REPORT_WORDS = tuple(MARKERS["website_report_title"])


@dataclass
class WebsiteReport:
    url: str
    text: str
    year: int | None
    page: PageRecord | None


def _website_reports(snap: SiteSnapshot, entries) -> list[WebsiteReport]:
    """Links or list entries titled as a 政府网站工作年度报表, with the year their text (or, failing
    that, the page they lead to) names."""
    found = []
    for url, text in entries:
        if not url:
            continue
        target = snap.get(url)
        title = (target.headline or target.title or "") if target is not None and target.kind != "attachment" else ""
        if not any(w in (text or "") or w in title for w in _WEBSITE_REPORT_WORDS):
            continue                          # neither the link (an icon's alt too) nor the page it leads to
        found.append(WebsiteReport(url, text or title, report_year(text) or report_year(title), target))
    return found


@rule(code="RPT005", in_force=WEBSITE_REPORT_12, title="首页发布上一年度政府网站工作年度报表",
      failure_title="首页未按时发布政府网站工作年度报表", family="annual_report", kind="deduct", points=2,
      settings=WEBSITE_REPORT)
def website_report(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站首页是否有上一年度《政府网站工作年度报表》的链接（链接文字或所链页面标题含“政府网站工作年度报表”
    及年度），且发布日期不晚于当年 1 月 31 日（配置 `website_report_deadline`）。报表已在网站其他位置
    发布、首页没有的，同样计为问题；首页的报表链接读不出年度的，列为待核实。检查日期在期限之前且首页
    尚无报表的，结果为“不适用”。“显著位置”无法由程序判断，只检查首页是否展示。

    ## 为什么
    国办函〔2018〕12号要求各级各类政府网站每年 1 月 31 日前在本网站首页显著位置发布上一年度的
    《政府网站工作年度报表》，内容包括信息发布、专栏专题、解读回应、办事服务、互动交流等情况。

    ## 如何整改
    在全国政府网站信息报送系统填报并生成上一年度报表，于 1 月 31 日前在网站首页显著位置（如首页
    底部或专题区）发布链接，并保留历年报表。
    """
    as_of: dt.date = settings["as_of"]
    month, day = (int(x) for x in settings["website_report_deadline"].split("-"))
    year, due = as_of.year - 1, dt.date(as_of.year, month, day)
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能读取，无法检查政府网站工作年度报表")
    on_home = _website_reports(snap, [(link.url, link.text) for link in snap.links_of(home)]
                               + [(item.url, item.title) for item in home.items])
    this_year = [r for r in on_home if r.year == year]
    if this_year:
        report = this_year[0]
        published = to_date(report.page.published) if report.page is not None else None
        if published is not None and published > due:
            return Result.from_findings([Finding(
                message=f"{year} 年度政府网站工作年度报表 {published} 发布，晚于期限 {due}",
                url=report.url, excerpt=report.text, evidence={"year": year, "published": published, "deadline": due})])
        return Result.from_findings([], message=f"首页有 {year} 年度政府网站工作年度报表：{report.text}")
    undated = [r for r in on_home if r.year is None]
    if undated:
        return Result.from_findings([Finding(
            message=f"首页有政府网站工作年度报表链接，但读不出年度，请核实是否为 {year} 年度", url=undated[0].url,
            excerpt=undated[0].text, status="warn", evidence={"year": year, "linked_from": home.url})])
    if as_of <= due:
        return Result.na(f"{year} 年度政府网站工作年度报表的发布期限为 {due}，尚未到期")
    elsewhere = [r for page in snap.pages() if page is not home
                 for r in _website_reports(snap, [(page.url, page.headline or page.title or "")]
                                           + [(item.url, item.title) for item in page.items]) if r.year == year]
    if elsewhere:
        return Result.from_findings([Finding(
            message=f"{year} 年度政府网站工作年度报表已在网站发布，但首页没有展示（应在首页显著位置发布）",
            url=elsewhere[0].url, excerpt=elsewhere[0].text, evidence={"year": year, "linked_from": home.url})])
    return Result.from_findings([Finding(
        message=f"首页未找到 {year} 年度政府网站工作年度报表（期限 {due}）", url=home.url,
        evidence={"year": year, "deadline": due})])


@rule(code="RPT007", in_force=ANNUAL_FORMAT_30, title="年报其他统计表数据相互吻合",
      failure_title="年报第二、四部分统计表数据不吻合", family="annual_report", kind="info", settings=FORMAT_FROM)
def report_other_tables(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    2021 年度及以后年报的另外两张网页表格是否自洽：第四部分“政府信息公开行政复议、行政诉讼情况”
    中，行政复议、未经复议直接起诉、复议后起诉三组各自的“结果维持 + 结果纠正 + 其他结果 + 尚未审结”
    应等于该组“总计”；第二部分“主动公开政府信息情况”中，规章和行政规范性文件的“现行有效件数”
    不应少于“本年制发件数 − 本年废止件数”。只作提示，不扣分；表格只以图片或附件发布、或排版
    与统一格式不同（如行列互换）的，无法核对，列为未能读取。

    ## 为什么
    年报表格按统一格式填报、逐级汇总，表内数字不平衡通常意味着统计或填报错误，需要核实更正。

    ## 如何整改
    核对复议、诉讼台账和规范性文件清理情况，更正表格数字后重新发布年报。
    """
    def problems(report: Report) -> list[str] | None:
        review = find_review_table(report.page.tables)
        groups = review_counts(review) if review else None
        documents = find_documents_table(report.page.tables)
        counts = document_counts(documents) if documents else {}
        if groups is None and not counts:
            return None
        return (review_mismatches(groups) if groups else []) + document_mismatches(counts)
    return _check_tables(_format_reports(snap, settings), problems, "统计表不吻合",
                         "年报中没有可核对的第二、四部分网页表格（可能以图片或附件发布）")
