"""政务咨询 / 互动回应 pages (SPEC §8 HDJ): the messages a 领导信箱, 咨询, 留言, 12345 or 网上信访
channel publishes, read from four layouts: a table whose header row names the columns (标题 | 留言时间 |
答复时间 | 办理状态 | 答复单位); list rows (``<li>``, ``<div>``, a table without header) that each carry a
printed status (``[已回复]``) or a labelled date (``留言时间：2024-05-06``) beside one title; a detail page
of labelled blocks (留言时间 / 留言内容 / 答复单位 / 答复内容, in lines or ``th``/``td`` rows); JSON rows
keyed by common names (title, createTime, replyTime, status, replyDept). Vocabulary: data/messages.yaml.

Nothing is guessed: a date without its year, a status the page does not print, a date whose label does
not say whose it is — each stays None (a list row's one unlabelled date is kept apart, ``unlabelled_date``).
Whether a page belongs to a message channel is the caller's question (``is_message_channel``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources

import yaml

from auditor.core.extract.dates import find_dates, parse_date
from auditor.core.extract.html import clean_space, element_text, inline_words, tag_of
from auditor.core.extract.links import base_url, resolve_href as resolve_link
from auditor.core.extract.tables import cell_span, own_rows
from auditor.core.models import IN_PROGRESS, REPLIED, UNREPLIED, Message

VOCAB = yaml.safe_load(resources.files("auditor.core").joinpath("data/messages.yaml").read_text(encoding="utf-8"))

_STATUS_WORD = {word: kind for kind in (REPLIED, UNREPLIED, IN_PROGRESS) for word in VOCAB["status"][kind]}
_LABELS: dict[str, list[str]] = VOCAB["labels"]
_EMPTY = {str(v).lower() for v in VOCAB["empty_values"]}
_SKIP = {"script", "style", "template", "noscript", "select", "option"}
_MAX_TITLE, _MAX_VALUE, _MAX_ROW = 200, 100, 600
GENERIC_TEXTS = {str(t).lower() for t in VOCAB["channel"]["generic_texts"]}     # 更多>>, 查看详情 …


def _text(value: object, limit: int = _MAX_VALUE) -> str | None:
    """A printed value, or None when the page leaves it empty (暂无, -, null …)."""
    text = clean_space(str(value))[:limit] if isinstance(value, str) else ""
    return None if text.lower() in _EMPTY else text


def status_of(text: str | None) -> str | None:
    """The kind of status a short text prints (已回复 -> REPLIED …); None for none, or for two kinds."""
    bare = re.sub(r"\s+", "", text or "")
    kinds = {kind for word, kind in _STATUS_WORD.items() if word in bare}
    return kinds.pop() if len(kinds) == 1 else None


_WORDS = "|".join(sorted(map(re.escape, _STATUS_WORD), key=len, reverse=True))
_OPEN, _CLOSE = r"[\[【（(〔]", r"[\]】）)〕]"
_TOKEN = re.compile(rf"^{_OPEN}?\s*(?:(?:{'|'.join(_LABELS['status'])})\s*[:：]\s*)?({_WORDS})\s*{_CLOSE}?$")
_BRACKETED = re.compile(rf"^\s*{_OPEN}\s*({_WORDS})\s*{_CLOSE}\s*|\s*{_OPEN}\s*({_WORDS})\s*{_CLOSE}\s*$")


def _status_token(piece: str) -> str | None:
    """The status a text piece is made of alone: ``已回复``, ``[办理中]``, ``状态：未答复``."""
    m = _TOKEN.match(piece) if len(piece) <= VOCAB["status"]["max_chars"] else None
    return _STATUS_WORD[m.group(1)] if m else None


def _split_status(title: str) -> tuple[str, str | None]:
    """``【办理中】老旧小区…`` -> (``老旧小区…``, IN_PROGRESS): a bracketed status at either end."""
    if m := _BRACKETED.search(title):
        return clean_space(title[:m.start()] + title[m.end():]), _STATUS_WORD[m.group(1) or m.group(2)]
    return title, None


# --- labels: label：value in lines, row texts and header cells ---------------------------------------

_KINDS = ("title", "asked", "answered", "answerer", "status", "when", "reply_when", "question", "reply")
_KIND_OF = {re.sub(r"\s+", "", label): kind for kind in _KINDS for label in _LABELS[kind]}
_LABEL = re.compile(r"(?:^|(?<=[\s|｜】\]]))[【\[]?(" + "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(_KIND_OF, key=len, reverse=True)) + r")[】\]]?\s*(?:[:：]|$)")


def _labelled(text: str) -> list[tuple[str, str, str]]:
    """(kind, label, value) for each label in a text; a value runs to the next label."""
    found = list(_LABEL.finditer(text))
    return [(_KIND_OF[re.sub(r"\s+", "", m.group(1))], re.sub(r"\s+", "", m.group(1)),
             text[m.end():nxt.start() if nxt else len(text)].strip()) for m, nxt in zip(found, found[1:] + [None])]


def _column_of(header: str) -> str | None:
    """The field a table header cell names (a column of 时间 / 日期 is "when")."""
    bare = re.sub(r"[\s:：]+", "", header)
    hits = [label for label in _KIND_OF if label in bare] if 0 < len(bare) <= 12 else []
    return _KIND_OF[bare] if bare in _KIND_OF else _KIND_OF[max(hits, key=len)] if hits else None


# --- layout 1: a table with a header row -------------------------------------------------------------

_FIELDS = {"title", "asked", "answered", "status", "answerer", "when"}
_MESSAGE_FIELDS = {"asked", "answered", "status", "answerer"}     # what only a message list has


def _cells(tr) -> list:
    return [cell for cell in tr if tag_of(cell) in ("td", "th") for _ in range(min(cell_span(cell, "colspan"), 20))]


def _header(rows: list) -> tuple[int, dict[int, str]] | None:
    """The header row among a table's first rows: label cells (at least half of them), no date, naming
    the title and something only a message has (留言时间, 答复时间, 状态, 答复单位)."""
    for i, tr in enumerate(rows[:3]):
        texts = [element_text(c) for c in _cells(tr)]
        columns = {j: kind for j, kind in enumerate(map(_column_of, texts)) if kind in _FIELDS}
        kinds = set(columns.values())
        if "title" in kinds and kinds & _MESSAGE_FIELDS and len(columns) * 2 >= len(texts) \
                and not any(find_dates(t) for t in texts):
            return i, columns
    return None


def _table_messages(table, base: str) -> list[Message]:
    rows = list(own_rows(table))
    header = _header(rows)
    if header is None:
        return []
    h, columns = header
    messages = []
    for tr in rows[h + 1:]:
        cells, m = _cells(tr), Message()
        for j, kind in ((j, k) for j, k in columns.items() if j < len(cells)):
            text = element_text(cells[j])
            if kind == "title":
                link = next((a for a in cells[j].iter("a") if a.get("href")), None)
                m.title, bracketed = _split_status(text[:_MAX_TITLE])
                m.url = resolve_link(base, link.get("href")) if link is not None else None
                m.status = m.status or bracketed
            elif kind == "status":
                m.status = status_of(text[:20])
            elif kind == "answerer":
                m.answerer = _text(text)
            else:
                setattr(m, "unlabelled_date" if kind == "when" else kind, parse_date(text[:40]))
        if m.title and (m.asked or m.answered or m.status or m.answerer):   # a row that says something of it
            messages.append(m)
    return messages


# --- layout 2: list rows carrying a status or a labelled date ----------------------------------------

def _pieces(el, skip: set | None = None) -> list[str]:
    """The element's text pieces in page order, none from ``skip`` (elements)."""
    out = []
    for node in el.iter():
        if isinstance(node.tag, str) and tag_of(node) not in _SKIP and not (skip and node in skip):
            out += [p for p in (clean_space(node.text), clean_space(node.tail) if node is not el else "") if p]
    return out


