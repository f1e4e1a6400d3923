"""What the 整改通知 says, built once from a report; the DOCX and PDF writers only lay it out.

Every text here except the fixed wording comes from crawled pages (finding messages, excerpts, the
site's name): the writers treat it as plain text, never as markup. It is cleaned of the characters
XML cannot hold, and messages and excerpts are cut to a length a printed notice can carry.

The deadline defaults to the audit date plus ``DEFAULT_DEADLINE_DAYS``: a time limit the inspecting
office sets for itself, not a period in any law or regulation; ``--deadline`` states the office's own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from auditor.core.errors import ConfigError
from auditor.core.report import FindingOut, Report, ResultOut, is_unreachable
from auditor.core.textsafe import xml_safe

from reports.wording import plain

DEFAULT_DEADLINE_DAYS = 30          # the office's default time to rectify — its choice, not a legal period
DEFAULT_OFFICE = "（检查单位）"
MESSAGE_MAX, EXCERPT_MAX = 500, 200  # characters of a finding's message / page excerpt the notice prints
FORM_TITLE = "整改情况反馈表"
FORM_HEADERS = ("序号", "问题", "网址", "整改措施", "完成时间", "责任人")
FORM_DATE = "填报日期：　　　　年　　月　　日"
_LISTED = ("fail", "warn")          # the rule statuses the notice lists (na, pass and error are not problems)


@dataclass(frozen=True)
class Finding:
    number: int                 # 序号: one numbering for the body and the reply form
    code: str
    message: str
    url: str | None
    excerpt: str | None
    to_confirm: bool            # a "warn" finding: for the agency to check, not a settled fault

    @property
    def label(self) -> str:
        return f"（{self.number}）{self.message}" + ("【需核实】" if self.to_confirm else "")

    @property
    def form_problem(self) -> str:
        return f"{self.message}（{self.code}）" + ("【需核实】" if self.to_confirm else "")


@dataclass(frozen=True)
class Problem:
    code: str
    heading: str                # "1. 行政处罚决定公开超期（PEN001，扣 2 分）"
    basis: str
    fix: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Family:
    heading: str                # "（一）行政处罚公开"
    title: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Notice:
    title: str
    addressee: str              # "榕江市市场监督管理局：" — the audited agency
    site: str                   # its name, else its host
    lead: str
    overview: tuple[str, ...]   # the score, grade, vetoes and how much was found
    families: tuple[Family, ...]
    deadline: dt.date
    requirements: tuple[str, ...]
    office: str
    issued: dt.date

    @property
    def findings(self) -> list[Finding]:
        return [f for fam in self.families for p in fam.problems for f in p.findings]

    @property
    def has_problems(self) -> bool:
        return bool(self.families)

    @property
    def form_header(self) -> str:
        return f"填报单位（盖章）：{self.site}"


def cn_date(day: dt.date) -> str:
    """A date as 公文 write it: 2026年12月3日."""
    return f"{day.year}年{day.month}月{day.day}日"


_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (headings run well below 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def clean(text: str | None, limit: int | None = None) -> str:
    """Crawled text for a document: XML-safe, on one line, cut at ``limit`` characters."""
    text = " ".join(xml_safe(text or "").split())
    if limit and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text


def site_of(report: Report) -> str:
    name = clean(report.site.name)
    return name or clean(urlsplit(report.site.url).hostname or report.site.url)


def default_deadline(as_of: dt.date) -> dt.date:
    return as_of + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)


def _loss(r: ResultOut) -> str:
    if r.veto_hit:
        return "单项否决"
    if r.points_lost:
        return f"扣 {r.points_lost:g} 分"
    return "需核实，未扣分" if r.status == "warn" else "未扣分"


def _overview(report: Report, listed: list[ResultOut], findings: int, to_confirm: int) -> tuple[str, ...]:
    score = report.score
    if is_unreachable(report) or score.total is None:
        verdict = f"检查时网站无法访问，未能评分，等级为“{score.grade}”。"
    elif score.veto:
        vetoes = "；".join(f"{(r.failure_title if (r := report.result(c)) else c)}（{c}）" for c in score.veto)
        verdict = (f"网站存在单项否决问题：{clean(vetoes)}。等级评定为“{score.grade}”，"
                   f"按扣分指标计算的 {score.total:g} 分仅作参考。")
    else:
        verdict = f"网站得分 {score.total:g} 分（百分制），等级为“{score.grade}”。"
    if listed:
        found = f"共发现问题 {len(listed)} 项、{findings} 处" + \
            (f"，其中标注“需核实”的 {to_confirm} 处请你单位核实后处理。" if to_confirm else "。")
    elif not is_unreachable(report):
        found = "本次检查未发现需要整改的问题。"
    else:
        found = "网站无法访问，各项内容未能检查。"
    errored = [r for r in report.results if r.status == "error"]
    if errored and not is_unreachable(report):
        found += (f"另有 {len(errored)} 项因检查出错未能判断（{clean('、'.join(f'{r.title}（{r.code}）' for r in errored[:10]))}"
                  + ("等" if len(errored) > 10 else "") + "），不代表不存在问题。")
    scope = f"本次检查共读取网页 {report.crawl.pages} 个。"
    if report.crawl.truncated:
        scope = scope[:-1] + "，受检查范围所限未覆盖网站全部页面，未列出的问题不代表不存在。"
    return verdict, found, scope


def _requirements(deadline: dt.date) -> tuple[str, ...]:
    return (
        f"请于{cn_date(deadline)}前完成上述问题的整改。",
        "请举一反三，对网站其他页面中的同类问题一并排查整改，并健全信息发布审核和日常监测机制。",
        f"请逐项填写附件《{FORM_TITLE}》，写明整改措施、完成时间和责任人，经单位主要负责人审核并加盖公章后，"
        "于整改期限届满前报送我单位。",
        "对标注“需核实”的问题，请核实后据实处理；认为不属于问题或暂不具备整改条件的，"
        "请在“整改措施”栏说明理由并附相关材料。",
        "整改期满后，我单位将对整改情况进行复查。",
    )


def build_notice(report: Report, *, deadline: dt.date | None = None, office: str | None = None,
                 issued: dt.date | None = None) -> Notice:
    """The notice for one report. ``issued`` (the signature date) defaults to today, never before the audit."""
    as_of = dt.date.fromisoformat(report.as_of)
    deadline = deadline or default_deadline(as_of)
    if deadline < as_of:
        raise ConfigError(f"整改期限 {deadline.isoformat()} 早于检查日期 {as_of.isoformat()}")
    issued = issued or max(dt.date.today(), as_of)
    listed = [r for r in report.results if r.status in _LISTED]
    groups: dict[str, list[Problem]] = {}
    number = 0
    for r in listed:
        found = []
        for f in r.findings or [FindingOut(message=r.message or r.failure_title, status=r.status)]:
            number += 1
            found.append(Finding(number=number, code=r.code, message=clean(f.message, MESSAGE_MAX),
                                 url=clean(f.url) or None, excerpt=clean(f.excerpt, EXCERPT_MAX) or None,
                                 to_confirm=f.status == "warn" or r.status == "warn"))
        problems = groups.setdefault(r.family_title, [])
        heading = f"{len(problems) + 1}. {clean(r.failure_title)}（{r.code}，{_loss(r)}）"
        problems.append(Problem(code=r.code, heading=heading, basis=clean(plain(r.basis)), fix=clean(plain(r.fix)),
                                findings=tuple(found)))
    families = tuple(Family(heading=f"（{cn_number(i)}）{clean(title)}", title=clean(title), problems=tuple(ps))
                     for i, (title, ps) in enumerate(groups.items(), 1))
    site = site_of(report)
    url = clean(report.site.url)
    to_confirm = sum(f.to_confirm for fam in families for p in fam.problems for f in p.findings)
    subject = "政府信息公开问题的整改通知" if listed else "政府信息公开检查情况的通知"
    return Notice(
        title=f"关于{site}{'' if site.endswith('网站') else '网站'}{subject}", addressee=f"{site}：", site=site,
        lead=(f"根据政府网站与政务公开工作有关规定，我单位于{cn_date(as_of)}对你单位网站（{url}）的政府信息公开"
              + ("情况进行了检查。现将检查发现的问题通知如下，请认真组织整改。" if listed
                 else "情况进行了检查，现将检查情况通知如下。")),
        overview=_overview(report, listed, number, to_confirm), families=families, deadline=deadline,
        requirements=_requirements(deadline) if listed else (), office=clean(office) or DEFAULT_OFFICE,
        issued=issued)
