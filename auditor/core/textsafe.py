"""Crawled text made safe for where it goes. Every crawled page is hostile input; its text reaches
XML files (JUnit, XLSX, DOCX), spreadsheets and the terminal.

- ``xml_safe``: without the characters XML 1.0 forbids (NUL, most C0 controls, lone surrogates,
  U+FFFE/U+FFFF) — one such character made the JUnit file ill-formed and openpyxl raise.
- ``cell_safe``: also neutralised as a spreadsheet formula (OWASP "CSV injection"): a value that
  begins with ``= + - @``, a tab or a carriage return gets a leading apostrophe, so
  ``=HYPERLINK(…)`` or ``+cmd|' /C calc'!A0`` stays text.
- ``terminal_safe``: without control characters and escape sequences (``\\x1b]0;…\\x07`` retitles the
  terminal, ``\\x1b[2J`` clears it); newlines and tabs stay.
"""
from __future__ import annotations

import re

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def cell_safe(value):
    """A spreadsheet cell's value: text cleaned and never a formula; numbers as they are."""
    if not isinstance(value, str):
        return value
    text = xml_safe(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def terminal_safe(text: str) -> str:
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", _XML_ILLEGAL.sub("", str(text))))


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value):
    """``value`` (str, list, dict, nested) with lone surrogates ("\\ud800" in a JSON answer) replaced by
    U+FFFD: such text cannot be written as UTF-8, and the record that holds it would be lost."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: without_lone_surrogates(v) for k, v in value.items()}
    return value
