"""PRV — personal information on published pages (条例 第十五条; 个人信息保护法)."""
from __future__ import annotations

import re

from auditor.core.extract.markers import MARKERS
from auditor.core.models import PageRecord
from auditor.core.snapshot import SiteSnapshot

from rules.registry import Finding, Result, rule

_SUFFIXES = tuple(MARKERS["organisation_suffixes"])
_LABEL = re.compile("|".join(MARKERS["person_labels"]))
_TOKEN = re.compile(r"(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5·]{2,4})(?![\u4e00-\u9fa5])")
_PLACES = tuple(MARKERS["place_suffixes"])
_NOT_NAMES = {"联系电话", "联系方式", "电话", "手机", "住所", "地址", "名称", "姓名", "性别", "男", "女"}


def is_person(name: str | None) -> bool:
    """A party named like a natural person: a short name that is no organisation."""
    name = (name or "").strip()
    return 2 <= len(name) <= 4 and bool(re.fullmatch(r"[\u4e00-\u9fa5·]+", name)) and not name.endswith(_SUFFIXES)


def _is_publication(page: PageRecord) -> bool:
    words = MARKERS["publication_page_words"]
    return page.kind == "penalty" or any(w in f"{page.headline or ''}{page.column or ''}" for w in words)


def _person_party(page: PageRecord, context: str) -> str | None:
    """A natural person's name standing alone in the context, shortly after a party label
    (当事人 / 经营者 …)."""
    for m in _TOKEN.finditer(context):
        name = m.group(1)
        if name in _NOT_NAMES or _LABEL.fullmatch(name) or not is_person(name):
            continue
        if _LABEL.search(context[max(0, m.start() - 16):m.start()]):
            return name
    return None                     # a number with no party next to it is someone else's (承办人…)


# 5 points each, capped at the PRV indicator's value (SPEC §5: PRV 5); 19号 has no privacy veto item
@rule(code="PRV001", title="不公开完整的居民身份证号码", failure_title="页面公开了完整的居民身份证号码",
      family="privacy", kind="deduct", each=True, points=5, cap=5)
def id_numbers(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    页面正文、属性值或脚本中是否出现完整的 18 位居民身份证号码（地区码、出生日期合理，且校验位符合
    GB 11643）。已作遮挡的号码（中间用 * 或 × 代替）、校验位不符的 18 位数字、统一社会信用代码、
    订单号等不算。报告中只显示遮挡后的号码。

    ## 为什么
    公开完整身份证号码会泄露个人信息，违反条例第十五条和个人信息保护法。国办秘函〔2019〕19号的
    单项否决项中没有个人信息一项，因此全国方案按每处扣 5 分计（上限为本项指标分值）；地方方案可将其
    设为单项否决。

    ## 如何整改
    立即撤下或遮挡所列页面中的身份证号码（保留前 6 位和后 4 位，中间以 * 代替），
    检查同类页面和附件，并建立发布前的个人信息审查。
    """
    pages = list(snap.pages())
    if not pages:
        return Result.na("没有抓取到页面")
    findings = [Finding(message=f"页面{'源代码' if hit.where == 'source' else ''}中有完整的居民身份证号码 {hit.masked}",
                        url=page.url, excerpt=hit.context, evidence={"number": hit.masked})
                for page in pages for hit in page.pii if hit.kind == "id_number"]
    return Result.from_findings(findings, pages_checked=len(pages))


@rule(code="PRV002", title="公示页面不公开自然人手机号码", failure_title="公示页面公开了自然人手机号码",
      family="privacy", kind="deduct", each=True, points=1, cap=5)
def mobile_numbers(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    行政处罚决定、公示、公告等页面上，紧挨自然人当事人（当事人、经营者、业主等为个人姓名）出现的
    完整手机号码（1 开头的 11 位号码）。机关办公电话、已遮挡的号码不算。报告中只显示遮挡后的号码。

    ## 为什么
    自然人的手机号码属于个人信息，公示处罚或其他事项时不应公开；条例第十五条和个人信息保护法
    要求公开时对个人信息作去标识化处理。

    ## 如何整改
    对所列页面中的手机号码作遮挡处理（如 139****7326），并在公示模板中去掉个人联系方式字段。
    """
    pages = [p for p in snap.pages() if _is_publication(p)]
    if not pages:
        return Result.na("没有处罚或公示类页面")
    findings = []
    for page in pages:
        mobiles = [hit for hit in page.pii if hit.kind == "mobile"]
        listed = [(hit, name) for hit in mobiles if (name := _listed_person(hit))]
        for hit in mobiles:
            person = _person_party(page, hit.context)
            if person:
                findings.append(Finding(message=f"自然人当事人（{person[0]}某）的手机号码 {hit.masked} 未遮挡",
                                        url=page.url, excerpt=hit.context, evidence={"number": hit.masked}))
            elif len(listed) >= LISTED_PERSONS and (name := dict((id(h), n) for h, n in listed).get(id(hit))):
                findings.append(Finding(message=f"公示名单中自然人（{name[0]}某）的手机号码 {hit.masked} 未遮挡",
                                        url=page.url, excerpt=hit.context, evidence={"number": hit.masked}))
    return Result.from_findings(findings, pages_checked=len(pages))


# A 公示 list of people (补贴发放, 评选, 资格 …) gives each row's name right before the number; one such
# pair may be the agency's own contact person (联系人：王某 139…), three or more are a list of people.
LISTED_PERSONS = 3
# a list of officials (防汛责任人, 包保责任人, 值班表): their numbers are published for the public to call
_ROSTER = re.compile(r"责任人|负责人|职务|值班|带班|包保|联络员|网格员|书记|主任|局长|镇长|乡长|村长|站长|所长|队长")


def _listed_person(hit) -> str | None:
    """The natural person's name right before the number in a row of a list (张三 138…)."""
    at = hit.context.find(hit.masked)
    if at < 0:
        return None
    before = hit.context[max(0, at - 14):at]
    if re.search(r"联系人|咨询|办公|监督|举报", hit.context[max(0, at - 20):at]) or _ROSTER.search(hit.context):
        return None                 # the agency's own contact, or a roster of officials on duty
    for m in _TOKEN.finditer(before):          # the row's first name-like cell (a village column may follow)
        name = m.group(1)
        if name not in _NOT_NAMES and not _LABEL.fullmatch(name) and is_person(name) \
                and not name.endswith(_PLACES):
            return name
    return None
