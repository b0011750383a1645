"""The pure core imports no framework, and adapters never reach past the services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "fitrec"
PURE = ("domain", "catalog", "rules", "analytics", "planning", "textformat", "interchange")
FRAMEWORKS = {
    "sqlalchemy",
    "fastapi",
    "starlette",
    "typer",
    "rich",
    "jinja2",
    "httpx",
    "psycopg",
    "alembic",
    "uvicorn",
    "pydantic",
    "pydantic_settings",
    "click",
    "argon2",
}
ADAPTERS = ("api", "web", "cli")


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def files_of(package: str) -> list[Path]:
    """The Python files of a subpackage of fitrec."""
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("package", PURE)
def test_pure_core_imports_no_framework(package: str) -> None:
    files = files_of(package)
    assert files, f"fitrec.{package} has no modules"
    for path in files:
        bad = {m for m in imported_modules(path) if m.split(".")[0] in FRAMEWORKS}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


@pytest.mark.parametrize("package", PURE)
def test_pure_core_imports_only_pure_fitrec(package: str) -> None:
    for path in files_of(package):
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] == "fitrec" and len(parts) > 1:
                assert parts[1] in PURE, f"{path.relative_to(SRC)} imports {module}"


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_adapters_call_services_not_store_or_each_other(adapter: str) -> None:
    for path in files_of(adapter):
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] == "fitrec" and len(parts) > 1:
                others = set(ADAPTERS) - {adapter}
                assert parts[1] != "store", f"{path.relative_to(SRC)} imports {module}"
                assert parts[1] not in others, f"{path.relative_to(SRC)} imports {module}"


def test_a_planted_violation_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlalchemy\nfrom fastapi import FastAPI\n", encoding="utf-8")
    assert {"sqlalchemy", "fastapi"} <= imported_modules(bad)
