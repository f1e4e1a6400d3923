"""POL/DIR — 公开目录 and the 规范性文件 in it: repealed documents marked as such (POL001), catalogue
entries carrying 索引、名称、内容概述、生成日期 (DIR001). Scored under the 政府信息公开专栏 indicator."""
from __future__ import annotations

from auditor.core.extract.dates import to_date
from auditor.core.extract.docinfo import normalise_doc_number
from auditor.core.extract.repeal import Declaration, carries_mark, declarations
from auditor.core.models import PageRecord
from auditor.core.results import Count, Share
from auditor.core.snapshot import SiteSnapshot, normalise_name

from rules.in_force import REGULATION_2019, WEB_GUIDE_47
from rules.locate import COLUMN_SETTINGS, locate_column, unjudgeable
from rules.registry import Finding, Result, Setting, rule

# pages that are 公开目录 entries: documents, not lists or the homepage
DOCUMENT_KINDS = ("policy", "article", "interpretation", "penalty", "guide", "annual_report")
_MIN_TITLE = 8           # a 《title》 shorter than this names too little to find its page by


def _index(snap: SiteSnapshot) -> tuple[dict[str, list[PageRecord]], dict[str, list[PageRecord]]]:
    """The site's policy documents by 文号 and by title (the headline as a reader compares it)."""
    by_number: dict[str, list[PageRecord]] = {}
    by_title: dict[str, list[PageRecord]] = {}
    for page in snap.of_kind("policy"):
        if page.doc_number:
            by_number.setdefault(normalise_doc_number(page.doc_number), []).append(page)
        for title in {normalise_name(page.headline), normalise_name(page.title)}:
            if title:
                by_title.setdefault(title, []).append(page)
    return by_number, by_title


def _targets(decl: Declaration, by_number, by_title, declaring: PageRecord) -> list[PageRecord]:
    found: dict[str, PageRecord] = {}
    for number in decl.numbers:
        for page in by_number.get(number, []):
            found[page.url] = page
    for title in decl.titles:
        name = normalise_name(title)
        if len(name) < _MIN_TITLE:
            continue
        for key, pages in by_title.items():
            if key == name or f"《{name}》" in key or (key.endswith(name) and len(key) - len(name) <= 12):
                for page in pages:
                    found[page.url] = page
    mine = normalise_doc_number(declaring.doc_number) if declaring.doc_number else None
    return [p for p in found.values() if p.url != declaring.url
            and not (mine and p.doc_number and normalise_doc_number(p.doc_number) == mine)
            and not _later(p, declaring)]


def _later(page: PageRecord, than: PageRecord) -> bool:
    """A document published after the one that declares it repealed cannot be the one meant."""
    a, b = to_date(page.published or page.written), to_date(than.published or than.written)
    return bool(a and b and a > b)


@rule(code="POL001", in_force=WEB_GUIDE_47, title="已废止、失效或修改的规范性文件在原文页面作出标注",
      failure_title="已废止、失效或修改的规范性文件原文未作标注", family="catalogue", kind="deduct", points=0.5,
      each=True, cap=3)
