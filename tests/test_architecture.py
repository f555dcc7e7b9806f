"""The package's layers, as a newcomer reads them in the folder names, and
the rule that each imports only those below it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "roda_traden"

# Lowest first. Packages on one line form one layer and may not import each other.
LAYERS = [
    ["text"],
    ["problems"],
    ["language"],
    ["models"],
    ["domain"],
    ["loading"],
    ["rules"],
    ["engine"],
    ["formatters", "rendering", "writing"],
    ["kolada"],
    ["cli"],
]
LAYER_OF = {name: level for level, names in enumerate(LAYERS) for name in names}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield path, parts[:-1] if parts[-1] == "__init__" else parts, parts[-1] == "__init__"


def _imports(path: Path, module: tuple[str, ...], is_package: bool) -> set[tuple[str, ...]]:
    """Every roda_traden module ``path`` imports, at the top or inside a function."""
    found = set()
    base = module if is_package else module[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                target = base[: len(base) - node.level + 1] + tuple((node.module or "").split(".") if node.module else ())
            else:
                target = tuple((node.module or "").split("."))
            if target[:1] == ("roda_traden",):
                found.add(target)
                found.update(target + (alias.name,) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(tuple(a.name.split(".")) for a in node.names if a.name.startswith("roda_traden"))
    return found


def _package(module: tuple[str, ...]) -> str | None:
    return module[1] if len(module) > 1 and module[1] in LAYER_OF else None


def test_every_package_has_a_layer():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages - {"templates"} == set(LAYER_OF)
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert loose == [], "top-level modules belong in a layer's package"


def test_each_layer_imports_only_those_below_it():
    wrong = []
    for path, module, is_package in _modules():
        own = _package(module)
        if own is None:
            continue
        for target in _imports(path, module, is_package):
            other = _package(target)
            if other is None or other == own:
                continue
            if LAYER_OF[other] >= LAYER_OF[own]:
                wrong.append(f"{'.'.join(module)} imports {'.'.join(target)}")
    assert sorted(set(wrong)) == []


def test_no_import_cycles_inside_a_package():
    graph: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    modules = {module for _p, module, _i in _modules()}
    for path, module, is_package in _modules():
        graph[module] = {t for t in _imports(path, module, is_package) if t in modules and t != module
                         and _package(t) == _package(module) and t != module[:2]}
    done: set = set()

    def visit(node, trail):
        if node in trail:
            raise AssertionError("import cycle: " + " → ".join(".".join(m) for m in [*trail, node]))
        if node in done:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, [*trail, node])
        done.add(node)

    for module in graph:
        visit(module, [])
