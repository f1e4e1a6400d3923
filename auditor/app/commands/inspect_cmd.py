"""gkaudit inspect FILE_OR_URL: what the extractor reads from one page."""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit
from pathlib import Path

from reports.wording import platform_name
from auditor.core.extract.platforms.reading import read_platform

from auditor.core.errors import ConfigError, CrawlError
from auditor.core.extract import extract_page
from auditor.core.textsafe import terminal_safe
from spiders.scope import private_address

USER_AGENT = "Mozilla/5.0 (compatible; gkaudit-inspect)"
MAX_BYTES = 10 * 1024 * 1024


def add_arguments(p) -> None:
    p.add_argument("target", help="本地 HTML 文件或网址")
    p.add_argument("--url", help="文件对应的网址（用于解析相对链接和判断首页）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出完整的页面记录")
    p.add_argument("--allow-private", action="store_true",
                   help="允许跳转到其他内网或本机地址（默认拒绝）")


class _Fenced(urllib.request.HTTPRedirectHandler):
    """The crawl's fence (spiders.scope) for one page: the address asked for is the user's choice; a
    redirect stays on http(s) and goes to no other private or loopback address unless allowed."""

    def __init__(self, asked: str, allow_private: bool):
        self.asked, self.allow_private = urlsplit(asked), allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urlsplit(newurl)
        if parts.scheme not in ("http", "https"):
            raise CrawlError(f"跳转到非 http(s) 网址，已拒绝：{newurl}")
        other = (parts.hostname, parts.port) != (self.asked.hostname, self.asked.port)
        if other and not self.allow_private and private_address((parts.hostname or "").lower()):
            raise CrawlError(f"跳转到内网或本机地址，已拒绝（可用 --allow-private 放行）：{newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, allow_private: bool = False) -> tuple[bytes, str | None, int, str]:
    if urlsplit(url).scheme not in ("http", "https"):
        raise CrawlError(f"只能获取 http(s) 网址：{url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_Fenced(url, allow_private))
    try:
        with opener.open(request, timeout=20) as resp:  # noqa: S310 (http/https checked)
            return resp.read(MAX_BYTES), resp.headers.get("Content-Type"), resp.status, resp.geturl()
    except urllib.error.HTTPError as exc:
        return exc.read(MAX_BYTES), exc.headers.get("Content-Type"), exc.code, url
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise CrawlError(f"无法获取 {url}：{getattr(exc, 'reason', exc)}") from exc


def run(args) -> int:
    target = args.target
    if target.startswith(("http://", "https://")):
        body, ctype, status, final = fetch(target, args.allow_private)
        record = extract_page(target, body, ctype, status=status, final_url=final, on_tree=read_platform)
    else:
        path = Path(target)
        if not path.is_file():
            raise ConfigError(f"找不到文件：{target}")
        if not args.url:
            print("gkaudit: 提示：未给出 --url，相对链接无法解析，列表条目和页面类型可能不全；"
                  "请用 --url 给出页面的原网址", file=sys.stderr)
        url = args.url or path.resolve().as_uri()
        record = extract_page(url, path.read_bytes(), None, status=200, on_tree=read_platform)
    if args.json:
        print(json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(terminal_safe(describe(record)))
    return 0


def describe(record) -> str:
    f = record.footer
    rows = [
        ("页面类型", record.kind), ("编码", record.charset), ("标题", record.title),
        ("文章标题", record.headline), ("栏目", record.column),
        ("面包屑", " > ".join(record.breadcrumb) if record.breadcrumb else None),
        ("发布日期", record.published), ("成文日期", record.written), ("文号", record.doc_number),
        ("索引号", record.index_number), ("发布机构", record.publisher), ("语言", record.lang),
        ("主办单位", f.host_org), ("联系方式", f.contact), ("网站标识码", f.site_id_code),
        ("ICP备案", f.icp), ("公安备案", f.psb), ("公安备案链接编号", f.psb_link_code),
        ("党政机关标识", _yes(f.conac)), ("找错", f.jiucuo), ("找错 sitecode", f.jiucuo_sitecode),
        ("无障碍", _yes(f.a11y_toolbar)), ("长者模式", _yes(f.elder_mode)),
        ("链接数", len(record.links)), ("列表条目", len(record.items)),
        ("分页", _yes(record.pagination)), ("“暂无信息”", _yes(record.placeholder)),
        ("错误", record.error),
    ]
    lines = [f"{k}：{v}" for k, v in rows if v not in (None, "", [])]
    meta = [f"  {k} = {v}" for k, v in record.meta.items()]
    if meta:
        lines += ["meta："] + meta
    if record.penalty:
        lines += ["行政处罚条目："]
        for p in record.penalty:
            lines.append("  " + "；".join(f"{label}：{value}" for label, value in (
                ("文号", p.doc_number), ("当事人", p.party), ("违法行为", p.violation), ("依据", p.basis),
                ("处罚内容", p.decision), ("机关", p.authority), ("决定日期", p.decided)) if value))
    for e in record.expansions:
        found = [f"另有列表页 {len(e.pages)} 个" if e.pages else "", f"页内条目 {e.items} 条" if e.items else "",
                 f"数据接口请求 {len(e.data)} 个" if e.data else "", f"跳转到 {e.redirect}" if e.redirect else "",
                 "（已达上限）" if e.capped else ""]
        lines.append(f"平台适配（{platform_name(e.adapter)}）：" + "，".join(x for x in found if x))
    if record.script_built:
        lines.append("列表由脚本生成，未能读取（审计时可加 --render 用浏览器读取）")
    if record.items:
        lines += ["列表条目（前 10 条）："] + [f"  {i.date or '（无日期）'}{'（推断）' if i.date_inferred else ''}  {i.title}  {i.url}" for i in record.items[:10]]
    return "\n".join(lines)


def _yes(value) -> str | None:
    return None if value is None else ("有" if value else "无")