def repealed_documents_marked(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    网站上后发布的文件宣布废止、失效或修改某一规范性文件的（如“《××办法》（×〔2019〕3号）同时废止”
    “关于废止《××》的决定”“对《××》作如下修改”），若被宣布的文件也在本网站发布，其原文页面是否
    作出了标注：有效性/时效性字段（如“有效性：已废止”）、标题或页首的【已废止】【已失效】【已修改】
    等标识，或正文写明本文件已废止、失效或修改。按文号或标题在本网站找到原文页面才检查；
    找不到的不计。每份未标注的文件计一条问题。

    ## 为什么
    《政府网站发展指引》要求文件资料发生修改、废止、失效等情况的，应及时公开，并在已发布的原文件上
    作出明确标注；已废止、失效的文件若仍以有效文件的面目展示，公众可能据以办事而受损。

    ## 如何整改
    在原文页面的信息索引表中增加或更新“有效性”字段，并在标题或正文前标注“已废止”“已失效”或
    “已修改（见《××》）”，链接到宣布废止、失效或修改的文件。
    """
    by_number, by_title = _index(snap)
    findings: list[Finding] = []
    seen: set[str] = set()
    declared = 0
    for page in snap.pages():
        if page.kind == "attachment" or not page.text:
            continue
        for decl in declarations(page.text) + declarations(page.headline):
            for target in _targets(decl, by_number, by_title, page):
                declared += 1
                if target.url in seen or carries_mark(target.headline or target.title, target.text):
                    continue
                seen.add(target.url)
                word = "废止或失效" if decl.action == "废止" else "修改"
                name = target.headline or target.title or target.url
                named = f"{name}（{target.doc_number}）" if target.doc_number and target.doc_number not in name else name
                findings.append(Finding(
                    message=f"{named}已被宣布{word}，原文页面未标注",
                    url=target.url, excerpt=decl.sentence,
                    evidence={"declared_by": page.url, "action": decl.action}))
    if not declared:
        return Result.na("本网站没有宣布废止、失效或修改本站其他文件的文件")
    return Result.from_findings(findings, declared=declared)


CATALOGUE_SETTINGS = {
    "catalogue_min_share": Setting(
        type=Share, default=0.9, source="本项目约定（SPEC §8：九成以上条目要素齐全）",
        description="公开目录条目中索引、名称、内容概述（或主题分类）、生成日期四项齐全的最低比例"),
    "catalogue_min_entries": Setting(
        type=Count, default=5, source="本项目约定", description="读到的目录条目少于此数时不作判断"),
}
CATALOGUE_FIELDS = ("索引号", "名称", "内容概述或主题分类", "生成日期")


def catalogue_missing(page: PageRecord) -> list[str]:
    """Which of the four catalogue fields (条例 第十二条) a document's page does not give."""
    present = (bool(page.index_number), bool(page.headline or page.title), bool(page.overview),
               bool(page.written or page.published))
    return [name for name, ok in zip(CATALOGUE_FIELDS, present) if not ok]


def catalogue_entries(snap: SiteSnapshot, settings: dict) -> list[PageRecord]:
    """The documents of the 政府信息公开 column: pages under it, and pages its lists lead to that the
    disclosure platform published (they carry an 索引号) — a news article on the portal's template that
    a column list also links to is not one of its entries."""
    column = locate_column(snap, settings)
    entries: dict[str, PageRecord] = {}
    for page in column.pages:
        if page.kind in DOCUMENT_KINDS and page.ok:
            entries[page.url] = page
        for item in page.items:
            target = snap.get(item.url)
            if target is not None and target.kind in DOCUMENT_KINDS and target.ok and target.index_number:
                entries[target.url] = target
    return list(entries.values())


@rule(code="DIR001", in_force=REGULATION_2019, title="公开目录条目要素齐全",
      failure_title="公开目录条目缺少索引、名称、内容概述或生成日期", family="catalogue", kind="deduct", points=2,
      settings={**COLUMN_SETTINGS, **CATALOGUE_SETTINGS})
def catalogue_fields(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    政府信息公开专栏中读到的文件页面（政策文件、工作动态、解读、处罚、指南、年报）是否在信息索引表中
    给出公开目录的四项要素：索引号、名称、内容概述（或主题分类）、生成日期（成文日期、发布日期亦可）。
    四项齐全的条目少于九成（配置 `catalogue_min_share`）即为不合格，列出缺项最多的页面；
    读到的条目少于 5 条（`catalogue_min_entries`）不作判断。

    ## 为什么
    条例规定政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容；目录要素齐全，
    公众才能检索、引用和依申请查询。

    ## 如何整改
    在信息公开平台的文件模板中加入信息索引表（索引号、名称、主题分类或内容概述、生成日期），
    为已发布的文件补齐缺失的要素。
    """
    min_share, min_entries = settings["catalogue_min_share"], settings["catalogue_min_entries"]
    if (error := unjudgeable(snap, settings)) is not None:
        return error
    entries = catalogue_entries(snap, settings)
    if len(entries) < min_entries:
        return Result.na(f"政府信息公开专栏中只读到 {len(entries)} 个文件页面，不足以判断目录要素")
    missing = {page.url: catalogue_missing(page) for page in entries}
    complete = sum(1 for m in missing.values() if not m)
    share = complete / len(entries)
    counts = {name: sum(1 for m in missing.values() if name in m) for name in CATALOGUE_FIELDS}
    metrics = {"entries": len(entries), "complete": complete, "share": round(share, 4),
               "min_share": min_share, "missing_by_field": counts}
    if share >= min_share:
        return Result.from_findings([], **metrics)
    worst = sorted((p for p in entries if missing[p.url]), key=lambda p: (-len(missing[p.url]), p.url))[:10]
    lacking = "、".join(f"{name} {n} 条" for name, n in counts.items() if n)
    findings = [Finding(message=f"读到的 {len(entries)} 个目录条目中只有 {complete} 个（{share:.0%}）四项要素齐全；"
                                f"缺少：{lacking}", url=worst[0].url, excerpt=worst[0].headline or worst[0].title,
                        evidence={"missing": missing[worst[0].url], "pages": [p.url for p in worst]})]
    return Result.from_findings(findings, **metrics)
