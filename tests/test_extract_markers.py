"""Footer markers: site identity, 备案, conac, 纠错, 无障碍 and 适老化 (auditor.core.extract.footer)."""
from __future__ import annotations

import pytest

from auditor.core.extract import extract_page

URL = "http://www.example.gov.cn/col/index.html"


def footer_of(footer_html: str, head: str = "", body: str = "<p>正文</p>"):
    html = (f"<html><head><title>测试</title>{head}</head><body>{body}"
            f'<div class="footer">{footer_html}</div></body></html>')
    return extract_page(URL, html.encode("utf-8"), "text/html; charset=utf-8").footer


# --- 主办单位 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ("<p>主办单位：邯郸市人民政府办公室</p>", "邯郸市人民政府办公室"),
    ("<p>主办单位： 邯郸市人民政府办公室 </p>", "邯郸市人民政府办公室"),
    ("<p>主办单位:河北省财政厅 | Email:hebzfcg@sina.com</p>", "河北省财政厅"),
    ("<span>主办：某某县人民政府办公室</span><span>承办：某某县大数据中心</span>", "某某县人民政府办公室"),
    ("<p>主管：某某市市场监督管理局</p>", "某某市市场监督管理局"),
    ("<p>主办单位 某某市人民政府办公室 网站标识码：1304000009</p>", "某某市人民政府办公室"),
    ("<p>版权所有：中华人民共和国生态环境部</p>", None),   # 版权所有 is not 主办单位
])
def test_host_org_is_read_from_the_footer(html, expected):
    assert footer_of(html).host_org == expected


# --- 网站标识码 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ("网站标识码：1304000009", "1304000009"),
    ("网站标识码 1304000009", "1304000009"),
    ("网站识别码：3590000001", "3590000001"),
    ("网站标识码：bm17000009", "bm17000009"),
    ("网站标识码：BM55000001", "bm55000001"),
    ("网站标识码：13040000091", None),   # eleven digits is no site code
    ("网站标识码：bm1700000", None),     # bm + seven digits neither
    ("联系电话：0310-1234567", None),
])
def test_site_id_code_accepts_ten_digits_or_bm_and_eight(html, expected):
    assert footer_of(f"<p>{html}</p>").site_id_code == expected


# --- ICP 备案 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ("京ICP备05009132号", "京ICP备05009132号"),
    ("冀ICP备05029117号-1", "冀ICP备05029117号-1"),
    ("冀ICP备 05029117号 - 1", "冀ICP备05029117号-1"),
    ("备案号：闽 ICP 备 09032658 号", "闽ICP备09032658号"),
    ('<a href="https://beian.miit.gov.cn">冀ICP备13016076号-2</a>', "冀ICP备13016076号-2"),
    ("ICP备案编号：", None),
])
def test_icp_number_is_read_with_or_without_suffix_and_spaces(html, expected):
    assert footer_of(f"<p>{html}</p>").icp == expected


# --- 公安机关备案 -------------------------------------------------------------------------------

BEIAN = "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode="


@pytest.mark.parametrize("html, psb, code", [
    (f'<a href="{BEIAN}11040102700072"><img src="babs.png"> 京公网安备 11040102700072号</a>',
     "京公网安备11040102700072号", "11040102700072"),
    ("京公网安备11010202008000号", "京公网安备11010202008000号", None),
    (f'冀公网安备 <a href="{BEIAN}13010402001602">13010402001602</a>',
     "冀公网安备13010402001602", "13010402001602"),
    # a non-standard number is kept as printed, without its label, for ID004 to judge
    ('<a href="https://www-beian-gov-cn.proxy.example.cn/portal/registerSystemInfo?recordcode=35012899001-19002">'
     "公安备案号：35012899001-19002</a>", "35012899001-19002", "35012899001-19002"),
    ("公安机关备案号：闽公网安备35010202000123号", "闽公网安备35010202000123号", None),
    ("<span>网站标识码：1304000009</span>", None, None),
])
def test_psb_number_and_the_beian_link_recordcode(html, psb, code):
    footer = footer_of(f"<p>{html}</p>")
    assert footer.psb == psb
    assert footer.psb_link_code == code


# --- 党政机关网站标识 (conac) --------------------------------------------------------------------

CONAC_JS = ("<script type=\"text/javascript\">document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E"
            "%3Cscript src='https://dcs.conac.cn/js/33/000/0000/40672392/CA330000000406723920001.js' "
            "type='text/javascript'%3E%3C/script%3E\"));</script>")


@pytest.mark.parametrize("html, expected", [
    ('<script src="https://dcs.conac.cn/js/05/107/0000/41468768/CA051070000414687680001.js"></script>', True),
    (CONAC_JS, True),
    ('<a href="http://bszs.conac.cn/sitename?method=show&id=1ACC49F8"><img src="red.png" alt="党政机关"></a>', True),
    ('<span id="_ideConac"></span>', True),
    (f"<!-- {CONAC_JS} -->", False),
    ('<!-- <a href="http://bszs.conac.cn/sitename?method=show&id=1ACC">x</a> -->', False),
    ('<img src="/images/red.png" alt="党政机关">', False),
])
def test_conac_marker_counts_only_live_markup(html, expected):
    assert footer_of(html).conac is expected


# --- 我为政府网站找错 -----------------------------------------------------------------------------

