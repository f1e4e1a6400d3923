"""Generate a synthetic Chinese government website for the benchmarks.

The site looks like a TRS/Hanweb-style county bureau site: a homepage, ~20 columns whose list
pages paginate (``index.html``, ``index_1.html`` …, 15 dated entries each) and dated articles
(``/col/202611/t20261110_12345.html``) with meta tags, a 发布时间 label, a breadcrumb, prev/next
and related links and the usual footer (主办单位, 网站标识码, ICP, 公网安备, 党政机关标识, 纠错).
Pages are about 8 KB; about 15 % are GBK-encoded and say ``<meta charset="gb2312">``.

``build_site`` returns page models (path, links, list items) and ``render`` turns one into bytes,
so the judging benchmark can clone extracted records onto the same link graph without rendering
and parsing every page.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

ITEMS_PER_LIST = 15
GBK_SHARE = 15           # percent of pages

# (path, name, kind hint for the titles)
COLUMNS = [
    ("/xwzx/gzdt/", "工作动态", "news"), ("/xwzx/tzgg/", "通知公告", "notice"),
    ("/xxgk/fdzdgknr/zcwj/", "政策文件", "policy"), ("/xxgk/fdzdgknr/zcjd/", "政策解读", "interp"),
    ("/xxgk/fdzdgknr/xzcf/", "行政处罚", "penalty"), ("/xxgk/fdzdgknr/ssjgk/", "双随机一公开", "news"),
    ("/xxgk/fdzdgknr/cjxx/", "抽检信息", "news"), ("/xxgk/fdzdgknr/czyjs/", "财政预决算", "news"),
    ("/xxgk/fdzdgknr/rsxx/", "人事信息", "notice"), ("/xxgk/fdzdgknr/ghjh/", "规划计划", "news"),
    ("/xwzx/mtbd/", "媒体报道", "news"), ("/xwzx/xcdt/", "县区动态", "news"),
    ("/hdjl/zxft/", "在线访谈", "news"), ("/hdjl/yjzj/", "意见征集", "notice"),
    ("/xxgk/fdzdgknr/jyta/", "建议提案办理", "news"), ("/xxgk/fdzdgknr/zdxm/", "重点项目", "news"),
    ("/xxgk/fdzdgknr/tjxx/", "统计信息", "news"), ("/xxgk/fdzdgknr/yjgl/", "应急管理", "news"),
    ("/xxgk/fdzdgknr/zfcg/", "政府采购", "notice"), ("/xxgk/fdzdgknr/zfgs/", "行政执法公示", "news"),
]
NAV = 9                   # columns in the top navigation

_SUBJECTS = ["市市场监管局", "我局", "局党组", "执法支队", "食品安全办", "质量发展科", "计量所", "消费者权益保护科",
             "网络交易监管科", "特种设备安全监察科", "知识产权科", "登记注册科"]
_ACTIONS = ["开展", "部署", "召开", "组织", "推进", "举办", "完成", "启动"]
_TOPICS = ["食品安全专项检查", "计量器具双随机抽查", "电动自行车消防安全整治", "网络直播营销合规指导", "特种设备隐患排查",
           "知识产权保护宣传周活动", "守合同重信用企业公示", "价格监督检查", "广告监测工作", "产品质量监督抽查",
           "校园食品安全排查", "营商环境优化座谈会", "消费维权进社区活动", "农资市场执法检查", "燃气安全隐患排查"]
_SENTENCES = [
    "会议指出，全市市场监管系统要坚持稳中求进工作总基调，统筹发展和安全，持续优化营商环境，强化市场秩序监管，守牢质量安全底线。",
    "会议要求，各科室、各市场监管所要细化工作措施，层层压实责任，确保各项任务按时保质完成，为全市经济社会高质量发展营造公平竞争的市场环境。",
    "检查组对辖区内电子商务经营者和直播基地开展了现场检查，重点检查平台内经营者身份核验、商品信息公示、促销规则公示等情况。",
    "此次工作由局分管领导带队，相关业务科室和属地市场监管所共同参与，共出动执法人员六十余人次，检查经营主体一百二十余家。",
    "针对检查中发现的问题，执法人员当场下达责令改正通知书，督促经营者限期整改，对涉嫌违法的线索依法立案调查。",
    "下一步，我局将持续加大监管力度，健全长效机制，畅通投诉举报渠道，切实维护广大消费者的合法权益。",
    "本次活动共发放宣传资料三千余份，现场解答群众咨询两百余人次，受理消费投诉十五件，为群众挽回经济损失两万余元。",
    "各有关单位要高度重视，加强组织领导，明确责任分工，按照本通知要求认真抓好贯彻落实，并于规定时间内报送工作总结。",
    "根据《中华人民共和国行政许可法》《中华人民共和国食品安全法》等法律法规的规定，结合本地实际，制定本办法。",
    "本办法自发布之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。",
]


def _h(*parts) -> int:
    return int.from_bytes(hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


@dataclass
class Page:
    path: str                      # absolute path on the site, e.g. /xwzx/gzdt/index_1.html
    role: str                      # home | list | article
    column: int = -1
    title: str = ""
    date: dt.date | None = None
    gbk: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)   # (absolute path or URL, text)
    items: list[tuple[str, str, str]] = field(default_factory=list)  # (path, title, yyyy-mm-dd)
    seq: int = 0                   # article number (for body text) / list page number
    n_nav: int = 0                 # the first n_nav links are the top navigation


@dataclass
class Site:
    name: str
    site_id: str
    pages: list[Page]
    columns: list[tuple[str, str, str]]

    def robots(self) -> str:
        return "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n"


def _title(kind: str, rnd: random.Random, year: int) -> str:
    subj, act, topic = rnd.choice(_SUBJECTS), rnd.choice(_ACTIONS), rnd.choice(_TOPICS)
    if kind == "notice":
        return f"关于{act}{year}年{topic}的通知"
    if kind == "policy":
        return f"关于印发《{topic}工作实施办法》的通知"
    if kind == "interp":
        return f"《{topic}工作实施办法》政策解读"
    if kind == "penalty":
        return f"行政处罚决定书（{rnd.choice('甲乙丙丁')}市监处罚〔{year}〕{rnd.randint(1, 300)}号）"
    return f"{subj}{act}{topic}"


def build_site(n_pages: int, *, name: str = "榕江市市场监督管理局", seed: int = 1,
               as_of: dt.date | None = None) -> Site:
    """A site of exactly ``n_pages`` HTML pages (homepage, list pages, articles)."""
    as_of = as_of or dt.date.today()
    rnd = random.Random(seed)
    n_cols = max(3, min(len(COLUMNS), n_pages // 400))
    columns = COLUMNS[:n_cols]
    site_id = f"35{_h(name, seed) % 10**8:08d}"
    pages: list[Page] = [Page("/index.html", "home", title=name)]
    rest = n_pages - 1
    per_col = [rest // n_cols + (1 if i < rest % n_cols else 0) for i in range(n_cols)]
    col_lists: list[list[Page]] = []
    art_id = 1000
    for c, ((cpath, cname, ckind), total) in enumerate(zip(columns, per_col)):
        n_lists = max(1, math.ceil(total / (ITEMS_PER_LIST + 1)))
        n_arts = total - n_lists
        # newest first, a few days apart, spanning back up to ~3 years
        step = max(1, min(7, 1000 // max(1, n_arts)))
        arts = []
        for k in range(n_arts):
            date = as_of - dt.timedelta(days=1 + k * step + rnd.randint(0, step - 1))
            art_id += 1
            path = f"{cpath}{date:%Y%m}/t{date:%Y%m%d}_{art_id}.html"
            arts.append(Page(path, "article", c, _title(ckind, rnd, date.year), date, seq=art_id))
        lists = [Page(f"{cpath}index.html" if i == 0 else f"{cpath}index_{i}.html", "list", c,
                      cname, seq=i) for i in range(n_lists)]
        for i, lp in enumerate(lists):
            lp.items = [(a.path, a.title, a.date.isoformat())
                        for a in arts[i * ITEMS_PER_LIST:(i + 1) * ITEMS_PER_LIST]]
        for k, a in enumerate(arts):
            a.items = [(b.path, b.title, "") for b in (arts[k - 1] if k else None,
                                                       arts[k + 1] if k + 1 < n_arts else None) if b]
        col_lists.append(lists)
        pages.extend(lists)
        pages.extend(arts)
    for p in pages:
        p.gbk = _h(name, p.path) % 100 < GBK_SHARE
        p.links = _links(p, columns, col_lists)
    return Site(name, site_id, pages, columns)


def _links(p: Page, columns, col_lists) -> list[tuple[str, str]]:
    nav = [("/index.html", "首页")] + [(c[0] + "index.html", c[1]) for c in columns[:NAV]]
    links = list(nav)
    p.n_nav = len(nav)
    if p.role == "home":
        # the columns the top navigation leaves out: a 栏目导航 block, so every column is reachable
        links.extend((c[0] + "index.html", c[1]) for c in columns[NAV:])
        for c, lists in enumerate(col_lists[:8]):
            links.append((columns[c][0] + "index.html", "更多>>"))
            links.extend((path, title) for path, title, _ in lists[0].items[:7])
    elif p.role == "list":
        lists = col_lists[p.column]
        links.append((columns[p.column][0] + "index.html", columns[p.column][1]))
        links.extend((path, title) for path, title, _ in p.items)
        i, last = p.seq, len(lists) - 1
        if last > 0:
            pag = [(lists[0].path, "首页")]
            if i > 0:
                pag.append((lists[i - 1].path, "上一页"))
            pag += [(lists[j].path, str(j + 1)) for j in range(max(0, i - 2), min(last, i + 3) + 1)]
            if i < last:
                pag.append((lists[i + 1].path, "下一页"))
            pag.append((lists[last].path, "尾页"))
            links.extend(pag)
    else:
        cpath, cname, _ = columns[p.column]
        links.append((cpath + "index.html", cname))
        links.extend((path, title) for path, title, _ in p.items)     # 上一篇 / 下一篇
        lists = col_lists[p.column]
        related = [it for lp in lists[:1] for it in lp.items[:6] if it[0] != p.path][:5]
        links.extend((path, title) for path, title, _ in related)
    links += [("/xxgk/fdzdgknr/zcwj/index.html" if len(columns) > 2 else "/index.html", "公开指南"),
              ("https://beian.miit.gov.cn/", "ICP备案"),
              ("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=35070202000317", "公网安备")]
    return links


# -- rendering -------------------------------------------------------------------------------
_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="SiteIDCode" content="{site_id}">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="{column}">
{extra_meta}<link rel="stylesheet" href="/css/common.css">
<script src="/js/common.js"></script>
<script src="/wza/govwza.js"></script>
</head>
<body>
<div class="topbar"><div class="w">
<span class="welcome">欢迎访问{site}网站</span>
<span class="tools"><button type="button" id="govwza-btn" onclick="govwza.toggle()">无障碍浏览</button></span>
</div></div>
<div class="header"><div class="w">
<div class="logo"><a href="/index.html" title="{site}">{site}</a></div>
<div class="hotline">投诉举报电话：12315</div>
</div></div>
<div class="nav"><ul class="w">
{nav}
</ul></div>
<div class="search-box"><form action="/search/" method="get" class="search">
<label for="kw" class="sr-only">站内搜索</label><input type="text" id="kw" name="q" placeholder="请输入关键词">
<button type="submit">搜索</button></form></div>
"""

