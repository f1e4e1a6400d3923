"""Small helpers: relative links, dates, HTML escaping, and the minimal binary attachments."""
from __future__ import annotations

import json
import posixpath
import struct
import zlib


def rel(frm: str, to: str) -> str:
    """Relative link from page url path *frm* to url path *to*."""
    base = frm if frm.endswith("/") else posixpath.dirname(frm) + "/"
    r = posixpath.relpath(to, base)
    if to.endswith("/") and not r.endswith("/"):
        r = "./" if r == "." else r + "/"
    return r


def dated_url(base: str, date: str, i: int) -> str:
    """A TRS-style article url: <base>202611/t20261110_2027.html."""
    return f"{base}{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{i}.html"


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


def rewrite(text: str, rules: dict) -> str:
    """Apply the replacements *rules* (old -> new) in order."""
    for old, new in rules.items():
        text = text.replace(old, new)
    return text


def figure(seed: int, lo: int, hi: int) -> int:
    """A fixed pseudo-random number in [lo, hi] (the figures in the generated articles)."""
    return lo + (seed * 2654435761 >> 7) % (hi - lo + 1)


def id_check_digit(s17: str) -> str:
    """The GB 11643 check digit of the first 17 digits of a resident ID number."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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


ATTACHMENT_MAKERS = {"png": lambda v: png_1x1(tuple(v)), "pdf": minimal_pdf, "ole": minimal_ole}
