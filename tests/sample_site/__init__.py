"""The bundled sample site: a fictional 榕江市市场监督管理局 website in three variants.

``planted`` carries the planted problems, ``clean`` has every problem fixed, and ``sparse`` is the
planted site after a careless redesign (the failures that cannot coexist with planted's). The content
lives in ``data/*.yaml``, the HTML in ``templates/*.html``; the modules here only render them
(README.md). ``python -m tests.sample_site --out DIR`` writes the site.
"""
from __future__ import annotations

from . import annual, disclosure, home, interaction, news, script_built, static
from .site import Site
from .variants import VARIANTS

__all__ = ["VARIANTS", "build_files", "script_built_truth"]


def build_files(variant: str) -> dict[str, bytes]:
    """The files of *variant* (site-relative path -> bytes), in the order they are written."""
    s = Site(variant)
    static.build(s)
    home.build(s)
    news.build(s)
    interaction.build(s)
    disclosure.fdzdgknr(s)
    script_built.build(s)
    disclosure.xxgk_home(s)
    disclosure.guide(s)
    disclosure.rules_column(s)
    annual.build(s)
    disclosure.pages(s)
    return s.files


def script_built_truth() -> dict:
    """The ``script_built`` section of ground_truth.yaml (``--truth`` prints it)."""
    return script_built.truth()
