"""The legal texts rules cite, and what a rule cites from them (SPEC §7, §8; docs/legal-basis.md).

A ``LegalText`` is one published document: its title and number, when it took effect and (if it was
replaced) when it stopped, whether it binds every agency (``national``), one place (``local``) or is a
recommended standard, the address of its official text and of the text its quotes were checked
against. A ``Citation`` is one article of one text with a short quote. A rule's basis at an as-of date
is the citations whose texts were in force that day: a 2018 recheck cites the 2008 条例, not the 2019 one.
The texts and citations are data (``rules/citations.yaml``); this module only gives them a shape.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

TextScope = Literal["national", "local", "standard", "guidance"]
SCOPE_NAMES: dict[str, str] = {"national": "全国规定", "local": "地方规定，不是全国规定",
                               "standard": "推荐性国家标准", "guidance": "部委技术规范，参照执行"}


class LegalText(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    key: str
    title: str = Field(pattern=r"^《.+》$")        # the full title, with 《》
    number: str | None = None                     # 文号 or 令号
    cite: str | None = None                       # how a basis line names it, when not number + title
    issuer: str
    in_force: dt.date                             # the day it took effect
    repealed: dt.date | None = None               # the first day it no longer applied
    scope: TextScope
    address: HttpUrl | None = None                # the official published text, where one was found
    checked_at: HttpUrl                           # the text the quotes were checked against
    note: str | None = None                       # what is known of its dates and text, and what is not

    @property
    def name(self) -> str:
        """How a basis line names it: its own short form, else its number, else its title."""
        return self.cite or self.number or self.title

    @property
    def full_name(self) -> str:
        """Title with its number, as a heading or an effective date names it."""
        return f"{self.title}（{self.number}）" if self.number else self.title

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force <= day and (self.repealed is None or day < self.repealed)


class Citation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    text: LegalText
    article: str = Field(min_length=2)            # 第十二条, 第二十条第（六）项, “三、（二）”, 附件“空白栏目”
    quote: str = Field(min_length=6, max_length=160)
    note: str | None = None                       # why this citation, where it corrects an earlier one
    checked_at: HttpUrl | None = None             # where this quote was checked, when not the text's own copy

    @property
    def checked(self) -> HttpUrl:
        """The address of the text this quote was checked against."""
        return self.checked_at or self.text.checked_at


def in_force_on(citations: tuple[Citation, ...], day: dt.date | None) -> tuple[Citation, ...]:
    """The citations whose texts applied on ``day``; ``None``: those not repealed (the law today).
    Where none applied (a rule not yet in force that day) all of them, so a basis is never empty. A local
    text that only supports a national one (a city's notice quoting it) is left out of the basis line."""
    chosen = tuple(c for c in citations
                   if (c.text.repealed is None if day is None else c.text.in_force_on(day)))
    chosen = chosen or citations
    return tuple(c for c in chosen if c.text.scope != "local") or chosen


def basis_line(citations: tuple[Citation, ...]) -> str:
    """One line naming each text once with its articles: 《政府信息公开条例》第四十九条、第五十条；国办发〔2016〕80号…"""
    articles: dict[str, list[str]] = {}
    for c in citations:
        shown = articles.setdefault(c.text.name, [])
        if c.article not in shown:
            shown.append(c.article)
    return "；".join(name + _joined(arts) for name, arts in articles.items())


def _joined(articles: list[str]) -> str:
    """第四十九条、第五十条 right after the name; a section heading after a space."""
    shown = "、".join(a for a in articles if a != "全文")
    return shown if not shown or shown[0] in "第（《" else f" {shown}"
