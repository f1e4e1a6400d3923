#!/usr/bin/env python3
"""Generate the bundled sample site (auditor/sample_site/).

The site is a fictional 榕江市市场监督管理局 website. One builder renders the whole site three times:
with the planted problems (written in full to ``planted/``), with every problem fixed (``clean``), and
after a careless redesign (``sparse``: the failures that cannot coexist with planted's). Only the
files that differ from planted are written to ``clean/`` and ``sparse/`` (overlays), and a file that
exists in ``planted/`` but not in an overlay's rendering gets a ``<path>.deleted`` marker there.

Three 政府信息公开 sub-columns are script-built the way real platforms build their lists (issue 11;
``script_built_columns``): TRS WCM pagination, Hanweb jpage (data island + data proxy) and Guangdong
gkmlpt (SPA + JSON API). The data behind their endpoints is written as JSON under ``_data/`` in each
layer; the server answers the endpoints from it and never serves ``_data/`` itself.

Run:  python tools/build_sample_site.py         (from the repository root)
      python tools/build_sample_site.py --truth (print ground_truth.yaml's ``script_built`` section)
The output is committed; the server (auditor/sample_server.py) serves the committed files.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "auditor" / "sample_site"

SITE_NAME = "榕江市市场监督管理局"
SITE_DOMAIN = "scjgj.rongjiang.gov.cn"
SITE_ID = "3599000012"
SITE_ID_WRONG = "3599000021"
ICP = "闽ICP备16004231号-1"
PSB_CODE = "35070202000317"
ADDRESS = "榕江市榕城区江滨北路88号市行政服务中心B座"
PHONE = "0599-8861235"
FAX = "0599-8861236"
POSTCODE = "353000"
EMAIL = "rjscjgj_gk@163.com"
INDEX_PREFIX = "003592817"


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------

def rel(frm: str, to: str) -> str:
    """Relative link from page url path *frm* to url path *to*."""
    base = frm if frm.endswith("/") else posixpath.dirname(frm) + "/"
    r = posixpath.relpath(to, base)
    if to.endswith("/") and not r.endswith("/"):
        r = "./" if r == "." else r + "/"
    return r


def cn_date(d: str) -> str:
    y, m, dd = d.split("-")
    return f"{int(y)}年{int(m)}月{int(dd)}日"


def cn_numeral_date(d: str) -> str:
    """2026-11-02 -> 二〇二六年十一月二日 (the signature date of a 决定书)."""
    digits = "〇一二三四五六七八九"
    y, m, dd = (int(x) for x in d.split("-"))

    def small(n):
        return digits[n] if n < 10 else ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")
    return "".join(digits[int(c)] for c in str(y)) + f"年{small(m)}月{small(dd)}日"


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def png_1x1(rgb=(200, 30, 30)) -> bytes:
    def chunk(t, d):
        c = t + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    raw = b"\x00" + bytes(rgb)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def minimal_pdf(text: str) -> bytes:
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def minimal_ole(label: str) -> bytes:
    """A small file with the OLE2 compound-document signature (what .doc/.xls files start with)."""
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    body = label.encode("utf-16-le")
    return (head + b"\x00" * (512 - len(head)) + body).ljust(1536, b"\x00")


# --------------------------------------------------------------------------------------------
# content data
# --------------------------------------------------------------------------------------------

# 工作动态: (id, date, time, title, source)
GZDT = [
    (2001, "2026-06-05", "09:30", "市市场监管局召开2026年食品安全工作推进会", "食品安全协调科"),
    (2002, "2026-06-12", "16:05", "市市场监管局开展“6·9”世界认可日宣传活动", "认证认可科"),
    (2003, "2026-06-18", "10:12", "市市场监管局部署夏季食品安全专项检查", "食品经营科"),
    (2004, "2026-06-26", "15:40", "市市场监管局开展燃气用具产品质量专项检查", "质量发展科"),
    (2005, "2026-07-03", "11:20", "市市场监管局召开个体工商户发展座谈会", "登记注册科"),
    (2006, "2026-07-10", "17:02", "我市开展校外托管机构食品安全排查", "食品经营科"),
    (2007, "2026-07-17", "09:45", "市市场监管局组织开展特种设备应急救援演练", "特种设备安全监察科"),
    (2008, "2026-07-24", "10:30", "市市场监管局开展电梯安全守护行动", "特种设备安全监察科"),
    (2009, "2026-07-31", "15:16", "市市场监管局开展“双随机、一公开”联合抽查业务培训", "信用监督管理科"),
    (2010, "2026-08-07", "10:05", "我市启动2026年知识产权执法“铁拳”行动", "知识产权科"),
    (2011, "2026-08-14", "16:40", "市市场监管局召开全市计量工作会议", "计量科"),
    (2012, "2026-08-21", "09:50", "市市场监管局开展“清源”行动查处不合格电动自行车头盔", "执法支队"),
    (2013, "2026-08-28", "11:35", "市市场监管局组织开展食品生产企业食品安全总监培训", "食品生产科"),
    (2014, "2026-09-04", "15:00", "我市开展2026年秋季开学校园食品安全检查", "食品经营科"),
    (2015, "2026-09-10", "10:20", "市市场监管局开展中秋月饼质量安全专项检查", "食品生产科"),
    (2016, "2026-09-15", "09:10", "市市场监管局举办2026年“质量月”活动启动仪式", "质量发展科"),
    (2017, "2026-09-22", "17:30", "市市场监管局部署国庆中秋期间市场秩序保障工作", "办公室"),
    (2018, "2026-09-29", "10:45", "市市场监管局开展节前特种设备安全大检查", "特种设备安全监察科"),
    (2019, "2026-10-09", "15:25", "国庆假期我市市场秩序平稳有序", "办公室"),
    (2020, "2026-10-15", "10:00", "市市场监管局开展加油机计量作弊专项整治", "计量科"),
    (2021, "2026-10-20", "16:10", "市市场监管局召开经营主体信用修复工作推进会", "信用监督管理科"),
    (2022, "2026-10-23", "09:40", "我市开展2026年“守合同重信用”企业公示活动", "合同监督管理科"),
    (2023, "2026-10-26", "11:05", "市市场监管局开展农村集体聚餐食品安全指导", "食品经营科"),
    (2024, "2026-10-29", "15:50", "市市场监管局开展网络直播营销专项检查", "网络交易监督管理科"),
    (2025, "2026-11-02", "10:15", "市市场监管局联合多部门开展冬季燃气安全隐患排查", "特种设备安全监察科"),
    (2026, "2026-11-06", "16:20", "我市举办2026年知识产权保护宣传周活动", "知识产权科"),
    (2027, "2026-11-10", "10:20", "市市场监管局开展“双十一”网络交易监管专项检查", "网络交易监督管理科"),
    (2028, "2026-11-13", "17:05", "市市场监管局召开2026年第四季度食品安全形势分析会", "食品安全协调科"),
    (2029, "2026-11-17", "09:35", "我市开展计量惠民“进社区”活动", "计量科"),
    (2030, "2026-11-19", "15:30", "市市场监管局部署岁末年初安全生产工作", "办公室"),
]
EMPTY_TITLE_IDS = (2008, 2017)      # A11Y005
PHOTO_NO_ALT_ID = 2027              # A11Y004
ERROR500_ID = 2020                  # LNK002 (500)
HOME_BROKEN_DATE_ID = 2025          # LNK001: the homepage links to t20261102_9999 instead

GZDT_BODIES = {
    "食品": ["检查中，执法人员重点查看了经营者许可证照公示、从业人员健康证明、进货查验记录、食品贮存条件和餐用具清洗消毒等情况，对发现的问题当场下达责令改正通知书，督促限期整改到位。",
           "下一步，市市场监管局将持续压实食品安全主体责任，加大监督检查和抽检监测力度，切实保障人民群众“舌尖上的安全”。"],
    "特种设备": ["检查组深入电梯、锅炉、压力容器、气瓶充装等重点单位，详细检查了设备使用登记、定期检验、作业人员持证上岗、维护保养记录和应急预案落实情况。",
             "对检查中发现的隐患，检查组逐一建立问题清单，明确整改责任和时限，实行闭环管理，确保隐患动态清零。"],
    "default": ["会议指出，全市市场监管系统要坚持稳中求进工作总基调，统筹发展和安全，持续优化营商环境，强化市场秩序监管，守牢质量安全底线。",
                "会议要求，各科室、各市场监管所要细化工作措施，层层压实责任，确保各项任务按时保质完成，为全市经济社会高质量发展营造公平竞争的市场环境。"],
}

# 通知公告: (id, real date, shown date, title, source)
TZGG = [
    (5001, "2025-11-20", "2025-11-20", "关于2025年度特种设备安全监察工作情况的通报", "特种设备安全监察科"),
    (5002, "2025-12-16", "2026-12-16", "关于开展2026年元旦春节期间食品安全专项检查的通知", "食品经营科"),   # UPD005
    (5003, "2026-06-30", "2026-06-30", "关于公开征求《榕江市电动自行车销售经营规范（征求意见稿）》意见的公告", "法规科"),
    (5004, "2026-08-18", "2026-08-18", "关于开展2026年度计量器具“双随机”抽查的公告", "计量科"),        # loop link
    (5005, "2026-09-10", "2026-09-10", "关于做好2026年中秋国庆期间市场秩序保障工作的通知", "办公室"),   # GBK, lying meta
    (5006, "2026-10-23", "2026-10-23", "关于公布2026年度第三批“守合同重信用”企业名单的公告", "合同监督管理科"),
    (5007, "2026-11-09", "2026-11-09", "榕江市市场监督管理局2026年公开招聘编外工作人员公告", "人事科"),  # broken attachment
    (5008, "2026-11-16", "2026-11-16", "关于开展2026年冬季电动自行车消防安全专项检查的通告", "产品质量安全监督管理科"),
]
FUTURE_ID = 5002
LOOP_ID = 5004
LYING_ID = 5005
BROKEN_ATT_ID = 5007
HOT_ID = 5008                       # the newest notice, shown first on the homepage with an icon


def gzdt_url(i):
    d = next(x for x in GZDT if x[0] == i)[1]
    return f"/xwzx/gzdt/{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{i}.html"


def tzgg_url(i):
    d = next(x for x in TZGG if x[0] == i)[1]
    return f"/xwzx/tzgg/{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{i}.html"


def plat_url(col, date, i):
    return f"/xxgk/fdzdgknr/{col}/{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{i}.html"


# --------------------------------------------------------------------------------------------
# the builder
# --------------------------------------------------------------------------------------------

@dataclass
class Builder:
    variant: str                                    # "planted" | "clean" | "sparse"
    files: dict = field(default_factory=dict)       # relative file path -> bytes

    @property
    def clean(self) -> bool:
        return self.variant == "clean"

    @property
    def sparse(self) -> bool:
        """The planted site after a careless redesign (GDE001/002/003, RPT001, RPT004 fail): a new homepage
        (ID003-ID006, A11Y001/002/006, UPD001), a new 新闻中心 article template (ID001, ID005, ID007, ID008),
        and lost or stale sub-columns (MKT001, MKT002, MKT004-MKT006)."""
        return self.variant == "sparse"

    @property
    def subcols(self):
        """法定主动公开内容 sub-columns; planted/sparse have no 应急管理 (COL003); the sparse redesign also
        lost 抽检信息 (MKT002), 建议提案办理 (MKT004) and 权责清单 (MKT005)."""
        return [(c, n) for c, n in SUBCOLS if (self.clean or c not in CLEAN_ONLY_SUBCOLS)
                and not (self.sparse and c in SPARSE_DROPPED_SUBCOLS)]

    @property
    def annual(self):
        """(year, url, published, title) of the annual reports this variant lists."""
        if not self.sparse:
            return ANNUAL
        out = []
        for y, u, p, t in ANNUAL:
            if y == 2023:           # RPT004: dropped in the redesign
                continue
            if y == 2025:           # RPT001: published after 01-31
                u, p = SPARSE_2025_REPORT
            out.append((y, u, p, t))
        return out

    @property
    def guide_url(self):
        return SPARSE_GUIDE_URL if self.sparse else GUIDE_URL

    # ---- output -------------------------------------------------------------------------
    def put(self, url: str, data: bytes):
        p = url.lstrip("/")
        if p == "" or p.endswith("/"):
            p += "index.html"
        assert p not in self.files, p
        self.files[p] = data

    def page(self, url: str, html: str, encoding="utf-8", bom=False):
        data = html.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        self.put(url, data)

    # ---- shared fragments -----------------------------------------------------------------
    def head(self, title, meta: dict, extra="", charset_tag='<meta charset="utf-8">', css="/css/common.css"):
        m = "\n".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in meta.items())
        return f"""<head>
{charset_tag}
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
{m}
<link rel="stylesheet" href="{css}">
<script src="/js/common.js"></script>
<script src="/wza/govwza.js"></script>
{extra}</head>"""

    def site_meta(self, **kw):
        d = {"SiteName": SITE_NAME, "SiteDomain": SITE_DOMAIN, "SiteIDCode": SITE_ID}
        d.update({k: v for k, v in kw.items() if v is not None})
        return d

    def topbar(self, url, search=True):
        s = f'\n<a href="{rel(url, "/search/")}">站内搜索</a>' if search else ""
        return f"""<div class="topbar"><div class="w">
<span class="welcome">欢迎访问榕江市市场监督管理局网站</span>
<span class="tools"><button type="button" id="govwza-btn" onclick="govwza.toggle()">无障碍浏览</button>
<a href="{rel(url, '/ghb/')}" class="care">关怀版</a>{s}</span>
</div></div>"""

    def header(self, url):
        return f"""<div class="header"><div class="w">
<div class="logo"><a href="/" title="榕江市市场监督管理局">榕江市市场监督管理局</a></div>
<div class="hotline">投诉举报电话：12315</div>
</div></div>
<div class="nav"><ul class="w">
<li><a href="/">首页</a></li>
<li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/xxgk/">政府信息公开</a></li>
<li><a href="/xxgk/fdzdgknr/zcwj/">政策文件</a></li>
<li><a href="/xxgk/fdzdgknr/zcjd/">政策解读</a></li>
<li><a href="/xxgk/fdzdgknr/zfgs/">行政执法公示</a></li>
<li><a href="/xxgk/fdzdgknr/tsjb/">投诉举报</a></li>
</ul></div>"""

    def crumbs(self, url, trail, prefix="当前位置："):
        parts = [f'<a href="{rel(url, "/")}">首页</a>']
        for text, href in trail:
            parts.append(f'<a href="{href}">{text}</a>' if href else f"<span>{text}</span>")
        return f'<div class="crumb w">{prefix}' + " &gt; ".join(parts) + "</div>"

    def footer(self, url, site_id=SITE_ID, full=True):
        # the planted disclosure platform's footer links neither 依申请公开 nor the search (COL005/COL006)
        more = ' | <a href="/xxgk/ysqgk/">依申请公开</a> | <a href="/search/">站内搜索</a>' if full else ""
        return f"""<div class="footer"><div class="w">
<p class="flinks"><a href="/">网站首页</a> | <a href="{rel(url, '/xxgk/zn/')}">公开指南</a>{more}</p>
<p>主办单位：榕江市市场监督管理局　　地址：{ADDRESS}　　邮编：{POSTCODE}</p>
<p>联系电话：{PHONE}　　网站标识码：{site_id}</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={PSB_CODE}" target="_blank" class="ga">闽公网安备 {PSB_CODE}号</a></p>
<div class="bs">
<span class="conac"><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/14/371/0000/60428012/CA143710000604280120001.js' type='text/javascript'%3E%3C/script%3E"));</script></span>
<span class="jiucuo"><script id="_jiucuo_" sitecode='{SITE_ID}' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script></span>
</div>
</div></div>"""

    def portal(self, url, title, meta, trail, main, lang=True):
        return f"""<!DOCTYPE html>
