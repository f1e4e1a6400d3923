"""What a failed request means, in words a report can show — and the limit that makes an endless
header section fail rather than fill the memory (``limit_response_headers``)."""
from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import (ConnectionLost, ConnectionRefusedError, DNSLookupError,
                                    TCPTimedOutError, TimeoutError)

try:  # Scrapy >= 2.14 wraps download failures in its own exception types
    from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                                   DownloadTimeoutError, ResponseDataLossError)
except ImportError:  # pragma: no cover - older Scrapy
    CannotResolveHostError = DownloadCancelledError = DownloadConnectionRefusedError = DownloadTimeoutError = \
        ResponseDataLossError = ()

from spiders.politeness import HostAskedTooLong
from spiders.scope import OutOfScope, PrivateAddress


class ResponseHeadersTooLarge(Exception):
    """The answer's header section passed GKAUDIT_MAX_HEADERS lines or GKAUDIT_MAX_HEADER_BYTES."""


def limit_response_headers(max_lines: int, max_bytes: int) -> None:
    """Fail an answer whose header section passes ``max_lines`` lines or ``max_bytes`` bytes.

    Twisted's HTTP/1.1 client, which Scrapy's download handler uses, caps one line (16 KB) but
    neither the number of header lines nor a header folded over endless continuation lines: a
    server sending headers forever grew a crawl to gigabytes. Browsers stop at about 256 KB (Chrome:
    ERR_RESPONSE_HEADERS_TOO_BIG). Neither Twisted nor Scrapy has a setting for it, so the line
    handlers of Twisted's response parser and of Scrapy's subclass of it are wrapped, once per
    process; the connection then fails with this error, which the record shows (``describe_failure``)."""
    from twisted.web import _newclient
    try:        # Scrapy parses answers with a subclass of Twisted's parser, its own line handler
        import scrapy.core.downloader.handlers.http11  # noqa: F401
    except ImportError:  # pragma: no cover
        pass

    base = _newclient.HTTPParser         # its line handler, and any subclass's own
    base.gk_header_limits = (max_lines, max_bytes)
    heading = (_newclient.STATUS, _newclient.HEADER)
    parsers, todo = [], [base]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if "lineReceived" in vars(cls) and not getattr(vars(cls)["lineReceived"], "gk_limited", False):
            parsers.append(cls)
    for cls in parsers:
        cls.lineReceived = _limited(cls.lineReceived, heading)


def _limited(read_line, heading):
    def line_received(self, line):
        if self.state in heading:
            lines, size = getattr(self, "gk_header_seen", (0, 0))
            lines, size = lines + 1, size + len(line) + 1
            self.gk_header_seen = (lines, size)
            most_lines, most_bytes = self.gk_header_limits
            if lines > most_lines or size > most_bytes:
                raise ResponseHeadersTooLarge(f"{lines} lines, {size} bytes")
        return read_line(self, line)
    line_received.gk_limited = True
    return line_received


def _cause(exc: BaseException, kind: type) -> BaseException | None:
    """``exc`` or the exception of that kind it carries (Twisted's ResponseFailed holds a list of
    failures; Scrapy chains its own exception types to Twisted's)."""
    seen = 0
    todo = [exc]
    while todo and seen < 20:
        current = todo.pop()
        seen += 1
        if isinstance(current, kind):
            return current
        for failure in getattr(current, "reasons", None) or []:
            todo.append(getattr(failure, "value", failure))
        for nested in (current.__cause__, current.__context__):
            if nested is not None:
                todo.append(nested)
    return None


def describe_failure(failure) -> tuple[str | None, str | None]:
    """(error, skipped) for a failed request, in words a report can show."""
    exc = failure.value
    if _cause(exc, ResponseHeadersTooLarge) is not None:
        return "响应头过大或过多（超过上限），已放弃该响应", None
    if isinstance(exc, HostAskedTooLong):           # not fetched by policy, as robots.txt is: no broken link
        return (f"服务器要求等待 {exc.wait:.0f} 秒后再访问（429 Retry-After），超过上限 {exc.limit:.0f} 秒，"
                f"已停止抓取 {exc.host}"), "retry_after"
    if isinstance(exc, PrivateAddress):
        return None, "private"
    if isinstance(exc, OutOfScope):
        return None, "scope"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "during decompression" in text:          # HttpCompressionMiddleware at DOWNLOAD_MAXSIZE
            return f"响应解压后超过 {_mb(text)}，已拒绝（可能是压缩炸弹）", None
        if "redirect" in text.lower():
            return f"重定向次数过多（可能是重定向循环）：{text}", None
        if "robots" in text.lower() or "Forbidden by robots.txt" in text:
            return None, "robots"
        return None, f"ignored: {text}"[:200]
    if isinstance(exc, (TimeoutError, TCPTimedOutError, DownloadTimeoutError)):
        return "请求超时", None
    if isinstance(exc, (DNSLookupError, CannotResolveHostError)):
        return "域名解析失败", None
    if isinstance(exc, (ConnectionRefusedError, DownloadConnectionRefusedError)):
        return "连接被拒绝", None
    if isinstance(exc, (ConnectionLost, ResponseDataLossError)):
        return "连接中断，响应不完整", None
    if isinstance(exc, DownloadCancelledError) and "max size" in str(exc):
        return f"响应声明的大小超过 {_mb(str(exc))}，未下载", None
    return f"{type(exc).__name__}: {exc}"[:300], None


def _mb(text: str) -> str:
    """The size limit Scrapy's message names ("… max size (16777216) …", "… DOWNLOAD_MAXSIZE (16777216 B) …")."""
    found = re.search(r"(?:max size|DOWNLOAD_MAXSIZE) \((\d+)", text)
    return f"{int(found.group(1)) / 1048576:g} MB" if found else "下载大小上限"
