"""Reading the data files (``data/*.yaml``) for one variant of the site.

One data file describes all three variants with two conventions (README.md has examples):

* ``key@clean: value`` next to ``key: value`` replaces the value in the variants named after the ``@``
  (several: ``key@planted,sparse``); without a plain ``key`` the key exists only in those variants.
* a list item that is a mapping with ``variants: [...]`` is kept only in those variants; the item
  ``{variants: [...], value: X}`` stands for X.

Strings may name the site's identity constants (``site.yaml``) and the file's own top-level
``constants:`` as ``{{name}}``. Dates and times stay strings (2026-06-05, 16:05).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

VARIANTS = ("planted", "clean", "sparse")
DATA = Path(__file__).resolve().parent / "data"
FIELD = re.compile(r"\{\{(\w+)\}\}")


class Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's surprises: 2026-06-05 and 16:05 load as strings (no timestamps, no
    base-60 numbers), and so do no/yes/on/off (only true/false are booleans)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":timestamp", ":int", ":bool"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"),
                             list("-+0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))


@lru_cache(maxsize=None)
def raw(name: str):
    """The parsed file ``data/<name>.yaml``, unresolved (shared: never modify it)."""
    return yaml.load((DATA / f"{name}.yaml").read_text("utf-8"), Loader=Loader)


def load(name: str, variant: str):
    """``data/<name>.yaml`` as *variant* sees it: overrides applied, items filtered, {{names}} filled."""
    site = resolve(raw("site"), variant, {})
    if name == "site":
        return site
    doc = raw(name)
    consts = dict(site)
    if isinstance(doc, dict) and "constants" in doc:
        consts.update(resolve(doc["constants"], variant, site))
    return resolve(doc, variant, consts)


def _variants_of(tags: str) -> list[str]:
    names = tags.split(",")
    unknown = set(names) - set(VARIANTS)
    if unknown:
        raise ValueError(f"unknown variant(s) {sorted(unknown)} in '@{tags}'")
    return names


def resolve(node, variant: str, consts: dict):
    """A fresh copy of *node* for *variant* (see the module docstring)."""
    if isinstance(node, dict):
        plain, chosen = set(), {}
        for key in node:
            if isinstance(key, str) and "@" in key:
                base, tags = key.split("@", 1)
                if variant in _variants_of(tags):
                    if base in chosen:
                        raise ValueError(f"two overrides of '{base}' for {variant}")
                    chosen[base] = key
            else:
                plain.add(key)
        out = {}
        for key, value in node.items():
            if isinstance(key, str) and "@" in key:
                base = key.split("@", 1)[0]
                if chosen.get(base) != key or base in plain:
                    continue
                out[base] = resolve(value, variant, consts)
            else:
                out[key] = resolve(node[chosen[key]] if key in chosen else value, variant, consts)
        return out
    if isinstance(node, list):
        out = []
        for item in node:
            if isinstance(item, dict) and "variants" in item:
                if variant not in _variants_of(",".join(item["variants"])):
                    continue
                item = {k: v for k, v in item.items() if k != "variants"}
                if set(item) == {"value"}:
                    item = item["value"]
            out.append(resolve(item, variant, consts))
        return out
    if isinstance(node, str) and "{{" in node:
        return FIELD.sub(lambda m: str(consts[m.group(1)]), node)
    return node
