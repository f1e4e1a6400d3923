"""What a list looks like in a page's markup: an element named as a list (by its id or class) and
whether it holds anything. The blank-column check (``empty_list``, COL004) and the script-built check
(``platforms.looks_script_built``) read lists the same way."""
from __future__ import annotations

import logging
import re

from auditor.core.extract.html import element_text
from auditor.core.extract.markers import MARKERS

log = logging.getLogger(__name__)

LIST_WORD = re.compile(r"(?:^|[\s_\-])(?:list|lists|lb|liebiao|news|xxgk|gkml|zfxxgk|article|articles|"
                       r"items?|records?|results?|data|datalist|wjlb|zcwj|infolist|newslist)"
                       r"(?:$|[\s_\-\d])|(?:list|lb)$", re.IGNORECASE)
NOT_LIST = re.compile(r"page|pager|pagination|fenye|nav|menu|banner|footer|header|search|share|"
                      r"slide|tab(?:s|title)|login|weather|clock|time|no-?data|empty|none|nothing",
                      re.IGNORECASE)
_NONE = "|".join(sorted(map(re.escape, MARKERS["placeholder_none"]), key=len, reverse=True))
_WHAT = "|".join(map(re.escape, MARKERS["placeholder_what"]))
_QUALIFIER = "|".join(sorted(map(re.escape, MARKERS["placeholder_qualifiers"]), key=len, reverse=True))
# "there is no …": a none-word, a qualifier or two (相关 / 符合条件的 / 任何), then what is missing
_SAYS_NOTHING = re.compile(rf"(?:{_NONE})(?:(?:19|20)\d{{2}}年度?)?(?:{_QUALIFIER}){{0,2}}(?:{_WHAT})")
# what may follow it: punctuation and a courtesy (敬请期待), nothing that makes it a name (无发布会, 无更新日期)
_AFTER = re.compile(r"^[，,。.！!…～~\s]*(?:敬请期待|请稍后(?:再试|查看)?|请关注)?[，,。.！!…～~\s]*$")


_LEAD = re.compile(r"^(?:对不起|很抱歉|抱歉|本栏目下?|该栏目下?|此栏目下?|当前栏目下?|栏目下|本页|该页面?|[，,！!。：:\s])*")


def is_placeholder(text: str) -> bool:
    """A line that says the list is empty, in any of the ways sites word it: 暂无信息, 本栏目暂时没有
    相关信息, 没有找到符合条件的记录, 无记录 — read as a family, not a list of phrases."""
    text = re.sub(r"\s+", "", text or "")
    if not text or len(text) > MARKERS["placeholder_max_chars"]:
        return False
    if any(w in text for w in MARKERS["placeholder_text"]):
        return True
    if any(word in text for word in MARKERS["placeholder_not"]):
        return False
    # the whole line says it: an apology or the column's name may lead, little may follow
    bare = _LEAD.sub("", text)
    m = _SAYS_NOTHING.match(bare)
    return bool(m) and bool(_AFTER.match(bare[m.end():]))
_EMPTY_COUNT = re.compile(r"共\s*0\s*(?:条|篇|项|页|个)|(?:总数|记录数|总条数)\s*[:：]\s*0(?!\d)")
_LIST_MARKUP = ("ul", "ol", "tbody", "table", "dl")


def named_as_list(el) -> bool:
    """Its id or class names a list (news-list, infolist, wjlb …), not a pager, menu or banner."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}".strip()
    return bool(names) and bool(LIST_WORD.search(names)) and not NOT_LIST.search(names)


def holds_nothing(el) -> bool:
    """No link inside, and at most a header row's or a "加载中…" placeholder's worth of text — but
    not the server's own "暂无信息": that list says it is empty."""
    if any(a.get("href") for a in el.iter("a")):
        return False
    text = element_text(el)
    return len(text) <= 40 and not is_placeholder(text)


def empty_list(root, lines: list[str]) -> bool:
    """The page shows an empty list with no "暂无信息" text: a list element (by its markup and its
    id or class) without an entry, or a pager that counts 0 entries. A blank column (COL004) all the
    same; whether a script fills it is ``platforms.looks_script_built``'s question."""
    try:
        # a pager's count: a short line of its own, or one with the pager's words
        if any(_EMPTY_COUNT.search(line) and (len(line) <= 20 or "页" in line or "记录" in line)
               for line in lines if len(line) <= 60):
            return True
        body = root.find("body") if root is not None else None
        return body is not None and any(named_as_list(el) and holds_nothing(el) for el in body.iter(*_LIST_MARKUP))
    except Exception:
        log.debug("empty_list failed", exc_info=True)
        return False