<html{' lang="zh-CN"' if lang else ''}>
{self.head(title, meta)}
<body>
{self.topbar(url)}
{self.header(url)}
{self.crumbs(url, trail)}
<div class="main w">
{main}
</div>
{self.footer(url)}
</body>
</html>
"""

    # ---- the sparse redesign's templates --------------------------------------------------
    def article_portal(self, url, title, meta, trail, main, lang=True):
        """新闻中心 article pages: the portal template, or in sparse the redesign's new article template."""
        if not self.sparse:
            return self.portal(url, title, meta, trail, main, lang=lang)
        return self.new_article(url, title, meta, trail, main, lang=lang)

    def new_article(self, url, title, meta, trail, main, lang=True):
        """The redesign's article template: no SiteName/SiteDomain/SiteIDCode (ID007), no PubDate and
        ContentSource (ID008), no 无障碍/关怀版 in the top bar, a footer with 版权所有 instead of 主办单位
        (ID001) and no 党政机关 mark (ID005)."""
        m = "\n".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in meta.items()
                      if k in ("ColumnName", "ArticleTitle"))
        return f"""<!DOCTYPE html>
<html{' lang="zh-CN"' if lang else ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
{m}
<link rel="stylesheet" href="/css/common.css">
<script src="/js/common.js"></script>
</head>
<body class="v2">
<div class="v2-head"><div class="w">
<a href="/" class="v2-logo">榕江市市场监督管理局</a>
<ul class="v2-nav"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/xxgk/">政务公开</a></li><li><a href="/search/">站内搜索</a></li></ul>
</div></div>
{self.crumbs(url, trail, prefix="您的位置：")}
<div class="main w">
{main}
</div>
<div class="v2-footer"><div class="w">
<p>版权所有：榕江市市场监督管理局　　联系电话：{PHONE}　　网站标识码：{SITE_ID}</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={PSB_CODE}" target="_blank">闽公网安备 {PSB_CODE}号</a></p>
<script id="_jiucuo_" sitecode='{SITE_ID}' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>
</div></div>
</body>
</html>
"""

    # ---- disclosure platform template -------------------------------------------------
    def xxgk_sidenav(self, url):
        subs = "\n".join(f'<li><a href="{rel(url, "/xxgk/fdzdgknr/" + c + "/")}">{n}</a></li>' for c, n in self.subcols)
        return f"""<div class="side">
<h2><a href="{rel(url, '/xxgk/fdzdgknr/')}">法定主动公开内容</a></h2>
<ul class="subs">
{subs}
</ul>
<p class="back"><a href="/xxgk/">返回政府信息公开首页</a></p>
</div>"""

    def xxgk_search(self):
        return """<form class="gk-search" action="/search/" method="get">
<label for="gkq">信息公开检索</label>
<input type="text" id="gkq" name="q" placeholder="请输入标题、文号或关键词">
<button type="submit">检索</button>
</form>"""

    def platform(self, url, title, meta, trail, main, side=True, banner="政府信息公开", bom=False):
        html = f"""<!DOCTYPE html>
<html lang="zh-CN">
{self.head(title, meta, css="/css/xxgk.css")}
<body>
{self.topbar(url, search=self.clean)}
<div class="gk-banner"><div class="w"><a href="/" class="gk-logo">榕江市市场监督管理局</a><span class="gk-title">{banner}</span>
<a href="/" class="home">返回网站首页</a></div></div>
{self.crumbs(url, trail)}
<div class="gk-main w">
{self.xxgk_sidenav(url) if side else ''}
<div class="gk-content">
{self.xxgk_search() if self.clean else ''}
{main}
</div>
</div>
{self.footer(url, full=self.clean)}
</body>
</html>
"""
        self.page(url, html, bom=bom)

    def gk_trail(self, url, *extra):
        t = [("政府信息公开", rel(url, "/xxgk/"))]
        return t + list(extra)

    def gk_meta_table(self, idx, date, written=None, doc_no=None, name=None, topic="市场监管"):
        rows = [f'<tr><th>索引号：</th><td>{idx}</td><th>主题分类：</th><td>{topic}</td></tr>',
                f'<tr><th>发布机构：</th><td>{SITE_NAME}</td><th>成文日期：</th><td>{written or date}</td></tr>']
        if doc_no is not None:
            rows.append(f'<tr><th>文　　号：</th><td>{doc_no}</td><th>发布日期：</th><td>{date}</td></tr>')
        else:
            rows.append(f'<tr><th>发布日期：</th><td colspan="3">{date}</td></tr>')
        if name:
            rows.append(f'<tr><th>名　　称：</th><td colspan="3">{name}</td></tr>')
        return '<table class="xxgk-meta">\n' + "\n".join(rows) + "\n</table>"

    def gk_article(self, url, col_name, col_url, title, date, paras, idx, written=None, doc_no=None,
                   extra_html="", source=SITE_NAME, trail_mid=None, title_tag=None, topic="市场监管"):
        meta = self.site_meta(ColumnName=col_name, ColumnType=col_name, ArticleTitle=title,
                              PubDate=date, ContentSource=source)
        trail = self.gk_trail(url)
        if trail_mid:
            trail += trail_mid
        trail += [(col_name, rel(url, col_url)), ("正文", None)]
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        main = f"""{self.gk_meta_table(idx, date, written, doc_no, title if doc_no is not None else None, topic=topic)}
<div class="article">
<h1>{title}</h1>
<div class="content">
{body}
</div>
{extra_html}
</div>"""
        self.platform(url, title_tag if title_tag is not None else f"{title}_{SITE_NAME}", meta, trail, main)

    def gk_list(self, url, col_name, items, style="table", trail_mid=None, empty_text="暂无信息", intro=""):
        """items: list of (title, href_abs, date or None, extra_cols dict)."""
        meta = self.site_meta(ColumnName=col_name, ColumnType="信息公开")
        trail = self.gk_trail(url)
        if trail_mid:
            trail += trail_mid
        trail += [(col_name, None)]
        if not items:
            lst = f'<div class="no-data">{empty_text}</div>'
        elif style == "table":
            rows = "\n".join(
                f'<tr><td>{n}</td><td class="t"><a href="{rel(url, h)}" title="{esc(t)}" target="_blank">{t}</a></td><td>{d or ""}</td></tr>'
                for n, (t, h, d, _x) in enumerate(items, 1))
            lst = f"""<table class="gk-list"><thead><tr><th>序号</th><th>标题</th><th>发布日期</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
        elif style == "doc":
            rows = "\n".join(
                f'<tr><td class="t"><a href="{rel(url, h)}" target="_blank">{t}</a></td><td>{x["doc_no"]}</td><td>{x["written"]}</td><td>{d}</td></tr>'
                for (t, h, d, x) in items)
            lst = f"""<table class="gk-list gk-doc"><thead><tr><th>名称</th><th>文号</th><th>成文日期</th><th>发布日期</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
        elif style == "cn":      # dates as 2026年9月16日
            rows = "\n".join(
                f'<li><a href="{h}">{t}</a>' + (f'<span class="date">{cn_date(d)}</span>' if d else "") + "</li>"
                for (t, h, d, _x) in items)
            lst = f'<ul class="gk-ul">\n{rows}\n</ul>'
        else:                    # li with plain ISO date
            rows = "\n".join(f'<li><a href="{rel(url, h)}">{t}</a><span>{d}</span></li>' for (t, h, d, _x) in items)
            lst = f'<ul class="gk-ul">\n{rows}\n</ul>'
        main = f"""<div class="col-title"><h2>{col_name}</h2></div>
{intro}{lst}
<div class="pages">共{len(items)}条记录</div>"""
        self.platform(url, f"{col_name}_{SITE_NAME}", meta, trail, main)

    # ----------------------------------------------------------------------------------
    def build(self):
        self.static()
        self.home()
        self.care_home()
        self.news()
        self.notices()
        self.fdzdgknr()
        self.script_built_columns()
        self.xxgk_home()
        self.guide()
        if self.clean:
            self.rules_column()
        self.annual_reports()
        self.ysqgk()
        self.search()
        return self.files

    # ---- static files --------------------------------------------------------------------
    def static(self):
        self.put("/robots.txt", b"User-agent: *\nDisallow: /admin/\n")
        self.put("/css/common.css", (
            "body{margin:0;font:14px/1.8 'Microsoft YaHei',SimSun,sans-serif;color:#333}\n"
            ".w{width:1200px;margin:0 auto}.topbar{background:#f2f2f2;font-size:12px}\n"
            ".header{background:#1d5bb5;color:#fff;height:110px}.logo a{color:#fff;font-size:32px;text-decoration:none}\n"
            ".nav{background:#0d4a9e}.nav li{display:inline-block;padding:0 24px}.nav a{color:#fff}\n"
            ".list li span,.date{float:right;color:#999}.footer{background:#1d5bb5;color:#fff;text-align:center;padding:20px 0}\n"
            ".footer a{color:#fff}.crumb{padding:10px 0}.article h1{text-align:center;font-size:22px}\n").encode())
        self.put("/css/xxgk.css", (
            ".gk-banner{background:#b81c22;color:#fff;height:90px}.gk-main{display:flex}.side{width:260px}\n"
            ".gk-content{flex:1}.xxgk-meta{width:100%;border:1px solid #ddd}.gk-list{width:100%}\n"
            ".no-data{padding:60px;text-align:center;color:#999}\n").encode())
        self.put("/js/common.js", b"/* common */\nfunction setHome(){}\n")
        self.put("/js/page.js", TRS_PAGE_JS.encode("utf-8"))          # the TRS pager (知识产权)
        self.put("/module/jslib/jquery/jquery.js", b"/* jQuery (not bundled with the sample site: the auditor runs no script) */\n")
        self.put("/module/web/jpage/jpage.js", b"/* Hanweb jpage pager: draws the list from the datastore island, fetches further groups from dataproxy.jsp */\n")
        self.put("/wza/govwza.js", (
            "/* \xe6\x97\xa0\xe9\x9a\x9c\xe7\xa2\x8d\xe6\xb5\x8f\xe8\xa7\x88\xe5\xb7\xa5\xe5\x85\xb7\xe6\x9d\xa1 */\n"
            "var govwza={toggle:function(){document.body.classList.toggle('wza');}};\n").encode("latin-1"))
        for i, c in enumerate([(200, 40, 40), (40, 120, 200), (60, 160, 80), (220, 180, 40)], 1):
            self.put(f"/xwzx/gzdt/202611/W020261110_{i}.png", png_1x1(c))
        self.put("/xwzx/gzdt/202609/W020260915_1.png", png_1x1((120, 80, 160)))
        self.put("/images/icon_new.png", png_1x1((250, 60, 60)))
        self.put("/xxgk/fdzdgknr/zcjd/202605/W020260521_1.png", png_1x1((230, 120, 30)))
        # attachments
        self.put("/xxgk/fdzdgknr/czyjs/202602/P020260206_1.pdf", minimal_pdf("Rongjiang SAMR 2026 budget"))
        self.put("/xxgk/fdzdgknr/czyjs/202508/P020250829_1.pdf", minimal_pdf("Rongjiang SAMR 2024 final accounts"))
        if not self.sparse:                 # the sparse redesign dropped 抽检信息 (MKT002)
            self.put("/xxgk/fdzdgknr/cjxx/202611/P020261111_1.xls", minimal_ole("2026年第6期食品安全监督抽检结果"))
        self.put("/xxgk/ysqgk/P020250310_1.doc", minimal_ole("政府信息公开申请表"))
        if self.clean:
            self.put("/xwzx/tzgg/202611/P020261109_1.doc", minimal_ole("报名表"))
            self.put("/xxgk/fdzdgknr/czyjs/202608/P020260828_1.pdf", minimal_pdf("Rongjiang SAMR 2025 final accounts"))

    # ---- homepage ---------------------------------------------------------------------------
    def home(self):
        if self.sparse:
            return self.sparse_home()
        url = "/"
        col_label = "政府信息公开" if self.clean else "政务公开"
        news = sorted(GZDT, key=lambda x: x[1], reverse=True)[:8]
        lis = []
        for i, d, _t, title, _s in news:
            href = gzdt_url(i)
            if i == HOME_BROKEN_DATE_ID and not self.clean:
                href = "/xwzx/gzdt/202611/t20261102_9999.html"
            lis.append(f'<li><a href="{href}" target="_blank" title="{esc(title)}">{title}</a><span>{d}</span></li>')
        notices = sorted([x for x in TZGG if x[1] >= "2026-06-01"], key=lambda x: x[1], reverse=True)[:5]
        nlis = [f'<li><a href="{tzgg_url(i)[1:]}">{t}</a><span>{sd}</span></li>' for i, _d, sd, t, _s in notices]
        hot = next(x for x in TZGG if x[0] == HOT_ID)
        assert notices[0] == hot
        photos = [(2027, "/xwzx/gzdt/202611/W020261110_1.png", "执法人员在电商企业检查网络交易平台经营者资质"),
                  (2016, "/xwzx/gzdt/202609/W020260915_1.png", "2026年“质量月”活动启动仪式现场"),
                  (2029, "/xwzx/gzdt/202611/W020261110_4.png", "计量技术人员为社区居民免费检定血压计")]
        ph = "\n".join(f'<li><a href="{gzdt_url(i)}"><img src="{src}" alt="{alt}" width="380" height="240"></a><p>{alt}</p></li>'
                       for i, src, alt in photos)
        zd = '<li><a href="/xxgk/zd/">公开制度</a></li>' if self.clean else ""
        main = f"""<div class="search-box">
<form action="/search/" method="get" class="search">
<label for="kw" class="sr-only">站内搜索</label>
<input type="text" id="kw" name="q" placeholder="请输入关键词">
<button type="submit">搜索</button>
</form>
</div>
<div class="row1">
<div class="focus"><ul class="pics">
{ph}
</ul></div>
<div class="box news">
<div class="box-hd"><h3><a href="/xwzx/gzdt/">工作动态</a></h3><a class="more" href="xwzx/gzdt/">更多&gt;&gt;</a></div>
<ul class="list">
{chr(10).join(lis)}
</ul>
</div>
</div>
<div class="row2">
<div class="box notice">
<div class="box-hd"><h3><a href="xwzx/tzgg/">通知公告</a></h3><a class="more" href="/xwzx/tzgg/">更多&gt;&gt;</a></div>
<ul class="list">
<li class="hot"><img src="/images/icon_new.png" alt="" width="16" height="16"><a href="{tzgg_url(HOT_ID)}">{hot[3]}</a><span>{hot[2]}</span></li>
{chr(10).join(nlis[1:])}
</ul>
</div>
<div class="box gk">
<div class="box-hd"><h3><a href="/xxgk/">{col_label}</a></h3></div>
<ul class="gk-entry">
<li><a href="{self.guide_url if self.sparse else '/xxgk/zn/'}">公开指南</a></li>
{zd}
<li><a href="/xxgk/fdzdgknr/">法定主动公开内容</a></li>
<li><a href="/xxgk/nb/">公开年报</a></li>
<li><a href="/xxgk/ysqgk/">依申请公开</a></li>
</ul>
<ul class="quick">
<li><a href="/xxgk/fdzdgknr/zcwj/">政策文件</a></li>
<li><a href="/xxgk/fdzdgknr/xzcf/">行政处罚</a></li>
<li><a href="/xxgk/fdzdgknr/ssjgk/">双随机一公开</a></li>
<li><a href="/xxgk/fdzdgknr/cjxx/">抽检信息</a></li>
<li><a href="/xxgk/fdzdgknr/czyjs/">财政预决算</a></li>
<li><a href="/xxgk/fdzdgknr/tsjb/">12315投诉举报</a></li>
</ul>
</div>
</div>"""
        meta = {"SiteName": SITE_NAME, "SiteDomain": SITE_DOMAIN,
                "SiteIDCode": SITE_ID if self.clean else SITE_ID_WRONG,
                "ColumnName": "首页", "ColumnType": "首页",
                "Keywords": "榕江市市场监督管理局,市场监管,食品安全,12315", "Description": "榕江市市场监督管理局门户网站"}
        nav = f"""<div class="header"><div class="w">
<div class="logo"><a href="/" title="榕江市市场监督管理局">榕江市市场监督管理局</a></div>
<div class="hotline">投诉举报电话：12315</div>
</div></div>
<div class="nav"><ul class="w">
<li class="on"><a href="/">首页</a></li>
<li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/xxgk/">{col_label}</a></li>
<li><a href="/xxgk/fdzdgknr/zcjd/">政策解读</a></li>
<li><a href="/xxgk/fdzdgknr/zfgs/">行政执法公示</a></li>
<li><a href="/xxgk/fdzdgknr/tsjb/">投诉举报</a></li>
<li><a href="/search/">站内搜索</a></li>
</ul></div>"""
        html = f"""<!DOCTYPE html>
<html lang="zh-CN">
{self.head(SITE_NAME, meta)}
<body class="index">
{self.topbar(url)}
{nav}
<div class="main w">
{main}
</div>
{self.footer(url)}
</body>
</html>
"""
        self.page(url, html)

    def sparse_home(self):
        """The redesign's homepage. Its 工作动态 and 通知公告 boxes were filled when the new site was staged
        and never re-bound to the columns (UPD001: newest item 2026-11-02); no 无障碍 toolbar or link
        (A11Y001), no 关怀版 link (A11Y002), an unlabelled search box (A11Y006); the footer prints the ICP
        number without 号 (ID003) and a 公网安备 number that differs from its link's recordcode (ID004),
        the conac script is commented out (ID005) and 找错 is the retired kaipuyun link (ID006)."""
        url = "/"
        news = sorted([x for x in GZDT if x[1] <= SPARSE_HOME_FROZEN], key=lambda x: x[1], reverse=True)[:8]
        lis = []
        for i, d, _t, title, _s in news:
            href = "/xwzx/gzdt/202611/t20261102_9999.html" if i == HOME_BROKEN_DATE_ID else gzdt_url(i)
            lis.append(f'<li><a href="{href}" target="_blank" title="{esc(title)}">{title}</a><span>{d}</span></li>')
        notices = sorted([x for x in TZGG if "2026-06-01" <= x[1] <= SPARSE_HOME_FROZEN], key=lambda x: x[1], reverse=True)[:5]
        nlis = [f'<li><a href="{tzgg_url(i)}">{t}</a><span>{sd}</span></li>' for i, _d, sd, t, _s in notices]
        photos = [(2016, "/xwzx/gzdt/202609/W020260915_1.png", "2026年“质量月”活动启动仪式现场")]
        ph = "\n".join(f'<li><a href="{gzdt_url(i)}"><img src="{src}" alt="{alt}" width="380" height="240"></a><p>{alt}</p></li>'
                       for i, src, alt in photos)
        meta = {"SiteName": SITE_NAME, "SiteDomain": SITE_DOMAIN, "SiteIDCode": SITE_ID_WRONG,
                "ColumnName": "首页", "ColumnType": "首页",
                "Keywords": "榕江市市场监督管理局,市场监管,食品安全,12315", "Description": "榕江市市场监督管理局门户网站"}
        m = "\n".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in meta.items())
        conac = ("<!-- <span id=\"_ideConac\"></span><script type=\"text/javascript\" "
                 "src=\"https://dcs.conac.cn/js/14/371/0000/60428012/CA143710000604280120001.js\"></script> -->")
        html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{SITE_NAME}</title>
{m}
<link rel="stylesheet" href="/css/common.css">
<script src="/js/common.js"></script>
</head>
<body class="v2 index">
<div class="v2-head"><div class="w">
<a href="/" class="v2-logo">榕江市市场监督管理局</a>
<form action="/search/" method="get" class="v2-search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
<div class="hotline">投诉举报电话：12315</div>
</div></div>
<div class="v2-nav"><ul class="w">
<li class="on"><a href="/">首页</a></li>
<li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/xxgk/">政务公开</a></li>
<li><a href="/xxgk/fdzdgknr/zcjd/">政策解读</a></li>
<li><a href="/xxgk/fdzdgknr/zfgs/">行政执法公示</a></li>
<li><a href="/xxgk/fdzdgknr/tsjb/">投诉举报</a></li>
</ul></div>
<div class="main w">
<div class="row1">
<div class="focus"><ul class="pics">
{ph}
</ul></div>
<div class="box news">
<div class="box-hd"><h3><a href="/xwzx/gzdt/">工作动态</a></h3><a class="more" href="/xwzx/gzdt/">更多&gt;&gt;</a></div>
<ul class="list">
{chr(10).join(lis)}
</ul>
</div>
</div>
<div class="row2">
<div class="box notice">
<div class="box-hd"><h3><a href="/xwzx/tzgg/">通知公告</a></h3><a class="more" href="/xwzx/tzgg/">更多&gt;&gt;</a></div>
<ul class="list">
{chr(10).join(nlis)}
</ul>
</div>
<div class="box gk">
<div class="box-hd"><h3><a href="/xxgk/">政务公开</a></h3></div>
<ul class="gk-entry">
<li><a href="{self.guide_url}">公开指南</a></li>
<li><a href="/xxgk/fdzdgknr/">法定主动公开内容</a></li>
<li><a href="/xxgk/nb/">公开年报</a></li>
<li><a href="/xxgk/ysqgk/">依申请公开</a></li>
</ul>
<ul class="quick">
<li><a href="/xxgk/fdzdgknr/zcwj/">政策文件</a></li>
<li><a href="/xxgk/fdzdgknr/xzcf/">行政处罚</a></li>
<li><a href="/xxgk/fdzdgknr/ssjgk/">双随机一公开</a></li>
<li><a href="/xxgk/fdzdgknr/czyjs/">财政预决算</a></li>
<li><a href="/xxgk/fdzdgknr/tsjb/">12315投诉举报</a></li>
</ul>
</div>
</div>
</div>
<div class="v2-footer"><div class="w">
<p>主办单位：榕江市市场监督管理局　　地址：{ADDRESS}　　联系电话：{PHONE}</p>
<p>网站标识码：{SITE_ID}　　<a href="https://beian.miit.gov.cn/" target="_blank">{SPARSE_ICP}</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={PSB_CODE}" target="_blank">闽公网安备 {SPARSE_PSB_CODE}号</a></p>
<div class="bs">
{conac}
<a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code={SITE_ID}" target="_blank" class="jiucuo">我为政府网站找错</a>
</div>
</div></div>
</body>
</html>
"""
        self.page(url, html)

    def care_home(self):
        url = "/ghb/"
        news = sorted(GZDT, key=lambda x: x[1], reverse=True)[:6]
        lis = "\n".join(f'<li><a href="{gzdt_url(i)}">{t}</a><span>{d}</span></li>' for i, d, _h, t, _s in news)
        main = f"""<div class="care-tip">您正在使用关怀版（长者模式），字号已放大。<a href="/">返回标准版</a></div>
<div class="box"><h2>工作动态</h2><ul class="list big">
{lis}
</ul></div>
<div class="box"><h2>常用服务</h2><ul class="big">
<li><a href="/xxgk/fdzdgknr/tsjb/">12315投诉举报</a></li>
<li><a href="/xxgk/ysqgk/">依申请公开</a></li>
</ul></div>"""
        meta = self.site_meta(ColumnName="关怀版", ColumnType="关怀版")
        self.page(url, self.portal(url, f"关怀版_{SITE_NAME}", meta, [("关怀版", None)], main))

    # ---- 新闻中心 ---------------------------------------------------------------------------
    def news(self):
        # /xwzx/ index
        url = "/xwzx/"
        g = sorted(GZDT, key=lambda x: x[1], reverse=True)[:6]
        t = sorted(TZGG, key=lambda x: x[1], reverse=True)[:5]
        main = f"""<div class="box"><div class="box-hd"><h3>工作动态</h3><a class="more" href="gzdt/">更多</a></div><ul class="list">
{chr(10).join(f'<li><a href="{rel(url, gzdt_url(i))}">{tt}</a><span>{d}</span></li>' for i, d, _h, tt, _s in g)}
</ul></div>
<div class="box"><div class="box-hd"><h3>通知公告</h3><a class="more" href="tzgg/">更多</a></div><ul class="list">
{chr(10).join(f'<li><a href="{rel(url, tzgg_url(i))}">{tt}</a><span>{sd}</span></li>' for i, _d, sd, tt, _s in t)}
</ul></div>"""
        self.page(url, self.portal(url, f"新闻中心_{SITE_NAME}", self.site_meta(ColumnName="新闻中心", ColumnType="新闻中心"),
                                   [("新闻中心", None)], main))
        # list pages with pagination
        items = sorted(GZDT, key=lambda x: x[1], reverse=True)
        pages = [items[0:12], items[12:24], items[24:]]
        names = ["index.html", "index_1.html", "index_2.html"]
        for n, chunk in enumerate(pages):
            url = "/xwzx/gzdt/" + ("" if n == 0 else names[n])
            lis = "\n".join(
                f'<li><a href="{rel(url, gzdt_url(i))}" target="_blank" title="{esc(tt)}">{tt}</a><span>{d}</span></li>'
                for i, d, _h, tt, _s in chunk)
            pg = [f'<a href="index.html">首页</a>']
            if n > 0:
                pg.append(f'<a href="{names[n - 1]}">上一页</a>')
            pg.append(f"<span>第{n + 1}页</span>")
            if n < 2:
                pg.append(f'<a href="{names[n + 1]}">下一页</a>')
            pg.append(f'<a href="{names[-1]}">尾页</a>')
            main = f"""<div class="col-title"><h2>工作动态</h2></div>
