"""What a failed request means, in words a report can show."""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import (ConnectionLost, ConnectionRefusedError, DNSLookupError,
                                    TCPTimedOutError, TimeoutError)

try:  # Scrapy >= 2.14 wraps download failures in its own exception types
    from scrapy.exceptions import (CannotResolveHostError, DownloadConnectionRefusedError,
                                   DownloadTimeoutError, ResponseDataLossError)
except ImportError:  # pragma: no cover - older Scrapy
    CannotResolveHostError = DownloadConnectionRefusedError = DownloadTimeoutError = \
        ResponseDataLossError = ()

from spiders.scope import OutOfScope, PrivateAddress


def describe_failure(failure) -> tuple[str | None, str | None]:
    """(error, skipped) for a failed request, in words a report can show."""
    exc = failure.value
    if isinstance(exc, PrivateAddress):
        return None, "private"
    if isinstance(exc, OutOfScope):
        return None, "scope"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
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
    return f"{type(exc).__name__}: {exc}"[:300], None
