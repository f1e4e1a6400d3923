"""Documents that repeal, invalidate or amend others, and the marks a repealed document carries.

A later document says so in a sentence: "《榕江市…管理办法》（榕市监规〔2019〕3号）同时废止", "关于废止《…》
的决定", "对《…》作如下修改". The earlier document's page should then say it is no longer in force:
a status field (有效性：已废止), a badge (【已失效】) or its own title. Read from the text a page keeps
(policy documents, interpretations, guides) and its headline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.core.extract.docinfo import DOC_NUMBER, normalise_doc_number

_TITLE = re.compile(r"《([^《》]{6,80})》")
_SENTENCE = re.compile(r"[^。；;！!\n]+")
# what a sentence does to the documents it names
_REPEALS = re.compile(r"同时废止|予以废止|决定废止|关于废止|一并废止|废止|宣布失效|同时失效|予以失效|停止执行|不再执行")
_AMENDS = re.compile(r"修改《|作如下修改|予以修改|关于修改")
# a document's own page saying it is no longer (wholly) in force
_STATUS_FIELD = re.compile(
    r"(?:有效性|时效性|效力状态|效力|文件状态|有效状态|状态)\s*[:：]?\s*(?:已经?)?(?:废止|失效|无效|修改|修订|宣布失效)"
    r"|是否有效\s*[:：]?\s*(?:否|无效|失效)"
    r"|(?:失效|废止)(?:日期|时间)\s*[:：]\s*(?:19|20)\d{2}")
_SELF_MARK = re.compile(r"(?:本|该|此)(?:规范性文件|文件|通知|办法|规定|规则|意见|细则|决定|方案|公告|通告|制度)[^。；]{0,20}?"
                        r"(?:已经?(?:于[^。；，]{0,16}?)?|予以|被)(?:宣布)?(?:废止|失效|修改|修订)")
_BADGE = re.compile(r"^[【\[（(]?\s*(?:已经?)?(?:废止|失效|修改|修订|宣布失效)\s*[】\]）)]?$")
_TITLE_MARK = re.compile(r"[【\[（(]\s*(?:已经?)?(?:废止|失效|修改|修订)\s*[】\]）)]")


@dataclass(slots=True)
class Declaration:
    action: str                      # "废止" (repealed or invalidated) or "修改"
    sentence: str
    titles: list[str]                # the documents it names, by 《title》
    numbers: list[str]               # and by 文号 (normalised)


_CLAUSE = re.compile(r"[^，,]+")
_ARTICLE = re.compile(r"》[^《》]{0,30}?第[一二三四五六七八九十百零〇\d]+(?:条|款|项)")   # 《…》第十条同时废止: a part
_LIST_FOLLOWS = re.compile(r"(?:以下|下列)[^。；]{0,20}?[:：]\s*$|(?:以下|下列)[^。；]{0,20}?(?:废止|失效)")


def declarations(text: str | None) -> list[Declaration]:
    """The sentences of ``text`` that repeal, invalidate or amend named documents. Only the clause
    that says so names them: in "根据《甲》，废止《乙》" 《甲》 is the authority, not repealed."""
    found = []
    listing: tuple[str, str] | None = None          # "决定废止以下规范性文件：" and the lines that list them
    for line in (text or "").split("\n"):
        if listing is not None:
            titles, numbers = _refs(line)
            if titles or numbers:
                found.append(Declaration(listing[0], f"{listing[1]}{line.strip()}"[:300], titles, numbers))
                continue
            if line.strip():
                listing = None
        for m in _SENTENCE.finditer(line):
            sentence = m.group(0).strip()
            for clause in _CLAUSE.findall(sentence):
                action = "废止" if _REPEALS.search(clause) else "修改" if _AMENDS.search(clause) else None
                if action is None:
                    continue
                titles, numbers = _refs(clause)
                if action == "废止" and _ARTICLE.search(clause):
                    action = "修改"                 # an article repealed: the document is amended, not gone
                if titles or numbers:
                    found.append(Declaration(action, sentence[:300], titles, numbers))
                elif _LIST_FOLLOWS.search(line):
                    listing = (action, sentence[:120])
    return found


def _refs(text: str) -> tuple[list[str], list[str]]:
    return ([t.strip() for t in _TITLE.findall(text)],
            [normalise_doc_number(n.group(0)) for n in DOC_NUMBER.finditer(text)])


def carries_mark(headline: str | None, text: str | None) -> bool:
    """Whether a document's own page says it has been repealed, invalidated or amended."""
    if headline and _TITLE_MARK.search(headline):
        return True
    body = text or ""
    if _STATUS_FIELD.search(body) or _SELF_MARK.search(body):
        return True
    return any(_BADGE.match(line.strip()) for line in body.split("\n")[:60] if line.strip())