<ul class="list">
{lis}
</ul>
<div class="page">共3页 {' '.join(pg)}</div>"""
            meta = self.site_meta(ColumnName="工作动态", ColumnType="工作动态")
            self.page(url, self.portal(url, f"工作动态_{SITE_NAME}", meta,
                                       [("新闻中心", "/xwzx/"), ("工作动态", None)], main))
        for i, d, hm, title, src in GZDT:
            self.news_article(i, d, hm, title, src)

    def news_article(self, i, d, hm, title, src):
        url = gzdt_url(i)
        kind = "食品" if "食品" in title else ("特种设备" if ("特种设备" in title or "电梯" in title or "燃气" in title) else "default")
        paras = [f"{cn_date(d)}，{title.replace('我市', '全市').replace('市市场监管局', '市市场监督管理局')}。"
                 "此次工作由局分管领导带队，相关业务科室和属地市场监管所共同参与。"] + GZDT_BODIES[kind]
        extra = ""
        if i == PHOTO_NO_ALT_ID:
            alt = lambda a: f' alt="{a}"' if self.clean else ""
            extra = (f'<p style="text-align:center"><img src="W020261110_1.png"{alt("执法人员检查电商企业平台内经营者资质")} width="600"></p>\n'
                     f'<p style="text-align:center"><img src="W020261110_2.png"{alt("执法人员核查直播间商品信息")} width="600"></p>\n'
                     f'<p style="text-align:center"><img src="W020261110_3.png"{alt("检查组召开行政指导座谈会")} width="600"></p>')
            paras.insert(1, "检查组对辖区内12家电子商务经营者和3家直播基地开展了现场检查，重点检查平台内经营者身份核验、商品信息公示、促销规则公示等情况。")
        if i == 2016:
            extra = '<p style="text-align:center"><img src="../202609/W020260915_1.png" alt="2026年“质量月”活动启动仪式现场" width="600"></p>'
        if i == 2029:
            extra = '<p style="text-align:center"><img src="/xwzx/gzdt/202611/W020261110_4.png" alt="计量技术人员为社区居民免费检定血压计" width="600"></p>'
        related = ""
        if i in INTERP_COPIES:          # an interpretation re-published as news: its text and 原文链接
            it = INTERP_COPIES[i]
            doc = next(x for x in DOCS if x["no"] == it["doc"])
            paras, extra = it["body"], ""
            related = (f'<div class="related">原文链接：<a href="{rel(url, doc["url"])}">{doc["title"]}</a>'
                       f'（{doc["no"]}）</div>')
        if i == ERROR500_ID and not self.clean and not self.sparse:     # the redesign has no 相关链接 widget
            related = '<div class="related"><h4>相关链接</h4><ul><li><a href="/xwzx/gzdt/error500.html">加油机计量作弊举报须知</a></li></ul></div>'
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        main = f"""<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{d} {hm}　　来源：{SITE_NAME}{src}　　<span>浏览次数：<script>document.write(Math.floor(Math.random()*500));</script></span></div>
<div class="content TRS_Editor">
{extra}
{body}
</div>
{related}
<div class="art-foot"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>"""
        meta = self.site_meta(ColumnName="工作动态", ColumnType="工作动态", ArticleTitle=title,
                              PubDate=f"{d} {hm}", ContentSource=SITE_NAME)
        tt = "" if (i in EMPTY_TITLE_IDS and not self.clean) else f"{title}_{SITE_NAME}"
        self.page(url, self.article_portal(url, tt, meta, [("新闻中心", rel(url, "/xwzx/")), ("工作动态", rel(url, "/xwzx/gzdt/")), ("正文", None)], main))

    # ---- 通知公告 ---------------------------------------------------------------------------
    def notices(self):
        url = "/xwzx/tzgg/"
        items = sorted(TZGG, key=lambda x: x[1], reverse=True)
        lis = "\n".join(f'<li><a href="{rel(url, tzgg_url(i))}" target="_blank">{t}</a><span class="date">[{sd if (i != FUTURE_ID or not self.clean) else d}]</span></li>'
                        for i, d, sd, t, _s in items)
        main = f"""<div class="col-title"><h2>通知公告</h2></div>
<ul class="list notice-list">
{lis}
</ul>
<div class="page">共{len(items)}条 第1页</div>
<p class="intranet"><a href="/admin/login.html">内网办公入口</a></p>"""
        self.page(url, self.portal(url, f"通知公告_{SITE_NAME}", self.site_meta(ColumnName="通知公告", ColumnType="通知公告"),
                                   [("新闻中心", "/xwzx/"), ("通知公告", None)], main))
        for i, d, sd, title, src in TZGG:
            self.notice_article(i, d, sd if not self.clean else d, title, src)

    NOTICE_TEXT = {
        5001: ["2025年，全市特种设备安全监察工作紧紧围绕“保安全、促发展”目标，共检查特种设备使用单位426家次，发现并督促整改隐患213处，立案查处违法案件18起。",
               "各市场监管所要认真总结经验，查找不足，进一步落实特种设备安全主体责任和监管责任。"],
        5002: ["为切实保障元旦春节期间全市食品安全，决定自即日起至2026年2月底在全市开展节日期间食品安全专项检查。",
               "一、检查重点：大型商场超市、农贸市场、年货市场、网络订餐平台入网餐饮服务提供者。",
               "二、工作要求：各市场监管所要加强组织领导，于2026年2月28日前将工作总结报送局食品经营科。"],
        5003: ["为规范我市电动自行车销售经营行为，我局起草了《榕江市电动自行车销售经营规范（征求意见稿）》，现向社会公开征求意见。",
               "公众可于2026年7月30日前，通过电子邮件将意见发送至 rjscjgj_fg@163.com，或邮寄至榕江市市场监督管理局法规科。"],
        5004: ["根据《榕江市市场监督管理局2026年度“双随机、一公开”抽查工作计划》，我局将于2026年9月至11月对辖区内在用计量器具开展随机抽查。",
               "抽查对象通过国家企业信用信息公示系统（福建）随机抽取，抽查结果将在本网站“双随机一公开”栏目公示。"],
        5005: ["中秋、国庆节日临近，为切实维护节日期间市场秩序，保障消费者合法权益，现就有关工作通知如下：",
               "一、加强节令食品监管。重点加强月饼、乳制品、酒类、肉制品等节令食品的监督检查。",
               "二、做好价格监管。严厉查处哄抬价格、价格欺诈等违法行为。",
               "三、畅通12315投诉举报渠道，节日期间安排专人值守，确保投诉举报及时受理、快速处置。"],
        5006: ["根据《榕江市“守合同重信用”企业公示活动实施办法》，经企业自愿申报、属地推荐、社会公示，现将2026年度第三批“守合同重信用”企业名单予以公布。",
               "榕江市鑫源食品有限公司、榕江市闽榕建材有限公司、榕江市江滨物业服务有限公司等26家企业（名单详见附件）。"],
        5007: ["因工作需要，榕江市市场监督管理局拟公开招聘编外工作人员5名，现将有关事项公告如下：",
               "一、招聘岗位及人数：综合执法辅助岗3名，食品安全监管辅助岗2名。",
               "二、报名时间：2026年11月10日至11月20日，报名者请下载并填写报名表，发送至 rjscjgj_rs@163.com。",
               "咨询电话：0599-8861230。"],
        5008: ["为防范化解电动自行车火灾风险，决定自2026年11月16日至12月31日在全市开展冬季电动自行车消防安全专项检查。",
               "检查重点为电动自行车及其充电器、锂离子蓄电池销售、维修经营场所，严厉查处销售不合格产品、非法改装等违法行为。"],
    }

    def notice_article(self, i, d, shown, title, src):
        url = tzgg_url(i)
        if i in DOC_COPIES:
            return self.notice_doc_copy(i, shown, title, src)
        paras = self.NOTICE_TEXT[i]
        extra = ""
        if i == BROKEN_ATT_ID:
            extra = '<div class="attach">附件：<a href="./P020261109_1.doc">榕江市市场监督管理局2026年公开招聘编外工作人员报名表.doc</a></div>'
        if i == LOOP_ID and not self.clean:
            extra = '<div class="related">相关链接：<a href="/loop/a.html">福建省市场监管局计量专题</a></div>'
        if i == 5006:
            extra = '<div class="related">相关阅读：<a href="../../gzdt/202610/t20261023_2022.html">我市开展2026年“守合同重信用”企业公示活动</a></div>'
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        main = f"""<div class="article notice">
<h1>{title}</h1>
<p class="xx">发布日期：{cn_date(shown)}　　信息来源：{src}</p>
<div class="content">
{body}
<p style="text-align:right">榕江市市场监督管理局<br>{cn_date(shown)}</p>
</div>
{extra}
</div>"""
        meta = self.site_meta(ColumnName="通知公告", ColumnType="通知公告", ArticleTitle=title,
                              PubDate=shown, ContentSource=SITE_NAME)
        trail = [("新闻中心", rel(url, "/xwzx/")), ("通知公告", rel(url, "/xwzx/tzgg/")), ("正文", None)]
        if i == LYING_ID:
            # an old page migrated from the previous CMS: bytes are GBK, the meta tag claims utf-8
            html = self.article_portal(url, f"{title}_{SITE_NAME}", meta, trail, main, lang=self.clean)
            self.page(url, html, encoding="gbk")
        else:
            self.page(url, self.article_portal(url, f"{title}_{SITE_NAME}", meta, trail, main))

    def notice_doc_copy(self, i, shown, title, src):
        """A policy document re-published under 通知公告: portal template, 文号 under the title, the same
        text, and a 相关解读 line to the 政策解读 copy of its interpretation."""
        url, doc = tzgg_url(i), DOC_COPIES[i]
        interp = next(x for x in INTERPS if x["doc"] == doc["no"])
        written = doc["written_clean"] if self.clean else doc["written"]
        body = "\n".join(f"<p>{p}</p>" for p in doc_paras(doc, written))
        iu = interp["url_clean"] if self.clean else interp["url"]
        main = f"""<div class="article notice">
<h1>{title}</h1>
<p class="xx">发布日期：{cn_date(shown)}　　信息来源：{src}</p>
<p class="wh" style="text-align:center">{doc['no']}</p>
<div class="content">
{body}
</div>
<div class="related">相关解读：<a href="{rel(url, iu)}">{interp['title']}</a></div>
</div>"""
        meta = self.site_meta(ColumnName="通知公告", ColumnType="通知公告", ArticleTitle=title,
                              PubDate=shown, ContentSource=SITE_NAME)
        trail = [("新闻中心", rel(url, "/xwzx/")), ("通知公告", rel(url, "/xwzx/tzgg/")), ("正文", None)]
        self.page(url, self.article_portal(url, f"{title}_{SITE_NAME}", meta, trail, main))

    # ---- 政府信息公开 column home ---------------------------------------------------------
    def xxgk_home(self):
        url = "/xxgk/"
        name = "政府信息公开" if self.clean else "政务公开"
        zd = ""
        if self.clean:
            zd = f"""<div class="sec-box"><h3><a href="zd/">政府信息公开制度</a></h3><ul>
{chr(10).join(f'<li><a href="{rel(url, u)}">{t}</a><span>{d}</span></li>' for t, u, d, _p in ZD_ITEMS)}
</ul></div>"""
        latest = sorted(self.latest_items(), key=lambda x: x[2], reverse=True)[:8]
        lat = "\n".join(f'<li><a href="{rel(url, h)}">{t}</a><span>{d}</span></li>' for t, h, d in latest)
        subs = "".join(f'<li><a href="fdzdgknr/{c}/">{n}</a></li>' for c, n in self.subcols)
        topics = "".join(f'<li><a href="{rel(url, h)}">{n}</a></li>' for n, h in
                         ((TRS_NAME, TRS_BASE), (JPAGE_NAME, JPAGE_LIST), (GKMLPT_NAME, GKMLPT_INDEX)))
        zn = "\n".join(f'<li><a href="{rel(url, h)}">{t}</a><span>{d}</span></li>' for t, h, d in self.zn_items())
        ysq = ""
        if self.clean:      # COL006: planted/sparse do not link 依申请公开 from the column
            ysq = """<div class="sec-box"><h3><a href="ysqgk/">依申请公开</a></h3><p>公民、法人或者其他组织可以通过<a href="ysqgk/sqb.html">在线申请</a>、信函、当面等方式提出政府信息公开申请。</p></div>"""
        main = f"""<div class="sec-box"><h3><a href="zn/">政府信息公开指南</a></h3><ul>
{zn}
</ul></div>
{zd}
<div class="sec-box"><h3><a href="fdzdgknr/">法定主动公开内容</a></h3>
<ul class="grid">{subs}</ul>
<h4>最新公开</h4>
<ul>
{lat}
</ul></div>
<div class="sec-box"><h3>专题公开</h3>
<ul class="grid">{topics}</ul></div>
<div class="sec-box"><h3><a href="nb/">政府信息公开年报</a></h3><ul>
{chr(10).join(f'<li><a href="{rel(url, u)}">{t}</a><span>{p}</span></li>' for y, u, p, t in self.annual)}
</ul></div>
{ysq}"""
        meta = self.site_meta(ColumnName=name, ColumnType="信息公开")
        trail = [(name, None)]
        self.platform(url, f"{name}_{SITE_NAME}", meta, trail, main, side=False, banner=name)

    def zn_items(self):
        """(title, url, date) listed in the 指南 section. The sparse redesign bound the section to the
        机构职能 documents and lost the guide itself (GDE001); the guide is linked from the homepage only."""
        if self.sparse:
            return [(t, h, d) for t, h, d, _x in self.col_items["jgzn"]]
        return [(GUIDE_TITLE, GUIDE_URL, GUIDE_DATE)]

    def latest_items(self):
        out = []
        for c, n in self.subcols:
            for t, h, d, _x in self.col_items.get(c, []):
                if d:
                    out.append((t, h, d))
        return out

    # ---- guide -----------------------------------------------------------------------------
    def guide(self):
        url = "/xxgk/zn/"
        meta = self.site_meta(ColumnName="政府信息公开指南", ColumnType="信息公开")
        lis = "\n".join(f'<li><a href="{rel(url, h)}">{t}</a><span>{d}</span></li>' for t, h, d in self.zn_items())
        main = f"""<div class="col-title"><h2>政府信息公开指南</h2></div>
<ul class="gk-ul">{lis}</ul>"""
        self.platform(url, f"政府信息公开指南_{SITE_NAME}", meta, self.gk_trail(url, ("政府信息公开指南", None)), main)
        if self.sparse:
            return self.sparse_guide()
        upd = "2026年3月2日" if self.clean else "2023年12月28日"
        fax = f"<p>传　　真：{FAX}</p>\n" if self.clean else ""
        paras = f"""<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）的规定，编制本指南。需要获得本局政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。</p>
<h3>一、主动公开</h3>
<p>（一）公开范围。本局主动公开的政府信息范围，以本网站“法定主动公开内容”栏目为准，包括机构职能、政策文件、政策解读、规划计划、行政许可、行政处罚、行政强制、财政预决算、人事信息、双随机一公开、抽检信息、建议提案办理等。</p>
<p>（二）信息分类与编排体系。本局主动公开的政府信息按“政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报”分类编排，法定主动公开内容按主题再细分为若干子栏目，每条信息标注索引号、发布机构、成文日期、发布日期等要素。</p>
<p>（三）获取方式。本局主动公开的政府信息以本网站为第一公开平台，同时通过榕江市人民政府门户网站、政务新媒体、新闻发布会、榕江市档案馆和榕江市图书馆政府信息查阅点等途径公开。属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。</p>
<h3>二、依申请公开</h3>
<p>（一）受理机构。{SITE_NAME}办公室负责受理向本局提出的政府信息公开申请。</p>
<p>机构名称：{SITE_NAME}办公室</p>
<p>办公地址：{ADDRESS}</p>
<p>办公时间：工作日上午8:00—12:00，下午14:30—17:30（法定节假日除外）</p>
<p>邮政编码：{POSTCODE}</p>
<p>联系电话：{PHONE}</p>
{fax}<p>互联网联系方式：网站 http://{SITE_DOMAIN}/ ，电子邮箱 {EMAIL}</p>
<p>（二）申请方式。申请人可以通过本网站“依申请公开”栏目在线提交申请，也可以通过信函、当面提交等方式提出申请，应当填写《政府信息公开申请表》。</p>
<p>（三）答复期限。本局收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>
<p>（四）收费。依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。</p>
<h3>三、监督和救济</h3>
<p>公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以向榕江市人民政府办公室（政府信息公开工作主管部门）投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
<p class="upd">更新日期：{upd}</p>"""
        gm = self.site_meta(ColumnName="政府信息公开指南", ColumnType="信息公开", ArticleTitle=GUIDE_TITLE,
                            PubDate=GUIDE_DATE, ContentSource=SITE_NAME)
        main = f"""{self.gk_meta_table(INDEX_PREFIX + '/2023-00388', GUIDE_DATE)}
<div class="article guide">
<h1>{GUIDE_TITLE}</h1>
<div class="content">
{paras}
</div>
</div>"""
        self.platform(GUIDE_URL, f"{GUIDE_TITLE}_{SITE_NAME}", gm,
                      self.gk_trail(GUIDE_URL, ("政府信息公开指南", rel(GUIDE_URL, "/xxgk/zn/")), ("正文", None)), main)

    def sparse_guide(self):
        """The sparse redesign re-published the pre-2019 guide text: only a 发布日期 (GDE002), 国务院令第492号
        and a 15-working-day reply period (GDE003); every GDE004 item is there."""
        url, date = SPARSE_GUIDE_URL, SPARSE_GUIDE_DATE
        paras = f"""<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定，编制本指南。凡需要获得本局政府信息公开服务的公民、法人或者其他组织，可以查阅本指南。</p>
<p><strong>一、公开的主体</strong></p>
<p>本局的政府信息由{SITE_NAME}负责公开，局办公室为本局政府信息公开工作机构。</p>
<p><strong>二、主动公开</strong></p>
<p>（一）公开范围。本局主动公开的政府信息包括：机构职能、政策文件、规划计划、行政许可、行政处罚、财政预决算、人事信息、食品安全监督抽检信息等。</p>
<p>（二）信息分类与编排体系。本局主动公开的政府信息按上述类别分类，同一类别内按信息生成的时间顺序编排。</p>
<p>（三）获取方式。本局主动公开的政府信息主要通过本局门户网站公开，公众也可以到榕江市档案馆、榕江市图书馆设立的政府信息查阅点查阅。</p>
<p><strong>三、依申请公开</strong></p>
<p>（一）受理机构</p>
<p>机构名称：{SITE_NAME}办公室</p>
<p>办公地址：{ADDRESS}</p>
<p>办公时间：周一至周五 上午8:00—12:00，下午14:30—17:30（节假日除外）</p>
<p>邮政编码：{POSTCODE}</p>
<p>联系电话：{PHONE}</p>
<p>传　　真：{FAX}</p>
<p>电子邮箱：{EMAIL}</p>
<p>（二）申请的提出。申请人可以通过信函、传真、电子邮件或者当面提交等形式提出申请，并填写《政府信息公开申请表》。</p>
<p>（三）申请的处理。本局收到申请后，能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起15个工作日内予以答复。如需延长答复期限的，应当经政府信息公开工作机构负责人同意，并告知申请人。</p>
<p>（四）收费标准。本局依申请提供政府信息，除可以收取检索、复制、邮寄等成本费用外，不收取其他费用。</p>
<p><strong>四、监督方式</strong></p>
<p>公民、法人或者其他组织认为本局不依法履行政府信息公开义务的，可以向榕江市人民政府办公室举报；认为本局在政府信息公开工作中的具体行政行为侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>"""
        gm = self.site_meta(ColumnName="政府信息公开指南", ColumnType="信息公开", ArticleTitle=GUIDE_TITLE,
                            PubDate=date, ContentSource=SITE_NAME)
        main = f"""{self.gk_meta_table(INDEX_PREFIX + '/2026-00061', date)}
