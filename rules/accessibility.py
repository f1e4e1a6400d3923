"""A11Y — accessibility and elderly-friendly design (无障碍、适老化)."""
from __future__ import annotations

from auditor.core.results import Share
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import ELDER_MODE_2021
from rules.registry import Finding, Result, Setting, rule
from rules.sampling import share_findings


def _home(snap: SiteSnapshot):
    home = snap.home
    return home if home is not None and home.ok else None


@rule(code="A11Y001", title="首页提供无障碍服务", failure_title="首页未提供无障碍服务",
      family="accessibility", kind="deduct", points=2)
def a11y_service(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页是否提供无障碍服务：加载无障碍工具条脚本（govwza、aria.js、assist.js、wza 等），或设有
    “无障碍”“无障碍浏览”入口。

    ## 为什么
    《无障碍环境建设法》第三十二条要求政府网站逐步符合无障碍网站设计标准，为残障人士和老年人
    提供辅助浏览服务。

    ## 如何整改
    接入无障碍辅助工具（工具条、读屏、放大、高对比度等），并在首页顶部显著位置设置“无障碍”入口。
    """
    home = _home(snap)
    if home is None:
        return Result.error("首页未能抓取，无法判断")
    if home.footer.a11y_toolbar:
        return Result.from_findings([], message="首页有无障碍工具条或入口")
    return Result.from_findings([Finding(message="首页没有无障碍工具条脚本或“无障碍”入口", url=home.url)])


@rule(code="A11Y002", in_force=ELDER_MODE_2021, title="首页提供适老化（长者）模式", failure_title="首页未提供适老化模式",
      family="accessibility", kind="deduct", points=2)
def elder_mode(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    首页是否有“关怀版”“长者模式”“老年人模式”“适老化”“大字版”等入口。

    ## 为什么
    工业和信息化部《互联网网站适老化通用设计规范》要求政府网站提供适老化版本，方便老年人浏览。

    ## 如何整改
    建设适老化版本（大字体、高对比度、简化布局），在首页顶部设置“关怀版”或“长者模式”入口。
    """
    home = _home(snap)
    if home is None:
        return Result.error("首页未能抓取，无法判断")
    if home.footer.elder_mode:
        return Result.from_findings([], message="首页有适老化入口")
    return Result.from_findings([Finding(message="首页没有“关怀版”“长者模式”等适老化入口", url=home.url)])


def _share_rule(snap: SiteSnapshot, ok, min_share: float, what: str, pages=None) -> Result:
    pages = list(pages if pages is not None else snap.pages())
    if not pages:
        return Result.na("没有可检查的页面")
    findings, metrics = share_findings(pages, ok, min_share, what)
    return Result.from_findings(findings, **metrics)


def _count_rule(pages, total, good, min_share: float, unit: str, what: str) -> Result:
    """Share of counted things (images, controls) that are good, over all pages; the worst pages."""
    pages = [p for p in pages if total(p) > 0]
    if not pages:
        return Result.na(f"没有{unit}")
    all_count, good_count = sum(total(p) for p in pages), sum(good(p) for p in pages)
    share = good_count / all_count
    metrics = {"total": all_count, "good": good_count, "share": round(share, 4), "min_share": min_share}
    if share >= min_share:
        return Result.from_findings([], **metrics)
    worst = sorted((p for p in pages if good(p) < total(p)), key=lambda p: total(p) - good(p), reverse=True)[:10]
    return Result.from_findings([Finding(message=f"{total(p) - good(p)} 个{unit}{what}（共 {total(p)} 个）",
                                         url=p.url, excerpt=p.headline, evidence={"missing": total(p) - good(p)})
                                 for p in worst], **metrics)


@rule(code="A11Y003", title="页面声明语言", failure_title="页面未声明语言（html lang）",
      family="accessibility", kind="deduct", points=1, settings={"lang_min_share": Setting(
          type=Share, default=1.0, source="本项目约定", description="声明了 lang 的页面至少占的比例")})
def page_language(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    页面的 `<html>` 元素是否声明语言（lang="zh-CN" 等）。统计声明了语言的页面比例，低于
    `lang_min_share`（默认 100%）即不合格，列出未声明的页面。

    ## 为什么
    读屏软件根据页面语言选择朗读引擎；未声明语言的页面可能被按英文朗读。无障碍网页标准（GB/T 37668-2019、
    WCAG）要求页面的默认语言可以被程序确定。

    ## 如何整改
    在所有页面模板中写 `<html lang="zh-CN">`，包括旧模板和 GBK 编码的旧栏目。
    """
    return _share_rule(snap, lambda p: bool(p.lang), settings["lang_min_share"], "页面 <html> 未声明 lang")


@rule(code="A11Y004", title="图片提供替代文本", failure_title="图片缺少替代文本（alt）",
      family="accessibility", kind="deduct", points=2, settings={"img_alt_min_share": Setting(
          type=Share, default=1.0, source="本项目约定", description="有替代文本的内容图片至少占的比例")})
def image_alt(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    内容图片是否有非空的 alt 替代文本。装饰性图片（1×1 像素、间隔图、role="presentation"、
    aria-hidden）不计。统计所有内容图片中有替代文本的比例，低于 `img_alt_min_share`（默认 100%）
    即不合格，列出缺得最多的页面。

    ## 为什么
    视障用户通过读屏软件“听”图片，没有替代文本的图片对他们等于不存在；一图读懂等图解材料尤甚。

    ## 如何整改
    为每张内容图片填写说明其内容的 alt；纯装饰的图片用 alt="" 并加 role="presentation"。
    """
    return _count_rule(snap.pages(), lambda p: p.stats.images - p.stats.images_decorative,
                       lambda p: p.stats.images_with_alt, settings["img_alt_min_share"], "内容图片", "没有替代文本")


@rule(code="A11Y005", title="页面设置标题", failure_title="页面缺少标题（title）",
      family="accessibility", kind="deduct", points=1, settings={"title_min_share": Setting(
          type=Share, default=1.0, source="本项目约定", description="<title> 不为空的页面至少占的比例")})
def page_titles(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    每个页面是否有非空的 `<title>`。统计有标题页面所占比例，低于 `title_min_share`（默认 100%）
    即不合格，并列出缺少标题的页面。

    ## 为什么
    页面标题是读屏软件朗读的第一项内容，也是浏览器标签、收藏夹和搜索结果中显示的名称；
    无障碍网页标准（GB/T 37668-2019、WCAG）要求每个网页都有描述其主题或目的的标题。

    ## 如何整改
    在页面模板中为每个页面输出 `<title>文章标题_栏目名称_网站名称</title>`，不要留空。
    """
    return _share_rule(snap, lambda p: bool((p.title or "").strip()), settings["title_min_share"], "页面 <title> 为空")


@rule(code="A11Y006", title="表单控件有标签", failure_title="表单控件缺少标签",
      family="accessibility", kind="deduct", points=1, settings={"label_min_share": Setting(
          type=Share, default=1.0, source="本项目约定", description="有标签的表单控件至少占的比例")})
def form_labels(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    输入框、下拉框、文本框等表单控件是否有可被读屏软件读出的标签（关联的 label、aria-label、
    aria-labelledby 或 title）。统计有标签的控件比例，低于 `label_min_share`（默认 100%）即不合格，
    列出页面。

    ## 为什么
    没有标签的搜索框、申请表单，读屏用户无从知道该填什么；依申请公开表单尤其需要可访问。

    ## 如何整改
    为每个控件加 `<label for="…">` 或 aria-label，例如 `<input name="q" aria-label="站内搜索">`。
    """
    return _count_rule(snap.pages(), lambda p: p.stats.form_controls, lambda p: p.stats.form_controls_labelled,
                       settings["label_min_share"], "表单控件", "没有标签")