def _evidence(root, skip: set) -> dict[object, str]:
    """The elements that say a row is a message, by what they say: a status, an asked or answered date."""
    found = {}
    for node in root.iter():
        if not isinstance(node.tag, str) or tag_of(node) in _SKIP or node in skip:
            continue
        for owner, text in ((node, clean_space(node.text)), (node.getparent(), clean_space(node.tail))):
            if not text or owner is None or owner in found:
                continue
            if _status_token(text) or (owner is node and tag_of(node) == "a" and _split_status(text)[1]):
                found[owner] = "status"
            elif kinds := [k for k, _, _ in _labelled(text[:80]) if k in ("asked", "answered")]:
                found[owner] = kinds[0]
    return found


def _title_link(row):
    """The row's longest link (by its title attribute or its text), not a 查看详情 or 更多 one."""
    scored = [(len(a.get("title") or text), a) for a in row.iter("a") if a.get("href")
              for text in [inline_words(a, _SKIP)] if text.lower() not in GENERIC_TEXTS]
    scored = [(n, a) for n, a in scored if n >= 4]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _title_text(row) -> str | None:
    """A row's title where no link carries it: an element's title attribute, else its longest plain text."""
    titled = [t for el in row.iter() if isinstance(el.tag, str) for t in [(el.get("title") or "").strip()] if t]
    plain = [p for p in _pieces(row) if len(p) >= 6 and not _LABEL.search(p) and not find_dates(p)]
    return max(titled or plain, key=len) if titled or plain else None


