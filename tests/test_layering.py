"""The layering rules of DESIGN.md, checked on the source: the core never imports the screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "immersion"

# package -> project packages it may import
ALLOWED = {
    "domain": {"domain"},
    "store": {"domain", "store", "paths", "__init__"},
    "charts": {"domain", "charts", "texts"},
    "report": {"store", "domain", "charts", "report", "paths", "texts", "__init__"},
}
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _files(package: str) -> list[Path]:
    return sorted((PACKAGE / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["domain", "store"])
def test_core_never_imports_qt(package: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _files(package)
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_packages_import_only_lower_layers(package: str) -> None:
    offenders = []
    for path in _files(package):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "immersion" and len(parts) > 1 and parts[1] not in ALLOWED[package]:
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_no_sql_outside_store() -> None:
    """SQL keywords in string literals are only in store/ (the UI never talks to a connection)."""
    suspicious = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if any(word in node.value for word in suspicious) and "sqlite" not in node.value.lower():
                    offenders.append(f"{path.relative_to(PACKAGE)}: {node.value[:40]!r}")
    assert offenders == []
