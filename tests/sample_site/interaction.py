"""The 政务咨询 channels (interaction.yaml): 在线咨询 (/hdjl/zxzx/), a table and one detail page a
message; 局长信箱 (/hdjl/jzxx/), a list a script fetches from a JSON endpoint, and its detail pages."""
from __future__ import annotations

from . import chrome
from .util import json_bytes, rel

BASE = "/hdjl/zxzx/"
NAME = "在线咨询"
MAILBOX = "/hdjl/jzxx/"
# the mailbox's list page: an empty frame the script fills (nothing the crawler could read without the endpoint)
MAILBOX_SCRIPT = """<div class="list"><ul id="letters"><li class="loading">正在加载……</li></ul></div>
<script>
fetch("/hdjl/jzxx/letters.json?pageNo=1&pageSize=20").then(function (r) { return r.json(); }).then(function (res) {
  var ul = document.getElementById("letters");
  ul.textContent = "";
  res.result.forEach(function (x) {
    var li = document.createElement("li"), a = document.createElement("a"), span = document.createElement("span");
    a.href = x.url; a.textContent = x.letterTitle; span.textContent = x.writeDate + " " + x.replyStatus;
    li.appendChild(a); li.appendChild(span); ul.appendChild(li);
  });
});
</script>"""


def _status(m: dict) -> str:
    return "已回复" if m.get("answered") else m.get("status") or "办理中"


def build(s):
    d = s.data("interaction")
    messages = sorted(d["messages"], key=lambda m: m["asked"], reverse=True)
    site = s.info["site_name"]
    rows = "\n".join(
        f'<tr><td class="t"><a href="{m["id"]}.html" target="_blank">{m["title"]}</a></td><td>{m["asked"]}</td>'
        f'<td>{m.get("answered") or ""}</td><td>{_status(m)}</td></tr>' for m in messages)
    main = (f'<p class="channels">其他渠道：<a href="{MAILBOX}">{d["mailbox"]["name"]}</a></p>'
            '<div class="list"><table class="hd-list"><thead><tr><th>留言标题</th><th>留言时间</th><th>答复时间</th>'
            f'<th>办理状态</th></tr></thead><tbody>\n{rows}\n</tbody></table></div>')
    meta = s.meta(ColumnName=NAME, ColumnType="互动交流")
    s.page(BASE, chrome.portal(s, BASE, f"{NAME}_{site}", meta, [("互动交流", None), (NAME, None)], main))
    for m in messages:
        detail_page(s, BASE, NAME, m, "留言", _status(m), d["answerer"])
    mailbox(s)


def mailbox(s):
    """局长信箱: the frame page, the JSON answer its script fetches, a detail page a letter."""
    box = s.data("interaction")["mailbox"]
    site, name = s.info["site_name"], box["name"]
    letters = sorted(box["letters"], key=lambda x: x["asked"], reverse=True)
    meta = s.meta(ColumnName=name, ColumnType="互动交流")
    s.page(MAILBOX, chrome.portal(s, MAILBOX, f"{name}_{site}", meta, [("互动交流", None), (name, None)], MAILBOX_SCRIPT))
    answer = {"totalCount": len(letters), "pageNo": 1, "result": [
        {"originalId": x["id"], "letterTitle": x["title"], "writeDate": str(x["asked"]),
         "replyDate": str(x["answered"]) if x.get("answered") else "", "replyStatus": x["status"],
         "url": f"{MAILBOX}{x['id']}.html"} for x in letters]}
    s.put(f"{MAILBOX}letters.json", json_bytes(answer))
    for x in letters:
        detail_page(s, MAILBOX, name, x, "来信", x["status"])


def detail_page(s, base: str, channel: str, m: dict, word: str, status: str, answerer: str | None = None):
    """One message's page: 标题 / 时间 / 办理状态 / 内容 (word: 留言 or 来信), then the reply or 暂无回复.
    The portal template (the redesign in sparse re-did only 新闻中心's article template)."""
    url = f"{base}{m['id']}.html"
    unit = f'<tr><th>答复单位：</th><td>{answerer}</td></tr>' if answerer else ""
    reply = (f'{unit}<tr><th>答复时间：</th><td>{m["answered"]}</td></tr><tr><th>答复内容：</th><td>{m["reply"]}</td></tr>'
             if m.get("answered") else '<tr><th>答复内容：</th><td>暂无回复</td></tr>')
    main = (f'<div class="article"><h1>{m["title"]}</h1><table class="hd-detail">'
            f'<tr><th>{word}标题：</th><td>{m["title"]}</td></tr><tr><th>{word}时间：</th><td>{m["asked"]}</td></tr>'
            f'<tr><th>办理状态：</th><td>{status}</td></tr><tr><th>{word}内容：</th><td>{m["question"]}</td></tr>'
            f'{reply}</table></div>')
    meta = s.meta(ColumnName=channel, ColumnType="互动交流", ArticleTitle=m["title"])
    trail = [("互动交流", None), (channel, rel(url, base)), ("正文", None)]
    s.page(url, chrome.portal(s, url, f"{m['title']}_{s.info['site_name']}", meta, trail, main))