def _has_title(row) -> bool:
    return _title_link(row) is not None or _title_text(row) is not None


def _rows(root, skip: set) -> list:
    """The smallest ancestor of each piece of evidence that holds a title and no other row's evidence."""
    evidence = _evidence(root, skip)
    counts: dict[tuple[object, str], int] = defaultdict(int)
    for node, kind in evidence.items():
        for el in list(node.iterancestors())[:8]:
            counts[(el, kind)] += 1
    rows: dict = {}                                 # in page order, each once
    for node, kind in evidence.items():
        el = node
        for _ in range(6):
            parent = el.getparent()
            if parent is None or tag_of(parent) in ("body", "html") or counts[(parent, kind)] > 1:
                break
            el = parent
            if _has_title(el):
                break
        if el is not node and el not in rows and _has_title(el) and len(element_text(el)) <= _MAX_ROW:
            rows[el] = None
    return list(rows)


def _row_message(row, base: str) -> Message:
    link, m = _title_link(row), Message()
    if link is not None:
        text, attr = inline_words(link, _SKIP), (link.get("title") or "").strip()
        m.title, bracketed = _split_status(attr if len(attr) >= len(text) else text)
        m.url = resolve_link(base, link.get("href"))
    else:                                           # titled in a span; its one link (查看详情) leads to it
        m.title, bracketed = _split_status(_title_text(row) or "")
        hrefs = [a.get("href") for a in row.iter("a") if a.get("href")]
        m.url = resolve_link(base, hrefs[0]) if len(hrefs) == 1 else None
    statuses, dates, waiting = {bracketed}, [], None          # waiting: a label whose value comes next
    for piece in _pieces(row, set(link.iter()) if link is not None else None):
        pairs = [(waiting, "", piece)] if waiting else _labelled(piece)
        waiting = None
        for kind, _, value in pairs:
            if not value:
                waiting = kind
            elif kind in ("asked", "answered"):
                setattr(m, kind, getattr(m, kind) or parse_date(value[:40]))
            elif kind == "status":
                statuses.add(status_of(value[:20]))
            elif kind == "answerer":
                m.answerer = m.answerer or _text(value)
            elif kind == "when":                    # 时间：… in a row: a date, whose it does not say
                dates += find_dates(value[:40])
        if not pairs:
            token = _status_token(piece)
            statuses.add(token)
            dates += find_dates(piece) if not token and len(piece) <= 40 else []
    statuses.discard(None)
    m.status = statuses.pop() if len(statuses) == 1 else None
    m.unlabelled_date = dates[0] if len(set(dates)) == 1 else None
    m.title = m.title[:_MAX_TITLE] or None
    return m


def read_message_list(root, lines: list[str], page_url: str) -> list[Message]:
    """The messages a list page shows: tables with a header row, then rows of other lists. Rows
    count when at least two stand side by side (one alone is part of a detail page, not a list)."""
    if not any(status_of(line) or _labelled(line[:80]) for line in lines):
        return []                                   # no status word, no label: nothing to read
    base = base_url(root, page_url)
    messages: list[Message] = []
    consumed: set = set()
    for table in root.iter("table"):
        if table not in consumed and (found := _table_messages(table, base)):
            messages += found
            consumed.update(table.iter())
    groups: dict[tuple, list] = defaultdict(list)
    for row in _rows(root, consumed):
        groups[(row.getparent(), tag_of(row))].append(row)
    for rows in (rows for rows in groups.values() if len(rows) >= 2):
        messages += [m for row in rows if (m := _row_message(row, base)).title]
    return messages


# --- layout 3: a detail page of labelled blocks ------------------------------------------------------

def _pairs(lines: list[str]) -> list[tuple[str, str, str]]:
    """Every (kind, label, value) of the page; a label alone on its line (a th/td cell) takes the next."""
    pairs = []
    for i, line in enumerate(lines):
        for kind, label, value in _labelled(line):
            if not value and i + 1 < len(lines) and not _labelled(lines[i + 1]):
                value = lines[i + 1]
            pairs.append((kind, label, value))
    return pairs


_QUESTION_PART_UNITS = set(_LABELS["question_part_units"])    # 受理单位: received it, did not answer


