"""A small finished report, built through the real judging path, for renderer tests."""
from __future__ import annotations

import datetime as dt

from auditor.app.judge import judge
from auditor.app.profiles import load_profile
from auditor.core.report import Report, build_report, crawl_from_snapshot
from auditor.core.scoring import score

from tests.conftest import HOME, page, snapshot


def sample_report(hostile: bool = False) -> Report:
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    home = page(HOME, kind="home", depth=0, title=evil if hostile else "首页",
                links=[(HOME + "gone.html", evil if hostile else "坏链接"), ("javascript:alert(3)", "js"),
                       (HOME + "xxgk/", "政务公开")],
                footer={"site_id_code": "3599000012"}, meta={"SiteIDCode": "3599000012"})
    snap = snapshot(home, page(HOME + "gone.html", status=404),
                    page(HOME + "xxgk/", kind="column", title=""))
    profile = load_profile("national")
    as_of = dt.date(2026, 11, 20)
    judged = judge(snap, profile, as_of)
    return build_report(snap=snap, judged=judged, score=score(judged, profile), profile=profile,
                        as_of=as_of, site_name=evil if hostile else "测试网站", level="department",
                        crawl=crawl_from_snapshot(snap, None))