_FOOT = """<div class="footer"><div class="w">
<p class="flinks"><a href="/index.html">网站首页</a> | <a href="{guide}">公开指南</a> | <a href="javascript:void(0)">联系我们</a></p>
<p>主办单位：{site}　　地址：榕江市榕城区江滨北路88号市行政服务中心B座　　邮编：353000</p>
<p>联系电话：0599-8861235　　网站标识码：{site_id}</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备16004231号-1</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=35070202000317" target="_blank" class="ga">闽公网安备 35070202000317号</a></p>
<div class="bs">
<span class="conac"><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/14/371/0000/60428012/CA143710000604280120001.js' type='text/javascript'%3E%3C/script%3E"));</script></span>
<span class="jiucuo"><script id="_jiucuo_" sitecode='{site_id}' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script></span>
</div>
</div></div>
</body>
</html>
"""


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def render(site: Site, p: Page) -> bytes:
    nav = "\n".join(f'<li><a href="{href}">{_esc(text)}</a></li>' for href, text in p.links[:p.n_nav])
    column = site.columns[p.column][1] if p.column >= 0 else "首页"
    extra_meta = ""
    if p.role == "article":
        extra_meta = (f'<meta name="ArticleTitle" content="{_esc(p.title)}">\n'
                      f'<meta name="PubDate" content="{p.date} 10:20">\n'
                      f'<meta name="ContentSource" content="{site.name}">\n')
    title = site.name if p.role == "home" else f"{p.title}_{site.name}"
    out = [_HEAD.format(charset="gb2312" if p.gbk else "utf-8", title=_esc(title), site=site.name,
                        site_id=site.site_id, column=column, extra_meta=extra_meta, nav=nav)]
    if p.role == "home":
        out.append('<div class="main w">\n<div class="box lmdh"><div class="box-hd"><h3>栏目导航</h3></div>\n'
                   '<ul class="list">')
        for href, text in p.links[p.n_nav:]:
            if text == "更多>>":
                out.append(f'</ul></div>\n<div class="box"><div class="box-hd"><h3>栏目</h3>'
                           f'<a class="more" href="{href}">更多&gt;&gt;</a></div>\n<ul class="list">')
            elif not href.startswith("http") and text != "公开指南":
                out.append(f'<li><a href="{href}" target="_blank" title="{_esc(text)}">{_esc(text)}</a>'
                           f'<span>{_date_of(p, href)}</span></li>')
        out.append("</ul></div>\n</div>")
    elif p.role == "list":
        cpath, cname, _ = site.columns[p.column]
        out.append(f'<div class="crumb w">当前位置：<a href="/index.html">首页</a> &gt; '
                   f'<a href="{cpath}index.html">{cname}</a></div>\n<div class="main w">\n'
                   f'<div class="col-title"><h2>{cname}</h2></div>\n<ul class="list">')
        for path, title, date in p.items:
            out.append(f'<li><a href="{path}" target="_blank" title="{_esc(title)}">{_esc(title)}</a>'
                       f'<span class="date">[{date}]</span></li>')
        out.append("</ul>")
        pag = [(h, t) for h, t in p.links if t in ("首页", "上一页", "下一页", "尾页") or t.isdigit()]
        pag = [x for x in pag if x[0] != "/index.html"]
        if pag:
            out.append('<div class="page">' + " ".join(f'<a href="{h}">{t}</a>' for h, t in pag)
                       + f" 共{len(p.items)}条</div>")
        out.append("</div>")
    else:
        cpath, cname, _ = site.columns[p.column]
        rnd = random.Random(p.seq)
        paras = "\n".join(f"<p>{''.join(rnd.sample(_SENTENCES, 3))}</p>" for _ in range(6))
        nav_links = "".join(f'<p>{"上一篇" if i == 0 else "下一篇"}：<a href="{h}">{_esc(t)}</a></p>'
                            for i, (h, t, _) in enumerate(p.items))
        related = [(h, t) for h, t in p.links[p.n_nav + 1 + len(p.items):] if not h.startswith("http")
                   and t != "公开指南"]
        out.append(
            f'<div class="crumb w">当前位置：<a href="/index.html">首页</a> &gt; <a href="{cpath}index.html">'
            f'{cname}</a> &gt; <span>正文</span></div>\n<div class="main w">\n<div class="article">\n'
            f'<h1>{_esc(p.title)}</h1>\n<div class="info">发布时间：{p.date} 10:20　　来源：{site.name}'
            f'　　<span>浏览次数：<script>document.write(1);</script></span></div>\n'
            f'<div class="content TRS_Editor">\n{paras}\n</div>\n<div class="prevnext">{nav_links}</div>\n'
            '<div class="related"><h4>相关信息</h4><ul>'
            + "".join(f'<li><a href="{h}">{_esc(t)}</a></li>' for h, t in related)
            + '</ul></div>\n<div class="art-foot"><a href="javascript:window.print()">【打印本页】</a> '
            '<a href="javascript:window.close()">【关闭窗口】</a></div>\n</div>\n</div>')
    guide = next((h for h, t in p.links if t == "公开指南"), "/index.html")
    out.append(_FOOT.format(site=site.name, site_id=site.site_id, guide=guide))
    html = "\n".join(out)
    if p.gbk:
        return html.encode("gbk", "xmlcharrefreplace")
    return html.encode("utf-8")


def _date_of(p: Page, href: str) -> str:
    # homepage entries: the date is part of the article path (t20261110_...)
    name = href.rsplit("/", 1)[-1]
    if name.startswith("t") and len(name) > 9 and name[1:9].isdigit():
        return f"{name[1:5]}-{name[5:7]}-{name[7:9]}"
    return ""


def write_site(site: Site, root: Path) -> dict:
    """Write every page under ``root`` (plus robots.txt); return page count and bytes."""
    root.mkdir(parents=True, exist_ok=True)
    total = 0
    made: set[str] = set()
    for p in site.pages:
        target = root / p.path.lstrip("/")
        parent = str(target.parent)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        body = render(site, p)
        target.write_bytes(body)
        total += len(body)
    (root / "robots.txt").write_text(site.robots(), encoding="ascii")
    os.chmod(root, 0o755)
    return {"pages": len(site.pages), "bytes": total,
            "gbk": sum(p.gbk for p in site.pages)}


if __name__ == "__main__":       # python bench/sitegen.py 200 /tmp/site
    import sys
    s = build_site(int(sys.argv[1]))
    print(write_site(s, Path(sys.argv[2])))
