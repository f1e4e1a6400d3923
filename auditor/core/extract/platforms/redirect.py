"""Pages that send the reader elsewhere: ``<meta http-equiv="refresh" content="0;url=…">`` and
scripts that set ``location`` unconditionally.

Many government home pages are a stub that forwards to ``/index.shtml`` or ``/col/col1/``. A
script redirect counts only when it is a plain statement at the top level of a script: one inside
a function, a block or a condition (``if (/Mobile/.test(navigator.userAgent)) location.href = …``,
the usual phone-site switch) is not where every reader goes, so it is left alone. Only a string
literal target is read; nothing is evaluated. Scope checking is the caller's.
"""
from __future__ import annotations

import re

from auditor.core.extract.platforms._base import Found, absolute, canonical, page_base, page_scripts
from auditor.core.extract.platforms.registry import adapter

NAME = "redirect"

# the HTML standard's shape: a delay first, then optionally [;,] URL=target
_REFRESH = re.compile(r"""^\s*[\d.]+\s*(?:[;,]\s*)?(?:url\s*=\s*)?(.*)$""", re.IGNORECASE | re.DOTALL)
_TARGET = r"""(["'])([^"'\n]{1,2000})\1"""
# patterns open with the literal "location" (fast to find); what stands before it is checked apart
_ASSIGN = re.compile(r"location(?:\s*\.\s*href)?\s*=(?!=)\s*" + _TARGET + r"\s*(?=;|\}|<|$)", re.MULTILINE)
_CALL = re.compile(r"location\s*\.\s*(?:replace|assign)\s*\(\s*" + _TARGET + r"\s*\)")
_OWNER = re.compile(r"(?<![\w$.])(?:(?:window|document|top|self|parent)\s*\.\s*){0,2}$")
_CONDITIONAL = re.compile(r"\b(?:if|else|while|for|case|return|function)\b|\?|&&|\|\||=>")


def _meta_target(root) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        content = meta.get("content") or ""
        m = _REFRESH.match(content[:4000])
        target = (m.group(1) if m else "").strip()
        if len(target) >= 2 and target[0] in "\"'":
            target = target[1:].split(target[0], 1)[0]
        if target and re.match(r"^[\d.\s;,]*$", target) is None:
            return target.strip()
    return None


_TOKENS = re.compile(r"""\\.|["'`{};\n]|//|/\*|\*/""")
_SCRIPT_MAX = 8_000  # a redirect stub is a short script; long ones are libraries and widgets


def _top_level_starts(text: str, positions: list[int]) -> list[bool]:
    """For each position (ascending): it stands outside every brace, string and comment, and the
    statement it starts is not the body of a condition. One pass over the script's tokens."""
    answers: list[bool] = []
    depth, quote, comment = 0, "", ""
    statement_start = 0
    tokens = _TOKENS.finditer(text)
    pending = iter(positions)
    target = next(pending, None)
    for token in tokens:
        while target is not None and token.start() >= target:
            answers.append(not quote and not comment and depth == 0
                           and _CONDITIONAL.search(text, statement_start, target) is None)
            target = next(pending, None)
        if target is None:
            break
        t = token.group()
        if comment:
            if (comment == "//" and t == "\n") or (comment == "/*" and t == "*/"):
                comment = ""
                statement_start = token.end()
        elif quote:
            if t == quote or (t == "\n" and quote != "`"):
                quote = ""
        elif t in ("//", "/*"):
            comment = t
        elif t in ("\"", "'", "`"):
            quote = t
        elif t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
            statement_start = token.end()
        elif t in (";", "\n") and depth == 0:
            statement_start = token.end()
    while target is not None:
        answers.append(not quote and not comment and depth == 0
                       and _CONDITIONAL.search(text, statement_start, target) is None)
        target = next(pending, None)
    return answers


def _script_target(scripts) -> str | None:
    for _el, text in scripts:
        if "location" not in text or len(text) > _SCRIPT_MAX:
            continue
        found = []  # (where the statement starts, target)
        for m in sorted([*_ASSIGN.finditer(text), *_CALL.finditer(text)], key=lambda m: m.start()):
            owner = _OWNER.search(text, max(0, m.start() - 40), m.start())
            if owner:
                found.append((owner.start(), m.group(2).strip()))
                if len(found) >= 20:
                    break
        if not found:
            continue
        for (_start, target), top in zip(found, _top_level_starts(text, [f[0] for f in found]), strict=True):
            if top:
                return target
    return None


@adapter(name=NAME, label="脚本或 refresh 跳转", order=10, reads_lists=False)
def expand(root, page_url: str, max_pages: int = 200, scripts=None) -> Found | None:
    """Where a page sends every reader: its refresh target, else a top-level script redirect."""
    del max_pages  # a redirect is one page
    scripts = page_scripts(root) if scripts is None else scripts
    targets = [_meta_target(root)]
    if any("location" in text for _el, text in scripts):
        targets.append(_script_target(scripts))
    targets = [t for t in targets if t]
    if not targets:
        return None
    base = page_base(root, page_url)
    here = canonical(page_url, page_url)
    for target in targets:
        url = absolute(base, target)
        if url and canonical(base, url) != here:
            return Found.of(NAME, redirect=url)
    return None
