"""One error type per exit code (SPEC §3). Raised anywhere, turned into an exit code by the CLI."""
from __future__ import annotations


class GkauditError(Exception):
    exit_code = 4


class ConfigError(GkauditError):
    """Usage or configuration error: bad URL, unknown profile, unreadable file."""
    exit_code = 2


class CrawlError(GkauditError):
    """The site could not be crawled at all."""
    exit_code = 3
