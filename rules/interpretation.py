"""INT — 政策解读 with their documents: 同步组织、同步审签、同步部署 (三同步)."""
from __future__ import annotations

from auditor.core.extract.dates import to_date
from auditor.core.results import Count
from auditor.core.snapshot import SiteSnapshot

from rules.agency import AGENCY_SETTINGS, agency_of, is_mere_notice, ownership
from rules.in_force import INTERPRETATION_80
from rules.pairing import PAIRING_SETTINGS, Pair, pair_documents
from rules.registry import Finding, Result, Setting, rule


def _describe(doc) -> str:
    """“title”（文号，date 发布） — how an official names a document."""
    details = "，".join(filter(None, [doc.doc_number, f"{doc.published} 发布" if doc.published else None]))
    title = f"“{doc.headline or doc.title or doc.url}”"
    return f"{title}（{details}）" if details else title


@rule(code="INT001", in_force=INTERPRETATION_80, title="政策文件配发解读", failure_title="政策文件未配发解读",
      family="interpretation", kind="deduct", each=True, points=1, cap=10,
      settings={**PAIRING_SETTINGS, **AGENCY_SETTINGS})
def documents_interpreted(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    本机关自己起草的每份规章、规范性文件（文号含“规”或“令”，或发布在“规范性文件”“政策文件”栏目）
    是否有对应的政策解读（谁起草谁解读）。转发、转载的上级或其他机关文件，以及只带文号的会议、培训
    等通知，不是本机关的政策文件，不检查。本机关的名称和文号前缀取自配置方案（`agency_names`、
    `doc_prefixes`），没有时从网站推断（网站名称、页脚主办单位、以本机关名义发布的文件的文号前缀），
    并写在结果中；无法确定的，结论只作警告，供人工确认。配对先看两者之间的链接（链接到同一文件在
    其他栏目的副本也算），再看解读标题中的《文件名称》或正文中的文号。每份没有解读的文件计一条问题，
    列出标题、文号和日期。

    ## 为什么
    “谁起草谁解读”：政策文件与解读材料应同步组织、同步审签、同步部署，帮助公众理解政策背景、
    主要内容和执行要点。

    ## 如何整改
    为所列文件补充政策解读（文字解读、图解、一图读懂、答记者问等），在解读中注明原文链接，
    并在文件页面链接解读。
    """
    pairing = pair_documents(snap, settings)
    agency = agency_of(snap, settings)
    own = {id(d): ownership(d, agency) for d in pairing.docs if not is_mere_notice(d)}
    docs = [d for d in pairing.docs if own.get(id(d), "other") != "other"]
    if not docs:
        return Result.na(f"没有找到本机关起草的规章或规范性文件（{agency.describe()}）",
                         agency_names=agency.names, doc_prefixes=agency.prefixes)
    findings = [Finding(message=f"{_describe(doc)} 未找到对应的政策解读"
                        + ("（无法确定是否本机关起草，请人工确认）" if own[id(doc)] == "unknown" else ""),
                        url=doc.url, excerpt=doc.headline, status="fail" if own[id(doc)] == "own" else "warn",
                        evidence={"doc_number": doc.doc_number, "published": doc.published})
                for doc in docs if pairing.pair_of(doc) is None]
    return Result.from_findings(findings, message=agency.describe(), documents=len(docs),
                                not_own=len(pairing.docs) - len(docs), paired=len(pairing.pairs),
                                interpretations=len(pairing.interps), agency_names=agency.names,
                                doc_prefixes=agency.prefixes, agency_inferred=agency.inferred)


@rule(code="INT002", in_force=INTERPRETATION_80, title="解读与文件同步发布", failure_title="政策解读发布滞后",
      family="interpretation", kind="deduct", each=True, points=0.5, cap=5,
      settings={**PAIRING_SETTINGS, "interpretation_max_lag_workdays": Setting(
          type=Count, default=3,
          source="地方做法（如郑州市政务公开工作要点的 3 个工作日）；全国规定为“同步”（国办发〔2016〕80号），设为 0 即按全国口径",
          description="解读晚于文件发布的最多工作日数")})
def interpreted_in_time(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    政策解读是否与文件同步发布。全国的规定是“同步”（国办发〔2016〕80号）；允许晚于文件
    `interpretation_max_lag_workdays`（默认 3）个工作日，是部分省市写明的宽限（如郑州市的政务公开
    工作要点），属于地方做法，不是全国规定——按全国口径严格检查时在配置方案中设为 0。工作日按
    国家法定节假日和调休安排计算，发布当日不计入。每份滞后的解读计一条问题，写明两个日期和工作日数。

    ## 为什么
    “三同步”要求解读与文件同步部署；滞后发布的解读不能在政策出台时回应社会关切。

    ## 如何整改
    解读材料随文件一并报批，文件公开时同步发布解读（部分地方允许确有特殊情况时最迟 3 个工作日内发布，
    这是地方做法，不是全国规定）。
    """
    pairing = pair_documents(snap, settings)
    if not pairing.pairs:
        return Result.na("没有配对的文件和解读")
    calendar, limit = settings["calendar"], settings["interpretation_max_lag_workdays"]
    findings, judged = [], 0
    for pair in pairing.pairs:
        doc_date, interp_date = to_date(pair.doc.published), to_date(pair.interp.published)
        if doc_date is None or interp_date is None:
            findings.append(Finding(message=f"{_describe(pair.doc)} 或其解读未标注发布日期，无法判断是否同步",
                                    url=pair.interp.url, status="warn"))
            continue
        judged += 1
        lag = calendar.workdays_between(doc_date, interp_date)
        if lag > limit:
            findings.append(Finding(
                message=f"解读 {interp_date} 发布，文件 {doc_date} 发布，相隔 {lag} 个工作日，超过 {limit} 个工作日",
                url=pair.interp.url, excerpt=pair.interp.headline,
                evidence={"document": pair.doc.url, "document_published": doc_date,
                          "interpretation_published": interp_date, "workdays": lag, "limit": limit}))
    return Result.from_findings(findings, pairs=len(pairing.pairs), judged=judged)


@rule(code="INT003", in_force=INTERPRETATION_80, title="文件与解读相互链接", failure_title="文件与解读未相互链接",
      family="interpretation", kind="deduct", each=True, points=0.5, cap=5,
      settings=PAIRING_SETTINGS)
def linked_both_ways(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    文件页面是否链接到它的解读，解读页面是否链接回文件（链接到同一文件或解读在其他栏目的副本也算）。
    每对缺少链接的文件和解读计一条问题，并说明缺的是哪个方向。

    ## 为什么
    相互链接让读者从文件直接看到解读、从解读回到原文，是“同步部署”在网页上的体现，
    也是检查中核对“三同步”的依据。

    ## 如何整改
    在文件页面的“相关解读”处链接解读，在解读页面的“相关文件”或“原文链接”处链接文件。
    """
    pairing = pair_documents(snap, settings)
    if not pairing.pairs:
        return Result.na("没有配对的文件和解读")
    findings = [_missing_links(pair) for pair in pairing.pairs
                if not (pair.doc_links_interp and pair.interp_links_doc)]
    return Result.from_findings(findings, pairs=len(pairing.pairs))


def _missing_links(pair: Pair) -> Finding:
    if not pair.doc_links_interp and not pair.interp_links_doc:
        message, url = "文件与解读页面之间没有任何链接", pair.doc.url
    elif not pair.doc_links_interp:
        message, url = "文件页面没有链接到解读（解读已链接文件）", pair.doc.url
    else:
        message, url = "解读页面没有链接回文件（文件已链接解读）", pair.interp.url
    return Finding(message=f"{_describe(pair.doc)}：{message}", url=url, excerpt=pair.doc.headline,
                   evidence={"document": pair.doc.url, "interpretation": pair.interp.url,
                             "document_links_interpretation": pair.doc_links_interp,
                             "interpretation_links_document": pair.interp_links_doc})