<div class="article guide">
<h1>{GUIDE_TITLE}</h1>
<div class="content">
{paras}
</div>
</div>"""
        self.platform(url, f"{GUIDE_TITLE}_{SITE_NAME}", gm,
                      self.gk_trail(url, ("政府信息公开指南", rel(url, "/xxgk/zn/")), ("正文", None)), main)

    # ---- 制度 (clean only: COL002) -------------------------------------------------------
    def rules_column(self):
        url = "/xxgk/zd/"
        items = [(t, u, d, None) for t, u, d, _p in ZD_ITEMS]
        self.gk_list(url, "政府信息公开制度", items, style="li")
        for t, u, d, paras in ZD_ITEMS:
            self.gk_article(u, "政府信息公开制度", "/xxgk/zd/", t, d, paras, f"{INDEX_PREFIX}/{d[:4]}-0{u[-9:-5]}")

    # ---- 法定主动公开内容 ---------------------------------------------------------------------
    def fdzdgknr(self):
        self.col_items = {}
        for c, _n in self.subcols:
            getattr(self, "col_" + c)()
        url = "/xxgk/fdzdgknr/"
        blocks = []
        for c, n in self.subcols:
            its = [x for x in self.col_items.get(c, []) if x[2]][:2]
            if not its:
                continue
            lis = "\n".join(f'<li><a href="{rel(url, h)}">{t}</a><span>{d}</span></li>' for t, h, d, _x in its)
            blocks.append(f'<div class="sub-box"><h3><a href="{c}/">{n}</a></h3><ul>\n{lis}\n</ul></div>')
        main = f"""<div class="col-title"><h2>法定主动公开内容</h2></div>
{chr(10).join(blocks)}"""
        meta = self.site_meta(ColumnName="法定主动公开内容", ColumnType="信息公开")
        self.platform(url, f"法定主动公开内容_{SITE_NAME}", meta, self.gk_trail(url, ("法定主动公开内容", None)), main)

    def simple_col(self, code, name, entries, style="table", intro=""):
        """entries: (id, date, title, paras[, written]) -> builds list + articles."""
        items = []
        for e in entries:
            i, d, t, paras = e[:4]
            u = plat_url(code, d, i)
            items.append((t, u, d, {}))
            self.gk_article(u, name, f"/xxgk/fdzdgknr/{code}/", t, d, paras, f"{INDEX_PREFIX}/{d[:4]}-{i:05d}",
                            trail_mid=[("法定主动公开内容", rel(u, "/xxgk/fdzdgknr/"))],
                            extra_html=e[4] if len(e) > 4 else "")
        items.sort(key=lambda x: x[2], reverse=True)
        self.col_items[code] = items
        self.gk_list(f"/xxgk/fdzdgknr/{code}/", name, items, style=style,
                     trail_mid=[("法定主动公开内容", rel(f"/xxgk/fdzdgknr/{code}/", "/xxgk/fdzdgknr/"))], intro=intro)

    def col_jgzn(self):
        self.simple_col("jgzn", "机构职能", [
            (8001, "2026-04-08", "榕江市市场监督管理局主要职责", [
                "榕江市市场监督管理局是市政府工作部门，为正处级，加挂榕江市知识产权局牌子。",
                "主要职责：负责市场综合监督管理；负责经营主体统一登记注册；组织和指导市场监管综合执法工作；负责反垄断统一执法的相关配合工作；监督管理市场秩序；负责宏观质量管理；负责产品质量安全监督管理；负责特种设备安全监督管理；负责食品安全监督管理综合协调；负责食品安全监督管理；统一管理计量工作；统一管理标准化工作；负责统一管理检验检测工作；负责统一管理、监督和综合协调认证认可工作；负责知识产权保护工作；完成市委、市政府交办的其他任务。"]),
            (8002, "2026-04-08", "榕江市市场监督管理局内设机构及职责", [
                "本局设办公室、法规科、登记注册科、信用监督管理科、网络交易监督管理科、价格监督检查和反不正当竞争科、质量发展科、产品质量安全监督管理科、食品生产科、食品经营科、特种设备安全监察科、计量科、标准化科、认证认可科、知识产权科、人事科等内设机构。",
                "办公室联系电话：0599-8861235；办公地址：" + ADDRESS + "。"]),
            (8003, "2026-06-15", "榕江市市场监督管理局领导信息", [
                "局长：陈志远，主持全面工作。", "副局长：郑海林，分管食品生产、食品经营、特种设备安全监察工作。",
                "副局长：吴晓燕，分管登记注册、信用监督管理、网络交易监督管理、知识产权工作。"]),
        ])

    def col_zcwj(self):
        items = []
        for doc in DOCS:
            written = doc["written_clean"] if self.clean else doc["written"]
            u = doc["url"]
            interp = next((x for x in INTERPS if x["doc"] == doc["no"]), None)
            links = ""
            has_interp = interp is not None and (not interp.get("clean_only") or self.clean)
            link_back = has_interp and (not doc.get("no_backlink") or self.clean)
            if link_back:
                iu = interp_link_target(interp) if interp.get("copy") else interp["url_clean" if self.clean else "url"]
                links = f'<div class="related"><h4>相关解读</h4><ul><li><a href="{rel(u, iu)}">{interp["title"]}</a></li></ul></div>'
            paras = doc_paras(doc, written)
            self.gk_article(u, "政策文件", "/xxgk/fdzdgknr/zcwj/", doc["title"], doc["date"], paras,
                            f"{INDEX_PREFIX}/{doc['date'][:4]}-{doc['id']:05d}", written=written, doc_no=doc["no"],
                            trail_mid=[("法定主动公开内容", rel(u, "/xxgk/fdzdgknr/"))], extra_html=links, topic="规范性文件")
            items.append((doc["title"], u, doc["date"], {"doc_no": doc["no"], "written": written}))
        items.sort(key=lambda x: x[2], reverse=True)
        self.col_items["zcwj"] = items
        self.gk_list("/xxgk/fdzdgknr/zcwj/", "政策文件", items, style="doc",
                     trail_mid=[("法定主动公开内容", "../")])

    def col_zcjd(self):
        items = []
        for it in INTERPS:
            if it.get("clean_only") and not self.clean:
                continue
            u = it["url_clean"] if self.clean else it["url"]
            d = it["date_clean"] if self.clean else it["date"]
            doc = next(x for x in DOCS if x["no"] == it["doc"])
            related = f'<div class="related"><h4>相关文件</h4><ul><li><a href="{rel(u, doc_link_target(doc))}">{doc["title"]}（{doc["no"]}）</a></li></ul></div>'
            self.gk_article(u, "政策解读", "/xxgk/fdzdgknr/zcjd/", it["title"], d, it["body"],
                            f"{INDEX_PREFIX}/{d[:4]}-{it['id']:05d}", trail_mid=[("法定主动公开内容", rel(u, "/xxgk/fdzdgknr/"))],
                            extra_html=related, topic="政策解读")
            items.append((it["title"], u, d, {}))
        items.sort(key=lambda x: x[2], reverse=True)
        self.col_items["zcjd"] = items
        self.gk_list("/xxgk/fdzdgknr/zcjd/", "政策解读", items, style="table", trail_mid=[("法定主动公开内容", "../")])

    def col_ghjh(self):
        entries = [
            (8101, "2025-04-15", "榕江市市场监督管理局2025年政务公开工作要点", [
                "2025年全局政务公开工作要以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，围绕市场监管中心工作，不断提升政务公开质量和实效。",
                "一、加强重点领域信息公开。做好“双随机、一公开”监管、食品安全抽检、行政处罚等信息公开。",
                "二、做好政策解读。坚持“谁起草、谁解读”，政策文件与解读材料同步组织、同步审签、同步部署。"]),
            (8102, "2022-06-10", "榕江市“十四五”市场监管发展规划", [
                "本规划根据《福建省“十四五”市场监管现代化规划》和《榕江市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》编制，规划期为2021—2025年。"]),
        ]
        if self.clean:
            entries.append((8103, "2026-04-10", "榕江市市场监督管理局2026年政务公开工作要点", [
                "2026年全局政务公开工作要围绕优化营商环境和市场监管现代化建设，加强政策解读与回应关切，规范政府信息公开平台建设。",
                "一、规范政府信息公开专栏，及时更新政府信息公开指南并标注更新日期。",
                "二、行政处罚决定自作出之日起7个工作日内公开。"]))
        self.simple_col("ghjh", "规划计划", entries)

    def col_tjxx(self):
        self.simple_col("tjxx", "统计信息", [
            (8201, "2026-10-20", "2026年前三季度全市经营主体发展情况", [
                "截至2026年9月底，全市实有经营主体18.62万户，同比增长6.8%。其中，企业5.17万户，个体工商户13.21万户，农民专业合作社0.24万户。",
                "前三季度全市新设立经营主体2.13万户，同比增长4.2%。"])])

    def col_xzxk(self):
        self.simple_col("xzxk", "行政许可", [
            (8301, "2026-05-08", "榕江市市场监督管理局行政许可事项清单（2026年版）", [
                "根据《福建省行政许可事项清单（2026年版）》，本局实施的行政许可事项共12项，包括食品生产许可、食品经营许可、特种设备安装改造修理许可、计量标准器具核准等。",
                "各事项的设定依据、申请条件、申请材料、办理时限和办理流程详见福建省网上办事大厅。"]),
            (8302, "2026-08-06", "2026年7月食品经营许可办理结果公示", [
                "2026年7月，本局共办理食品经营许可（含新办、变更、延续、注销）236件，均在法定时限内办结，其中新办148件、变更41件、延续33件、注销14件。",
                "办理结果明细可在福建省市场监督管理局食品经营许可信息公示平台查询。"]),
            (8303, "2026-11-04", "2026年10月食品经营许可办理结果公示", [
                "2026年10月，本局共办理食品经营许可211件，其中新办129件、变更38件、延续30件、注销14件，按时办结率100%。",
                "办理结果明细可在福建省市场监督管理局食品经营许可信息公示平台查询。"]),
        ])

    def col_xzqz(self):
        self.simple_col("xzqz", "行政强制", [
            (8401, "2026-05-08", "榕江市市场监督管理局行政强制事项目录", [
                "本局实施的行政强制措施包括：查封、扣押与涉嫌违法行为有关的财物、物品；查封违法从事生产经营活动的场所等。",
                "实施依据：《中华人民共和国行政强制法》《中华人民共和国食品安全法》《中华人民共和国产品质量法》《中华人民共和国特种设备安全法》等。"])])

    def col_xzcf(self):
        items = []
        for p in PENALTIES:
            pub = p["pub_clean"] if self.clean else p["pub"]
            u = p["url_clean"] if self.clean else p["url"]
            items.append((p["title"], u, pub, {}))
            self.penalty_page(p, u, pub)
        items.sort(key=lambda x: x[2], reverse=True)
        self.col_items["xzcf"] = items
        self.penalty_list(items)
        self.penalty_gs()

    def col_zfgs(self):
        self.simple_col("zfgs", "行政执法公示", [
            (8501, "2026-04-20", "榕江市市场监督管理局行政执法事前公示（执法主体、执法人员、执法依据）", [
                "执法主体：榕江市市场监督管理局。执法人员名单（共86人）及执法证号已在福建省行政执法监督平台公示。",
                "执法依据：《中华人民共和国行政处罚法》《市场监督管理行政处罚程序规定》等法律法规规章。"]),
            (8502, "2026-04-20", "榕江市市场监督管理局行政执法流程及救济渠道", [
                "行政处罚一般程序：立案—调查取证—案件审核—告知—听证（依申请）—决定—送达—执行—结案。",
                "当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。行政处罚决定信息在本网站“行政处罚”栏目公示。"],
             '<p class="related">事后公示：<a href="/xxgk/fdzdgknr/xzcf/">行政处罚决定公示</a></p>'),
        ])

    def col_qzqd(self):
        self.simple_col("qzqd", "权责清单", [
            (8601, "2026-04-18", "榕江市市场监督管理局权责清单（2026年版）", [
                "根据榕江市人民政府关于公布市级行政权责清单的通知，现公布本局权责清单（2026年版），共计权责事项1263项，其中行政许可12项、行政处罚1136项、行政强制23项、行政检查32项、其他行政权力60项。",
                "权责清单实行动态调整，调整情况在本栏目公布。"])])

    def col_czyjs(self):
        entries = [
            (8701, "2026-02-06", "榕江市市场监督管理局2026年部门预算", [
                "根据《中华人民共和国预算法》和榕江市财政局的统一部署，现将本局2026年部门预算公开如下。",
                "2026年收入预算12,386.52万元，支出预算12,386.52万元。",
                "2026年“三公”经费财政拨款预算28.60万元，其中：因公出国（境）费0万元，公务接待费3.20万元，公务用车购置及运行费25.40万元。"],
             '<div class="attach">附件：<a href="P020260206_1.pdf">榕江市市场监督管理局2026年部门预算.pdf</a></div>'),
            (8702, "2025-08-29", "榕江市市场监督管理局2024年部门决算", [
                "现将本局2024年部门决算公开如下。2024年度收入总计11,942.16万元，支出总计11,876.30万元。",
                "2024年度“三公”经费财政拨款支出26.81万元，其中：因公出国（境）费0万元，公务接待费2.95万元，公务用车购置及运行费23.86万元。"],
             '<div class="attach">附件：<a href="P020250829_1.pdf">榕江市市场监督管理局2024年部门决算.pdf</a></div>'),
            (8703, "2025-02-10", "榕江市市场监督管理局2025年部门预算", [
                "2025年收入预算12,104.77万元，支出预算12,104.77万元。",
                "2025年“三公”经费财政拨款预算29.10万元。"]),
        ]
        if self.clean:
            entries.append((8704, "2026-08-28", "榕江市市场监督管理局2025年部门决算", [
                "现将本局2025年部门决算公开如下。2025年度收入总计12,215.40万元，支出总计12,167.92万元。",
                "2025年度“三公”经费财政拨款支出27.36万元，其中：因公出国（境）费0万元，公务接待费3.05万元，公务用车购置及运行费24.31万元。"],
                '<div class="attach">附件：<a href="P020260828_1.pdf">榕江市市场监督管理局2025年部门决算.pdf</a></div>'))
        self.simple_col("czyjs", "财政预决算", entries)

    def col_sfxm(self):
        self.simple_col("sfxm", "收费项目", [
            (8801, "2026-03-20", "榕江市市场监督管理局涉企收费目录清单", [
                "本局无行政事业性收费项目。本局所属榕江市特种设备检验所收取的特种设备检验检测费按照省发展改革委、省财政厅核定的标准执行。",
                "收费标准及依据详见福建省涉企收费目录清单。"]),
            (8802, "2026-03-20", "榕江市市场监督管理局行政事业性收费项目清单（2026年）", [
                "根据福建省财政厅、省发展和改革委员会公布的全省行政事业性收费目录清单，本局2026年无保留的行政事业性收费项目。",
                "本局所属事业单位提供的特种设备检验检测、计量检定校准等服务，按经营服务性收费管理，收费标准在服务场所公示。",
                "监督电话：0599-8861235。"]),
        ])

    def col_zfcg(self):
        self.simple_col("zfcg", "政府采购", [
            (8901, "2026-06-05", "榕江市市场监督管理局2026年政府采购意向公开", [
                "为便于供应商及时了解政府采购信息，根据《财政部关于开展政府采购意向公开工作的通知》，现将本局2026年7月至12月采购意向公开如下：",
                "1. 食品安全抽检服务，预算金额180万元，预计采购时间2026年8月；2. 执法记录仪采购，预算金额36万元，预计采购时间2026年9月。"]),
            (8902, "2026-08-19", "榕江市市场监督管理局2026年食品安全抽检服务项目中标结果公告", [
                "项目编号：RJCG-2026-0317。采购方式：公开招标。",
                "中标供应商：福建闽检检测技术有限公司；中标金额：176.80万元。公告期限：自本公告发布之日起1个工作日。"]),
            (8903, "2026-09-25", "榕江市市场监督管理局执法记录仪采购项目成交结果公告", [
                "项目编号：RJCG-2026-0402。采购方式：询价。",
                "成交供应商：榕江市华安电子科技有限公司；成交金额：34.56万元。"]),
        ])

    def col_rsxx(self):
        undated = not self.clean
        entries = [
            (9001, "2026-10-16", "榕江市市场监督管理局2026年公开招聘编外工作人员拟聘用人员公示", [
                "根据招聘公告，经笔试、面试、体检和考察，现将拟聘用人员名单予以公示：王某某、李某某、张某某。",
                "公示期：2026年10月16日至10月22日。"]),
            (9002, "2026-07-03", "榕江市市场监督管理局干部任前公示", [
                "根据干部选拔任用有关规定，现将拟任职干部情况公示如下：林某某，现任食品经营科副科长，拟任食品经营科科长。",
                "公示时间：2026年7月3日至7月9日。"]),
            (9003, "2026-04-22", "榕江市市场监督管理局2026年度公开遴选公务员公告", [
                "根据工作需要，本局面向全市公开遴选公务员4名。报名时间为2026年4月23日至4月30日。"]),
            (9004, "2025-12-10", "榕江市市场监督管理局2025年度公务员考核优秀等次人员公示", [
                "经考核，拟确定陈某某等6名同志2025年度考核为优秀等次。"]),
        ]
        self.simple_col("rsxx", "人事信息", entries, style="cn")
        if undated:
            # re-render the list with one undated entry (UPD003)
            items = self.col_items["rsxx"]
            items = [(t, h, (None if "遴选" in t else d), x) for t, h, d, x in items]
            self.col_items["rsxx"] = items
            del self.files["xxgk/fdzdgknr/rsxx/index.html"]
            self.gk_list("/xxgk/fdzdgknr/rsxx/", "人事信息", items, style="cn",
                         trail_mid=[("法定主动公开内容", "../")])

    def col_ssjgk(self):
        if self.sparse:
            # MKT001 (sparse): this year's plan is there, but the newest result is the first quarter's (04-16)
            return self.simple_col("ssjgk", "双随机一公开", [
                (9101, "2026-03-05", "榕江市市场监督管理局2026年度“双随机、一公开”抽查工作计划", [
                    "根据《福建省市场监督管理局2026年度“双随机、一公开”抽查工作计划》，制定本局2026年度抽查工作计划，共安排抽查事项27项，其中部门联合抽查事项9项。",
                    "抽查结果自抽查检查结束之日起20个工作日内通过国家企业信用信息公示系统和本网站向社会公示。"]),
                (9104, "2026-01-16", "2025年第四季度“双随机、一公开”抽查结果公示", [
                    "2025年第四季度，本局共随机抽取检查对象297户，其中未发现问题266户，发现问题已责令改正25户，通过登记的住所（经营场所）无法联系6户。",
                    "检查结果已归集至国家企业信用信息公示系统（福建）。"]),
                (9105, "2026-04-16", "2026年第一季度“双随机、一公开”抽查结果公示", [
                    "2026年第一季度，本局共随机抽取检查对象284户，其中未发现问题259户，发现问题已责令改正21户，未按规定公示年度报告等4户。",
                    "检查结果已归集至国家企业信用信息公示系统（福建）。"]),
            ], style="li")
        self.simple_col("ssjgk", "双随机一公开", [
            (9101, "2026-03-05", "榕江市市场监督管理局2026年度“双随机、一公开”抽查工作计划", [
                "根据《福建省市场监督管理局2026年度“双随机、一公开”抽查工作计划》，制定本局2026年度抽查工作计划，共安排抽查事项27项，其中部门联合抽查事项9项。",
                "抽查结果自抽查检查结束之日起20个工作日内通过国家企业信用信息公示系统和本网站向社会公示。"]),
            (9102, "2026-07-15", "2026年第二季度“双随机、一公开”抽查结果公示", [
                "2026年第二季度，本局共随机抽取检查对象326户，已全部完成检查，其中未发现问题291户，发现问题已责令改正28户，未按规定公示年度报告等7户。",
                "检查结果已归集至国家企业信用信息公示系统（福建）。"]),
            (9103, "2026-10-22", "2026年第三季度“双随机、一公开”抽查结果公示", [
                "2026年第三季度，本局共随机抽取检查对象358户，其中未发现问题322户，发现问题已责令改正31户，通过登记的住所（经营场所）无法联系5户。",
                "检查结果已归集至国家企业信用信息公示系统（福建）。"]),
        ], style="li")

    def col_cjxx(self):
        self.simple_col("cjxx", "抽检信息", [
            (9201, "2026-11-11", "榕江市市场监督管理局食品安全监督抽检信息公告（2026年第6期）", [
                "近期，本局组织抽检了粮食加工品、食用油、肉制品、蔬菜制品、餐饮食品等11大类食品186批次，其中合格样品182批次，不合格样品4批次。",
                "对抽检发现的不合格食品，本局已责令相关经营者立即采取下架、召回等措施，并依法立案调查。"],
             '<div class="attach">附件：<a href="./P020261111_1.xls">2026年第6期食品安全监督抽检结果.xls</a></div>'),
            (9202, "2026-08-25", "榕江市市场监督管理局食品安全监督抽检信息公告（2026年第4期）", [
                "本期共抽检食品203批次，其中合格样品200批次，不合格样品3批次。"]),
            (9203, "2026-06-18", "2026年第二季度产品质量监督抽查结果公告", [
                "本局对电动自行车、燃气灶具、儿童用品等6类产品开展监督抽查，共抽查62批次，不合格5批次。"]),
        ])

    def col_jyta(self):
        self.simple_col("jyta", "建议提案办理", [
            (9301, "2026-07-20", "关于市十七届人大五次会议第0126号建议的答复", [
                "林××代表：您提出的《关于加强校园周边食品安全监管的建议》收悉，现答复如下：",
                "一、开展校园及周边食品安全专项检查，今年以来共检查学校食堂及周边食品经营者1126家次。二、推行校园食品安全“互联网+明厨亮灶”，覆盖率达98%。",
                "办理结果：A类（所提问题已经解决或基本解决）。"]),
            (9302, "2026-07-22", "关于市政协十六届五次会议第0318号提案的答复", [
                "陈××委员：您提出的《关于支持个体工商户转型升级的提案》收悉，现答复如下：",
                "本局联合市财政局等部门出台个体工商户分型分类精准帮扶措施，今年已培育“名特优新”个体工商户286户。",
                "办理结果：A类。"]),
        ])

    def col_yjgl(self):
        self.simple_col("yjgl", "应急管理", [
            (9401, "2026-06-28", "榕江市市场监督管理局特种设备事故应急预案（2026年修订）", [
                "为有效预防、及时控制和妥善处置特种设备事故，制定本预案。本预案适用于本市行政区域内特种设备事故的应急处置。",
                "特种设备事故报告电话：0599-8861239（24小时）。"])])

    def col_tsjb(self):
        if self.sparse:
            # MKT006 (sparse): the hotline and the platform, but no procedure (受理、处理流程和时限)
            return self.simple_col("tsjb", "投诉举报", [
                (9502, "2026-03-15", "12315消费者投诉举报热线", [
                    "12315热线电话：12315（工作日8:00—18:00）。全国12315平台：www.12315.cn。",
                    "榕江市市场监督管理局欢迎广大消费者监督。"])])
        self.simple_col("tsjb", "投诉举报", [
            (9501, "2026-03-15", "12315投诉举报受理渠道及处理流程", [
                "消费者可以通过以下渠道进行投诉举报：拨打12315热线电话；登录全国12315平台（www.12315.cn）；关注“福建12315”微信公众号；到各市场监管所投诉举报窗口当面提出。",
                "处理流程：市场监管部门自收到投诉之日起7个工作日内作出受理或者不予受理的决定；对举报自收到之日起15个工作日内作出是否立案的决定。"])])

    def col_xwfb(self):
        entries = []
        if self.clean:
            entries.append((9601, "2026-10-28", "榕江市市场监督管理局2026年第三季度新闻发布会", [
                "10月28日，本局召开2026年第三季度新闻发布会，通报前三季度全市市场监管工作情况和“守合同重信用”企业公示情况，并回答记者提问。"]))
        self.simple_col("xwfb", "新闻发布", entries)

    # ---- 行政处罚 (GBK) --------------------------------------------------------------------
    def gbk_page(self, url, title, meta, trail_html, main, lang=None):
        """The old GBK template; it declares no language except in clean (A11Y003) or when *lang*."""
        lang = self.clean if lang is None else lang
        m = "\n".join(f'<meta name="{k}" content="{esc(v)}" />' for k, v in meta.items())
        html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"{' lang="zh-CN" xml:lang="zh-CN"' if lang else ''}>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}</title>
{m}
<link href="/css/xxgk.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/wza/govwza.js"></script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
<tr><td class="gk-banner"><a href="/">榕江市市场监督管理局</a> 政府信息公开 | <a href="/ghb/">关怀版</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="crumb">{trail_html}</td></tr>
<tr><td class="cf-main">
{main}
</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="footer">
<tr><td align="center">
<p><a href="/">网站首页</a> | <a href="/xxgk/">政府信息公开</a>{' | <a href="/xxgk/ysqgk/">依申请公开</a>' if self.clean else ''}</p>
<p>主办单位：榕江市市场监督管理局　地址：{ADDRESS}　联系电话：{PHONE}</p>
<p>网站标识码：{SITE_ID}　<a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={PSB_CODE}" target="_blank">闽公网安备 {PSB_CODE}号</a></p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/14/371/0000/60428012/CA143710000604280120001.js' type='text/javascript'%3E%3C/script%3E"));</script>
<script id="_jiucuo_" sitecode='{SITE_ID}' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>
</td></tr>
</table>
</body>
</html>
"""
        self.page(url, html, encoding="gbk")

    def penalty_list(self, items):
        url = "/xxgk/fdzdgknr/xzcf/"
        rows = "\n".join(
            f'<tr><td align="center">{n}</td><td><a href="{rel(url, h)}" target="_blank">{t}</a></td><td align="center">{d}</td></tr>'
            for n, (t, h, d, _x) in enumerate(items, 1))
        main = f"""<div class="cf-title">行政处罚</div>
<p class="cf-tip">根据《国务院办公厅关于进一步做好“双公示”工作的通知》要求，行政处罚决定自作出之日起7个工作日内公示。</p>
<p class="cf-tip">季度汇总：<a href="{rel(url, GS_URL)}">{GS_TITLE}</a></p>
<table width="100%" border="1" cellspacing="0" cellpadding="4" class="cf-list">
<tr><th width="60">序号</th><th>标题</th><th width="120">发布日期</th></tr>
{rows}
</table>"""
        trail = ('当前位置：<a href="/">首页</a> &gt; <a href="../../">政府信息公开</a> &gt; <a href="../">法定主动公开内容</a> &gt; 行政处罚')
        self.gbk_page(url, f"行政处罚_{SITE_NAME}", self.site_meta(ColumnName="行政处罚", ColumnType="信息公开"), trail, main)

    def penalty_gs(self):
        """The quarter's 公示 list: one grid row per decision with its own 公示日期; a list page (no
        发布日期, no ArticleTitle). Rows whose decision also has a detail page link to it."""
        url = GS_URL
        by_id = {p["id"]: p for p in PENALTIES}
        rows = []
        for n, r in enumerate(GS_ROWS, 1):
            no = r["no"]
            if r.get("detail"):
                p = by_id[r["detail"]]
                no = f'<a href="{rel(url, p["url_clean"] if self.clean else p["url"])}" target="_blank">{no}</a>'
            rows.append(f'<tr><td align="center">{n}</td><td>{no}</td><td>{r["party"]}</td><td>{r["code"]}</td>'
                        f'<td>{r["facts"]}</td><td>{r["basis"]}</td><td>{r["content"]}</td><td>{SITE_NAME}</td>'
                        f'<td align="center">{r["decided"]}</td><td align="center">{r["pub"]}</td></tr>')
        body = "\n".join(rows)
        main = f"""<div class="cf-title">{GS_TITLE}</div>
<p class="cf-tip">根据《市场监督管理行政处罚信息公示规定》，现将本局2026年第三季度作出的行政处罚案件信息公示如下（自然人当事人的身份证件号码已作去标识化处理）。</p>
<table width="100%" border="1" cellspacing="0" cellpadding="4" class="cf-grid">
<tr><th width="40">序号</th><th>行政处罚决定书文号</th><th>当事人名称</th><th>统一社会信用代码（身份证件号码）</th><th>主要违法事实</th><th>处罚依据</th><th>行政处罚内容</th><th>作出决定机关</th><th width="80">决定日期</th><th width="80">公示日期</th></tr>
{body}
</table>
<p class="cf-tip">如对公示内容有异议，请与本局法制科联系，联系电话：{CASE_PHONE}；投诉举报电话：12315。</p>
<div class="pages">共{len(GS_ROWS)}条记录　共1页</div>"""
        trail = ('当前位置：<a href="/">首页</a> &gt; <a href="../../../">政府信息公开</a> &gt; <a href="../../">法定主动公开内容</a> &gt; '
                 '<a href="../">行政处罚</a> &gt; 案件信息公示')
        # added to the old template in 2026 with a fixed <html lang>: GBK, but not an A11Y003 page
        self.gbk_page(url, f"{GS_TITLE}_{SITE_NAME}", self.site_meta(ColumnName="行政处罚", ColumnType="信息公开"), trail, main,
                      lang=True)

    def penalty_page(self, p, url, pub):
        decided = p["decided_clean"] if self.clean else p["decided"]
        trail = (f'当前位置：<a href="/">首页</a> &gt; <a href="../../../">政府信息公开</a> &gt; '
                 f'<a href="../../">法定主动公开内容</a> &gt; <a href="../">行政处罚</a> &gt; 正文')
        meta = self.site_meta(ColumnName="行政处罚", ColumnType="信息公开", ArticleTitle=p["title"],
                              PubDate=pub, ContentSource=SITE_NAME)
        f = dict(p["fields"])
        for k, v in (p.get("fields_clean", {}) if self.clean else {}).items():
            f[k] = v
        kind = p["kind"]
        if kind == "table":
            rows = [("行政处罚决定书文号", p["no"]), ("案件名称", f["case"]),
                    ("违法企业名称或违法自然人姓名", f["party"]), ("统一社会信用代码", f["uscc"]),
                    ("法定代表人（负责人）姓名", f["rep"])]
            if f.get("operator"):
                rows.append(("经营者及联系方式", f["operator"]))
            rows += f.get("extra", [])
            rows.append(("主要违法事实", f["facts"]))
            if f.get("basis"):
                rows.append(("处罚依据", f["basis"]))
            rows += [("处罚种类", f["types"]), ("处罚内容", f["content"]), ("罚没金额（万元）", f["amount"]),
                     ("作出处罚决定的机关名称", SITE_NAME), ("作出处罚决定的日期", cn_date(decided)),
                     ("公示期限", "自公示之日起三年"), ("备注", f.get("note", ""))]
            body = "\n".join(f'<tr><td width="220" class="l">{k}</td><td>{v}</td></tr>' for k, v in rows)
            main = f"""<div class="cf-title">{p['title']}</div>
<div class="cf-info">发布日期：{pub}　　来源：{SITE_NAME}</div>
<table width="100%" border="1" cellspacing="0" cellpadding="6" class="cf-table">
<tr><th colspan="2">行政处罚信息公开表</th></tr>
{body}
</table>"""
        elif kind == "decision":
            paras = "\n".join(f"<p>{x}</p>" for x in f["text"])
            main = f"""<div class="cf-title">{p['title']}</div>
<div class="cf-info">发布日期：{pub}　　来源：{SITE_NAME}</div>
<div class="cf-doc">
<p align="center"><b>榕江市市场监督管理局</b></p>
<p align="center"><b>行政处罚决定书</b></p>
<p align="right">{p['no']}</p>
{paras}
<p align="right">榕江市市场监督管理局<br />{cn_numeral_date(decided) if p.get("cn_numerals") else cn_date(decided)}</p>
</div>"""
        elif kind == "notice":
            paras = "\n".join(f"<p>{x}</p>" for x in f["text"])
            main = f"""<div class="cf-title">{p['title']}</div>
<div class="cf-info">发布日期：{pub}　　来源：{SITE_NAME}</div>
<div class="cf-doc">
{paras}
<p align="right">榕江市市场监督管理局<br />{cn_date(pub)}</p>
</div>"""
        else:  # "grid": one row per party (as the NFRA sample)
            main = f"""<div class="cf-title">{p['title']}</div>
<div class="cf-info">发布日期：{pub}　　来源：{SITE_NAME}</div>
<table width="100%" border="1" cellspacing="0" cellpadding="6" class="cf-grid">
<tr><th>序号</th><th>当事人名称</th><th>行政处罚决定书文号</th><th>主要违法违规行为</th><th>处罚依据</th><th>行政处罚内容</th><th>作出决定机关</th><th>决定日期</th></tr>
<tr><td>1</td><td>{f['party']}</td><td>{p['no']}</td><td>{f['facts']}</td><td>{f['basis']}</td><td>{f['content']}</td><td>{SITE_NAME}</td><td>{decided}</td></tr>
</table>"""
        self.gbk_page(url, p["title"] + "_" + SITE_NAME, meta, trail, main)

    # ---- annual reports ----------------------------------------------------------------------
    def annual_reports(self):
        url = "/xxgk/nb/"
        items = [(t, u, p, {}) for y, u, p, t in self.annual]
        self.gk_list(url, "政府信息公开年报", items, style="table")
        for y, u, p, t in self.annual:
            self.annual_report(y, u, p, t)

    def annual_report(self, year, url, pub, title):
        D = REPORT_DATA[year]
        apps = D["apps"]
        if year == T3_TYPO_YEAR and not self.clean:
            # RPT003: 自然人 一 typed as 21 (19 in fact): 21 + 1 != 20 + 0; the row's 总计 still adds up
            apps = dict(apps, new=[apps["new"][0] + 2] + apps["new"][1:])
        s2 = f"""<table border="1" cellspacing="0" class="nb-t2">
<tr><th colspan="4">第二十条第（一）项</th></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>{D['gf'][0]}</td><td>{D['gf'][1]}</td><td>{D['gf'][2]}</td></tr>
<tr><th colspan="4">第二十条第（五）项</th></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">{D['xk']}</td></tr>
<tr><th colspan="4">第二十条第（六）项</th></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">{D['cf']}</td></tr>
<tr><td>行政强制</td><td colspan="3">{D['qz']}</td></tr>
<tr><th colspan="4">第二十条第（八）项</th></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">0</td></tr>
</table>"""
        s3 = table3(apps)
        rv = D["review"]
        s4 = f"""<table border="1" cellspacing="0" class="nb-t4">
<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>{'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>' * 3}</tr>
<tr>{''.join(f'<td>{v}</td>' for v in rv)}</tr>
</table>"""
        sec5 = f"""<h3>五、存在的主要问题及改进情况</h3>
<p>{D['problems']}</p>
""" if (year != 2025 or self.clean) else ""
        html = f"""<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{SITE_NAME}网站（http://{SITE_DOMAIN}/）查阅或下载。如对本报告有疑问，请与{SITE_NAME}办公室联系（地址：{ADDRESS}；电话：{PHONE}）。</p>
<h3>一、总体情况</h3>
<p>{year}年，本局认真贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，全年通过本局网站主动公开政府信息{D['total_pub']}条，其中政策文件{D['gf'][0]}件、政策解读{D['gf'][0]}篇、行政处罚决定{D['cf']}件。</p>
<p>（一）主动公开情况。围绕市场监管重点工作，及时公开“双随机、一公开”抽查结果、食品安全抽检信息、部门预决算等信息。</p>
<p>（二）依申请公开情况。全年共受理政府信息公开申请{sum(apps['new'])}件，均在法定期限内予以答复。</p>
<p>（三）政府信息管理。严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”。</p>
<p>（四）平台建设。持续规范政府信息公开专栏，及时更新栏目内容。</p>
<p>（五）监督保障。将政务公开工作纳入年度绩效考核，全年组织业务培训2次。</p>
<h3>二、主动公开政府信息情况</h3>
{s2}
<h3>三、收到和处理政府信息公开申请情况</h3>
{s3}
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>
{s4}
{sec5}<h3>六、其他需要报告的事项</h3>
<p>本局{year}年度未收取信息处理费。{D['other']}</p>"""
        meta = self.site_meta(ColumnName="政府信息公开年报", ColumnType="信息公开", ArticleTitle=title,
                              PubDate=pub, ContentSource=SITE_NAME)
        main = f"""{self.gk_meta_table(f'{INDEX_PREFIX}/{pub[:4]}-00{url[-7:-5]}', pub)}
<div class="article report">
<h1>{title}</h1>
<div class="content">
{html}
</div>
</div>"""
        self.platform(url, f"{title}_{SITE_NAME}", meta,
                      self.gk_trail(url, ("政府信息公开年报", rel(url, "/xxgk/nb/")), ("正文", None)), main)

    # ---- 依申请公开 / search -----------------------------------------------------------------
    def ysqgk(self):
        url = "/xxgk/ysqgk/"
        main = f"""<div class="col-title"><h2>依申请公开</h2></div>
<div class="content">
<p>公民、法人或者其他组织向本局申请获取政府信息的，可以通过以下方式提出：</p>
<p>一、在线申请：登录本网站“<a href="sqb.html">依申请公开在线申请</a>”页面填写并提交。</p>
<p>二、信函申请：下载并填写<a href="P020250310_1.doc">《政府信息公开申请表》</a>，邮寄至{ADDRESS}{SITE_NAME}办公室（邮编{POSTCODE}），并在信封左下角注明“政府信息公开申请”字样。</p>
<p>三、当面申请：工作日到本局办公室当面提交申请表。</p>
<p>本局收到申请后，能够当场答复的当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。</p>
<p>咨询电话：{PHONE}</p>
</div>"""
        meta = self.site_meta(ColumnName="依申请公开", ColumnType="信息公开")
        self.platform(url, f"依申请公开_{SITE_NAME}", meta, self.gk_trail(url, ("依申请公开", None)), main, bom=True)
        url = "/xxgk/ysqgk/sqb.html"
        main = """<div class="col-title"><h2>政府信息公开在线申请</h2></div>
<form class="sq-form" action="/xxgk/ysqgk/sqb.html" method="post">
<fieldset><legend>申请人信息</legend>
<p><label for="sq_type">申请人类型</label><select id="sq_type" name="type"><option value="1">公民</option><option value="2">法人或者其他组织</option></select></p>
<p><label for="sq_name">姓名/名称</label><input type="text" id="sq_name" name="name"></p>
<p><label for="sq_idno">证件号码</label><input type="text" id="sq_idno" name="idno"></p>
<p><label for="sq_tel">联系电话</label><input type="tel" id="sq_tel" name="tel"></p>
<p><label for="sq_addr">通信地址</label><input type="text" id="sq_addr" name="addr"></p>
<p><label for="sq_mail">电子邮箱</label><input type="email" id="sq_mail" name="email"></p>
</fieldset>
<fieldset><legend>所需信息情况</legend>
<p><label for="sq_desc">所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述</label><textarea id="sq_desc" name="desc" rows="6"></textarea></p>
<p><label for="sq_way">获取信息的方式</label><select id="sq_way" name="way"><option>邮寄</option><option>电子邮件</option><option>当面领取</option></select></p>
</fieldset>
<p><button type="submit">提交申请</button></p>
</form>"""
        meta = self.site_meta(ColumnName="依申请公开", ColumnType="信息公开")
        self.platform(url, f"政府信息公开在线申请_{SITE_NAME}", meta,
                      self.gk_trail(url, ("依申请公开", "./"), ("在线申请", None)), main)

    def search(self):
        url = "/search/"
        main = """<div class="col-title"><h2>站内搜索</h2></div>
<form action="/search/" method="get" class="search-adv">
<p><label for="sq">关键词</label><input type="text" id="sq" name="q"></p>
<p><label for="scol">搜索范围</label><select id="scol" name="col"><option value="">全站</option><option value="xxgk">政府信息公开</option><option value="xwzx">新闻中心</option></select></p>
<p><button type="submit">搜索</button></p>
</form>
<p class="tip">请输入关键词进行检索，多个关键词之间用空格隔开。</p>"""
        self.page(url, self.portal(url, f"站内搜索_{SITE_NAME}", self.site_meta(ColumnName="站内搜索", ColumnType="搜索"),
                                   [("站内搜索", None)], main))

    # ---- script-built columns (issue 11): lists only a platform adapter can enumerate ---------
    def script_built_columns(self):
        """Three 政府信息公开 sub-columns built the way three CMS platforms build their lists: TRS WCM
        (list pages in plain links, the pager drawn by ``createPageHTML``), Hanweb jpage (the entries
        only in an XML data island, the rest from ``dataproxy.jsp`` by POST) and Guangdong gkmlpt (a
        single-page application over a JSON API). The same in every variant (the clean platform
        template aside); their entries are ordinary, dated, recent articles that no rule reacts to."""
        self.trs_column()
        self.jpage_column()
        self.gkmlpt_column()

    def script_article(self, url, col_name, col_url, title, date, paras, idx):
        self.gk_article(url, col_name, col_url, title, date, paras, f"{INDEX_PREFIX}/{date[:4]}-{idx:05d}")

    def trs_column(self):
        """知识产权: index.html, index_1.html, index_2.html of 15, 15 and 6 entries; nothing but the
        pager script (``createPageHTML(3, n, "index", "html")``, defined in /js/page.js) leads from
        one list page to another."""
        name, base = TRS_NAME, TRS_BASE
        items = trs_entries()
        meta = self.site_meta(ColumnName=name, ColumnType="信息公开")
        for n, url in enumerate(trs_list_pages()):
            chunk = items[n * TRS_PER_PAGE:(n + 1) * TRS_PER_PAGE]
            lis = "\n".join(f'<li><a href="./{u[len(base):]}" target="_blank" title="{esc(t)}">{t}</a><span>{d}</span></li>'
                            for u, d, t, _p in chunk)
            main = f"""<div class="col-title"><h2>{name}</h2></div>
<ul class="gk-ul">
{lis}
</ul>
<div class="page" id="page_div">
<script type="text/javascript" src="/js/page.js"></script>
<script type="text/javascript">
  createPageHTML({len(trs_list_pages())}, {n}, "index", "html");
</script>
</div>"""
            self.platform(url, f"{name}_{SITE_NAME}", meta, self.gk_trail(url, (name, None)), main)
        for u, d, t, paras in items:
            self.script_article(u, name, base, t, d, paras, int(u.rsplit("_", 1)[1][:-5]))

    def jpage_column(self):
        """登记注册 (Hanweb jcms): the list page carries the first group (15 of 35 records) as CDATA
        records in a ``<script type="text/xml"><datastore>`` island; ``$('#unit').jpage({...})`` and
        ``var param_<unit>`` tell the pager to POST for the rest to /module/web/jpage/dataproxy.jsp,
        which the server answers from ``_data/jpage/<columnid>.json``."""
        name, url = JPAGE_NAME, JPAGE_LIST
        items = jpage_entries()
        records = [jpage_record(u, d, t) for u, d, t, _p in items]
        unit = JPAGE_UNIT
        embedded = "\n".join(f"<record><![CDATA[\n{r}\n]]></record>" for r in records[:JPAGE_PER_PAGE])
        from urllib.parse import quote
        nextgroup = (f"{JPAGE_PROXY}?page=1&appid=1&webid={JPAGE_WEBID}&path=/&columnid={JPAGE_COLUMN}"
                     f"&unitid={unit}&webname={quote(SITE_NAME)}&permissiontype=0")
        main = f"""<div class="col-title"><h2>{name}</h2></div>
<div class="gk-jpage">
<div id="{unit}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="{nextgroup}"></a>]]></nextgroup>
<recordset>
{embedded}
</recordset>
</datastore></script></div>
</div>
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
<script type="text/javascript">
var param_{unit} = {{col:1,appid:1,webid:{JPAGE_WEBID},path:'/',columnid:{JPAGE_COLUMN},sourceContentType:1,unitid:'{unit}',webname:'{SITE_NAME}',permissiontype:0}};
$(document).ready(function(){{
  $('#{unit}').jpage({{themeName:'default', showMode:'full', totalRecord:{len(records)}, perPage:{JPAGE_PER_PAGE}, groupSize:1,
    dataBefore:'', dataAfter:'', barPosition:'bottom', proxyUrl:'{JPAGE_PROXY}', ajaxParam:param_{unit}}});
}});
</script>"""
        meta = self.site_meta(ColumnName=name, ColumnType="信息公开")
        self.platform(url, f"{name}_{SITE_NAME}", meta, self.gk_trail(url, (name, None)), main)
        for u, d, t, paras in items:
            self.script_article(u, name, url, t, d, paras, int(u.rsplit("_", 1)[1][:-5]))
        data = {"columnid": JPAGE_COLUMN, "unitid": unit, "webid": JPAGE_WEBID, "perpage": JPAGE_PER_PAGE,
                "records": records}
        self.put(f"/_data/jpage/{JPAGE_COLUMN}.json", json_bytes(data))

    def gkmlpt_column(self):
        """标准计量 (Guangdong 政府信息公开目录管理平台): ``/xxgk/gkmlpt/index`` is the platform frame with an
        empty ``<div id="app">`` and ``window._CONFIG = {SID: …, TREE: […]}``; the list comes from
        ``/xxgk/gkmlpt/api/all/{classify}?page=N&sid=…`` (10 articles a page, 24 in all), which the
        server answers from ``_data/xxgk/gkmlpt/articles.json``."""
        name, url = GKMLPT_NAME, GKMLPT_INDEX
        items = gkmlpt_entries()
        tree = json.dumps([{"id": GKMLPT_CLASSIFY, "name": name, "parent": 0, "jump_url": "", "children": []}],
                          ensure_ascii=False)
        js = GKMLPT_INDEX.rsplit("/", 1)[0] + "/gkml/pc/js/"
        main = f"""<div class="col-title"><h2>{name}</h2></div>
<div id="app"></div>
<script>
  window._CONFIG = {{
    SID: '{GKMLPT_SID}',
    TREE: {tree},
    SERVICE_AREA_ID: 0,
    SITE_NAME: '{SITE_NAME}'
  }};
</script>
<script src="{js}chunk-common.js"></script>
<script src="{js}app.js"></script>"""
        meta = self.site_meta(ColumnName=name, ColumnType="信息公开")
        self.platform(url, f"{name}_{SITE_NAME}", meta, self.gk_trail(url, (name, None)), main)
        self.put(js + "chunk-common.js", b"/* gkmlpt: common chunk (the auditor runs no script) */\n")
        self.put(js + "app.js", b"/* gkmlpt: renders the directory from /gkmlpt/api/all/{classify}?page=N&sid=_CONFIG.SID */\n")
        articles = []
        for u, d, t, paras in items:
            post = int(u.rsplit("_", 1)[1][:-5])
            self.script_article(u, name, url, t, d, paras, post % 100000)
            articles.append(gkmlpt_article(post, u, d, t))
        data = {"sid": GKMLPT_SID, "page_size": GKMLPT_PAGE_SIZE,
                "classify": [{"id": GKMLPT_CLASSIFY, "name": name, "articles": articles}]}
        self.put(GKMLPT_DATA, json_bytes(data))


