"""Read every import of the installed packages and judge it against the layers of SPEC §2.

``app → {spiders, rules, reports} → core``: core imports nothing above it; spiders, rules and reports
import only core (and themselves); only app wires them together. Every import counts, at any depth
(inside functions too), and so do ``importlib.import_module``/``__import__``/``importlib.resources.files``
calls with a literal name (an f-string counts by its literal prefix). Import cycles between modules
are refused too.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("auditor", "spiders", "rules", "reports")
OUTSIDE = ("tests", "bench", "tools")             # never imported by the installed packages
# layer of a module -> the layers it may import
ALLOWED = {
    "core": {"core"},
    "spiders": {"spiders", "core"},
    "rules": {"rules", "core"},
    "reports": {"reports", "core"},
    "app": {"app", "spiders", "rules", "reports", "core"},
}
# calls that import (or open a package's resources, which imports it) by name: the name is their
# first argument or one of these keywords; ``import_module``'s second argument is the package a
# relative name is resolved against
_DYNAMIC = {"import_module", "__import__", "files", "get_data", "find_spec", "open_text", "open_binary",
            "read_text", "read_binary", "path", "contents", "is_resource"}
_NAME_KEYWORDS = ("name", "package", "anchor")


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] in ("spiders", "rules", "reports"):
        return parts[0]
    if parts[0] in OUTSIDE:
        return "outside"
    if parts[0] != "auditor":
        return None                                   # third-party or standard library
    if len(parts) == 1:
        return "core"                                 # the root package: the version, from core
    if parts[1] == "__main__":
        return "app"
    return {"core": "core", "app": "app"}.get(parts[1], "stray")


@dataclass(frozen=True)
class Import:
    source: str          # the importing module
    target: str          # the imported module (or the closest module the name can be)
    line: int


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _literal_prefix(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value).rstrip(".") or None
    return None


def _dynamic_target(node: ast.Call, aliases: set[str]) -> str | None:
    """The module a dynamic import call names, when it names one by a literal."""
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if called not in _DYNAMIC and called not in aliases:
        return None
    args = list(node.args) + [k.value for k in node.keywords if k.arg in _NAME_KEYWORDS]
    literal = _literal_prefix(args[0]) if args else None
    if literal and literal.startswith(".") and len(args) > 1:       # import_module(".x", "pkg")
        anchor = _literal_prefix(args[1])
        literal = f"{anchor}{literal}" if anchor else None
    return literal.lstrip(".") if literal else None


def _import_aliases(tree: ast.AST) -> set[str]:
    """Local names bound to an importing function (``from importlib import import_module as im``)."""
    return {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names if alias.name in _DYNAMIC}


def imports_of(root: Path, path: Path) -> list[Import]:
    """Every import in one file, at any depth, with relative imports resolved."""
    name = module_name(root, path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: list[Import] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases = _import_aliases(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                prefix = package[:len(package) - (node.level - 1)]
                base = ".".join(prefix + ([node.module] if node.module else []))
            found.append(Import(name, base, node.lineno))
            found += [Import(name, f"{base}.{alias.name}", node.lineno) for alias in node.names
                      if alias.name != "*"]
        elif isinstance(node, ast.Call):
            literal = _dynamic_target(node, aliases)
            if literal:
                found.append(Import(name, literal, node.lineno))
    return found


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            found[module_name(root, path)] = path
    return found


def upward_imports(root: Path) -> list[str]:
    """Each import that crosses the layers the wrong way, as 'file:line: a -> b (layer -> layer)'."""
    problems: dict[tuple, str] = {}
    for name, path in modules(root).items():
        here = layer_of(name)
        if here == "stray":
            problems[(name,)] = f"{path.relative_to(root)}: {name} is in no layer (auditor/core or auditor/app)"
            continue
        for imp in imports_of(root, path):
            there = layer_of(imp.target)
            if there is None or there in ALLOWED[here]:     # "outside" is allowed nowhere
                continue
            key = (name, imp.line, there)          # `from a import b` names a and a.b: one problem
            problems.setdefault(key, f"{path.relative_to(root)}:{imp.line}: {name} -> {imp.target} ({here} -> {there})")
    return list(problems.values())


def _resolve(target: str, known: dict[str, Path]) -> str | None:
    """The module an imported name belongs to: ``a.b.C`` -> ``a.b`` when ``a.b`` is a module."""
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target or None


def import_cycles(root: Path) -> list[list[str]]:
    """Strongly connected groups of modules that import each other (Tarjan), each sorted."""
    known = modules(root)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for imp in imports_of(root, path):
            target = _resolve(imp.target, known)
            if target and target != name:
                graph[name].add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return cycles
