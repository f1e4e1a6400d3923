"""Near-copy detection for 政府信息公开工作年度报告 (RPT006: a report must not be 雷同 — a near-copy of
the agency's previous report or, in a batch, of another site's report; 国办公开办函〔2021〕30号).

Two honest reports share a great deal of text by law: the 2021 national format (国办公开办函〔2021〕
30号) prescribes the section headings and the three statistics tables — dozens of fixed row and column
labels — word for word, and every report cites the same 条例 and format notice. Compared whole, any
two reports look alike. So a report is reduced to what its author wrote (``comparable_text``):

- the table sections (二 主动公开, 三 收到和处理申请, 四 行政复议和行政诉讼, found by the heading that
  is followed by "第二十条…") are cut out, up to the heading of the problems section;
- the format's fixed texts (headings, table labels, the documents every preamble cites, and the
  labels of the 统计表 that reports carried before 2019) are deleted wherever they remain — a table
  whose headings were lost in extraction leaves only numbers and these labels;
- the agency's own name, if given, is deleted — a copier swaps it for theirs;
- every number (Arabic or Chinese numerals, so years, dates, counts and percentages too) becomes
  one placeholder, and whitespace and punctuation are dropped.

What is left is the prose — 总体情况, 存在的主要问题及改进情况, 其他需要报告的事项 and whatever the
author added — which is where an honest report says something of its own year. On real reports
(bench/report_similarity.py) the whole text, tables kept, put one agency's honest consecutive years at
0.29, close to the copies; the prose puts every honest pair at 0.17 or less and every copy at 0.53 or
more.

The prose is cut into overlapping character shingles (``SHINGLE_CHARS`` long; Chinese has no word
spaces, and character n-grams need no segmenter). A pair's score is the exact Jaccard similarity of
the two shingle sets. For a batch, MinHash signatures and MinHashLSH (datasketch) find candidate pairs
without comparing every pair; a candidate whose MinHash estimate comes near the threshold is then
scored exactly, so a score never depends on the sketch — only which pairs get scored does.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np

# The score (Jaccard of prose shingles) at or above which two reports are near-copies. Chosen with
# bench/report_similarity.py on 18 real reports (listed in bench/data/annual_reports/SOURCES.md): the 138
# honest pairs (one agency's other years, other agencies of the same place and year, other places)
# scored at most 0.17; the 10 real copies (平潭县 2011–2013 and the 实验区 reports of 2011 and 2013 made
# from them) at least 0.53, the 90 generated ones at least 0.61. 0.35 is the middle of that gap, where
# a copy that keeps half of the other's sentences still scores above it (mean 0.41, lowest 0.36).
# Precision and recall are 1.0 from 0.20 to 0.50. See bench/RESULTS.md, "RPT006 near-copy detection".
THRESHOLD = 0.35
# Shingle length in characters. On the bench corpus 4, 6, 8 and 10 put the honest maximum at 0.18,
# 0.17, 0.16, 0.15 and the lowest real copy at 0.60, 0.53, 0.48, 0.44: shorter is slightly sharper
# there, but 4 characters are mostly stock two-word phrases that many agencies share in a batch.
SHINGLE_CHARS = 6
MIN_SHINGLES = 40            # fewer distinct shingles than this: too little prose to judge, no pair
NUM_PERM = 128               # MinHash permutations
# LSH bands x rows, tuned for THRESHOLD. Two rows a band make a pair at Jaccard 0.35 a candidate with
# probability 1 - (1 - 0.35**2)**64 = 0.9998 (datasketch's own choice for a 0.2 threshold, 28 x 2,
# gives 0.974); at 0.25 it is 0.98, so a much lower threshold passed in would miss a few pairs.
LSH_BANDS, LSH_ROWS = 64, 2
# Candidates whose MinHash estimate is this far below the threshold are not scored exactly: the
# estimate's standard deviation at 0.35 is sqrt(0.35 * 0.65 / 128) = 0.042, so 0.15 is 3.5 of them.
ESTIMATE_MARGIN = 0.15

# Fixed texts of the national format — 国办公开办函〔2021〕30号 (tables 二, 三, 四 and the section
# headings) and its predecessor 国办公开办函〔2019〕60号 (tables of the 2019 and 2020 reports) — and
# the documents every preamble cites. Written without punctuation: they are matched after it is gone.
_FORMAT_TEXTS = (
    # headings
    "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
    "因政府信息公开工作被申请行政复议和提起行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况",
    "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进情况", "其他需要报告的事项",
    # table 二
    "第二十条第一项", "第二十条第五项", "第二十条第六项", "第二十条第八项", "第二十条第九项",
    "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件", "本年处理决定数量",
    "本年收费金额单位万元", "行政事业性收费", "行政许可", "行政处罚", "行政强制",
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "处理决定数量",
    "其他对外管理服务事项", "采购项目数量", "采购总金额", "政府集中采购",
    # table 三
    "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和", "申请人情况", "法人或其他组织",
    "商业企业", "科研机构", "社会公益组织", "法律服务机构", "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量", "本年度办理结果", "予以公开", "部分公开区分处理的只计这一情形不计其他情形",
    "不予公开", "属于国家秘密", "其他法律行政法规禁止公开", "危及三安全一稳定", "保护第三方合法权益",
    "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项", "无法提供",
    "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确", "不予处理",
    "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息", "其他处理",
    "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "结转下年度继续办理",
    # table 四
    "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉",
    # the 统计表 of the reports before 2019
    "情况统计表", "指标名称", "计量单位", "历年累计", "主动公开信息数", "主动公开文件数", "网站公开数", "网站公开",
    "政府公报公开数", "政府公报公开", "受理依申请公开信息总数", "当面申请数", "传真申请数", "电子邮件申请数",
    "网上申请数", "信函传真申请数", "信函申请数", "其它形式申请数", "对申请的答复总数", "对申请的答复数",
    "同意公开答复数", "同意部分公开答复数", "否决公开答复数", "不予公开答复数", "其他类型答复数",
    "政府信息公开收费减免金额", "行政复议数", "行政诉讼数", "行政申诉举报数", "行政申诉数",
    # the five aspects 国办公开办函〔2021〕30号 asks 总体情况 to cover, which reports use as its subheadings
    "主动公开情况", "依申请公开情况", "政府信息管理", "政府信息公开平台建设", "平台建设", "监督保障",
    # what every preamble cites
    "中华人民共和国政府信息公开条例", "以下简称条例", "中华人民共和国政府信息公开工作年度报告格式",
    "国务院办公厅政府信息与政务公开办公室关于印发", "国办公开办函",
)
_FORMAT_RE = re.compile("|".join(sorted(map(re.escape, _FORMAT_TEXTS), key=len, reverse=True)))

_NUM = "一二三四五六七八九十"
# Where the tables begin: the 主动公开 heading followed by 第二十条 (the old formats' prose section of
# the same name is not followed by it), or 第二十条第（一）项 itself when the heading was lost.
_TABLES_HEADING = re.compile(rf"[{_NUM}\d]\s*[、.．]?\s*(?:行政机关)?主动公开政府信息情况")
_TABLE_ONE = re.compile(r"第二十条第\s*[(（]一[)）]\s*项")
# Where they end: the problems section (五、存在的主要问题及改进情况 and its variants, or a lone
# "（一）主要问题" / "（一）…存在问题的改进情况"), else the 其他需要报告的事项 heading. With no end
# found nothing is cut: the fixed texts are deleted anyway, and a cut to the end could take the prose.
_TABLES_END = re.compile(
    rf"[{_NUM}]\s*[、.．]\s*[^。\n]{{0,24}}?(?:主要问题|存在问题|改进情况|改进措施)"
    rf"|[(（]一[)）]\s*[^。\n]{{0,24}}?(?:主要问题|存在问题)"
    rf"|[{_NUM}]\s*[、.．]\s*其他需要报告的事项")

_NOT_WORD = re.compile(r"[\W_]+")       # full-width punctuation and spaces included
_NUMBERS = re.compile(rf"(?:\d|[{_NUM}百千万亿零〇两])+")   # \d takes full-width digits too
_HASHES = re.compile(r"#+")
_HASH_BASE = np.uint64(0x9E3779B97F4A7C15)     # odd: the polynomial hash mixes every character


# The stock sentences of a report's opening and closing (what it was compiled under, the statistics
# period, where to read it, whom to ask, no fees charged): the same in every report of every agency.
_STOCK_SENTENCE = re.compile(r"[^。；\n]*(?:本报告根据|统计期限|查阅或下载|如对本报告有疑问|本报告电子版|收取信息处理费)[^。；\n]*[。；]?")


def _cut_tables(text: str) -> str:
    start = next((m.start() for m in _TABLES_HEADING.finditer(text) if "第二十条" in text[m.end():m.end() + 300]),
                 None)
    if start is None:
        first = _TABLE_ONE.search(text)
        start = first.start() if first else None
    end = _TABLES_END.search(text, start) if start is not None else None
    return text[:start] + " " + text[end.start():] if end else text


def _plain(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def comparable_text(text: str, agency: str | Iterable[str] | None = None) -> str:
    """The report's own prose, normalised for comparison (see the module docstring): table sections
    and the format's fixed texts removed, ``agency`` (a name, or several) removed, every number
    replaced by ``#``, whitespace and punctuation dropped. Not meant for reading."""
    plain = _plain(_STOCK_SENTENCE.sub(" ", _cut_tables(text or "")))
    names = [agency] if isinstance(agency, str) else list(agency or ())
    for name in sorted((_plain(n) for n in names if n), key=len, reverse=True):
        if len(name) >= 2:
            plain = plain.replace(name, "")
    plain = _FORMAT_RE.sub("", plain)
    return _HASHES.sub("#", _NUMBERS.sub("#", plain))


