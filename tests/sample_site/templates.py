"""The HTML templates (``templates/*.html``): text with ``{{name}}`` fields and ``{{>other}}`` includes
(the text of ``templates/other.html``), nothing else.

A template file is used without its final newline; a whole document (``document``) ends with one.
Every field must be given (the site's identity constants are given for free); values go in as text,
unescaped and not scanned again.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .variants import FIELD

TEMPLATES = Path(__file__).resolve().parent / "templates"
INCLUDE = re.compile(r"\{\{>(\w+)\}\}")


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    text = (TEMPLATES / f"{name}.html").read_text("utf-8")
    text = text[:-1] if text.endswith("\n") else text
    return INCLUDE.sub(lambda m: _text(m.group(1)), text)


def render(template: str, consts: dict, /, **values) -> str:
    """Template *template* with its fields filled from *values*, then from the constants *consts*."""
    def field(m):
        key = m.group(1)
        return str(values[key] if key in values else consts[key])
    return FIELD.sub(field, _text(template))


def document(template: str, consts: dict, /, **values) -> str:
    """A whole HTML document: the template and a final newline."""
    return render(template, consts, **values) + "\n"