# --------------------------------------------------------------------------------------------
# more data (after the class so the tables read top-down)
# --------------------------------------------------------------------------------------------

SUBCOLS = [("jgzn", "机构职能"), ("zcwj", "政策文件"), ("zcjd", "政策解读"), ("ghjh", "规划计划"),
           ("tjxx", "统计信息"), ("xzxk", "行政许可"), ("xzcf", "行政处罚"), ("xzqz", "行政强制"),
           ("zfgs", "行政执法公示"), ("qzqd", "权责清单"), ("czyjs", "财政预决算"), ("sfxm", "收费项目"),
           ("zfcg", "政府采购"), ("rsxx", "人事信息"), ("ssjgk", "双随机一公开"), ("cjxx", "抽检信息"),
           ("jyta", "建议提案办理"), ("yjgl", "应急管理"), ("tsjb", "投诉举报"), ("xwfb", "新闻发布")]

GUIDE_TITLE = "榕江市市场监督管理局政府信息公开指南"
GUIDE_DATE = "2023-12-28"
GUIDE_URL = "/xxgk/zn/202312/t20231228_3001.html"
SPARSE_GUIDE_DATE = "2026-03-02"
SPARSE_GUIDE_URL = "/xxgk/zn/202603/t20260302_3001.html"
SPARSE_2025_REPORT = ("/xxgk/nb/202602/t20260216_7003.html", "2026-02-16")     # RPT001 (sparse): after 01-31
CLEAN_ONLY_SUBCOLS = ("yjgl",)      # COL003: planted/sparse have no 应急管理 sub-column
SPARSE_DROPPED_SUBCOLS = ("cjxx", "jyta", "qzqd")       # MKT002, MKT004, MKT005 (sparse)
SPARSE_HOME_FROZEN = "2026-11-05"   # UPD001 (sparse): the new homepage's boxes stop at items of this date
SPARSE_ICP = ICP.split("号")[0]      # ID003 (sparse): "闽ICP备16004231", no 号
SPARSE_PSB_CODE = PSB_CODE[:-2] + PSB_CODE[-1] + PSB_CODE[-2]    # ID004 (sparse): ...371 printed, ...317 linked
assert SPARSE_PSB_CODE != PSB_CODE

