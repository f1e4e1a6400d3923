"""行政处罚 (penalties.yaml): decision pages in four forms, the column list and the quarter's 公示 list,
all in the old GBK template."""
from __future__ import annotations

from .chrome import gbk_page
from .platform import FDZDGKNR
from .util import cn_date, cn_numeral_date, dated_url, id_check_digit, rel


def crumbs(*steps, last: str) -> str:
    """The GBK template's 当前位置 line: 首页, then (text, href) steps, then *last* unlinked."""
    links = ['<a href="/">首页</a>'] + [f'<a href="{h}">{t}</a>' for t, h in steps]
    return "当前位置：" + " &gt; ".join(links + [last])


def check_numbers(data: dict):
    """The planted ID number must be valid and its lookalikes invalid (PRV001)."""
    valid = lambda n: id_check_digit(n[:17]) == n[17]
    assert valid(data["constants"]["leaked_id"]), "penalties.yaml: leaked_id needs a valid check digit"
    assert not any(valid(n) for n in data["id_lookalikes"]), "penalties.yaml: a lookalike is a valid ID number"


def build(s, col: dict):
    data = s.data("penalties")
    check_numbers(data)
    base = f"{FDZDGKNR}{col['code']}/"
    items = []
    for p in data["penalties"]:
        url = dated_url(base, p["published"], p["id"])
        items.append((f"{p['title']}（{p['no']}）", url, p["published"], {}))
        decision_page(s, col, p, url)
    items.sort(key=lambda x: x[2], reverse=True)
    s.col_items[col["code"]] = items
    column_list(s, col, base, items, data["quarter_list"])
    quarter_list(s, col, data)


def table_rows(s, p: dict) -> list:
    """The rows of a 行政处罚信息公开表 (a row without a value is left out: operator, basis)."""
    rows = [("行政处罚决定书文号", p["no"]), ("案件名称", p["case"]), ("违法企业名称或违法自然人姓名", p["party"]),
            ("统一社会信用代码", p["uscc"]), ("法定代表人（负责人）姓名", p["rep"])]
    if p.get("operator"):
        rows.append(("经营者及联系方式", p["operator"]))
    rows += [tuple(r) for r in p.get("extra_rows", [])]
    rows.append(("主要违法事实", p["facts"]))
    if p.get("basis"):
        rows.append(("处罚依据", p["basis"]))
    return rows + [("处罚种类", p["types"]), ("处罚内容", p["content"]), ("罚没金额（万元）", p["amount"]),
                   ("作出处罚决定的机关名称", s.info["site_name"]), ("作出处罚决定的日期", cn_date(p["decided"])),
                   ("公示期限", "自公示之日起三年"), ("备注", p.get("note", ""))]


def decision_body(s, p: dict) -> str:
    site = s.info["site_name"]
    if p["kind"] == "table":
        rows = "\n".join(f'<tr><td width="220" class="l">{k}</td><td>{v}</td></tr>' for k, v in table_rows(s, p))
        return s.render("penalty_table", rows=rows)
    if p["kind"] == "grid":
        return s.render("penalty_grid", party=p["party"], no=p["no"], facts=p["facts"], basis=p["basis"],
                        content=p["content"], decided=p["decided"])
    lines = [f"<p>{x}</p>" for x in p["text"]]
    if p["kind"] == "decision":     # the 决定书 heading, signed on the decision date
        lines[:0] = [f'<p align="center"><b>{site}</b></p>', '<p align="center"><b>行政处罚决定书</b></p>',
                     f'<p align="right">{p["no"]}</p>']
        signed = cn_numeral_date(p["decided"]) if p.get("cn_numerals") else cn_date(p["decided"])
    else:                           # "notice": a 送达公告, signed on the day it is published
        signed = cn_date(p["published"])
    lines.append(f'<p align="right">{site}<br />{signed}</p>')
    return '<div class="cf-doc">\n' + "\n".join(lines) + "\n</div>"


def decision_page(s, col: dict, p: dict, url: str):
    title = f"{p['title']}（{p['no']}）"
    meta = s.meta(ColumnName=col["name"], ColumnType="信息公开", ArticleTitle=title, PubDate=p["published"],
                  ContentSource=s.info["site_name"])
    main = s.render("penalty", title=title, published=p["published"], body=decision_body(s, p))
    trail = crumbs(("政府信息公开", "../../../"), ("法定主动公开内容", "../../"), (col["name"], "../"), last="正文")
    gbk_page(s, url, f"{title}_{s.info['site_name']}", meta, trail, main)


def column_list(s, col: dict, url: str, items: list, quarter: dict):
    rows = "\n".join(f'<tr><td align="center">{n}</td><td><a href="{rel(url, h)}" target="_blank">{t}</a></td>'
                     f'<td align="center">{d}</td></tr>' for n, (t, h, d, _x) in enumerate(items, 1))
    main = s.render("penalty_list", name=col["name"], quarter_href=rel(url, quarter["url"]),
                    quarter_title=quarter["title"], rows=rows)
    trail = crumbs(("政府信息公开", "../../"), ("法定主动公开内容", "../"), last=col["name"])
    gbk_page(s, url, f"{col['name']}_{s.info['site_name']}", s.meta(ColumnName=col["name"], ColumnType="信息公开"),
             trail, main)


def quarter_list(s, col: dict, data: dict):
    """The quarter's 公示 list (a list page: no 发布日期, no ArticleTitle). A row with `detail` shows that
    decision and links its page."""
    q, site = data["quarter_list"], s.info["site_name"]
    by_id = {p["id"]: p for p in data["penalties"]}
    rows = []
    for n, r in enumerate(q["rows"], 1):
        no = r["no"]
        if r.get("detail"):
            p = by_id[r["detail"]]
            assert p["no"] == r["no"], r
            r = dict(party=p["party"], code=p["uscc"], facts=p["facts"], basis=p["basis"], content=p["content"],
                     decided=p["decided"], published=p["published"])
            page = dated_url(f"{FDZDGKNR}{col['code']}/", p["published"], p["id"])
            no = f'<a href="{rel(q["url"], page)}" target="_blank">{no}</a>'
        rows.append(f'<tr><td align="center">{n}</td><td>{no}</td><td>{r["party"]}</td><td>{r["code"]}</td>'
                    f'<td>{r["facts"]}</td><td>{r["basis"]}</td><td>{r["content"]}</td><td>{site}</td>'
                    f'<td align="center">{r["decided"]}</td><td align="center">{r["published"]}</td></tr>')
    main = s.render("penalty_quarter", title=q["title"], intro=q["intro"], rows="\n".join(rows),
                    case_phone=data["constants"]["case_phone"], count=len(rows))
    trail = crumbs(("政府信息公开", "../../../"), ("法定主动公开内容", "../../"), (col["name"], "../"), last="案件信息公示")
    # added to the old template in 2026 with a fixed <html lang>: GBK, but not an A11Y003 page
    gbk_page(s, q["url"], f"{q['title']}_{site}", s.meta(ColumnName=col["name"], ColumnType="信息公开"), trail, main,
             lang=True)
