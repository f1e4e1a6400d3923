"""gkaudit browser-diff URL…: the in-scope links a browser shows on a page against what the crawl reaches."""
from __future__ import annotations

import json

from auditor.core.errors import ConfigError
from auditor.app.browser_diff import compare
from auditor.core.textsafe import terminal_safe


def add_arguments(p) -> None:
    p.add_argument("urls", nargs="+", metavar="URL", help="要比较的页面（通常是列表页；可给多个，共用一个浏览器）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出每个页面两侧的全部链接和缺失的链接")
    p.add_argument("--timeout", type=float, default=20.0, help="每个页面加载和每次请求的超时秒数（默认 20）")


def run(args) -> int:
    """0: the crawl reaches every link the browser shows; 1: a link is missing; 3: a page could not
    be read."""
    bad = [u for u in args.urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise ConfigError(f"网址应以 http:// 或 https:// 开头：{bad[0]}")
    diffs = compare(args.urls, timeout=args.timeout)
    if args.json:
        print(json.dumps([d.model_dump(mode="json") | {"missing": d.missing} for d in diffs],
                         ensure_ascii=False, indent=2))
    else:
        print(terminal_safe("\n".join(describe(d) for d in diffs)))
    if any(d.error for d in diffs):
        return 3
    return 1 if any(d.missing for d in diffs) else 0


def describe(d) -> str:
    lines = [d.url + (f" -> {d.final_url}" if d.final_url and d.final_url != d.url else ""), "  " + d.line()]
    lines += [f"    list entry  {u}" for u in d.missing_in_list]
    lines += [f"    elsewhere   {u}" for u in d.missing_elsewhere]
    lines += [f"    refused data endpoint (another origin)  {u}" for u in d.refused]
    return "\n".join(lines)
