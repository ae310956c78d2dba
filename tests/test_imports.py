"""The import structure: no circle between ktt's modules, counting the imports made
inside functions (which hide a circle from Python but not from a reader), and the
message catalogue a leaf that every module may import."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "ktt_cli"


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of `package` -> the modules of the package it imports, anywhere in it."""
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    inner = f"{node.module}.{alias.name}"
                    found.add(inner if inner in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        root = package.name
        graph[name] = {m for m in found if m in modules and m not in (name, root)}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another, directly or through others."""
    reach = {m: _reachable(graph, m) for m in graph}
    groups = {frozenset(m for m in graph if start in reach[m] and m in reach[start]) | {start}
              for start in graph if start in reach[start]}  # fmt: skip
    return sorted(sorted(g) for g in groups)


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph[module])
    return seen


def test_no_module_imports_itself_through_others() -> None:
    assert circles(import_graph(SRC)) == []


def test_the_catalogue_of_messages_is_a_leaf() -> None:
    assert import_graph(SRC)["ktt_cli.messages"] == set()


def test_a_circle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import x\n")
    (package / "b.py").write_text("def x():\n    from pkg import a\n")
    (package / "c.py").write_text("import pkg.a\n")
    assert circles(import_graph(package)) == [["pkg.a", "pkg.b"]]
