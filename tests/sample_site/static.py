"""Files that are not pages (static.yaml): robots.txt, style sheets, scripts, pictures, attachments."""
from __future__ import annotations

from .util import ATTACHMENT_MAKERS


def build(s):
    for f in s.data("static")["files"]:
        if "text" in f:
            s.put(f["path"], f["text"].encode("utf-8"))
            continue
        (kind, value), = ((k, v) for k, v in f.items() if k in ATTACHMENT_MAKERS)
        s.put(f["path"], ATTACHMENT_MAKERS[kind](value))