def shingle_hashes(comparable: str, size: int = SHINGLE_CHARS) -> np.ndarray:
    """The ``size``-character substrings of a ``comparable_text``, as the sorted distinct 64-bit
    polynomial hashes of their code points (collisions at 2**-64 a pair: none in practice)."""
    codes = np.frombuffer(comparable.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - size + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    hashes = np.zeros(n, dtype=np.uint64)
    for j in range(size):
        hashes = hashes * _HASH_BASE + codes[j:j + n]       # uint64 arithmetic wraps: mod 2**64
    return np.unique(hashes)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two ``shingle_hashes``; 0.0 when either has fewer than ``MIN_SHINGLES``
    (too little to judge)."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def similarity(a: str, b: str, *, agency_a: str | Iterable[str] | None = None,
               agency_b: str | Iterable[str] | None = None) -> float:
    """Exact Jaccard similarity (0–1) of two reports' prose shingles; ``>= THRESHOLD`` is a near-copy.
    Give each report's agency name so that a copy with the name swapped scores as a copy."""
    return jaccard(shingle_hashes(comparable_text(a, agency_a)), shingle_hashes(comparable_text(b, agency_b)))


def judgeable(text: str, agency: str | Iterable[str] | None = None) -> bool:
    """Whether a report has prose enough to compare (a page saying 全文见附件 has not)."""
    return len(shingle_hashes(comparable_text(text, agency))) >= MIN_SHINGLES


