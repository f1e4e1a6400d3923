"""ID — site identity markers (政府网站发展指引)."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from auditor.core.results import Count, Share
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import INDICATORS_19, WEB_GUIDE_47
from rules.registry import Finding, Result, Setting, rule
from rules.sampling import share_findings, template_findings

SITE_ID_FORM = re.compile(r"^(?:\d{10}|bm\d{8})$", re.IGNORECASE)
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
ICP_FORM = re.compile(rf"^[{_PROVINCES}]ICP备\d{{6,10}}号(?:-\d{{1,3}})?$")
PSB_FORM = re.compile(rf"^[{_PROVINCES}]公网安备(\d{{14}})号$")
ARTICLE_KINDS = {"article", "policy", "interpretation", "penalty", "guide", "annual_report"}


def _home_error(snap: SiteSnapshot) -> Result | None:
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    return None


@rule(code="ID001", title="标注主办单位和联系方式", failure_title="未标注主办单位或联系方式",
      family="identity", kind="deduct", points=1)
def host_and_contact(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页和各类页面模板的底部是否写明主办单位（“主办单位：×××”，也作“主办”“主管”）和联系方式
    （联系电话、电子邮箱或“联系我们”链接）。每个缺项的页面模板计一条问题。

    ## 为什么
    《政府网站发展指引》要求网站底部标注主办单位、联系方式等信息，公众据此知道网站由谁负责、
    如何反映问题。

    ## 如何整改
    在所有页面模板的底部统一加上“主办单位：××××　联系电话：××××”。
    """
    if (error := _home_error(snap)) is not None:
        return error
    findings = template_findings(snap, lambda p: bool(p.footer.host_org), "底部未标注主办单位")
    findings += template_findings(snap, lambda p: bool(p.footer.contact), "底部未标注联系方式")
    return Result.from_findings(findings, host_org=snap.home.footer.host_org, contact=snap.home.footer.contact)


@rule(code="ID002", in_force=WEB_GUIDE_47, title="网站标识码规范且一致", failure_title="网站标识码缺失、不规范或不一致",
      family="identity", kind="deduct", points=2,
      settings={"site_id_sample_pages": Setting(
          type=Count, default=200, source="本项目约定", description="核对标识码是否一致时最多抽查的页面数")})