ZD_ITEMS = [
    ("榕江市市场监督管理局政府信息公开保密审查制度", "/xxgk/zd/202506/t20250610_3101.html", "2025-06-10", [
        "第一条　为规范本局政府信息公开保密审查工作，根据《中华人民共和国保守国家秘密法》《中华人民共和国政府信息公开条例》，制定本制度。",
        "第二条　拟公开的政府信息，由起草科室进行初审，办公室复审，分管领导审定，坚持“先审查、后公开”和“一事一审”原则。"]),
    ("榕江市市场监督管理局政府信息公开申请办理工作规程", "/xxgk/zd/202506/t20250610_3102.html", "2025-06-10", [
        "第一条　办公室统一受理政府信息公开申请，登记后2个工作日内转交承办科室。",
        "第二条　承办科室应当在收到转办单之日起10个工作日内提出答复意见，办公室审核后按期答复申请人。"]),
]

DOCS = [
    dict(id=4001, no="榕市监规〔2026〕1号", date="2026-03-12", written="2026-01-05", written_clean="2026-03-10",
         name="榕江市市场监督管理局行政处罚裁量权基准（2026年版）",
         url="/xxgk/fdzdgknr/zcwj/202603/t20260312_4001.html",
         body=["第一条　为规范行政处罚裁量权的行使，根据《中华人民共和国行政处罚法》《市场监督管理行政处罚裁量权适用规定》，结合本市实际，制定本基准。",
               "第二条　本基准自2026年4月1日起施行，有效期五年。"]),
    dict(id=4002, no="榕市监规〔2026〕2号", date="2026-05-20", written="2026-05-15", written_clean="2026-05-15",
         name="榕江市食品小作坊登记管理办法",
         url="/xxgk/fdzdgknr/zcwj/202605/t20260520_4002.html",
         body=["第一条　为加强食品小作坊监督管理，根据《福建省食品生产加工小作坊监督管理办法》，制定本办法。",
               "第二条　本办法自2026年6月20日起施行。"]),
    dict(id=4003, no="榕市监规〔2026〕3号", date="2026-09-18", written="2026-09-14", written_clean="2026-09-14",
         name="榕江市市场监督管理局轻微违法行为不予行政处罚清单",
         url="/xxgk/fdzdgknr/zcwj/202609/t20260918_4003.html",
         body=["一、当事人有下列情形之一，违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚：（一）未按规定公示营业执照，经责令改正后及时改正的；（二）……",
               "二、本清单自2026年11月1日起施行。"]),
    dict(id=4004, no="榕市监规〔2026〕4号", date="2026-08-20", written="2026-08-14", written_clean="2026-08-14",
         name="榕江市个体工商户分型分类精准帮扶实施办法",
         url="/xxgk/fdzdgknr/zcwj/202608/t20260820_4004.html", no_backlink=True,
         body=["第一条　为促进个体工商户高质量发展，根据《促进个体工商户发展条例》，制定本办法。",
               "第二条　个体工商户分为“生存型”“成长型”“发展型”，并对“名特优新”个体工商户实施精准帮扶。"]),
    dict(id=4005, no="榕市监规〔2026〕5号", date="2026-11-05", written="2026-11-02", written_clean="2026-11-02",
         name="榕江市电动自行车销售经营规范",
         url="/xxgk/fdzdgknr/zcwj/202611/t20261105_4005.html",
         body=["第一条　为规范电动自行车销售经营行为，保障消费者人身财产安全，制定本规范。",
               "第二条　销售者不得销售未获得强制性产品认证（CCC）的电动自行车及其充电器、锂离子蓄电池。"]),
    # on time only on the official calendar: 09-30 -> 10-08 is 1 working day (国庆 10-01..10-07)
    dict(id=4006, no="榕市监规〔2026〕6号", date="2026-09-30", written="2026-09-25", written_clean="2026-09-25",
         name="榕江市经营主体信用修复管理办法",
         url="/xxgk/fdzdgknr/zcwj/202609/t20260930_4006.html",
         body=["第一条　为引导失信经营主体主动纠正失信行为、重塑信用，根据《市场监督管理信用修复管理办法》，结合本市实际，制定本办法。",
               "第二条　经营主体被列入经营异常名录、被标记为经营异常状态或者公示行政处罚等信息的，可以依照本办法申请信用修复。",
               "第三条　本办法自2026年11月1日起施行。"]),
    # published twice (政策文件 and 通知公告, same title); each copy links the other copy of its interpretation
    dict(id=4007, no="榕市监规〔2026〕7号", date="2026-11-10", written="2026-11-04", written_clean="2026-11-04",
         name="榕江市网络直播营销活动合规指引",
         url="/xxgk/fdzdgknr/zcwj/202611/t20261110_4007.html", copy=5009,
         body=["第一条　为规范网络直播营销活动，维护消费者合法权益，根据《中华人民共和国电子商务法》《网络直播营销管理办法（试行）》等规定，制定本指引。",
               "第二条　直播间运营者、直播营销人员应当真实、准确、全面地发布商品或者服务信息，不得虚构或者篡改交易、关注度、浏览量、点赞量等数据。",
               "第三条　本指引自发布之日起施行。"]),
    # interpretation published the same day, links both ways
    dict(id=4008, no="榕市监规〔2026〕8号", date="2026-11-12", written="2026-11-09", written_clean="2026-11-09",
         name="榕江市电梯维护保养单位信用评价办法",
         url="/xxgk/fdzdgknr/zcwj/202611/t20261112_4008.html",
         body=["第一条　为提升电梯维护保养质量，落实维护保养单位主体责任，根据《中华人民共和国特种设备安全法》《特种设备使用管理规则》，制定本办法。",
               "第二条　信用评价实行百分制，按得分划分为A、B、C、D四个等级，评价结果向社会公示，并作为分级分类监管的依据。",
               "第三条　本办法自2027年1月1日起施行。"]),
]
for _d in DOCS:
    _d["title"] = f"榕江市市场监督管理局关于印发《{_d['name']}》的通知"

INTERPS = [
    dict(id=4101, doc="榕市监规〔2026〕1号", date="2026-03-13", date_clean="2026-03-13",
         url="/xxgk/fdzdgknr/zcjd/202603/t20260313_4101.html", url_clean="/xxgk/fdzdgknr/zcjd/202603/t20260313_4101.html",
         title="关于《榕江市市场监督管理局行政处罚裁量权基准（2026年版）》的解读",
         body=["一、制定背景。为落实《市场监督管理行政处罚裁量权适用规定》，进一步规范行政处罚裁量权的行使，市场监管局制定了本基准。",
               "二、主要内容。基准共涉及行政处罚事项386项，按违法行为的事实、性质、情节及社会危害程度划分裁量阶次。",
               "三、解读机关及联系方式：榕江市市场监督管理局法规科，电话0599-8861233。"]),
    dict(id=4102, doc="榕市监规〔2026〕2号", date="2026-05-21", date_clean="2026-05-21",
         url="/xxgk/fdzdgknr/zcjd/202605/t20260521_4102.html", url_clean="/xxgk/fdzdgknr/zcjd/202605/t20260521_4102.html",
         title="一图读懂《榕江市食品小作坊登记管理办法》",
         body=["<img src=\"W020260521_1.png\" alt=\"一图读懂《榕江市食品小作坊登记管理办法》：登记条件、登记流程、监督管理\" width=\"750\">",
               "图解要点：登记条件——有固定的生产场所；登记流程——申请、受理、现场核查、发证；监督管理——日常检查与抽检。"]),
    dict(id=4103, doc="榕市监规〔2026〕3号", date="2026-09-23", date_clean="2026-09-21",
         url="/xxgk/fdzdgknr/zcjd/202609/t20260923_4103.html", url_clean="/xxgk/fdzdgknr/zcjd/202609/t20260921_4103.html",
         title="关于《榕江市市场监督管理局轻微违法行为不予行政处罚清单》的解读",
         body=["一、出台目的。推行包容审慎监管，对轻微违法行为依法不予行政处罚，营造宽严相济的法治化营商环境。",
               "二、适用条件。违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"]),
    dict(id=4104, doc="榕市监规〔2026〕4号", date="2026-08-21", date_clean="2026-08-21",
         url="/xxgk/fdzdgknr/zcjd/202608/t20260821_4104.html", url_clean="/xxgk/fdzdgknr/zcjd/202608/t20260821_4104.html",
         title="关于《榕江市个体工商户分型分类精准帮扶实施办法》的解读",
         body=["一、制定依据。《促进个体工商户发展条例》以及省市关于个体工商户分型分类精准帮扶的工作部署。",
               "二、主要内容。明确分型标准、分类培育措施和帮扶政策清单。"]),
    dict(id=4105, doc="榕市监规〔2026〕5号", date="2026-11-06", date_clean="2026-11-06", clean_only=True,
         url="/xxgk/fdzdgknr/zcjd/202611/t20261106_4105.html", url_clean="/xxgk/fdzdgknr/zcjd/202611/t20261106_4105.html",
         title="关于《榕江市电动自行车销售经营规范》的解读",
         body=["一、起草背景。近年来电动自行车火灾事故多发，规范销售经营行为十分必要。",
               "二、主要内容。明确销售者进货查验、强制性认证产品销售、禁止非法改装等义务。"]),
    dict(id=4106, doc="榕市监规〔2026〕6号", date="2026-10-08", date_clean="2026-10-08",
         url="/xxgk/fdzdgknr/zcjd/202610/t20261008_4106.html", url_clean="/xxgk/fdzdgknr/zcjd/202610/t20261008_4106.html",
         title="关于《榕江市经营主体信用修复管理办法》的解读",
         body=["一、起草背景。信用修复是信用监管的重要环节。为帮助经营主体及时纠正失信行为、退出失信状态，市场监管局起草了本办法。",
               "二、主要内容。办法明确了信用修复的适用范围、申请条件、申请材料、办理流程和办理时限，对符合条件的申请，自受理之日起5个工作日内作出决定。",
               "三、解读机关及联系方式：榕江市市场监督管理局信用监督管理科，电话0599-8861237。"]),
    dict(id=4107, doc="榕市监规〔2026〕7号", date="2026-11-11", date_clean="2026-11-11", copy=2031,
         url="/xxgk/fdzdgknr/zcjd/202611/t20261111_4107.html", url_clean="/xxgk/fdzdgknr/zcjd/202611/t20261111_4107.html",
         title="关于《榕江市网络直播营销活动合规指引》的解读",
         body=["一、制定目的。近年来网络直播营销快速发展，虚假宣传、数据造假等问题时有发生。制定本指引，旨在引导直播营销主体依法合规经营。",
               "二、主要内容。指引从直播间运营者、直播营销人员和直播营销平台三个方面，列明了信息公示、商品质量、广告宣传、价格行为等合规要点。",
               "三、解读机关及联系方式：榕江市市场监督管理局网络交易监督管理科，电话0599-8861238。"]),
    dict(id=4108, doc="榕市监规〔2026〕8号", date="2026-11-12", date_clean="2026-11-12",
         url="/xxgk/fdzdgknr/zcjd/202611/t20261112_4108.html", url_clean="/xxgk/fdzdgknr/zcjd/202611/t20261112_4108.html",
         title="关于《榕江市电梯维护保养单位信用评价办法》的解读",
         body=["一、制定背景。全市在用电梯数量逐年增加，维护保养质量参差不齐。开展维护保养单位信用评价，有利于推动行业优胜劣汰。",
               "二、主要内容。办法规定了评价指标、评价程序、等级划分和结果运用，评价结果为C级、D级的，列为重点监管对象，提高检查频次。",
               "三、解读机关及联系方式：榕江市市场监督管理局特种设备安全监察科，电话0599-8861239。"]),
]

