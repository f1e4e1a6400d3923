"""RPT006's near-copy detector (auditor/core/similarity.py) on real annual reports (bench/data/annual_reports/SOURCES.md; the files live outside the repository, see tests/real_pages.py)."""
from __future__ import annotations

import inspect
import random
import re
from pathlib import Path

import pytest

from tests.real_pages import ANNUAL_REPORTS, needs_real_reports
from auditor.core import similarity as sim
from auditor.core.similarity import THRESHOLD, comparable_text, near_copy_pairs, similarity

REPORTS = ANNUAL_REPORTS


def report(name: str) -> str:
    """A real report's text, without the header lines the 平潭 archive's crawler put above it."""
    return (REPORTS / f"{name}.txt").read_text(encoding="utf-8").split("==== 正文 ====", 1)[-1]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=。)", text) if s]


def other_numbers(text: str) -> str:
    """Every digit changed, years moved on by one."""
    text = re.sub(r"20(\d\d)(?=\s*年)", lambda m: f"20{int(m.group(1)) + 1:02d}", text)
    return re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), text)


@needs_real_reports
def test_a_report_with_only_its_numbers_changed_is_a_near_copy():
    text = report("pingtan_zone_2022")
    assert similarity(text, other_numbers(text)) == 1.0


@needs_real_reports
@pytest.mark.parametrize("a, b", [
    ("pingtan_zone_2025", "shuyang_county_2025"),       # two places, the same year, both in the 2021 format
    ("shanghai_office_2025", "shanghai_stcsm_2024"),    # two agencies of one city
    ("pingtan_dishui_2013", "pingtan_county_2013"),     # two agencies of one place and year
    ("pingtan_zone_2024", "pingtan_zone_2025"),         # one agency's consecutive years
])
def test_honest_reports_sharing_the_format_are_not_near_copies(a, b):
    assert similarity(report(a), report(b)) < THRESHOLD


@needs_real_reports
def test_the_real_copies_in_the_corpus_are_near_copies():
    # 平潭县人民政府 reused its 2011 text in 2012; 平潭综合实验区 published that text under its own name
    assert similarity(report("pingtan_county_2011"), report("pingtan_county_2012")) >= THRESHOLD
    assert similarity(report("pingtan_county_2011"), report("pingtan_zone_2011")) >= THRESHOLD


@needs_real_reports
def test_a_copy_with_its_paragraphs_reordered_is_a_near_copy():
    text = report("shuyang_county_2025")
    head, tables = text.split("## 二、主动公开政府信息情况", 1)
    parts = sentences(head)
    reordered = "".join(parts[:1] + parts[:0:-1]) + "## 二、主动公开政府信息情况" + tables
    assert reordered != text
    assert similarity(text, other_numbers(reordered)) >= THRESHOLD


@needs_real_reports
def test_a_copy_under_another_agencys_name_is_a_near_copy():
    text = report("pingtan_zone_2023")
    copy = other_numbers(text.replace("平潭综合实验区", "霞浦县").replace("实验区", "霞浦县"))
    assert similarity(text, copy, agency_a="平潭综合实验区", agency_b="霞浦县") >= THRESHOLD
    assert similarity(text, copy) >= THRESHOLD          # names unknown: still well above


@needs_real_reports
def test_the_format_tables_and_the_agency_name_are_not_compared():
    text = comparable_text(report("pingtan_zone_2022"), agency="平潭综合实验区")
    for fixed in ("第二十条", "本年新收政府信息公开申请数量", "属于三类内部事务信息", "结果维持", "国办公开办函",
                  "平潭综合实验区"):
        assert fixed not in text
    assert "重大行政决策预公开程度" in text               # the prose of 五 stays
    # two reports that differ only in their tables are the same report
    a = report("pingtan_zone_2024")
    tables = re.search(r"二、主动公开政府信息情况.*?(?=五、存在的主要问题)", a).group(0)
    other = re.search(r"二、主动公开政府信息情况.*?(?=五、存在的主要问题)", report("pingtan_zone_2021")).group(0)
    assert similarity(a, a.replace(tables, other)) == 1.0


def test_numbers_years_dates_and_percentages_are_blanked():
    assert comparable_text("二〇二二年三月五日，全年公开信息一千二百条，占35.6%。") == \
        comparable_text("2023年4月6日，全年公开信息900条，占40%。") == "#年#月#日全年公开信息#条占#"


@needs_real_reports
def test_near_copy_pairs_finds_the_planted_pair_among_many():
    rng = random.Random(7)
    pool = [s for name in ("pingtan_zone_2019", "pingtan_zone_2020", "pingtan_zone_2021", "pingtan_zone_2022",
                           "shanghai_office_2025", "pingtan_dishui_2013", "pingtan_zone_2014")
            for s in sentences(report(name)) if len(s) > 30 and "第二十条" not in s]
    docs = {f"site{i:03d}": f"第{i}号县人民政府年度报告。" + "".join(rng.sample(pool, 25)) for i in range(150)}
    original = report("shuyang_county_2025")
    docs["shuyang"] = original
    docs["copy"] = other_numbers(original.replace("沐阳县", "宿豫区"))
    assert [(a, b) for a, b, _ in near_copy_pairs(docs)] == [("shuyang", "copy")]


def test_empty_and_very_short_texts_give_no_pair():
    docs = {"empty": "", "blank": "  \n ", "short": "本年度无。", "also_short": "本年度无。", "digits": "２０２２年"}
    assert near_copy_pairs(docs) == []
    assert similarity("", "") == 0.0
    assert similarity("本年度无。", "本年度无。") == 0.0
    assert comparable_text("") == ""
    assert near_copy_pairs({}) == [] and near_copy_pairs({"one": "本机关主动公开政府信息，办理依申请公开，开展政务公开培训。" * 20}) == []


@needs_real_reports
def test_the_threshold_constant_is_the_one_used():
    assert inspect.signature(near_copy_pairs).parameters["threshold"].default == THRESHOLD
    a, b = report("pingtan_county_2013"), report("pingtan_zone_2013")
    score = similarity(a, b)
    assert (score >= THRESHOLD) == bool(near_copy_pairs({"a": a, "b": b}))
    assert near_copy_pairs({"a": a, "b": b}, threshold=score + 0.01) == []
    assert near_copy_pairs({"a": a, "b": b}, threshold=score - 0.01) == [("a", "b", score)]
    assert 0 < sim.THRESHOLD < 1
