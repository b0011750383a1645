"""No hidden wiring in services: no import cycle among its modules, no imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "src" / "fitrec" / "services"
PACKAGE = "fitrec.services"

# (file, imported module) -> why the import sits inside a function. Only a measured
# start-up cost justifies one; say so in a comment beside the import.
ALLOWED_IN_FUNCTIONS: dict[tuple[str, str], str] = {
    ("sessions.py", "fitrec.services.programs"): "sessions.py is rewritten for the read model",
    ("history.py", "fitrec.catalog.loading"): "history.py is rewritten for the read model",
    ("history.py", "fitrec.interchange.sanity"): "history.py is rewritten for the read model",
    ("history.py", "fitrec.services.errors"): "history.py is rewritten for the read model",
}


def _modules_named(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The absolute modules an import statement names (`from pkg import mod` names pkg.mod)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or node.module is None:
        return []
    if node.module == PACKAGE:
        return [f"{PACKAGE}.{alias.name}" for alias in node.names]
    return [node.module]


def service_imports(folder: Path) -> dict[str, set[str]]:
    """Each services module -> the services modules it imports (anywhere in the file)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.py")):
        name = f"{PACKAGE}.{path.stem}"
        graph[name] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for module in _modules_named(node):
                    if module.startswith(f"{PACKAGE}.") and module != name:
                        graph[name].add(module)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def function_level_imports(folder: Path) -> list[tuple[str, int, str]]:
    """(file, line, module) of every import statement inside a function body."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    for module in _modules_named(node) or ["(relative)"]:
                        found.append((path.name, node.lineno, module))
    return sorted(set(found))


def test_services_modules_import_each_other_without_a_cycle() -> None:
    assert find_cycle(service_imports(SERVICES)) is None


def test_services_import_nothing_inside_functions() -> None:
    hidden = [
        f"services/{file}:{line} imports {module}"
        for file, line, module in function_level_imports(SERVICES)
        if (file, module) not in ALLOWED_IN_FUNCTIONS
    ]
    assert hidden == []


def test_a_planted_cycle_and_a_planted_hidden_import_are_caught(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from fitrec.services.b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from fitrec.services import a\n"
        "def f():\n    import json\n",
        encoding="utf-8",
    )
    cycle = find_cycle(service_imports(tmp_path))
    assert cycle == ["fitrec.services.a", "fitrec.services.b", "fitrec.services.a"]
    assert function_level_imports(tmp_path) == [("b.py", 5, "json")]