def _identity(value):
    return value


def near_copy_pairs(docs: Mapping[str, str], threshold: float = THRESHOLD, *,
                    agencies: Mapping[str, str | Iterable[str]] | None = None) -> list[tuple[str, str, float]]:
    """Every pair of ``docs`` (id -> report text) whose ``similarity`` is at least ``threshold``, as
    (id_a, id_b, score) with id_a before id_b in ``docs``' order, highest score first. ``agencies``
    (id -> the agency's name or names) blanks each report's own name.

    Candidates come from MinHashLSH (``LSH_BANDS`` x ``LSH_ROWS``); those whose MinHash estimate is
    within ``ESTIMATE_MARGIN`` of the threshold are scored exactly. Reports with too little prose to
    judge (fewer than ``MIN_SHINGLES`` shingles) take part in no pair."""
    from datasketch import MinHash, MinHashLSH    # here: it imports scipy, a second that one report need not pay

    agencies = agencies or {}
    sets = {doc_id: shingle_hashes(comparable_text(text, agencies.get(doc_id))) for doc_id, text in docs.items()}
    ids = [doc_id for doc_id, s in sets.items() if len(s) >= MIN_SHINGLES]
    if len(ids) < 2:
        return []
    # MinHash takes 32-bit values: the high half of each shingle's hash, hashed no further.
    signatures = MinHash.bulk(((sets[doc_id] >> np.uint64(32)).astype(np.uint32) for doc_id in ids),
                              num_perm=NUM_PERM, hashfunc=_identity)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    for doc_id, signature in zip(ids, signatures):
        lsh.insert(doc_id, signature)
    index = {doc_id: i for i, doc_id in enumerate(ids)}
    candidates = np.array([(i, index[other]) for i, signature in enumerate(signatures)
                           for other in lsh.query(signature) if index[other] > i], dtype=np.int64).reshape(-1, 2)
    hashes = np.vstack([signature.hashvalues for signature in signatures])
    pairs = []
    for chunk in np.array_split(candidates, max(1, len(candidates) // 50_000)):
        estimate = (hashes[chunk[:, 0]] == hashes[chunk[:, 1]]).mean(axis=1)
        for i, j in chunk[estimate >= threshold - ESTIMATE_MARGIN]:
            score = jaccard(sets[ids[i]], sets[ids[j]])
            if score >= threshold:
                pairs.append((ids[i], ids[j], score))
    pairs.sort(key=lambda p: (-p[2], index[p[0]], index[p[1]]))
    return pairs
