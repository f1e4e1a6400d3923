"""ERR — 严重错误 (国办秘函〔2019〕19号 单项否决 "安全、泄密事故等严重问题"：出现严重表述错误) and
一般错别字, from the curated list auditor/core/data/errors.yaml (each entry with its correct form
and its source) as the extractor found them in every page's text."""
from __future__ import annotations

from auditor.core.models import PageRecord, TextError
from auditor.core.snapshot import SiteSnapshot

from rules.in_force import INDICATORS_19
from rules.locate import homepage_unread
from rules.registry import Finding, Result, rule

KIND_WORDS = {"leader_name": "党和国家领导人姓名", "body_name": "党和国家机关名称", "title": "职务称谓",
              "political_term": "政治表述"}


def _hits(snap: SiteSnapshot, level: str) -> list[tuple[PageRecord, TextError]]:
    """The errors of the agency's own text: a 政务咨询 page's messages are the public's words."""
    return [(page, hit) for page in snap.pages() if not page.messages for hit in page.errors if hit.level == level]


def _finding(page: PageRecord, hit: TextError, what: str) -> Finding:
    return Finding(message=f"{what}：“{hit.wrong}”应为“{hit.right}”", url=page.url, excerpt=hit.context,
                   evidence={"wrong": hit.wrong, "right": hit.right, "sources": hit.sources})


@rule(code="ERR001", in_force=INDICATORS_19, title="没有严重表述错误", failure_title="出现严重表述错误",
      family="errors", kind="veto")
def severe_errors(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    所有抓取页面的正文中是否出现严重表述错误：党和国家领导人姓名写错（如“习近乎”“国务院总理李蔷”）、
    党和国家机关名称写错（如“中华人民共合国”）、职务称谓和固定政治表述错误。错误写法来自人工核对的
    清单（auditor/core/data/errors.yaml，每条注明正确写法及其依据）。清单只收在任何语境下都不可能
    正确的写法：可能是他人真名的写法只在紧邻职务或常委排序时判定，包含在正确词语中的（如“学习近乎”）
    不计，前后 40 字内有“更正”“误为”“应为”“有误”等字样（引述错误以纠正）或标题为更正、勘误、致歉的
    页面不计；政务咨询页面上网民留言的文字不是本机关的表述，不计。
    每个页面的每种错误计一条问题，附前后文供人工复核。机构更名后仍用旧称等需要结合日期判断的情形
    不在本项检查之列。

    ## 为什么
    国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》把“出现严重表述错误”列为“安全、泄密事故等
    严重问题”，属单项否决；2015 年普查评分表以“将党和国家领导人姓名写错”为例。

    ## 如何整改
    立即更正错误内容，在更正处注明更正情况；建立信息发布“三审”制度，对涉及领导人姓名、机构名称和
    重要表述的内容重点核校。
    """
    if (error := homepage_unread(snap)) is not None:
        return error
    hits = _hits(snap, "severe")
    findings = [_finding(page, hit, KIND_WORDS.get(hit.kind or "", "严重表述错误")) for page, hit in hits]
    return Result.from_findings(findings, pages_checked=sum(1 for _ in snap.pages()))


@rule(code="ERR002", title="没有常见错别字", failure_title="页面有错别字",
      family="errors", kind="deduct", points=0.1, each=True, cap=2)
def common_errors(snap: SiteSnapshot, settings: dict) -> Result:
    """
    ## 检查内容
    所有抓取页面的正文中是否有常见错别字（如“甘败下风”“松驰”“再接再励”）：清单只收错误写法在任何语境下都
    不成立的词对（多数出自《咬文嚼字》公布的常见别字和年度十大语文差错，auditor/core/data/errors.yaml），
    不把非推荐的异形词（其它、交待等）算作错字；引述、更正错字的页面和段落不计。每个页面的每个错别字
    计一条问题。

    ## 为什么
    国家通用语言文字法规定国家机关以规范汉字为公务用字；政府网站是政府的网上窗口，错别字损害权威性
    和公信力，检查中发现的错别字通常被通报并要求整改。

    ## 如何整改
    更正错别字；在发布前用校对工具和人工审校，把本清单中的词加入本单位的校对词库。
    """
    if (error := homepage_unread(snap)) is not None:
        return error
    findings = [_finding(page, hit, "错别字") for page, hit in _hits(snap, "common")]
    return Result.from_findings(findings, pages_checked=sum(1 for _ in snap.pages()))
