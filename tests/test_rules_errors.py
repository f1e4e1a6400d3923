"""ERR001 (严重表述错误, veto) and ERR002 (错别字): the curated list matched with its guards, on text
and on hand-built snapshots."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page
from auditor.core.extract.miswriting import error_list, find_errors
from auditor.core.models import TextError

from tests.conftest import HOME, page, snapshot
from tests.test_rules_column_guide_report import run


def wrongs(*lines, title=None):
    return [(e.level, e.wrong, e.right) for e in find_errors(list(lines), title)]


def test_a_leaders_name_miswritten_is_severe_and_quotes_its_context():
    hits = find_errors(["会议传达学习了国务院总理李蔷主持召开的国务院常务会议精神。"])
    assert [(h.level, h.wrong, h.right, h.kind) for h in hits] == [("severe", "李蔷", "李强", "leader_name")]
    assert "国务院总理李蔷主持" in hits[0].context and hits[0].sources


@pytest.mark.parametrize("text", [
    "同学们学习近乎疯狂。",                                  # 学习|近乎: inside correct words
    "李蔷同学获得三好学生称号。",                            # a two-character name not next to a title
    "本网站更正：原文误为“中华人民共合国”，应为中华人民共和国。",   # quoting the error to correct it
    "国务院总理李强主持召开国务院常务会议。",                  # right
    # found by review: ordinary people next to 同志 / 主席, items glued across a space, dated usage
    "任命丁学祥同志为县水利局局长。", "区总工会主席王沪宇出席会议。", "县政协主席席近平调研。",
    "中共中央总书记、国家主席习近平 总理李强分别致电。", "学习贯彻党的二十大　三中全会精神。",
    "对全国人大代表大会期间提出的建议进行梳理。", "2010年，两岸三地青少年交流活动在我市举行。",
    "本网将“国务院总理李强”错误地写成了“国务院总理李蔷”，现已修改。",
])
def test_guards_keep_correct_and_quoted_text_from_being_hit(text):
    assert wrongs(text) == []


def test_a_correction_notice_page_is_not_read_for_errors():
    assert wrongs("中华人民共合国", title="关于网站信息的更正声明") == []


def test_spaces_between_characters_do_not_hide_a_name():
    assert ("severe", "蔡琦", "蔡奇") in wrongs("王沪宁、蔡　琦、丁薛祥")


def test_common_miswritings_are_common_not_severe_and_counted_once_a_page():
    assert wrongs("要再接再励，一股作气。再接再励！") == [("common", "再接再励", "再接再厉"),
                                                       ("common", "一股作气", "一鼓作气")]


def test_every_entry_names_its_correct_form_and_a_known_source():
    data = error_list()
    for level in ("severe", "common"):
        for entry in data[level]:
            assert entry["right"] and entry["right"] != entry["wrong"], entry
            assert entry["source"] and all(s in data["sources"] for s in entry["source"]), entry


def test_the_extractor_records_errors_on_every_kind_of_page():
    body = "<html><head><title>工作动态</title></head><body><p>国务院总理李蔷主持会议。</p></body></html>"
    record = extract_page("http://x.gov.cn/a.html", body.encode(), "text/html")
    assert [e.wrong for e in record.errors] == ["李蔷"]


def _site(*errors_by_page):
    pages = [page(HOME, kind="home", depth=0)]
    for i, errors in enumerate(errors_by_page):
        pages.append(page(HOME + f"a{i}.html", errors=errors))
    return snapshot(*pages)


SEVERE = TextError(level="severe", wrong="李蔷", right="李强", kind="leader_name", sources=["npc-2023"],
                   context="国务院总理李蔷主持")
COMMON = TextError(level="common", wrong="再接再励", right="再接再厉", context="要再接再励")


def test_err001_vetoes_with_one_finding_per_page_and_error():
    r = run("ERR001", _site([SEVERE], [SEVERE, COMMON], []))
    assert r.status == "fail" and len(r.findings) == 2
    assert r.findings[0].message == "党和国家领导人姓名：“李蔷”应为“李强”" and r.findings[0].excerpt == "国务院总理李蔷主持"
    from rules.registry import load_rules
    assert load_rules()["ERR001"].kind == "veto"


def test_citizens_messages_are_not_the_agencys_text():
    from auditor.core.models import Message
    snap = _site([SEVERE])
    channel = snap.records[1].model_copy(update={"messages": [Message(title="留言", asked="2026-10-01")]})
    assert run("ERR001", snapshot(snap.records[0], channel)).status == "pass"


def test_err002_counts_common_errors_and_err001_passes_without_severe_ones():
    snap = _site([COMMON], [COMMON])
    assert run("ERR001", snap).status == "pass"
    r = run("ERR002", snap)
    assert r.status == "fail" and len(r.findings) == 2


def test_err_rules_cannot_judge_a_site_whose_homepage_was_not_read():
    snap = snapshot(page(HOME, kind="home", depth=0, status=None, error="连接超时"))
    assert run("ERR001", snap).status == "error" and run("ERR002", snap).status == "error"