def site_id_code(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站底部是否标注网站标识码（10 位数字，或 bm 加 8 位数字），并与页面
    `<meta name="SiteIDCode">` 及“我为政府网站找错”脚本的 sitecode 一致。首页必须标注；
    其他页面的 SiteIDCode 与首页不一致的，每种不一致计一条问题。

    ## 为什么
    网站标识码是政府网站的“身份证”，由全国政府网站信息报送系统分配，用于普查、监测和纠错
    留言的对应。标识码缺失或前后不一致，监测系统无法把页面归属到本网站。

    ## 如何整改
    在所有页面底部标注“网站标识码：XXXXXXXXXX”，并在页面模板的 meta 标签和纠错脚本中使用同一标识码。
    """
    home = snap.home
    if home is None or not home.ok:
        return Result.error("首页未能抓取，无法判断")
    code = home.footer.site_id_code
    findings: list[Finding] = []
    if not code:
        findings.append(Finding(message="首页底部未标注网站标识码", url=home.url))
    elif not SITE_ID_FORM.match(code):
        findings.append(Finding(message=f"网站标识码“{code}”格式不规范（应为 10 位数字或 bm 加 8 位数字）",
                                url=home.url, excerpt=code))
    reference = code.lower() if code else None
    if reference:
        meta = (home.meta.get("SiteIDCode") or "").strip().lower()
        if meta and meta != reference:
            findings.append(Finding(
                message=f"首页 meta SiteIDCode 为“{meta}”，与底部标注的“{reference}”不一致",
                url=home.url, excerpt=f'<meta name="SiteIDCode" content="{meta}">',
                evidence={"footer": reference, "meta": meta}))
        jiucuo = (home.footer.jiucuo_sitecode or "").strip().lower()
        if jiucuo and jiucuo != reference:
            findings.append(Finding(
                message=f"纠错脚本 sitecode 为“{jiucuo}”，与底部标注的“{reference}”不一致",
                url=home.url, excerpt=f'sitecode="{jiucuo}"', evidence={"footer": reference, "jiucuo": jiucuo}))
        findings += _other_pages(snap, reference, home.url, settings["site_id_sample_pages"])
    return Result.from_findings(findings, site_id_code=code)


def _other_pages(snap: SiteSnapshot, reference: str, home_url: str, limit: int) -> list[Finding]:
    """Pages whose meta SiteIDCode differs from the homepage's: one finding per wrong value."""
    wrong: Counter = Counter()
    example: dict[str, str] = {}
    checked = 0
    for page in snap.pages():
        if page.url == home_url:
            continue
        checked += 1
        if checked > limit:
            break
        value = (page.meta.get("SiteIDCode") or "").strip().lower()
        if value and value != reference:
            wrong[value] += 1
            example.setdefault(value, page.url)
    return [Finding(message=f"{n} 个页面的 meta SiteIDCode 为“{value}”，与首页标注的“{reference}”不一致",
                    url=example[value], excerpt=value, evidence={"pages": n, "value": value})
            for value, n in wrong.items()]


@rule(code="ID003", title="标注 ICP 备案编号", failure_title="ICP 备案编号缺失或格式不规范",
      family="identity", kind="deduct", points=1)
def icp_number(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页和各类页面模板的底部是否标注 ICP 备案编号，格式为“省简称 + ICP备 + 编号 + 号”，可带“-N”
    （如 闽ICP备16004231号-1）。缺失或格式不对的，每个页面模板计一条问题。

    ## 为什么
    网站须在首页底部显著位置标明备案编号并链接到工业和信息化部备案管理系统。

    ## 如何整改
    按备案系统登记的编号原样标注，例如“闽ICP备16004231号-1”，并链接到 https://beian.miit.gov.cn/。
    """
    if (error := _home_error(snap)) is not None:
        return error
    findings = template_findings(snap, lambda p: bool(p.footer.icp), "底部未标注 ICP 备案编号")
    icp = snap.home.footer.icp
    if icp and not ICP_FORM.match(icp):
        findings.append(Finding(message=f"ICP 备案编号“{icp}”格式不规范（应为“省简称ICP备编号号”）",
                                url=snap.home.url, excerpt=icp))
    return Result.from_findings(findings, icp=icp)


@rule(code="ID004", title="标注公安机关备案号", failure_title="公安机关备案号缺失、不规范或与链接不符",
      family="identity", kind="deduct", points=1)
def psb_number(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页底部是否标注公安机关备案号，格式为“省简称 + 公网安备 + 14 位数字 + 号”，并与其链接到
    全国互联网安全管理服务平台（beian.gov.cn）的 recordcode 一致。各类页面模板缺失的也计问题。

    ## 为什么
    联网单位须在网站底部标注公安机关备案号；编号与备案平台链接不一致，公众无法核验。

    ## 如何整改
    按公安备案回执标注“×公网安备 ××××××××××××××号”，并链接到
    http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=同一编号。
    """
    if (error := _home_error(snap)) is not None:
        return error
    findings = template_findings(snap, lambda p: bool(p.footer.psb), "底部未标注公安机关备案号")
    home = snap.home
    psb, code = home.footer.psb, home.footer.psb_link_code
    if psb:
        m = PSB_FORM.match(psb)
        if not m:
            findings.append(Finding(message=f"公安机关备案号“{psb}”格式不规范（应为“省简称公网安备14位数字号”）",
                                    url=home.url, excerpt=psb))
        elif code and code != m.group(1):
            findings.append(Finding(message=f"公安机关备案号 {m.group(1)} 与备案平台链接的 recordcode {code} 不一致",
                                    url=home.url, excerpt=psb, evidence={"footer": m.group(1), "link": code}))
        elif not code:
            findings.append(Finding(message="公安机关备案号没有链接到全国互联网安全管理服务平台", url=home.url,
                                    excerpt=psb, status="warn"))
    return Result.from_findings(findings, psb=psb, link_code=code)


@rule(code="ID005", title="设置党政机关网站标识", failure_title="未设置党政机关网站标识",
      family="identity", kind="deduct", points=1)
def conac_mark(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页和各类页面模板是否放置党政机关网站标识（“党政机关”红色标识：dcs.conac.cn 脚本、
    bszs.conac.cn 链接或 _ideConac 容器）。注释掉的脚本不算。

    ## 为什么
    党政机关网站标识是中央编办组织实施的网站身份认证，公众据此辨别网站真伪。

    ## 如何整改
    按机构编制部门提供的代码在页面底部放置标识脚本，确保其未被注释或删除。
    """
    if (error := _home_error(snap)) is not None:
        return error
    return Result.from_findings(template_findings(snap, lambda p: bool(p.footer.conac), "未放置党政机关网站标识"))


@rule(code="ID006", in_force=INDICATORS_19, title="设置“我为政府网站找错”入口", failure_title="未设置“我为政府网站找错”入口",
      family="identity", kind="deduct", points=1)
def jiucuo(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页是否加载“我为政府网站找错”监督举报平台的脚本（zfwzgl.www.gov.cn/exposure/jiucuo.js，
    `<script id="_jiucuo_" sitecode=…>`）。仍使用已停用的开普云（pucha.kaipuyun.cn）链接的，列为警告；
    只有脚本要填充的空容器（`<span id="_span_jiucuo">`）而页面中没有脚本的，也列为警告，请人工核实。

    ## 为什么
    “我为政府网站找错”平台是国务院办公厅设立的网民监督渠道，政府网站首页须设置入口。

    ## 如何整改
    在首页底部加入 `<script id="_jiucuo_" sitecode="网站标识码" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>`，
    删除旧的开普云链接。
    """
    if (error := _home_error(snap)) is not None:
        return error
    home = snap.home
    if home.footer.jiucuo == "current":
        return Result.from_findings([], sitecode=home.footer.jiucuo_sitecode)
    if home.footer.jiucuo == "legacy":
        return Result.from_findings([Finding(message="首页仍使用已停用的开普云“找错”链接，应改用 zfwzgl.www.gov.cn 的 jiucuo.js",
                                             url=home.url, status="warn")])
    if home.footer.jiucuo_container:
        return Result.from_findings([Finding(
            message="首页有“找错”入口的容器（_span_jiucuo），但页面中未见 jiucuo.js 脚本；如脚本由网站自己的"
                    "脚本文件加载，请人工核实入口是否显示", url=home.url, status="warn")])
    return Result.from_findings([Finding(message="首页未设置“我为政府网站找错”入口", url=home.url)])


def _meta_rule(snap: SiteSnapshot, pages, tags: list[str], min_share: float, what: str) -> Result:
    pages = list(pages)
    if not pages:
        return Result.na(f"没有可检查的{what}")
    findings, metrics = [], {"pages": len(pages)}
    for tag in tags:
        missing, share_metrics = share_findings(pages, lambda p, t=tag: bool((p.meta.get(t) or "").strip()),
                                                min_share, f"缺少 <meta name=\"{tag}\">", worst=3)
        metrics[tag] = share_metrics["share"]
        if missing:
            count = share_metrics["failing"]
            findings.append(Finding(
                message=f"{count} 个{what}（{1 - share_metrics['share']:.0%}）缺少 meta {tag}", url=missing[0].url,
                evidence={"tag": tag, "pages_missing": count, "examples": [f.url for f in missing]}))
    return Result.from_findings(findings, **metrics)


@rule(code="ID007", in_force=WEB_GUIDE_47, title="页面设置网站元数据", failure_title="页面缺少网站元数据",
      family="identity", kind="deduct", points=1,
      settings={"site_meta_min_share": Setting(
          type=Share, default=0.95, source="本项目约定", description="每个网站元数据标签：带有它的页面至少占的比例")})
def site_meta(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    页面是否带有网站元数据 SiteName、SiteDomain、SiteIDCode 三个 meta 标签。按标签统计缺失页面
    所占比例，低于 `site_meta_min_share`（默认 95%）的每个标签计一条问题，并列举页面。

    ## 为什么
    《政府网站发展指引》规定了网页元数据，供搜索引擎、普查和监测系统识别网站；元数据缺失使网站
    在全国政府网站检索中“隐身”。

    ## 如何整改
    在所有页面模板的 `<head>` 中加入 `<meta name="SiteName" content="…">`、`SiteDomain`、`SiteIDCode`。
    """
    return _meta_rule(snap, snap.pages(), ["SiteName", "SiteDomain", "SiteIDCode"],
                      settings["site_meta_min_share"], "页面")


@rule(code="ID008", in_force=WEB_GUIDE_47, title="文章页设置内容元数据", failure_title="文章页缺少内容元数据",
      family="identity", kind="deduct", points=1,
      settings={"article_meta_min_share": Setting(
          type=Share, default=0.95, source="本项目约定", description="每个内容元数据标签：带有它的文章页至少占的比例")})
def article_meta(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    文章页（新闻、文件、解读、处罚决定等正文页）是否带有 ArticleTitle、PubDate、ContentSource
    三个 meta 标签。按标签统计，低于 `article_meta_min_share`（默认 95%）的每个标签计一条问题。

    ## 为什么
    文章元数据让监测系统识别每篇信息的标题、发布时间和来源，是判断更新情况和追溯来源的依据。

    ## 如何整改
    在正文页模板的 `<head>` 中输出 ArticleTitle、PubDate（发布时间）和 ContentSource（信息来源）。
    """
    return _meta_rule(snap, (p for p in snap.pages() if p.kind in ARTICLE_KINDS),
                      ["ArticleTitle", "PubDate", "ContentSource"], settings["article_meta_min_share"], "文章页")


@rule(code="ID009", in_force=WEB_GUIDE_47, title="使用 .gov.cn 域名", failure_title="网站未使用政府网站专用域名",
      family="identity", kind="deduct", points=1)
def gov_domain(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站主机名是否在 .gov.cn（或 .政务）之下。

    ## 为什么
    《政府网站发展指引》要求政府网站使用以 .gov.cn 为后缀的英文域名或“.政务”中文域名，不得使用
    其他后缀的英文域名，便于公众识别官方网站。

    ## 如何整改
    向上级主管单位申请 .gov.cn 域名，原域名设置跳转。
    """
    home = snap.home
    if home is None:
        return Result.error("首页未能抓取，无法判断")
    host = (urlsplit(home.final_url or home.url).hostname or "").lower()
    if _is_ip(host) or host == "localhost" or not host:
        return Result.na(f"网站按地址 {host or '（无）'} 访问，不是域名，无法判断", host=host)
    if host.endswith((".gov.cn", ".政务", ".xn--zfr164b")):
        return Result.from_findings([], host=host)
    return Result.from_findings([Finding(message=f"网站域名 {host} 不在 .gov.cn 之下", url=home.url, excerpt=host)],
                                host=host)


def _is_ip(host: str) -> bool:
    import ipaddress
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
