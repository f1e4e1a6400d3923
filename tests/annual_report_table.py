"""The section-三 table of a 2021-format annual report, as real sites publish it (merged cells)."""
from __future__ import annotations

SUBS = {"（三）不予公开": ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                       "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                       "7.属于行政执法案卷", "8.属于行政查询事项"],
        "（四）无法提供": ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"],
        "（五）不予处理": ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                       "5.要求行政机关确认或重新出具已获取信息"],
        "（六）其他处理": ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]}
RESULT_ROWS = ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] + \
    [f"{parent}|{item}" for parent, items in SUBS.items() for item in items]


def _cells(values, blank_zero):
    values = list(values) + [sum(values)]
    return "".join(f"<td>{'' if blank_zero and v == 0 else v}</td>" for v in values)


def application_table_html(new, carried_in, results, carried_out, total=None, blank_zero=False) -> str:
    """``results``: {row label -> six applicant counts}; ``total`` defaults to their sum."""
    rows = [[0] * 6 for _ in RESULT_ROWS]
    for label, values in results.items():
        rows[next(i for i, r in enumerate(RESULT_ROWS) if r.endswith(label))] = values
    total = total or [sum(r[i] for r in rows) for i in range(6)]
    html = ['<table border="1"><tbody>',
            '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
            '<td colspan="7">申请人情况</td></tr>',
            '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
            f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{_cells(new, blank_zero)}</tr>',
            f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{_cells(carried_in, blank_zero)}</tr>']
    first, parent_open = True, set()
    for label, values in zip(RESULT_ROWS, rows):
        head = f'<td rowspan="{len(RESULT_ROWS) + 1}">三、本年度办理结果</td>' if first else ""
        first = False
        if "|" in label:
            parent, item = label.split("|")
            lead = "" if parent in parent_open else f'<td rowspan="{len(SUBS[parent])}">{parent}</td>'
            parent_open.add(parent)
            html.append(f"<tr>{head}{lead}<td>{item}</td>{_cells(values, blank_zero)}</tr>")
        else:
            html.append(f'<tr>{head}<td colspan="2">{label}</td>{_cells(values, blank_zero)}</tr>')
    html.append(f'<tr><td colspan="2">（七）总计</td>{_cells(total, blank_zero)}</tr>')
    html.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{_cells(carried_out, blank_zero)}</tr>')
    html.append("</tbody></table>")
    return "".join(html)