@pytest.mark.parametrize("html, status, sitecode", [
    ("<script id=\"_jiucuo_\" sitecode='bm17000009' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>",
     "current", "bm17000009"),
    ('<script id="_jiucuo_" sitecode="1304000009" src="images/jiucuo.js"></script>', "current", "1304000009"),
    ('<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=bm17000009">找错</a>',
     "current", "bm17000009"),
    ('<span id="_span_jiucuo" title="政府网站找错"></span>', None, None),     # a container alone: ID006 asks a person
    ('<a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=1304000009">纠错</a>', "legacy", "1304000009"),
    ("<script>var u='http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=1304000009';</script>",
     "legacy", "1304000009"),
    ("<!-- <script id=\"_jiucuo_\" sitecode='bm17000009' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'>"
     "</script> -->", None, None),
    ("<p>网站标识码：1304000009</p>", None, None),
    # issue 17 item 6: what the retired kaipuyun script rendered, and that script under the current id
    ('<span id="_span_jiucuo"><a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=1304000009"'
     ' target="_blank"><img src="/images/jiucuo.png"></a></span>', "legacy", "1304000009"),
    ('<script id="_jiucuo_" sitecode="1304000009" src="http://pucha.kaipuyun.cn/exposure/jiucuo.js"></script>',
     "legacy", None),
    ('<span id="_span_jiucuo"></span><script id="_jiucuo_" sitecode="1304000009" '
     'src="https://pucha.kaipuyun.cn/exposure/jiucuo.js"></script>', "legacy", None),
])
def test_jiucuo_current_script_versus_legacy_kaipuyun_link(html, status, sitecode):
    footer = footer_of(html)
    assert footer.jiucuo == status
    assert footer.jiucuo_sitecode == sitecode


def test_current_jiucuo_wins_over_a_legacy_link_on_the_same_page():
    footer = footer_of('<a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=1">旧</a>'
                       '<script id="_jiucuo_" sitecode="1304000009" '
                       'src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>')
    assert (footer.jiucuo, footer.jiucuo_sitecode) == ("current", "1304000009")


# --- 无障碍 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ('<script src="//api.govwza.cn/cniil/assist.js?sid=47933&pos=left"></script>', True),
    ('<script src="/wza/aria.js?appid=abc" charset="utf-8"></script>', True),
    ('<script src="/js/assist.js"></script>', True),
    ('<script src="/images/barrier.free.min.js" id="barrierFree"></script>', True),
    ('<script src="/cn/js/common/esdToolsInit.js"></script>', True),
    ('<a href="http://www.govwza.cn/yxsm/?m=api&a=loadpc&sid=1">无障碍客户端</a>', True),
    ('<a href="/wza/">无障碍浏览</a>', True),
    ('<a href="javascript:void(0);" id="barrierFreeBtn"><font>无障碍浏览</font></a>', True),
    ('<button type="button" class="toolbarSwitch">无障碍阅读</button>', True),
    ('<!-- <script src="//api.govwza.cn/cniil/assist.js"></script> -->', False),
    ('<script src="/js/jquery.min.js"></script><a href="/sitemap/">网站地图</a>', False),
])
def test_a11y_toolbar_script_or_link(html, expected):
    assert footer_of(html).a11y_toolbar is expected


# --- 适老化 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["关怀版", "长者模式", "老年人模式", "适老化", "大字版", "进入关怀版"])
def test_elder_mode_link_texts(text):
    assert footer_of(f'<a href="/ghb/">{text}</a>').elder_mode is True


def test_elder_mode_button_without_a_real_href_counts():
    html = '<a href="javascript:void(0);" class="aged_link_01">长者模式</a>'
    assert footer_of(html).elder_mode is True


def test_elder_mode_absent():
    assert footer_of('<a href="/about/">关于我们</a><p>老年人 福利政策</p>').elder_mode is False


# --- a whole footer, shaped like Handan's ------------------------------------------------------

def test_a_full_footer_reads_every_marker():
    footer = footer_of(
        '<p>邯郸市人民政府 <a href="http://www.beian.miit.gov.cn/">冀ICP备05029117号-1</a></p>'
        f'<p><a href="{BEIAN}13042002000523">冀公网安备 13042002000523号</a></p>'
        "<p>网站标识码 1304000009 </p><p>主办单位： 邯郸市人民政府办公室 </p>"
        f"<div>{CONAC_JS}</div>"
        '<div><script id="_jiucuo_" sitecode="1304000009" src="../images/jiucuo.js"></script></div>')
    assert footer.model_dump() == {
        "host_org": "邯郸市人民政府办公室", "contact": None, "site_id_code": "1304000009",
        "icp": "冀ICP备05029117号-1", "psb": "冀公网安备13042002000523号",
        "psb_link_code": "13042002000523", "conac": True, "jiucuo": "current",
        "jiucuo_sitecode": "1304000009", "jiucuo_container": False, "a11y_toolbar": False, "elder_mode": False}


@pytest.mark.parametrize("text, expected", [
    ("版权所有： 中国载人航天工程官方网站 主办方： 中国载人航天工程办公室 备案序号：京ICP备1号", "中国载人航天工程办公室"),
    ("本站由国家食品药品监督管理总局主办 版权所有 未经许可禁止转载", "国家食品药品监督管理总局"),
    ("巴彦淖尔市人民政府办公室（主办） 巴彦淖尔市大数据中心（承办）", "巴彦淖尔市人民政府办公室"),
])
def test_the_host_is_read_in_the_ways_real_footers_name_it(text, expected):
    """Real pages (tests/real: cmse, cfda, bynr)."""
    assert footer_of(f"<div class='footer'><p>{text}</p></div>").host_org == expected