# A document published twice and its interpretation published twice (INT001 counts the document once;
# INT003 counts links to the other copy). The 政策文件 copy links the 工作动态 copy of the interpretation,
# the 政策解读 copy links the 通知公告 copy of the document, and the two republished copies link across the
# same way (通知公告 -> 政策解读, 工作动态 -> 政策文件), so whichever copy the auditor takes for the document
# or the interpretation, it finds both links.
DOC_COPIES = {}          # 通知公告 id -> document
INTERP_COPIES = {}       # 工作动态 id -> interpretation
for _d in DOCS:
    if _d.get("copy"):
        TZGG.append((_d["copy"], _d["date"], _d["date"], _d["title"], "网络交易监督管理科"))
        DOC_COPIES[_d["copy"]] = _d
for _i in INTERPS:
    if _i.get("copy"):
        assert _i["date"] == _i["date_clean"]
        GZDT.append((_i["copy"], _i["date"], "16:30", _i["title"], "网络交易监督管理科"))
        INTERP_COPIES[_i["copy"]] = _i


def doc_paras(doc: dict, written: str) -> list[str]:
    """The text of a 印发 notice: salutation, the issuing sentence, signature, then the document."""
    return ["各市场监管所、局机关各科室、执法支队：",
            f"现将《{doc['name']}》印发给你们，请认真贯彻执行。",
            f"榕江市市场监督管理局<br>{cn_date(written)}",
            "（此件主动公开）"] + doc["body"]


def interp_link_target(interp: dict) -> str:
    """Where a document page's 相关解读 points when the interpretation has a 工作动态 copy: that copy."""
    return gzdt_url(interp["copy"])


def doc_link_target(doc: dict) -> str:
    """Where an interpretation's 相关文件 points: the document, or its 通知公告 copy."""
    return tzgg_url(doc["copy"]) if doc.get("copy") else doc["url"]


# 行政处罚. Valid (unmasked) ID number for PRV001, computed below.
def _id_check(s17: str) -> str:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


LEAKED_ID = "35070219860314151" + _id_check("35070219860314151")
LEAKED_MOBILE = "13905997326"
# Lookalikes PRV001/PRV002 must not flag (every variant): 18-digit numbers shaped like an ID (region
# 350702, a real date where the birth date would be) whose last digit is NOT the GB 11643 check digit,
# masked ID numbers, 统一社会信用代码, the office landline and the 12315 hotline.
CASE_NO = "350702202602100037"          # 案件编号 on 〔2026〕6号; the check digit would be 0
ORDER_NO = "350702202607030118"         # 订单编号 in the 第三季度 公示 list; the check digit would be 5
assert _id_check(CASE_NO[:17]) != CASE_NO[17] and _id_check(ORDER_NO[:17]) != ORDER_NO[17]
CASE_PHONE = "0599-8862317"             # 价格监督检查和反不正当竞争科 (office landline)

PENALTIES = [
    dict(id=6101, no="榕市监处罚〔2026〕45号", kind="table", decided="2026-11-10", decided_clean="2026-11-10",
         pub="2026-11-13", pub_clean="2026-11-13",
         url="/xxgk/fdzdgknr/xzcf/202611/t20261113_6101.html", url_clean="/xxgk/fdzdgknr/xzcf/202611/t20261113_6101.html",
         fields=dict(case="榕江市鑫盛食品贸易有限公司经营超过保质期的食品案", party="榕江市鑫盛食品贸易有限公司",
                     uscc="91350702MA8RJ3K27X", rep="黄某某",
                     facts="2026年9月12日，执法人员在当事人经营场所检查时发现，当事人经营的某品牌纯牛奶12箱已超过保质期。",
                     basis="《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
                     types="没收违法所得；罚款", content="没收超过保质期的纯牛奶12箱；没收违法所得326元；罚款人民币50000元。",
                     amount="5.0326")),
    dict(id=6102, no="榕市监处罚〔2026〕43号", kind="decision", decided="2026-11-02", decided_clean="2026-11-02",
         cn_numerals=True,                  # signed 二〇二六年十一月二日
         pub="2026-11-06", pub_clean="2026-11-06",
         url="/xxgk/fdzdgknr/xzcf/202611/t20261106_6102.html", url_clean="/xxgk/fdzdgknr/xzcf/202611/t20261106_6102.html",
         fields=dict(text=[
             "当事人：榕江市榕城区阿明水产店",
             "主体资格证照名称：营业执照　统一社会信用代码：92350702MA8TQ5LX3B",
             "经营场所：榕江市榕城区滨江农贸市场A区12号",
             f"经营者：林某明　身份证号码：{LEAKED_ID}",
             "2026年10月9日，本局执法人员对当事人经营场所进行检查，发现当事人使用的电子计价秤未经检定，经立案调查查明：当事人自2026年3月起使用该未经检定的电子计价秤从事经营活动。",
             "上述事实，有现场笔录、询问笔录、照片等证据证明。",
             "当事人的上述行为违反了《中华人民共和国计量法》第九条第一款的规定。依据《中华人民共和国计量法实施细则》第四十三条的规定，本局决定对当事人作出如下行政处罚：没收未经检定的电子计价秤1台；罚款人民币800元。",
             "当事人应当自收到本行政处罚决定书之日起十五日内，通过福建省非税收入缴款平台缴纳罚款。",
             "当事人如不服本行政处罚决定，可以在收到本行政处罚决定书之日起六十日内向榕江市人民政府申请行政复议，也可以在六个月内依法向榕江市人民法院提起行政诉讼。"]),
         fields_clean=dict(text=[
             "当事人：榕江市榕城区阿明水产店",
             "主体资格证照名称：营业执照　统一社会信用代码：92350702MA8TQ5LX3B",
             "经营场所：榕江市榕城区滨江农贸市场A区12号",
             "经营者：林某明　身份证号码：" + LEAKED_ID[:6] + "********" + LEAKED_ID[-4:],
             "2026年10月9日，本局执法人员对当事人经营场所进行检查，发现当事人使用的电子计价秤未经检定，经立案调查查明：当事人自2026年3月起使用该未经检定的电子计价秤从事经营活动。",
             "上述事实，有现场笔录、询问笔录、照片等证据证明。",
             "当事人的上述行为违反了《中华人民共和国计量法》第九条第一款的规定。依据《中华人民共和国计量法实施细则》第四十三条的规定，本局决定对当事人作出如下行政处罚：没收未经检定的电子计价秤1台；罚款人民币800元。",
             "当事人应当自收到本行政处罚决定书之日起十五日内，通过福建省非税收入缴款平台缴纳罚款。",
             "当事人如不服本行政处罚决定，可以在收到本行政处罚决定书之日起六十日内向榕江市人民政府申请行政复议，也可以在六个月内依法向榕江市人民法院提起行政诉讼。"])),
    dict(id=6103, no="榕市监处罚〔2026〕41号", kind="table", decided="2026-10-26", decided_clean="2026-10-26",
         pub="2026-10-30", pub_clean="2026-10-30",
         url="/xxgk/fdzdgknr/xzcf/202610/t20261030_6103.html", url_clean="/xxgk/fdzdgknr/xzcf/202610/t20261030_6103.html",
         fields=dict(case="榕江市优品汇电子商务有限公司发布虚假广告案", party="榕江市优品汇电子商务有限公司",
                     uscc="91350702MA8UW6P41K", rep="郑某某",
                     facts="当事人在其网店商品详情页中宣称其销售的普通食品“降血糖、治疗糖尿病”，无法提供证明材料。",
                     basis=None, types="罚款", content="责令停止发布违法广告，在相应范围内消除影响；罚款人民币30000元。",
                     amount="3.0"),
         fields_clean=dict(basis="《中华人民共和国广告法》第五十五条第一款")),
    dict(id=6104, no="榕市监处罚〔2026〕36号", kind="table", decided="2026-09-28", decided_clean="2026-09-28",
         pub="2026-11-03", pub_clean="2026-09-30",
         url="/xxgk/fdzdgknr/xzcf/202611/t20261103_6104.html", url_clean="/xxgk/fdzdgknr/xzcf/202609/t20260930_6104.html",
         fields=dict(case="榕江市祥和燃气器具商行销售不合格燃气灶具案", party="榕江市祥和燃气器具商行",
                     uscc="92350702MA8R5JD96N", rep="吴某某",
                     facts="经抽样检验，当事人销售的某型号家用燃气灶具熄火保护装置项目不合格。",
                     basis="《中华人民共和国产品质量法》第四十九条",
                     types="没收违法所得；罚款", content="没收违法销售的燃气灶具8台；没收违法所得1560元；罚款人民币4800元。",
                     amount="0.636")),
    dict(id=6105, no="榕市监处罚〔2026〕37号", kind="notice", decided="2026-10-09", decided_clean="2026-10-09",
         pub="2026-10-16", pub_clean="2026-10-16",
         url="/xxgk/fdzdgknr/xzcf/202610/t20261016_6105.html", url_clean="/xxgk/fdzdgknr/xzcf/202610/t20261016_6105.html",
         fields=dict(text=[
             "榕江市市场监督管理局行政处罚决定书送达公告",
             "王某华（身份证号码：3507021990****2316），原榕江市榕城区华记副食店经营者：",
             "本局于2026年10月9日对你作出榕市监处罚〔2026〕37号行政处罚决定书。因采用直接送达、邮寄送达等方式均无法送达，现依法公告送达。",
             "违法行为：销售标签不符合食品安全标准的预包装食品。",
             "处罚依据：《中华人民共和国食品安全法》第一百二十五条第一款第（二）项。",
             "处罚内容：没收违法所得210元，罚款人民币5000元。",
             "作出决定的机关：榕江市市场监督管理局；决定日期：2026年10月9日。",
             "自本公告发布之日起经过三十日，即视为送达。请你于公告期满后十五日内缴纳罚款。如不服本处罚决定，可以在送达之日起六十日内申请行政复议，或者六个月内提起行政诉讼。"])),
    dict(id=6106, no="榕市监处罚〔2026〕35号", kind="table", decided="2026-09-16", decided_clean="2026-09-16",
         pub="2026-09-22", pub_clean="2026-09-22",
         url="/xxgk/fdzdgknr/xzcf/202609/t20260922_6106.html", url_clean="/xxgk/fdzdgknr/xzcf/202609/t20260922_6106.html",
         fields=dict(case="榕江市榕城区陈记粮油店经营掺杂掺假食用油案", party="榕江市榕城区陈记粮油店",
                     uscc="92350702MA8QX2M05T", rep="陈某华",
                     operator=f"陈某华（联系电话：{LEAKED_MOBILE}）",
                     facts="当事人销售的散装花生油经检验，检出其他植物油成分，属于掺杂掺假食品。",
                     basis="《中华人民共和国食品安全法》第一百二十三条第一款第（四）项",
                     types="没收违法所得；罚款", content="没收违法所得2480元；罚款人民币100000元。",
                     amount="10.248"),
         fields_clean=dict(operator="陈某华（联系电话：139****7326）")),
    dict(id=6107, no="榕市监处罚〔2026〕31号", kind="grid", decided="2026-08-24", decided_clean="2026-08-24",
         pub="2026-08-28", pub_clean="2026-08-28",
         url="/xxgk/fdzdgknr/xzcf/202608/t20260828_6107.html", url_clean="/xxgk/fdzdgknr/xzcf/202608/t20260828_6107.html",
         fields=dict(party="榕江市江滨物业服务有限公司", uscc="91350702MA8NB4T20H", facts="使用未经定期检验的电梯",
                     basis="《中华人民共和国特种设备安全法》第八十四条第（一）项",
                     content="责令停止使用有关特种设备，处罚款人民币30000元。")),
    # PEN001 on the real calendar only: decided Tue 2026-02-24 (first day after 春节 02-15..02-23),
    # published 03-24 = 21 working days because Sat 02-28 is a 调休 working day (20 by Mon-Fri);
    # clean publishes it 03-03 (6 working days).
    dict(id=6108, no="榕市监处罚〔2026〕6号", kind="table", decided="2026-02-24", decided_clean="2026-02-24",
         pub="2026-03-24", pub_clean="2026-03-03",
         url="/xxgk/fdzdgknr/xzcf/202603/t20260324_6108.html", url_clean="/xxgk/fdzdgknr/xzcf/202603/t20260303_6108.html",
         fields=dict(case="榕江市榕城区福来副食店春节期间不明码标价案", party="榕江市榕城区福来副食店",
                     uscc="92350702MA8T7HX15W", rep="周某某（经营者）",
                     extra=[("案件编号", CASE_NO), ("经营者身份证件号码", "350702********0428")],
                     facts="2026年2月10日，执法人员在春节市场专项检查中发现，当事人经营场所内销售的年货礼盒、坚果炒货等42种商品未按规定明码标价。",
                     basis="《中华人民共和国价格法》第四十二条；《明码标价和禁止价格欺诈规定》第二十一条",
                     types="警告；罚款", content="警告；罚款人民币3000元。", amount="0.3",
                     note=f"办案机构：价格监督检查和反不正当竞争科，联系电话：{CASE_PHONE}；投诉举报电话：12315。")),
]
for _p in PENALTIES:
    _p["title"] = (f"行政处罚决定书送达公告（{_p['no']}）" if _p["kind"] == "notice" else
                   f"行政处罚决定书（{_p['no']}）" if _p["kind"] == "decision" else
                   f"行政处罚信息公示表（{_p['no']}）" if _p["id"] == 6106 else
                   f"行政处罚信息公开表（{_p['no']}）")

# 2026年第三季度行政处罚案件信息公示: a list page (kind column) with its own 公示日期 per row, all on
# time (4-6 working days). 31号 and 35号 also have detail pages (each decision counts once); 26号, 28号
# and 33号 are published only here. 36号 (decided 09-28, PEN001) is not on it.
GS_URL = "/xxgk/fdzdgknr/xzcf/ajgs/"
GS_TITLE = "2026年第三季度行政处罚案件信息公示"
GS_ROWS = [
    dict(no="榕市监处罚〔2026〕26号", party="榕江市云购电子商务有限公司", code="91350702MA8W2L6R0C",
         facts=f"当事人通过网络平台销售标注“特级”的散装绿茶，经抽样检验为不合格产品（抽检样品订单编号：{ORDER_NO}）。",
         basis="《中华人民共和国产品质量法》第五十条", content="没收违法所得1280元；罚款人民币6000元。",
         decided="2026-07-06", pub="2026-07-10"),
    dict(no="榕市监处罚〔2026〕28号", party="榕江市惠万家超市有限公司", code="91350702MA8PL9Q63E",
         facts="当事人销售的散装熟食未标明生产日期、保质期和生产经营者名称。",
         basis="《中华人民共和国食品安全法》第一百二十六条第一款第（十一）项", content="警告；罚款人民币5000元。",
         decided="2026-07-20", pub="2026-07-24"),
    dict(no="榕市监处罚〔2026〕31号", detail=6107),
    dict(no="榕市监处罚〔2026〕33号", party="刘某某", code="350702198711******",
         facts="当事人未依法取得营业执照，在榕城区江滨路夜市从事餐饮经营活动。",
         basis="《无证无照经营查处办法》第十三条", content="责令停止违法行为；没收违法所得860元；罚款人民币2000元。",
         decided="2026-09-07", pub="2026-09-11"),
    dict(no="榕市监处罚〔2026〕35号", detail=6106),
]
for _r in GS_ROWS:
    if _r.get("detail"):        # the same decision as its detail page: same 文号, party, dates
        _p = next(p for p in PENALTIES if p["id"] == _r["detail"])
        assert _p["no"] == _r["no"] and _p["pub"] == _p["pub_clean"] and _p["decided"] == _p["decided_clean"]
        _f = _p["fields"]
        _r.update(party=_f["party"], code=_f["uscc"], facts=_f["facts"], basis=_f["basis"],
                  content=_f["content"], decided=_p["decided"], pub=_p["pub"])

ANNUAL = [
    (2025, "/xxgk/nb/202601/t20260120_7003.html", "2026-01-20", "榕江市市场监督管理局2025年政府信息公开工作年度报告"),
    (2024, "/xxgk/nb/202501/t20250122_7002.html", "2025-01-22", "榕江市市场监督管理局2024年政府信息公开工作年度报告"),
    (2023, "/xxgk/nb/202401/t20240125_7001.html", "2024-01-25", "榕江市市场监督管理局2023年政府信息公开工作年度报告"),
]

T3_TYPO_YEAR = 2024     # RPT003 (planted, sparse): section 三 does not add up in the 自然人 column

# Table 三 rows (after 一/二): results per applicant column
# columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他
T3_ROWS = [
    ("（一）予以公开", None, "open"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, "part"),
    ("（三）不予公开", "1.属于国家秘密", "n1"), (None, "2.其他法律行政法规禁止公开", "n2"),
    (None, "3.危及“三安全一稳定”", "n3"), (None, "4.保护第三方合法权益", "n4"),
    (None, "5.属于三类内部事务信息", "n5"), (None, "6.属于四类过程性信息", "n6"),
    (None, "7.属于行政执法案卷", "n7"), (None, "8.属于行政查询事项", "n8"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "u1"), (None, "2.没有现成信息需要另行制作", "u2"),
    (None, "3.补正后申请内容仍不明确", "u3"),
    ("（五）不予处理", "1.信访举报投诉类申请", "x1"), (None, "2.重复申请", "x2"), (None, "3.要求提供公开出版物", "x3"),
    (None, "4.无正当理由大量反复申请", "x4"), (None, "5.要求行政机关确认或重新出具已获取信息", "x5"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "o1"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "o2"),
    (None, "3.其他", "o3"),
]


def _apps(res: dict, carry_in, carry_out):
    """Build consistent application numbers: new = results total + carried out - carried in."""
    keys = [k for _a, _b, k in T3_ROWS]
    cols = 6
    res = {k: res.get(k, [0] * cols) for k in keys}
    total = [sum(res[k][c] for k in keys) for c in range(cols)]
    new = [total[c] + carry_out[c] - carry_in[c] for c in range(cols)]
    assert all(n >= 0 for n in new)
    return dict(res=res, total=total, new=new, carry_in=carry_in, carry_out=carry_out)