def read_message_detail(root, lines: list[str], page_url: str) -> Message | None:
    """The one message a detail page shows, or None for a page that shows none (or several). A date
    labelled only 时间 / 日期 is the message's when it follows 来信人 / 留言内容 …, the reply's in the
    reply part (after 答复内容, 答复时间 or an answering unit); 办理时间 / 处理时间 only there."""
    pairs = _pairs(lines)
    said = {k for k, _, v in pairs if k in ("question", "reply", "answerer", "status")
            or k in ("asked", "answered") and parse_date(v[:40])}
    if not said & {"question", "asked"} or len(said) < 2:
        return None                                 # no message here (咨询时间：周一至周五 is no message)
    if any(len({v for k, _, v in pairs if k == kind}) > 1 for kind in ("asked", "title")):
        return None                                 # several messages: a list, not a detail page
    found: dict[str, list[str]] = defaultdict(list)
    part = None
    for kind, label, value in pairs:
        if kind == "question":
            part = part or "question"
        elif kind in ("reply", "answered") or (kind == "answerer" and label not in _QUESTION_PART_UNITS):
            part = "reply"
        if kind in ("when", "reply_when"):
            if part == "reply" or (part == "question" and kind == "when"):
                found[("answered" if part == "reply" else "asked") + "_when"].append(value)
        else:
            found[kind].append(value)

    def first(*keys: str) -> str:
        return next((v for key in keys for v in found[key] if _text(v, _MAX_TITLE)), "")

    m = Message(url=page_url, title=_text(first("title"), _MAX_TITLE), answerer=_text(first("answerer")),
                asked=parse_date(first("asked", "asked_when")[:40]),
                answered=parse_date(first("answered", "answered_when")[:40]), status=status_of(first("status")[:20]))
    if found["reply"]:
        reply = _text(found["reply"][0], 2000)
        m.has_reply = bool(reply) and status_of(reply[:20]) != UNREPLIED
        if m.status is None and reply and len(reply) <= 20:
            m.status = status_of(reply)               # 暂无回复 / 尚未答复 in the reply's place
    return m


# --- layout 4: data endpoints (JSON) -----------------------------------------------------------------

_KEYS: dict[str, list[str]] = VOCAB["json_keys"]
_FLAG_KEYS = {"isreply", "replied"}                  # yes / no: replied or not
_CHINA = dt.timezone(dt.timedelta(hours=8))


def _key(name: object) -> str:
    """createTime, create_time, CREATE-TIME -> createtime."""
    return re.sub(r"[_\-\s]", "", str(name)).lower()


def _json_date(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e8:   # epoch s or ms
        try:
            return dt.datetime.fromtimestamp(value / 1000 if value > 1e11 else value, _CHINA).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(value[:40]) if isinstance(value, str) else None


_JSON_STATUS = {str(code).upper(): kind for kind, codes in VOCAB["json_status"].items() for code in codes}
_KIND = {"replied": REPLIED, "unreplied": UNREPLIED, "in_progress": IN_PROGRESS}


def _json_status(value: str) -> str | None:
    """A status value: a printed word (已回复) or an endpoint's code (REPLIED, NOT_REPLY)."""
    code = _JSON_STATUS.get(value.strip().upper())
    return _KIND[code] if code else status_of(value[:20])


def _json_message(row: dict, base: str | None) -> Message | None:
    values = {_key(k): v for k, v in row.items()}
    keys = {field: next((k for k in names if values.get(k) not in (None, "")), None) for field, names in _KEYS.items()}
    value = {field: values.get(k) for field, k in keys.items()}
    title = _text(value["title"], _MAX_TITLE)
    if not title or not any(k in values for field in ("asked", "answered", "status") for k in _KEYS[field]):
        return None
    status, url = value["status"], value["url"]
    return Message(
        title=title, asked=_json_date(value["asked"]), answered=_json_date(value["answered"]),
        status=(REPLIED if status else UNREPLIED) if keys["status"] in _FLAG_KEYS and isinstance(status, bool)
        else _json_status(status) if isinstance(status, str) else None,
        answerer=_text(value["answerer"]), url=resolve_link(base, url) if isinstance(url, str) and base else None)


def _json_rows(data: object, depth: int = 0) -> list[dict]:
    """The first list of message rows in an answer, looking under result / rows / list / data … first."""
    if isinstance(data, list):
        rows = [r for r in data if isinstance(r, dict)]
        return rows if any(_json_message(r, None) for r in rows) else []
    if isinstance(data, dict) and depth < 5:
        for k in sorted(data, key=lambda k: _key(k) not in _KEYS["rows"]):
            if rows := _json_rows(data[k], depth + 1):
                return rows
    return []


def read_message_json(data: object, page_url: str | None = None) -> list[Message]:
    """The messages a data endpoint's answer (parsed JSON) lists, read by common key names."""
    return [m for m in (_json_message(r, page_url) for r in _json_rows(data)) if m is not None]
