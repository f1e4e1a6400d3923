"""政府信息公开年报 (/xxgk/nb/): annual.yaml, in the national report format (国办公开办函〔2021〕30号)."""
from __future__ import annotations

from . import platform
from .platform import paragraphs
from .util import dated_url, rel

BASE = "/xxgk/nb/"
COLUMN = "政府信息公开年报"
COLUMNS = 6         # applicant columns of table 三: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他


def reports(s) -> list[dict]:
    """This variant's reports, newest first, with their url."""
    out = s.data("annual")["reports"]
    for r in out:
        r["url"] = dated_url(BASE, r["published"], r["id"])
    return out


def build(s):
    listed = reports(s)
    platform.column_list(s, BASE, COLUMN, [(r["title"], r["url"], r["published"], {}) for r in listed])
    for r in listed:
        report(s, r)


def applications(r: dict, rows: list) -> dict:
    """Table 三's numbers: results per outcome row, their total, and 本年新收 derived so that 新收 + 结转
    = 办理结果 + 结转下年 (then the misprint, if any, added to 新收)."""
    a = r["applications"]
    unknown = set(a["results"]) - {k for _g, _i, k in rows}
    assert not unknown, f"annual.yaml {r['year']}: unknown outcome rows {unknown}"
    res = {k: a["results"].get(k, [0] * COLUMNS) for _g, _i, k in rows}
    total = [sum(v[c] for v in res.values()) for c in range(COLUMNS)]
    new = [total[c] + a["carried_out"][c] - a["carried_in"][c] for c in range(COLUMNS)]
    assert all(n >= 0 for n in new), r["year"]
    if r.get("misprint_new"):
        new = [n + m for n, m in zip(new, r["misprint_new"])]
    return dict(res=res, total=total, new=new, carried_in=a["carried_in"], carried_out=a["carried_out"])


def table3(s, nums: dict, rows: list) -> str:
    def row(cells, vals):
        return "<tr>" + cells + "".join(f"<td>{v}</td>" for v in vals) + f"<td>{sum(vals)}</td></tr>"
    group_size, group = {}, None
    for g, _i, _k in rows:
        group = g or group
        group_size[group] = group_size.get(group, 0) + 1
    out = [row('<td colspan="3">一、本年新收政府信息公开申请数量</td>', nums["new"]),
           row('<td colspan="3">二、上年结转政府信息公开申请数量</td>', nums["carried_in"])]
    for n, (g, item, k) in enumerate(rows):
        cells = f'<td rowspan="{len(rows) + 1}">三、本年度办理结果</td>' if n == 0 else ""
        if item is None:
            cells += f'<td colspan="2">{g}</td>'
        else:
            cells += (f'<td rowspan="{group_size[g]}">{g}</td>' if g else "") + f"<td>{item}</td>"
        out.append(row(cells, nums["res"][k]))
    out.append(row('<td colspan="2">（七）总计</td>', nums["total"]))
    out.append(row('<td colspan="3">四、结转下年度继续办理</td>', nums["carried_out"]))
    return s.render("annual_table3", rows="\n".join(out))


def report(s, r: dict):
    url, site, rows = r["url"], s.info["site_name"], s.data("annual")["table3_rows"]
    nums = applications(r, rows)
    issued, repealed, in_force = r["regulations"]
    heads = "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 3
    section5 = s.render("annual_section5", problems=r["problems"]) + "\n" if r["problems"] else ""
    html = s.render(
        "annual_report", year=r["year"], overview=paragraphs(r["overview"]),
        applications=sum(nums["new"]), other=r["other"], section5=section5, table3=table3(s, nums, rows),
        table2=s.render("annual_table2", issued=issued, repealed=repealed, in_force=in_force, licences=r["licences"],
                        penalties=r["penalties"], coercion=r["coercion"]),
        table4=s.render("annual_table4", heads=heads, cells="".join(f"<td>{v}</td>" for v in r["review"])))
    meta = s.meta(ColumnName=COLUMN, ColumnType="信息公开", ArticleTitle=r["title"], PubDate=r["published"],
                  ContentSource=site)
    table = platform.meta_table(s, f"{s.info['index_prefix']}/{r['published'][:4]}-{r['id'] % 100:04d}", r["published"])
    main = platform.article_main(s, table, r["title"], html, css_class="article report")
    platform.platform(s, url, f"{r['title']}_{site}", meta,
                      platform.trail(url, (COLUMN, rel(url, BASE)), ("正文", None)), main)