REPORT_DATA = {
    2023: dict(gf=(3, 0, 8), xk=3412, cf=187, qz=29, total_pub=1186,
               apps=_apps({"open": [9, 2, 0, 0, 1, 0], "part": [1, 0, 0, 0, 0, 0], "u1": [4, 1, 0, 0, 0, 0],
                           "x1": [2, 0, 0, 0, 0, 0], "n7": [1, 0, 0, 0, 0, 0]},
                          [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]),
               review=[1, 0, 0, 0, 1] + [0] * 10,
               problems="一是政策解读形式较为单一；二是个别栏目更新不够及时。下一步将丰富解读形式，健全栏目更新机制。",
               other="无。"),
    2024: dict(gf=(4, 1, 11), xk=3655, cf=203, qz=33, total_pub=1254,
               apps=_apps({"open": [11, 3, 0, 0, 0, 1], "part": [2, 0, 0, 0, 0, 0], "u1": [5, 0, 0, 0, 0, 0],
                           "u3": [1, 0, 0, 0, 0, 0], "x2": [1, 0, 0, 0, 0, 0]},
                          [1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]),
               review=[0, 0, 0, 1, 1] + [1, 0, 0, 0, 1] + [0] * 5,
               problems="一是依申请公开答复规范化水平有待提高；二是基层市场监管所信息报送不够及时。下一步将加强业务培训，完善信息报送考核。",
               other="本局2024年度办理人大代表建议12件、政协提案9件，办理结果均已公开。"),
    2025: dict(gf=(5, 1, 15), xk=3862, cf=214, qz=37, total_pub=1318,
               apps=_apps({"open": [12, 2, 0, 0, 1, 0], "part": [1, 1, 0, 0, 0, 0], "n4": [1, 0, 0, 0, 0, 0],
                           "u1": [6, 1, 0, 0, 0, 0], "x1": [2, 0, 0, 0, 0, 0], "o1": [1, 0, 0, 0, 0, 0]},
                          [0, 1, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0]),
               review=[2, 0, 0, 0, 2] + [0] * 5 + [0] * 5,
               problems="一是政策解读的针对性和可读性有待增强；二是政府信息公开指南更新不够及时。下一步将推行图解、视频解读，及时修订公开指南。",
               other="本局2025年度办理人大代表建议14件、政协提案10件，办理结果均已公开。"),
}


def table3(A) -> str:
    def row(label_cells, vals):
        return "<tr>" + label_cells + "".join(f"<td>{v}</td>" for v in vals) + f"<td>{sum(vals)}</td></tr>"
    out = ['<table border="1" cellspacing="0" class="nb-t3">',
           '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
           row('<td colspan="3">一、本年新收政府信息公开申请数量</td>', A["new"]),
           row('<td colspan="3">二、上年结转政府信息公开申请数量</td>', A["carry_in"])]
    n = len(T3_ROWS) + 1
    first = True
    groups = {}
    for a, _b, _k in T3_ROWS:
        if a:
            cur = a
        groups[cur] = groups.get(cur, 0) + 1
    for a, b, k in T3_ROWS:
        cells = ""
        if first:
            cells += f'<td rowspan="{n}">三、本年度办理结果</td>'
            first = False
        if b is None:
            cells += f'<td colspan="2">{a}</td>'
        else:
            if a:
                cells += f'<td rowspan="{groups[a]}">{a}</td>'
            cells += f"<td>{b}</td>"
        out.append(row(cells, A["res"][k]))
    out.append(row('<td colspan="2">（七）总计</td>', A["total"]))
    out.append(row('<td colspan="3">四、结转下年度继续办理</td>', A["carry_out"]))
    out.append("</table>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# script-built columns (issue 11): 知识产权 (TRS), 登记注册 (Hanweb jpage), 标准计量 (gkmlpt)
# --------------------------------------------------------------------------------------------

def json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _n(seed: int, lo: int, hi: int) -> int:
    """A fixed pseudo-random number in [lo, hi] (the figures in the generated articles)."""
    return lo + (seed * 2654435761 >> 7) % (hi - lo + 1)


TRS_NAME, TRS_BASE, TRS_PER_PAGE = "知识产权", "/xxgk/zscq/", 15
# (id, date, title); the monthly figures come from TRS_MONTHLY below
TRS_ITEMS = [
    (11001, "2026-05-08", "市市场监管局召开“4·26”知识产权宣传周活动总结会"),
    (11002, "2026-05-14", "榕江市首笔商标专用权质押融资落地"),
    (11003, "2026-05-21", "市市场监管局走访调研重点企业知识产权工作"),
    (11004, "2026-05-28", "榕江市新增2件地理标志证明商标"),
    (11005, "2026-06-04", "市市场监管局组织企业参加专利导航实务培训"),
    (11006, "2026-06-16", "榕江市知识产权维权援助工作站揭牌"),
    (11007, "2026-06-25", "市市场监管局开展商标代理机构专项整治"),
    (11008, "2026-07-02", "榕江市2家企业通过知识产权管理体系认证"),
    (11009, "2026-07-15", "市市场监管局开展专利代理行业服务质量评价"),
    (11010, "2026-07-29", "榕江市启动2026年度专利资助资金兑现工作"),
    (11011, "2026-08-11", "市市场监管局开展地理标志产品保护专项行动"),
    (11012, "2026-08-25", "市市场监管局举办中小企业知识产权公益讲座"),
    (11013, "2026-09-03", "榕江市知识产权纠纷人民调解委员会成立"),
    (11014, "2026-09-16", "市市场监管局开展展会知识产权保护工作"),
    (11015, "2026-09-24", "榕江红茶地理标志专用标志使用企业名单更新"),
    (11016, "2026-10-13", "市市场监管局开展商标印制企业规范经营指导"),
    (11017, "2026-10-20", "榕江市专利密集型产品备案工作推进会召开"),
    (11018, "2026-10-27", "市市场监管局组织开展知识产权纠纷快速处理业务交流"),
    (11019, "2026-11-03", "榕江市知识产权质押融资登记金额突破2亿元"),
    (11020, "2026-11-10", "市市场监管局开展“知识产权服务万里行”榕江站活动"),
    (11021, "2026-11-12", "榕江市高价值发明专利培育项目通过验收"),
    (11022, "2026-11-16", "市市场监管局开展冬季商标侵权线索排查"),
]
# (id, date, month, kind): 专利授权 mid-month and 商标注册 early in the month, for the month before
TRS_MONTHLY = [(11100 + m, d, m, "专利授权") for m, d in zip(range(4, 11), (
    "2026-05-19", "2026-06-18", "2026-07-20", "2026-08-18", "2026-09-17", "2026-10-19", "2026-11-18"))] + \
    [(11200 + m, d, m, "商标注册") for m, d in zip(range(4, 11), (
        "2026-05-06", "2026-06-05", "2026-07-06", "2026-08-05", "2026-09-07", "2026-10-12", "2026-11-05"))]
TRS_BODY = ["知识产权科牵头组织实施，各市场监管所和相关企业共同参与。活动中，工作人员围绕专利、商标、地理标志的创造、运用和保护开展政策宣讲和业务指导，现场解答企业咨询。",
            "下一步，市市场监管局将持续强化知识产权全链条保护，完善快速协同保护机制，助力创新主体高质量发展。"]


def trs_entries() -> list[tuple[str, str, str, list[str]]]:
    """(url, date, title, paragraphs) of the 知识产权 column, newest first."""
    out = []
    for i, d, t in TRS_ITEMS:
        out.append((i, d, t, [f"{cn_date(d)}，{t.replace('市市场监管局', '市市场监督管理局')}。", *TRS_BODY]))
    for i, d, m, kind in TRS_MONTHLY:
        if kind == "专利授权":
            a, b, c = _n(i, 30, 60), _n(i + 1, 180, 260), _n(i + 2, 60, 120)
            paras = [f"2026年{m}月，全市共获得专利授权{a + b + c}件，其中发明专利{a}件、实用新型专利{b}件、外观设计专利{c}件。",
                     f"截至{m}月底，全市有效发明专利拥有量{2100 + 40 * m}件，每万人口高价值发明专利拥有量{4 + m / 10:.1f}件。"]
        else:
            a = _n(i, 300, 480)
            paras = [f"2026年{m}月，全市新增注册商标{a}件。截至{m}月底，全市有效注册商标{38000 + 420 * m}件，地理标志商标15件。",
                     "商标注册便利化改革持续推进，市市场监督管理局商标受理窗口当月办理商标业务咨询和受理事项均按时办结。"]
        out.append((i, d, f"2026年{m}月全市{kind}情况", paras))
    out.sort(key=lambda x: (x[1], x[0]), reverse=True)
    return [(f"{TRS_BASE}{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{i}.html", d, t, p) for i, d, t, p in out]


def trs_list_pages() -> list[str]:
    pages = -(-len(TRS_ITEMS + TRS_MONTHLY) // TRS_PER_PAGE)
    return [TRS_BASE] + [f"{TRS_BASE}index_{n}.html" for n in range(1, pages)]


TRS_PAGE_JS = """/* TRS WCM 分页：createPageHTML(总页数, 当前页(从0开始), 文件名前缀, 扩展名) */
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var first = _sPageName + "." + _sPageExt;
  var name = function (n) { return n == 0 ? first : _sPageName + "_" + n + "." + _sPageExt; };
  var html = "共" + _nPageCount + "页　";
  html += _nCurrIndex == 0 ? "首页 上一页 " : "<a href='" + first + "'>首页</a> <a href='" + name(_nCurrIndex - 1) + "'>上一页</a> ";
  html += _nCurrIndex + 1 >= _nPageCount ? "下一页 尾页" :
      "<a href='" + name(_nCurrIndex + 1) + "'>下一页</a> <a href='" + name(_nPageCount - 1) + "'>尾页</a>";
  document.write(html);
}
"""

JPAGE_NAME, JPAGE_LIST = "登记注册", "/xxgk/col/col2857/index.html"
JPAGE_PROXY = "/module/web/jpage/dataproxy.jsp"
JPAGE_COLUMN, JPAGE_UNIT, JPAGE_WEBID, JPAGE_PER_PAGE = 2857, "80151", 35, 15
JPAGE_ITEMS = [
    (458201, "2026-06-10", "市市场监管局推行经营主体登记“帮办代办”服务"),
    (458202, "2026-06-24", "榕江市个体工商户分型分类培育名单（第二批）"),
    (458203, "2026-07-08", "榕江市企业开办“一网通办”服务全面上线"),
    (458204, "2026-07-22", "市市场监管局开展经营主体住所登记规范化工作"),
    (458205, "2026-08-12", "榕江市经营主体简易注销情况（2026年第2批）"),
    (458206, "2026-08-26", "市市场监管局开展登记注册窗口服务评议"),
    (458207, "2026-09-09", "榕江市新增外商投资企业登记情况（2026年1—8月）"),
    (458208, "2026-09-30", "市市场监管局开展经营主体歇业备案服务宣传"),
    (458209, "2026-10-21", "榕江市经营主体简易注销情况（2026年第3批）"),
    (458210, "2026-11-11", "市市场监管局召开登记注册窗口业务培训会"),
]
JPAGE_WEEKS = range(22, 47)        # the weekly figures, published the Monday after (国庆: 10-09)
JPAGE_BODY = ["登记注册科会同各市场监管所组织实施。市市场监督管理局持续深化商事制度改革，推进经营主体登记全程网办、跨区通办，为经营主体提供规范、便利、高效的登记服务。",
              "经营主体可通过福建省市场监督管理局网上登记平台办理设立、变更、注销等登记业务，也可到市行政服务中心市场监管窗口现场办理。"]


def jpage_entries() -> list[tuple[str, str, str, list[str]]]:
    """(url, date, title, paragraphs) of the 登记注册 column (35 records), newest first."""
    import datetime as dt
    out = [(i, d, t, [f"{cn_date(d)}，{t.replace('市市场监管局', '市市场监督管理局')}。", *JPAGE_BODY]) for i, d, t in JPAGE_ITEMS]
    for w in JPAGE_WEEKS:
        monday = dt.date(2025, 12, 29) + dt.timedelta(weeks=w - 1)
        sunday, pub = monday + dt.timedelta(days=6), monday + dt.timedelta(days=7)
        if dt.date(2026, 10, 1) <= pub <= dt.date(2026, 10, 8):
            pub = dt.date(2026, 10, 9)
        i = 458100 + w
        a, b, c = _n(i, 90, 160), _n(i + 1, 380, 560), _n(i + 2, 2, 9)
        paras = [f"2026年第{w}周（{cn_date(monday.isoformat())}至{cn_date(sunday.isoformat())}），全市新设经营主体{a + b + c}户，"
                 f"其中企业{a}户、个体工商户{b}户、农民专业合作社{c}户；注销经营主体{_n(i + 3, 60, 140)}户。",
                 JPAGE_BODY[1]]
        out.append((i, pub.isoformat(), f"2026年第{w}周全市新设经营主体情况", paras))
    out.sort(key=lambda x: (x[1], x[0]), reverse=True)
    return [(f"/xxgk/art/{d[:4]}/{int(d[5:7])}/{int(d[8:])}/art_{JPAGE_COLUMN}_{i}.html", d, t, p) for i, d, t, p in out]


def jpage_record(url: str, date: str, title: str) -> str:
    """One record of the data island / proxy answer, as jcms writes it."""
    return f'<li><a href="{url}" title="{esc(title)}" target="_blank">{title}</a><span>{date}</span></li>'


GKMLPT_NAME, GKMLPT_INDEX = "标准计量", "/xxgk/gkmlpt/index"
GKMLPT_SID, GKMLPT_CLASSIFY, GKMLPT_PAGE_SIZE = "359901", 1207, 10
GKMLPT_DATA = "/_data/xxgk/gkmlpt/articles.json"      # the server's API answers come from here
GKMLPT_ITEMS = [
    (3581401, "2026-04-08", "09:32", "2026年3月全市强制检定计量器具检定情况"),
    (3581402, "2026-04-15", "16:05", "榕江市发布2026年度地方标准制修订项目清单"),
    (3581403, "2026-04-22", "10:48", "市市场监管局开展计量惠民服务进企业活动"),
    (3581404, "2026-05-06", "15:20", "榕江市标准化工作领导小组办公室召开年度工作会议"),
    (3581405, "2026-05-12", "09:15", "2026年4月全市强制检定计量器具检定情况"),
    (3581406, "2026-05-20", "11:02", "市市场监管局开展“5·20世界计量日”宣传活动"),
    (3581407, "2026-06-08", "10:26", "2026年5月全市强制检定计量器具检定情况"),
    (3581408, "2026-06-17", "16:40", "市市场监管局开展定量包装商品净含量计量监督"),
    (3581409, "2026-07-01", "10:10", "榕江市农业标准化示范区建设通过验收"),
    (3581410, "2026-07-09", "09:45", "2026年6月全市强制检定计量器具检定情况"),
    (3581411, "2026-07-23", "15:12", "市市场监管局开展医疗机构计量器具检定服务"),
    (3581412, "2026-08-06", "10:05", "2026年7月全市强制检定计量器具检定情况"),
    (3581413, "2026-08-19", "17:20", "榕江市标准化试点项目中期评估完成"),
    (3581414, "2026-08-27", "11:30", "市市场监管局开展加油站计量专项检查"),
    (3581415, "2026-09-08", "09:50", "2026年8月全市强制检定计量器具检定情况"),
    (3581416, "2026-09-25", "15:35", "榕江市新建社会公用计量标准2项"),
    (3581417, "2026-10-09", "10:18", "2026年9月全市强制检定计量器具检定情况"),
    (3581418, "2026-10-14", "09:30", "市市场监管局开展“世界标准日”主题宣传活动"),
    (3581419, "2026-10-16", "16:22", "市市场监管局组织开展重点用能单位能源计量审查"),
    (3581420, "2026-10-21", "10:40", "榕江市企业标准“领跑者”名单发布"),
    (3581421, "2026-10-30", "15:08", "市市场监管局开展眼镜制配场所计量监督"),
    (3581422, "2026-11-04", "09:55", "2026年10月全市强制检定计量器具检定情况"),
    (3581423, "2026-11-11", "16:15", "榕江市2项团体标准通过专家审定"),
    (3581424, "2026-11-17", "10:20", "市市场监管局开展集贸市场计量器具专项检查"),
]
GKMLPT_BODY = ["计量科、标准化科牵头组织实施。市市场监督管理局坚持以计量保障民生、以标准引领质量，持续夯实质量基础设施，服务全市经济社会高质量发展。",
               "下一步，市市场监督管理局将继续加强计量监督管理和标准化工作，推动计量、标准、认证认可、检验检测一体化服务。"]
_GKMLPT_TIME = {i: hm for i, _d, hm, _t in GKMLPT_ITEMS}


def gkmlpt_entries() -> list[tuple[str, str, str, list[str]]]:
    """(url, date, title, paragraphs) of the 标准计量 directory, newest first."""
    out = []
    for i, d, _hm, t in GKMLPT_ITEMS:
        m = re.match(r"2026年(\d+)月全市强制检定", t)
        if m:
            n = _n(i, 1800, 2600)
            paras = [f"2026年{m.group(1)}月，全市共完成强制检定工作计量器具{n}台（件），检定合格率{97 + _n(i, 0, 19) / 10:.1f}%。",
                     f"其中，贸易结算领域{n // 2}台（件），医疗卫生领域{n // 4}台（件），安全防护和环境监测领域{n - n // 2 - n // 4}台（件）。"]
        else:
            paras = [f"{cn_date(d)}，{t.replace('市市场监管局', '市市场监督管理局')}。", *GKMLPT_BODY]
        out.append((i, d, t, paras))
    out.sort(key=lambda x: (x[1], x[0]), reverse=True)
    base = GKMLPT_INDEX.rsplit("/", 1)[0]
    return [(f"{base}/content/{i // 1000000}/{i // 1000}/post_{i}.html", d, t, p) for i, d, t, p in out]


def gkmlpt_article(post: int, url: str, date: str, title: str) -> dict:
    """One article as the gkmlpt API lists it (site-relative URLs, times in China time)."""
    import datetime as dt
    hm = _GKMLPT_TIME[post]
    china = dt.timezone(dt.timedelta(hours=8))
    published = dt.datetime.fromisoformat(f"{date} {hm}:00").replace(tzinfo=china)
    return {"id": post, "title": title, "url": url, "post_url": url,
            "created_at": published.strftime("%Y-%m-%d %H:%M:%S"),
            "date": int(dt.datetime.fromisoformat(date).replace(tzinfo=china).timestamp()),
            "display_publish_time": int(published.timestamp()), "document_number": "",
            "identifier": f"{INDEX_PREFIX}/{date[:4]}-{post % 100000:05d}", "classify_id": GKMLPT_CLASSIFY}


def script_built_truth() -> dict:
    """The ``script_built`` section of ground_truth.yaml (``--truth`` prints it)."""
    return {
        "trs": {"column": TRS_NAME, "list_pages": trs_list_pages(), "entries": [u for u, *_x in trs_entries()]},
        "jpage": {"column": JPAGE_NAME, "list_page": JPAGE_LIST, "data_proxy": JPAGE_PROXY,
                  "embedded": JPAGE_PER_PAGE, "entries": [u for u, *_x in jpage_entries()]},
        "gkmlpt": {"column": GKMLPT_NAME, "list_page": GKMLPT_INDEX,
                   "api": GKMLPT_INDEX.rsplit("/", 1)[0] + "/api/all/0", "sid": GKMLPT_SID,
                   "page_size": GKMLPT_PAGE_SIZE, "entries": [u for u, *_x in gkmlpt_entries()]},
    }


# --------------------------------------------------------------------------------------------

OVERLAYS = ("clean", "sparse")     # each written as the files that differ from planted/


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="output directory (default: auditor/sample_site)")
    ap.add_argument("--truth", action="store_true",
                    help="print the script_built section of ground_truth.yaml instead of building")
    args = ap.parse_args(argv)
    if args.truth:
        import yaml
        print(yaml.safe_dump({"script_built": script_built_truth()}, allow_unicode=True, sort_keys=False,
                             default_flow_style=False, width=110), end="")
        return 0
    OUT_DIR = args.out
    planted = Builder("planted").build()
    assert 80 <= sum(p.endswith(".html") for p in planted) <= 300, sum(p.endswith(".html") for p in planted)
    for d in ("planted",) + OVERLAYS:
        shutil.rmtree(OUT_DIR / d, ignore_errors=True)
    for p, data in planted.items():
        f = OUT_DIR / "planted" / p
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data)
    counts = []
    for variant in OVERLAYS:
        files = Builder(variant).build()
        assert 80 <= sum(p.endswith(".html") for p in files) <= 300, (variant, sum(p.endswith(".html") for p in files))
        n_over = 0
        for p, data in files.items():
            if planted.get(p) != data:
                f = OUT_DIR / variant / p
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(data)
                n_over += 1
        for p in planted:
            if p not in files:
                f = OUT_DIR / variant / (p + ".deleted")
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(b"")
                n_over += 1
        counts.append(f"{variant} overlay: {n_over} files ({sum(p.endswith('.html') for p in files)} html pages)")
    (OUT_DIR / "__init__.py").touch()
    print(f"planted: {len(planted)} files ({sum(p.endswith('.html') for p in planted)} html); " + "; ".join(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
