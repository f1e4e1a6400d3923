"""HDJ001–HDJ003 on hand-built snapshots, and a channel page read end to end by the extractor."""
from __future__ import annotations

import datetime as dt

import pytest

from auditor.core.extract import extract_page
from auditor.core.models import IN_PROGRESS, REPLIED, UNREPLIED, Message

from tests.conftest import HOME, page, snapshot
from tests.test_rules_column_guide_report import run

CHANNEL = HOME + "hdjl/zxzx/"


def site(*rows, home_link=True, column="在线咨询", details=()):
    links = [(CHANNEL, "在线咨询")] if home_link else []
    pages = [page(HOME, kind="home", depth=0, links=links)]
    if rows:
        pages.append(page(CHANNEL, kind="column", column=column, messages=list(rows)))
    pages += list(details)
    return snapshot(*pages)


def msg(n, asked, answered=None, status=None, **kw):
    return Message(title=f"关于小区停车问题的咨询{n}", url=CHANNEL + f"{n}.html", asked=asked, answered=answered,
                   status=status, **kw)


def test_hdj001_passes_with_a_channel_and_published_replies():
    r = run("HDJ001", site(msg(1, "2026-10-01", "2026-10-09", REPLIED), msg(2, "2026-11-01", status=IN_PROGRESS)))
    assert r.status == "pass" and r.metrics["replied"] == 1


def test_hdj001_fails_without_a_channel_and_without_any_reply():
    assert run("HDJ001", site(home_link=False)).status == "fail"
    r = run("HDJ001", site(msg(1, "2026-11-01", status=UNREPLIED), msg(2, "2026-11-05", status=IN_PROGRESS)))
    assert r.status == "fail" and "没有一条公开了答复" in r.findings[0].message


def test_hdj001_a_channel_whose_messages_cannot_be_read_is_for_a_person():
    r = run("HDJ001", site())
    assert r.status == "warn" and "人工核实" in r.findings[0].message


def test_hdj002_one_finding_per_message_waiting_more_than_three_months():
    r = run("HDJ002", site(
        msg(1, "2026-03-02", "2026-07-10", REPLIED),        # answered after 4 months
        msg(2, "2026-06-01", status=UNREPLIED),              # still waiting at 2026-11-20
        msg(3, "2026-08-25", status=IN_PROGRESS),            # waiting less than 3 months
        msg(4, "2026-09-01", "2026-09-20", REPLIED),         # in time
        msg(5, "2025-06-01", status=UNREPLIED),              # before the 12 months
        msg(6, None, status=UNREPLIED)))                     # no date: not judged
    assert r.status == "fail"
    assert sorted(f.url.rsplit("/", 1)[1] for f in r.findings) == ["1.html", "2.html"]
    assert r.metrics == {"judged": 4, "undated": 1}
    assert "仍未答复" in next(f.message for f in r.findings if f.url.endswith("2.html"))


def test_hdj002_three_months_is_calendar_months():
    assert run("HDJ002", site(msg(1, "2026-05-31", "2026-08-31", REPLIED))).status == "pass"
    assert run("HDJ002", site(msg(1, "2026-05-31", "2026-09-01", REPLIED))).status == "fail"


def test_hdj002_excludes_interviews_and_petitions_and_has_nothing_to_judge_without_messages():
    r = run("HDJ002", site(msg(1, "2026-03-01", status=UNREPLIED), column="网上信访"))
    assert r.status == "na"
    assert run("HDJ002", site()).status == "na"


def test_hdj002_a_list_row_takes_its_dates_from_the_detail_page_it_leads_to():
    detail = page(CHANNEL + "1.html", kind="other", messages=[Message(
        title="关于小区停车问题的咨询1", url=CHANNEL + "1.html", asked="2026-04-01", answered="2026-09-01",
        has_reply=True)])
    r = run("HDJ002", site(msg(1, None, status=REPLIED), details=[detail]))
    assert r.status == "fail" and "2026-09-01 才答复" in r.findings[0].message


def test_hdj003_reports_median_and_slowest_per_channel():
    r = run("HDJ003", site(msg(1, "2026-10-01", "2026-10-09"), msg(2, "2026-10-01", "2026-10-03"),
                           msg(3, "2026-10-01", "2026-11-10")))
    assert r.status == "pass"
    assert r.metrics["channels"] == {"在线咨询": {"messages": 3, "median_days": 8, "max_days": 40}}
    assert run("HDJ003", site(msg(1, "2026-10-01"))).status == "na"


TABLE_PAGE = """<html><head><title>在线咨询_榕江市市场监督管理局</title></head><body>
<div class="crumb">首页 &gt; 互动交流 &gt; 在线咨询</div>
<table><tr><th>标题</th><th>留言时间</th><th>答复时间</th><th>状态</th></tr>
<tr><td><a href="1.html">关于个体户年报的咨询</a></td><td>2026-09-01</td><td>2026-09-05</td><td>已回复</td></tr>
<tr><td><a href="2.html">关于食品经营许可证延续的咨询</a></td><td>2026-06-10</td><td></td><td>办理中</td></tr>
</table></body></html>"""


def test_a_channel_list_page_is_read_by_the_extractor_and_judged():
    record = extract_page(CHANNEL, TABLE_PAGE.encode(), "text/html")
    assert [(m.asked, m.answered, m.status) for m in record.messages] == [
        ("2026-09-01", "2026-09-05", REPLIED), ("2026-06-10", None, IN_PROGRESS)]
    snap = snapshot(page(HOME, kind="home", depth=0, links=[(CHANNEL, "在线咨询")]), record)
    r = run("HDJ002", snap)
    assert r.status == "fail" and len(r.findings) == 1 and r.findings[0].url == CHANNEL + "2.html"


def test_a_news_page_is_not_read_for_messages():
    news = TABLE_PAGE.replace("在线咨询_", "工作动态_").replace("在线咨询</div>", "工作动态</div>")
    assert extract_page(HOME + "xwzx/", news.encode(), "text/html").messages == []


def test_a_message_marked_replied_is_not_waiting_whatever_its_reply_block_shows():
    """Review: a page marked 已回复 whose reply block a script fills read as an empty reply."""
    r = run("HDJ002", site(msg(1, "2026-03-01", status=REPLIED, has_reply=False)))
    assert r.status == "pass"


@pytest.mark.parametrize("where", [dict(column="互动交流", title="网上信访"), dict(column="互动交流", url="hdjl/wsxf/")])
def test_hdj002_excludes_petition_channels_by_title_or_url_too(where):
    url = HOME + where.get("url", "hdjl/x/")
    pages = [page(HOME, kind="home", depth=0, links=[(url, "网上信访")]),
             page(url, kind="column", column=where["column"], title=where.get("title", "列表"),
                  messages=[msg(1, "2026-03-01", status=UNREPLIED)])]
    assert run("HDJ002", snapshot(*pages)).status == "na"


def test_hdj001_a_list_that_prints_no_status_is_for_a_person_not_a_failure():
    r = run("HDJ001", site(msg(1, "2026-10-01"), msg(2, "2026-11-01")))
    assert r.status == "warn" and "无法判断" in r.findings[0].message
