"""在线咨询 (/hdjl/zxzx/): the 政务咨询 channel, its list and one detail page a message (interaction.yaml)."""
from __future__ import annotations

from . import chrome
from .util import rel

BASE = "/hdjl/zxzx/"
NAME = "在线咨询"


def _status(m: dict) -> str:
    return "已回复" if m.get("answered") else m.get("status") or "办理中"


def build(s):
    d = s.data("interaction")
    messages = sorted(d["messages"], key=lambda m: m["asked"], reverse=True)
    site = s.info["site_name"]
    rows = "\n".join(
        f'<tr><td class="t"><a href="{m["id"]}.html" target="_blank">{m["title"]}</a></td><td>{m["asked"]}</td>'
        f'<td>{m.get("answered") or ""}</td><td>{_status(m)}</td></tr>' for m in messages)
    main = ('<div class="list"><table class="hd-list"><thead><tr><th>留言标题</th><th>留言时间</th><th>答复时间</th>'
            f'<th>办理状态</th></tr></thead><tbody>\n{rows}\n</tbody></table></div>')
    meta = s.meta(ColumnName=NAME, ColumnType="互动交流")
    s.page(BASE, chrome.portal(s, BASE, f"{NAME}_{site}", meta, [("互动交流", None), (NAME, None)], main))
    for m in messages:
        url = f"{BASE}{m['id']}.html"
        reply = (f'<tr><th>答复单位：</th><td>{d["answerer"]}</td></tr><tr><th>答复时间：</th><td>{m["answered"]}</td></tr>'
                 f'<tr><th>答复内容：</th><td>{m["reply"]}</td></tr>') if m.get("answered") else \
            '<tr><th>答复内容：</th><td>暂无回复</td></tr>'
        main = (f'<div class="article"><h1>{m["title"]}</h1><table class="hd-detail">'
                f'<tr><th>留言标题：</th><td>{m["title"]}</td></tr><tr><th>留言时间：</th><td>{m["asked"]}</td></tr>'
                f'<tr><th>办理状态：</th><td>{_status(m)}</td></tr><tr><th>留言内容：</th><td>{m["question"]}</td></tr>'
                f'{reply}</table></div>')
        meta = s.meta(ColumnName=NAME, ColumnType="互动交流", ArticleTitle=m["title"])
        trail = [("互动交流", None), (NAME, rel(url, BASE)), ("正文", None)]
        # the portal template (the redesign in sparse re-did only 新闻中心's article template)
        s.page(url, chrome.portal(s, url, f"{m['title']}_{site}", meta, trail, main))
